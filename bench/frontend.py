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
import sys

from benchlib import ROOT, generate_program, median_time, parse_options


def main(argv):
    lines, runs, lathe = parse_options(argv, __doc__, "frontend")
    big, nlines = generate_program(lines, "big.py")

    t_lathe = median_time([lathe, "graph", big], runs, "frontend")
    t_cpython = median_time([sys.executable, "-c",
                             "f = %r; compile(open(f).read(), f, 'exec')" % big], runs,
                            "frontend")
    t_startup = median_time([sys.executable, "-c", "pass"], runs, "frontend")

    print("program:           %s (%d lines)" % (os.path.relpath(big, ROOT), nlines))
    print("lathe graph:       %8.1f ms  (median of %d)" % (t_lathe * 1000, runs))
    print("CPython compile(): %8.1f ms  (median of %d; start-up alone %.1f ms)"
          % (t_cpython * 1000, runs, t_startup * 1000))
    print("ratio lathe/CPython: %.2f" % (t_lathe / t_cpython))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
