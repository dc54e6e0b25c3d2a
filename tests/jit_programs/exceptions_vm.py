"""exceptions_vm: exceptions raised in traced code, caught inside the loop
body, and an exception crossing the portal.

JIT features exercised:
* a user exception hierarchy (`VMError` > `VMArithmeticError` >
  `VMDivisionByZero`, `VMError` > `VMLookupError` > `VMIndexError`, and
  `VMThrow` carrying a value) raised by helpers the tracer enters and
  caught by a `try/except` in the dispatch loop, which jumps to the
  interpreted program's handler (guard_exception / guard_no_exception
  and resuming into an exception handler);
* built-in exceptions raised by the runtime inside the trace
  (`ZeroDivisionError` from `//`, `IndexError` from a list read) caught in
  a helper and re-raised as VM errors, and a VM error caught in the same
  helper that raised it (`safe_mod`);
* exceptions leaving the portal: the THROW opcode raises `VMThrow`, which
  no handler of the interpreted program catches, so it propagates out of
  `interpret` (the portal) to its caller, `run`, after the loop has been
  running hot (compiled) for thousands of iterations; likewise an
  unhandled VMIndexError at iteration 2000 of another loop; and RETURN
  works the RPython way, by raising `Return` out of the dispatch loop.

Greens `pc, code`, reds `frame, handled`.
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


# ---------------------------------------------------------------------------
# The exception hierarchy of the VM.

class VMError(Exception):
    kind = 0

    def __init__(self, message):
        self.message = message

    def describe(self):
        return "VMError(" + self.message + ")"


class VMArithmeticError(VMError):
    kind = 1

    def describe(self):
        return "ArithmeticError(" + self.message + ")"


class VMDivisionByZero(VMArithmeticError):
    kind = 2

    def describe(self):
        return "DivisionByZero(" + self.message + ")"


class VMLookupError(VMError):
    kind = 3

    def describe(self):
        return "LookupError(" + self.message + ")"


class VMIndexError(VMLookupError):
    kind = 4

    def describe(self):
        return "IndexError(" + self.message + ")"


class VMThrow(VMError):
    """Raised by THROW with a value; never handled inside a program."""
    kind = 5

    def __init__(self, message, value):
        self.message = message
        self.value = value

    def describe(self):
        return "Throw(%s, %d)" % (self.message, self.value)


class Return(Exception):
    """How RETURN leaves the dispatch loop (as in RPython interpreters)."""

    def __init__(self, value):
        self.value = value


# ---------------------------------------------------------------------------
# Opcodes: a register machine, four ints per instruction (op, a, b, c).

SET = 0        # r[a] = b
ADDI = 1       # r[a] += b
ADD = 2        # r[a] = r[b] + r[c]
DIV = 3        # r[a] = r[b] // r[c]      (VMDivisionByZero)
MODI = 4       # r[a] = r[b] % c
LOADT = 5      # r[a] = table[r[b]]       (VMIndexError)
CHECK = 6      # if r[b] > c: raise VMArithmeticError ("overflow")
JLT = 7        # if r[a] < r[b]: goto c
JUMP = 8       # goto a
THROW = 9      # raise VMThrow(r[a])
RET = 10       # return r[a]
COUNT = 11     # r[a] += 1 (used by handlers)

OPNAMES = ['SET', 'ADDI', 'ADD', 'DIV', 'MODI', 'LOADT', 'CHECK', 'JLT',
           'JUMP', 'THROW', 'RET', 'COUNT']

NREGS = 8


class Code(object):
    """A program with its exception table: `handlers[k]` is the pc where an
    error of kind k goes (-1: not handled, propagate)."""
    _immutable_fields_ = ['name', 'ops[*]', 'handlers[*]', 'table[*]']

    def __init__(self, name, ops, handlers, table):
        self.name = name
        self.ops = ops
        self.handlers = handlers
        self.table = table


@elidable
def find_handler(code, kind):
    """The handler pc for an error of `kind`, looking at its own kind
    first and then its base kinds; -1 if none."""
    while kind >= 0:
        pc = code.handlers[kind]
        if pc >= 0:
            return pc
        kind = BASE_KIND[kind]
    return -1


# The kind of each exception class's base (VMError, kind 0, has none).
BASE_KIND = [-1, 0, 1, 0, 3, 0]


class Frame(object):
    def __init__(self):
        self.regs = [0] * NREGS
        self.last_error = ""


def divide(x, y):
    """Floor division; the runtime's ZeroDivisionError, caught here, is
    re-raised as the VM's own error."""
    try:
        return x // y
    except ZeroDivisionError:
        raise VMDivisionByZero("%d // 0" % x)


