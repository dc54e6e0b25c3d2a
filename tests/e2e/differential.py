#!/usr/bin/env python3
"""Differential end-to-end test (DESIGN.md §8): every RPy program runs on
CPython (the reference) and translated by `lathe translate`; the two runs
must agree.

    differential.py --lathe PATH/TO/lathe --work DIR [--jobs N] [--opt 0|2] PROGRAM...
    differential.py --cpython-only --work DIR PROGRAM...

For each program:
  1. CPython: `python3 PROGRAM` with PYTHONPATH=<repository root> (so `rlib`
     imports), PYTHONUNBUFFERED=1 (print and os.write reach fd 1 in program
     order, as in a translated program: runtime/README.md), stdin from
     /dev/null, a timeout.
  2. Translation: `lathe translate PROGRAM -o WORK/<stem>-c --opt N`; a
     non-zero exit is a FAIL showing the tail of its stderr.
  3. The executable runs the same way as CPython did (no arguments).
  4. Comparison:
       * stdout byte for byte;
       * the exit status;
       * stderr: when CPython's starts with "Traceback (most recent call
         last):" (an uncaught exception), the translated stderr must start
         with that line too, and its last non-empty line must equal
         CPython's (`ValueError: bad thing`); translated code keeps no frame
         records, so the lines in between are not compared. Otherwise the
         two stderr texts must be equal. Nothing is stripped on either side.

Programs are processed by a thread pool of --jobs workers (each worker runs
one program's whole pipeline; the translations dominate). Results are
printed in the order the programs were given, one line each:

    ok    name  (translate 1.2 s, run 0.01 s)
    FAIL  name: what differs
          (a short unified diff of stdout, or the translator's stderr tail)

followed by a summary. Exit status: 0 all ok, 1 some program failed,
2 bad usage.

--cpython-only runs step 1 only: it checks that every program runs on
CPython, reports its exit status, and records the expected outputs in
WORK/expected/<stem>.{stdout,stderr,status}. It fails a program that timed
out, died from a signal, wrote non-ASCII output, exited with 1 without a
traceback, or died from an exception no RPy program raises on purpose
(NameError, TypeError, AttributeError, ImportError, ...): such a program is
broken, not testing anything.

In the full mode both sides' outputs are kept in WORK/out/ for inspection.
Other options: --python (the reference interpreter, default: the one running
this script), --timeout / --translate-timeout (seconds), --run-env NAME=VALUE
(extra environment for the translated executables, e.g. LATHE_JIT=off).

Pure standard library, Python 3.11.
"""

import argparse
import concurrent.futures
import difflib
import os
import sys

from e2elib import REPO_ROOT, Run, cpython_env, describe_status, run_process, text, unique_stems  # noqa: E402

TRACEBACK_HEADER = "Traceback (most recent call last):"

# Exceptions that never end a correct RPy program on purpose: their presence
# in CPython's traceback means the program itself is broken (--cpython-only).
BROKEN_PROGRAM_ERRORS = ("SyntaxError", "IndentationError", "NameError", "UnboundLocalError",
                         "TypeError", "AttributeError", "ImportError", "ModuleNotFoundError")

DIFF_LINES = 24        # at most this many lines of a stdout diff are shown
STDERR_TAIL_LINES = 15  # ... and of the translator's stderr


# --- running processes ------------------------------------------------------





def last_nonempty_line(data):
    for line in reversed(text(data).splitlines()):
        if line.strip() != "":
            return line
    return ""


def first_line(data):
    lines = text(data).splitlines()
    if lines:
        return lines[0]
    return ""


def stdout_diff(expected, actual):
    """A short unified diff of two stdout texts, indented for the report."""
    diff = list(difflib.unified_diff(text(expected).splitlines(), text(actual).splitlines(),
                                     "cpython", "translated", lineterm="", n=2))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + ["... (%d more diff lines)" % (len(diff) - DIFF_LINES)]
    return ["      " + line for line in diff]


