#!/usr/bin/env python3
"""Benchmark: `kirchhoff convert big.cir --to spectre` against `ngspice -b big.cir`, side by side in one run.

Generates a 1,000,000-element SPICE netlist (R, C, D and M mixed, about 32 MB), then runs each command several
times, alternating, and reports the median wall time and the peak resident memory of each, and their ratios.
The bars (from issue 2): Kirchhoff takes at most a quarter of ngspice's wall time and at most half its peak RSS.

Usage: bench/convert_vs_ngspice.py [--elements N] [--runs K] [--keep]
Needs: python3 (standard library only), java, ngspice, and the jar (./kirchhoff builds it on first use).
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def generate(path, elements, seed=1):
    """A flat deck with a quarter each of resistors, capacitors, diodes and MOSFETs on random nodes."""
    rng = random.Random(seed)
    nodes = max(10, elements // 2)
    resistors = ["1k", "4.7k", "10k", "2.2meg", "100"]
    capacitors = ["1n", "100p", "10u", "4.7u"]
    with open(path, "w") as f:
        f.write("* benchmark netlist: %d elements\n" % elements)
        for i in range(elements):
            a = rng.randrange(nodes)
            b = rng.randrange(nodes)
            k = i % 4
            if k == 0:
                f.write("R%d n%d n%d %s\n" % (i, a, b, rng.choice(resistors)))
            elif k == 1:
                f.write("C%d n%d n%d %s\n" % (i, a, b, rng.choice(capacitors)))
            elif k == 2:
                f.write("D%d n%d n%d dmod\n" % (i, a, b))
            else:
                f.write("M%d n%d n%d n%d 0 nch w=1u l=180n\n" % (i, a, b, rng.randrange(nodes)))
        f.write(".model dmod d is=1e-14\n.model nch nmos level=1 vto=0.7\n.end\n")


def measure(cmd):
    """Wall seconds and peak RSS (MiB) of one run of cmd, its output discarded."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    return wall, usage.ru_maxrss / 1024.0, proc.returncode, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elements", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", action="store_true", help="keep the generated netlists in bench/out")
    args = ap.parse_args()

    for tool in ("java", "ngspice"):
        if shutil.which(tool) is None:
            sys.exit("%s not found: install it (Debian: apt-get install %s)" % (
                tool, "ngspice" if tool == "ngspice" else "openjdk-17-jdk-headless"))
    os.makedirs(OUT, exist_ok=True)
    big = os.path.join(OUT, "big.cir")
    scs = os.path.join(OUT, "big.scs")
    if not os.path.exists(big) or os.path.getsize(big) < args.elements * 20:
        print("generating %s (%d elements)…" % (big, args.elements), flush=True)
        generate(big, args.elements)
    print("netlist: %.1f MB" % (os.path.getsize(big) / 1e6))

    launcher = os.path.join(ROOT, "kirchhoff")
    subprocess.run([launcher, "--version"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)  # builds the jar once
    kirchhoff = [launcher, "convert", "-q", big, "--to", "spectre", "-o", scs]
    ngspice = ["ngspice", "-b", big]

    # warm the page cache so neither pays for the first read of the file
    with open(big, "rb") as f:
        while f.read(1 << 20):
            pass

    k_runs, n_runs = [], []
    for i in range(args.runs):
        wall, rss, code, err = measure(kirchhoff)
        if code != 0:
            sys.exit("kirchhoff failed (%d): %s" % (code, err))
        k_runs.append((wall, rss))
        wall, rss, code, err = measure(ngspice)
        n_runs.append((wall, rss))  # ngspice exits 1 with no analysis: it only loads the deck
        print("run %d: kirchhoff %.2f s %.0f MiB | ngspice %.2f s %.0f MiB" % (
            i + 1, k_runs[-1][0], k_runs[-1][1], n_runs[-1][0], n_runs[-1][1]), flush=True)

    kw = statistics.median(w for w, _ in k_runs)
    nw = statistics.median(w for w, _ in n_runs)
    kr = max(r for _, r in k_runs)
    nr = max(r for _, r in n_runs)
    time_ratio = kw / nw
    rss_ratio = kr / nr
    ok = time_ratio <= 0.25 and rss_ratio <= 0.5
    report = (
        "| command | wall (median of %d) | peak RSS |\n|---|---|---|\n"
        "| `kirchhoff convert big.cir --to spectre` | %.2f s | %.0f MiB |\n"
        "| `ngspice -b big.cir` (load only) | %.2f s | %.0f MiB |\n"
        "| ratio (bar: ≤ 0.25 time, ≤ 0.50 memory) | %.2f | %.2f |\n"
    ) % (args.runs, kw, kr, nw, nr, time_ratio, rss_ratio)
    print()
    print(report)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(report)
    if not args.keep:
        for p in (big, scs):
            if os.path.exists(p):
                os.remove(p)
    print("bars met" if ok else "BARS NOT MET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
