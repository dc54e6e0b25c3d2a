"""The Python VM's benchmarks (bench/python/README.md): run time against
CPython and PyPy, and what translating the VM costs.

    python3 bench/python/run.py [--lathe PATH] [--pyvm PATH] [--runs R]
                                [--size F] [--only NAME]

1. Translation (unless --pyvm PATH names an already translated VM):
       lathe translate interpreters/python/pyvm.py -o bench/out/python/pyvm/pyvm-c --time --jit
   into a fresh directory with the C++ compiler cache off (CCACHE_DISABLE=1:
   a cold compile), timed and measured by bench/translate.py's helpers.
   Printed: Lathe's phases as it reports them (`time: <phase> <seconds>`),
   Lathe's own time (every phase but cxx-build and total) against the C++
   compile (cxx-build), the wall time, and the peak resident memory of the
   lathe process itself (VmHWM sampled from /proc) and of the whole process
   tree, C++ compiler included (ru_maxrss of wait4, as getrusage of children).
2. Run time: every program of bench/python/ with its argument (scaled by
   --size F) as whole processes, median of R runs (default 3), under
     * pyvm with the JIT (LATHE_JIT unset: the defaults),
     * pyvm without it (LATHE_JIT=off),
     * CPython 3 (the interpreter running this script),
     * PyPy 3, when `pypy3` is on PATH (the column says so otherwise).
   Every configuration must print the same output, run after run (exit
   status 1 otherwise). Printed: seconds and the ratio to CPython's time
   (below 1.00: faster than CPython), with the geometric mean of each ratio
   column over the programs.

--only NAME runs one program (and still translates, unless --pyvm).
A report only: nothing here asserts a time.
"""

import math
import os
import shutil
import sys

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, BENCH)

from benchlib import ROOT, Failed, parse_run_options  # noqa: E402
from examples import agree, median_of  # noqa: E402
from translate import mib, own_time, parse_phase_times, require_translate, secs, translate_once  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PYVM_SRC = os.path.join(ROOT, "interpreters", "python", "pyvm.py")
OUT = os.path.join(BENCH, "out", "python")

# name -> argument: about 0.3-1.5 s each on CPython 3.11 on the reference machine.
PROGRAMS = [
    ("fib", 30),             # recursion
    ("intloop", 300000),     # integer loops
    ("nbody", 100000),       # float kernel
    ("spectral_norm", 200),  # float kernel
    ("fannkuch", 9),         # list work
    ("richards", 10),        # object-oriented scheduler
    ("dictstr", 200000),     # dict and string work
    ("exceptions", 300000),  # raise/catch
    ("generators", 600000),  # generator pipelines
    ("pidigits", 3000),      # big integers
]
# fannkuch's work grows factorially and fib's exponentially: --size scales
# their argument additively instead (one step per doubling).
ADDITIVE = {"fib", "fannkuch"}


def parse_args(argv):
    argv = list(argv)
    pyvm = None
    if "--pyvm" in argv:
        i = argv.index("--pyvm")
        if i + 1 >= len(argv):
            sys.stderr.write(__doc__)
            sys.exit(2)
        pyvm = os.path.abspath(argv[i + 1])
        del argv[i:i + 2]
    opts = parse_run_options(argv, __doc__, [p[0] for p in PROGRAMS])
    opts["pyvm"] = pyvm
    return opts


def scaled(name, arg, factor):
    if name in ADDITIVE:
        return max(1, arg + int(round(math.log(factor, 2))))
    return max(1, int(arg * factor))


def translate_pyvm(lathe):
    """Translates the VM cold; returns (Measured, exe)."""
    require_translate(lathe, "python")
    if not os.path.isfile(PYVM_SRC):
        sys.stderr.write("python bench: %s does not exist yet\n" % PYVM_SRC)
        sys.exit(1)
    sys.stderr.write("python bench: translating %s with --jit (cold C++ compile) ...\n"
                     % os.path.relpath(PYVM_SRC, ROOT))
    return translate_once(lathe, PYVM_SRC, os.path.join(OUT, "pyvm"), ["--jit"], cold=True)


