"""Shared pieces of the toolchain benchmarks (bench/frontend.py,
bench/annotate.py): command-line options, the generated program, and
whole-process timing. Reports only: nothing here asserts a time."""

import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_options(argv, doc, name):
    """--lines N --runs R --lathe PATH -> (lines, runs, lathe); exits with a
    message when the options are wrong or the lathe binary is missing."""
    opts = {"--lines": 10000, "--runs": 5, "--lathe": os.path.join(ROOT, "build", "lathe")}
    args = argv[1:]
    while args:
        if args[0] not in opts or len(args) < 2:
            sys.stderr.write(doc)
            sys.exit(2)
        opts[args[0]] = args[1] if args[0] == "--lathe" else int(args[1])
        args = args[2:]
    lathe = opts["--lathe"]
    if not (os.path.isfile(lathe) and os.access(lathe, os.X_OK)):
        sys.stderr.write("%s bench: %s not found; build it first (./lathe.sh build)\n"
                         % (name, lathe))
        sys.exit(1)
    return opts["--lines"], opts["--runs"], lathe


def parse_run_options(argv, doc, only_choices):
    """--lathe PATH --runs R --size F --only NAME (bench/run.py,
    bench/jit_loops.py) -> a dict; prints `doc` and exits 2 when they are
    wrong (`only` must be one of only_choices)."""
    opts = {"lathe": os.path.join(ROOT, "build", "lathe"), "runs": 3, "size": 1.0,
            "only": None}
    args = argv[1:]
    while args:
        key = args[0][2:]
        if not args[0].startswith("--") or key not in opts or len(args) < 2:
            sys.stderr.write(doc)
            sys.exit(2)
        try:
            opts[key] = {"runs": int, "size": float}.get(key, str)(args[1])
        except ValueError:
            sys.stderr.write(doc)
            sys.exit(2)
        args = args[2:]
    if opts["runs"] < 1 or opts["size"] <= 0 or (opts["only"] is not None and opts["only"] not in only_choices):
        sys.stderr.write(doc)
        sys.exit(2)
    return opts


def generate_program(lines, filename):
    """Writes an RPy program of about `lines` lines with bench/gen_rpy.py into
    bench/out/FILENAME; returns (path, actual line count)."""
    outdir = os.path.join(HERE, "out")
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, filename)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_rpy.py"), str(lines), path],
                   check=True)
    with open(path) as f:
        return path, sum(1 for _ in f)


def run_once(cmd, name):
    """Runs `cmd` to completion, output discarded; returns wall seconds.
    A failing command ends the benchmark with its stderr."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write("%s bench: command failed (exit %d): %s\n%s"
                         % (name, proc.returncode, " ".join(cmd),
                            proc.stderr.decode(errors="replace")[-2000:]))
        sys.exit(1)
    return elapsed


def median_time(cmd, runs, name):
    return statistics.median(run_once(cmd, name) for _ in range(runs))


class Failed(Exception):
    """A benchmark step failed; the message says which command and why."""


def run(cmd, what):
    """Runs `cmd`; returns (wall seconds, stdout text).  Raises Failed with
    the command's stderr when it exits non-zero."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace")[-2000:].rstrip()
        raise Failed("%s failed (exit %d): %s\n%s" % (what, proc.returncode, " ".join(cmd), err))
    return elapsed, proc.stdout.decode(errors="replace")
