"""The example VMs (issue 8): interpreters/bf and interpreters/tlr, timed.

    python3 bench/examples.py [--lathe PATH] [--runs R] [--cpython-runs R]
                              [--only bf|tlr]

Prints one table: for each interpreter and program, the time on CPython
(untranslated), translated without JIT, translated with JIT, and the
ratios; medians of R runs (default 3) of whole processes.  Outputs of every
configuration are compared with each other (and, for BF, with the
program's .out file); the exit status is 1 when any disagree or a step
fails.  A report only: nothing here asserts a time.

* BF (interpreters/bf/bf.py) on examples/long.b, nested.b, mandel.b,
  rule30.b and walk30.b.  Also each program converted to C by bench/bf2c.py
  and built with `gcc -O2`: the physical limit; printed with translated/gcc
  (and JIT/gcc).  gcc folds the loops of long.b, nested.b and mandel.b into
  closed forms (milliseconds), so only the Rule 30 programs' gcc column is
  a real limit: their work is data-dependent branching (gen_rule30.py,
  gen_walk30.py; walk30.b is the one the JIT compiles).  CPython
  runs only long.b (about 12 s here, so once by default: --cpython-runs);
  the others would take many minutes on it and are skipped ("skip").
* TLR (interpreters/tlr/tlr.py): the paper's square program on N = 10^7
  (the paper's argument), one row per variant (naive, greens, full).
  CPython runs it at n = 10^5 and at 1, and its time at N is extrapolated
  linearly, t(N) = t(1) + (t(n) - t(1)) * N/n, as bench/run.py does (the
  work per unit of N is constant: one pass through the 8-instruction loop).
  Next to the recomputed JIT speedup (translated / JIT) the paper's
  published one (Figure 8: 0.29, 0.60, 2.83 over the translated
  interpreter's 1.00; profile overhead 0.86) is printed.

Translation: `lathe translate X.py -o bench/out/examples/X-c --opt 2`, and
with `--jit` added when `lathe --help` or `lathe translate --help` mentions
`--jit`; until then the JIT columns print "n/a (no --jit yet)".
"""

import os
import statistics
import subprocess
import sys
import time

from benchlib import HERE, ROOT, Failed, run
from translate import require_translate
import bf2c

BF = os.path.join(ROOT, "interpreters", "bf", "bf.py")
BF_EXAMPLES = os.path.join(ROOT, "interpreters", "bf", "examples")
TLR = os.path.join(ROOT, "interpreters", "tlr", "tlr.py")

# BF programs: (name, run on CPython?)
# rule30 and walk30 are the ones whose loops gcc cannot fold (bench/bf2c.py).
BF_PROGRAMS = [("long", True), ("nested", False), ("mandel", False), ("rule30", False), ("walk30", False)]
TLR_N = 10000000         # the paper's argument
TLR_CPYTHON_N = 100000   # about 2 s on CPython here
TLR_VARIANTS = ["naive", "greens", "full"]
# "Tracing the meta-level" (ICOOOLPS 2009), Figure 8: square of 10000000,
# speed-up over "compiled to C, no JIT" (442.7 ms, 1.00).
PAPER = {
    "naive": ("2 Normal Trace Compilation", 1518.7, 0.29),
    "greens": ("3 Unrolling of Interp. Loop", 737.6, 0.60),
    "full": ("4 JIT, Full Optimizations", 156.2, 2.83),
}
PAPER_BASE_MS = 442.7
PAPER_PROFILE = ("5 Profile Overhead", 515.0, 0.86)
NO_JIT = "n/a (no --jit yet)"


def parse_args(argv):
    opts = {"lathe": os.path.join(ROOT, "build", "lathe"), "runs": 3,
            "cpython-runs": 1, "only": None}
    args = argv[1:]
    while args:
        key = args[0][2:]
        if not args[0].startswith("--") or key not in opts or len(args) < 2:
            sys.stderr.write(__doc__)
            sys.exit(2)
        try:
            opts[key] = int(args[1]) if key in ("runs", "cpython-runs") else args[1]
        except ValueError:
            sys.stderr.write(__doc__)
            sys.exit(2)
        args = args[2:]
    if opts["runs"] < 1 or opts["cpython-runs"] < 1 or opts["only"] not in (None, "bf", "tlr"):
        sys.stderr.write(__doc__)
        sys.exit(2)
    return opts


def median_of(cmd, runs, what):
    """Median wall time of `runs` runs and the output, which must not
    change between runs."""
    times = []
    out = None
    for _ in range(runs):
        t, text = run(cmd, what)
        if out is not None and text != out:
            raise Failed("%s printed different output on a repeated run" % what)
        out = text
        times.append(t)
    return statistics.median(times), out


