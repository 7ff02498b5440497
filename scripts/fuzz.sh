#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang under ASan+UBSan and runs each for SECONDS (default 60),
# starting from the committed corpus (new inputs go to build-fuzz/corpus/<target>, never into the
# repository). Run by hand; CI only replays the committed corpus. Figures: docs/reliability.md.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_reader markdown_reader tei_reader html_reader docx_reader config)
flags="-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DMARGINALIA_BUILD_FUZZERS=ON -DMARGINALIA_BUILD_TESTS=OFF >/dev/null
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1
for target in "${targets[@]}"; do
  [ -d "fuzz/corpus/$target" ] || { echo "no corpus for $target, skipped"; continue; }
  cmake --build build-fuzz -j"$(nproc)" --target "${target}_fuzzer" >/dev/null
  work="build-fuzz/corpus/$target"
  mkdir -p "$work"
  max_len=65536
  [ "$target" = config ] && max_len=4096
  echo "== $target ($seconds s)"
  build-fuzz/bin/"${target}_fuzzer" "$work" "fuzz/corpus/$target" -max_total_time="$seconds" -max_len="$max_len" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|#[0-9]+ +DONE)|ERROR|SUMMARY" || true
done
