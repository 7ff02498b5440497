#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: docker_image_test.sh SOURCE_DIR
# Builds the Dockerfile's image and checks what a user relies on: it runs a check on a mounted
# folder as the calling user (exit 1 on the sample's findings, SARIF written into the folder),
# finds its plugins, and has no compiler. Exits 77 (skipped) where docker or its daemon is absent.
set -euo pipefail
source_dir="$1"
if ! command -v docker >/dev/null 2>&1; then
  echo "skipped: docker is not installed"
  exit 77
fi
if ! docker info >/dev/null 2>&1; then
  echo "skipped: docker is installed but its daemon does not answer (docker info failed)"
  exit 77
fi

image="marginalia-test:$$"
work="$(mktemp -d)"
trap 'rm -rf "$work"; docker image rm -f "$image" >/dev/null 2>&1 || true' EXIT
docker build --quiet --tag "$image" "$source_dir" >/dev/null

cp "$source_dir/samples/report-with-footnote-defects.md" "$work/"
status=0
docker run --rm --user "$(id -u):$(id -g)" -v "$work:$work" -w "$work" "$image" \
  check report-with-footnote-defects.md --offline --no-cache --format sarif -o marginalia.sarif --quiet || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: expected exit 1 (findings), got $status"; exit 1; }
[ -s "$work/marginalia.sarif" ] || { echo "FAIL: no SARIF written into the mounted folder"; exit 1; }
[ "$(stat -c %u "$work/marginalia.sarif")" = "$(id -u)" ] || { echo "FAIL: the SARIF does not belong to the caller"; exit 1; }

plugins="$(docker run --rm "$image" plugins)"
for id in footnotes dates quotes urls rules; do
  grep -q "^$id " <<< "$plugins" || { echo "FAIL: plugin $id not loaded in the image"; exit 1; }
done

compilers="$(docker run --rm --entrypoint sh "$image" -c 'for c in cc c++ gcc g++ clang cmake make; do command -v $c; done; true')"
[ -z "$compilers" ] || { echo "FAIL: the runtime image holds build tools: $compilers"; exit 1; }
echo "image $image: checks a mounted folder, loads every plugin, holds no compiler"