def has_jit(lathe):
    """True when this lathe documents a `--jit` option."""
    for cmd in ([lathe, "--help"], [lathe, "translate", "--help"]):
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if "--jit" in proc.stdout.decode(errors="replace"):
            return True
    return False


def translate(lathe, src, exe, jit):
    cmd = [lathe, "translate", src, "-o", exe, "--opt", "2"]
    if jit:
        cmd.append("--jit")
    if os.path.exists(exe):
        os.remove(exe)
    run(cmd, "lathe translate%s %s" % (" --jit" if jit else "", os.path.basename(src)))
    if not os.path.isfile(exe):
        raise Failed("lathe translate made no %s" % exe)


def fmt(x, spec="%.3fs"):
    return "n/a" if x is None else spec % x


def ratio(a, b, spec="%.2f"):
    return spec % (a / b) if a is not None and b else "n/a"


def bench_bf(opts, outdir, jit, problems):
    """Returns rows of BF figures."""
    lathe = opts["lathe"]
    exe = os.path.join(outdir, "bf-c")
    exe_jit = os.path.join(outdir, "bf-jit")
    translate(lathe, BF, exe, False)
    if jit:
        translate(lathe, BF, exe_jit, True)
    rows = []
    for name, on_cpython in BF_PROGRAMS:
        sys.stderr.write("examples bench: bf %s.b ...\n" % name)
        prog = os.path.join(BF_EXAMPLES, name + ".b")
        with open(os.path.join(BF_EXAMPLES, name + ".out")) as f:
            expected = f.read()
        r = {"name": name + ".b", "cpython": None, "translated": None, "jit": None,
             "gcc": None}
        outputs = [("expected (%s.out)" % name, expected)]
        gcc_exe = os.path.join(outdir, name + "-gcc")
        bf2c.build(prog, gcc_exe + ".c", gcc_exe)
        r["gcc"], out = median_of([gcc_exe], opts["runs"], "%s: gcc -O2" % name)
        outputs.append(("gcc -O2", out))
        r["translated"], out = median_of([exe, prog], opts["runs"], "%s: translated" % name)
        outputs.append(("translated", out))
        if jit:
            r["jit"], out = median_of([exe_jit, prog], opts["runs"], "%s: JIT" % name)
            outputs.append(("JIT", out))
        if on_cpython:
            r["cpython"], out = median_of([sys.executable, BF, prog], opts["cpython-runs"],
                                          "%s: CPython" % name)
            outputs.append(("CPython", out))
        msg = agree(outputs)
        if msg:
            problems.append("bf %s.b: outputs disagree: %s" % (name, msg))
        rows.append(r)
    return rows


def bench_tlr(opts, outdir, jit, problems):
    """Returns rows of TLR figures, one per variant."""
    lathe = opts["lathe"]
    exe = os.path.join(outdir, "tlr-c")
    exe_jit = os.path.join(outdir, "tlr-jit")
    translate(lathe, TLR, exe, False)
    if jit:
        translate(lathe, TLR, exe_jit, True)
    rows = []
    big, small = TLR_N, TLR_CPYTHON_N
    for variant in TLR_VARIANTS:
        sys.stderr.write("examples bench: tlr --variant %s ...\n" % variant)
        args = ["--variant", variant]
        r = {"name": variant, "cpython": None, "translated": None, "jit": None}
        outputs = [("expected", "%d\n" % (big * big))]
        r["translated"], out = median_of([exe] + args + [str(big)], opts["runs"],
                                         "tlr %s: translated" % variant)
        outputs.append(("translated", out))
        if jit:
            r["jit"], out = median_of([exe_jit] + args + [str(big)], opts["runs"],
                                      "tlr %s: JIT" % variant)
            outputs.append(("JIT", out))
        t_small, out_small = median_of([sys.executable, TLR] + args + [str(small)],
                                       opts["cpython-runs"], "tlr %s: CPython" % variant)
        t_one, _ = median_of([sys.executable, TLR] + args + ["1"], opts["cpython-runs"],
                             "tlr %s: CPython at 1" % variant)
        r["cpython_n"] = t_small
        r["cpython"] = t_one + (t_small - t_one) * big / float(small)
        _, tr_small = run([exe] + args + [str(small)], "tlr %s: translated" % variant)
        small_outputs = [("expected", "%d\n" % (small * small)), ("CPython", out_small),
                         ("translated", tr_small)]
        for label, outs in (("N=%d" % big, outputs), ("n=%d" % small, small_outputs)):
            msg = agree(outs)
            if msg:
                problems.append("tlr %s at %s: outputs disagree: %s" % (variant, label, msg))
        rows.append(r)
    return rows


