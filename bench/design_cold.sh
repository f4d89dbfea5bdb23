#!/usr/bin/env bash
# Cold start of `kirchhoff design` for one medium prompt: each run is a fresh JVM (the part index is already built
# and cached, as it is after the first run). Prints every run's wall time and the median.
# Usage: bench/design_cold.sh [runs]   (default 5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
PROMPT="ESP32 reading a BME280 and showing it on an SSD1306, powered from USB"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$ROOT/kirchhoff" design "$PROMPT" -o "$OUT/warmup" >/dev/null   # builds the jar, the index and the CDS archive
times=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  "$ROOT/kirchhoff" design "$PROMPT" -o "$OUT/run$i" >/dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  printf 'run %d: %.2f s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, a[int((NR+1)/2)]}'
