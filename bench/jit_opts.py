"""The trace optimizer's effect (issue 7): what it removes and what that buys.

    python3 bench/jit_opts.py [--lathe PATH] [--runs R] [--work DIR]

Translates two interpreters with `lathe translate --jit` and runs each on a
program:

* the bytecode VM of the JIT tests (tests/jit_programs/bytecode_vm.py,
  scaled up by its argument),
* two JIT-test interpreters that box every value: boxes_vm (registers
  are boxes) and frame_vm (a virtualizable frame holding boxes on its
  stack and in its locals), each scaled up by its argument, and
* the BF interpreter (interpreters/bf/bf.py) on examples/nested.b.

For every compiled loop it prints, from one run with
LATHE_LOG=jit-log-noopt,jit-log-opt: the operations and guards *per loop
iteration* before optimization (between the recorded label and jump) and
after (the peeled loop's body when unroll made one, else the loop), without
debug_merge_point, and the allocations (new, new_with_vtable, new_array)
per iteration likewise; and, over all traces, the allocations recorded and
left. Then the run time, median of
R whole-process runs (default 3), with LATHE_JIT=enable_opts= (no pass)
against the defaults (every pass), and the ratio. Outputs of both must
agree (exit status 1 otherwise). A report only: nothing here asserts a time.
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import HERE, ROOT

PROGRAMS = [
    # (name, interpreter, argument list)
    ("bytecode VM", os.path.join(ROOT, "tests", "jit_programs", "bytecode_vm.py"), ["2000"]),
    ("boxes VM", os.path.join(ROOT, "tests", "jit_programs", "boxes_vm.py"), ["200"]),
    ("frame VM", os.path.join(ROOT, "tests", "jit_programs", "frame_vm.py"), ["200"]),
    ("BF nested.b", os.path.join(ROOT, "interpreters", "bf", "bf.py"),
     [os.path.join(ROOT, "interpreters", "bf", "examples", "nested.b")]),
]
SECTION = re.compile(r"\{(jit-log-noopt|jit-log-opt)\n# (.*?)\n(.*?)\n\1\}", re.S)
ALLOC = re.compile(r"= new(_with_vtable|_array)?\(")


def parse_args(argv):
    opts = {"lathe": os.path.join(ROOT, "build", "lathe"), "runs": 3, "work": None}
    args = argv[1:]
    while args:
        if args[0] in ("--lathe", "--work") and len(args) > 1:
            opts[args[0][2:]] = args[1]
        elif args[0] == "--runs" and len(args) > 1:
            opts["runs"] = int(args[1])
        else:
            sys.stderr.write(__doc__)
            sys.exit(2)
        args = args[2:]
    return opts


def loop_ops(text, peeled_only):
    """(ops, guards, allocations) of one iteration of the loop in a trace's
    text: from the last label (the peeled body) or the first, to the jump."""
    lines = [l.strip() for l in text.splitlines()]
    labels = [k for k, l in enumerate(lines) if l.startswith("label(")]
    if not labels:
        return None
    start = labels[-1] if peeled_only else labels[0]
    ops = guards = allocs = 0
    for l in lines[start + 1:]:
        if l.startswith("jump(") or l.startswith("finish("):
            break
        if not l or l.startswith("debug_merge_point") or l.startswith("label("):
            continue
        ops += 1
        if "guard_" in l:
            guards += 1
        if ALLOC.search(l):
            allocs += 1
    return ops, guards, allocs


def run(exe, args, env_extra, log=None):
    env = dict(os.environ)
    env.update(env_extra)
    if log:
        env["LATHE_LOG"] = "jit-log-noopt,jit-log-opt,jit-summary:" + log
    start = time.perf_counter()
    p = subprocess.run([exe] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.stderr.write("jit_opts bench: %s failed (exit %d)\n%s\n"
                         % (exe, p.returncode, p.stderr.decode(errors="replace")[-2000:]))
        sys.exit(1)
    return elapsed, p.stdout


def main(argv):
    opts = parse_args(argv)
    work = opts["work"] or tempfile.mkdtemp(prefix="lathe-jit-opts-")
    os.makedirs(work, exist_ok=True)
    print("Trace optimizer effect (bench/jit_opts.py, %d runs per timing, medians)" % opts["runs"])
    status = 0
    for name, interp, args in PROGRAMS:
        exe = os.path.join(work, os.path.splitext(os.path.basename(interp))[0] + "-jit")
        t = subprocess.run([opts["lathe"], "translate", "--jit", interp, "-o", exe],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if t.returncode != 0:
            sys.stderr.write("jit_opts bench: translating %s failed\n%s" % (interp, t.stderr.decode()[-2000:]))
            return 1
        log = os.path.join(work, os.path.basename(exe) + ".log")
        if os.path.exists(log):
            os.remove(log)
        run(exe, args, {}, log)
        with open(log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        before, after = {}, {}
        allocs = [0, 0]
        for kind, title, body in SECTION.findall(text):
            is_opt = kind == "jit-log-opt"
            allocs[is_opt] += len(ALLOC.findall(body))
            if title.startswith("loop "):
                (after if is_opt else before)[title] = loop_ops(body, is_opt)
        print()
        print("%s: %s %s" % (name, os.path.relpath(interp, ROOT), " ".join(os.path.relpath(a, ROOT)
                                                                      if os.path.isabs(a) else a for a in args)))
        print("  %-40s %22s %22s %22s" % ("loop", "ops/iteration", "guards/iteration", "allocations/iteration"))
        for title in sorted(before, key=lambda s: int(s.split()[1])):
            b, a = before[title], after.get(title)
            if not b or not a:
                continue
            print("  %-40s %9d -> %-4d %5.0f%% %9d -> %-4d %5.0f%% %9d -> %-4d %5.0f%%"
                  % (title[:40], b[0], a[0], 100.0 * (b[0] - a[0]) / max(b[0], 1),
                     b[1], a[1], 100.0 * (b[1] - a[1]) / max(b[1], 1),
                     b[2], a[2], 100.0 * (b[2] - a[2]) / max(b[2], 1)))
        print("  allocations in all traces: %d recorded -> %d after optimization" % (allocs[0], allocs[1]))
        times = {}
        outputs = {}
        for label, env in (("no passes", {"LATHE_JIT": "enable_opts="}), ("all passes", {})):
            samples = []
            for _ in range(opts["runs"]):
                elapsed, out = run(exe, args, env)
                samples.append(elapsed)
                outputs[label] = out
            times[label] = statistics.median(samples)
        if outputs["no passes"] != outputs["all passes"]:
            print("  OUTPUTS DIFFER between enable_opts= and the defaults")
            status = 1
        print("  run time: enable_opts= (none) %.3f s, all passes %.3f s: %.2fx faster"
              % (times["no passes"], times["all passes"], times["no passes"] / times["all passes"]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
