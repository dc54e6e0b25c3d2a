"""strings_vm: a register VM whose hot loop does string work.

JIT features exercised: strings inside traces -- `str(int)`,
concatenation, slicing (prefix, suffix, reversed), indexing to a char,
`==` and `<` on strings and chars, `len`, `find`, `upper`, `int(str)` --
and building output: each of those is a runtime helper (a residual call
in a trace) or a char operation, and many of the strings are short-lived
(allocated in one iteration, dead in the next).  The string constant pool
is reached through an `@elidable` lookup on the green code object, and
the assembler that turns the program text into code also runs at run
time (more string work, outside the JIT).

The interpreted program keeps a sliding window of the last 24 characters
of "i*37%1000:i" records, counts the '7's it sees in it, tracks the
smallest window, collects characters into words that are reversed and
upper-cased, and writes a line every 500 iterations.

Greens `pc, code`; red `frame`.
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

# Every instruction is four ints: opcode, a, b, c.  `iN` operands are int
# registers, `sN` string registers, `[text]` a string constant, bare
# numbers immediates, other names labels.
OPNAMES = ['ICONST',   # iA = B
           'SCONST',   # sA = consts[B]
           'MOVS',     # sA = sB
           'ADD',      # iA = iB + iC
           'ADDI',     # iA = iB + C
           'MULI',     # iA = iB * C
           'MODI',     # iA = iB % C
           'MOD',      # iA = iB % iC
           'ITOA',     # sA = str(iB)
           'ATOI',     # iA = int(sB)
           'CONCAT',   # sA = sB + sC
           'TAIL',     # sA = the last C characters of sB
           'HEAD',     # sA = sB[:iC]
           'REVERSE',  # sA = sB reversed
           'UPPER',    # sA = sB.upper()
           'CHARAT',   # sA = sB[iC]
           'LEN',      # iA = len(sB)
           'FIND',     # iA = sB.find(sC)
           'SEQ',      # iA = 1 if sB == sC else 0
           'SLT',      # iA = 1 if sB < sC else 0
           'JZ',       # if iA == 0: goto B
           'JNZ',      # if iA != 0: goto B
           'JLT',      # if iA < iB: goto C
           'JLTI',     # if iA < B: goto C
           'EMIT',     # output line sA
           'HALT']
OP = {}
for _i in range(len(OPNAMES)):
    OP[OPNAMES[_i]] = _i

ICONST = OP['ICONST']
SCONST = OP['SCONST']
MOVS = OP['MOVS']
ADD = OP['ADD']
ADDI = OP['ADDI']
MULI = OP['MULI']
MODI = OP['MODI']
MOD = OP['MOD']
ITOA = OP['ITOA']
ATOI = OP['ATOI']
CONCAT = OP['CONCAT']
TAIL = OP['TAIL']
HEAD = OP['HEAD']
REVERSE = OP['REVERSE']
UPPER = OP['UPPER']
CHARAT = OP['CHARAT']
LEN = OP['LEN']
FIND = OP['FIND']
SEQ = OP['SEQ']
SLT = OP['SLT']
JZ = OP['JZ']
JNZ = OP['JNZ']
JLT = OP['JLT']
JLTI = OP['JLTI']
EMIT = OP['EMIT']
HALT = OP['HALT']

NREGS = 10


class Code(object):
    _immutable_fields_ = ['name', 'ops[*]', 'consts[*]']

    def __init__(self, name, ops, consts):
        self.name = name
        self.ops = ops
        self.consts = consts


@elidable
def get_const(code, k):
    return code.consts[k]


class Frame(object):
    def __init__(self):
        self.i = [0] * NREGS
        self.s = [''] * NREGS
        self.lines = []


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                   get_printable_location=get_location, name='strings_vm')


def tail(s, n):
    if len(s) > n:
        return s[len(s) - n:]
    return s


def interpret(code, frame):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.ops[pc]
        a = code.ops[pc + 1]
        b = code.ops[pc + 2]
        c = code.ops[pc + 3]
        pc += 4
        if op == ICONST:
            frame.i[a] = b
        elif op == SCONST:
            frame.s[a] = get_const(code, b)
        elif op == MOVS:
            frame.s[a] = frame.s[b]
        elif op == ADD:
            frame.i[a] = frame.i[b] + frame.i[c]
        elif op == ADDI:
            frame.i[a] = frame.i[b] + c
        elif op == MULI:
            frame.i[a] = frame.i[b] * c
        elif op == MODI:
            frame.i[a] = frame.i[b] % c
        elif op == MOD:
            frame.i[a] = frame.i[b] % frame.i[c]
        elif op == ITOA:
            frame.s[a] = str(frame.i[b])
        elif op == ATOI:
            frame.i[a] = int(frame.s[b])
        elif op == CONCAT:
            frame.s[a] = frame.s[b] + frame.s[c]
        elif op == TAIL:
            frame.s[a] = tail(frame.s[b], c)
        elif op == HEAD:
            frame.s[a] = frame.s[b][:frame.i[c]]
        elif op == REVERSE:
            frame.s[a] = frame.s[b][::-1]
        elif op == UPPER:
            frame.s[a] = frame.s[b].upper()
        elif op == CHARAT:
            frame.s[a] = frame.s[b][frame.i[c]]
        elif op == LEN:
            frame.i[a] = len(frame.s[b])
        elif op == FIND:
            frame.i[a] = frame.s[b].find(frame.s[c])
        elif op == SEQ:
            if frame.s[b] == frame.s[c]:
                frame.i[a] = 1
            else:
                frame.i[a] = 0
        elif op == SLT:
            if frame.s[b] < frame.s[c]:
                frame.i[a] = 1
            else:
                frame.i[a] = 0
        elif op == JZ:
            if frame.i[a] == 0:
                if b < pc:
                    driver.can_enter_jit(pc=b, code=code, frame=frame)
                pc = b
        elif op == JNZ:
            if frame.i[a] != 0:
                if b < pc:
                    driver.can_enter_jit(pc=b, code=code, frame=frame)
                pc = b
        elif op == JLT:
            if frame.i[a] < frame.i[b]:
                if c < pc:
                    driver.can_enter_jit(pc=c, code=code, frame=frame)
                pc = c
        elif op == JLTI:
            if frame.i[a] < b:
                if c < pc:
                    driver.can_enter_jit(pc=c, code=code, frame=frame)
                pc = c
        elif op == EMIT:
            frame.lines.append(frame.s[a])
        else:
            return


# ---------------------------------------------------------------------------
# The assembler (run time).

class AsmError(Exception):
    def __init__(self, message):
        self.message = message


def split_operands(line):
    """Whitespace-separated words; a `[...]` word may contain spaces."""
    words = []
    k = 0
    n = len(line)
    while k < n:
        if line[k] == ' ':
            k += 1
            continue
        if line[k] == '[':
            end = line.find(']', k)
            if end < 0:
                raise AsmError("unclosed [ in: " + line)
            words.append(line[k:end + 1])
            k = end + 1
        else:
            end = line.find(' ', k)
            if end < 0:
                end = n
            words.append(line[k:end])
            k = end
    return words


def assemble(name, text):
    lines = []
    labels = {}
    for raw in text.split('\n'):
        line = raw.split(';')[0].strip()
        if line == '':
            continue
        if line.startswith('label '):
            labels[line[6:].strip()] = len(lines) * 4
            continue
        lines.append(line)
    ops = []
    consts = []
    for line in lines:
        words = split_operands(line)
        if words[0] not in OP:
            raise AsmError("unknown opcode: " + words[0])
        ops.append(OP[words[0]])
        operands = words[1:]
        if len(operands) > 3:
            raise AsmError("too many operands: " + line)
        for w in operands:
            if w.startswith('['):
                text = w[1:len(w) - 1]
                if text in consts:
                    ops.append(consts.index(text))
                else:
                    ops.append(len(consts))
                    consts.append(text)
            elif (w[0] == 'i' or w[0] == 's') and len(w) > 1 and w[1:].isdigit():
                ops.append(int(w[1:]))
            elif w in labels:
                ops.append(labels[w])
            else:
                try:
                    ops.append(int(w))
                except ValueError:
                    raise AsmError("bad operand: " + w)
        for k in range(3 - len(operands)):
            ops.append(0)
    return Code(name, ops, consts)


WINDOWS = """
    ICONST i0 0            ; i
    ICONST i1 %d           ; n
    ICONST i2 0            ; sevens
    ICONST i6 0            ; words made
    ICONST i7 0            ; sum of word positions of 'Z' finds
    SCONST s0 []           ; window
    SCONST s1 [~]          ; smallest window
    SCONST s2 []           ; current word
