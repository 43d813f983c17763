# Checks that one mutation file (tests/mutations/*.fault) still fits the RTL it was written for,
# without building a model (cmake -P; ctest runs it for every mutation, scripts/mutate before
# building one):
#   1. its header names the configurations it is for ("# configs: small_nmax tiny_1lane", names
#      of configs/ or tests/sim/configs/) and, at most once each, "# equivalent: <reason>" or
#      "# equivalent on <one of them>: <reason>";
#   2. for each of them, energon-gen writes fresh RTL and sim/cmake/apply_fault.cmake applies
#      the file's edits (each find text exactly once, or it fails);
#   3. the mutated RTL differs from the generated one and passes Verilator -Wall lint, which
#      the model build would otherwise reject (an invalid mutant, not a kill).
#
# Inputs (-D): GEN (energon-gen), VERILATOR, MUTANT (the .fault file), SOURCE_DIR (the
# repository), WORK (a scratch folder, replaced).

cmake_minimum_required(VERSION 3.25)
foreach(var GEN VERILATOR MUTANT SOURCE_DIR WORK)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_mutant.cmake: ${var} is not set")
  endif()
endforeach()
include("${SOURCE_DIR}/sim/cmake/apply_fault.cmake")

file(STRINGS "${MUTANT}" configs_lines REGEX "^# configs:")
file(STRINGS "${MUTANT}" equivalent_lines REGEX "^# equivalent:")
list(LENGTH configs_lines n_configs)
list(LENGTH equivalent_lines n_equivalent)
if(NOT n_configs EQUAL 1)
  message(FATAL_ERROR "${MUTANT}: needs exactly one '# configs: NAME ...' line (has "
                      "${n_configs}); name the configurations of configs/ it is written for")
endif()
if(n_equivalent GREATER 1)
  message(FATAL_ERROR "${MUTANT}: has ${n_equivalent} '# equivalent:' lines; give one reason")
endif()
if(equivalent_lines MATCHES "^# equivalent:[ \t]*$")
  message(FATAL_ERROR "${MUTANT}: '# equivalent:' without a reason; say why no input can tell "
                      "the mutant from the design")
endif()
string(REGEX REPLACE "^# configs:[ \t]*" "" configs "${configs_lines}")
string(REGEX REPLACE "[ \t]+" ";" configs "${configs}")
if(configs STREQUAL "")
  message(FATAL_ERROR "${MUTANT}: '# configs:' names no configuration")
endif()
file(STRINGS "${MUTANT}" equivalent_on_lines REGEX "^# equivalent on ")
foreach(line IN LISTS equivalent_on_lines)
  if(NOT line MATCHES "^# equivalent on ([a-z0-9_]+):[ \t]*[^ \t]")
    message(FATAL_ERROR "${MUTANT}: cannot read '${line}'; write '# equivalent on CONFIG: reason'")
  endif()
  if(NOT CMAKE_MATCH_1 IN_LIST configs)
    message(FATAL_ERROR "${MUTANT}: '# equivalent on ${CMAKE_MATCH_1}:' names a configuration "
                        "its '# configs:' line does not")
  endif()
endforeach()

foreach(name IN LISTS configs)
  set(config_${name} "${SOURCE_DIR}/configs/${name}.cfg")
  if(NOT EXISTS "${config_${name}}")
    set(config_${name} "${SOURCE_DIR}/tests/sim/configs/${name}.cfg")
  endif()
  if(NOT EXISTS "${config_${name}}")
    message(FATAL_ERROR "${MUTANT}: configuration '${name}' is neither configs/${name}.cfg nor "
                        "tests/sim/configs/${name}.cfg")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
foreach(name IN LISTS configs)
  set(config "${config_${name}}")
  set(out "${WORK}/${name}")
  execute_process(COMMAND "${GEN}" --config "${config}" --out "${out}/original"
                  RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE gen_error)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "energon-gen --config ${config} failed:\n${gen_error}")
  endif()
  file(COPY "${out}/original/" DESTINATION "${out}/mutant")
  file(READ "${out}/mutant/manifest.json" manifest)
  string(JSON prefix GET "${manifest}" config prefix)
  string(JSON top GET "${manifest}" top)
  energon_apply_fault("${MUTANT}" "${out}/mutant/rtl" "${prefix}")

  set(changed FALSE)
  file(GLOB rtl_files RELATIVE "${out}/original/rtl" "${out}/original/rtl/*.sv")
  foreach(rtl IN LISTS rtl_files)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${out}/original/rtl/${rtl}"
                            "${out}/mutant/rtl/${rtl}" RESULT_VARIABLE differs)
    if(NOT differs EQUAL 0)
      set(changed TRUE)
    endif()
  endforeach()
  if(NOT changed)
    message(FATAL_ERROR "${MUTANT}: its edits leave the RTL of ${name} as it was (every "
                        "replace equals its find); a mutant must change the design")
  endif()

  execute_process(
    COMMAND "${VERILATOR}" --lint-only -Wall --top-module "${top}" -F "${prefix}energon.f"
    WORKING_DIRECTORY "${out}/mutant"
    RESULT_VARIABLE lint_status
    OUTPUT_VARIABLE lint_output
    ERROR_VARIABLE lint_output)
  if(NOT lint_status EQUAL 0)
    message(FATAL_ERROR "${MUTANT}: the mutated RTL of ${name} fails Verilator -Wall lint (an "
                        "invalid mutant: the model build would reject it; name unused signals "
                        "unused_*):\n${lint_output}")
  endif()
  message(STATUS "${name}: applies, changes the RTL, lints clean")
endforeach()
