#!/usr/bin/env python3
"""A bundled interpreter, translated, runs its example programs exactly as
on CPython and as the recorded expected output.

Usage: interpreter_examples.py --lathe LATHE --work DIR INTERPRETER.py
       [--opt 0|2] [--translate-arg ARG]... [--jit-config NAME:VALUE]...
       [--expect NAME:EXAMPLE:COUNTER OP N]... EXAMPLE...

For each EXAMPLE (e.g. interpreters/bf/examples/hello.b) the expected
output is EXAMPLE with its extension replaced by `.out`. The interpreter is
translated once; then each example runs on the translated VM and on CPython
(PYTHONUNBUFFERED=1, the repository root on PYTHONPATH) and all three
outputs must agree byte for byte, with exit status 0.

With --jit-config (implies `translate --jit`), every example also runs once
per configuration with LATHE_JIT=VALUE and must give the same output;
--expect checks a jit-summary counter of one example under one
configuration (e.g. `default:long.b:aborts == 0`).
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lathe", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--opt", default="0", choices=["0", "2"])
    ap.add_argument("--translate-arg", action="append", default=[])
    ap.add_argument("--skip-cpython", action="append", default=[],
                    help="example names too slow to run on CPython (compared with .out only)")
    ap.add_argument("--jit-config", action="append", default=[],
                    help="NAME:LATHE_JIT value (empty value: LATHE_JIT unset); implies translate --jit")
    ap.add_argument("--expect", action="append", default=[],
                    help="CONFIG:EXAMPLE:COUNTER OP N, checked on that run's jit-summary")
    ap.add_argument("interpreter")
    ap.add_argument("examples", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    stem = os.path.splitext(os.path.basename(a.interpreter))[0]
    exe = os.path.join(a.work, stem + "-c")
    t0 = time.time()
    configs = [c.split(":", 1) for c in a.jit_config]
    jit = ["--jit"] if configs else []
    p = subprocess.run([a.lathe, "translate", a.interpreter, "-o", exe, "--opt", a.opt] + jit + a.translate_arg,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        print("FAIL translating %s (exit %d):\n%s" % (a.interpreter, p.returncode, p.stderr.decode()[-3000:]))
        return 1
    print("translated %s in %.1f s" % (a.interpreter, time.time() - t0))
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")
    failed = 0
    for ex in a.examples:
        name = os.path.basename(ex)
        with open(os.path.splitext(ex)[0] + ".out", "rb") as f:
            expected = f.read()
        t1 = time.time()
        got = subprocess.run([exe, ex], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, timeout=300)
        tn = time.time() - t1
        problems = []
        if got.returncode != 0:
            problems.append("translated exit %d: %s" % (got.returncode, got.stderr.decode()[-500:]))
        if got.stdout != expected:
            problems.append("translated output differs from %s.out" % os.path.splitext(name)[0])
        if name not in a.skip_cpython:
            ref = subprocess.run([sys.executable, a.interpreter, ex], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=600)
            if ref.stdout != got.stdout or ref.returncode != got.returncode:
                problems.append("CPython and translated differ")
        for cname, cvalue in configs:
            summary = os.path.join(a.work, "%s.%s.summary" % (name, cname))
            if os.path.exists(summary):
                os.remove(summary)
            cenv = dict(os.environ, LATHE_LOG="jit-summary:" + summary)
            cenv.pop("LATHE_JIT", None)
            if cvalue:
                cenv["LATHE_JIT"] = cvalue
            r = subprocess.run([exe, ex], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=300, env=cenv)
            if r.returncode != 0 or r.stdout != expected:
                problems.append("[%s] exit %d, output %s" % (cname, r.returncode,
                                "same" if r.stdout == expected else "differs"))
            for e in a.expect:
                ec, ename, rest = e.split(":", 2)
                if ec != cname or ename != name:
                    continue
                counter, op, n = rest.rsplit(" ", 2)
                got_n = None
                if os.path.exists(summary):
                    for line in open(summary):
                        if line.strip().startswith(counter + ":"):
                            got_n = int(line.split(":")[1].split()[0])
                ok = got_n is not None and {"==": got_n == int(n), ">=": got_n >= int(n) if got_n is not None else False,
                                            "<=": got_n <= int(n) if got_n is not None else False}[op]
                if not ok:
                    problems.append("[%s] expected %s %s %s, got %s" % (cname, counter, op, n, got_n))
        if problems:
            failed += 1
            print("FAIL %s: %s" % (name, "; ".join(problems)))
        else:
            print("ok   %s (%.2f s translated)" % (name, tn))
    print("%d examples, %d failed" % (len(a.examples), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
