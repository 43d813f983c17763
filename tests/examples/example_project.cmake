# ctest driver (cmake -P) of a user's project built against the Energon build tree
# (tests/examples/CMakeLists.txt):
#   SOURCE, BUILD      the project's source folder and a build folder (removed first)
#   ENERGON_DIR        the Energon build tree (its EnergonConfig.cmake)
#   GENERATOR, CXX     the CMake generator and C++ compiler; LAUNCHER: ccache or empty
#   RUN                the program to run after the build (relative to BUILD), or empty
#   EXPECT_ERROR       when set: the configure step must fail with this text in its output,
#                      and nothing is built
#   CALL               when set: passed on as -DCALL=<value> (tests/examples/bad_call)
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${BUILD}")
set(configure "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BUILD}" -G "${GENERATOR}"
    "-DEnergon_DIR=${ENERGON_DIR}" "-DCMAKE_CXX_COMPILER=${CXX}")
if(DEFINED CALL)
  list(APPEND configure "-DCALL=${CALL}")
endif()
if(LAUNCHER)
  list(APPEND configure "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
endif()
execute_process(COMMAND ${configure} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(DEFINED EXPECT_ERROR)
  string(REPLACE "\\;" ";" EXPECT_ERROR "${EXPECT_ERROR}")  # escaped for add_test
  string(REGEX REPLACE "[ \n]+" " " flat "${out}")  # CMake wraps long messages
  if(status EQUAL 0)
    message(FATAL_ERROR "configuring ${SOURCE} with CALL=${CALL} passed; expected the error:\n"
                        "${EXPECT_ERROR}\n${out}")
  endif()
  string(FIND "${flat}" "${EXPECT_ERROR}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "configuring ${SOURCE} failed, but without the expected text\n"
                        "  ${EXPECT_ERROR}\nits output:\n${out}")
  endif()
  message(STATUS "configure failed as expected: ${EXPECT_ERROR}")
  file(REMOVE_RECURSE "${BUILD}")
  return()
endif()
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring ${SOURCE} against ${ENERGON_DIR} failed:\n${out}")
endif()
string(TIMESTAMP start "%s")
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "building ${SOURCE} in ${BUILD} failed:\n${out}")
endif()
string(TIMESTAMP stop "%s")
math(EXPR seconds "${stop} - ${start}")
message(STATUS "built ${SOURCE} in ${seconds} s")
if(RUN)
  execute_process(COMMAND "${BUILD}/${RUN}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${BUILD}/${RUN} exited with ${status}")
  endif()
endif()
