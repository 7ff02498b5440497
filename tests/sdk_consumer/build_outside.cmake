# SPDX-License-Identifier: MIT
# cmake -DMARGINALIA_BUILD_DIR=… -DMARGINALIA_SOURCE_DIR=… -DWORK=… -DCXX_COMPILER=… -P build_outside.cmake
#
# What a plugin author does, in a fresh folder: install marginalia into a prefix, then
# configure, build and install each outside plugin against that prefix only.
cmake_minimum_required(VERSION 3.20)
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/script_steps.cmake)
require_variables(MARGINALIA_BUILD_DIR MARGINALIA_SOURCE_DIR WORK CXX_COMPILER)

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} --install ${MARGINALIA_BUILD_DIR} --prefix ${prefix})

foreach(pair "hello=docs/examples/hello_plugin" "acronyms=plugins/acronyms")
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 name)
  list(GET pair 1 folder)
  set(build ${WORK}/build-${name})
  # Only the prefix is searched: nothing of the marginalia tree leaks into the outside build.
  run(${CMAKE_COMMAND} -S ${MARGINALIA_SOURCE_DIR}/${folder} -B ${build}
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
      -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
  run(${CMAKE_COMMAND} --build ${build} -j2)
  run(${CMAKE_COMMAND} --install ${build} --prefix ${prefix})
  message(STATUS "${name}: built against ${prefix} and installed there")
endforeach()
