# energon_run_or_fail(<what> <command>...), for cmake -P test scripts: runs the command and, on
# a non-zero exit, stops the script with "<CASE>: <what> exited <status>:", the command line
# and what it printed.
function(energon_run_or_fail what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    list(JOIN ARGN " " text)
    message(FATAL_ERROR "${CASE}: ${what} exited ${status}:\n  ${text}\n${out}")
  endif()
endfunction()
