#!/usr/bin/env python3
"""JIT matrix: every program, translated with --jit, prints what CPython
prints under a set of LATHE_JIT configurations, and its jit-summary meets
the program's `# expect:` lines.

    jit_matrix.py --lathe LATHE --work DIR [--translate-arg ARG]...
                  [--config NAME=LATHE_JIT_VALUE]... [--only-config NAME]...
                  [-j N] [--no-jit] PROGRAM.py...

For each program (tests/jit_programs/README.md):
  1. CPython: `python3 PROGRAM` (PYTHONPATH=<repository root>,
     PYTHONUNBUFFERED=1, stdin from /dev/null): the reference stdout and
     exit status.
  2. Translation, once: `LATHE translate --jit PROGRAM -o DIR/<stem>-c`
     plus the --translate-arg words.
  3. One run of DIR/<stem>-c per configuration, with LATHE_JIT=<value>
     (an empty value: LATHE_JIT unset) and
     LATHE_LOG=jit-summary:DIR/<stem>.<NAME>.summary (deleted before the
     run); stdout and the exit status must equal CPython's.
  4. Expectations: every line of the program of the form
         # expect: CONFIG: COUNTER OP NUMBER
     (OP one of >= == <=, COUNTER a jit-summary label such as `loops`,
     `bridges`, `aborts`, `guard failures`) is checked against the
     summary file of configuration CONFIG -- the last
     `{jit-summary ... jit-summary}` section in it.  A missing file,
     section or label is a failure.  Expectations naming a configuration
     that is known but not run (--only-config, --config) are skipped; an
     unknown configuration name or a malformed `# expect:` line fails.

Default configurations (when no --config is given), NAME -> LATHE_JIT:
    off -> off=1                     default -> (unset)
    threshold=1 -> threshold=1       trace_eagerness=1 -> threshold=1,trace_eagerness=1
    fail_guards=2 -> threshold=1,fail_guards=2   (and 3, 7 likewise)
    interp -> threshold=1,backend=interp
    trees -> threshold=1,tree_calls=1   (bridges inlined into their loop early)
    trees_fail_guards=3 -> threshold=1,tree_calls=1,fail_guards=3

--no-jit translates without --jit and runs only the `off` configuration,
checking output but no expectations (usable before `--jit` exists).

Output: one line per program, in the order given,
    ok  PROGRAM (N configs, T s)
or FAIL lines (`FAIL PROGRAM [CONFIG]: what`, with the first differing
stdout line), then a one-line summary.  Exit status 0 when everything
passed, 1 when anything failed, 2 for bad usage.  Each run (CPython or
translated) has a timeout (--timeout, default 120 s).

Pure standard library, Python 3.
"""

import argparse
import concurrent.futures
import os
import re
import sys
import time

from e2elib import REPO_ROOT, Run, cpython_env, describe_status, run_process, text, unique_stems  # noqa: E402

# (name, LATHE_JIT value), in run order.
DEFAULT_CONFIGS = [
    ("off", "off=1"),
    ("default", ""),
    ("threshold=1", "threshold=1"),
    ("trace_eagerness=1", "threshold=1,trace_eagerness=1"),
    ("fail_guards=2", "threshold=1,fail_guards=2"),
    ("fail_guards=3", "threshold=1,fail_guards=3"),
    ("fail_guards=7", "threshold=1,fail_guards=7"),
    ("interp", "threshold=1,backend=interp"),
    # Trees compiled with their bridges inlined as soon as a bridge is called.
    ("trees", "threshold=1,tree_calls=1"),
    ("trees_fail_guards=3", "threshold=1,tree_calls=1,fail_guards=3"),
]

EXPECT_PREFIX = re.compile(r"^\s*#\s*expect\s*:")
EXPECT_LINE = re.compile(r"^\s*#\s*expect\s*:\s*(?P<config>[^:\s]+)\s*:\s*"
                         r"(?P<counter>[A-Za-z][A-Za-z _-]*?)\s*(?P<op>>=|==|<=)\s*"
                         r"(?P<number>-?\d+)\s*$")
SUMMARY_ROW = re.compile(r"^(?P<label>[^:]+):\s*(?P<value>-?[0-9.]+)")

STDERR_TAIL_LINES = 12


# --- processes --------------------------------------------------------------




def tail(data, n=STDERR_TAIL_LINES):
    return ["      " + line for line in text(data).splitlines()[-n:]]


def first_difference(expected, actual):
    """'line K: expected X, got Y' for the first differing stdout line."""
    exp = text(expected).splitlines(True)
    got = text(actual).splitlines(True)
    for k in range(max(len(exp), len(got))):
        e = exp[k] if k < len(exp) else None
        g = got[k] if k < len(got) else None
        if e == g:
            continue
        if e is None:
            return "line %d: expected end of output, got %r" % (k + 1, g.rstrip("\n"))
        if g is None:
            return "line %d: expected %r, got end of output" % (k + 1, e.rstrip("\n"))
        if e.rstrip("\n") == g.rstrip("\n"):
            return "line %d: %r, with and without a final newline" % (k + 1, e.rstrip("\n"))
        return "line %d: expected %r, got %r" % (k + 1, e.rstrip("\n"), g.rstrip("\n"))
    return "outputs differ"   # not reached: equal lines mean equal bytes


