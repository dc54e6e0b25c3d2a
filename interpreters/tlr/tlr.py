"""TLR: the accumulator/register machine of "Tracing the meta-level" in RPy.

Bolz, Cuni, Fijalkowski, Rigo, "Tracing the meta-level: PyPy's tracing JIT
compiler", ICOOOLPS 2009, uses this machine (its Figure 2) to show what a
meta-tracing JIT makes of a bytecode interpreter with no hints, with the
position hints, and with constant folding of the position.  Lathe bundles it
so that the paper's table (Figure 8) can be recomputed: see README.md here
and bench/examples.py.

    python3 interpreters/tlr/tlr.py [--variant naive|greens|full] N
    lathe translate interpreters/tlr/tlr.py -o tlr-c && ./tlr-c --variant full N

prints N*N, computed by the paper's square program (its Figure 3) running on
the machine.  N must be at least 1: the paper's program counts a register
down to zero and never reaches it from 0 or below.

The machine: an accumulator `a` and 256 integer registers, all starting at 0
except `a`, which holds the argument.  A program is a sequence of opcodes,
some followed by one operand (a register number or a jump target):

    MOV_A_R n      regs[n] = a            MOV_R_A n    a = regs[n]
    ADD_R_TO_A n   a += regs[n]           DECR_A       a -= 1
    SET_A v        a = v                  JUMP_IF_A t  if a != 0: goto t
    RETURN_A       stop; the result is a

(SET_A is not used by the square program; PyPy's own copy of this machine,
rpython/jit/tl/tlr.py, has it.)

The three variants
------------------
One interpreter loop, written three times, each with its own JitDriver and
portal (`interpret_naive`, `interpret_greens`, `interpret_full`); the entry
point picks one at run time.  The paper's benchmarks 2, 3 and 4:

* naive -- no interpreter-specific hints: every variable is red and the
  back-edge the JIT sees is the dispatch loop's own, so a trace is one
  opcode long and guards on that opcode (the paper's Figure 4);
* greens -- `pc` and `bytecode` are green and `can_enter_jit` marks the
  program's backward JUMP_IF_A, so a trace is one iteration of the *user*
  loop (the dispatch loop unrolled 8 times, Figure 6); but the bytecode's
  list is mutable, so every opcode and operand fetch stays in the trace as
  a read plus a guard;
* full -- as greens, and the fetches go through `@elidable` functions:
  with green (constant) arguments they fold, leaving only the work on `a`
  and the registers (Figure 7, "constant folding of green variables").
  The register number is also passed through `promote`.

Untranslated, all hints are no-ops, so the three variants compute the same
thing at the same speed; translated without --jit too (the hints compile to
nothing).  They differ only under the JIT.

RPy rules followed here (DESIGN.md section 3): every variable has one type;
the JitDrivers and the square program are built at module level (translation
time); `if __name__ == "__main__"` runs only on CPython.
"""

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, promote, elidable


# ---------------------------------------------------------------------------
# Opcodes: the paper's numbering where the paper gives one (DECR_A is 7 in
# its Figure 4); the others as in PyPy's tlr.py.

MOV_A_R = 1
MOV_R_A = 2
JUMP_IF_A = 3
SET_A = 4
ADD_R_TO_A = 5
RETURN_A = 6
DECR_A = 7

OPCODE_NAMES = ['?', 'MOV_A_R', 'MOV_R_A', 'JUMP_IF_A', 'SET_A',
                'ADD_R_TO_A', 'RETURN_A', 'DECR_A']
# Opcodes followed by one operand.
HAS_ARG = [False, True, True, True, True, True, False, False]

NUM_REGS = 256


class TLRError(Exception):
    """A malformed program: unknown opcode, or pc out of range."""

    def __init__(self, message):
        self.message = message


class Bytecode(object):
    """A program: a list of ints, opcodes and their operands inline.

    A Bytecode is a green variable in the `greens` and `full` variants.  Its
    list is an ordinary (mutable) list and the class declares no
    `_immutable_fields_`, so the JIT may not assume that reading it twice
    gives the same answer: that is what makes `greens` differ from `full`
    (where the reads are declared pure by `@elidable`).
    """

    def __init__(self, name, code):
        self.name = name
        self.code = code