def print_translation(m, exe):
    phases = parse_phase_times(m.stderr)
    print("Translation: lathe translate --jit interpreters/python/pyvm.py --time (cold, CCACHE_DISABLE=1)")
    if not phases:
        print("  (lathe printed no `time: <phase> <seconds>` lines)")
    for p, s in phases:
        print("  %-30s %s" % ("phase " + p, secs(s)))
    d = dict(phases)
    print("  %-30s %s   (%s)" % ("Lathe's own time", secs(own_time(phases)),
                                 " + ".join(p for p, _ in phases if p not in ("cxx-build", "total"))))
    print("  %-30s %s" % ("C++ compile (cxx-build)", secs(d.get("cxx-build"))))
    print("  %-30s %s" % ("wall time (measured here)", secs(m.wall)))
    print("  %-30s %s" % ("peak RSS, lathe itself", mib(m.own_rss)))
    print("  %-30s %s" % ("peak RSS, with C++ compiler", mib(m.tree_rss)))
    print("  %-30s %s" % ("executable", os.path.relpath(exe, ROOT)))


def time_program(name, arg, pyvm, pypy, runs):
    """One row: {config: seconds or None}; raises Failed on any disagreement."""
    prog = os.path.join(HERE, name + ".py")
    args = [prog, str(arg)]
    configs = [("CPython", [sys.executable] + args),
               ("pyvm JIT", ["env", "-u", "LATHE_JIT", pyvm] + args),
               ("pyvm no JIT", ["env", "LATHE_JIT=off", pyvm] + args)]
    if pypy:
        configs.append(("PyPy", [pypy] + args))
    row = {}
    outputs = []
    for label, cmd in configs:
        sys.stderr.write("python bench: %s %s on %s ...\n" % (name, arg, label))
        row[label], out = median_of(cmd, runs, "%s on %s" % (name, label))
        outputs.append((label, out))
    msg = agree(outputs)
    if msg:
        raise Failed("%s: outputs disagree: %s" % (name, msg))
    return row


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def print_times(rows, pypy, runs):
    cols = ["pyvm JIT", "pyvm no JIT"] + (["PyPy"] if pypy else [])
    print("Run time: median of %d runs; ratio = time / CPython's time (below 1.00: faster than CPython)" % runs)
    head = "%-14s %8s %9s" % ("program", "arg", "CPython")
    for c in cols:
        head += " %12s %7s" % (c, "ratio")
    print(head)
    ratios = {c: [] for c in cols}
    for name, arg, row, problem in rows:
        if row is None:
            print("%-14s %8s  FAILED: %s" % (name, arg, problem))
            continue
        line = "%-14s %8s %8.3fs" % (name, arg, row["CPython"])
        for c in cols:
            r = row[c] / row["CPython"]
            ratios[c].append(r)
            line += " %11.3fs %7.2f" % (row[c], r)
        print(line)
    line = "%-14s %8s %9s" % ("geomean", "", "1.00")
    for c in cols:
        g = geomean(ratios[c])
        line += " %12s %7s" % ("", "n/a" if g is None else "%.2f" % g)
    print(line)
    if not pypy:
        print("PyPy 3: pypy3 is not on PATH, so there is no PyPy column (Debian: apt-get install pypy3)")


def main(argv):
    opts = parse_args(argv)
    os.makedirs(OUT, exist_ok=True)
    measured = None
    pyvm = opts["pyvm"]
    if pyvm is None:
        measured, pyvm = translate_pyvm(opts["lathe"])
    elif not (os.path.isfile(pyvm) and os.access(pyvm, os.X_OK)):
        sys.stderr.write("python bench: --pyvm %s is not an executable\n" % pyvm)
        return 1
    pypy = shutil.which("pypy3")
    rows = []
    for name, arg in PROGRAMS:
        if opts["only"] not in (None, name):
            continue
        n = scaled(name, arg, opts["size"])
        try:
            rows.append((name, n, time_program(name, n, pyvm, pypy, opts["runs"]), None))
        except Failed as e:
            rows.append((name, n, None, str(e)))
    print("CPython %s; pyvm %s" % (sys.version.split()[0], os.path.relpath(pyvm, ROOT)
                                   if pyvm.startswith(ROOT) else pyvm))
    print()
    print_times(rows, pypy, opts["runs"])
    print()
    if measured is not None:
        print_translation(measured, pyvm)
    else:
        print("Translation: not measured (--pyvm given)")
    failed = [(n, p) for n, _, r, p in rows if r is None]
    for name, problem in failed:
        print("PROBLEM: " + problem)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
