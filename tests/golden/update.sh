#!/bin/sh
# Rewrites the golden reports of tests/golden/ with what `medtra analyze` writes today.
# usage: tests/golden/update.sh BIN_DIR      (e.g. build/release/bin)
# The golden test (tests/golden_report_test.cc) only compares; run this after an intended change,
# then read `git diff tests/golden` before committing it.
set -eu
if [ $# -ne 1 ] || [ ! -x "$1/medtra" ]; then
  echo "usage: $0 BIN_DIR (the folder with the medtra binary)" >&2
  exit 2
fi
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
formats=json,md,csv,html,sarif,trace.csv,dot
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
for example in icd; do
  # Exit 1 means a --fail-on level was met; only 2 and 3 (input or internal error) stop us.
  status=0
  "$bin/medtra" analyze "examples/$example" -o "$out/$example" --format "$formats" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "$0: medtra analyze examples/$example failed with exit code $status" >&2
    exit "$status"
  fi
  mkdir -p "tests/golden/$example"
  for format in $(echo "$formats" | tr , ' '); do
    cp "$out/$example/report.$format" "tests/golden/$example/report.$format"
  done
done
git -C "$root" status --short tests/golden
