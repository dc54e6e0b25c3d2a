"""Annotator benchmark: `lathe annotate` on a generated 10,000-line program.

    python3 bench/annotate.py [--lines N] [--runs R] [--lathe PATH]

Generates an N-line RPy program (default 10,000) with bench/gen_rpy.py into
bench/out/big_annotate.py (its entry_point reaches every helper), checks that
`lathe annotate` accepts it, then times as whole processes, median of R runs
(default 5):
  * `lathe annotate FILE > /dev/null`  (parse, evaluate, flow graphs, annotate)
  * `lathe graph FILE > /dev/null`     (the baseline: parse + flow graphs)
and prints both, their ratio, the annotator's share (the difference), and the
peak resident memory of each (the largest over the runs, from
resource.getrusage of the children, as `/usr/bin/time -f %M` reports it).
Target (issue 3): annotating takes under 2 s.  A report only: nothing here
asserts a time.
"""

import os
import statistics
import subprocess
import sys

from benchlib import ROOT, generate_program, parse_options, run_once


def peak_rss_kib(cmd):
    """Peak RSS of one run of `cmd` in KiB, measured in a fresh child so that
    earlier (bigger) children do not mask it: ru_maxrss of RUSAGE_CHILDREN is
    the maximum over all children waited for so far."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe] + cmd, stdout=subprocess.PIPE,
                         check=True)
    return int(out.stdout.decode().strip())


def measure(cmd, runs):
    times = [run_once(cmd, "annotate") for _ in range(runs)]
    return statistics.median(times), peak_rss_kib(cmd)


def main(argv):
    lines, runs, lathe = parse_options(argv, __doc__, "annotate")
    big, nlines = generate_program(lines, "big_annotate.py")

    # Must be accepted, and say how much of it was reached.
    check = subprocess.run([lathe, "annotate", big, "--time"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    if check.returncode != 0:
        sys.stderr.write("annotate bench: lathe annotate rejects %s:\n%s"
                         % (big, check.stderr.decode(errors="replace")[-3000:]))
        return 1
    report = check.stderr.decode(errors="replace").strip().splitlines()
    functions = report[-1].split("(")[-1].rstrip(")") if report else "?"

    t_ann, m_ann = measure([lathe, "annotate", big], runs)
    t_graph, m_graph = measure([lathe, "graph", big], runs)

    rel = os.path.relpath(big, ROOT)
    print("program: %s (%d lines, %s annotated)" % (rel, nlines, functions))
    print("%-34s %10s %12s" % ("", "time (ms)", "peak RSS"))
    print("%-34s %10.1f %9.1f MiB" % ("lathe annotate (median of %d)" % runs,
                                     t_ann * 1000, m_ann / 1024.0))
    print("%-34s %10.1f %9.1f MiB" % ("lathe graph (baseline)", t_graph * 1000,
                                     m_graph / 1024.0))
    print("%-34s %10.1f" % ("annotation alone (difference)", (t_ann - t_graph) * 1000))
    print("ratio annotate/graph: %.2f   (target: annotate under 2000 ms: %s)"
          % (t_ann / t_graph, "met" if t_ann < 2.0 else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
