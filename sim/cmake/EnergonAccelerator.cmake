# energon_add_accelerator: one generated accelerator as a library target of a user's project
# (docs/downstream.md). find_package(Energon) includes this file; the project itself can too.
#
# energon_add_accelerator(<target> (CONFIG <file> | OPTIONS <key>=<value>...) [TRACE])
#   At build time energon-gen writes the configuration's RTL and Verilator compiles it
#   (EnergonCosim.cmake, energon_cosim_model: lint-clean -Wall, one shared Verilator runtime).
#   <target> is an INTERFACE library; linking it gives
#     - <target>_dut.h: energon::sim::models::<target>_fu::Model(), the model for the
#       co-simulation harness (sim/cosim.h RunCosim, sim/cli.h Main);
#     - V<target>.h: the bare Verilated top (ports clk_i, rst_ni, ...), with verilated.h;
#     - the configuration's params header (<prefix>params.h); C++20 (energon_golden asks it).
#   CONFIG is a configuration file (configs/*.cfg syntax), relative to the calling
#   CMakeLists.txt's folder; OPTIONS are its key = value lines given inline, e.g.
#   OPTIONS d=16 n-max=32 fu-lanes=4. TRACE compiles FST tracing in.
#   The target's property ENERGON_GEN_DIR is the folder energon-gen writes (rtl/, the filelists,
#   manifest.json, the FuseSoC core, synth/), for other tools of the project.

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/EnergonCosim.cmake")

function(energon_add_accelerator target)
  set(where "energon_add_accelerator(${target})")
  cmake_parse_arguments(PARSE_ARGV 1 ARG "TRACE" "CONFIG" "OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    list(JOIN ARG_UNPARSED_ARGUMENTS " " extra)
    message(FATAL_ERROR "${where}: unknown arguments '${extra}'; the arguments are "
                        "CONFIG <file>, OPTIONS <key>=<value>... and TRACE")
  endif()
  if(NOT target MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${where}: the target name must be a lower-case C identifier "
                        "([a-z][a-z0-9_]*): it names the C++ class V${target} and the namespace "
                        "energon::sim::models::${target}_fu; use e.g. my_accel")
  endif()
  if(TARGET ${target} OR TARGET energon_model_${target})
    message(FATAL_ERROR "${where}: a target named ${target} (or energon_model_${target}) exists "
                        "already; choose another name")
  endif()

  if(DEFINED ARG_CONFIG AND DEFINED ARG_OPTIONS)
    message(FATAL_ERROR "${where}: give CONFIG or OPTIONS, not both; put the options in the "
                        "configuration file instead")
  elseif(DEFINED ARG_CONFIG)
    get_filename_component(config "${ARG_CONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${config}" OR IS_DIRECTORY "${config}")
      message(FATAL_ERROR "${where}: CONFIG '${ARG_CONFIG}' is not a file (read as ${config}); "
                          "give a configuration file such as Energon's configs/small_nmax.cfg")
    endif()
  elseif(DEFINED ARG_OPTIONS)
    set(text "# Written by energon_add_accelerator(${target}) from its OPTIONS; do not edit.\n")
    foreach(option IN LISTS ARG_OPTIONS)
      if(NOT option MATCHES "^([a-z][a-z-]*)=(.+)$")
        message(FATAL_ERROR "${where}: OPTIONS '${option}' is not <key>=<value>; write e.g. "
                            "fu-lanes=4 (the keys are energon-gen's long option names)")
      endif()
      string(APPEND text "${CMAKE_MATCH_1} = ${CMAKE_MATCH_2}\n")
    endforeach()
    set(config "${CMAKE_CURRENT_BINARY_DIR}/energon/${target}.cfg")
    # Rewritten only when the text changes, so an unchanged configuration rebuilds nothing.
    file(CONFIGURE OUTPUT "${config}" CONTENT "${text}")
  else()
    message(FATAL_ERROR "${where}: no configuration; give CONFIG <file> or "
                        "OPTIONS <key>=<value>...")
  endif()

  get_target_property(gen_imported energon-gen IMPORTED)
  if(gen_imported)
    # A user's project: energon-gen is built already, so the configuration is checked now,
    # with energon-gen's own messages, instead of failing in the middle of the build.
    get_target_property(gen energon-gen LOCATION)
    execute_process(COMMAND "${gen}" --config "${config}" --print-config
                    RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
      string(STRIP "${errors}" errors)
      message(FATAL_ERROR "${where}: energon-gen refused the configuration:\n${errors}")
    endif()
    set(ENERGON_GEN_COMMAND "$<TARGET_FILE:energon-gen>")
    set(ENERGON_GEN_DEPENDS "$<TARGET_FILE:energon-gen>")
  else()
    set(ENERGON_GEN_COMMAND "$<TARGET_FILE:energon-gen>")
    set(ENERGON_GEN_DEPENDS energon-gen)
  endif()

  set(trace)
  if(ARG_TRACE)
    set(trace TRACE)
  endif()
  energon_cosim_model(${target} CONFIG "${config}" ${trace})
  get_target_property(dir energon_model_${target} ENERGON_MODEL_DIR)
  add_library(${target} INTERFACE)
  target_link_libraries(${target} INTERFACE energon_model_${target})
  # Generated code: its warnings are not the user's.
  target_include_directories(${target} SYSTEM INTERFACE "${dir}/model" "${dir}/gen")
  set_target_properties(${target} PROPERTIES ENERGON_GEN_DIR "${dir}/gen")
endfunction()
