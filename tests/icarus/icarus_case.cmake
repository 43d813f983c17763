# One Icarus test case (tests/icarus/CMakeLists.txt): energon-vectors writes the golden
# model's vectors of a workload, then the generated testbench, compiled by iverilog, runs them
# under vvp and must print PASS (every output row bit for bit).
#
#   cmake -DVECTORS=<energon-vectors> (-DVVP=<tb.vvp> | -DBINARY=<tb binary>) -DCONFIG=<file.cfg>
#         -DCASE=<name> -DWORK=<dir> -DOPTIONS=<;-list of energon-vectors options>
#         [-DPLUSARGS=<;-list>] [-DPERTURB=<word>] -P icarus_case.cmake
#
# BINARY: the same testbench built by verilator --binary (FuseSoC's sim_verilator), run instead
# of vvp.
#
# PERTURB (the test of this test) flips the low bit of expected output word <word> (counted
# from 0 over out.hex's words); the run must then fail, and the test passes only when
# the testbench names that element (PASS_REGULAR_EXPRESSION in CMakeLists.txt).
include("${CMAKE_CURRENT_LIST_DIR}/../common/run_or_fail.cmake")


foreach(var VECTORS CONFIG CASE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "icarus_case.cmake: -D${var}=... is missing")
  endif()
endforeach()

set(dir "${WORK}/${CASE}")
file(REMOVE_RECURSE "${dir}")  # stale vectors from an earlier run must not pass
set(vectors_command "${VECTORS}" --config "${CONFIG}" ${OPTIONS} --vectors "${dir}")
list(JOIN vectors_command " " vectors_text)
energon_run_or_fail(energon-vectors ${vectors_command})

if(DEFINED PERTURB)
  file(STRINGS "${dir}/out.hex" lines)
  set(words "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^//")
      list(APPEND words "${line}")
    endif()
  endforeach()
  list(GET words ${PERTURB} word)
  math(EXPR flipped "0x${word} ^ 1" OUTPUT_FORMAT HEXADECIMAL)
  string(REGEX REPLACE "^0x" "" flipped "${flipped}")
  string(LENGTH "${flipped}" n)
  math(EXPR pad "4 - ${n}")
  string(REPEAT "0" ${pad} zeros)
  set(flipped "${zeros}${flipped}")
  list(REMOVE_AT words ${PERTURB})
  list(INSERT words ${PERTURB} "${flipped}")
  list(JOIN words "\n" text)
  file(WRITE "${dir}/out.hex" "${text}\n")
  message(STATUS "${CASE}: expected word ${PERTURB} changed from ${word} to ${flipped}")
endif()

if(DEFINED BINARY)
  set(run_command "${BINARY}" "+vectors=${dir}" ${PLUSARGS})
elseif(DEFINED VVP)
  set(run_command vvp -n "${VVP}" "+vectors=${dir}" ${PLUSARGS})
else()
  message(FATAL_ERROR "icarus_case.cmake: -DVVP=... or -DBINARY=... is missing")
endif()
list(JOIN run_command " " run_text)
execute_process(COMMAND ${run_command} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
message("${out}")
if(NOT status EQUAL 0 OR NOT out MATCHES "\nPASS: ")
  message(FATAL_ERROR "${CASE}: the testbench failed (exit ${status}):\n  ${vectors_text}\n  ${run_text}")
endif()
