"""loops_vm: a tiny register-machine interpreter in RPy, with JIT hints,
running one of two bundled loops -- the interpreter half of
bench/jit_loops.py (JIT vs C++ -O2 on the same loop).

    python3 bench/programs/loops_vm.py frame|locals int N [SEED]
    python3 bench/programs/loops_vm.py frame|locals float N [X0]

or translated (`lathe translate --jit bench/programs/loops_vm.py -o vm`):
`./vm frame int 100000000`.  bench/programs/loops_vm.cpp is the same two
loops written directly in C++ (`loops_vm-cpp int N`) and prints the same
lines.

The two programs
----------------
`int`: a counting loop with a multiply-add-mask step, so that no compiler
can replace it by a closed form:

    while n > 0: acc = (acc * 1103515245 + n) & 0xffffffff; n -= 1

`float`: the logistic map at r = 3.9 (chaotic: one rounding difference
anywhere and the printed digits differ, so agreeing outputs mean the same
IEEE operations in the same order), and a running sum:

    while n > 0: x = 3.9 * x * (1.0 - x); s = s + x; n -= 1

Values stay in range on CPython too: acc < 2**32, so acc * 1103515245 + n
< 2**63 and machine ints agree with CPython's; x stays in (0, 1).

The instruction set
-------------------
Three-address instructions in one list of ints, an opcode and its
operands; int and float registers are separate (RPy: one type per
variable).  An operand named `rk` is, as in Lua, a register number below
K = 256 or a constant-pool index plus K, so `IMUL 1, 1, K+0` is
`r1 = r1 * iconsts[0]`: constants never occupy registers.

    IADD d rk rk    FADD d rk rk          d = rk + rk   (also SUB, MUL)
    IAND d rk rk                          d = rk & rk
    JUMP t          pc = t (a backward jump: the end of a loop)
    JLEZ r t        if int register r <= 0: pc = t
    HALT            stop

Two machines run it, each its own portal and JitDriver, picked by argv[1]:

* `frame`: the registers are items of two lists, `iregs` and `fregs`, in
  a Frame object, the one red variable -- the usual layout, any number of
  registers.  In a trace every register read and write is a read of the
  list out of the frame and an array access;
* `locals`: four registers of each kind in local variables, each a red.
  What a virtualizable frame (or a heap optimisation that keeps the
  frame's items in machine registers) would make of the `frame` machine;
  the difference between the two is what the register traffic costs.

How the JIT sees it
-------------------
Greens `pc, code` (where we are); reds the frame, or the frame and the
eight registers.  `Code` is immutable (`_immutable_fields_` with `[*]` for
its lists) and green, so in a trace `code.ops[pc + i]` and the constant
pools are constants: the dispatch, the operand decoding, the rk tests, the
choice of local variable and of operation (`int_op`, `float_op`) all fold,
and each instruction leaves its register reads, one arithmetic operation
and its register write.  `Frame.iregs` and `Frame.fregs` are immutable
fields too (the lists are made once; their items change).
`can_enter_jit` sits on the one backward jump.  Nothing here needs
`promote` or `@elidable`: every value that is constant at a given pc is
already green, and the immutable lists fold without a helper.  What is
left in the compiled loops is bench/jit_loops.py's report.

RPy rules followed: one type per variable; the programs are built at
module level (translation time); the entry point parses argv with
int()/float().
"""

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver

OPNAMES = ['IADD', 'ISUB', 'IMUL', 'IAND',
           'FADD', 'FSUB', 'FMUL',
           'JUMP', 'JLEZ', 'HALT']
# Operand counts, in the order of OPNAMES.
NARGS = [3, 3, 3, 3,
         3, 3, 3,
         1, 2, 0]

IADD = 0        # ORDER OP: the int ops come first, then the float ops
ISUB = 1
IMUL = 2
IAND = 3
FADD = 4
FSUB = 5
FMUL = 6
JUMP = 7
JLEZ = 8
HALT = 9

K = 256         # rk operands >= K name constant rk - K of the pool
NLOCALS = 4     # registers of each kind in the `locals` machine


class Code(object):
    """An assembled program: instructions with inline operands and two
    constant pools.  Green, and immutable."""
    _immutable_fields_ = ['name', 'ops[*]', 'iconsts[*]', 'fconsts[*]',
                          'nint', 'nfloat']

    def __init__(self, name, ops, iconsts, fconsts, nint, nfloat):
        self.name = name
        self.ops = ops
        self.iconsts = iconsts
        self.fconsts = fconsts
        self.nint = nint
        self.nfloat = nfloat


class Frame(object):
    """The registers of one run.  The lists never change, their items do."""
    _immutable_fields_ = ['iregs', 'fregs']

    def __init__(self, code):
        self.iregs = [0] * code.nint
        self.fregs = [0.0] * code.nfloat