def assemble(name, text):
    """Build a Bytecode from lines `OPNAME [operand]`; `#` starts a comment.
    Runs at module level, on CPython, at translation time."""
    code = []
    for line in text.split('\n'):
        line = line.split('#')[0].strip()
        if line == '':
            continue
        words = line.split()
        op = OPCODE_NAMES.index(words[0])
        code.append(op)
        if HAS_ARG[op]:
            code.append(int(words[1]))
    return Bytecode(name, code)


# The paper's Figure 3: a = a * a, by adding a to a result a times.
# Register 0 is the counter i, register 1 a copy of a, register 2 the
# result res.  The loop starts at offset 4.
SQUARE = assemble('square', """
    MOV_A_R 0       # i = a
    MOV_A_R 1       # copy of a
    MOV_R_A 0       # 4: i -= 1
    DECR_A
    MOV_A_R 0
    MOV_R_A 2       # res += a
    ADD_R_TO_A 1
    MOV_A_R 2
    MOV_R_A 0       # if i != 0: goto 4
    JUMP_IF_A 4
    MOV_R_A 2       # return res
    RETURN_A
""")


def get_location(pc, bytecode):
    """For JIT logs: `square:4 MOV_R_A`.  Called with the greens."""
    op = bytecode.code[pc]
    name = '?'
    if 0 < op < len(OPCODE_NAMES):
        name = OPCODE_NAMES[op]
    return "%s:%d %s" % (bytecode.name, pc, name)


def bad_opcode(op, pc):
    return TLRError("unknown opcode %d at %d" % (op, pc))


# ---------------------------------------------------------------------------
# Variant 1, naive: no interpreter-specific hints.  A JitDriver is still
# needed to have a JIT at all; with no greens, every variable is red, and
# with can_enter_jit at the end of every dispatch iteration the JIT sees
# the interpreter's own loop as the hot loop, as a tracing JIT that knows
# nothing about the interpreter would.  Each trace then covers one opcode
# and starts with a guard on which opcode it was (the paper's Figure 4);
# the next opcode is different, so that guard fails almost every time.

naive_driver = JitDriver(greens=[], reds=['pc', 'a', 'regs', 'bytecode'],
                         name='tlr_naive')


def interpret_naive(bytecode, a):
    regs = [0] * NUM_REGS
    pc = 0
    while True:
        naive_driver.jit_merge_point(pc=pc, a=a, regs=regs, bytecode=bytecode)
        opcode = bytecode.code[pc]
        pc += 1
        if opcode == JUMP_IF_A:
            target = bytecode.code[pc]
            pc += 1
            if a != 0:
                pc = target
        elif opcode == MOV_A_R:
            n = bytecode.code[pc]
            pc += 1
            regs[n] = a
        elif opcode == MOV_R_A:
            n = bytecode.code[pc]
            pc += 1
            a = regs[n]
        elif opcode == ADD_R_TO_A:
            n = bytecode.code[pc]
            pc += 1
            a += regs[n]
        elif opcode == DECR_A:
            a -= 1
        elif opcode == SET_A:
            a = bytecode.code[pc]
            pc += 1
        elif opcode == RETURN_A:
            return a
        else:
            raise bad_opcode(opcode, pc - 1)
        # The dispatch loop's back-edge: the only loop this variant shows.
        naive_driver.can_enter_jit(pc=pc, a=a, regs=regs, bytecode=bytecode)


# ---------------------------------------------------------------------------
# Variant 2, greens: the paper's Figure 5.  `pc` and `bytecode` say where
# we are in the user program; a trace is keyed by them and closes when they
# come round again, i.e. after one iteration of the user's loop.
# can_enter_jit sits only at a backward JUMP_IF_A, the one instruction
# that can set pc to an earlier value.

greens_driver = JitDriver(greens=['pc', 'bytecode'], reds=['a', 'regs'],
                          get_printable_location=get_location,
                          name='tlr_greens')


