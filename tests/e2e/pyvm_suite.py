#!/usr/bin/env python3
"""The Python VM's test suite (tests/python/README.md): every script of
tests/python/ runs on CPython 3 (the reference) and on the VM; the two must
agree on stdout, exit status and the shape of an error report.

    pyvm_suite.py --vm "CMD..." [--jit-config CFG] [--sample N] [--jobs N]
                  [--timeout S] [--python PY] [TEST...]
    pyvm_suite.py --check [--jobs N] [TEST...]

--vm is the VM's command line, split on spaces, to which the script and its
arguments are appended: `build/pyvm` (translated) or
`python3 interpreters/python/pyvm.py` (untranslated, on CPython).  Relative
paths in it are taken from the current directory, else the repository root.
--jit-config CFG sets LATHE_JIT=CFG for the VM (e.g. `threshold=1`, `off`);
without it LATHE_JIT is removed from the VM's environment (the defaults).

TEST is a script path or a name (`int_bigmul` or `int_bigmul.py`) of
tests/python/; none means every `tests/python/*.py` except helper modules
(`mod_*.py`, imported by the import tests).  --sample N runs N of them,
evenly spread over the sorted list (deterministic), leaving out the scripts
tagged `# suite: slow` (the JIT loops): for the untranslated VM, which is
hundreds of times slower than CPython.

Each test, CPython and VM alike: `PROG SCRIPT ARGS`, ARGS from the sidecar
`NAME.args` (shell words) if there is one, the current directory the
script's own (so it opens its sidecar data files by name), stdin from
/dev/null, the repository root on PYTHONPATH (rlib, for the untranslated
VM), PYTHONIOENCODING=utf-8, a timeout (--timeout, default 60 s).  Compared:

  * stdout, byte for byte;
  * the exit status;
  * stderr.  When it is a Python error report (it has a `Traceback (most
    recent call last):` line or starts with `  File "..."`, as a
    SyntaxError does), the lines compared are the unindented ones (the
    Traceback header, `ExceptionName: message`, the chaining sentences
    between two tracebacks) and the `  File "PATH", line N[, in FUNC]`
    lines with PATH cut to its basename.  Lines indented by more than two
    spaces (the source line echoed, carets, `[Previous line repeated ...]`)
    and blank lines are ignored.  Any other stderr (sys.exit("message"))
    must be equal.

Output: one line per test, in sorted order, `PASS name (vm T s)` or
`FAIL name: what differs` followed by a short diff; then a summary.  Exit
status 0 all passed, 1 some failed, 2 bad usage or no VM.

--check validates the scripts themselves, on CPython only: each runs twice
and must behave identically (deterministic); its first line must be a
comment; it must exit 0 unless its name says otherwise (`syntax_*`: a
SyntaxError; a name containing `uncaught`: a traceback; `exit`: a
sys.exit status); slow ones (> 0.5 s, not tagged slow) are reported.

Pure standard library, Python 3.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import sys

from e2elib import REPO_ROOT, cpython_env, describe_status, run_process, text

TESTS_DIR = os.path.join(REPO_ROOT, "tests", "python")
HELPER_PREFIX = "mod_"              # helper modules, imported by tests: never run alone
SLOW_TAG = "# suite: slow"          # left out of --sample
TRACEBACK_HEADER = "Traceback (most recent call last):"
FILE_LINE = re.compile(r'^  File "(?P<path>[^"]*)", line (?P<line>\d+)(?P<rest>, in .*)?$')
DIFF_LINES = 20
CHECK_SLOW_SECONDS = 0.5            # --check: a script above this (untagged) is reported
REFERENCE_VERSION = "3.11."         # the CPython whose messages the scripts were written against


# --- what a run looks like ---------------------------------------------------

def is_error_report(stderr_text):
    lines = stderr_text.splitlines()
    return TRACEBACK_HEADER in lines or (bool(lines) and FILE_LINE.match(lines[0]) is not None)


def normalise_stderr(data):
    """stderr bytes -> the list of lines compared (see the module doc)."""
    t = text(data)
    if not is_error_report(t):
        return t.splitlines()
    kept = []
    for line in t.splitlines():
        m = FILE_LINE.match(line)
        if m:
            kept.append('  File "%s", line %s%s' % (os.path.basename(m.group("path")),
                                                    m.group("line"), m.group("rest") or ""))
        elif line.strip() == "" or line.startswith("   "):
            continue        # blank, source echo, carets, "[Previous line repeated ...]"
        else:
            kept.append(line)
    return kept


def short_diff(expected_lines, actual_lines, what):
    diff = list(difflib.unified_diff(expected_lines, actual_lines, "cpython " + what,
                                     "vm " + what, lineterm="", n=1))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + ["... (%d more diff lines)" % (len(diff) - DIFF_LINES)]
    return ["      " + line for line in diff]


class Result(object):
    def __init__(self, name, ok, summary, details=()):
        self.name = name
        self.ok = ok
        self.summary = summary
        self.details = list(details)


def version_of(python):
    """`Python 3.11.7` -> `3.11.7` ('?' when it cannot be run)."""
    r = run_process([python, "--version"], cpython_env(), 30)
    words = text(r.stdout + r.stderr).split()
    return words[1] if len(words) > 1 else "?"


# --- the tests ---------------------------------------------------------------

class Test(object):
    """One script: its path, name, arguments (from NAME.args) and tags."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        self.dir = os.path.dirname(path)
        args_file = os.path.splitext(path)[0] + ".args"
        self.args = []
        if os.path.exists(args_file):
            with open(args_file, encoding="utf-8") as f:
                self.args = shlex.split(f.read())
        with open(path, encoding="utf-8", errors="replace") as f:
            self.head = [f.readline() for _ in range(3)]
        self.slow = any(line.strip() == SLOW_TAG for line in self.head)


