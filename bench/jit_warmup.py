"""JIT warm-up costs: what tracing and deoptimisation cost, measured in the
interpreter's own currency (executed Brainfuck commands).

    python3 bench/jit_warmup.py [--lathe PATH] [--work DIR] [--program FILE.b]
                                [--runs N] [--fail-guards K,K,...]

Translates interpreters/bf/bf.py with `lathe translate --jit FILE -o
WORK/bf-jit` (WORK: --work, default a temporary directory removed at the
end), then runs the BF program (--program, default
interpreters/bf/examples/long.b) under several LATHE_JIT settings, each
with LATHE_LOG=jit-summary:FILE.  Every configuration runs N times (--runs,
default 3), round-robin so that slow drift of the machine hits them all
alike; figures are medians.  Printed:

 1. Tracing cost per recorded operation: `time tracing` / `recorded ops`
    from jit-summary, at LATHE_JIT=threshold=1 (every loop traced at once)
    and at the default settings.
 2. Deoptimisation cost per guard failure: LATHE_JIT=threshold=1,
    trace_eagerness=0 (0 = never trace a bridge: runCompiled only traces one
    when trace_eagerness > 0, so every failing guard deoptimises), with
    fail_guards=K (every K-th guard check fails; default K = 50, 20, 10)
    against the same settings without fail_guards:
        (wall(K) - wall(base)) / (failures(K) - failures(base))
    per K, and their median.  This is the whole price of one failure: the
    deopt from the guard's resume data, the interpreter running to the next
    merge point, and entering the loop again.
 3. The interpreter's own speed (LATHE_JIT=off=1): seconds per executed BF
    command, (wall(program) - wall(empty program)) / commands, where
    commands is the number of iterations of bf.py's dispatch loop, counted
    once by a small Python interpreter below (checked equal to bf.py's
    jit_merge_point count) and cached in bench/out/jit_warmup/counts.json.
    Costs 1 and 2 are then also shown as "equivalent BF commands": how many
    commands the plain interpreter runs in the same time -- the warm-up
    budget a trace or a deopt has to earn back.
 4. Wall time with the JIT at its defaults against off=1, as a ratio.

Every run's output is compared with the program's .out file (when there is
one) or with the off=1 run; exit status 1 when one differs or a step fails.
A report only: nothing here asserts a time.
"""

import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import HERE, ROOT, Failed

BF = os.path.join(ROOT, "interpreters", "bf", "bf.py")
DEFAULT_PROGRAM = os.path.join(ROOT, "interpreters", "bf", "examples", "long.b")
CACHE = os.path.join(HERE, "out", "jit_warmup", "counts.json")
DEFAULT_KS = [50, 20, 10]


# ---------------------------------------------------------------------------
# Counting executed BF commands (CPython, once per program text).