label loop
    MULI i3 i0 37
    MODI i3 i3 1000
    ITOA s3 i3
    SCONST s4 [:]
    CONCAT s3 s3 s4
    ITOA s4 i0
    CONCAT s3 s3 s4        ; s3 = "i*37%%1000:i"
    CONCAT s0 s0 s3
    TAIL s0 s0 24          ; the window: the last 24 characters
    LEN i4 s0
    MOD i5 i0 i4
    CHARAT s5 s0 i5        ; c = window[i %% len(window)]
    SCONST s6 [7]
    SEQ i4 s5 s6
    JZ i4 no7
    ADDI i2 i2 1
label no7
    SLT i4 s0 s1
    JZ i4 notbest
    MOVS s1 s0
label notbest
    SCONST s6 [:]
    SEQ i4 s5 s6
    JNZ i4 noappend        ; colons are not part of words
    CONCAT s2 s2 s5
label noappend
    LEN i4 s2
    JLTI i4 9 noword
    REVERSE s7 s2
    SCONST s8 [w-]
    CONCAT s7 s8 s7
    UPPER s7 s7
    SCONST s8 [9]
    FIND i4 s2 s8
    ADDI i4 i4 1
    ADD i7 i7 i4
    SCONST s2 []
    ADDI i6 i6 1
