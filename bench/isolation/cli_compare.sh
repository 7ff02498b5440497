#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cost of isolation as a user sees it: `marginalia check` over 100 documents, whole runs
# (process start, plugin loading, checking, JSON output), --isolation none against the default,
# interleaved so that a busy machine slows both alike. Prints min and median wall time.
#   bench/isolation/cli_compare.sh [build-dir] [runs] [litbank|crs] [--jobs N]
# litbank: the 100 LitBank excerpts (plain text, about 10 KB each); crs: the 8 CRS reports
# (Markdown, 40-200 KB) repeated to 100 files, report-sized documents.
set -euo pipefail
build=${1:-build}
runs=${2:-15}
corpus=${3:-litbank}
shift $(( $# > 3 ? 3 : $# ))
shared="$(cd "$(dirname "$0")/../../.." && pwd)/shared/eval"
if [ "$corpus" = crs ]; then
  temp=$(mktemp -d)
  trap 'rm -rf "$temp"' EXIT
  mapfile -t reports < <(ls "$shared"/crs-reports-md/R*.md | sort)
  for i in $(seq 0 99); do ln -s "${reports[$((i % ${#reports[@]}))]}" "$temp/report-$i.md"; done
  mapfile -t files < <(ls "$temp"/*.md | sort)
else
  mapfile -t files < <(ls "$shared"/litbank-quotations/tsv/*.txt | sort | head -100)
fi
if [ ${#files[@]} -eq 0 ]; then echo "no corpus under $shared" >&2; exit 1; fi
python3 - "$build/bin/marginalia" "$runs" "$@" "${files[@]}" <<'PY'
import statistics, subprocess, sys, time
binary, runs, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
extra = [a for a in rest if not a.endswith(('.txt', '.md'))]
files = [a for a in rest if a.endswith(('.txt', '.md'))]
times = {'none': [], 'process': []}
outputs = {}
for _ in range(runs):
    for mode in ('none', 'process'):
        start = time.perf_counter()
        done = subprocess.run([binary, 'check', *files, '--format', 'json', '--offline', '--no-cache', '--isolation', mode, *extra],
                              capture_output=True)
        times[mode].append((time.perf_counter() - start) * 1000)
        outputs[mode] = done.stdout
print(f"{len(files)} documents, {runs} runs each, {' '.join(extra) or 'default --jobs'}")
for mode, values in times.items():
    print(f"  --isolation {mode:8s} min {min(values):7.1f} ms   median {statistics.median(values):7.1f} ms")
print(f"  overhead: min {min(times['process']) / min(times['none']) - 1:+.1%}, "
      f"median {statistics.median(times['process']) / statistics.median(times['none']) - 1:+.1%}")
print("  outputs identical" if outputs['none'] == outputs['process'] else "  OUTPUTS DIFFER")
PY
