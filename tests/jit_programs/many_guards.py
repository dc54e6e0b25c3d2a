"""many_guards: a hot loop that leaves through many different guards.

JIT features exercised: guards and bridges.  The interpreted program's
loop body is a chain of data-dependent branches -- on i % 7, i % 13,
i % 3, thresholds on i that flip once during the run (i > 2500,
i > 4000), a test on acc % 5 -- and two opcodes branch inside their own
implementation (STEP runs a Collatz step: even or odd, reset at 1; CLAMP
folds acc back into range from above or below).  Whatever path the first
trace takes, the others exit through guards; those that fail often
(i % 7 != 0 fails one iteration in seven, the thresholds fail every
iteration once crossed) get bridges, and bridges have guards of their
own.  The output (a line every 1000 iterations, and the final state)
depends on every path being taken correctly.

Greens `pc, code`; red `frame`.  The program is assembled at
translation time (module level).
"""

# expect: default: loops >= 1
# expect: default: bridges >= 1
# expect: default: guard failures >= 1
# expect: threshold=1: loops >= 1

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver

# Four ints per instruction: opcode, a, b, c.
OPNAMES = ['SETI',    # rA = B
           'ADDI',    # rA = rB + C
           'ADD',     # rA = rB + rC
           'SUB',     # rA = rB - rC
           'XOR',     # rA = rB ^ rC
           'MODI',    # rA = rB % C
           'JEQI',    # if rA == B: goto C
           'JNEI',    # if rA != B: goto C
           'JLTI',    # if rA < B: goto C
           'JGTI',    # if rA > B: goto C
           'JLT',     # if rA < rB: goto C
           'JUMP',    # goto A
           'STEP',    # rA = Collatz step of rA (restart from rB + 2 at 1)
           'CLAMP',   # bring rA into [0, B)
           'PRINT',   # output rA, rB, rC
           'HALT']
OP = {}
for _i in range(len(OPNAMES)):
    OP[OPNAMES[_i]] = _i

SETI = OP['SETI']
ADDI = OP['ADDI']
ADD = OP['ADD']
SUB = OP['SUB']
XOR = OP['XOR']
MODI = OP['MODI']
JEQI = OP['JEQI']
JNEI = OP['JNEI']
JLTI = OP['JLTI']
JGTI = OP['JGTI']
JLT = OP['JLT']
JUMP = OP['JUMP']
STEP = OP['STEP']
CLAMP = OP['CLAMP']
PRINT = OP['PRINT']
HALT = OP['HALT']

# Branches whose target is operand C (the others: JUMP's is A).
BRANCH_C = [JEQI, JNEI, JLTI, JGTI, JLT]


class Code(object):
    _immutable_fields_ = ['name', 'ops[*]']

    def __init__(self, name, ops):
        self.name = name
        self.ops = ops


class Frame(object):
    def __init__(self):
        self.r = [0] * 8
        self.out = []


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   get_printable_location=get_location, name='many_guards')


def collatz_step(x, restart):
    if x <= 1:
        return restart
    if x % 2 == 0:
        return x // 2
    return 3 * x + 1


def clamp(x, limit):
    if x >= limit:
        return x - limit
    if x < 0:
        return x + limit
    return x


def interpret(code, frame):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        a = code.ops[pc + 1]
        b = code.ops[pc + 2]
        c = code.ops[pc + 3]
        r = frame.r
        next_pc = pc + 4
        if op == SETI:
            r[a] = b
        elif op == ADDI:
            r[a] = r[b] + c
        elif op == ADD:
            r[a] = r[b] + r[c]
        elif op == SUB:
            r[a] = r[b] - r[c]
        elif op == XOR:
            r[a] = r[b] ^ r[c]
        elif op == MODI:
            r[a] = r[b] % c
        elif op == JEQI:
            if r[a] == b:
                next_pc = c
        elif op == JNEI:
            if r[a] != b:
                next_pc = c
        elif op == JLTI:
            if r[a] < b:
                next_pc = c
        elif op == JGTI:
            if r[a] > b:
                next_pc = c
        elif op == JLT:
            if r[a] < r[b]:
                next_pc = c
        elif op == JUMP:
            next_pc = a
        elif op == STEP:
            r[a] = collatz_step(r[a], r[b] + 2)
        elif op == CLAMP:
            r[a] = clamp(r[a], b)
        elif op == PRINT:
            frame.out.append("%d %d %d" % (r[a], r[b], r[c]))
        else:
            return
        if next_pc < pc:
            driver.can_enter_jit(pc=next_pc, code=code, frame=frame)
        pc = next_pc


# ---------------------------------------------------------------------------
# The assembler and the program (both run at translation time).

def assemble(name, text):
    lines = []
    labels = {}
    for raw in text.split('\n'):
        line = raw.split(';')[0].strip()
        if line == '':
            continue
        if line.endswith(':'):
            labels[line[:-1]] = len(lines) * 4
            continue
        lines.append(line.split())
    ops = []
    for words in lines:
        ops.append(OP[words[0]])
        for w in words[1:]:
            if w in labels:
                ops.append(labels[w])
            elif w[0] == 'r':
                ops.append(int(w[1:]))
            else:
                ops.append(int(w))
        for k in range(4 - len(words)):
            ops.append(0)
    return Code(name, ops)


# Registers: r0 i, r1 n, r2 acc, r3 scratch, r4 count, r5 x (Collatz),
# r6 mixed, r7 printed lines.
BRANCHY = assemble('branchy', """
        SETI r0 0
        SETI r1 6000
        SETI r2 0
        SETI r4 0
        SETI r5 27
        SETI r6 1
    loop:
        MODI r3 r0 7
        JEQI r3 0 seven
        ADD r2 r2 r3            ; acc += i % 7
        JUMP after7
    seven:
        ADDI r2 r2 11           ; every 7th: acc += 11
    after7:
        MODI r3 r0 13
        JNEI r3 0 not13
        XOR r2 r2 r0            ; every 13th: acc ^= i
    not13:
        JGTI r3 3 small13
        ADDI r4 r4 1            ; count i % 13 in 0..3
    small13:
        JGTI r0 2500 late
        ADDI r6 r6 3
        JUMP afterlate
    late:
        JGTI r0 4000 verylate
        SUB r6 r6 r3
        JUMP afterlate
    verylate:
        XOR r6 r6 r3
    afterlate:
        MODI r3 r2 5
        JNEI r3 3 not3
        ADDI r2 r2 7            ; acc % 5 == 3: acc += 7
    not3:
        MODI r3 r0 3
        JEQI r3 1 skipstep
        STEP r5 r0              ; two steps in three
    skipstep:
        ADD r2 r2 r5
        CLAMP r2 100000
        CLAMP r6 1000
        MODI r3 r0 1000
        JNEI r3 999 noprint
        PRINT r2 r4 r6
    noprint:
        ADDI r0 r0 1
        JLT r0 r1 loop
        PRINT r2 r5 r6
        HALT
""")


def entry_point(argv):
    frame = Frame()
    interpret(BRANCHY, frame)
    for line in frame.out:
        print(line)
    print("counted %d, collatz at %d, %d instructions" % (
        frame.r[4], frame.r[5], len(BRANCHY.ops) // 4))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