def discover(names):
    if not names:
        return sorted(os.path.join(TESTS_DIR, n) for n in os.listdir(TESTS_DIR)
                      if n.endswith(".py") and not n.startswith(HELPER_PREFIX))
    paths = []
    for n in names:
        if os.path.isfile(n):
            paths.append(os.path.abspath(n))
            continue
        p = os.path.join(TESTS_DIR, n if n.endswith(".py") else n + ".py")
        if not os.path.isfile(p):
            raise SystemExit("pyvm_suite: no such test: %s (looked for %s)" % (n, p))
        paths.append(p)
    return paths


def sample(tests, n):
    """n tests evenly spread over the (sorted) non-slow ones: every k-th."""
    pool = [t for t in tests if not t.slow]
    if n >= len(pool):
        return pool
    step = len(pool) / float(n)
    return [pool[int(i * step)] for i in range(n)]


def run_script(prog, test, env, timeout):
    return run_process(prog + [test.path] + test.args, env, timeout, cwd=test.dir)


# --- one test against the VM -----------------------------------------------

def check_vm(test, opts):
    ref = run_script([opts.python], test, cpython_env(), opts.timeout)
    if ref.timed_out:
        return Result(test.name, False, "CPython timed out after %g s (the test is broken)" % opts.timeout)
    got = run_script(opts.vm, test, opts.vm_env, opts.timeout)
    if got.timed_out:
        return Result(test.name, False, "TIMEOUT: the VM ran over %g s (CPython took %.2f s)"
                      % (opts.timeout, ref.seconds))
    problems, details = [], []
    if got.status != ref.status:
        problems.append("%s, CPython %s" % (describe_status(got.status), describe_status(ref.status)))
    if got.stdout != ref.stdout:
        problems.append("stdout differs")
        details += short_diff(text(ref.stdout).splitlines(), text(got.stdout).splitlines(), "stdout")
    want_err, got_err = normalise_stderr(ref.stderr), normalise_stderr(got.stderr)
    if want_err != got_err:
        problems.append("stderr differs")
        details += short_diff(want_err, got_err, "stderr")
    if problems:
        return Result(test.name, False, "; ".join(problems), details)
    return Result(test.name, True, "(vm %.2f s, cpython %.2f s)" % (got.seconds, ref.seconds))


# --- --check: the scripts themselves, on CPython -----------------------------

def expected_outcome(name):
    """What the name promises: 'syntax', 'uncaught', 'exit' or 'ok'."""
    if name.startswith("syntax_"):
        return "syntax"
    if "uncaught" in name:
        return "uncaught"
    if "exit" in name:
        return "exit"
    return "ok"


def check_script(test, opts):
    env = cpython_env()
    a = run_script([opts.python], test, env, opts.timeout)
    b = run_script([opts.python], test, env, opts.timeout)
    if a.timed_out or b.timed_out:
        return Result(test.name, False, "timed out after %g s" % opts.timeout)
    problems = []
    if (a.status, a.stdout, a.stderr) != (b.status, b.stdout, b.stderr):
        problems.append("not deterministic: two runs differ")
    if not test.head[0].startswith("#"):
        problems.append("the first line is not a comment saying what it checks")
    err = text(a.stderr)
    last = err.splitlines()[-1] if err.strip() else ""
    outcome = expected_outcome(test.name)
    if outcome == "ok" and (a.status != 0 or a.stderr):
        problems.append("%s, stderr %r (only syntax_*, *uncaught* and *exit* tests may fail)"
                        % (describe_status(a.status), last))
    elif outcome == "syntax" and not (a.status == 1 and re.match(r"(Syntax|Indentation|Tab)Error: ", last)):
        problems.append("a syntax_ test must end in SyntaxError, got %s: %r" % (describe_status(a.status), last))
    elif outcome == "uncaught" and not (a.status == 1 and TRACEBACK_HEADER in err):
        problems.append("an *uncaught* test must end in a traceback, got %s" % describe_status(a.status))
    elif outcome == "exit" and TRACEBACK_HEADER in err:
        problems.append("an *exit* test ended in a traceback: %r" % last)
    if problems:
        return Result(test.name, False, "; ".join(problems))
    note = ""
    if a.seconds > CHECK_SLOW_SECONDS and not test.slow:
        note = "  SLOW: over %.1f s and not tagged `%s`" % (CHECK_SLOW_SECONDS, SLOW_TAG)
    return Result(test.name, True, "(%s, %.2f s%s)%s" % (describe_status(a.status), a.seconds,
                                                        ", slow" if test.slow else "", note))


