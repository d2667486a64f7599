#!/usr/bin/env bash
# Wall time and peak memory of `medtra sbom scan` on synthetic SBOMs and advisory folders
# (medtra-gensbom): components x advisories, e.g. 1000x10000 and 10000x100000; each size read
# from the folder and from a zip archive of it (deflated, as OSV's all.zip exports are).
# Usage: bench/sbom_scan.sh [BIN_DIR] [COMPONENTSxADVISORIES...]
set -euo pipefail
bin=${1:-build/release/bin}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000x10000 10000x100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-28s %10s %11s %8s\n' "components x advisories" "wall" "peak RSS" "matches"
for size in "${sizes[@]}"; do
  n=${size%x*}
  m=${size#*x}
  "$bin/medtra-gensbom" --components "$n" --advisories "$m" -o "$work/$size" >/dev/null
  (cd "$work/$size/advisories" && python3 -c 'import os, zipfile
with zipfile.ZipFile("../advisories.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in sorted(os.walk(".")):
        for f in sorted(files):
            z.write(os.path.join(d, f))')
  for source in advisories advisories.zip; do
    for run in 1 2 3; do
      /usr/bin/time -f "%e %M" -o "$work/time" "$bin/medtra" sbom scan --sbom "$work/$size/sbom.cdx.json" \
        --advisories "$work/$size/$source" --today 2026-12-01 -o "$work/out.json" 2>"$work/err"
      read -r wall rss <"$work/time"
      matches=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['matches']))" "$work/out.json")
      label="$size ${source#advisories}"
      printf '%-28s %8.2f s %8.1f MB %8s\n' "${label% } (run $run)" "$wall" "$(echo "$rss / 1024" | bc -l)" "$matches"
    done
  done
done
