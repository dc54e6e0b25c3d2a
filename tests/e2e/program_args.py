#!/usr/bin/env python3
"""A program taking command-line arguments, translated, prints what CPython
prints for each argument set (stdout byte for byte and the exit status).

Usage: program_args.py --lathe LATHE --work DIR [--opt 0|2]
                       [--jit-config NAME:LATHE_JIT ...] [--expect EXPECTATION ...]
                       PROGRAM "ARGS" ["ARGS"...]

Each "ARGS" is one run's arguments, split on spaces.  With --jit-config
(repeatable), the program is translated with `--jit` and every argument set
runs once per configuration, with LATHE_JIT set to its value (empty: the
defaults) and its jit-summary written to a file; --expect
"NAME:ARGS:COUNTER OP N" (OP one of >= <= ==) checks a jit-summary row of
that configuration and argument set, e.g. "default:--variant full 99:loops >= 1".
"""
import argparse
import os
import re
import subprocess
import sys

from jit_matrix import Expectation, parse_summary

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECT = re.compile(r"^(?P<config>[^:]+):(?P<args>[^:]*):\s*(?P<counter>[^<>=]+?)\s*(?P<op>>=|<=|==)\s*(?P<number>\d+)$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lathe", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--opt", default="0", choices=["0", "2"])
    ap.add_argument("--jit-config", action="append", default=[], metavar="NAME:LATHE_JIT")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("program")
    ap.add_argument("argsets", nargs="+")
    a = ap.parse_args()
    configs = []
    for item in a.jit_config:
        name, sep, value = item.partition(":")
        if not sep or not name:
            ap.error("--jit-config wants NAME:LATHE_JIT, got %r" % item)
        configs.append((name, value))
    expectations = []
    for item in a.expect:
        m = EXPECT.match(item)
        if not m:
            ap.error("--expect wants NAME:ARGS:COUNTER OP N, got %r" % item)
        e = Expectation(0, m.group("config"), m.group("counter"), m.group("op"), int(m.group("number")))
        expectations.append((m.group("args"), e))
    os.makedirs(a.work, exist_ok=True)
    stem = os.path.splitext(os.path.basename(a.program))[0]
    exe = os.path.join(a.work, stem + ("-jit" if configs else "") + "-c")
    cmd = [a.lathe, "translate", a.program, "-o", exe, "--opt", a.opt] + (["--jit"] if configs else [])
    t = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if t.returncode != 0:
        print("FAIL translating %s (exit %d):\n%s" % (a.program, t.returncode, t.stderr.decode()[-2000:]))
        return 1
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")
    failed = 0
    for k, argset in enumerate(a.argsets):
        args = argset.split()
        ref = subprocess.run([sys.executable, a.program] + args, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        for name, value in configs or [(None, None)]:
            run_env = dict(os.environ)
            summary = None
            if name is not None:
                summary = os.path.join(a.work, "%s.%d.%s.summary" % (stem, k, name))
                if os.path.exists(summary):
                    os.remove(summary)
                run_env.update(LATHE_JIT=value, LATHE_LOG="jit-summary:" + summary)
            got = subprocess.run([exe] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, timeout=300, env=run_env)
            ok = ref.stdout == got.stdout and ref.returncode == got.returncode
            what = "%s %s%s" % (os.path.basename(a.program), argset, " [%s]" % name if name else "")
            print("%s %s" % ("ok  " if ok else "FAIL", what))
            if not ok:
                print("  CPython (exit %d): %r\n  translated (exit %d): %r\n  stderr: %r"
                      % (ref.returncode, ref.stdout[-300:], got.returncode, got.stdout[-300:], got.stderr[-500:]))
            for args_text, e in expectations:
                if e.config != name or args_text != argset:
                    continue
                rows = parse_summary(summary) or {}
                value_seen = rows.get(e.counter)
                holds = value_seen is not None and e.holds(value_seen)
                ok = ok and holds
                print("  %s expect %s: %s (got %s)" % ("ok  " if holds else "FAIL", e.describe(),
                                                     "holds" if holds else "does not hold", value_seen))
            failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