def int_op(op, b, c):
    """The int instruction `op` on its operands; `op` is a constant in a
    trace, so this folds to one operation."""
    if op == IADD:
        return b + c
    if op == ISUB:
        return b - c
    if op == IMUL:
        return b * c
    return b & c


def float_op(op, x, y):
    if op == FADD:
        return x + y
    if op == FSUB:
        return x - y
    return x * y


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


# ---------------------------------------------------------------------------
# Machine `frame`: the registers are items of two lists in a Frame object,
# the red variable.

frame_driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                         get_printable_location=get_location,
                         name='loops_frame')


def int_rk(code, frame, operand):
    if operand >= K:
        return code.iconsts[operand - K]
    return frame.iregs[operand]


def float_rk(code, frame, operand):
    if operand >= K:
        return code.fconsts[operand - K]
    return frame.fregs[operand]


def interpret_frame(code, frame):
    pc = 0
    while True:
        frame_driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        if op <= IAND:
            v = int_op(op, int_rk(code, frame, code.ops[pc + 2]),
                       int_rk(code, frame, code.ops[pc + 3]))
            frame.iregs[code.ops[pc + 1]] = v
            pc += 4
        elif op <= FMUL:
            x = float_op(op, float_rk(code, frame, code.ops[pc + 2]),
                         float_rk(code, frame, code.ops[pc + 3]))
            frame.fregs[code.ops[pc + 1]] = x
            pc += 4
        elif op == JUMP:
            target = code.ops[pc + 1]
            if target < pc:
                frame_driver.can_enter_jit(pc=target, code=code, frame=frame)
            pc = target
        elif op == JLEZ:
            if frame.iregs[code.ops[pc + 1]] <= 0:
                pc = code.ops[pc + 2]
            else:
                pc += 3
        else:
            return


# ---------------------------------------------------------------------------
# Machine `locals`: NLOCALS registers of each kind in local variables, each
# a red.  A register number is a constant in a trace, so the `if` chains
# that pick a variable fold and the registers live in machine registers:
# the layout a virtualizable frame or a heap optimisation would give the
# `frame` machine.  The frame only carries the inputs in and the results out.

locals_driver = JitDriver(greens=['pc', 'code'],
                          reds=['frame', 'i0', 'i1', 'i2', 'i3',
                                'f0', 'f1', 'f2', 'f3'],
                          get_printable_location=get_location,
                          name='loops_locals')


def int_local(code, operand, i0, i1, i2, i3):
    if operand >= K:
        return code.iconsts[operand - K]
    if operand == 0:
        return i0
    if operand == 1:
        return i1
    if operand == 2:
        return i2
    return i3


def float_local(code, operand, f0, f1, f2, f3):
    if operand >= K:
        return code.fconsts[operand - K]
    if operand == 0:
        return f0
    if operand == 1:
        return f1
    if operand == 2:
        return f2
    return f3


def interpret_locals(code, frame):
    i0 = int_reg(frame, 0)
    i1 = int_reg(frame, 1)
    i2 = int_reg(frame, 2)
    i3 = int_reg(frame, 3)
    f0 = float_reg(frame, 0)
    f1 = float_reg(frame, 1)
    f2 = float_reg(frame, 2)
    f3 = float_reg(frame, 3)
    pc = 0
    while True:
        locals_driver.jit_merge_point(pc=pc, code=code, frame=frame,
                                      i0=i0, i1=i1, i2=i2, i3=i3,
                                      f0=f0, f1=f1, f2=f2, f3=f3)
        op = code.ops[pc]
        if op <= IAND:
            v = int_op(op, int_local(code, code.ops[pc + 2], i0, i1, i2, i3),
                       int_local(code, code.ops[pc + 3], i0, i1, i2, i3))
            d = code.ops[pc + 1]
            if d == 0:
                i0 = v
            elif d == 1:
                i1 = v
            elif d == 2:
                i2 = v
            else:
                i3 = v
            pc += 4
        elif op <= FMUL:
            x = float_op(op, float_local(code, code.ops[pc + 2], f0, f1, f2, f3),
                         float_local(code, code.ops[pc + 3], f0, f1, f2, f3))
            d = code.ops[pc + 1]
            if d == 0:
                f0 = x
            elif d == 1:
                f1 = x
            elif d == 2:
                f2 = x
            else:
                f3 = x
            pc += 4
        elif op == JUMP:
            target = code.ops[pc + 1]
            if target < pc:
                locals_driver.can_enter_jit(pc=target, code=code, frame=frame,
                                            i0=i0, i1=i1, i2=i2, i3=i3,
                                            f0=f0, f1=f1, f2=f2, f3=f3)
            pc = target
        elif op == JLEZ:
            if int_local(code, code.ops[pc + 1], i0, i1, i2, i3) <= 0:
                pc = code.ops[pc + 2]
            else:
                pc += 3
        else:
            store_locals(frame, i0, i1, i2, i3, f0, f1, f2, f3)
            return