def load_table(code, index):
    try:
        return code.table[index]
    except IndexError:
        raise VMIndexError("index %d" % index)


def check_limit(value, limit):
    if value > limit:
        raise VMArithmeticError("%d > %d" % (value, limit))
    return value


def safe_mod(x, m):
    """Caught where it is raised: never leaves this helper."""
    try:
        if m == 0:
            raise VMDivisionByZero("mod")
        return x % m
    except VMArithmeticError:
        return -1


def execute(code, frame, pc):
    """Execute the instruction at pc; returns the next pc.  May raise."""
    op = code.ops[pc]
    a = code.ops[pc + 1]
    b = code.ops[pc + 2]
    c = code.ops[pc + 3]
    regs = frame.regs
    if op == SET:
        regs[a] = b
    elif op == ADDI:
        regs[a] += b
    elif op == ADD:
        regs[a] = regs[b] + regs[c]
    elif op == DIV:
        regs[a] = divide(regs[b], regs[c])
    elif op == MODI:
        regs[a] = safe_mod(regs[b], c)
    elif op == LOADT:
        regs[a] = load_table(code, regs[b])
    elif op == CHECK:
        check_limit(regs[b], c)
    elif op == JLT:
        if regs[a] < regs[b]:
            return c
    elif op == JUMP:
        return a
    elif op == THROW:
        raise VMThrow("thrown", regs[a])
    elif op == RET:
        raise Return(regs[a])
    elif op == COUNT:
        regs[a] += 1
    return pc + 4


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame', 'handled'],
                   get_printable_location=get_location,
                   name='exceptions_vm')


def interpret(code, frame):
    """The portal.  Returns the number of handled errors; the program's
    result leaves through `Return`, its uncaught errors as VMError."""
    pc = 0
    handled = 0
    while pc >= 0:
        driver.jit_merge_point(pc=pc, code=code, frame=frame,
                               handled=handled)
        try:
            next_pc = execute(code, frame, pc)
        except VMError as e:
            target = find_handler(code, e.kind)
            if target < 0:
                raise
            handled += 1
            frame.last_error = e.describe()
            next_pc = target
        if next_pc <= pc:
            driver.can_enter_jit(pc=next_pc, code=code, frame=frame,
                                 handled=handled)
        pc = next_pc
    return handled


def run(code):
    """The portal's caller: catches what crosses it."""
    frame = Frame()
    try:
        handled = interpret(code, frame)
        return "fell off (%d handled)" % handled
    except Return as r:
        return "returned %d, last error %s" % (r.value, frame.last_error)
    except VMThrow as e:
        return "uncaught %s after r1=%d, last error %s" % (
            e.describe(), frame.regs[1], frame.last_error)
    except VMError as e:
        return "uncaught %s" % e.describe()


# ---------------------------------------------------------------------------
# Programs (translation time).  Registers: r0 i, r1 acc, r2 n, r3 scratch,
# r4 divisor, r5 errors seen by handlers, r6 index.

