"""Run-time benchmark: translated RPy programs vs CPython and vs hand-written C++.

    python3 bench/run.py [--lathe PATH] [--runs R] [--size F] [--only NAME]

For each program of bench/programs/ (intloop, floatkernel, objects):
  * translates it:  lathe translate bench/programs/X.py -o bench/out/X-c --opt 2
  * builds its hand-written C++ counterpart:
        g++ -std=c++20 -O2 -ffp-contract=off bench/programs/X.cpp -o bench/out/X-cpp
    (-ffp-contract=off: no fused multiply-add, so floats round as in CPython)
  * times, as whole processes, the translated program and the C++ one at
    the native argument N (chosen so the C++ build runs about 1 s here),
    best of R runs (default 3), and CPython (`python3 X.py`) once at a
    reduced argument n (the program's default, about 5 s here) and once at 0;
  * checks that the outputs agree: all three at n, translated and C++ at N.

CPython's time at N is extrapolated linearly from the two CPython runs:
    t(N) = t(0) + (t(n) - t(0)) * N / n
t(0) is start-up plus the fixed set-up of the program (the sieve, the
long-lived tree), and every program does the same work per unit of its
argument (a round, a step, a tree), so the rest is exactly linear in it.
Both measured CPython times are printed next to the extrapolation.

Printed ratios:
  * CPython/translated -- how much faster translation makes the program
    (target: well over 20x on intloop);
  * translated/C++     -- what translation costs against hand-written C++
    (target: within 2x, i.e. at most 2.00).
`--size F` multiplies every argument by F (e.g. 0.05 for a quick smoke
run); `--only NAME` runs one program.  Outputs are written under bench/out/.
A report only: nothing here asserts a time; the exit status is 1 when the
outputs disagree or a step fails.
"""

import os
import subprocess
import sys
import time

from benchlib import HERE, ROOT, Failed, parse_run_options, run
from translate import require_translate

# name -> (native argument N, CPython argument n).  n is also the program's
# own default; N / n differs per program because CPython's handicap does.
PROGRAMS = [
    ("intloop", 120000000, 9000000),
    ("floatkernel", 10000000, 600000),
    ("objects", 3200, 600),
]
CXXFLAGS = ["-std=c++20", "-O2", "-ffp-contract=off"]
SPEEDUP_TARGET = {"intloop": 20.0}   # CPython/translated, "well over"
OVERHEAD_TARGET = 2.0                # translated/C++


def parse_args(argv):
    return parse_run_options(argv, __doc__, [p[0] for p in PROGRAMS])


def best_of(cmd, runs, what):
    """Best wall time of `runs` runs and the output of the last one; the
    output must not change between runs."""
    best, out = run(cmd, what)
    for _ in range(runs - 1):
        t, again = run(cmd, what)
        if again != out:
            raise Failed("%s printed different output on a repeated run" % what)
        best = min(best, t)
    return best, out


def agree(outputs):
    """outputs: list of (label, text).  Returns None, or a message naming the
    first pair that differs and the first differing line."""
    ref_label, ref = outputs[0]
    for label, text in outputs[1:]:
        if text != ref:
            a, b = ref.splitlines(), text.splitlines()
            for i in range(max(len(a), len(b))):
                la = a[i] if i < len(a) else "<none>"
                lb = b[i] if i < len(b) else "<none>"
                if la != lb:
                    return "%s and %s differ at line %d: %r vs %r" % (ref_label, label, i + 1,
                                                                      la, lb)
    return None


def fmt(x, spec="%.3f"):
    return "n/a" if x is None else spec % x


