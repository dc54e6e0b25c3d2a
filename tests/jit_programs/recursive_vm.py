"""recursive_vm: a recursive portal -- the interpreter function calls
itself for the interpreted language's CALL opcode.

JIT features exercised:
* the portal `interpret(code, args)` (the function holding
  `jit_merge_point`) is re-entered from inside its own dispatch loop by
  CALL, so a trace of the caller's loop meets a call to the portal
  (inlined, or a residual call of the portal, which enters the callee's
  own compiled code at its first merge point), and
  compiled code for the callee's loop runs inside an interpreted or
  compiled caller;
* `@elidable` `get_function(program, index)` on green arguments;
* recursion in the interpreted language without loops (fib, a recursive
  sum: traces from function entry / trace-too-long handling), and a loop
  in a callee (tri) called from the main loop.

Greens `pc, code`; reds `frame`.  Each call gets a fresh Frame.
"""

# expect: default: loops >= 1
# expect: threshold=1: loops >= 1

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, elidable

# Stack machine opcodes.  ARG-taking ones are followed by one operand.
PUSH = 0        # push operand
LOAD = 1        # push local[operand]
STORE = 2       # local[operand] = pop
ADD = 3
SUB = 4
LT = 5          # push 1 if a < b else 0
JUMP_IF_FALSE = 6   # if pop == 0: goto operand
JUMP = 7        # goto operand
CALL = 8        # call function[operand] with one argument (popped)
RETURN = 9      # return pop
MOD = 10

OPNAMES = ['PUSH', 'LOAD', 'STORE', 'ADD', 'SUB', 'LT', 'JUMP_IF_FALSE',
           'JUMP', 'CALL', 'RETURN', 'MOD']


class Program(object):
    """All functions of the interpreted program, by index.  `functions`
    is filled in after the Code objects exist (a Code names its
    program), and never changes afterwards."""

    def __init__(self):
        self.functions = []


class Code(object):
    _immutable_fields_ = ['name', 'ops[*]', 'nlocals', 'program']

    def __init__(self, name, ops, nlocals, program):
        self.name = name
        self.ops = ops
        self.nlocals = nlocals
        self.program = program


@elidable
def get_function(program, index):
    return program.functions[index]


class Frame(object):
    def __init__(self, code, arg):
        self.stack = [0] * 8
        self.sp = 0
        self.locals = [0] * code.nlocals
        self.locals[0] = arg

    def push(self, v):
        self.stack[self.sp] = v
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]


class Stats(object):
    """Mutable run-time counters, in a prebuilt instance."""

    def __init__(self):
        self.calls = 0
        self.max_depth = 0
        self.depth = 0


stats = Stats()


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   get_printable_location=get_location, name='recursive_vm')


def interpret(code, arg):
    """The portal.  Runs one function of the interpreted program."""
    frame = Frame(code, arg)
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        if op == PUSH:
            frame.push(code.ops[pc + 1])
            pc += 2
        elif op == LOAD:
            frame.push(frame.locals[code.ops[pc + 1]])
            pc += 2
        elif op == STORE:
            frame.locals[code.ops[pc + 1]] = frame.pop()
            pc += 2
        elif op == ADD:
            b = frame.pop()
            frame.push(frame.pop() + b)
            pc += 1
        elif op == SUB:
            b = frame.pop()
            frame.push(frame.pop() - b)
            pc += 1
        elif op == MOD:
            b = frame.pop()
            frame.push(frame.pop() % b)
            pc += 1
        elif op == LT:
            b = frame.pop()
            if frame.pop() < b:
                frame.push(1)
            else:
                frame.push(0)
            pc += 1
        elif op == JUMP_IF_FALSE:
            if frame.pop() == 0:
                pc = code.ops[pc + 1]
            else:
                pc += 2
        elif op == JUMP:
            target = code.ops[pc + 1]
            if target < pc:
                driver.can_enter_jit(pc=target, code=code, frame=frame)
            pc = target
        elif op == CALL:
            callee = get_function(code.program, code.ops[pc + 1])
            argument = frame.pop()
            stats.calls += 1
            stats.depth += 1
            if stats.depth > stats.max_depth:
                stats.max_depth = stats.depth
            result = interpret(callee, argument)     # the portal, recursively
            stats.depth -= 1
            frame.push(result)
            pc += 2
        elif op == RETURN:
            return frame.pop()
        else:
            raise ValueError("bad opcode")