def compare_stderr(expected, actual):
    """Returns a description of how the translated stderr differs, or None."""
    if text(expected).startswith(TRACEBACK_HEADER):
        if first_line(actual) != TRACEBACK_HEADER:
            return "stderr does not start with %r (got %r)" % (TRACEBACK_HEADER, first_line(actual))
        want = last_nonempty_line(expected)
        got = last_nonempty_line(actual)
        if want != got:
            msg = "traceback ends with %r, CPython's with %r" % (got, want)
            if got == "__main__." + want:
                msg += " (CPython omits the __main__. prefix of classes of the main program)"
            return msg
        return None
    if expected != actual:
        return "stderr differs: %r vs CPython's %r" % (shorten(text(actual)), shorten(text(expected)))
    return None


def shorten(s, limit=120):
    if len(s) > limit:
        return s[:limit] + "..."
    return s


# --- one program ------------------------------------------------------------

class Result(object):
    def __init__(self, name, ok, summary, details):
        self.name = name
        self.ok = ok
        self.summary = summary   # the text after "ok  name  " or "FAIL name: "
        self.details = details   # extra indented lines (diffs, stderr tails)


def write_file(path, data):
    with open(path, "wb") as f:
        f.write(data)


def check_cpython_only(program, stem, args):
    """--cpython-only: run the reference, record its outputs, sanity-check."""
    name = os.path.basename(program)
    ref = run_process([args.python, program], cpython_env(), args.timeout, REPO_ROOT)
    expected_dir = os.path.join(args.work, "expected")
    write_file(os.path.join(expected_dir, stem + ".stdout"), ref.stdout)
    write_file(os.path.join(expected_dir, stem + ".stderr"), ref.stderr)
    write_file(os.path.join(expected_dir, stem + ".status"), ("%d\n" % ref.status).encode())
    if ref.timed_out:
        return Result(name, False, "timed out after %g s on CPython" % args.timeout, [])
    if ref.status < 0:
        return Result(name, False, "CPython " + describe_status(ref.status), [])
    problems = []
    is_traceback = text(ref.stderr).startswith(TRACEBACK_HEADER)
    last = last_nonempty_line(ref.stderr)
    if ref.status == 1 and not is_traceback:
        problems.append("exit 1 without a traceback")
    if is_traceback and last.split(":")[0] in BROKEN_PROGRAM_ERRORS:
        problems.append("the program is broken: " + last)
    for label, data in (("stdout", ref.stdout), ("stderr", ref.stderr)):
        if any(b >= 0x80 for b in data):
            problems.append("non-ASCII %s" % label)
    if problems:
        tail = text(ref.stderr).splitlines()[-5:]
        return Result(name, False, "; ".join(problems), ["      " + line for line in tail])
    summary = "(%s, cpython %.2f s)" % (describe_status(ref.status), ref.seconds)
    if is_traceback:
        summary = "(%s: %s, cpython %.2f s)" % (describe_status(ref.status), last, ref.seconds)
    return Result(name, True, summary, [])


def check_translated(program, stem, args):
    """The full differential test of one program."""
    name = os.path.basename(program)
    ref = run_process([args.python, program], cpython_env(), args.timeout, REPO_ROOT)
    if ref.timed_out:
        return Result(name, False, "CPython timed out after %g s (the reference is broken)" % args.timeout, [])

    exe = os.path.join(args.work, stem + "-c")
    if os.path.exists(exe):
        os.remove(exe)   # never run a stale executable from an earlier run
    translate = run_process([args.lathe, "translate", program, "-o", exe, "--opt", args.opt],
                            dict(os.environ), args.translate_timeout, REPO_ROOT)
    if translate.timed_out or translate.status != 0:
        if translate.timed_out:
            what = "translation timed out after %g s" % args.translate_timeout
        else:
            what = "translation failed (%s)" % describe_status(translate.status)
        tail = text(translate.stderr).splitlines()[-STDERR_TAIL_LINES:]
        return Result(name, False, what, ["      " + line for line in tail])
    if not os.path.exists(exe):
        return Result(name, False, "translation exited 0 but wrote no %s" % exe, [])

    env = dict(os.environ)
    env.update(args.run_env)
    got = run_process([exe], env, args.timeout, REPO_ROOT)
    out_dir = os.path.join(args.work, "out")
    for side, r in (("cpython", ref), ("translated", got)):
        write_file(os.path.join(out_dir, "%s.%s.stdout" % (stem, side)), r.stdout)
        write_file(os.path.join(out_dir, "%s.%s.stderr" % (stem, side)), r.stderr)

    if got.timed_out:   # its outputs are cut short: comparing them says nothing more
        return Result(name, False, "timed out after %g s (CPython took %.2f s)" % (args.timeout, ref.seconds), [])
    problems = []
    details = []
    if got.status != ref.status:
        problems.append("%s, CPython %s" % (describe_status(got.status), describe_status(ref.status)))
    if got.stdout != ref.stdout:
        problems.append("stdout differs")
        details.extend(stdout_diff(ref.stdout, got.stdout))
    stderr_problem = compare_stderr(ref.stderr, got.stderr)
    if stderr_problem is not None:
        problems.append(stderr_problem)
    if problems:
        return Result(name, False, "; ".join(problems), details)
    return Result(name, True, "(translate %.1f s, run %.2f s)" % (translate.seconds, got.seconds), [])


