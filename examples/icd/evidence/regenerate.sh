#!/usr/bin/env bash
# Regenerates the case study's verification evidence from real runs: the simulator's attack
# matrix (`medtra sim --attack all`, which records the model's system id and version as its
# subject) and the JUnit results of the link and simulator tests that requirements.yaml and
# sdl.yaml cite, with a manifest that states the subject and version those tests verified, and who
# ran both and with what independence from the developers (as a CI job writes it). Set SOURCE_DATE_EPOCH for reproducible dates.
# Usage: examples/icd/evidence/regenerate.sh [BIN_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
model=$(cd "$here/.." && pwd)
root=$(cd "$here/../../.." && pwd)
bin=${1:-$root/build/release/bin}
"$bin/medtra" sim --attack all --seed 11 --model "$model" --evidence "$here/sim-evidence.json" \
  >/dev/null
tests=$(grep -oh 'test:[A-Za-z0-9_]*\.[A-Za-z0-9_]*' "$model"/*.yaml | sort -u | sed 's/^test://' |
        paste -sd: -)
"$bin/medtra_tests" --gtest_filter="$tests" --gtest_output="xml:$here/junit.xml" >/dev/null
# Paths relative to the project, so the file does not depend on where it was made.
sed -i "s|$root/||g" "$here/junit.xml"
# The subject of the tests: the system id and version the simulator evidence recorded (read
# through medtra's model loader by `medtra sim --model`).
subject=$(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["subject"]
print(json.dumps(s["id"]), json.dumps(s["version"]), json.dumps(json.load(open(sys.argv[1]))["date"]))' \
  "$here/sim-evidence.json")
read -r id version date <<<"$subject"
cat >"$here/manifest.json" <<EOF
{
  "format": "medtra-evidence-manifest",
  "format_version": 1,
  "files": [
    {"path": "junit.xml", "subject": $id, "version": $version, "date": $date,
     "tester": "V&V team (CI)", "independence": "internal"},
    {"path": "sim-evidence.json", "tester": "V&V team (CI)", "independence": "internal"}
  ]
}
EOF
echo "wrote $here/sim-evidence.json, $here/junit.xml and $here/manifest.json"
