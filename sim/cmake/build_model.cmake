# Build-time step of one co-simulation model (cmake -P; see EnergonCosim.cmake):
#   1. energon-gen writes the configuration's output folder to OUT/gen;
#   2. Verilator lints the RTL (-Wall: any warning fails the build), translates it to C++ as
#      class V<NAME> (so models of one configuration with different faults link into one
#      program) and compiles it with its own makefile (--build) into OUT/libdut_model.a;
#   3. the adapter OUT/adapter/NAME_dut.cc binding every port of the model is written from
#      ADAPTER_TEMPLATE and the manifest's port list.
# With NETLIST, step 2 verilates the gate netlist instead: Yosys runs the folder's own
# synth/yosys.ys and writes the result (OUT/netlist/), which Verilator compiles without lint
# (generated gates are not lint-clean code; the RTL is linted by the lint label).
# When the generator's output and the flow are unchanged, nothing is rebuilt: the outputs keep
# their time stamps, so (Ninja restats custom commands) nothing downstream rebuilds either.
#
# Inputs (-D): GEN, CONFIG, FAULT (a fault file, apply_fault.cmake; may be empty), TRACE (ON/OFF), NETLIST (ON/OFF), YOSYS (with
# NETLIST), OUT, NAME, VERILATOR, CXX, OBJCACHE (may be empty), JOBS, ADAPTER_TEMPLATE.

cmake_minimum_required(VERSION 3.25)

set(required GEN CONFIG OUT NAME VERILATOR CXX JOBS ADAPTER_TEMPLATE)
if(NETLIST)
  list(APPEND required YOSYS)
endif()
foreach(var IN LISTS required)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "build_model.cmake: ${var} is not set")
  endif()
endforeach()

include("${CMAKE_CURRENT_LIST_DIR}/apply_fault.cmake")
set(gen_args --config "${CONFIG}")
file(REMOVE_RECURSE "${OUT}/gen.new")
execute_process(
  COMMAND "${GEN}" ${gen_args} --out "${OUT}/gen.new"
  RESULT_VARIABLE gen_status
  OUTPUT_VARIABLE gen_output
  ERROR_VARIABLE gen_output)
if(NOT gen_status EQUAL 0)
  message(FATAL_ERROR "energon-gen ${gen_args} failed (${gen_status}):\n${gen_output}")
endif()

file(READ "${OUT}/gen.new/manifest.json" manifest)
string(JSON top GET "${manifest}" top)
set(fault_text "")
set(FAULT_NAME "")
if(FAULT)
  get_filename_component(FAULT_NAME "${FAULT}" NAME_WE)
  # A test-owned fault file (apply_fault.cmake): the RTL is edited after generation.
  string(JSON prefix GET "${manifest}" config prefix)
  energon_apply_fault("${FAULT}" "${OUT}/gen.new/rtl" "${prefix}")
  file(READ "${FAULT}" fault_text)
endif()
# -fno-dfg: Verilator 5.006's data-flow-graph pass merges the per-lane slice assigns of the
# score stage ({kbits, acc, index} per lane) into chains of wide concatenations, O(L^2) words
# copied per evaluation: the default configuration simulates 6x slower with it (6 k against
# 37 k cycles/s) and compiles no faster.
set(verilator_flags --cc --x-assign unique --x-initial unique -fno-dfg)
if(NETLIST)
  # -fno-gate: Verilator 5.006's gate optimization (with or without its DFG pass) simulates
  # Yosys netlists of fu_score wrongly: max and min of the row statistics come out swapped
  # and sign-flipped, where Icarus on the same netlist agrees with the RTL cycle for cycle.
  list(APPEND verilator_flags -Wno-fatal -Wno-lint -Wno-style -fno-gate)
else()
  list(APPEND verilator_flags -Wall)
endif()
if(TRACE)
  list(APPEND verilator_flags --trace-fst)
