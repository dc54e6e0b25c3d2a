#!/usr/bin/env python3
"""Mutation test of the frontend: `lathe graph` on damaged programs.

Takes the valid RPy programs of the test corpus, damages them (truncate,
delete a range, duplicate a range, replace bytes with random ones, insert
random bytes or Python tokens), and checks that `lathe graph` on every
mutant exits 0 or 1 within a time bound, and that an exit 1 comes with at
least one diagnostic in Lathe's format. A signal, another exit code, a hang,
or an exit 1 without a diagnostic fails the test.

With `--command lltype` the mutants that still parse and annotate also go
through the RTyper: the same contract holds for the whole pipeline up to
the low-level graphs.

Usage: mutate_frontend.py LATHE [--command graph|annotate|lltype] [--cases N]
       [--seed S] [--jobs J] CORPUS_FILE...
Seeded: the same seed gives the same mutants.
"""
import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile
import time

TOKENS = [b"(", b")", b"[", b"]", b"{", b"}", b":", b"\n", b"    ", b"\t",
          b"def ", b"class ", b"if ", b"while ", b"for ", b"return", b"lambda",
          b"'", b'"', b'"""', b"\\", b"#", b"=", b"+=", b"**", b"yield ",
          b"try:", b"except", b"finally:", b"import ", b"from ", b"0x",
          b"1e", b"global x", b"raise", b"*", b",", b".", b"\x00", b"\xff"]

DIAG = re.compile(rb"^(.+:\d+:\d+|lathe): error: ", re.M)


def mutate(rng, data):
    kind = rng.randrange(6)
    n = len(data)
    if n == 0:
        return rng.choice(TOKENS), "insert-into-empty"
    a = rng.randrange(n)
    b = min(n, a + rng.randrange(1, 64))
    if kind == 0:
        return data[:a], "truncate@%d" % a
    if kind == 1:
        return data[:a] + data[b:], "delete[%d:%d]" % (a, b)
    if kind == 2:
        return data[:b] + data[a:b] + data[b:], "duplicate[%d:%d]" % (a, b)
    if kind == 3:
        out = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            out[rng.randrange(n)] = rng.randrange(256)
        return bytes(out), "replace-bytes"
    if kind == 4:
        return data[:a] + rng.choice(TOKENS) + data[a:], "insert-token@%d" % a
    junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 32)))
    return data[:a] + junk + data[a:], "insert-junk@%d" % a


def run_case(lathe, path, timeout, command="graph"):
    start = time.monotonic()
    try:
        p = subprocess.run([lathe, command, path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", timeout
    return p.returncode, p.stderr, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lathe")
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--command", default="graph", choices=["graph", "annotate", "lltype"])
    args = ap.parse_args()

    rng = random.Random(args.seed)
    sources = []
    for f in sorted(args.corpus):
        with open(f, "rb") as fh:
            sources.append((os.path.basename(f), fh.read()))

    with tempfile.TemporaryDirectory(prefix="lathe-mutants-") as tmp:
        jobs = []
        for i in range(args.cases):
            name, data = sources[rng.randrange(len(sources))]
            mutant, how = mutate(rng, data)
            if rng.random() < 0.3:  # stack a second mutation sometimes
                mutant, how2 = mutate(rng, mutant)
                how += "+" + how2
            d = os.path.join(tmp, "case%04d" % i)
            os.mkdir(d)
            path = os.path.join(d, name)
            with open(path, "wb") as fh:
                fh.write(mutant)
            jobs.append((i, name, how, path))

        failures = []
        counts = {0: 0, 1: 0}
        slowest = 0.0
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futs = {pool.submit(run_case, args.lathe, j[3], args.timeout, args.command): j for j in jobs}
            for fut in concurrent.futures.as_completed(futs):
                i, name, how, path = futs[fut]
                rc, err, took = fut.result()
                slowest = max(slowest, took)
                bad = None
                if rc is None:
                    bad = "no answer within %.0f s" % args.timeout
                elif rc not in (0, 1):
                    bad = "exit code %d" % rc if rc > 0 else "killed by signal %d" % -rc
                elif rc == 1 and not DIAG.search(err):
                    bad = "exit 1 without a diagnostic"
                if bad:
                    keep = os.path.join(os.environ.get("TMPDIR", "/tmp"), "lathe-mutant-%04d.py" % i)
                    with open(path, "rb") as src, open(keep, "wb") as dst:
                        dst.write(src.read())
                    failures.append("case %d (%s from %s): %s; kept as %s\n%s" % (
                        i, how, name, bad, keep, err.decode("utf-8", "replace")[-600:]))
                else:
                    counts[rc] += 1

    print("mutants: %d accepted, %d rejected with diagnostics, %d failed; slowest %.2f s"
          % (counts[0], counts[1], len(failures), slowest))
    for f in sorted(failures)[:20]:
        print("FAIL", f)
    print("%d passed, %d failed" % (counts[0] + counts[1], len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