def guarded(check, test, opts):
    try:
        return check(test, opts)
    except Exception as e:   # a runner bug or an OS error: one FAIL, not a dead run
        return Result(test.name, False, "runner error: %s: %s" % (type(e).__name__, e))


# --- driver ------------------------------------------------------------------

def resolve_vm(words):
    """The VM command with its paths made absolute (tests run in their own
    directory); exits with status 2 and a clear message when it is missing."""
    if not words:
        raise SystemExit("pyvm_suite: --vm is empty")
    out = []
    for i, w in enumerate(words):
        if os.path.isabs(w) or "/" in w or w.endswith(".py"):
            cands = [os.path.abspath(w), os.path.join(REPO_ROOT, w)]
            found = next((c for c in cands if os.path.exists(c)), None)
            if found is None:
                hint = " (translate it first: ./lathe.sh pyvm)" if i == 0 else ""
                sys.stderr.write("pyvm_suite: VM not found: %s%s\n" % (w, hint))
                sys.exit(2)
            if i == 0 and not os.access(found, os.X_OK):
                sys.stderr.write("pyvm_suite: VM is not executable: %s\n" % found)
                sys.exit(2)
            out.append(found)
        elif i == 0:
            found = shutil.which(w)
            if found is None:
                sys.stderr.write("pyvm_suite: VM command not found on PATH: %s\n" % w)
                sys.exit(2)
            out.append(found)
        else:
            out.append(w)
    return out


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Python VM test suite: CPython versus the VM, script by script.")
    ap.add_argument("--vm", help='the VM command, e.g. "build/pyvm" or "python3 interpreters/python/pyvm.py"')
    ap.add_argument("--check", action="store_true", help="validate the scripts on CPython only (no VM)")
    ap.add_argument("--jit-config", help="LATHE_JIT for the VM (e.g. threshold=1); unset by default")
    ap.add_argument("--sample", type=int, help="run N tests, evenly spread, none tagged slow")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="tests run in parallel (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    ap.add_argument("--python", default=sys.executable, help="the reference CPython (default: this one)")
    ap.add_argument("tests", nargs="*", metavar="TEST")
    opts = ap.parse_args(argv)
    if opts.check == bool(opts.vm):
        ap.error("give exactly one of --vm CMD and --check")
    if opts.jobs < 1 or (opts.sample is not None and opts.sample < 1):
        ap.error("--jobs and --sample take a positive number")
    if opts.vm:
        opts.vm = resolve_vm(opts.vm.split())
        env = cpython_env()
        env.pop("LATHE_JIT", None)
        if opts.jit_config is not None:
            env["LATHE_JIT"] = opts.jit_config
        opts.vm_env = env
    return opts


def main(argv):
    opts = parse_args(argv)
    tests = [Test(p) for p in discover(opts.tests)]
    if opts.sample is not None:
        tests = sample(tests, opts.sample)
    if not tests:
        sys.stderr.write("pyvm_suite: no tests\n")
        return 2
    check = check_script if opts.check else check_vm
    if REFERENCE_VERSION not in version_of(opts.python):
        print("note: the suite's reference is CPython %s (Debian 12, CI); %s is %s, whose messages may differ"
              % (REFERENCE_VERSION, opts.python, version_of(opts.python)))
    width = max(len(t.name) for t in tests)
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        futures = [pool.submit(guarded, check, t, opts) for t in tests]
        for fut in futures:     # in order: logs stay comparable between runs
            r = fut.result()
            if r.ok:
                print("PASS  %-*s  %s" % (width, r.name, r.summary))
            else:
                print("FAIL  %s: %s" % (r.name, r.summary))
                failed.append(r.name)
            for line in r.details:
                print(line)
            sys.stdout.flush()
    if opts.check:
        mode = "on CPython (--check)"
    else:
        mode = "on %s%s" % (" ".join(opts.vm), " with LATHE_JIT=" + opts.jit_config
                            if opts.jit_config is not None else "")
    print("%d tests %s: %d passed, %d failed" % (len(tests), mode, len(tests) - len(failed), len(failed)))
    if failed:
        print("failed: " + " ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
