# One fuzz target's ctest run (fuzz/CMakeLists.txt): SECONDS of fuzzing from the checked-in
# seeds (SEEDS, read only) into a fresh working corpus (WORK). Fails on any finding (a crash,
# a broken invariant, a leak, undefined behavior, a timeout, running out of memory) with the
# saved input and the command that reproduces it.
#   cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DSECONDS=... -P short_run.cmake

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
execute_process(
  COMMAND "${FUZZER}" "-max_total_time=${SECONDS}" -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 "-artifact_prefix=${WORK}/artifacts/" "${WORK}/corpus" "${SEEDS}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(GLOB findings "${WORK}/artifacts/*")
  list(JOIN findings " " findings)
  message(FATAL_ERROR "${FUZZER} found a bug (exit status ${status}); the input is in "
                      "${findings}\nreproduce: ${FUZZER} ${findings}")
endif()
