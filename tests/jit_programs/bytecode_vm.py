"""bytecode_vm: a small stack bytecode VM with a constant pool and labels.

JIT features exercised:
* greens `pc, code`, red `frame`; `can_enter_jit` on backward JUMPs;
* `@elidable` lookups with green arguments: `get_const(code, k)` (the
  constant pool) and `label_target(code, n)` (jump labels are numbers,
  resolved through the code's label table), which fold in a trace;
* `promote` on a value read from the frame: the stack depth `frame.sp`,
  constant at any given pc, so stack accesses get constant indices;
  and the frame's `base` (set once per run, read in the loop), promoted
  so the MOD_BASE arithmetic is specialised on it;
* reads of `_immutable_fields_` (`ops[*]`, `consts[*]`, `labels[*]`) on
  the green code object.

Three programs run: a sum of squares modulo the frame's base (one hot
loop, run twice with different bases), a GCD over many pairs (a loop with
an inner loop), and Collatz sequences (a loop whose body branches on
parity).
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

from rlib.jit import JitDriver, elidable, promote

OPNAMES = ['LOAD_CONST', 'LOAD', 'STORE', 'ADD', 'SUB', 'MUL', 'DIV', 'MOD',
           'MOD_BASE', 'LT', 'EQ', 'JUMP', 'JUMP_IF_FALSE', 'DUP', 'POP',
           'PRINT', 'RETURN']
OP = {}
for _i in range(len(OPNAMES)):
    OP[OPNAMES[_i]] = _i
HAS_ARG = ['LOAD_CONST', 'LOAD', 'STORE', 'JUMP', 'JUMP_IF_FALSE']

LOAD_CONST = OP['LOAD_CONST']
LOAD = OP['LOAD']
STORE = OP['STORE']
ADD = OP['ADD']
SUB = OP['SUB']
MUL = OP['MUL']
DIV = OP['DIV']
MOD = OP['MOD']
MOD_BASE = OP['MOD_BASE']
LT = OP['LT']
EQ = OP['EQ']
JUMP = OP['JUMP']
JUMP_IF_FALSE = OP['JUMP_IF_FALSE']
DUP = OP['DUP']
POP = OP['POP']
PRINT = OP['PRINT']
RETURN = OP['RETURN']


class Code(object):
    """An assembled program: opcodes with inline operands, a constant pool
    and a label table (label number -> pc).  Green, and immutable."""
    _immutable_fields_ = ['name', 'ops[*]', 'consts[*]', 'labels[*]',
                          'nlocals']

    def __init__(self, name, ops, consts, labels, nlocals):
        self.name = name
        self.ops = ops
        self.consts = consts
        self.labels = labels
        self.nlocals = nlocals


@elidable
def get_const(code, k):
    """Constant number `k` of `code`'s pool."""
    return code.consts[k]


@elidable
def label_target(code, n):
    """The pc of label number `n`."""
    return code.labels[n]


class Frame(object):
    """Run-time state: the value stack, the locals, and `base`, a modulus
    fixed for one run (read in the loop, promoted)."""

    def __init__(self, code, base):
        self.stack = [0] * 8
        self.sp = 0
        self.locals = [0] * code.nlocals
        self.base = base
        self.printed = []

    def push(self, v):
        sp = promote(self.sp)
        self.stack[sp] = v
        self.sp = sp + 1

    def pop(self):
        sp = promote(self.sp) - 1
        self.sp = sp
        return self.stack[sp]


def get_location(pc, code):
    op = code.ops[pc]
    return "%s:%d %s" % (code.name, pc, OPNAMES[op])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   get_printable_location=get_location, name='bytecode_vm')


