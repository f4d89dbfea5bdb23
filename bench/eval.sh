#!/usr/bin/env bash
# Benchmarks of the evaluation harness (see README "Evaluation suites"), in one run:
#   1. the whole harness with an instant model over 10,000 MMCircuitEval-format items (HarnessBenchmark) and the
#      runner alone (RunnerBenchmark): overhead per item and heap after GC at 1k, 5k and 10k items;
#   2. the symbolic solver on RC ladders of 5, 10, 20 and 40 nodes (SymbolicLadderBenchmark), side by side with
#      SymPy solving the same ladders (bench/symbolic_vs_sympy.py; Debian's python3-sympy).
# Results go to bench/out/eval.txt. The machine is noisy: compare ratios, not absolute times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
REPORT="$OUT/eval.txt"
cd "$ROOT"
mvn -B -q install -DskipTests >/dev/null
# Maven's quiet mode still starts some lines with colour codes
plain() { sed -E 's/\x1b\[[0-9;]*m//g'; }
{
  echo "# kirchhoff eval benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo
  echo "## Harness overhead, instant model"
  mvn -B -q -pl eval-suites test -Dtest='HarnessBenchmark,RunnerBenchmark' -Dbench=true 2>&1 | plain \
    | grep -E '^(HarnessBenchmark|RunnerBenchmark):'
  echo
  echo "## Symbolic solver (Kirchhoff, Java)"
  mvn -B -q -pl eval-suites test -Dtest=SymbolicLadderBenchmark -Dbench=true 2>&1 | plain | grep -E '^\|'
  echo
  echo "## The same ladders in SymPy (LUsolve + cancel)"
  if /usr/bin/python3 -c 'import sympy' 2>/dev/null; then
    /usr/bin/python3 bench/symbolic_vs_sympy.py
  else
    echo "python3-sympy is not installed (apt-get install python3-sympy); skipped"
  fi
} | tee "$REPORT"