# --- expectations and summaries ---------------------------------------------

class Expectation(object):
    def __init__(self, lineno, config, counter, op, number):
        self.lineno = lineno
        self.config = config
        self.counter = counter
        self.op = op
        self.number = number

    def describe(self):
        return "%s %s %d" % (self.counter, self.op, self.number)

    def holds(self, value):
        if self.op == ">=":
            return value >= self.number
        if self.op == "<=":
            return value <= self.number
        return value == self.number


def read_expectations(path):
    """Returns (expectations, errors) from the program's `# expect:` lines."""
    expectations = []
    errors = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not EXPECT_PREFIX.match(line):
                continue
            m = EXPECT_LINE.match(line)
            if not m:
                errors.append("line %d: malformed expectation %r (want "
                              "'# expect: CONFIG: COUNTER OP NUMBER')" % (lineno, line.strip()))
                continue
            expectations.append(Expectation(lineno, m.group("config"), m.group("counter").strip(),
                                            m.group("op"), int(m.group("number"))))
    return expectations, errors


def parse_summary(path):
    """The rows of the last jit-summary section in `path` as {label: number},
    or None when the file or the section is missing.  Labels are stripped
    (abort reasons are indented); numbers are ints, times floats."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    sections = []
    current = None
    for line in lines:
        if line.strip() == "{jit-summary":
            current = {}
        elif line.strip() == "jit-summary}":
            if current is not None:
                sections.append(current)
            current = None
        elif current is not None:
            m = SUMMARY_ROW.match(line.strip())
            if m:
                value = m.group("value")
                try:
                    current[m.group("label").strip()] = int(value)
                except ValueError:
                    try:
                        current[m.group("label").strip()] = float(value)
                    except ValueError:
                        pass
    if not sections:
        return None
    return sections[-1]


# --- one program ------------------------------------------------------------

class Result(object):
    def __init__(self, name):
        self.name = name
        self.failures = []    # (config or None, message, detail lines)
        self.nconfigs = 0
        self.seconds = 0.0

    def fail(self, config, message, details=None):
        self.failures.append((config, message, details or []))



def run_env(jit_value, summary_path):
    env = dict(os.environ)
    env.pop("LATHE_JIT", None)
    if jit_value != "":
        env["LATHE_JIT"] = jit_value
    env["LATHE_LOG"] = "jit-summary:" + summary_path
    return env


def check_program(program, display, stem, args):
    start = time.monotonic()
    res = Result(display)

    expectations, errors = read_expectations(program)
    for e in errors:
        res.fail(None, e)

    ref = run_process([args.python, program], cpython_env(), args.timeout)
    if ref.timed_out:
        res.fail(None, "CPython timed out after %g s" % args.timeout)
        return res

    exe = os.path.join(args.work, stem + "-c")
    if os.path.exists(exe):
        os.remove(exe)    # never run a stale executable
    cmd = [args.lathe, "translate"]
    if not args.no_jit:
        cmd.append("--jit")
    cmd += [program, "-o", exe] + args.translate_arg
    tr = run_process(cmd, dict(os.environ), args.translate_timeout)
    if tr.timed_out or tr.status != 0 or not os.path.exists(exe):
        if tr.timed_out:
            what = "translation timed out after %g s" % args.translate_timeout
        elif tr.status != 0:
            what = "translation failed (%s)" % describe_status(tr.status)
        else:
            what = "translation exited 0 but wrote no %s" % exe
        res.fail(None, what, tail(tr.stderr))
        res.seconds = time.monotonic() - start
        return res

    summaries = {}
    for name, value in args.configs:
        res.nconfigs += 1
        summary = os.path.join(args.work, "%s.%s.summary" % (stem, name))
        if os.path.exists(summary):
            os.remove(summary)
        got = run_process([exe], run_env(value, summary), args.timeout)
        summaries[name] = summary
        if got.timed_out:
            res.fail(name, "timed out after %g s (CPython took %.2f s)" % (args.timeout, ref.seconds))
            continue
        if got.status != ref.status:
            res.fail(name, "%s, CPython %s" % (describe_status(got.status), describe_status(ref.status)),
                     tail(got.stderr))
        if got.stdout != ref.stdout:
            res.fail(name, "stdout differs at " + first_difference(ref.stdout, got.stdout))

    if not args.no_jit:
        known = set(n for n, _ in DEFAULT_CONFIGS) | set(n for n, _ in args.all_configs)
        for ex in expectations:
            if ex.config not in known:
                res.fail(ex.config, "line %d: expectation for unknown configuration %r" % (ex.lineno, ex.config))
                continue
            if ex.config not in summaries:
                continue   # known but not run this time
            rows = parse_summary(summaries[ex.config])
            if rows is None:
                res.fail(ex.config, "no jit-summary in %s (expected %s)" % (summaries[ex.config], ex.describe()))
                continue
            if ex.counter not in rows:
                res.fail(ex.config, "jit-summary has no %r row (expected %s)" % (ex.counter, ex.describe()))
                continue
            if not ex.holds(rows[ex.counter]):
                res.fail(ex.config, "expected %s, got %s = %s (line %d)" % (
                    ex.describe(), ex.counter, rows[ex.counter], ex.lineno))
    res.seconds = time.monotonic() - start
    return res


def guarded(program, display, stem, args):
    try:
        return check_program(program, display, stem, args)
    except Exception as e:   # a runner bug or an OS error: report, carry on
        r = Result(display)
        r.fail(None, "runner error: %s: %s" % (type(e).__name__, e))
        return r


# --- driver -----------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="JIT matrix: translated programs under several LATHE_JIT settings versus CPython.")
    ap.add_argument("--lathe", required=True, help="the lathe executable")
    ap.add_argument("--work", required=True, help="directory for executables and summaries")
    ap.add_argument("--translate-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `lathe translate` (repeatable)")
    ap.add_argument("--config", action="append", default=[], metavar="NAME=LATHE_JIT_VALUE",
                    help="a configuration (repeatable; replaces the default set). Split at the "
                         "first '=', except that a default configuration's name may be given "
                         "(threshold=1=threshold=1,decay=0); an empty value leaves LATHE_JIT unset")
    ap.add_argument("--only-config", action="append", default=[], metavar="NAME",
                    help="run only this configuration (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="programs in parallel (default 2)")
    ap.add_argument("--no-jit", action="store_true",
                    help="translate without --jit; run only the 'off' configuration, no expectations")
    ap.add_argument("--python", default=sys.executable, help="the reference CPython (default: this one)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    ap.add_argument("--translate-timeout", type=float, default=900.0,
                    help="seconds per translation (default 900)")
    ap.add_argument("programs", nargs="+", metavar="PROGRAM.py")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("-j must be at least 1")

    configs = []
    for item in args.config:
        name, value = split_config(item)
        if name is None:
            ap.error("--config takes NAME=LATHE_JIT_VALUE, not %r" % item)
        if name in [n for n, _ in configs]:
            ap.error("--config %r given twice" % name)
        configs.append((name, value))
    if not configs:
        configs = list(DEFAULT_CONFIGS)
    args.all_configs = configs
    if args.no_jit:
        configs = [c for c in configs if c[0] == "off"] or [("off", "off=1")]
    if args.only_config:
        names = [n for n, _ in configs]
        for n in args.only_config:
            if n not in names:
                ap.error("--only-config %r: no such configuration (have: %s)" % (n, ", ".join(names)))
        configs = [c for c in configs if c[0] in args.only_config]
    args.configs = configs
    return args, ap


def split_config(item):
    """NAME=VALUE.  Names may themselves contain '=' (`threshold=1`), so a
    default configuration's name followed by '=' is matched first; otherwise
    the split is at the first '='.  An empty VALUE means LATHE_JIT unset."""
    for name, _ in DEFAULT_CONFIGS:
        if item.startswith(name + "="):
            return name, item[len(name) + 1:]
    if "=" not in item:
        return None, None
    name, value = item.split("=", 1)
    if name == "":
        return None, None
    return name, value


def main(argv):
    args, ap = parse_args(argv)
    programs = [os.path.abspath(p) for p in args.programs]
    missing = [p for p in programs if not os.path.isfile(p)]
    if missing:
        ap.error("no such program: " + ", ".join(missing))
    args.lathe = os.path.abspath(args.lathe)
    if not os.access(args.lathe, os.X_OK):
        ap.error("not an executable: " + args.lathe)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    stems = unique_stems(programs)
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(guarded, p, d, s, args)
                   for p, d, s in zip(programs, args.programs, stems)]
        for fut in futures:    # report in the order given
            r = fut.result()
            if not r.failures:
                print("ok  %s (%d configs, %.1f s)" % (r.name, r.nconfigs, r.seconds))
            else:
                failed.append(r.name)
                for config, message, details in r.failures:
                    where = " [%s]" % config if config is not None else ""
                    print("FAIL %s%s: %s" % (r.name, where, message))
                    for line in details:
                        print(line)
            sys.stdout.flush()

    mode = "--no-jit" if args.no_jit else "--jit"
    print("jit matrix (%s, configs: %s): %d programs, %d ok, %d failed" % (
        mode, " ".join(n for n, _ in args.configs), len(programs),
        len(programs) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
