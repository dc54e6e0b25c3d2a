"""look_inside_iff: a helper the tracer enters only when it pays.

JIT feature exercised: `@look_inside_iff(pred)` with `isconstant`.
`power(base, exp)` loops `exp` times.  When the exponent comes from the
bytecode (a green, so a constant in the trace) the tracer looks inside and
unrolls the loop; when it comes from a register (a red) the predicate is
false and the call stays residual.  Both paths must compute the same
numbers, with the JIT off, on, and under deopt torture.
"""

# expect: default: loops >= 1
# expect: threshold=1: loops >= 1
# expect: threshold=1: aborts == 0

import os
import sys

if __name__ == "__main__":
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, look_inside_iff, isconstant

POWK = 0      # acc = acc + power(r0, k)      k: the next word (constant)
POWR = 1      # acc = acc + power(r0, r1)     r1: a register
INC = 2       # r0 += 1
MASK = 3      # acc &= 0xFFFFFF
LOOP = 4      # if r0 < limit: goto 0
HALT = 5


def exponent_is_constant(base, exp):
    return isconstant(exp)


@look_inside_iff(exponent_is_constant)
def power(base, exp):
    result = 1
    i = 0
    while i < exp:
        result = (result * base) & 0xFFFFFF
        i += 1
    return result


class Code(object):
    _immutable_fields_ = ['ops[*]']

    def __init__(self, ops):
        self.ops = ops


driver = JitDriver(greens=['pc', 'code'], reds=['r0', 'r1', 'acc', 'limit'])


def interpret(code, limit, r1):
    pc = 0
    r0 = 0
    acc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, r0=r0, r1=r1, acc=acc,
                               limit=limit)
        op = code.ops[pc]
        if op == POWK:
            acc = acc + power(r0, code.ops[pc + 1])
            pc += 2
        elif op == POWR:
            acc = acc + power(r0, r1)
            pc += 1
        elif op == INC:
            r0 += 1
            pc += 1
        elif op == MASK:
            acc = acc & 0xFFFFFF
            pc += 1
        elif op == LOOP:
            if r0 < limit:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, r0=r0, r1=r1, acc=acc,
                                     limit=limit)
            else:
                pc += 1
        else:
            return acc


CODE = Code([POWK, 3, POWR, INC, MASK, LOOP, HALT])


def entry_point(argv):
    print("r1=2: %d" % interpret(CODE, 6000, 2))
    print("r1=5: %d" % interpret(CODE, 3000, 5))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