def count_commands(text):
    """The number of commands bf.py's mainloop executes on `text` with empty
    input, i.e. the iterations of its dispatch loop (one jit_merge_point
    each).  Runs of +- and <> are merged, and loops whose body only adds and
    moves, with no net move and a step of +-1 on the tested cell, are run in
    one step (their iteration count is known), so mandel.b takes seconds,
    not minutes.  Raises ValueError for programs bf.py rejects."""
    code = [c for c in text if c in "<>+-.,[]"]
    ops = []  # [kind, arg, commands it stands for, jump target]
    stack = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c in "+-<>":
            kind, same = ("add", "+-") if c in "+-" else ("move", "<>")
            j, d = i, 0
            while j < n and code[j] in same:
                d += 1 if code[j] in "+>" else -1
                j += 1
            ops.append([kind, d, j - i, -1])
            i = j
            continue
        if c == "[":
            stack.append(len(ops))
            ops.append(["open", 0, 1, -1])
        elif c == "]":
            if not stack:
                raise ValueError("unmatched ']' at command %d" % i)
            o = stack.pop()
            body = ops[o + 1:]
            simple = None
            if all(b[0] in ("add", "move") for b in body):
                pos, lo, hi, deltas, cmds = 0, 0, 0, {}, 0
                for b in body:
                    cmds += b[2]
                    if b[0] == "move":
                        pos += b[1]
                        lo, hi = min(lo, pos), max(hi, pos)
                    else:
                        deltas[pos] = deltas.get(pos, 0) + b[1]
                step = deltas.get(0, 0) % 256
                if pos == 0 and step in (1, 255):
                    simple = ["loop", (step, sorted(deltas.items()), lo, hi), cmds, -1]
            if simple is not None:
                del ops[o:]
                ops.append(simple)
            else:
                ops[o][3] = len(ops)
                ops.append(["close", 0, 1, o])
        else:
            ops.append([c, 0, 1, -1])
        i += 1
    if stack:
        raise ValueError("unmatched '['")
    kinds = {"add": 0, "move": 1, "loop": 2, "open": 3, "close": 4, ".": 5, ",": 6}
    prog = [(kinds[k], a, m, t) for k, a, m, t in ops]
    tape = [0] * 1024
    ptr = pc = count = 0
    end = len(prog)
    while pc < end:
        k, a, m, t = prog[pc]
        if k == 0:
            tape[ptr] = (tape[ptr] + a) & 255
            count += m
        elif k == 1:
            ptr += a
            count += m
            if ptr < 0:
                raise ValueError("pointer moved left of cell 0")
            if ptr >= len(tape):
                tape.extend([0] * (ptr + 1 - len(tape)))
        elif k == 3:                # '[': past the matching ']' when 0
            count += 1
            if tape[ptr] == 0:
                pc = t
        elif k == 4:                # ']': to just after the '[' when not 0
            count += 1
            if tape[ptr] != 0:
                pc = t
        elif k == 2:                # '[' body ']' as one step
            v = tape[ptr]
            count += 1
            if v:
                step, deltas, lo, hi = a
                iters = v if step == 255 else 256 - v
                count += iters * (m + 1)   # the body and its ']', each time
                if ptr + lo < 0:
                    raise ValueError("pointer moved left of cell 0")
                if ptr + hi >= len(tape):
                    tape.extend([0] * (ptr + hi + 1 - len(tape)))
                for off, d in deltas:
                    tape[ptr + off] = (tape[ptr + off] + d * iters) & 255
        elif k == 6:                # ',': end of input reads as 0
            tape[ptr] = 0
            count += 1
        else:
            count += 1
        pc += 1
    return count


def cached_count(path):
    """count_commands of the file, cached by the SHA-256 of its text."""
    with open(path) as f:
        text = f.read()
    key = hashlib.sha256(text.encode()).hexdigest()
    cache = {}
    try:
        with open(CACHE) as f:
            cache = json.load(f)
    except (OSError, ValueError):
        pass
    if key in cache:
        return cache[key], True
    n = count_commands(text)
    cache[key] = n
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    tmp = CACHE + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cache, f, indent=1, sort_keys=True)
    os.replace(tmp, CACHE)
    return n, False


# ---------------------------------------------------------------------------
# Running the VM.

SUMMARY_RE = re.compile(r"\{jit-summary\n(.*?)jit-summary\}", re.S)
ROW_RE = re.compile(r"^(\S[^:]*):\s+([0-9.]+)(?: s)?\s*$")


def parse_summary(text):
    """The last jit-summary section of a log -> {label: number}; None when
    there is none."""
    sections = SUMMARY_RE.findall(text)
    if not sections:
        return None
    rows = {}
    for line in sections[-1].splitlines():
        m = ROW_RE.match(line)
        if m:
            rows[m.group(1)] = float(m.group(2))
    return rows