def agree(outputs):
    """outputs: list of (label, text).  Returns None, or a message naming
    the first that differs from the first one."""
    ref_label, ref = outputs[0]
    for label, text in outputs[1:]:
        if text != ref:
            return "%s and %s differ: %r vs %r" % (ref_label, label, ref[:60], text[:60])
    return None


def print_bf(rows, jit):
    print("Brainfuck (interpreters/bf/bf.py); gcc: bench/bf2c.py + gcc -O2")
    print("%-10s %9s %10s %20s %9s %9s %9s %10s %8s"
          % ("program", "CPython", "translated", "JIT", "gcc -O2", "CPy/tr", "tr/JIT",
             "tr/gcc", "JIT/gcc"))
    for r in rows:
        print("%-10s %9s %10s %20s %9s %9s %9s %10s %8s"
              % (r["name"], fmt(r["cpython"], "%.2fs") if r["cpython"] else "skip",
                 fmt(r["translated"]), fmt(r["jit"]) if jit else NO_JIT, fmt(r["gcc"], "%.4fs"),
                 ratio(r["cpython"], r["translated"], "%.0fx"),
                 ratio(r["translated"], r["jit"], "%.1fx"),
                 ratio(r["translated"], r["gcc"], "%.0fx"),
                 ratio(r["jit"], r["gcc"], "%.2fx")))
    print("  skip: too slow on CPython (minutes); long.b is the CPython comparison")
    print("  gcc folds long.b, nested.b and mandel.b into closed forms; the gcc column of "
          "rule30.b and walk30.b is the real limit")
    print("  targets (issue 8): JIT >= 10x faster than translated on the long program, "
          "JIT/gcc <= 2x")


def print_tlr(rows, jit):
    print("TLR (interpreters/tlr/tlr.py): the paper's square program, N = %d" % TLR_N)
    print("%-8s %10s %10s %20s %8s %14s %30s"
          % ("variant", "CPython*", "translated", "JIT", "CPy/tr", "tr/JIT (ours)",
             "paper: JIT speed-up (ms)"))
    for r in rows:
        label, ms, speedup = PAPER[r["name"]]
        print("%-8s %9.2fs %10s %20s %8s %14s %30s"
              % (r["name"], r["cpython"], fmt(r["translated"]),
                 fmt(r["jit"]) if jit else NO_JIT,
                 ratio(r["cpython"], r["translated"], "%.0fx"),
                 ratio(r["translated"], r["jit"], "%.2f"),
                 "%s: %.2f (%.1f)" % (label, speedup, ms)))
    print("  paper baseline: 1 Compiled to C, no JIT: 1.00 (%.1f ms) = our 'translated'"
          % PAPER_BASE_MS)
    print("  paper %s: %.2f (%.1f ms) -- ours needs a JIT threshold that is never reached: "
          "%s" % (PAPER_PROFILE[0], PAPER_PROFILE[2], PAPER_PROFILE[1],
                  "LATHE_JIT=threshold=1000000000" if jit else NO_JIT))
    print("  * CPython at N extrapolated: t(1) + (t(n) - t(1)) * N/n, n = %d:" % TLR_CPYTHON_N)
    for r in rows:
        print("      %-7s t(n) = %.2f s" % (r["name"], r["cpython_n"]))
    print("  targets (issue 8): full tr/JIT >= 2.83 (the paper's); naive < 1.00 (slower, "
          "as in the paper)")


def main(argv):
    opts = parse_args(argv)
    lathe = opts["lathe"]
    require_translate(lathe, "examples")
    jit = has_jit(lathe)
    outdir = os.path.join(HERE, "out", "examples")
    os.makedirs(outdir, exist_ok=True)
    problems = []
    bf_rows = tlr_rows = None
    if opts["only"] in (None, "bf"):
        try:
            bf_rows = bench_bf(opts, outdir, jit, problems)
        except (Failed, subprocess.CalledProcessError, ValueError) as e:
            problems.append("bf: %s" % e)
    if opts["only"] in (None, "tlr"):
        try:
            tlr_rows = bench_tlr(opts, outdir, jit, problems)
        except Failed as e:
            problems.append("tlr: %s" % e)
    print("CPython %s; native times median of %d runs, CPython of %d; lathe %s%s"
          % (sys.version.split()[0], opts["runs"], opts["cpython-runs"], lathe,
             "" if jit else " (no --jit)"))
    if bf_rows:
        print()
        print_bf(bf_rows, jit)
    if tlr_rows:
        print()
        print_tlr(tlr_rows, jit)
    if problems:
        print()
        for p in problems:
            print("PROBLEM: " + p)
        return 1
    print()
    print("outputs agree (every configuration above, and the BF .out files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
