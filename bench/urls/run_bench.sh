#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The URL-checking benchmark (issue 5): 2,000 distinct URLs served on 127.0.0.1, each answering
# after 50 ms, cited by one Markdown document, checked by marginalia, linkchecker (Debian
# package) and markdown-link-check (npm) in one run. Prints wall time, peak RSS and ratios.
#
#   bench/urls/run_bench.sh [BUILD_DIR]        (default: build)
#   URLS=2000 DELAY_MS=50 SKIP_PEERS=1 SKIP_DEFAULTS=1 bench/urls/run_bench.sh
#
# Needs python3 and /usr/bin/time; linkchecker (apt-get install linkchecker) and
# markdown-link-check (installed here into $MLC_DIR with npm, never into the repository) are
# skipped with a note when missing. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-build}
urls=${URLS:-2000}
delay=${DELAY_MS:-50}
mlc_dir=${MLC_DIR:-/tmp/marginalia-bench-mlc}
work=$(mktemp -d /tmp/marginalia-urls-bench.XXXXXX)
chmod 755 "$work"  # linkchecker drops to user nobody when run as root
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/urls/bench_server.py --delay "$delay" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q PORT "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/ {print $2}' "$work/server.out")

python3 - "$work/doc.md" "$port" "$urls" <<'PY'
import sys
path, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as out:
    out.write("# Link benchmark\n\n")
    for i in range(count):
        out.write("- Source %d: [page %d](http://127.0.0.1:%d/page/%d)\n" % (i, i, port, i))
PY
chmod 644 "$work/doc.md"

# One plugin only, so the figure is the URL check and not the other checks.
mkdir -p "$work/plugins"
cp "$build/lib/marginalia/plugins/urls.so" "$work/plugins/"

results=()
measure() {  # name, command...
  local name=$1; shift
  local start end status=0
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.rss" "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  end=$(date +%s.%N)
  local wall rss
  wall=$(python3 -c "print(f'{$end - $start:.2f}')")
  rss=$(tail -1 "$work/$name.rss")
  results+=("$name $wall $rss $status")
  printf '%-32s %8s s %8.1f MB  (exit %s)\n' "$name" "$wall" "$(python3 -c "print($rss/1024)")" "$status"
}

echo "$urls URLs on 127.0.0.1:$port, ${delay} ms each; bound: $(python3 -c "print(f'{$urls*$delay/1000/64:.2f}')") s at 64 in flight"
marginalia=("$build/bin/marginalia" check "$work/doc.md" --no-default-plugins --plugin-dir "$work/plugins"
            --allow-net 127.0.0.1/32 --no-cache --format json)
measure marginalia "${marginalia[@]}" --net per-host=64 --net host-interval=0
if [[ -z "${SKIP_DEFAULTS:-}" ]]; then
  measure marginalia-per-host-defaults "${marginalia[@]}"
fi
checked=$(python3 -c "
import json,sys
d=json.load(open('$work/marginalia.out'))
print(sum(1 for f in d['findings'] if f['plugin']=='urls'), 'findings')")
echo "marginalia: $checked (0 expected: every URL answers)"

if [[ -z "${SKIP_PEERS:-}" ]] && command -v linkchecker >/dev/null; then
  cat > "$work/linkcheckerrc" <<RC
[checking]
threads=64
maxrequestspersecond=1000
[filtering]
checkextern=1
[MarkdownCheck]
filename_re=.*\.(markdown|md(own)?|mkdn?)$
RC
  chmod 644 "$work/linkcheckerrc"
  measure linkchecker linkchecker --config "$work/linkcheckerrc" --no-status --no-warnings -o none "$work/doc.md"
else
  echo "linkchecker: skipped (apt-get install linkchecker)"
fi
if [[ -z "${SKIP_PEERS:-}" ]]; then
  if [[ ! -x "$mlc_dir/node_modules/.bin/markdown-link-check" ]] && command -v npm >/dev/null; then
    mkdir -p "$mlc_dir" && (cd "$mlc_dir" && npm install --no-audit --no-fund markdown-link-check >/dev/null 2>&1) || true
  fi
  if [[ -x "$mlc_dir/node_modules/.bin/markdown-link-check" ]]; then
    measure markdown-link-check "$mlc_dir/node_modules/.bin/markdown-link-check" -q "$work/doc.md"
  else
    echo "markdown-link-check: skipped (npm install markdown-link-check into $mlc_dir)"
  fi
fi

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo "server: $(cat "$work/server.err")"
python3 - "${results[@]}" <<'PY'
import sys
rows = [r.split() for r in sys.argv[1:]]
base = next(r for r in rows if r[0] == "marginalia")
print("\n| tool | wall (s) | peak RSS (MB) | wall / marginalia |")
print("|---|---|---|---|")
for name, wall, rss, status in rows:
    print("| %s | %s | %.1f | %.1f× |" % (name, wall, int(rss) / 1024, float(wall) / float(base[1])))
PY