# ---------------------------------------------------------------------------
# The interpreted program, assembled at translation time.  Function indices:
# 0 main, 1 fib, 2 rsum, 3 tri.

FIB, RSUM, TRI = 1, 2, 3


def build_program(iterations):
    program = Program()
    # main(n): total = 0; i = 0; while i < iterations:
    #   total = total + tri(i % 12) + rsum(i % 6); i = i + 1
    # return total
    main = Code('main', [
        PUSH, 0, STORE, 1,                  # 0: total = 0
        PUSH, 0, STORE, 2,                  # 4: i = 0
        LOAD, 2, PUSH, iterations, LT,      # 8: loop: i < iterations
        JUMP_IF_FALSE, 44,                  # 13
        LOAD, 1,                            # 15
        LOAD, 2, PUSH, 12, MOD, CALL, TRI,  # 17: tri(i % 12)
        ADD,                                # 24
        LOAD, 2, PUSH, 6, MOD, CALL, RSUM,  # 25: rsum(i % 6)
        ADD, STORE, 1,                      # 32: total = ...
        LOAD, 2, PUSH, 1, ADD, STORE, 2,    # 35: i = i + 1
        JUMP, 8,                            # 42
        LOAD, 1, RETURN,                    # 44
    ], 3, program)
    # fib(n): if n < 2: return n; return fib(n - 1) + fib(n - 2)
    fib = Code('fib', [
        LOAD, 0, PUSH, 2, LT,               # 0
        JUMP_IF_FALSE, 10,                  # 5
        LOAD, 0, RETURN,                    # 7
        LOAD, 0, PUSH, 1, SUB, CALL, FIB,   # 10
        LOAD, 0, PUSH, 2, SUB, CALL, FIB,   # 17
        ADD, RETURN,                        # 24
    ], 1, program)
    # rsum(n): if n < 1: return 0; return n + rsum(n - 1)
    rsum = Code('rsum', [
        LOAD, 0, PUSH, 1, LT,               # 0
        JUMP_IF_FALSE, 10,                  # 5
        PUSH, 0, RETURN,                    # 7
        LOAD, 0,                            # 10
        LOAD, 0, PUSH, 1, SUB, CALL, RSUM,  # 12
        ADD, RETURN,                        # 19
    ], 1, program)
    # tri(n): s = 0; while 0 < n: s = s + n; n = n - 1; return s
    tri = Code('tri', [
        PUSH, 0, STORE, 1,                  # 0: s = 0
        PUSH, 0, LOAD, 0, LT,               # 4: loop: 0 < n
        JUMP_IF_FALSE, 27,                  # 9
        LOAD, 1, LOAD, 0, ADD, STORE, 1,    # 11: s = s + n
        LOAD, 0, PUSH, 1, SUB, STORE, 0,    # 18: n = n - 1
        JUMP, 4,                            # 25
        LOAD, 1, RETURN,                    # 27
    ], 2, program)
    program.functions = [main, fib, rsum, tri]
    return program


PROGRAM = build_program(2000)


def entry_point(argv):
    main = get_function(PROGRAM, 0)
    total = interpret(main, 0)
    print("main: total %d (%d calls, max depth %d)" % (total, stats.calls,
                                                         stats.max_depth))
    for n in [0, 1, 2, 10, 15]:
        stats.calls = 0
        r = interpret(get_function(PROGRAM, FIB), n)
        print("fib(%d) = %d (%d calls)" % (n, r, stats.calls))
    for n in [0, 5, 100, 3000]:
        stats.calls = 0
        stats.max_depth = 0
        r = interpret(get_function(PROGRAM, TRI), n)
        s = interpret(get_function(PROGRAM, RSUM), n % 200)
        print("tri(%d) = %d, rsum(%d) = %d (max depth %d)" % (
            n, r, n % 200, s, stats.max_depth))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
