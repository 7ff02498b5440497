#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The GitHub Action's check step (action.yml): runs the marginalia image on the files listed
# NUL-separated in $MARGINALIA_FILES, writing SARIF to $SARIF_FILE, then (ANNOTATIONS=true) the
# same findings as pull-request annotations. The workspace is mounted at its own path and the
# container runs as the runner's user, so paths in the SARIF are the repository's and the files
# written are the runner's. Writes `exit-code=N` and `sarif=true|false` to $GITHUB_OUTPUT and
# exits with marginalia's status (0 clean, 1 findings at the fail level, 2 incomplete run).
set -uo pipefail
: "${MARGINALIA_FILES:?}" "${GITHUB_OUTPUT:?}" "${IMAGE:?}"
sarif="${SARIF_FILE:-marginalia.sarif}"
cache="${CACHE_DIR:-${RUNNER_TEMP:-/tmp}/marginalia-cache}"
mkdir -p "$cache"

files=()
while IFS= read -r -d '' file; do files+=("$file"); done < "$MARGINALIA_FILES"
read -r -a extra <<< "${ARGS:-}"
if [ -n "${BASELINE:-}" ]; then extra+=(--baseline "$BASELINE"); fi

workspace="$(pwd)"
marginalia() {
  docker run --rm --user "$(id -u):$(id -g)" \
    -v "$workspace:$workspace" -w "$workspace" \
    -v "$cache:/tmp/marginalia-cache" -e XDG_CACHE_HOME=/tmp/marginalia-cache \
    "$IMAGE" "$@"
}

rm -f "$sarif"
# `--` would end the options: file names that start with '-' are passed as ./-name instead.
inputs=()
for file in "${files[@]}"; do
  case "$file" in -*) inputs+=("./$file") ;; *) inputs+=("$file") ;; esac
done

marginalia check "${inputs[@]}" --format sarif -o "$sarif" --quiet "${extra[@]}"
status=$?
if [ "${ANNOTATIONS:-true}" = true ] && [ "$status" -ne 2 ]; then
  marginalia check "${inputs[@]}" --format github --exit-zero --quiet "${extra[@]}" || true
fi

echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [ -s "$sarif" ]; then echo "sarif=true" >> "$GITHUB_OUTPUT"; else echo "sarif=false" >> "$GITHUB_OUTPUT"; fi
exit "$status"
