# Co-simulation models of generated FU configurations, built at BUILD time.
#
# Why not Verilator's verilate(): it runs Verilator when CMake configures (verilator issues
# 4007 and 4068), so the RTL would have to exist before the build that makes energon-gen. Here
# a custom command runs energon-gen, then `verilator --cc --build` (Verilator's own makefile,
# which knows the file list it just wrote and compiles it in parallel, through ccache when
# present), in the build. The Verilator runtime is not part of that archive: the project builds
# it once (energon_verilated) for every model.
#
# The includer provides:
#   ENERGON_GEN_COMMAND   energon-gen to run ($<TARGET_FILE:energon-gen> or a path)
#   ENERGON_GEN_DEPENDS   what the custom command depends on for it (target or path)
#   targets energon_sim (harness core) and energon_verilated (runtime)
# (in the project: sim/CMakeLists.txt; in a user's project: EnergonConfig.cmake, which
# find_package(Energon) reads, and energon_add_accelerator in EnergonAccelerator.cmake).

include_guard(GLOBAL)  # JOB_POOLS must be declared once

find_program(ENERGON_VERILATOR verilator HINTS "${VERILATOR_ROOT}/bin" REQUIRED)
find_program(ENERGON_CCACHE ccache)
find_program(ENERGON_YOSYS yosys)
# One model build at a time, each using every core for its C++ files (its make -j).
set_property(GLOBAL APPEND PROPERTY JOB_POOLS energon_verilator=1)

# energon_cosim_model(<name> CONFIG <file> [FAULT <file.fault>] [TRACE] [NETLIST])
#   Library target energon_model_<name>: the Verilated model of CONFIG (with the test-only RTL
#   edits of a fault file applied, sim/cmake/apply_fault.cmake), its adapter and the harness. Its header
#   <name>_dut.h declares energon::sim::models::<name>_fu::Model(). TRACE compiles FST tracing
#   in (about twice the C++ of the model). NETLIST models the Yosys gate netlist of the RTL
#   (synth/yosys.ys) instead of the RTL itself.
function(energon_cosim_model name)
  cmake_parse_arguments(ARG "TRACE;NETLIST" "CONFIG;FAULT" "" ${ARGN})
  if(NOT name MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "energon_cosim_model: '${name}' is not a lower-case C identifier")
  endif()
  get_filename_component(config "${ARG_CONFIG}" ABSOLUTE)
  set(cmake_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  cmake_host_system_information(RESULT cores QUERY NUMBER_OF_LOGICAL_CORES)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/models/${name}")
  set(NAME "${name}")
  set(CONFIG "${ARG_CONFIG}")
  set(FAULT_NOTE "")
  if(ARG_FAULT)
    get_filename_component(fault_name "${ARG_FAULT}" NAME_WE)
    set(FAULT_NOTE ", with the injected RTL fault '${fault_name}'")
  endif()
  if(ARG_NETLIST)
    if(NOT ENERGON_YOSYS)
      message(FATAL_ERROR "energon_cosim_model(${name} NETLIST): yosys not found; install the "
                          "Debian package yosys (scripts/setup does)")
    endif()
    string(APPEND FAULT_NOTE ", as its Yosys gate netlist")
  endif()
  configure_file("${cmake_dir}/dut_adapter.h.in" "${dir}/include/${name}_dut.h" @ONLY)

  set(archive "${dir}/libdut_model.a")
  set(adapter "${dir}/adapter/${name}_dut.cc")
  add_custom_command(
    OUTPUT "${archive}" "${adapter}"
    COMMAND "${CMAKE_COMMAND}"
            "-DGEN=${ENERGON_GEN_COMMAND}" "-DCONFIG=${config}" "-DFAULT=${ARG_FAULT}"
            "-DTRACE=${ARG_TRACE}" "-DNETLIST=${ARG_NETLIST}" "-DYOSYS=${ENERGON_YOSYS}"
            "-DOUT=${dir}" "-DNAME=${name}"
            "-DVERILATOR=${ENERGON_VERILATOR}" "-DCXX=${CMAKE_CXX_COMPILER}"
            "-DOBJCACHE=${ENERGON_CCACHE}" "-DJOBS=${cores}"
            "-DADAPTER_TEMPLATE=${cmake_dir}/dut_adapter.cc.in"
            -P "${cmake_dir}/build_model.cmake"
    DEPENDS ${ENERGON_GEN_DEPENDS} "${config}" "${cmake_dir}/build_model.cmake"
            "${cmake_dir}/dut_adapter.cc.in" "${cmake_dir}/apply_fault.cmake" ${ARG_FAULT}
    JOB_POOL energon_verilator
    COMMENT "Generating and verilating the ${name} accelerator model"
    VERBATIM)

  add_library(energon_model_${name} STATIC "${adapter}")
  target_include_directories(energon_model_${name} PUBLIC "${dir}/include")
  # The generated model and params headers: warnings there are not the project's.
  target_include_directories(energon_model_${name} SYSTEM PRIVATE "${dir}/model" "${dir}/gen")
  target_compile_definitions(energon_model_${name} PRIVATE
    VM_TRACE=$<BOOL:${ARG_TRACE}> VM_TRACE_FST=$<BOOL:${ARG_TRACE}> VM_COVERAGE=0 VM_SC=0)
  target_link_libraries(energon_model_${name} PUBLIC energon_sim "${archive}" energon_verilated)
  # Where the model's build keeps gen/ (energon-gen's output) and model/ (Verilator's C++).
  set_target_properties(energon_model_${name} PROPERTIES ENERGON_MODEL_DIR "${dir}")
endfunction()

# energon_cosim_runner(<name> [OUTPUT_DIRECTORY <dir>])
#   The energon-cosim program of model <name> (target energon_cosim_<name>, file
#   energon-cosim in OUTPUT_DIRECTORY, default the model's folder).
function(energon_cosim_runner name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "" ${ARGN})
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/models/${name}")
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${dir}")
  endif()
  set(NAME "${name}")
  configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../tools/energon_cosim_main.cc.in"
                 "${dir}/energon_cosim_main.cc" @ONLY)
  add_executable(energon_cosim_${name} "${dir}/energon_cosim_main.cc")
  target_link_libraries(energon_cosim_${name} PRIVATE energon_model_${name} energon_sim_cli)
  set_target_properties(energon_cosim_${name} PROPERTIES
    OUTPUT_NAME energon-cosim RUNTIME_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
endfunction()
