#!/usr/bin/python3
"""Reference timing for SymbolicLadderBenchmark: the same RC ladders solved with SymPy.

V(n_N)/V1 of an N-node RC ladder (V1 - R1 - C1 - R2 - C2 ...), by nodal analysis: the node equations are built as a
matrix, solved with LUsolve and brought to one canonical fraction with cancel(), which is the exact, cancelled
rational function Kirchhoff's MnaSolver returns. Run with Debian's python3 (python3-sympy):
    /usr/bin/python3 bench/symbolic_vs_sympy.py
Prints a Markdown table: nodes, variant, median ms of 3 runs (1 run when the first is over 5 s), den terms.
"""
import signal
import statistics
import sys
import time

import sympy

CAP_SECONDS = 60


class Capped(Exception):
    pass


def _alarm(signum, frame):
    raise Capped()


def ladder(n, variant):
    s = sympy.Symbol('s')
    if variant == 'uniform':
        rs = [sympy.Symbol('R')] * n
        cs = [sympy.Symbol('C')] * n
    elif variant == 'distinct':
        rs = sympy.symbols(f'R1:{n + 1}')
        cs = sympy.symbols(f'C1:{n + 1}')
    else:
        rs = [sympy.Integer(1000)] * n
        cs = [sympy.Rational(1, 10**9)] * n
    a = sympy.zeros(n, n)
    b = sympy.zeros(n, 1)
    for k in range(n):
        # KCL at node k+1: current in from the left through R_k, out through C_k, out to the right through R_{k+1}
        a[k, k] += 1 / rs[k] + s * cs[k]
        if k > 0:
            a[k, k - 1] -= 1 / rs[k]
        else:
            b[0] += 1 / rs[0]  # V1 = 1
        if k + 1 < n:
            a[k, k] += 1 / rs[k + 1]
            a[k, k + 1] -= 1 / rs[k + 1]
    x = a.LUsolve(b)
    return sympy.cancel(sympy.together(x[n - 1]))


def main():
    signal.signal(signal.SIGALRM, _alarm)
    print(f"SymPy {sympy.__version__}, Python {sys.version.split()[0]}")
    print("| nodes | variant  |      time ms | den terms |")
    print("|------:|----------|-------------:|----------:|")
    for variant, sizes in (('uniform', (5, 10, 20, 40)), ('distinct', (5, 8, 10, 12, 14)),
                           ('numeric', (5, 10, 20, 40))):
        for n in sizes:
            times = []
            h = None
            try:
                for run in range(3):
                    signal.alarm(CAP_SECONDS)
                    t0 = time.perf_counter()
                    h = ladder(n, variant)
                    times.append((time.perf_counter() - t0) * 1000)
                    signal.alarm(0)
                    if times[0] > 5000:
                        break
            except Capped:
                print(f"| {n:5d} | {variant:<8} | {'> ' + str(CAP_SECONDS * 1000):>12} | {'-':>9} |", flush=True)
                break
            den = sympy.denom(h)
            terms = len(sympy.Add.make_args(sympy.expand(den)))
            print(f"| {n:5d} | {variant:<8} | {statistics.median(times):12.0f} | {terms:9d} |", flush=True)


if __name__ == '__main__':
    main()