def interpret_greens(bytecode, a):
    regs = [0] * NUM_REGS
    pc = 0
    while True:
        greens_driver.jit_merge_point(pc=pc, bytecode=bytecode, a=a, regs=regs)
        opcode = bytecode.code[pc]
        pc += 1
        if opcode == JUMP_IF_A:
            target = bytecode.code[pc]
            pc += 1
            if a != 0:
                if target < pc:
                    greens_driver.can_enter_jit(pc=target, bytecode=bytecode,
                                                a=a, regs=regs)
                pc = target
        elif opcode == MOV_A_R:
            n = bytecode.code[pc]
            pc += 1
            regs[n] = a
        elif opcode == MOV_R_A:
            n = bytecode.code[pc]
            pc += 1
            a = regs[n]
        elif opcode == ADD_R_TO_A:
            n = bytecode.code[pc]
            pc += 1
            a += regs[n]
        elif opcode == DECR_A:
            a -= 1
        elif opcode == SET_A:
            a = bytecode.code[pc]
            pc += 1
        elif opcode == RETURN_A:
            return a
        else:
            raise bad_opcode(opcode, pc - 1)


# ---------------------------------------------------------------------------
# Variant 3, full: greens, plus the fetches declared pure.  `pc` and
# `bytecode` are constants inside a trace, so with `@elidable` the fetch
# below folds to the opcode or operand itself: the dispatch chain and the
# pc arithmetic vanish from the trace, which keeps only the reads and
# writes of `a` and `regs` (the paper's Figure 7).  The @elidable promise
# holds because nothing writes to a Bytecode's list after `assemble`.

full_driver = JitDriver(greens=['pc', 'bytecode'], reds=['a', 'regs'],
                        get_printable_location=get_location,
                        name='tlr_full')


@elidable
def fetch(bytecode, pc):
    """bytecode.code[pc], declared pure: same arguments, same result."""
    return bytecode.code[pc]


def register(bytecode, pc):
    """The register number operand at `pc`.  `promote` makes it a trace
    constant whatever happens to the fetch: the register file is then
    indexed by constants (regs[0], regs[1], regs[2] in the square program),
    which the optimizer can treat as three separate cached locations.  With
    the elidable fetch folded it is already constant, and promoting a
    constant records no guard, so the hint costs nothing."""
    return promote(fetch(bytecode, pc))


def interpret_full(bytecode, a):
    regs = [0] * NUM_REGS
    pc = 0
    while True:
        full_driver.jit_merge_point(pc=pc, bytecode=bytecode, a=a, regs=regs)
        opcode = fetch(bytecode, pc)
        pc += 1
        if opcode == JUMP_IF_A:
            target = fetch(bytecode, pc)
            pc += 1
            if a != 0:
                if target < pc:
                    full_driver.can_enter_jit(pc=target, bytecode=bytecode,
                                              a=a, regs=regs)
                pc = target
        elif opcode == MOV_A_R:
            n = register(bytecode, pc)
            pc += 1
            regs[n] = a
        elif opcode == MOV_R_A:
            n = register(bytecode, pc)
            pc += 1
            a = regs[n]
        elif opcode == ADD_R_TO_A:
            n = register(bytecode, pc)
            pc += 1
            a += regs[n]
        elif opcode == DECR_A:
            a -= 1
        elif opcode == SET_A:
            a = fetch(bytecode, pc)
            pc += 1
        elif opcode == RETURN_A:
            return a
        else:
            raise bad_opcode(opcode, pc - 1)


# ---------------------------------------------------------------------------
# Entry point.

VARIANTS = ['naive', 'greens', 'full']
USAGE = "usage: tlr [--variant naive|greens|full] N   (N >= 1; prints N*N)"


def error(message):
    os.write(2, ("tlr: " + message + "\n").encode())


def run(variant, bytecode, a):
    """Run `bytecode` on accumulator `a` with the portal of `variant`."""
    if variant == 'naive':
        return interpret_naive(bytecode, a)
    if variant == 'greens':
        return interpret_greens(bytecode, a)
    return interpret_full(bytecode, a)


def entry_point(argv):
    """Returns the exit code: 0 on success, 1 for a bad program, 2 for bad
    usage."""
    variant = 'full'
    args = argv[1:]
    if len(args) == 3 and args[0] == '--variant':
        variant = args[1]
        args = args[2:]
    if len(args) != 1 or variant not in VARIANTS:
        error(USAGE)
        return 2
    try:
        n = int(args[0])
    except ValueError:
        error(USAGE)
        return 2
    if n < 1:
        error(USAGE)
        return 2
    try:
        result = run(variant, SQUARE, n)
    except TLRError as e:
        error(e.message)
        return 1
    os.write(1, ("%d\n" % result).encode())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
