#!/usr/bin/env python3
"""A translated program ends the way it must: exit status and a pattern in
its stderr (out of memory, uncaught RecursionError, ...), never a signal.

Usage: expect_status.py --lathe LATHE --work DIR --status N --stderr REGEX
       [--env NAME=VALUE]... [--translate-arg ARG]... [--at-translation] PROGRAM

With --at-translation, the translation itself must end with that status and
stderr (a user error such as `translate --jit` without a JitDriver).
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lathe", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--stderr", required=True, help="regular expression searched in stderr")
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--translate-arg", action="append", default=[])
    ap.add_argument("--at-translation", action="store_true",
                    help="check the translation's status and stderr instead of the program's")
    ap.add_argument("program")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    exe = os.path.join(a.work, os.path.splitext(os.path.basename(a.program))[0] + "-c")
    t = subprocess.run([a.lathe, "translate", a.program, "-o", exe, "--opt", "0"] + a.translate_arg,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if a.at_translation:
        err = t.stderr.decode(errors="replace")
        ok = t.returncode == a.status and re.search(a.stderr, err) is not None
        print("%s translating %s: exit %d (want %d), stderr: %s" %
              ("ok  " if ok else "FAIL", os.path.basename(a.program), t.returncode, a.status, err[-300:].strip()))
        return 0 if ok else 1
    if t.returncode != 0:
        print("FAIL: translation exited %d\n%s" % (t.returncode, t.stderr.decode()[-2000:]))
        return 1
    env = dict(os.environ)
    for kv in a.env:
        k, _, v = kv.partition("=")
        env[k] = v
    p = subprocess.run([exe], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=300)
    err = p.stderr.decode(errors="replace")
    ok = p.returncode == a.status and re.search(a.stderr, err) is not None
    print("%s %s: exit %d (want %d), stderr tail: %s" %
          ("ok  " if ok else "FAIL", os.path.basename(a.program), p.returncode, a.status, err[-300:].strip()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