def run_vm(exe, program, jit, work):
    """One run of `exe program` with LATHE_JIT=jit (None: unset) and the
    jit-summary logged into WORK.  Returns (wall seconds, stdout, summary)."""
    log = os.path.join(work, "summary.log")
    if os.path.exists(log):
        os.remove(log)  # LATHE_LOG appends
    env = dict(os.environ)
    env.pop("LATHE_JIT", None)
    if jit is not None:
        env["LATHE_JIT"] = jit
    env["LATHE_LOG"] = "jit-summary:" + log
    cmd = [exe, program]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    shown = "LATHE_JIT=%s %s" % (jit if jit is not None else "", " ".join(cmd))
    if proc.returncode != 0:
        raise Failed("%s exited with %d:\n%s" % (shown, proc.returncode,
                                                proc.stderr.decode(errors="replace")[-2000:]))
    try:
        with open(log) as f:
            summary = parse_summary(f.read())
    except OSError:
        summary = None
    if summary is None:
        raise Failed("%s wrote no jit-summary section to %s" % (shown, log))
    return wall, proc.stdout.decode(errors="replace"), summary


class Config(object):
    """One LATHE_JIT setting and its runs."""

    def __init__(self, name, jit, program):
        self.name, self.jit, self.program = name, jit, program
        self.walls, self.summaries, self.outputs = [], [], []

    def run(self, exe, work):
        wall, out, summary = run_vm(exe, self.program, self.jit, work)
        self.walls.append(wall)
        self.summaries.append(summary)
        self.outputs.append(out)

    def wall(self):
        return statistics.median(self.walls)

    def spread(self):
        return "%.3f..%.3f s" % (min(self.walls), max(self.walls))

    def stat(self, label):
        """Median of one jit-summary row over the runs."""
        return statistics.median(s.get(label, 0.0) for s in self.summaries)


# ---------------------------------------------------------------------------

def parse_args(argv):
    opts = {"lathe": os.path.join(ROOT, "build", "lathe"), "work": None,
            "program": DEFAULT_PROGRAM, "runs": 3, "fail-guards": DEFAULT_KS}
    args = argv[1:]
    while args:
        key = args[0][2:]
        if not args[0].startswith("--") or key not in opts or len(args) < 2:
            sys.stderr.write(__doc__)
            sys.exit(2)
        try:
            if key == "runs":
                opts[key] = int(args[1])
            elif key == "fail-guards":
                opts[key] = [int(k) for k in args[1].split(",")]
            else:
                opts[key] = os.path.abspath(args[1])
        except ValueError:
            sys.stderr.write(__doc__)
            sys.exit(2)
        args = args[2:]
    if opts["runs"] < 1 or not opts["fail-guards"] or min(opts["fail-guards"]) < 1:
        sys.stderr.write(__doc__)
        sys.exit(2)
    return opts


