"""Translation benchmark: how long `lathe translate` takes and how much
memory it needs.

    python3 bench/translate.py [--runs R] [--lathe PATH] [--jit] [--warm]
                               [--generated N]

Translates, as whole processes:
  * the Brainfuck interpreter, interpreters/bf/bf.py
  * the largest program of tests/programs/ (by line count)
  * a generated N-line program (bench/gen_rpy.py, default 3,000 lines, every
    helper reachable; 0 skips it): the issue's "a few thousand lines" case
with `lathe translate FILE -o bench/out/translate/NAME/NAME-c --time`
(`--jit` is passed on when given), each into a fresh directory, R times
(default 1; figures are medians), with the C++ compiler cache disabled
(CCACHE_DISABLE=1) so the compile figure is a cold build.  `--warm` adds
two more runs with ccache allowed and reports the second one's compile time
(what a re-translation costs once the cache is primed).

Lathe reports its phases on stderr, one line each, `time: <phase> <seconds>`
(frontend, annotate, rtype, emit, cxx-build, total; unknown phases are shown
too).  Printed per program:
  * each phase as Lathe reports it;
  * Lathe's own time: the sum of every phase but cxx-build and total
    (target: under 1 s);
  * the C++ compile time (cxx-build) and Lathe's own total;
  * the wall time of the whole `lathe translate` process as measured here
    (target for BF: under 15 s);
  * the peak resident memory of the lathe process itself (its VmHWM, sampled
    from /proc while it runs, so the C++ compiler it starts is not counted)
    and of the whole process tree (ru_maxrss from wait4, which includes the
    compiler).
Then the translated program is run once and its output compared with
CPython's (BF on interpreters/bf/examples/hello.b; the test program with no
arguments), as a sanity check.
A report only: nothing here asserts a time.

The helpers below (require_translate, run_measured, parse_phase_times) are
shared with bench/run.py.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import HERE, ROOT, generate_program

PHASE_RE = re.compile(r"^time:\s+(\S+)\s+([-+0-9.eE]+)\s*$")
KNOWN_PHASES = ["frontend", "annotate", "rtype", "emit", "cxx-build", "total"]
OWN_TIME_TARGET = 1.0   # seconds, Lathe's own time (everything but the C++ build)
BF_WALL_TARGET = 15.0   # seconds, the whole BF translation


def require_translate(lathe, name):
    """Exits with one clear message unless `lathe` exists and has a
    `translate` command (it is listed by `lathe --help`)."""
    if not (os.path.isfile(lathe) and os.access(lathe, os.X_OK)):
        sys.stderr.write("%s bench: %s not found; build it first (./lathe.sh build) "
                         "or pass --lathe PATH\n" % (name, lathe))
        sys.exit(1)
    proc = subprocess.run([lathe, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if "lathe translate" not in proc.stdout.decode(errors="replace"):
        sys.stderr.write("%s bench: %s has no `translate` command yet (`lathe --help` does "
                         "not list it); build a lathe that has one, or pass --lathe PATH\n"
                         % (name, lathe))
        sys.exit(1)


def _vm_hwm_kib(pid):
    """The peak resident set (VmHWM) of a live process in KiB, or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


class Measured(object):
    """One finished process: wall seconds, exit code, stdout and stderr text,
    peak RSS of the process itself and of its whole tree (KiB; None if unknown)."""

    def __init__(self, wall, returncode, stdout, stderr, own_rss, tree_rss):
        self.wall = wall
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.own_rss = own_rss
        self.tree_rss = tree_rss


def run_measured(cmd, env=None, poll=0.005):
    """Runs `cmd` to completion with stdout and stderr captured in files (no
    pipe can fill up), sampling the process's own VmHWM from /proc while it
    runs; the tree figure is ru_maxrss of wait4 for this one child (the
    maximum over it and the descendants it waited for)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        own = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            hwm = _vm_hwm_kib(proc.pid)
            if hwm is not None:
                own = hwm if own is None else max(own, hwm)
            time.sleep(poll)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(wall, proc.returncode, out.read().decode(errors="replace"),
                        err.read().decode(errors="replace"), own, usage.ru_maxrss)


def parse_phase_times(stderr):
    """`time: <phase> <seconds>` lines -> list of (phase, seconds) in order;
    other lines are ignored, a repeated phase keeps its last value."""
    times = {}
    order = []
    for line in stderr.splitlines():
        m = PHASE_RE.match(line.strip())
        if not m:
            continue
        try:
            secs = float(m.group(2))
        except ValueError:
            continue
        if m.group(1) not in times:
            order.append(m.group(1))
        times[m.group(1)] = secs
    return [(p, times[p]) for p in order]


def own_time(phases):
    """Lathe's own work: every reported phase except the C++ build and the total."""
    return sum(s for p, s in phases if p not in ("cxx-build", "total"))


def largest_test_program():
    best = None
    folder = os.path.join(ROOT, "tests", "programs")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            path = os.path.join(folder, name)
            with open(path) as f:
                n = sum(1 for _ in f)
            if best is None or n > best[1]:
                best = (path, n)
    return best


def line_count(path):
    with open(path) as f:
        return sum(1 for _ in f)


def translate_once(lathe, src, outdir, extra, cold):
    """One `lathe translate` into a fresh `outdir`; returns (Measured, exe path).
    A failing translation ends the benchmark with its stderr."""
    stem = os.path.splitext(os.path.basename(src))[0]
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    exe = os.path.join(outdir, stem + "-c")
    env = dict(os.environ)
    if cold:
        env["CCACHE_DISABLE"] = "1"
    else:
        env.pop("CCACHE_DISABLE", None)
    cmd = [lathe, "translate", src, "-o", exe, "--time"] + extra
    m = run_measured(cmd, env=env)
    if m.returncode != 0 or not os.path.isfile(exe):
        sys.stderr.write("translate bench: command failed (exit %d%s): %s\n%s"
                         % (m.returncode, "" if m.returncode else ", no executable",
                            " ".join(cmd), m.stderr[-3000:]))
        sys.exit(1)
    return m, exe


