"""pyassembler: a compiler's instruction list -> PyCode.

Where this sits: pycompiler.py emits Instrs (opcode, argument, jump
target Label, active exception Handler, line) into a CodeUnit and calls
assemble() when the code object is complete.  Output: a pycode.PyCode
with word code, line table and exception table (pyopcodes.py documents
both).

Three steps, in Assembler.build:
1. compute_depths: the stack depth before every instruction, by flow
   analysis from the entry (jumps, fall-through and, from each SETUP
   pseudo-instruction, the handler's entry with its lasti and exception
   pushed).  It gives each Handler its depth, co_stacksize, and leaves
   unreachable instructions at -1; an inconsistent depth is a compiler
   bug (InternalCompilerError).
2. number: unreachable instructions and pseudo-instructions are dropped;
   a Label resolves to the next instruction kept.
3. the exception table: runs of consecutive instructions sharing a
   Handler become one entry each (sorted, disjoint).
"""

from pycode import PyCode
from pyopcodes import (stack_effect, JUMP, RETURN_VALUE, RAISE_VARARGS,
                       RERAISE)

# A SETUP pseudo-instruction: no code, marks where a handler's stack
# depth is measured.
PSEUDO_SETUP = -1

class InternalCompilerError(Exception):
    """A bug in the compiler (never the program's fault)."""

    def __init__(self, msg):
        self.msg = msg


class Label(object):
    """A jump target; `position` indexes CodeUnit.instrs once bound."""

    def __init__(self):
        self.position = -1


class Handler(object):
    """An exception handler: where to go, whether to push the raising
    instruction's index, and its stack depth (measured at its SETUP plus
    `adjust`; -1 until assemble())."""

    def __init__(self, target, lasti, adjust):
        self.target = target
        self.lasti = lasti
        self.adjust = adjust
        self.depth = -1


class Instr(object):
    def __init__(self, op, arg, target, handler, lineno):
        self.op = op
        self.arg = arg
        self.target = target        # Label, for jumps
        self.handler = handler      # the innermost active Handler
        self.lineno = lineno
        self.setup = None           # the Handler a PSEUDO_SETUP sets up


# ---------------------------------------------------------------------------
# Assembly.

def is_terminator(op):
    """No fall-through to the next instruction."""
    return op == JUMP or op == RETURN_VALUE or op == RAISE_VARARGS or \
        op == RERAISE


class Assembler(object):
    """Turns a CodeUnit's instruction list into word code."""

    def __init__(self, unit):
        self.unit = unit
        self.instrs = unit.instrs
        self.depths = [-1] * (len(unit.instrs) + 1)
        self.worklist = []
        self.maxdepth = 0

    def flow_to(self, position, depth):
        if depth < 0:
            raise InternalCompilerError("negative stack depth in %s" %
                                        self.unit.qualname)
        if depth > self.maxdepth:
            self.maxdepth = depth
        if position >= len(self.instrs):
            raise InternalCompilerError("control falls off the end of %s" %
                                        self.unit.qualname)
        old = self.depths[position]
        if old == -1:
            self.depths[position] = depth
            self.worklist.append(position)
        elif old != depth:
            raise InternalCompilerError(
                "inconsistent stack depth (%d and %d) at %d in %s" %
                (old, depth, position, self.unit.qualname))

    def compute_depths(self):
        """Stack depth before each instruction (-1: unreachable)."""
        self.flow_to(0, 0)
        while len(self.worklist) > 0:
            i = self.worklist.pop()
            depth = self.depths[i]
            instr = self.instrs[i]
            op = instr.op
            if op == PSEUDO_SETUP:
                handler = instr.setup
                handler.depth = depth + handler.adjust
                extra = 1
                if handler.lasti:
                    extra = 2
                self.flow_to(handler.target.position, handler.depth + extra)
                self.flow_to(i + 1, depth)
                continue
            if instr.target is not None:
                self.flow_to(instr.target.position,
                             depth + stack_effect(op, instr.arg, True))
            if not is_terminator(op):
                self.flow_to(i + 1, depth + stack_effect(op, instr.arg,
                                                          False))

    def number(self):
        """Final index of every reachable real instruction (-1 others),
        and the index a label at each position resolves to."""
        n = len(self.instrs)
        index = [-1] * (n + 1)
        count = 0
        for i in range(n):
            if self.depths[i] >= 0 and self.instrs[i].op != PSEUDO_SETUP:
                index[i] = count
                count += 1
        # A label at position p jumps to the next real instruction.
        resolved = [count] * (n + 1)
        nxt = count
        for i in range(n - 1, -1, -1):
            if index[i] >= 0:
                nxt = index[i]
            resolved[i] = nxt
        return index, resolved

    def build(self, filename):
        self.compute_depths()
        index, resolved = self.number()
        code = []
        lines = []
        owners = []
        for i in range(len(self.instrs)):
            if index[i] < 0:
                continue
            instr = self.instrs[i]
            arg = instr.arg
            if instr.target is not None:
                arg = resolved[instr.target.position]
            code.append(instr.op)
            code.append(arg)
            lines.append(instr.lineno)
            owners.append(instr.handler)
        exctable = self.exception_table(owners, resolved)
        return self.make_code(code, lines, exctable, filename)

    def exception_table(self, owners, resolved):
        table = []
        start = 0
        n = len(owners)
        for i in range(n + 1):
            if i < n and i > 0 and owners[i] is owners[i - 1]:
                continue
            if i > 0 and owners[i - 1] is not None:
                handler = owners[i - 1]
                if handler.depth < 0:
                    raise InternalCompilerError("handler without depth in "
                                                "%s" % self.unit.qualname)
                lasti = 0
                if handler.lasti:
                    lasti = 1
                table.append(start)
                table.append(i)
                table.append(resolved[handler.target.position])
                table.append(handler.depth)
                table.append(lasti)
            start = i
        return table

    def make_code(self, code, lines, exctable, filename):
        unit = self.unit
        return PyCode(unit.name, unit.qualname, filename, unit.firstlineno,
                      unit.argcount, unit.posonlyargcount,
                      unit.kwonlyargcount, unit.flags, unit.varnames,
                      unit.cellvars, unit.freevars, unit.names, unit.consts,
                      code, lines, exctable, self.maxdepth, unit.docstring)


def assemble(unit, filename):
    return Assembler(unit).build(filename)