def bench_program(name, big, small, opts, lathe, outdir):
    """Measures one program; returns a dict of figures (None where a step
    failed) and a list of problems found."""
    src = os.path.join(HERE, "programs", name + ".py")
    cpp = os.path.join(HERE, "programs", name + ".cpp")
    exe_cpp = os.path.join(outdir, name + "-cpp")
    exe_lathe = os.path.join(outdir, name + "-c")
    problems = []
    r = {"N": big, "n": small, "cpython_n": None, "cpython_0": None, "cpython": None,
         "translated": None, "cxx": None}

    run(["g++"] + CXXFLAGS + [cpp, "-o", exe_cpp], "%s: g++" % name)
    if os.path.exists(exe_lathe):
        os.remove(exe_lathe)
    translated = True
    try:
        run([lathe, "translate", src, "-o", exe_lathe, "--opt", "2"], "%s: lathe translate" % name)
        if not os.path.isfile(exe_lathe):
            raise Failed("%s: lathe translate made no %s" % (name, exe_lathe))
    except Failed as e:
        problems.append(str(e))
        translated = False

    # Agreement at the small argument (this is also the CPython timing run).
    r["cpython_n"], out_py = run([sys.executable, src, str(small)], "%s: CPython" % name)
    r["cpython_0"], _ = run([sys.executable, src, "0"], "%s: CPython at 0" % name)
    outputs = [("CPython", out_py), ("C++", run([exe_cpp, str(small)], "%s: C++" % name)[1])]
    if translated:
        outputs.append(("translated", run([exe_lathe, str(small)], "%s: translated" % name)[1]))
    msg = agree(outputs)
    if msg:
        problems.append("%s: outputs disagree at argument %d: %s" % (name, small, msg))
    r["cpython"] = r["cpython_0"] + (r["cpython_n"] - r["cpython_0"]) * big / float(small)

    # Timing at the native argument.
    r["cxx"], out_cxx = best_of([exe_cpp, str(big)], opts["runs"], "%s: C++" % name)
    if translated:
        r["translated"], out_lathe = best_of([exe_lathe, str(big)], opts["runs"],
                                             "%s: translated" % name)
        msg = agree([("C++", out_cxx), ("translated", out_lathe)])
        if msg:
            problems.append("%s: outputs disagree at argument %d: %s" % (name, big, msg))
    return r, problems


def main(argv):
    opts = parse_args(argv)
    lathe = opts["lathe"]
    require_translate(lathe, "run")
    outdir = os.path.join(HERE, "out")
    os.makedirs(outdir, exist_ok=True)

    results = []
    problems = []
    for name, big, small in PROGRAMS:
        if opts["only"] and name != opts["only"]:
            continue
        big = max(1, int(big * opts["size"]))
        small = max(1, int(small * opts["size"]))
        sys.stderr.write("run bench: %s ...\n" % name)
        try:
            r, p = bench_program(name, big, small, opts, lathe, outdir)
        except Failed as e:
            problems.append(str(e))
            continue
        results.append((name, r))
        problems.extend(p)

    print("CPython %s; C++: g++ %s; native times best of %d"
          % (sys.version.split()[0], " ".join(CXXFLAGS), opts["runs"]))
    print("%-12s %11s %10s %10s %10s %12s %13s"
          % ("program", "N", "CPython*", "translated", "C++ -O2", "CPython/tr", "tr/C++"))
    for name, r in results:
        speedup = r["cpython"] / r["translated"] if r["translated"] else None
        overhead = r["translated"] / r["cxx"] if r["translated"] else None
        print("%-12s %11d %9.2fs %10s %9.3fs %12s %13s"
              % (name, r["N"], r["cpython"], fmt(r["translated"], "%.3fs"), r["cxx"],
                 fmt(speedup, "%.1fx"), fmt(overhead, "%.2f")))
    print("* CPython at N extrapolated: t(0) + (t(n) - t(0)) * N/n, from")
    for name, r in results:
        print("    %-12s n = %d: %.2f s, t(0) = %.3f s" % (name, r["n"], r["cpython_n"],
                                                         r["cpython_0"]))
    print("targets: CPython/translated well over 20x on intloop; translated/C++ "
          "at most %.2f" % OVERHEAD_TARGET)
    for name, r in results:
        if not r["translated"]:
            continue
        notes = []
        if name in SPEEDUP_TARGET:
            ok = r["cpython"] / r["translated"] > SPEEDUP_TARGET[name]
            notes.append("CPython/translated > %.0fx %s" % (SPEEDUP_TARGET[name],
                                                            "met" if ok else "NOT met"))
        ok = r["translated"] / r["cxx"] <= OVERHEAD_TARGET
        notes.append("translated/C++ <= %.2f %s" % (OVERHEAD_TARGET, "met" if ok else "NOT met"))
        print("    %-12s %s" % (name, "; ".join(notes)))
    if problems:
        print()
        for p in problems:
            print("PROBLEM: " + p)
        return 1
    print("outputs agree (CPython, translated and C++ at n; translated and C++ at N)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