def guarded(check, program, stem, args):
    """Runs one check; a bug in the runner or an OS error becomes a FAIL
    line instead of killing the whole run."""
    try:
        return check(program, stem, args)
    except Exception as e:   # report and carry on with the other programs
        return Result(os.path.basename(program), False, "runner error: %s: %s" % (type(e).__name__, e), [])


# --- driver -----------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Differential test: CPython versus `lathe translate`.")
    ap.add_argument("--lathe", help="the lathe executable (required unless --cpython-only)")
    ap.add_argument("--work", required=True, help="directory for executables and recorded outputs")
    ap.add_argument("--jobs", type=int, default=2, help="programs processed in parallel (default 2)")
    ap.add_argument("--opt", choices=["0", "2"], default="0", help="optimisation level passed to translate")
    ap.add_argument("--cpython-only", action="store_true",
                    help="only run the programs on CPython and record the expected outputs")
    ap.add_argument("--python", default=sys.executable, help="the reference CPython (default: this one)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per program run (default 60)")
    ap.add_argument("--translate-timeout", type=float, default=900.0,
                    help="seconds per translation (default 900)")
    ap.add_argument("--run-env", action="append", default=[], metavar="NAME=VALUE",
                    help="extra environment for the translated executables (e.g. LATHE_JIT=off)")
    ap.add_argument("programs", nargs="+", metavar="PROGRAM")
    args = ap.parse_args(argv)
    if not args.cpython_only and not args.lathe:
        ap.error("--lathe is required (or use --cpython-only)")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    env = {}
    for item in args.run_env:
        if "=" not in item:
            ap.error("--run-env takes NAME=VALUE, not %r" % item)
        k, v = item.split("=", 1)
        env[k] = v
    args.run_env = env
    return args, ap


def main(argv):
    args, ap = parse_args(argv)
    programs = [os.path.abspath(p) for p in args.programs]
    missing = [p for p in programs if not os.path.isfile(p)]
    if missing:
        ap.error("no such program: " + ", ".join(missing))
    if not args.cpython_only:
        args.lathe = os.path.abspath(args.lathe)
        if not os.access(args.lathe, os.X_OK):
            ap.error("not an executable: " + args.lathe)
    args.work = os.path.abspath(args.work)
    os.makedirs(os.path.join(args.work, "expected" if args.cpython_only else "out"), exist_ok=True)

    check = check_cpython_only if args.cpython_only else check_translated
    stems = unique_stems(programs)
    width = max(len(os.path.basename(p)) for p in programs)
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(guarded, check, p, s, args) for p, s in zip(programs, stems)]
        # Report in the order given (waiting on each in turn): logs stay
        # comparable from run to run while results still stream.
        for fut in futures:
            r = fut.result()
            if r.ok:
                print("ok    %-*s  %s" % (width, r.name, r.summary))
            else:
                print("FAIL  %s: %s" % (r.name, r.summary))
                failed.append(r.name)
            for line in r.details:
                print(line)
            sys.stdout.flush()

    mode = "on CPython" if args.cpython_only else "translated (--opt %s)" % args.opt
    print("%d programs %s: %d ok, %d failed" % (len(programs), mode, len(programs) - len(failed), len(failed)))
    if failed:
        print("failed: " + " ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