def sanity_check(src, exe, args):
    """Compares the translated program's output with CPython's for `args`."""
    ref = subprocess.run([sys.executable, src] + args, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=ROOT)
    got = subprocess.run([exe] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=ROOT)
    if ref.returncode == got.returncode and ref.stdout == got.stdout:
        return "matches CPython"
    return "DIFFERS from CPython (exit %d vs %d, %d vs %d bytes of output)" % (
        got.returncode, ref.returncode, len(got.stdout), len(ref.stdout))


def mib(kib):
    return "       ?" if kib is None else "%8.1f MiB" % (kib / 1024.0)


def secs(x):
    return "       ? (not reported)" if x is None else "%8.3f s" % x


def parse_args(argv):
    opts = {"runs": 1, "lathe": os.path.join(ROOT, "build", "lathe"), "jit": False,
            "warm": False, "generated": 3000}
    args = argv[1:]
    while args:
        a = args[0]
        if a in ("--jit", "--warm"):
            opts[a[2:]] = True
            args = args[1:]
        elif a in ("--runs", "--lathe", "--generated") and len(args) >= 2:
            try:
                opts[a[2:]] = int(args[1]) if a != "--lathe" else args[1]
            except ValueError:
                sys.stderr.write(__doc__)
                sys.exit(2)
            args = args[2:]
        else:
            sys.stderr.write(__doc__)
            sys.exit(2)
    if opts["runs"] < 1:
        sys.stderr.write(__doc__)
        sys.exit(2)
    return opts


def bench_one(lathe, src, check_args, wall_target, opts):
    """Translates `src` as the options say and prints its figures."""
    extra = ["--jit"] if opts["jit"] else []
    stem = os.path.splitext(os.path.basename(src))[0]
    outdir = os.path.join(HERE, "out", "translate", stem)
    runs = [translate_once(lathe, src, outdir, extra, cold=True) for _ in range(opts["runs"])]
    exe = runs[-1][1]
    measured = [m for m, _ in runs]
    phase_runs = [dict(parse_phase_times(m.stderr)) for m in measured]
    phases = []           # the union of the phases, in the order first reported
    for m in measured:
        for p, _ in parse_phase_times(m.stderr):
            if p not in phases:
                phases.append(p)

    def med(phase):
        vals = [pr[phase] for pr in phase_runs if phase in pr]
        return statistics.median(vals) if vals else None

    print()
    print("%s (%d lines)" % (os.path.relpath(src, ROOT), line_count(src)))
    if not phases:
        print("  (lathe printed no `time: <phase> <seconds>` lines on stderr)")
    for p in phases:
        print("  %-28s %s%s" % ("phase " + p, secs(med(p)),
                                "" if p in KNOWN_PHASES else "   (not in the contract)"))
    own = statistics.median(own_time(pr.items()) for pr in phase_runs)
    summed = [p for p in phases if p not in ("cxx-build", "total")]
    print("  %-28s %s   (%s; target under %.0f s: %s)"
          % ("Lathe's own time", secs(own), " + ".join(summed) or "no phases",
             OWN_TIME_TARGET, "met" if summed and own < OWN_TIME_TARGET else "NOT met"))
    print("  %-28s %s" % ("C++ compile (cold)", secs(med("cxx-build"))))
    print("  %-28s %s" % ("total (as Lathe reports it)", secs(med("total"))))
    wall = statistics.median(m.wall for m in measured)
    target = ""
    if wall_target is not None:
        target = "   (target under %.0f s: %s)" % (wall_target,
                                                   "met" if wall < wall_target else "NOT met")
    print("  %-28s %s%s" % ("wall time (measured here)", secs(wall), target))
    own_rss = [m.own_rss for m in measured if m.own_rss is not None]
    print("  %-28s %s" % ("peak RSS, lathe itself", mib(max(own_rss) if own_rss else None)))
    print("  %-28s %s" % ("peak RSS, with C++ compiler", mib(max(m.tree_rss for m in measured))))
    if opts["warm"]:
        translate_once(lathe, src, outdir, extra, cold=False)    # primes the cache
        m, exe = translate_once(lathe, src, outdir, extra, cold=False)
        warm = dict(parse_phase_times(m.stderr)).get("cxx-build")
        print("  %-28s %s   (wall %.3f s)" % ("C++ compile (warm ccache)", secs(warm), m.wall))
    print("  %-28s %s: %s" % ("output", os.path.relpath(exe, ROOT),
                              sanity_check(src, exe, check_args)))


def main(argv):
    opts = parse_args(argv)
    lathe = opts["lathe"]
    require_translate(lathe, "translate")
    print("lathe translate%s --time, C++ compiler cache disabled (CCACHE_DISABLE=1), "
          "median of %d run%s" % (" --jit" if opts["jit"] else "", opts["runs"],
                                  "" if opts["runs"] == 1 else "s"))
    hello = os.path.join("interpreters", "bf", "examples", "hello.b")
    bench_one(lathe, os.path.join(ROOT, "interpreters", "bf", "bf.py"), [hello],
              BF_WALL_TARGET, opts)
    bench_one(lathe, largest_test_program()[0], [], None, opts)
    if opts["generated"] > 0:
        big, _ = generate_program(opts["generated"], "big_translate.py")
        bench_one(lathe, big, [], None, opts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
