#!/usr/bin/env bash
# Benchmarks of the part search with the KiCad tier loaded (see README "Retrieval"):
#   1. index build, end to end through `kirchhoff kb search` with an empty cache;
#   2. ten cold `kirchhoff kb search` processes with the cached index: wall time and peak RSS;
#   3. in-process latencies p50/p99 of BM25, the query embedding, HNSW and brute-force vector search and hybrid
#      search over the query set (retrieval RetrievalBenchmark).
# Results go to bench/out/kb_search.txt. The machine is noisy: compare ratios, not absolute times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
REPORT="$OUT/kb_search.txt"
CACHE="$(mktemp -d)"
trap 'rm -rf "$CACHE"' EXIT
export KIRCHHOFF_CACHE="$CACHE"

"$ROOT/kirchhoff" --version >/dev/null   # builds the jar and the class-data archive if needed
{
  echo "# kirchhoff kb search benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  /usr/bin/time -f "index build through the CLI (empty cache): %e s wall, peak RSS %M KiB" \
    "$ROOT/kirchhoff" kb search "ultrasonic distance sensor" -k 3 >/dev/null 2>"$OUT/.build.err" || true
  tail -1 "$OUT/.build.err"
  for i in $(seq 1 10); do
    /usr/bin/time -f "%e %M" "$ROOT/kirchhoff" kb search "how do I measure soil moisture with my arduino" -k 5 \
      >/dev/null 2>>"$OUT/.cold.txt"
  done
  sort -n "$OUT/.cold.txt" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "cold kb search, cached index (10 runs): median %.2f s, max %.2f s, peak RSS %.0f MiB\n", t[int((NR+1)/2)], t[NR], m/1024}'
  rm -f "$OUT/.cold.txt" "$OUT/.build.err"
} | tee "$REPORT"
(cd "$ROOT" && mvn -q -B -pl retrieval -am test -Dtest=RetrievalBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
  2>/dev/null | grep -E " ms|index build|open a cached" ) | tee -a "$REPORT"
