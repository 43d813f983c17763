# One outside-workload case (tests/sim/CMakeLists.txt): energon-cosim and energon-golden on the
# same .npy workload with the same run options, then their --output files compared byte for
# byte. Both tools write the file with golden::WriteOutputsNpy, so any difference is a value
# the RTL produced that the golden model did not (or a harness that lost a row).
#
#   cmake -DCOSIM=<energon-cosim> -DGOLDEN=<energon-golden> -DCONFIG=<file.cfg> -DROUNDS=4x2,4x4
#         -DWORKLOADS=<dir> -DWORKLOAD=<name> -DCASE=<case> -DOPTIONS=<;-list>
#         [-DCOSIM_OPTIONS=<;-list>] [-DPYTHON=<python3>] [-DPERTURB=ON] -P outside_workload.cmake
#
# PERTURB (the test of this test) flips one bit of the RTL's file before the comparison, which
# must then fail.
#
# Writes <WORKLOADS>/<CASE>.{rtl,golden}.npy; fails (naming the case, both commands and the
# first differing element) when either tool fails or the files differ.
#
#   cmake -DPYTHON=<python3> -DMAKE_SCRIPT=make_outside_workload.py -DWORKLOADS=<dir>
#         -P outside_workload.cmake
#
# writes the workloads themselves (the test fixture every case needs).
include("${CMAKE_CURRENT_LIST_DIR}/../common/run_or_fail.cmake")


if(DEFINED MAKE_SCRIPT)
  file(REMOVE_RECURSE "${WORKLOADS}")
  execute_process(COMMAND "${PYTHON}" "${MAKE_SCRIPT}" "${WORKLOADS}" RESULT_VARIABLE status
                  OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the outside workloads need Python 3 with NumPy (the Debian package "
                        "python3-numpy; scripts/setup installs it), but '${PYTHON} "
                        "${MAKE_SCRIPT}' exited ${status}:\n${out}")
  endif()
  return()
endif()

foreach(var COSIM GOLDEN CONFIG ROUNDS WORKLOADS WORKLOAD CASE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "outside_workload.cmake: -D${var}=... is missing")
  endif()
endforeach()

set(prefix "${WORKLOADS}/${WORKLOAD}")
set(files --q "${prefix}_q.npy" --k "${prefix}_k.npy" --v "${prefix}_v.npy")
set(rtl "${WORKLOADS}/${CASE}.rtl.npy")
set(golden "${WORKLOADS}/${CASE}.golden.npy")
file(REMOVE "${rtl}" "${golden}")  # a stale file from an earlier run must not pass

set(cosim_command "${COSIM}" --config "${CONFIG}" ${files} ${OPTIONS} ${COSIM_OPTIONS}
    --output "${rtl}")
set(golden_command "${GOLDEN}" ${files} --rounds "${ROUNDS}" ${OPTIONS} --output "${golden}")
list(JOIN cosim_command " " cosim_text)
list(JOIN golden_command " " golden_text)

energon_run_or_fail(energon-cosim ${cosim_command})
energon_run_or_fail(energon-golden ${golden_command})

if(PERTURB)
  execute_process(
    COMMAND "${PYTHON}" -c
      "import sys\np = sys.argv[1]\nb = bytearray(open(p, 'rb').read())\nb[-1] ^= 1\nopen(p, 'wb').write(b)"
      "${rtl}"
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${CASE}: could not perturb ${rtl}")
  endif()
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${rtl}" "${golden}"
                RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  set(where "")
  if(PYTHON)
    # The first differing element, when NumPy can say; the byte comparison above decides.
    execute_process(
      COMMAND "${PYTHON}" -c
        "import sys, numpy\na = numpy.load(sys.argv[1]); b = numpy.load(sys.argv[2])\nif a.shape != b.shape:\n    print(f'shapes differ: RTL {a.shape}, golden {b.shape}')\nelse:\n    h, i, t = numpy.argwhere(a != b)[0]\n    print(f'first difference: head {h} query {i} element {t}: RTL {a[h, i, t]}, golden {b[h, i, t]}; {(a != b).sum()} elements differ')"
        "${rtl}" "${golden}"
      OUTPUT_VARIABLE where ERROR_VARIABLE where)
  endif()
  message(FATAL_ERROR "${CASE}: the RTL's outputs differ from the golden model's\n"
                      "  ${cosim_text}\n  ${golden_text}\n${where}")
endif()
message(STATUS "${CASE}: identical outputs from\n  ${cosim_text}\n  ${golden_text}")
