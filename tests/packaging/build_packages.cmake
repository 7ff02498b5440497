# SPDX-License-Identifier: MIT
# cmake -DMARGINALIA_BUILD_DIR=… -DMARGINALIA_SOURCE_DIR=… -DWORK=… -DCPACK=… -DCXX_COMPILER=… -P build_packages.cmake
#
# What a user and a plugin packager do with the .debs, without root: build them (cpack), unpack
# them into WORK/root (`dpkg -x`, as dpkg would install them under /), build the acronyms plugin
# against the unpacked marginalia-dev and package it with its CPack example, and unpack that
# too, so WORK/root/usr holds marginalia with a third-party plugin package installed.
cmake_minimum_required(VERSION 3.20)
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/script_steps.cmake)
require_variables(MARGINALIA_BUILD_DIR MARGINALIA_SOURCE_DIR WORK CPACK CXX_COMPILER)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/root)
run(${CPACK} -G DEB --config ${MARGINALIA_BUILD_DIR}/CPackConfig.cmake -B ${WORK}/debs)
file(GLOB debs ${WORK}/debs/*.deb)
foreach(deb ${debs})
  run(dpkg-deb -x ${deb} ${WORK}/root)
endforeach()

# The plugin sees only the unpacked /usr: no package registry, no build tree.
set(plugin_build ${WORK}/build-acronyms)
run(${CMAKE_COMMAND} -S ${MARGINALIA_SOURCE_DIR}/plugins/acronyms -B ${plugin_build}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${WORK}/root/usr
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
run(${CMAKE_COMMAND} --build ${plugin_build} -j2)
run(${CPACK} -G DEB --config ${plugin_build}/CPackConfig.cmake -B ${WORK}/plugin-debs)
file(GLOB plugin_debs ${WORK}/plugin-debs/*.deb)
foreach(deb ${plugin_debs})
  run(dpkg-deb -x ${deb} ${WORK}/root)
endforeach()
list(LENGTH debs count)
message(STATUS "${count} marginalia packages and ${plugin_debs} unpacked into ${WORK}/root")
