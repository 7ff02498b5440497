#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs html_report_test.cjs: installs playwright-core into tests/browser/node_modules from the
# committed package-lock.json when it is missing (npm ci), then drives Debian's Chromium.
# Exits 77, which CTest reports as a skip, when node, npm or chromium is missing or npm cannot
# install the package. Usage: run_browser_test.sh MARGINALIA_BINARY SOURCE_DIR WORK_DIR [SCREENSHOT]
set -u
here=$(cd "$(dirname "$0")" && pwd)
binary=$1
source_dir=$2
work_dir=$3
screenshot=${4:-}
chromium=${MARGINALIA_CHROMIUM:-/usr/bin/chromium}

skip() { echo "SKIP: $*"; exit 77; }

command -v node >/dev/null 2>&1 || skip "node is not installed (the browser test needs Node.js 20 or later)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || skip "node $(node --version) is too old (playwright-core needs Node.js 20 or later)"
[ -x "$chromium" ] || skip "$chromium not found: scripts/install-deps.sh installs Debian's chromium"

installed() {
  node -e 'const want = require(process.argv[1]).dependencies["playwright-core"];
           process.exit(require(process.argv[2]).version === want ? 0 : 1)' \
    "$here/package.json" "$here/node_modules/playwright-core/package.json" 2>/dev/null
}
if ! installed; then
  command -v npm >/dev/null 2>&1 || skip "npm is not installed, so playwright-core cannot be installed"
  # One install at a time when several build folders run the test at once.
  (
    command -v flock >/dev/null 2>&1 && flock 9
    installed || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  ) 9<"$here/package.json" || skip "npm ci could not install playwright-core (is the npm registry reachable?)"
fi

mkdir -p "$work_dir"
exec node "$here/html_report_test.cjs" --binary "$binary" --source "$source_dir" --work "$work_dir" ${screenshot:+--screenshot "$screenshot"}
