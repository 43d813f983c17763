# Test-only fault injection into generated RTL (included by build_model.cmake). A fault file
# (tests/sim/faults/*.fault) holds one or more edits:
#   # a comment: what the fault models
#   file: au_logit                       the module's file, <prefix>au_logit.sv
#   find: assign fire = state_q == Run && rsp_valid_i && adv;
#   replace: assign fire = state_q == Run && adv;
# Each find text must occur exactly once in its file, so an edit that no longer matches the
# templates fails the build instead of silently testing nothing. In find and replace, \n
# stands for a line break. The production templates and energon-gen know nothing of faults.

# Applies the edits of FAULT_FILE to the files of RTL_DIR whose modules carry PREFIX.
function(energon_apply_fault fault_file rtl_dir prefix)
  file(READ "${fault_file}" text)
  # CMake lists split on ';', which SystemVerilog is full of: protect it while splitting lines.
  string(REPLACE ";" "<semicolon>" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(edits 0)
  set(module "")
  set(find "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*(#|$)")
      continue()
    elseif(line MATCHES "^file: (.+)$")
      set(module "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^find: (.+)$")
      set(find "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^replace: ?(.*)$")
      set(replace "${CMAKE_MATCH_1}")
      if(module STREQUAL "" OR find STREQUAL "")
        message(FATAL_ERROR "${fault_file}: 'replace:' needs a 'file:' and a 'find:' before it")
      endif()
      foreach(var find replace)
        string(REPLACE "<semicolon>" ";" ${var} "${${var}}")
        string(REPLACE "\\n" "\n" ${var} "${${var}}")
      endforeach()
      set(path "${rtl_dir}/${prefix}${module}.sv")
      if(NOT EXISTS "${path}")
        message(FATAL_ERROR "${fault_file}: the design has no module ${prefix}${module}")
      endif()
      file(READ "${path}" rtl)
      string(FIND "${rtl}" "${find}" first)
      string(FIND "${rtl}" "${find}" last REVERSE)
      if(first EQUAL -1 OR NOT first EQUAL last)
        message(FATAL_ERROR "${fault_file}: '${find}' must occur exactly once in "
                            "${prefix}${module}.sv; update the fault to the templates")
      endif()
      string(REPLACE "${find}" "${replace}" rtl "${rtl}")
      file(WRITE "${path}" "${rtl}")
      math(EXPR edits "${edits} + 1")
      set(find "")
    else()
      message(FATAL_ERROR "${fault_file}: cannot read '${line}'; lines are 'file: MODULE', "
                          "'find: TEXT', 'replace: TEXT' or # comments")
    endif()
  endforeach()
  if(edits EQUAL 0)
    message(FATAL_ERROR "${fault_file}: no edit (file:, find:, replace:)")
  endif()
endfunction()
