#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian package marginalia's build and tests need. Idempotent and fast when all
# are present: apt-get runs only if a package is missing. With --build-only, only what building
# the binary, the plugins and the Debian packages needs (the Dockerfile's build stage).
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config
  python3                                        # writes the man page from the binary's help (docs/man)
  dpkg-dev file                                  # cpack's Debian packages: dpkg-shlibdeps computes Depends
  libboost-dev                                   # Boost.DLL (header-only)
  libpugixml-dev                                 # TEI reader
  libcurl4-openssl-dev                           # URL checks and the fetch service
  nlohmann-json3-dev                             # JSON output, configuration, plugin IPC
  libsqlite3-dev                                 # URL result cache
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown reader (CommonMark + GFM footnotes)
  libxml2-dev                                    # HTML reader (libxml2's HTML parser)
  libzip-dev                                     # DOCX reader (ZIP container, in memory)
  libutf8proc-dev                                # the SDK's text utilities: Unicode letter and case classes (names in any script)
  libre2-dev                                     # rules plugin: linear-time patterns (no catastrophic backtracking)
  libyaml-cpp-dev                                # rules plugin: YAML rule files
  libvalijson-dev                                # JSON Schema (draft 7) validation of configurations and plugin options (header-only)
)
test_packages=(
  libgtest-dev libgmock-dev                      # tests
  jing                                           # TEI validation in the tests
  python3-jsonschema                             # SARIF/JSON schema validation in the tests
  chromium                                       # the HTML report's browser test (driven by playwright-core from npm)
  neovim                                         # test only: a real LSP client for `marginalia lsp` (tests/lsp; skipped without it)
  emacs-nox elpa-eglot elpa-markdown-mode        # test only: the language server's Emacs client test (eglot, tests/lsp; skipped without it)
  libreoffice-writer-nogui                       # test only: a real reader opens the --annotate'd DOCX (headless)
  poppler-utils                                  # docs only: pdftoppm renders docs/annotated-draft.png
)

packages=("${build_packages[@]}")
if [ "${1:-}" != "--build-only" ]; then packages+=("${test_packages[@]}"); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