def program_divisions(n):
    """for i in 0..n: acc += 1000 // (i % 6 - 2), i.e. every sixth
    iteration divides by zero: the handler counts it in r5.  Also reads
    table[i % 9] (table has 7 entries: an IndexError handled 2 times in 9)
    and adds `safe_mod(i, 0)` = -1 (caught inside the helper)."""
    ops = [
        SET, 0, 0, 0,        # 0: i = 0
        SET, 1, 0, 0,        # 4: acc = 0
        SET, 2, n, 0,        # 8: n
        SET, 5, 0, 0,        # 12: errors = 0
        MODI, 4, 0, 6,       # 16: loop: r4 = i % 6
        ADDI, 4, -2, 0,      # 20: r4 -= 2
        SET, 3, 1000, 0,     # 24: r3 = 1000
        DIV, 3, 3, 4,        # 28: r3 = 1000 // r4     (may raise)
        ADD, 1, 1, 3,        # 32: acc += r3
        MODI, 6, 0, 9,       # 36: r6 = i % 9  (handler 1 resumes here)
        LOADT, 3, 6, 0,      # 40: r3 = table[r6]       (may raise)
        ADD, 1, 1, 3,        # 44: acc += r3
        MODI, 3, 0, 0,       # 48: r3 = safe_mod(i, 0) = -1
        ADD, 1, 1, 3,        # 52: acc += r3            (handler 2 resumes)
        ADDI, 0, 1, 0,       # 56: i += 1
        JLT, 0, 2, 16,       # 60: if i < n: goto loop
        RET, 1, 0, 0,        # 64: return acc
        COUNT, 5, 0, 0,      # 68: handler for division by zero
        JUMP, 36, 0, 0,      # 72
        COUNT, 5, 0, 0,      # 76: handler for lookup errors
        JUMP, 56, 0, 0,      # 80
    ]
    # kinds: 0 VMError, 1 arithmetic, 2 division by zero, 3 lookup, 4 index
    handlers = [-1, -1, 68, 76, -1, -1]
    return Code('divisions', ops, handlers, [5, 10, 20, 40, 80, 160, 320])


def program_throw(n, limit):
    """Count i up; acc += i; CHECK raises VMArithmeticError when acc grows
    past `limit`, handled by resetting acc to 0.  When i reaches n the
    program THROWs acc, which nothing handles: it crosses the portal."""
    ops = [
        SET, 0, 0, 0,        # 0: i = 0
        SET, 1, 0, 0,        # 4: acc = 0
        SET, 2, n, 0,        # 8: n
        ADD, 1, 1, 0,        # 12: loop: acc += i
        CHECK, 0, 1, limit,  # 16: if acc > limit: raise
        ADDI, 0, 1, 0,       # 20: i += 1  (the handler comes back here)
        JLT, 0, 2, 12,       # 24: if i < n: goto loop
        THROW, 1, 0, 0,      # 28: throw acc
        SET, 1, 0, 0,        # 32: handler: acc = 0
        JUMP, 20, 0, 0,      # 36
    ]
    handlers = [-1, 32, -1, -1, -1, -1]
    return Code('throw', ops, handlers, [0])


def program_unhandled_index(n):
    """A loop reading table[i // 50] with no handler: the table has 40
    entries, so at i = 2000 (if n > 2000) a VMIndexError crosses the
    portal, after the loop has run hot for a while."""
    ops = [
        SET, 0, 0, 0,        # 0: i = 0
        SET, 1, 0, 0,        # 4: acc = 0
        SET, 2, n, 0,        # 8: n
        SET, 4, 50, 0,       # 12: r4 = 50
        DIV, 6, 0, 4,        # 16: loop: r6 = i // 50
        LOADT, 3, 6, 0,      # 20: r3 = table[r6]
        ADD, 1, 1, 3,        # 24: acc += r3
        ADDI, 0, 1, 0,       # 28: i += 1
        JLT, 0, 2, 16,       # 32
        RET, 1, 0, 0,        # 36
    ]
    table = []
    for k in range(40):
        table.append(k * k)
    return Code('unhandled', ops, [-1, -1, -1, -1, -1, -1], table)


PROGRAMS = [
    program_divisions(3000),
    program_throw(2500, 100000),
    program_unhandled_index(1500),
    program_unhandled_index(5000),
    program_divisions(50),
]


def entry_point(argv):
    for code in PROGRAMS:
        print("%s: %s" % (code.name, run(code)))
    print("handler for kinds 0-5 in divisions: %d %d %d %d %d %d" % (
        find_handler(PROGRAMS[0], 0), find_handler(PROGRAMS[0], 1),
        find_handler(PROGRAMS[0], 2), find_handler(PROGRAMS[0], 3),
        find_handler(PROGRAMS[0], 4), find_handler(PROGRAMS[0], 5)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
