#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: installs what is missing, builds, and checks a sample report,
# printing the findings and writing the TEI annotation layer to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
status=0
# --offline: the sample cites example.org addresses; URLs get syntax checks only, no traffic.
build/bin/marginalia check samples/report-with-footnote-defects.txt --offline --tei out/report-with-footnote-defects.tei.xml || status=$?
echo "marginalia exited with $status (0 clean, 1 findings, 2 failure)"
