#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The GitHub Action's first step (action.yml): which drafts to check. Writes them NUL-separated
# to $MARGINALIA_FILES (file names may hold spaces or newlines) and `count=N` to $GITHUB_OUTPUT.
#   pull_request: the files the pull request adds or changes (against the merge base with the
#                 base branch; the checkout needs its history: fetch-depth: 0)
#   push:         the files changed since the previous head of the branch
#   otherwise, or with all=true: every tracked file
# Only files matching PATHS (space-separated git pathspecs; `*.md` matches at any depth) count,
# and deleted files never do.
set -euo pipefail
: "${MARGINALIA_FILES:?}" "${GITHUB_OUTPUT:?}"
read -r -a pathspecs <<< "${PATHS:-*.md *.txt *.html *.htm *.xml *.tei *.docx}"
event="${GITHUB_EVENT_NAME:-}"
zero=0000000000000000000000000000000000000000

if [ "${ALL:-false}" = true ]; then
  event=all
fi
case "$event" in
  pull_request|pull_request_target)
    base="origin/${BASE_REF:?the pull request has no base branch}"
    if ! git rev-parse --verify --quiet "$base" >/dev/null; then
      git fetch --no-tags --quiet origin "+refs/heads/${BASE_REF}:refs/remotes/${base}"
    fi
    if ! git merge-base "$base" HEAD >/dev/null 2>&1; then
      echo "marginalia: no common history with $base; check out with fetch-depth: 0" >&2
      exit 2
    fi
    git diff --name-only -z --diff-filter=ACMR "$base...HEAD" -- "${pathspecs[@]}" > "$MARGINALIA_FILES"
    ;;
  push)
    if [ -n "${BEFORE:-}" ] && [ "$BEFORE" != "$zero" ] && git cat-file -e "${BEFORE}^{commit}" 2>/dev/null; then
      git diff --name-only -z --diff-filter=ACMR "$BEFORE" HEAD -- "${pathspecs[@]}" > "$MARGINALIA_FILES"
    else
      git ls-files -z -- "${pathspecs[@]}" > "$MARGINALIA_FILES"
    fi
    ;;
  *)
    git ls-files -z -- "${pathspecs[@]}" > "$MARGINALIA_FILES"
    ;;
esac

count=$(tr -cd '\0' < "$MARGINALIA_FILES" | wc -c)
echo "count=$count" >> "$GITHUB_OUTPUT"
echo "marginalia: $count file(s) to check" >&2
