"""frame_vm: a stack VM whose frame is virtualizable, with boxed values.

JIT features exercised: virtualizable frames (`_virtualizable_` and the
JitDriver's `virtualizables=['frame']`) together with allocation removal.
The frame keeps its program counter, stack depth, value stack and locals
in fields listed in `_virtualizable_` (the stack and the locals are
fixed-size lists, `[*]`); the values on them are boxes (`W_Int`), a new one
for every result.  In a trace the frame's fields and items live in trace
values, the boxes stay virtual, and only guard failures, the loop's exit and
the residual call `frame_checksum` (a `dont_look_inside` function that
reads the locals through the frame) see them in memory.  The stack
depth is promoted, so stack indices are constants in traces.  Calls (`CALL`)
run a callee in a new frame, which the trace inlines: an ordinary, virtual
frame object.  Data-dependent branches (`JUMP_IF_ODD`) make guards whose
resume data holds delayed writes into the frame and virtual boxes.

Greens `pc, code`, reds `frame`; `can_enter_jit` on backward jumps.
"""

# expect: default: loops >= 1
# expect: default: aborts == 0
# expect: threshold=1: loops >= 1
# expect: threshold=1: aborts == 0

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, dont_look_inside, promote


class W_Int(object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value


# Opcodes; those marked * take the next word as their argument.
PUSH = 0          # * push the constant
LOAD = 1          # * push local n
STORE = 2         # * pop into local n
ADD = 3           #   pop b, a; push a + b
SUB = 4           #   pop b, a; push a - b
MUL_MOD = 5       #   pop b, a; push a * b % 1000003
JUMP_IF_POS = 6   # * pop; if > 0: goto target
JUMP_IF_ODD = 7   # * pop; if odd: goto target
JUMP = 8          # * goto target
CALL = 9          # * pop one argument, run function n on it, push the result
CHECKSUM = 10     #   push a checksum of the locals (a residual call)
RETURN = 11       #   pop and return

OPNAMES = ['PUSH', 'LOAD', 'STORE', 'ADD', 'SUB', 'MUL_MOD', 'JUMP_IF_POS',
           'JUMP_IF_ODD', 'JUMP', 'CALL', 'CHECKSUM', 'RETURN']


class Code(object):
    _immutable_fields_ = ['ops[*]', 'name', 'nlocals', 'functions[*]']

    def __init__(self, name, nlocals, ops, functions):
        self.name = name
        self.nlocals = nlocals
        self.ops = ops
        self.functions = functions


class Frame(object):
    _virtualizable_ = ['pc', 'sp', 'stack[*]', 'locals[*]']

    def __init__(self, code, arg):
        self.pc = 0
        self.sp = 0
        self.stack = [W_Int(0)] * 8
        self.locals = [W_Int(0)] * code.nlocals
        self.locals[0] = arg

    # The stack depth is the same at every visit of a bytecode position:
    # promoted, it is a constant in traces, and so are the stack indices.
    def push(self, w):
        sp = promote(self.sp)
        self.stack[sp] = w
        self.sp = sp + 1

    def pop(self):
        sp = promote(self.sp) - 1
        self.sp = sp
        return self.stack[sp]


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   virtualizables=['frame'],
                   get_printable_location=get_location, name='frame')


@dont_look_inside
def frame_checksum(frame):
    total = 0
    for w in frame.locals:
        total = (total * 31 + w.value) % 1000003
    return total


def run(code, arg):
    frame = Frame(code, arg)
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        frame.pc = pc
        if op == PUSH:
            frame.push(W_Int(code.ops[pc + 1]))
            pc += 2
        elif op == LOAD:
            frame.push(frame.locals[code.ops[pc + 1]])
            pc += 2
        elif op == STORE:
            frame.locals[code.ops[pc + 1]] = frame.pop()
            pc += 2
        elif op == ADD:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(a.value + b.value))
            pc += 1
        elif op == SUB:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(a.value - b.value))
            pc += 1
        elif op == MUL_MOD:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(a.value * b.value % 1000003))
            pc += 1
        elif op == JUMP_IF_POS or op == JUMP_IF_ODD:
            w = frame.pop()
            target = code.ops[pc + 1]
            taken = w.value > 0 if op == JUMP_IF_POS else w.value % 2 == 1
            if taken:
                if target < pc:
                    driver.can_enter_jit(pc=target, code=code, frame=frame)
                pc = target
            else:
                pc += 2
        elif op == JUMP:
            target = code.ops[pc + 1]
            if target < pc:
                driver.can_enter_jit(pc=target, code=code, frame=frame)
            pc = target
        elif op == CALL:
            w = frame.pop()
            frame.push(run(code.functions[code.ops[pc + 1]], w))
            pc += 2
        elif op == CHECKSUM:
            frame.push(W_Int(frame_checksum(frame)))
            pc += 1
        else:
            return frame.pop()


# triple(x): return x + x + x
TRIPLE = Code('triple', 1, [LOAD, 0, LOAD, 0, ADD, LOAD, 0, ADD, RETURN], [])

# main(n): acc = 1; s = 0
#          while True: acc = acc * 7 % 1000003
#                      if acc is odd: s = s + triple(acc) else: s = s - n
#                      n = n - 1; if n <= 0: break
#          return checksum(locals) + s
MAIN = Code('main', 3, [
    PUSH, 1, STORE, 1, PUSH, 0, STORE, 2,          # 0: acc = 1; s = 0
    LOAD, 1, PUSH, 7, MUL_MOD, STORE, 1,           # 8: acc = acc * 7 % P
    LOAD, 1, JUMP_IF_ODD, 28,                      # 15: if acc is odd: goto 28
    LOAD, 2, LOAD, 0, SUB, STORE, 2, JUMP, 37,     # 19: s = s - n; goto 37
    LOAD, 2, LOAD, 1, CALL, 0, ADD, STORE, 2,      # 28: s = s + triple(acc)
    LOAD, 0, PUSH, 1, SUB, STORE, 0,               # 37: n = n - 1
    LOAD, 0, JUMP_IF_POS, 8,                       # 44: if n > 0: goto 8
    CHECKSUM, LOAD, 2, ADD, RETURN],               # 48: return checksum + s
    [TRIPLE])


def entry_point(argv):
    # An argument scales the long runs up (bench/jit_opts.py).
    scale = int(argv[1]) if len(argv) > 1 else 1
    for n in [3, 50, 2000 * scale, 5000 * scale, 7]:
        w = run(MAIN, W_Int(n))
        print("main(%d) = %d" % (n, w.value))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