endif()
list(JOIN verilator_flags " " flags_text)
set(build_flags "verilator ${flags_text}; C++ -O1 (OPT_FAST), -O0 (OPT_SLOW)")
execute_process(COMMAND "${VERILATOR}" --version OUTPUT_VARIABLE verilator_version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(SHA256 "${CMAKE_CURRENT_LIST_FILE}" flow_hash)
file(SHA256 "${CMAKE_CURRENT_LIST_DIR}/apply_fault.cmake" fault_flow_hash)
string(APPEND flow_hash " ${fault_flow_hash}")
file(SHA256 "${ADAPTER_TEMPLATE}" adapter_hash)
if(NETLIST)
  execute_process(COMMAND "${YOSYS}" -V OUTPUT_VARIABLE yosys_version
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(APPEND build_flags "; the ${yosys_version} netlist of synth/yosys.ys")
endif()
string(CONCAT signature "${verilator_version}\n${build_flags}\n${CXX}\n${NAME}\n${fault_text}\n"
       "${flow_hash}\n${adapter_hash}\n${manifest}")

set(archive "${OUT}/libdut_model.a")
set(adapter "${OUT}/adapter/${NAME}_dut.cc")
if(EXISTS "${OUT}/signature.txt" AND EXISTS "${archive}" AND EXISTS "${adapter}")
  file(READ "${OUT}/signature.txt" old_signature)
  if(old_signature STREQUAL signature)
    file(REMOVE_RECURSE "${OUT}/gen.new")
    message(STATUS "${NAME}: RTL unchanged, model up to date")
    return()
  endif()
endif()
file(REMOVE "${OUT}/signature.txt")
file(REMOVE_RECURSE "${OUT}/gen" "${OUT}/model")
file(RENAME "${OUT}/gen.new" "${OUT}/gen")

# The filelist holds paths relative to itself: -F resolves them so.
string(JSON prefix GET "${manifest}" config prefix)
set(sources -F "${OUT}/gen/${prefix}energon.f")
if(NETLIST)
  string(JSON mem_style GET "${manifest}" config mem-style)
  if(NOT mem_style STREQUAL "behavioral")
    message(FATAL_ERROR "${CONFIG}: mem-style ${mem_style} has no simulatable memories; a "
                        "netlist model needs mem-style behavioral")
  endif()
  file(MAKE_DIRECTORY "${OUT}/netlist")
  file(READ "${OUT}/gen/synth/yosys.ys" synth_script)
  set(netlist "${OUT}/netlist/${top}.v")
  file(WRITE "${OUT}/netlist/netlist.ys" "${synth_script}write_verilog -noattr ${netlist}\n")
  string(TIMESTAMP start "%s")
  execute_process(
    COMMAND "${YOSYS}" -q -l "${OUT}/netlist/yosys.log" -s "${OUT}/netlist/netlist.ys"
    WORKING_DIRECTORY "${OUT}/gen"
    RESULT_VARIABLE yosys_status
    OUTPUT_VARIABLE yosys_output
    ERROR_VARIABLE yosys_output)
  if(NOT yosys_status EQUAL 0)
    message(FATAL_ERROR "Yosys failed on ${NAME} (${CONFIG}); log in "
                        "${OUT}/netlist/yosys.log:\n${yosys_output}")
  endif()
  string(TIMESTAMP stop "%s")
  math(EXPR seconds "${stop} - ${start}")
  message(STATUS "${NAME}: synthesized ${top} with Yosys in ${seconds} s")
  set(sources "${netlist}")
endif()
set(make_flags "OPT_FAST=-O1" "OPT_SLOW=-O0" "OPT_GLOBAL=-O1" "CXX=${CXX}")
if(OBJCACHE)
  list(APPEND make_flags "OBJCACHE=${OBJCACHE}")
endif()
set(make_args)
foreach(flag IN LISTS make_flags)
  list(APPEND make_args -MAKEFLAGS "${flag}")
endforeach()
string(TIMESTAMP start "%s")
execute_process(
  COMMAND "${VERILATOR}" ${verilator_flags} --build -j ${JOBS} ${make_args}
          --top-module "${top}" --prefix "V${NAME}" --Mdir "${OUT}/model" ${sources}
  RESULT_VARIABLE verilator_status
  OUTPUT_VARIABLE verilator_output
  ERROR_VARIABLE verilator_output)
if(NOT verilator_status EQUAL 0)
  message(FATAL_ERROR "Verilator failed on ${NAME} (${CONFIG}); RTL lint must be clean "
                      "(-Wall, no -Wno-fatal):\n${verilator_output}")
endif()
string(TIMESTAMP stop "%s")
math(EXPR seconds "${stop} - ${start}")
message(STATUS "${NAME}: verilated and compiled ${top} in ${seconds} s")
file(COPY_FILE "${OUT}/model/V${NAME}__ALL.a" "${archive}" ONLY_IF_DIFFERENT)

# The adapter: names from the manifest and the params header, one Bind per port.
set(MANIFEST "manifest.json of ${CONFIG}")
set(MODEL_CLASS "V${NAME}")
string(JSON nfiles LENGTH "${manifest}" files)
math(EXPR last "${nfiles} - 1")
foreach(i RANGE ${last})
  string(JSON path GET "${manifest}" files ${i} path)
  if(path MATCHES "params\\.h$")
    set(PARAMS_HEADER "${path}")
  endif()
endforeach()
file(STRINGS "${OUT}/gen/${PARAMS_HEADER}" namespace_line REGEX "^namespace [a-z0-9_:]+ {")
string(REGEX REPLACE "^namespace ([a-z0-9_:]+) {.*" "\\1" PARAMS_NAMESPACE "${namespace_line}")
set(PORT_BINDS "")
string(JSON nports LENGTH "${manifest}" ports)
math(EXPR last "${nports} - 1")
foreach(i RANGE ${last})
  string(JSON port GET "${manifest}" ports ${i} name)
  string(JSON width GET "${manifest}" ports ${i} width)
  string(APPEND PORT_BINDS "  ports.Bind(\"${port}\", VerilatedPort(m.${port}, ${width}));\n")
endforeach()
if(TRACE)
  set(TRACED true)
else()
  set(TRACED false)
endif()
set(BUILD_FLAGS "${build_flags}")
configure_file("${ADAPTER_TEMPLATE}" "${adapter}" @ONLY)
# The adapter is the one file that includes the model's headers, which Ninja cannot see as
# outputs of this step: a fresh time stamp makes it recompile against the new model even when
# its text is unchanged (a stale object would construct the model with an old class size).
file(TOUCH "${adapter}")
file(WRITE "${OUT}/signature.txt" "${signature}")
