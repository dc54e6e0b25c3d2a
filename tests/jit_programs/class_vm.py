"""class_vm: a VM whose instructions and values are class hierarchies,
dispatched through overridden methods.

JIT features exercised:
* virtual dispatch in the dispatch loop: the program is a list of
  `Instr` objects and the loop calls `instr.execute(frame, pc)`, overridden
  in each subclass.  The list is reached from the green code object
  (`instrs[*]` immutable), so in a trace the instruction is a constant
  and the call resolves to one method without a guard on its class;
* values as a class hierarchy (`W_Int`, `W_Float`, `W_Pair`) with
  overridden `add`, `mul`, `lt`, `truth` and `repr`: here the receiver is
  not constant, so each call records a guard on its class, and the same
  ADD instruction sees ints in one loop and floats in another (guard
  failures, then other traces or bridges);
* many short-lived value objects (allocation removal candidates);
* `isinstance` on values and on instructions.

Greens `pc, code`, red `frame`.  Backward jumps (`Jump`, `JumpIfTrue`
with an earlier target) call `can_enter_jit`.
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

from rlib.jit import JitDriver


# ---------------------------------------------------------------------------
# Values.

class W_Object(object):
    def add(self, other):
        raise VMTypeError("unsupported add")

    def mul(self, other):
        raise VMTypeError("unsupported mul")

    def lt(self, other):
        raise VMTypeError("unsupported lt")

    def truth(self):
        return True

    def to_float(self):
        raise VMTypeError("not a number")

    def repr(self):
        return "<object>"


class W_Int(W_Object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.value + other.value)
        return W_Float(float(self.value) + other.to_float())

    def mul(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.value * other.value)
        return W_Float(float(self.value) * other.to_float())

    def lt(self, other):
        if isinstance(other, W_Int):
            return self.value < other.value
        return float(self.value) < other.to_float()

    def truth(self):
        return self.value != 0

    def to_float(self):
        return float(self.value)

    def repr(self):
        return str(self.value)


class W_Float(W_Object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def add(self, other):
        return W_Float(self.value + other.to_float())

    def mul(self, other):
        return W_Float(self.value * other.to_float())

    def lt(self, other):
        return self.value < other.to_float()

    def truth(self):
        return self.value != 0.0

    def to_float(self):
        return self.value

    def repr(self):
        return "%.6f" % self.value


class W_Pair(W_Object):
    """A pair of numbers, added element-wise; multiplied by a number it
    scales both halves."""
    _immutable_fields_ = ['first', 'second']

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def add(self, other):
        if isinstance(other, W_Pair):
            return W_Pair(self.first.add(other.first),
                          self.second.add(other.second))
        return W_Pair(self.first.add(other), self.second.add(other))

    def mul(self, other):
        return W_Pair(self.first.mul(other), self.second.mul(other))

    def lt(self, other):
        return self.first.lt(other)

    def repr(self):
        return "(" + self.first.repr() + ", " + self.second.repr() + ")"


class VMTypeError(Exception):
    def __init__(self, message):
        self.message = message


# ---------------------------------------------------------------------------
# Instructions.  `execute` returns the next pc.

class Frame(object):
    def __init__(self, nregs):
        self.regs = [None] * nregs
        self.output = []


class Instr(object):
    def execute(self, frame, pc):
        raise NotImplementedError

    def name(self):
        return "?"


class LoadConst(Instr):
    _immutable_fields_ = ['dst', 'w_value']

    def __init__(self, dst, w_value):
        self.dst = dst
        self.w_value = w_value

    def execute(self, frame, pc):
        frame.regs[self.dst] = self.w_value
        return pc + 1

    def name(self):
        return "LoadConst"


class BinOp(Instr):
    """dst = regs[a] OP regs[b]; subclasses override `compute`."""
    _immutable_fields_ = ['dst', 'a', 'b']

    def __init__(self, dst, a, b):
        self.dst = dst
        self.a = a
        self.b = b

    def execute(self, frame, pc):
        frame.regs[self.dst] = self.compute(frame.regs[self.a],
                                            frame.regs[self.b])
        return pc + 1

    def compute(self, w_x, w_y):
        raise NotImplementedError


class Add(BinOp):
    def compute(self, w_x, w_y):
        return w_x.add(w_y)

    def name(self):
        return "Add"


class Mul(BinOp):
    def compute(self, w_x, w_y):
        return w_x.mul(w_y)

    def name(self):
        return "Mul"


class MakePair(BinOp):
    def compute(self, w_x, w_y):
        return W_Pair(w_x, w_y)

    def name(self):
        return "MakePair"


class Jump(Instr):
    _immutable_fields_ = ['target']

    def __init__(self, target):
        self.target = target

    def execute(self, frame, pc):
        return self.target

    def name(self):
        return "Jump"


class JumpIfLess(Instr):
    """if regs[a] < regs[b]: goto target."""
    _immutable_fields_ = ['a', 'b', 'target']

    def __init__(self, a, b, target):
        self.a = a
        self.b = b
        self.target = target

    def execute(self, frame, pc):
        if frame.regs[self.a].lt(frame.regs[self.b]):
            return self.target
        return pc + 1

    def name(self):
        return "JumpIfLess"


class JumpIfTrue(Instr):
    _immutable_fields_ = ['a', 'target']

    def __init__(self, a, target):
        self.a = a
        self.target = target

    def execute(self, frame, pc):
        if frame.regs[self.a].truth():
            return self.target
        return pc + 1

    def name(self):
        return "JumpIfTrue"


class Print(Instr):
    _immutable_fields_ = ['a']

    def __init__(self, a):
        self.a = a

    def execute(self, frame, pc):
        frame.output.append(frame.regs[self.a].repr())
        return pc + 1

    def name(self):
        return "Print"


class Halt(Instr):
    def execute(self, frame, pc):
        return -1

    def name(self):
        return "Halt"


class Code(object):
    _immutable_fields_ = ['name', 'instrs[*]', 'nregs']

    def __init__(self, name, instrs, nregs):
        self.name = name
        self.instrs = instrs
        self.nregs = nregs


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, code.instrs[pc].name())


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   get_printable_location=get_location, name='class_vm')


def is_backward(instr, pc, next_pc):
    return next_pc <= pc and (isinstance(instr, Jump) or
                              isinstance(instr, JumpIfLess) or
                              isinstance(instr, JumpIfTrue))


def interpret(code, frame):
    pc = 0
    while pc >= 0:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        instr = code.instrs[pc]
        next_pc = instr.execute(frame, pc)
        if is_backward(instr, pc, next_pc):
            driver.can_enter_jit(pc=next_pc, code=code, frame=frame)
        pc = next_pc


# ---------------------------------------------------------------------------
# Programs, built at translation time.
#
# accumulate(start, step, n): r0 = start; r1 = i; loop: r0 = r0 + step *
# r1; i = i + 1; while i < n.  Run with ints, floats and pairs of both.

def accumulate(name, w_start, w_step, n):
    return Code(name, [
        LoadConst(0, w_start),          # 0: acc = start
        LoadConst(1, W_Int(0)),         # 1: i = 0
        LoadConst(2, W_Int(1)),         # 2: one
        LoadConst(3, W_Int(n)),         # 3: n
        LoadConst(4, w_step),           # 4: step
        Mul(5, 4, 1),                   # 5: t = step * i
        Add(0, 0, 5),                   # 6: acc = acc + t
        Add(1, 1, 2),                   # 7: i = i + 1
        JumpIfLess(1, 3, 5),            # 8: if i < n: goto 5
        Print(0),                       # 9
        Halt(),                         # 10
    ], 6)


# pairs(n): k = n; loop: acc = acc + (k, 0.25); k = k - 1; a truth test
# on k decides between the forward Jump out and the backward Jump.
def pairs(n):
    return Code('pairs', [
        LoadConst(0, W_Int(n)),         # 0: k = n
        LoadConst(1, W_Int(-1)),        # 1: minus one
        LoadConst(2, W_Pair(W_Int(0), W_Float(0.5))),  # 2: acc
        LoadConst(4, W_Float(0.25)),    # 3: quarter
        MakePair(3, 0, 4),              # 4: p = (k, 0.25)
        Add(2, 2, 3),                   # 5: acc = acc + p
        Add(0, 0, 1),                   # 6: k = k - 1
        JumpIfTrue(0, 9),               # 7: if k: goto 9
        Jump(10),                       # 8: (forward) goto 10
        Jump(4),                        # 9: (backward) goto 4
        Print(2),                       # 10
        Halt(),                         # 11
    ], 5)


PROGRAMS = [
    accumulate('int_sum', W_Int(0), W_Int(3), 3000),
    accumulate('float_sum', W_Float(0.0), W_Float(0.5), 2000),
    accumulate('mixed_sum', W_Int(7), W_Float(1.5), 1500),
    accumulate('pair_sum', W_Pair(W_Int(1), W_Float(2.0)), W_Int(2), 1200),
    pairs(2500),
    accumulate('int_sum_again', W_Int(100), W_Int(-1), 1000),
]


def entry_point(argv):
    for code in PROGRAMS:
        frame = Frame(code.nregs)
        try:
            interpret(code, frame)
        except VMTypeError as e:
            print("%s: type error: %s" % (code.name, e.message))
            continue
        print("%s (%d instructions): %s" % (code.name, len(code.instrs),
                                            ", ".join(frame.output)))
    # A type error raised from a method deep in the dispatch.
    bad = Code('bad', [LoadConst(0, W_Pair(W_Int(1), W_Int(2))),
                       JumpIfTrue(0, 2), Mul(1, 0, 0), Halt()], 2)
    try:
        interpret(bad, Frame(bad.nregs))
        print("bad: no error")
    except VMTypeError as e:
        print("bad: type error: %s" % e.message)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
