# SPDX-License-Identifier: MIT
# Shared by the cmake -P scripts that replay what a user or a plugin author does outside this
# build (tests/sdk_consumer, tests/packaging): each needs some -D variables and runs commands
# that must succeed, showing their output when one does not.

# Stops with a message naming the script when one of the variables was not given with -D.
function(require_variables)
  foreach(variable ${ARGN})
    if(NOT DEFINED ${variable})
      get_filename_component(script ${CMAKE_SCRIPT_MODE_FILE} NAME)
      message(FATAL_ERROR "${script} needs -D${variable}=…")
    endif()
  endforeach()
endfunction()

# Runs a command; a failure stops the script with the command, its status and its output.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()