label noword
    MODI i4 i0 500
    JNZ i4 noemit
    SCONST s8 [i=]
    ITOA s9 i0
    CONCAT s8 s8 s9
    SCONST s9 [ window=]
    CONCAT s8 s8 s9
    CONCAT s8 s8 s0
    SCONST s9 [ word=]
    CONCAT s8 s8 s9
    CONCAT s8 s8 s7
    SCONST s9 [:]
    FIND i4 s3 s9
    HEAD s9 s3 i4          ; the record's first number...
    ATOI i4 s9             ; ... back to an int
    ITOA s9 i4
    SCONST s3 [ head=]
    CONCAT s8 s8 s3
    CONCAT s8 s8 s9
    EMIT s8
label noemit
    ADDI i0 i0 1
    JLT i0 i1 loop
    SCONST s8 [sevens=]
    ITOA s9 i2
    CONCAT s8 s8 s9
    EMIT s8
    SCONST s8 [smallest window=]
    CONCAT s8 s8 s1
    EMIT s8
    SCONST s8 [words=]
    ITOA s9 i6
    CONCAT s8 s8 s9
    SCONST s9 [ finds=]
    CONCAT s8 s8 s9
    ITOA s9 i7
    CONCAT s8 s8 s9
    EMIT s8
    HALT
"""


def checksum(lines):
    h = 0
    for line in lines:
        for ch in line:
            h = (h * 31 + ord(ch)) % 1000000007
    return h


def entry_point(argv):
    try:
        code = assemble('windows', WINDOWS % 3000)
    except AsmError as e:
        print("assembly error: " + e.message)
        return 1
    print("assembled %d instructions, %d string constants" % (
        len(code.ops) // 4, len(code.consts)))
    frame = Frame()
    interpret(code, frame)
    for line in frame.lines:
        print(line)
    print("checksum %d" % checksum(frame.lines))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
