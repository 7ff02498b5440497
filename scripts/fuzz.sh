#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang under ASan+UBSan and runs each, one at a time, for
# CPU_SECONDS of CPU time (default 60), starting from the committed corpus (new inputs go to
# build-fuzz/corpus/<target>, crashes to build-fuzz/artifacts/<target>/, never into the
# repository: copy a crasher to fuzz/corpus/<target>/regression-<what>.<ext> once it is fixed).
# A campaign is one command, e.g. an hour per target: scripts/fuzz.sh 3600
# CPU time, not wall time, is the budget, so a busy machine gives a smaller but honest run;
# FUZZ_WALL_LIMIT (seconds, default 4 × the budget) stops a target that gets too little CPU.
# Prints one summary line per target: CPU seconds, wall seconds, executions, cov, ft, crashes.
# CI only replays the committed corpora (fuzz/CMakeLists.txt). Figures: docs/reliability.md.
#   scripts/fuzz.sh [CPU_SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-60}; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_reader markdown_reader tei_reader html_reader docx_reader config config_loader baseline
                                     worker_protocol url_extractor source_text)
wall_limit=${FUZZ_WALL_LIMIT:-$((budget * 4))}
# fuzzer-no-link puts coverage counters in every translation unit (the readers, the config and
# baseline loaders, the worker protocol), not only in each target's own file: without it libFuzzer
# sees only the few edges of the target's entry point and mutates blind.
flags="-g -O1 -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DMARGINALIA_BUILD_FUZZERS=ON -DMARGINALIA_BUILD_TESTS=OFF >/dev/null
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1
ticks=$(getconf CLK_TCK)
mkdir -p build-fuzz/logs
for target in "${targets[@]}"; do
  [ -d "fuzz/corpus/$target" ] || { echo "no corpus for $target, skipped"; continue; }
  cmake --build build-fuzz -j"$(nproc)" --target "${target}_fuzzer" >/dev/null
done
printf '%-16s %8s %8s %12s %7s %7s %s\n' target cpu_s wall_s execs cov ft crashes
for target in "${targets[@]}"; do
  [ -x "build-fuzz/bin/${target}_fuzzer" ] || continue
  work="build-fuzz/corpus/$target"
  artifacts="build-fuzz/artifacts/$target/"
  log="build-fuzz/logs/$target.log"
  mkdir -p "$work" "$artifacts"
  max_len=65536
  case "$target" in config|config_loader|baseline) max_len=8192 ;; url_extractor) max_len=16384 ;; esac
  start=$(date +%s)
  # -fork=0, one process: its CPU time is the target's. Crashes are kept and the run goes on.
  build-fuzz/bin/"${target}_fuzzer" "$work" "fuzz/corpus/$target" -max_total_time=$((wall_limit + 60)) -max_len="$max_len" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    { read -r -a stat < "/proc/$pid/stat"; } 2>/dev/null || break
    cpu=$(( (stat[13] + stat[14]) / ticks ))
    if [ "$cpu" -ge "$budget" ] || [ $(( $(date +%s) - start )) -ge "$wall_limit" ]; then kill -INT "$pid" 2>/dev/null || true; fi
  done
  cpu_used=${cpu:-0}
  wait "$pid" 2>/dev/null || true
  wall=$(( $(date +%s) - start ))
  last=$(grep -a -E '^#[0-9]+' "$log" | tail -1)
  execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | awk '{print $2}')
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | awk '{print $2}')
  crashes=$(find "$artifacts" -type f | wc -l)
  printf '%-16s %8s %8s %12s %7s %7s %s\n' "$target" "$cpu_used" "$wall" "${execs:-0}" "${cov:-?}" "${ft:-?}" "$crashes"
done
