"""A small stack-based bytecode VM with JIT hints: the shape of a real
RPy interpreter.  Greens: pc and code; reds: frame.  The opcode table is
built at translation time; programs are assembled at run time."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.jit import JitDriver, elidable

OPNAMES = ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "LT", "JUMP",
           "JUMP_IF_FALSE", "PRINT", "HALT"]
OP = {}
for _i in range(len(OPNAMES)):
    OP[OPNAMES[_i]] = _i
PUSH = OP["PUSH"]
LOAD = OP["LOAD"]
STORE = OP["STORE"]
ADD = OP["ADD"]
SUB = OP["SUB"]
MUL = OP["MUL"]
LT = OP["LT"]
JUMP = OP["JUMP"]
JUMP_IF_FALSE = OP["JUMP_IF_FALSE"]
PRINT = OP["PRINT"]
HALT = OP["HALT"]


class Code(object):
    _immutable_fields_ = ["ops[*]", "nlocals", "name"]

    def __init__(self, name, ops, nlocals):
        self.name = name
        self.ops = ops
        self.nlocals = nlocals


class Frame(object):
    def __init__(self, code):
        self.stack = [0] * 16
        self.sp = 0
        self.locals = [0] * code.nlocals

    def push(self, v):
        self.stack[self.sp] = v
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=["pc", "code"], reds=["frame"],
                   get_printable_location=get_location, name="vm")


@elidable
def opname(op):
    return OPNAMES[op]


def run(code, out):
    frame = Frame(code)
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
        elif op == MUL:
            b = frame.pop()
            frame.push(frame.pop() * b)
            pc += 1
        elif op == LT:
            b = frame.pop()
            if frame.pop() < b:
                frame.push(1)
            else:
                frame.push(0)
            pc += 1
        elif op == JUMP:
            target = code.ops[pc + 1]
            if target < pc:
                driver.can_enter_jit(pc=target, code=code, frame=frame)
            pc = target
        elif op == JUMP_IF_FALSE:
            if frame.pop() == 0:
                pc = code.ops[pc + 1]
            else:
                pc += 2
        elif op == PRINT:
            out.append(frame.pop())
            pc += 1
        elif op == HALT:
            return frame.locals[0]
        else:
            raise ValueError("bad opcode")


class Assembler(object):
    def __init__(self):
        self.ops = []

    def emit(self, name, arg=-1):
        self.ops.append(OP[name])
        if arg >= 0:
            self.ops.append(arg)

    def here(self):
        return len(self.ops)


def sum_program(n):
    """locals: 0 total, 1 i.  total = sum(i*i for i < n), printing every
    partial sum that is a multiple of 10."""
    a = Assembler()
    a.emit("PUSH", 0)
    a.emit("STORE", 0)
    a.emit("PUSH", 0)
    a.emit("STORE", 1)
    loop = a.here()
    a.emit("LOAD", 1)
    a.emit("PUSH", n)
    a.emit("LT")
    a.emit("JUMP_IF_FALSE", 0)
    exit_patch = a.here() - 1
    a.emit("LOAD", 0)
    a.emit("LOAD", 1)
    a.emit("LOAD", 1)
    a.emit("MUL")
    a.emit("ADD")
    a.emit("STORE", 0)
    a.emit("LOAD", 1)
    a.emit("PUSH", 1)
    a.emit("ADD")
    a.emit("STORE", 1)
    a.emit("JUMP", loop)
    a.ops[exit_patch] = a.here()
    a.emit("LOAD", 0)
    a.emit("PRINT")
    a.emit("HALT")
    return Code("sum", a.ops, 2)


def factorial_program(n):
    """locals: 0 result, 1 n."""
    a = Assembler()
    a.emit("PUSH", 1)
    a.emit("STORE", 0)
    a.emit("PUSH", n)
    a.emit("STORE", 1)
    loop = a.here()
    a.emit("PUSH", 0)
    a.emit("LOAD", 1)
    a.emit("LT")
    a.emit("JUMP_IF_FALSE", 0)
    exit_patch = a.here() - 1
    a.emit("LOAD", 0)
    a.emit("LOAD", 1)
    a.emit("MUL")
    a.emit("STORE", 0)
    a.emit("LOAD", 1)
    a.emit("PUSH", 1)
    a.emit("SUB")
    a.emit("STORE", 1)
    a.emit("JUMP", loop)
    a.ops[exit_patch] = a.here()
    a.emit("HALT")
    return Code("factorial", a.ops, 2)


def entry_point(argv):
    out = []
    total = run(sum_program(3000), out)
    print("sum of squares below 3000: %d (printed %d)" % (total, out[0]))
    for n in [1, 5, 10, 20]:
        print("%d! = %d" % (n, run(factorial_program(n), out)))
    code = sum_program(10)
    print("%s has %d ops, first %s, at 4: %s" % (code.name, len(code.ops),
                                                opname(code.ops[0]),
                                                get_location(4, code)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
