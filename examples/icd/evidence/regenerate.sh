#!/usr/bin/env bash
# Regenerates the case study's verification evidence from real runs: the simulator's attack
# matrix (`medtra sim --attack all`) and the JUnit results of the link and simulator tests that
# requirements.yaml and sdl.yaml cite. Usage: examples/icd/evidence/regenerate.sh [BIN_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin=${1:-$root/build/release/bin}
"$bin/medtra" sim --attack all --seed 11 --evidence "$here/sim-evidence.json" >/dev/null
tests=$(grep -oh 'test:[A-Za-z0-9_]*\.[A-Za-z0-9_]*' "$here"/../*.yaml | sort -u | sed 's/^test://' |
        paste -sd: -)
"$bin/medtra_tests" --gtest_filter="$tests" --gtest_output="xml:$here/junit.xml" >/dev/null
# Paths relative to the project, so the file does not depend on where it was made.
sed -i "s|$root/||g" "$here/junit.xml"
echo "wrote $here/sim-evidence.json and $here/junit.xml"
