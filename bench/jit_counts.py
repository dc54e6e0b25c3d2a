"""Executed instructions of two builds of a JIT VM, counted by valgrind:
a measure that does not move with the host's load.

    python3 bench/jit_counts.py BASE_VM NEW_VM PROGRAM [PROGRAM ...]

Runs each VM on each PROGRAM (`VM PROGRAM`, output discarded) under
`valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes
--smc-check=all` and prints, per program and build:

* instructions executed in all (cachegrind's Ir);
* of them, in code that has no symbol, cachegrind's `???:???` line: in a
  translated VM that is the JIT's machine code (the VM, its libraries and
  the runtime all have symbols);
* the rest: the interpreter, tracing, the optimizer, the backend, start-up;
* conditional branches and the ones cachegrind's simple predictor model
  mispredicts (a model, not the host's predictor: compare builds with it,
  do not read it as the hardware's figure);

and NEW/BASE for each. Counts are deterministic for a given build and
input, so a change of 1% is visible here where wall time on a shared host
varies by 2x (bench/examples.py). They say nothing about cycles: a
mispredicted branch or a cache miss costs more than an add. A report only.

The usual use: build the VM at two commits (`lathe translate --jit
interpreters/bf/bf.py -o DIR/bf-jit --opt 2` in two checkouts) and compare
on interpreters/bf/examples/walk30.b. valgrind (Debian package `valgrind`)
must be installed; it is not part of the test run. A run takes about 80
times the program's own time.
"""

import os
import re
import subprocess
import sys
import tempfile

NUM = r"([0-9][0-9,]*)"


def parse_args(argv):
    args = argv[1:]
    if len(args) < 3 or any(a.startswith("--") for a in args):
        sys.stderr.write(__doc__)
        sys.exit(2)
    base, new, programs = args[0], args[1], args[2:]
    for vm in (base, new):
        if not (os.path.isfile(vm) and os.access(vm, os.X_OK)):
            sys.stderr.write("jit_counts: %s is not an executable VM\n" % vm)
            sys.exit(2)
    for p in programs:
        if not os.path.isfile(p):
            sys.stderr.write("jit_counts: no program %s\n" % p)
            sys.exit(2)
    return base, new, programs


def count(vm, program):
    """{'ir', 'jit', 'bc', 'bcm'} for one run of `vm program`."""
    with tempfile.NamedTemporaryFile(prefix="jit_counts.", suffix=".out", delete=False) as f:
        out = f.name
    try:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes",
               "--smc-check=all", "--cachegrind-out-file=" + out, vm, program]
        run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            raise RuntimeError("%s %s under valgrind exited with %d:\n%s"
                               % (vm, program, run.returncode, run.stderr[-2000:]))
        ann = subprocess.run(["cg_annotate", out], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, check=True).stdout
    finally:
        os.unlink(out)
    # Columns: Ir Bc Bcm Bi Bim, each "N (P%)" on the totals and per-function lines.
    row = NUM + r" \([^)]*\)\s+" + NUM + r" \([^)]*\)\s+" + NUM + r" \([^)]*\)"
    total = re.search(row + r".*PROGRAM TOTALS", ann)
    jit = re.search(row + r".*\?\?\?:\?\?\?\s*$", ann, re.M)
    if not total:
        raise RuntimeError("no totals in cg_annotate's output for %s %s" % (vm, program))
    n = lambda s: int(s.replace(",", ""))
    return {"ir": n(total.group(1)), "bc": n(total.group(2)), "bcm": n(total.group(3)),
            "jit": n(jit.group(1)) if jit else 0}


def main(argv):
    base, new, programs = parse_args(argv)
    if subprocess.run(["sh", "-c", "command -v valgrind && command -v cg_annotate"],
                      stdout=subprocess.DEVNULL).returncode != 0:
        sys.stderr.write("jit_counts: needs valgrind and cg_annotate (apt install valgrind)\n")
        return 1
    print("%-12s %-5s %15s %15s %15s %13s %11s" % ("program", "build", "instructions", "in JIT code",
                                                    "elsewhere", "cond branches", "mispredicts"))
    status = 0
    for p in programs:
        name = os.path.basename(p)
        try:
            b, w = count(base, p), count(new, p)
        except RuntimeError as e:
            sys.stderr.write("jit_counts: %s\n" % e)
            status = 1
            continue
        for label, c in (("base", b), ("new", w)):
            print("%-12s %-5s %15s %15s %15s %13s %11s" % (name, label, "{:,}".format(c["ir"]), "{:,}".format(c["jit"]),
                                                           "{:,}".format(c["ir"] - c["jit"]), "{:,}".format(c["bc"]),
                                                           "{:,}".format(c["bcm"])))
        ratio = lambda k, f=lambda c, k: c[k]: "%.3f" % (f(w, k) / f(b, k)) if f(b, k) else "-"
        other = lambda c, k: c["ir"] - c["jit"]
        print("%-12s %-5s %15s %15s %15s %13s %11s" % (name, "new/b", ratio("ir"), ratio("jit"), ratio("x", other),
                                                       ratio("bc"), ratio("bcm")))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
