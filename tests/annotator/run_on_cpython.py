#!/usr/bin/env python3
"""Every accepted program of the annotator corpus is real Python: it runs
under CPython (with the repository's rlib importable) and exits 0.

Usage: run_on_cpython.py REPO_ROOT PROGRAM...
"""
import os
import subprocess
import sys


def main():
    root, programs = sys.argv[1], sorted(sys.argv[2:])
    env = dict(os.environ, PYTHONPATH=root, PYTHONUNBUFFERED="1")
    failed = 0
    for prog in programs:
        p = subprocess.run([sys.executable, prog], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
        if p.returncode != 0:
            failed += 1
            print("FAIL %s: exit %d\n%s" % (prog, p.returncode, p.stderr.decode()[-800:]))
    print("%d passed, %d failed" % (len(programs) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
