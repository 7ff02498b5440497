# SPDX-License-Identifier: MIT
# Debian packages with CPack (`cpack -G DEB` in the build folder), one per install component:
#   marginalia      (component runtime) the binary, the worker, the shipped plugins, the man page,
#                   the documentation, samples and JSON schemas under /usr/share/marginalia
#   marginalia-dev  (component dev) the SDK headers, find_package(marginalia-sdk) with
#                   marginalia_add_plugin(); depends on the same version of marginalia
# Install rules without a COMPONENT belong to runtime (CMAKE_INSTALL_DEFAULT_COMPONENT_NAME, set
# before any install rule), so a new binary or data file lands in the package by default; only
# the SDK's rules name `dev`. Depends come from dpkg-shlibdeps on the packaged ELF files.
include_guard(GLOBAL)

# The man page, generated from the built binary's help (docs/man/make_man_page.py), gzipped
# without a timestamp so the package is reproducible.
find_package(Python3 COMPONENTS Interpreter)
find_program(MARGINALIA_GZIP gzip)
if(Python3_Interpreter_FOUND AND MARGINALIA_GZIP)
  set(man_page ${CMAKE_BINARY_DIR}/share/man/man1/marginalia.1)
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/share/man/man1)
  add_custom_command(OUTPUT ${man_page}.gz
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/docs/man/make_man_page.py $<TARGET_FILE:marginalia>
            ${CMAKE_SOURCE_DIR}/docs/man/marginalia.1.in ${man_page}
    COMMAND ${MARGINALIA_GZIP} -9nf ${man_page}
    DEPENDS marginalia ${CMAKE_SOURCE_DIR}/docs/man/make_man_page.py ${CMAKE_SOURCE_DIR}/docs/man/marginalia.1.in
    COMMENT "Writing the man page marginalia(1) from marginalia's help"
    VERBATIM)
  add_custom_target(marginalia_man_page ALL DEPENDS ${man_page}.gz)
  install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "python3 or gzip not found: no man page is built, and the package has none")
endif()

# Documentation, in the source tree's layout so the plugins' relative help links
# (plugins/dates/README.md) resolve under one base, which an installed `marginalia lsp` links to
# (core/cli/lsp_command.cpp). Not /usr/share/doc: Debian's container images drop that folder.
install(FILES README.md DESTINATION ${MARGINALIA_DOC_INSTALL_DIR})
install(DIRECTORY docs/ DESTINATION ${MARGINALIA_DOC_INSTALL_DIR}/docs
  PATTERN "man" EXCLUDE PATTERN "examples" EXCLUDE)
foreach(plugin ${MARGINALIA_SHIPPED_PLUGINS})
  install(FILES plugins/${plugin}/README.md DESTINATION ${MARGINALIA_DOC_INSTALL_DIR}/plugins/${plugin})
endforeach()
install(FILES schemas/README.md DESTINATION ${MARGINALIA_DOC_INSTALL_DIR}/schemas OPTIONAL)
install(DIRECTORY samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/marginalia/samples PATTERN "*.py" EXCLUDE)
# The plugin guide's example belongs with the SDK.
install(DIRECTORY docs/examples/ DESTINATION ${MARGINALIA_DOC_INSTALL_DIR}/docs/examples COMPONENT dev)

# What the packages hold, as one target: an image build makes only this, then runs cpack with
# -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON (the Dockerfile), skipping tests, fuzz replays, benches.
add_custom_target(package_contents)
add_dependencies(package_contents marginalia marginalia-worker ${MARGINALIA_SHIPPED_PLUGINS})
if(TARGET marginalia_man_page)
  add_dependencies(package_contents marginalia_man_page)
endif()

set(MARGINALIA_PACKAGE_MAINTAINER "marginalia maintainers <marginalia@example.org>" CACHE STRING
    "The Maintainer field of the Debian packages")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME marginalia)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${MARGINALIA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# marginalia-dev depends on marginalia (= this version): the SDK's config names its binary.
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME marginalia)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
# libcurl only recommends CA certificates; without them every https URL would fail its check.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "ca-certificates")
# A third-party plugin package depends on marginalia-plugin-api-<major> and marginalia (>= the
# version whose marginalia-dev built it): the host loads plugins of its API major and an equal or
# older minor (docs/writing-a-plugin.md, "Distributing a plugin").
set(CPACK_DEBIAN_RUNTIME_PACKAGE_PROVIDES "marginalia-plugin-api-${MARGINALIA_SDK_VERSION_MAJOR}")
# Debian descriptions: the first line is the synopsis, the rest the long description (CPack
# would put CPACK_PACKAGE_DESCRIPTION_SUMMARY, when set, above both packages' descriptions).
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "check a report's footnotes, dates, quotations and cited URLs before it is published
marginalia reads plain text, Markdown, TEI, HTML and DOCX reports, runs checker plugins
(footnotes, dates, quotes, urls, rules) in isolated worker processes, and reports on the
terminal, as JSON, SARIF, JUnit, GitHub annotations, an HTML page, Word comments or a TEI-XML
annotation layer.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME marginalia-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION devel)
# Architecture-specific like marginalia itself (not `all`): the SDK may hold compiled code, and
# the two packages must come from one build.
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "cmake, g++ | clang")
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "plugin SDK for marginalia, the report checker
The C++17 headers third-party checker plugins compile against (std types only), and the CMake
package find_package(marginalia-sdk) with marginalia_add_plugin(), which builds a plugin the way
the host loads it.")
set(CPACK_COMPONENT_DEV_DEPENDS runtime)

include(CPack)
