#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Byte-identical outputs: runs a reference marginalia and the current one over samples/ and every
# document under ../shared/eval (.txt .md .html .xml .docx, recursively), once per file and output
# format (text with NO_COLOR, json, sarif, tei, html, junit, github), always --offline, and
# compares standard output, standard error and the exit status byte for byte.
#
# usage: bench/identical-outputs/compare.sh REFERENCE [CURRENT]
#   REFERENCE  a git commit (built once in a temporary worktree, then kept in the cache) or the
#              path of a marginalia binary
#   CURRENT    the binary under test; default build/bin/marginalia; `--prepare` only records
#              the reference's outputs in the cache
# Environment: JOBS (parallel runs, default 2), EVAL_DIR (default ../shared/eval),
# CACHE_DIR (reference builds and outputs, default ${TMPDIR:-/tmp}/marginalia-identical-outputs).
# Prints "N files x M formats identical, K differ" and lists what differs; exits 1 when
# anything differs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if [[ $# -lt 1 ]]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
reference=$1
current=${2:-build/bin/marginalia}
jobs=${JOBS:-2}
eval_dir=${EVAL_DIR:-../shared/eval}
cache=${CACHE_DIR:-${TMPDIR:-/tmp}/marginalia-identical-outputs}
formats=(text json sarif tei html junit github)
mkdir -p "$cache"
cleanup=()
trap 'for step in "${cleanup[@]}"; do eval "$step"; done' EXIT

# A commit is built once into the cache; its outputs are then reused on later runs.
if [[ -x $reference && ! -d $reference ]]; then
  reference_bin=$(realpath "$reference")
  reference_key=path-$(printf '%s' "$reference_bin" | sha256sum | cut -c1-12)-$(stat -c %Y "$reference_bin")
else
  commit=$(git rev-parse --verify "$reference^{commit}")
  reference_key=commit-$commit
  build=$cache/$reference_key/build
  reference_bin=$build/bin/marginalia
  if [[ ! -x $reference_bin ]]; then
    source_tree=$cache/$reference_key/source
    rm -rf "$source_tree"
    git worktree add --detach "$source_tree" "$commit" >/dev/null
    cleanup+=("git -C '$root' worktree remove --force '$source_tree' >/dev/null 2>&1 || true")
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    echo "building $commit in $build ..." >&2
    cmake -S "$source_tree" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
    nice -n 10 cmake --build "$build" -j"$jobs" >/dev/null
  fi
fi
if [[ $current != --prepare ]]; then
  [[ -x $current ]] || { echo "no binary at $current (build it first)" >&2; exit 2; }
  current_bin=$(realpath "$current")
fi

inputs=()
while IFS= read -r -d '' file; do inputs+=("$file"); done < <(
  { find samples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.xml' -o -name '*.docx' \) ! -name README.md -print0
    [[ -d $eval_dir ]] && find "$eval_dir" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.xml' -o -name '*.docx' \) -print0
  } | sort -z)
[[ -d $eval_dir ]] || echo "note: $eval_dir is absent; comparing samples/ only" >&2

# One run: stdout, stderr and the exit status of BIN on FILE in FORMAT, into OUT.{out,err,status}.
run_one() {
  local bin=$1 out=$2 file=$3 format=$4
  mkdir -p "$(dirname "$out")"
  set +e
  NO_COLOR=1 nice -n 10 "$bin" check "$file" --format "$format" --offline >"$out.out" 2>"$out.err" </dev/null
  echo $? >"$out.status"
}
export -f run_one

# Writes every output of BIN under DIR (skipping what is already there).
run_all() {
  local bin=$1 dir=$2
  for file in "${inputs[@]}"; do
    for format in "${formats[@]}"; do
      local out=$dir/$(printf '%s' "$file" | sed 's#^\.\./##; s#[^A-Za-z0-9._-]#_#g').$format
      [[ -f $out.status ]] || printf '%s\0%s\0%s\0%s\0' "$bin" "$out" "$file" "$format"
    done
  done | xargs -0 -n4 -P "$jobs" bash -c 'run_one "$@"' _
}

reference_out=$cache/$reference_key/outputs
current_out=$(mktemp -d)
cleanup+=("rm -rf '$current_out'")
run_all "$reference_bin" "$reference_out"
if [[ $current == --prepare ]]; then
  echo "reference outputs of $reference are in $reference_out"
  exit 0
fi
run_all "$current_bin" "$current_out"

same=0
differ=()
for file in "${inputs[@]}"; do
  for format in "${formats[@]}"; do
    name=$(printf '%s' "$file" | sed 's#^\.\./##; s#[^A-Za-z0-9._-]#_#g').$format
    if cmp -s "$reference_out/$name.out" "$current_out/$name.out" && cmp -s "$reference_out/$name.err" "$current_out/$name.err" &&
       cmp -s "$reference_out/$name.status" "$current_out/$name.status"; then
      same=$((same + 1))
    else
      differ+=("$file --format $format")
    fi
  done
done
echo "${#inputs[@]} files x ${#formats[@]} formats: $same identical, ${#differ[@]} differ (reference $reference)"
for entry in "${differ[@]}"; do echo "  differs: $entry"; done
[[ ${#differ[@]} -eq 0 ]]