def require_jit(lathe):
    """Exits with one message unless `lathe` exists and documents --jit."""
    if not (os.path.isfile(lathe) and os.access(lathe, os.X_OK)):
        sys.stderr.write("jit_warmup bench: %s not found; build it first (./lathe.sh build) "
                         "or pass --lathe PATH\n" % lathe)
        sys.exit(1)
    proc = subprocess.run([lathe, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = proc.stdout.decode(errors="replace")
    if "lathe translate" not in text or "--jit" not in text:
        sys.stderr.write("jit_warmup bench: %s has no `translate --jit` (`lathe --help` does "
                         "not list it)\n" % lathe)
        sys.exit(1)


def rel(path):
    """`path` relative to the current directory when that is shorter."""
    r = os.path.relpath(path)
    return r if len(r) < len(path) else path


def us(seconds):
    return "%.3f us" % (seconds * 1e6)


def per(a, b):
    return a / b if b else None


def fmt(x, spec):
    return "n/a" if x is None else spec % x


def measure(opts, work):
    exe = os.path.join(work, "bf-jit")
    cmd = [opts["lathe"], "translate", "--jit", BF, "-o", exe]
    sys.stderr.write("jit_warmup bench: %s\n" % " ".join(rel(c) for c in cmd))
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t_translate = time.perf_counter() - start
    if proc.returncode != 0 or not os.path.isfile(exe):
        raise Failed("lathe translate --jit failed (exit %d): %s\n%s"
                     % (proc.returncode, " ".join(cmd),
                        proc.stderr.decode(errors="replace")[-2000:]))

    program = opts["program"]
    sys.stderr.write("jit_warmup bench: counting executed commands of %s ...\n" % rel(program))
    start = time.perf_counter()
    try:
        commands, cached = cached_count(program)
    except ValueError as e:
        raise Failed("%s: %s" % (program, e))
    t_count = time.perf_counter() - start

    empty = os.path.join(work, "empty.b")
    with open(empty, "w") as f:
        f.write("no commands: start-up and exit only\n")
    base_fg = "threshold=1,trace_eagerness=0"
    configs = {
        "default": Config("default", None, program),
        "threshold1": Config("threshold1", "threshold=1", program),
        "off": Config("off", "off=1", program),
        "empty": Config("empty", "off=1", empty),
        "deopt0": Config("deopt0", base_fg, program),
    }
    for k in opts["fail-guards"]:
        configs["deopt%d" % k] = Config("deopt%d" % k, "%s,fail_guards=%d" % (base_fg, k), program)
    for r in range(opts["runs"]):
        sys.stderr.write("jit_warmup bench: run %d of %d ...\n" % (r + 1, opts["runs"]))
        for c in configs.values():
            c.run(exe, work)
    return configs, commands, cached, t_count, t_translate


def check_outputs(configs, program):
    """Problems: runs whose output differs from the expected one."""
    expected_file = os.path.splitext(program)[0] + ".out"
    if os.path.isfile(expected_file):
        with open(expected_file) as f:
            expected, source = f.read(), rel(expected_file)
    else:
        expected, source = configs["off"].outputs[0], "the first off=1 run"
    problems = []
    for c in configs.values():
        if c.name == "empty":
            continue
        for k, out in enumerate(c.outputs):
            if out != expected:
                problems.append("LATHE_JIT=%s run %d printed %r, %s has %r"
                                % (c.jit or "", k + 1, out[:60], source, expected[:60]))
                break
    return problems, source


def report(opts, configs, commands, cached, t_count, t_translate):
    program = opts["program"]
    runs = opts["runs"]
    repro = ["python3", rel(os.path.join(HERE, "jit_warmup.py")), "--lathe", rel(opts["lathe"]),
             "--program", rel(program), "--runs", str(runs),
             "--fail-guards", ",".join(str(k) for k in opts["fail-guards"])]
    if opts["work"]:
        repro += ["--work", rel(opts["work"])]
    print("JIT warm-up costs: bf.py translated with --jit (traces compiled by the default `x86` backend)")
    print("command: %s" % " ".join(repro))
    print("program: %s, %d executed BF commands (%s); wall times: median of %d runs; "
          "lathe translate --jit: %.1f s"
          % (rel(program), commands,
             "cached" if cached else "counted in %.2f s" % t_count, runs, t_translate))

    off, empty = configs["off"], configs["empty"]
    per_cmd = per(off.wall() - empty.wall(), commands)
    if per_cmd is not None and per_cmd <= 0:
        per_cmd = None

    def equiv(cost):
        return fmt(per(cost, per_cmd) if cost is not None and per_cmd else None, "%.0f")

    print()
    print("3. interpreter without JIT (LATHE_JIT=off=1)")
    print("   wall %.4f s, empty program %.4f s (start-up)" % (off.wall(), empty.wall()))
    print("   time per executed BF command: %s" % fmt(per_cmd and per_cmd * 1e9, "%.2f ns"))

    print()
    print("1. tracing cost per recorded op (jit-summary `time tracing` / `recorded ops`)")
    print("   %-34s %7s %9s %12s %12s %14s %14s %14s"
          % ("LATHE_JIT", "traces", "rec. ops", "tracing", "per op", "= BF commands",
             "optimise/op", "x86 compile/op"))
    for c in (configs["threshold1"], configs["default"]):
        ops, t = c.stat("recorded ops"), c.stat("time tracing")
        cost = per(t, ops)
        opt = per(c.stat("time optimising"), ops)
        comp = per(c.stat("time compiling"), c.stat("optimized ops"))
        print("   %-34s %7d %9d %10.6f s %12s %14s %14s %14s"
              % (c.jit or "(default)", c.stat("tracing"), ops, t,
                 fmt(cost and cost * 1e6, "%.3f us"), equiv(cost),
                 fmt(opt and opt * 1e6, "%.2f us"), fmt(comp and comp * 1e6, "%.2f us")))
    print("   traces = jit-summary `tracing` (loops, bridges, aborted ones); "
          "optimise/op = `time optimising` / recorded ops; x86 compile/op = `time compiling` / "
          "optimized ops (asmjit's register allocation and encoding, W^X mapping)")

    print()
    print("2. deoptimisation cost per guard failure (every failing guard deoptimises: "
          "trace_eagerness=0 never traces a bridge)")
    base = configs["deopt0"]
    print("   %-48s %10s %17s %15s %14s %14s"
          % ("LATHE_JIT", "wall", "runs min..max", "guard failures", "per failure",
             "= BF commands"))
    print("   %-48s %8.4f s %17s %15d %14s %14s"
          % (base.jit, base.wall(), base.spread(), base.stat("guard failures"), "(baseline)",
             ""))
    costs = []
    for k in opts["fail-guards"]:
        c = configs["deopt%d" % k]
        extra_fail = c.stat("guard failures") - base.stat("guard failures")
        cost = per(c.wall() - base.wall(), extra_fail) if extra_fail > 0 else None
        if cost is not None:
            costs.append(cost)
        print("   %-48s %8.4f s %17s %15d %14s %14s"
              % (c.jit, c.wall(), c.spread(), c.stat("guard failures"),
                 fmt(cost and cost * 1e6, "%.3f us"), equiv(cost)))
    med = statistics.median(costs) if costs else None
    print("   %-48s %10s %17s %15s %14s %14s"
          % ("median over K", "", "", "", fmt(med and med * 1e6, "%.3f us"), equiv(med)))
    print("   per failure = (wall(K) - wall(baseline)) / (failures(K) - failures(baseline)): "
          "deopt + interpreting to the next merge point + re-entering the loop")

    print()
    print("4. JIT at its defaults vs off=1 (whole process)")
    on = configs["default"]
    print("   JIT on %.4f s, off %.4f s: off/on = %.2fx%s"
          % (on.wall(), off.wall(), off.wall() / on.wall(),
             " (the JIT is slower here)" if on.wall() > off.wall() else ""))


def main(argv):
    opts = parse_args(argv)
    require_jit(opts["lathe"])
    if not os.path.isfile(opts["program"]):
        sys.stderr.write("jit_warmup bench: %s not found\n" % opts["program"])
        return 1
    work = opts["work"]
    made = work is None
    if made:
        work = tempfile.mkdtemp(prefix="lathe-jit-warmup-")
    else:
        os.makedirs(work, exist_ok=True)
    try:
        configs, commands, cached, t_count, t_translate = measure(opts, work)
    except Failed as e:
        sys.stderr.write("jit_warmup bench: %s\n" % e)
        return 1
    finally:
        if made:
            shutil.rmtree(work, ignore_errors=True)
    problems, source = check_outputs(configs, opts["program"])
    report(opts, configs, commands, cached, t_count, t_translate)
    print()
    if problems:
        for p in problems:
            print("PROBLEM: " + p)
        return 1
    print("outputs agree with %s (every configuration, every run)" % source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
