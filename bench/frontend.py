"""Frontend benchmark: Lathe's parser + flow-graph builder vs CPython's compile().

    python3 bench/frontend.py [--lines N] [--runs R] [--lathe PATH]

Generates an N-line RPy program (default 10,000) into bench/out/big.py,
then times, median of R runs (default 5), as whole processes:
  * `lathe graph bench/out/big.py > /dev/null`
  * `python3 -c "compile(open(f).read(), f, 'exec')"` (the baseline)
and prints both and the ratio.  The CPython figure includes interpreter
start-up, as the lathe figure includes its own; the start-up of an empty
`python3 -c pass` is printed too so the reader can subtract it.
A speed report only: nothing here asserts a time.
"""

import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.stderr.write("frontend bench: command failed (exit %d): %s\n%s"
                             % (proc.returncode, " ".join(cmd),
                                proc.stderr.decode(errors="replace")[-2000:]))
            sys.exit(1)
        times.append(elapsed)
    return statistics.median(times)


def main(argv):
    lines = 10000
    runs = 5
    lathe = os.path.join(ROOT, "build", "lathe")
    i = 1
    while i < len(argv):
        if argv[i] == "--lines" and i + 1 < len(argv):
            lines = int(argv[i + 1]); i += 2
        elif argv[i] == "--runs" and i + 1 < len(argv):
            runs = int(argv[i + 1]); i += 2
        elif argv[i] == "--lathe" and i + 1 < len(argv):
            lathe = argv[i + 1]; i += 2
        else:
            sys.stderr.write(__doc__)
            return 2
    if not (os.path.isfile(lathe) and os.access(lathe, os.X_OK)):
        sys.stderr.write("frontend bench: %s not found; build first "
                         "(cmake -B build && cmake --build build)\n" % lathe)
        return 1

    outdir = os.path.join(HERE, "out")
    os.makedirs(outdir, exist_ok=True)
    big = os.path.join(outdir, "big.py")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_rpy.py"), str(lines), big],
                   check=True)
    with open(big) as f:
        nlines = sum(1 for _ in f)

    t_lathe = median_time([lathe, "graph", big], runs)
    t_cpython = median_time([sys.executable, "-c",
                             "f = %r; compile(open(f).read(), f, 'exec')" % big], runs)
    t_startup = median_time([sys.executable, "-c", "pass"], runs)

    print("program:           %s (%d lines)" % (os.path.relpath(big, ROOT), nlines))
    print("lathe graph:       %8.1f ms  (median of %d)" % (t_lathe * 1000, runs))
    print("CPython compile(): %8.1f ms  (median of %d; start-up alone %.1f ms)"
          % (t_cpython * 1000, runs, t_startup * 1000))
    print("ratio lathe/CPython: %.2f" % (t_lathe / t_cpython))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