def int_reg(frame, r):
    """Register r of the frame; 0 for the registers the program lacks."""
    if r < len(frame.iregs):
        return frame.iregs[r]
    return 0


def float_reg(frame, r):
    if r < len(frame.fregs):
        return frame.fregs[r]
    return 0.0


def store_locals(frame, i0, i1, i2, i3, f0, f1, f2, f3):
    """Copy the registers the program has back into its frame."""
    ints = [i0, i1, i2, i3]
    floats = [f0, f1, f2, f3]
    for r in range(len(frame.iregs)):
        frame.iregs[r] = ints[r]
    for r in range(len(frame.fregs)):
        frame.fregs[r] = floats[r]


# ---------------------------------------------------------------------------
# The two programs, assembled at translation time.  Register use is listed
# above each; the entry point sets the inputs (n, the seed) in the frame.

def assemble(name, lines, iconsts, fconsts, nint, nfloat):
    """`lines`: [opname, operand, ...] lists; a string operand 'L' names
    the pc of line number int(L[1:]) (a label)."""
    starts = []
    pc = 0
    for line in lines:
        starts.append(pc)
        pc += 1 + NARGS[OPNAMES.index(line[0])]
    ops = []
    for line in lines:
        ops.append(OPNAMES.index(line[0]))
        for operand in line[1:]:
            if isinstance(operand, str):
                ops.append(starts[int(operand[1:])])
            else:
                ops.append(operand)
    return Code(name, ops, iconsts, fconsts, nint, nfloat)


# r0 = n, r1 = acc
INT_LOOP = assemble('int', [
    ['JLEZ', 0, 'L6'],              # 0: while n > 0:
    ['IMUL', 1, 1, K + 0],          # 1:   acc = acc * 1103515245
    ['IADD', 1, 1, 0],              # 2:   acc = acc + n
    ['IAND', 1, 1, K + 1],          # 3:   acc = acc & 0xffffffff
    ['ISUB', 0, 0, K + 2],          # 4:   n = n - 1
    ['JUMP', 'L0'],                 # 5
    ['HALT'],                       # 6
], [1103515245, 0xffffffff, 1], [], 2, 0)

# r0 = n; f0 = x, f1 = s, f2 = 3.9 * x, f3 = 1.0 - x
FLOAT_LOOP = assemble('float', [
    ['JLEZ', 0, 'L7'],              # 0: while n > 0:
    ['FMUL', 2, K + 0, 0],          # 1:   t = 3.9 * x
    ['FSUB', 3, K + 1, 0],          # 2:   u = 1.0 - x
    ['FMUL', 0, 2, 3],              # 3:   x = t * u
    ['FADD', 1, 1, 0],              # 4:   s = s + x
    ['ISUB', 0, 0, K + 0],          # 5:   n = n - 1
    ['JUMP', 'L0'],                 # 6
    ['HALT'],                       # 7
], [1], [3.9, 1.0], 1, 4)


USAGE = "usage: loops_vm frame|locals int N [SEED] | frame|locals float N [X0]\n"


def run(machine, code, frame):
    if machine == 'frame':
        interpret_frame(code, frame)
    else:
        # The bundled programs fit; a bigger one would need more locals.
        assert code.nint <= NLOCALS and code.nfloat <= NLOCALS
        interpret_locals(code, frame)


def entry_point(argv):
    if (len(argv) < 4 or argv[1] not in ('frame', 'locals')
            or argv[2] not in ('int', 'float')):
        os.write(2, USAGE.encode())
        return 2
    machine = argv[1]
    n = int(argv[3])
    if argv[2] == 'int':
        seed = 12345
        if len(argv) > 4:
            seed = int(argv[4])
        frame = Frame(INT_LOOP)
        frame.iregs[0] = n
        frame.iregs[1] = seed
        run(machine, INT_LOOP, frame)
        print("int: n=%d seed=%d acc=%d" % (n, seed, frame.iregs[1]))
    else:
        x0 = 0.123
        if len(argv) > 4:
            x0 = float(argv[4])
        frame = Frame(FLOAT_LOOP)
        frame.iregs[0] = n
        frame.fregs[0] = x0
        run(machine, FLOAT_LOOP, frame)
        print("float: n=%d x0=%.17g x=%.17g s=%.17g"
              % (n, x0, frame.fregs[0], frame.fregs[1]))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
