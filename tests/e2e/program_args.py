#!/usr/bin/env python3
"""A program taking command-line arguments, translated, prints what CPython
prints for each argument set (stdout byte for byte and the exit status).

Usage: program_args.py --lathe LATHE --work DIR PROGRAM "ARGS" ["ARGS"...]
Each "ARGS" is one run's arguments, split on spaces.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lathe", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--opt", default="0", choices=["0", "2"])
    ap.add_argument("program")
    ap.add_argument("argsets", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    exe = os.path.join(a.work, os.path.splitext(os.path.basename(a.program))[0] + "-c")
    t = subprocess.run([a.lathe, "translate", a.program, "-o", exe, "--opt", a.opt],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if t.returncode != 0:
        print("FAIL translating %s (exit %d):\n%s" % (a.program, t.returncode, t.stderr.decode()[-2000:]))
        return 1
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")
    failed = 0
    for argset in a.argsets:
        args = argset.split()
        ref = subprocess.run([sys.executable, a.program] + args, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        got = subprocess.run([exe] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, timeout=300)
        ok = ref.stdout == got.stdout and ref.returncode == got.returncode
        failed += not ok
        print("%s %s %s" % ("ok  " if ok else "FAIL", os.path.basename(a.program), argset))
        if not ok:
            print("  CPython (exit %d): %r\n  translated (exit %d): %r"
                  % (ref.returncode, ref.stdout[-300:], got.returncode, got.stdout[-300:]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