def interpret(code, frame):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        if op == LOAD_CONST:
            frame.push(get_const(code, code.ops[pc + 1]))
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
            frame.push(a + b)
            pc += 1
        elif op == SUB:
            b = frame.pop()
            a = frame.pop()
            frame.push(a - b)
            pc += 1
        elif op == MUL:
            b = frame.pop()
            a = frame.pop()
            frame.push(a * b)
            pc += 1
        elif op == DIV:
            b = frame.pop()
            a = frame.pop()
            frame.push(a // b)
            pc += 1
        elif op == MOD:
            b = frame.pop()
            a = frame.pop()
            frame.push(a % b)
            pc += 1
        elif op == MOD_BASE:
            base = promote(frame.base)
            frame.push(frame.pop() % base)
            pc += 1
        elif op == LT:
            b = frame.pop()
            a = frame.pop()
            if a < b:
                frame.push(1)
            else:
                frame.push(0)
            pc += 1
        elif op == EQ:
            b = frame.pop()
            a = frame.pop()
            if a == b:
                frame.push(1)
            else:
                frame.push(0)
            pc += 1
        elif op == JUMP:
            target = label_target(code, code.ops[pc + 1])
            if target < pc:
                driver.can_enter_jit(pc=target, code=code, frame=frame)
            pc = target
        elif op == JUMP_IF_FALSE:
            if frame.pop() == 0:
                pc = label_target(code, code.ops[pc + 1])
            else:
                pc += 2
        elif op == DUP:
            v = frame.pop()
            frame.push(v)
            frame.push(v)
            pc += 1
        elif op == POP:
            frame.pop()
            pc += 1
        elif op == PRINT:
            frame.printed.append(frame.pop())
            pc += 1
        elif op == RETURN:
            return frame.pop()
        else:
            raise ValueError("bad opcode")


# ---------------------------------------------------------------------------
# An assembler (runs at run time): `label N` lines define labels, other
# lines are `OPNAME [operand]`; LOAD_CONST takes the constant's value and
# interns it into the pool.

class AssemblyError(Exception):
    def __init__(self, message):
        self.message = message


def assemble(name, text, nlocals):
    ops = []
    consts = []
    labels = [-1] * 16
    for line in text.split('\n'):
        line = line.split('#')[0].strip()
        if line == '':
            continue
        words = line.split()
        if words[0] == 'label':
            labels[int(words[1])] = len(ops)
            continue
        if words[0] not in OP:
            raise AssemblyError("unknown opcode " + words[0])
        ops.append(OP[words[0]])
        if words[0] in HAS_ARG:
            arg = int(words[1])
            if words[0] == 'LOAD_CONST':
                if arg in consts:
                    k = consts.index(arg)
                else:
                    k = len(consts)
                    consts.append(arg)
                arg = k
            ops.append(arg)
    return Code(name, ops, consts, labels, nlocals)


# locals: 0 i, 1 total.  total = sum((i*i) % base) for i < n, printing
# the running total every 1000 iterations.
SUM_SQUARES = """
    LOAD_CONST 0
    STORE 0
    LOAD_CONST 0
    STORE 1
label 0
    LOAD 0
    LOAD_CONST %d
    LT
    JUMP_IF_FALSE 1
    LOAD 0
    DUP
    MUL
    MOD_BASE
    LOAD 1
    ADD
    STORE 1
    LOAD 0
    LOAD_CONST 1000
    MOD
    LOAD_CONST 999
    EQ
    JUMP_IF_FALSE 2
    LOAD 1
    PRINT
label 2
    LOAD 0
    LOAD_CONST 1
    ADD
    STORE 0
    JUMP 0
label 1
    LOAD 1
    RETURN
"""

# locals: 0 k, 1 a, 2 b, 3 t, 4 acc.  acc = sum(gcd(k*7+3, k*5+11))
# for 1 <= k < n (Euclid by repeated modulo: an inner loop).
GCD_SUM = """
    LOAD_CONST 1
    STORE 0
    LOAD_CONST 0
    STORE 4
label 0
    LOAD 0
    LOAD_CONST %d
    LT
    JUMP_IF_FALSE 1
    LOAD 0
    LOAD_CONST 7
    MUL
    LOAD_CONST 3
    ADD
    STORE 1
    LOAD 0
    LOAD_CONST 5
    MUL
    LOAD_CONST 11
    ADD
    STORE 2
label 2
    LOAD 2
    LOAD_CONST 0
    EQ
    JUMP_IF_FALSE 3
    LOAD 1
    LOAD 4
    ADD
    STORE 4
    LOAD 0
    LOAD_CONST 1
    ADD
    STORE 0
    JUMP 0
label 3
    LOAD 1
    LOAD 2
    MOD
    STORE 3
    LOAD 2
    STORE 1
    LOAD 3
    STORE 2
    JUMP 2
label 1
    LOAD 4
    RETURN
"""

# locals: 0 n, 1 steps, 2 odd.  Collatz from n, counting steps and odd
# steps: the loop body branches on parity.  Returns steps * 1000 + odd.
COLLATZ = """
    LOAD_CONST %d
    STORE 0
    LOAD_CONST 0
    STORE 1
    LOAD_CONST 0
    STORE 2
label 0
    LOAD 0
    LOAD_CONST 1
    EQ
    JUMP_IF_FALSE 1
    LOAD 1
    LOAD_CONST 1000
    MUL
    LOAD 2
    ADD
    RETURN
label 1
    LOAD 1
    LOAD_CONST 1
    ADD
    STORE 1
    LOAD 0
    LOAD_CONST 2
    MOD
    JUMP_IF_FALSE 2
    LOAD 0
    LOAD_CONST 3
    MUL
    LOAD_CONST 1
    ADD
    STORE 0
    LOAD 2
    LOAD_CONST 1
    ADD
    STORE 2
    JUMP 0
label 2
    LOAD 0
    LOAD_CONST 2
    DIV
    STORE 0
    JUMP 0
"""


def collatz_reference(start):
    """Collatz in plain RPy, outside the VM: checks the VM's answer."""
    n = start
    steps = 0
    odd = 0
    while n != 1:
        steps += 1
        if n % 2 == 1:
            n = 3 * n + 1
            odd += 1
        else:
            n = n // 2
    return steps * 1000 + odd


def run(code, base):
    frame = Frame(code, base)
    result = interpret(code, frame)
    return result, frame.printed


def entry_point(argv):
    # An optional argument scales the loops (bench/jit_opts.py times them).
    scale = 1
    if len(argv) > 1:
        scale = int(argv[1])
    try:
        squares = assemble('sum_squares', SUM_SQUARES % (2500 * scale), 2)
        gcds = assemble('gcd_sum', GCD_SUM % (800 * scale), 5)
    except AssemblyError as e:
        print("assembly error: " + e.message)
        return 1
    for base in [97, 1000003]:
        result, printed = run(squares, base)
        print("sum_squares base %d: %d" % (base, result))
        line = []
        for v in printed:
            line.append(str(v))
        print("  checkpoints: " + " ".join(line))
    result, printed = run(gcds, 1)
    print("gcd_sum: %d" % result)
    for start in [27, 97, 871, 77031]:
        collatz = assemble('collatz', COLLATZ % start, 3)
        result, printed = run(collatz, 1)
        ok = 'ok'
        if result != collatz_reference(start):
            ok = 'WRONG'
        print("collatz %d: %d steps, %d odd (%s)" % (start, result // 1000,
                                                    result % 1000, ok))
    print("code sizes: %d %d, pools: %d %d" % (len(squares.ops), len(gcds.ops),
                                               len(squares.consts),
                                               len(gcds.consts)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
