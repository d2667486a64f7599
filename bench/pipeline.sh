#!/usr/bin/env bash
# Wall time and peak memory (max RSS) of `medtra check`, `medtra analyze --format json`, the
# HTML report and `medtra paths --format json` on synthetic models of 1k/2k, 10k/20k and 100k/200k components/flows.
# Usage: bench/pipeline.sh [BIN_DIR] [SIZES...]   e.g. bench/pipeline.sh build/release/bin 1000 10000
set -euo pipefail
bin=${1:-build/release/bin}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label command...: prints "label  wall_s  max_rss_MB"
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "$label failed: $(head -c 200 "$work/err")" >&2
    return 1
  }
  read -r wall rss <"$work/time"
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

printf '%-34s %10s %11s\n' "step" "wall" "peak RSS"
for n in "${sizes[@]}"; do
  flows=$((2 * n))
  if [[ $n -gt 50000 ]]; then
    # Above the loader's 64 MiB per-file limit: a model folder, lists cut every 40,000 items.
    model="$work/model-$n"
    "$bin/medtra-genmodel" --components "$n" --flows "$flows" --seed 1 --split 40000 -o "$model"
  else
    model="$work/model-$n.yaml"
    "$bin/medtra-genmodel" --components "$n" --flows "$flows" --seed 1 -o "$model"
  fi
  size=$(du -sh "$model" | cut -f1)
  measure "check ${n}/${flows} ($size)" "$bin/medtra" check "$model"
  measure "analyze json ${n}/${flows}" "$bin/medtra" analyze "$model" --format json -o -
  threats=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['threats']))" \
    "$work/out" 2>/dev/null || echo "?")
  echo "  ($threats threats)"
  measure "analyze html ${n}/${flows}" "$bin/medtra" analyze "$model" --format html -o -
  measure "paths json ${n}/${flows}" "$bin/medtra" paths "$model" --format json -o -
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('  (%d paths before, %d after measures; %d many-instance reaches)' % (d['path_count'], d['after_measures']['path_count'], len(d['reach'])))" \
    "$work/out" 2>/dev/null || true
done
