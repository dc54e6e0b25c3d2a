"""A Brainfuck interpreter in RPy, with JIT hints: Lathe's bundled example.

Run it untranslated on CPython (slow, but it works -- the hints are no-ops):

    python3 interpreters/bf/bf.py interpreters/bf/examples/hello.b

or translate it into a native VM with a tracing JIT (DESIGN.md section 1):

    lathe translate --jit interpreters/bf/bf.py -o bf-c
    ./bf-c interpreters/bf/examples/long.b

Brainfuck has eight commands acting on a tape of byte cells and a pointer:

    >  move the pointer right          <  move the pointer left
    +  increment the cell (mod 256)    -  decrement the cell (mod 256)
    .  output the cell as a byte       ,  read a byte into the cell
    [  if the cell is 0, jump past the matching ]
    ]  if the cell is not 0, jump back to just after the matching [

Every other character is a comment.  Choices this interpreter makes:
the tape starts with 1024 zero cells and grows to the right on demand;
moving left of cell 0 is an error; `,` at end of input stores 0 (so the
classic `,[.,]` copies its input and stops).  Output is bytes 0-127 written with `chr(v).encode()` (strings are
bytes in the translated VM, so a cell >= 128 is written as one raw byte
there but UTF-8-encoded on CPython; the bundled programs print ASCII only).

How the JIT sees this program
-----------------------------
`mainloop` is the *portal*: its `while` loop is the interpreter's dispatch
loop, marked by `jitdriver.jit_merge_point` at the top.  The JIT needs to
know which variables say *where we are in the Brainfuck program* -- the
greens, `pc` and `program` -- and which hold the rest of the state -- the
reds, `ptr` and `tape`.  When the Brainfuck program jumps backwards (a `]`
that loops), `jitdriver.can_enter_jit` counts how hot that loop is; once
hot, the JIT records one iteration of the interpreter running it (a trace),
optimises it and compiles it to machine code.  Inside a trace the greens
are constants, so `program.code[pc]` folds to a known command and the whole
`if/elif` dispatch disappears; `get_matching_bracket` is `@elidable` and
its arguments are constants, so bracket lookups fold too.  What remains is
the tape traffic: the loop body of `[->+<]` becomes a handful of machine
instructions.

RPy rules followed here (DESIGN.md section 3): every variable has one type;
module-level code (the JitDriver, the prebuilt `output` buffer) runs at
translation time; everything reachable from `entry_point` is plain typable
code; `if __name__ == "__main__"` runs only on CPython.
"""

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib` package
    # importable.  (At translation time `__name__` is not "__main__", so the
    # translator never sees this.)
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, elidable


# ---------------------------------------------------------------------------
# The program: its code and its bracket map, both immutable once built.

class BracketMap(object):
    """For every `[` and `]` position, the position of its partner.

    `_immutable_fields_ = ['map[*]']` promises the JIT that neither the
    `map` field nor the list's items ever change after construction, so a
    read from a constant BracketMap is itself a constant.
    """
    _immutable_fields_ = ['map[*]']

    def __init__(self, targets):
        self.map = targets


class Program(object):
    """A parsed Brainfuck program: its commands and its bracket map.

    A Program is a green variable: the JIT keys compiled loops by
    (pc, program) and treats both as constants inside a trace.
    """
    _immutable_fields_ = ['code', 'bracket_map']

    def __init__(self, code, bracket_map):
        self.code = code
        self.bracket_map = bracket_map


class BFError(Exception):
    """A malformed program or a runtime fault (pointer moved off the tape)."""

    def __init__(self, message):
        self.message = message


def parse(text):
    """Keep only the eight commands and match the brackets.

    Raises BFError for an unmatched bracket.  Runs once, before the main
    loop, so it needs no JIT hints.
    """
    commands = []
    targets = []
    open_stack = []
    for c in text:
        if c in '<>+-.,[]':
            pc = len(commands)
            commands.append(c)
            targets.append(-1)
            if c == '[':
                open_stack.append(pc)
            elif c == ']':
                if len(open_stack) == 0:
                    raise BFError("unmatched ']' at command %d" % pc)
                left = open_stack.pop()
                targets[left] = pc
                targets[pc] = left
    if len(open_stack) > 0:
        raise BFError("unmatched '[' at command %d" % open_stack[-1])
    return Program(''.join(commands), BracketMap(targets))


@elidable
def get_matching_bracket(bracket_map, pc):
    """The position of the bracket matching the one at `pc`.

    `@elidable`: same arguments, same result, no side effects.  In a trace
    both arguments are constants (they come from the greens), so the JIT
    replaces the call by its result.
    """
    return bracket_map.map[pc]


def get_location(pc, program):
    """Describe a position for JIT logs: the command at `pc` between its
    neighbours, e.g. `12: +[->_+_<]`.  Called with the greens."""
    code = program.code
    start = pc - 8
    if start < 0:
        start = 0
    stop = pc + 9
    if stop > len(code):
        stop = len(code)
    return "%d: %s_%s_%s" % (pc, code[start:pc], code[pc], code[pc + 1:stop])


jitdriver = JitDriver(greens=['pc', 'program'], reds=['ptr', 'tape'],
                      get_printable_location=get_location, name='bf')


# ---------------------------------------------------------------------------
# Run-time state: the tape, and an output buffer.

class Tape(object):
    """The cells.  The pointer is kept outside, as the red variable `ptr`,
    so the JIT can keep it in a register."""

    def __init__(self):
        self.cells = [0] * 1024

    def get(self, ptr):
        return self.cells[ptr]

    def set(self, ptr, value):
        self.cells[ptr] = value

    def ensure(self, ptr):
        """Make sure cell `ptr` exists (the tape is unbounded to the right).

        Split in two for the JIT: the tracer does not inline a function that
        contains a loop (it would unroll it), so `grow_to`'s loop stays a
        call in traces -- but this check, without a loop, is inlined, and
        the call happens only when the tape really grows."""
        if ptr >= len(self.cells):
            self.grow_to(ptr)

    def grow_to(self, ptr):
        while ptr >= len(self.cells):
            self.cells.append(0)


class OutputBuffer(object):
    """Collects output characters and writes them to fd 1 in one go.

    There is a single prebuilt instance, `output`, made at module level.
    Module globals are constants in RPy, so mutable global state lives in a
    prebuilt instance like this one rather than in a global variable.
    """

    def __init__(self):
        self.chars = []

    def write(self, c):
        self.chars.append(c)
        if len(self.chars) >= 4096:
            self.flush()

    def flush(self):
        if len(self.chars) > 0:
            os.write(1, ''.join(self.chars).encode())
            self.chars = []


output = OutputBuffer()


def read_byte():
    """One byte from fd 0 as an int, or -1 at end of input.  (On CPython
    the input must be ASCII: `.decode()` is UTF-8 there, the identity
    translated.)"""
    s = os.read(0, 1).decode()
    if len(s) == 0:
        return -1
    return ord(s[0])


# ---------------------------------------------------------------------------
# The interpreter's main loop: the portal of the JIT.

def mainloop(program, tape):
    pc = 0
    ptr = 0
    while pc < len(program.code):
        # Every variable live here is named: greens first, then reds.
        jitdriver.jit_merge_point(pc=pc, program=program, ptr=ptr, tape=tape)
        c = program.code[pc]
        if c == '>':
            ptr += 1
            tape.ensure(ptr)
        elif c == '<':
            ptr -= 1
            if ptr < 0:
                raise BFError("pointer moved left of cell 0 at command %d" % pc)
        elif c == '+':
            tape.set(ptr, (tape.get(ptr) + 1) & 255)
        elif c == '-':
            tape.set(ptr, (tape.get(ptr) - 1) & 255)
        elif c == '.':
            output.write(chr(tape.get(ptr)))
        elif c == ',':
            output.flush()          # show any prompt before blocking
            v = read_byte()
            if v < 0:
                v = 0               # end of input reads as 0
            tape.set(ptr, v)
        elif c == '[':
            if tape.get(ptr) == 0:
                pc = get_matching_bracket(program.bracket_map, pc)
        elif c == ']':
            if tape.get(ptr) != 0:
                # A backward jump: the end of a Brainfuck-level loop.  Tell
                # the JIT where we go next (just after the matching '['),
                # with the same variables as at the merge point.
                pc = get_matching_bracket(program.bracket_map, pc) + 1
                jitdriver.can_enter_jit(pc=pc, program=program, ptr=ptr,
                                        tape=tape)
                continue
        pc += 1
    output.flush()


# ---------------------------------------------------------------------------
# Reading the program file, and the entry point.

def read_file(path):
    """The whole file as a string, read with os.open/os.read (RPy has no
    `open()`).  Raises OSError if the file cannot be read."""
    fd = os.open(path, os.O_RDONLY, 0o777)
    try:
        data = os.read(fd, 65536)
        while True:
            chunk = os.read(fd, 65536)
            if len(chunk) == 0:
                break
            data = data + chunk
    finally:
        os.close(fd)
    return data.decode()


def error(message):
    os.write(2, ("bf: " + message + "\n").encode())


def entry_point(argv):
    """Run the Brainfuck program named by argv[1].  Returns the exit code:
    0 on success, 1 for a bad program or runtime fault, 2 for bad usage or
    an unreadable file."""
    if len(argv) != 2:
        error("usage: bf PROGRAM.b")
        return 2
    try:
        text = read_file(argv[1])
    except OSError:
        error("cannot read " + argv[1])
        return 2
    try:
        program = parse(text)
        mainloop(program, Tape())
    except BFError as e:
        output.flush()
        error(e.message)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
