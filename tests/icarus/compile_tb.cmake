# Compiles an energon-gen output folder's RTL and testbench with Icarus (docs/icarus.md):
#   cmake -DOUT=<energon-gen --out folder> -DVVP=<file to write> -DIVERILOG=<iverilog>
#         -P compile_tb.cmake
# Any message from iverilog fails, as in scripts/lint-rtl.
file(GLOB filelist "${OUT}/*energon.f")
file(GLOB tb "${OUT}/tb/*energon_tb.sv")
get_filename_component(top "${tb}" NAME_WE)
execute_process(COMMAND "${IVERILOG}" -g2012 -DENERGON_INIT_MEMORIES -s "${top}" -o "${VVP}"
                        -c "${filelist}" "${tb}"
                WORKING_DIRECTORY "${OUT}" RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT status EQUAL 0 OR NOT out STREQUAL "")
  file(REMOVE "${VVP}")
  message(FATAL_ERROR "iverilog on ${OUT} (exit ${status}):\n${out}")
endif()
