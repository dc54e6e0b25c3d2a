"""boxes_vm: a VM whose registers are boxes, a new box on every write.

JIT features exercised: allocation removal (the virtualize pass) and
virtuals in resume data.  The reds `n`, `a` and `b` are boxed values
(`W_Int`, and a `W_Pair` of two `W_Int`s); every instruction that writes a
register allocates a new box, so inside a loop iteration the boxes are
virtual: read back at once, never allocated.  Data-dependent branches
(on `a`'s parity and `a % 7`) sit between the writes, so their guards have
virtual boxes -- nested ones, a pair holding fresh ints -- among their
live values: a failing guard materialises them before the interpreter (or
a bridge, traced from that guard) goes on.  The loop's back edge passes
the boxes to the next iteration, which forces them there.

Greens `pc, code`, reds `n, a, b`; `can_enter_jit` on the backward jump.
"""

# expect: default: loops >= 1
# expect: default: bridges >= 1
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

from rlib.jit import JitDriver


class W_Int(object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value


class W_Pair(object):
    _immutable_fields_ = ['left', 'right']

    def __init__(self, left, right):
        self.left = left
        self.right = right


# Opcodes; the branches are followed by their target.
INC_A = 0         # a = a + 1
ADD_B = 1         # b = (b.left + a, b.right)
IF_ODD = 2        # if a is odd: goto target
BUMP_RIGHT = 3    # b = (b.left, b.right + 3)
SWAP_B = 4        # b = (b.right, b.left)
IF_SEVEN = 5      # if a % 7 == 3: goto target
DEC_N = 6         # n = n - 1
JUMP_IF_N = 7     # if n != 0: goto target
RETURN = 8

OPNAMES = ['INC_A', 'ADD_B', 'IF_ODD', 'BUMP_RIGHT', 'SWAP_B', 'IF_SEVEN',
           'DEC_N', 'JUMP_IF_N', 'RETURN']


class Code(object):
    _immutable_fields_ = ['ops[*]', 'name']

    def __init__(self, name, ops):
        self.name = name
        self.ops = ops


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['n', 'a', 'b'],
                   get_printable_location=get_location, name='boxes')


def interpret(code, n, a, b):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, n=n, a=a, b=b)
        op = code.ops[pc]
        if op == INC_A:
            a = W_Int(a.value + 1)
            pc += 1
        elif op == ADD_B:
            b = W_Pair(W_Int((b.left.value + a.value) % 1000003), b.right)
            pc += 1
        elif op == IF_ODD:
            if a.value % 2 == 1:
                pc = code.ops[pc + 1]
            else:
                pc += 2
        elif op == BUMP_RIGHT:
            b = W_Pair(b.left, W_Int(b.right.value + 3))
            pc += 1
        elif op == SWAP_B:
            b = W_Pair(b.right, b.left)
            pc += 1
        elif op == IF_SEVEN:
            if a.value % 7 == 3:
                pc = code.ops[pc + 1]
            else:
                pc += 2
        elif op == DEC_N:
            n = W_Int(n.value - 1)
            pc += 1
        elif op == JUMP_IF_N:
            target = code.ops[pc + 1]
            if n.value != 0:
                if target < pc:
                    driver.can_enter_jit(pc=target, code=code, n=n, a=a, b=b)
                pc = target
            else:
                pc += 2
        else:
            return "a=%d b=(%d, %d)" % (a.value, b.left.value, b.right.value)


# 0 INC_A; 1 ADD_B; 2 IF_ODD 5; 4 BUMP_RIGHT; 5 IF_SEVEN 8; 7 SWAP_B;
# 8 DEC_N; 9 JUMP_IF_N 0; 11 RETURN
LOOP = Code('loop', [INC_A, ADD_B, IF_ODD, 5, BUMP_RIGHT, IF_SEVEN, 8, SWAP_B,
                     DEC_N, JUMP_IF_N, 0, RETURN])


def entry_point(argv):
    # An argument scales the long runs up (bench/jit_opts.py).
    scale = int(argv[1]) if len(argv) > 1 else 1
    for start in [1, 5, 3000 * scale, 20000 * scale, 9]:
        result = interpret(LOOP, W_Int(start), W_Int(start % 5),
                           W_Pair(W_Int(1), W_Int(2)))
        print("run %d: %s" % (start, result))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
