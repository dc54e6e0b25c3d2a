"""countdown: the simplest JIT program -- a tiny bytecode loop counting a
register down to zero.

JIT feature exercised: the basic path.  One portal (`interpret`), greens
`pc, code`, reds `a, steps`; `can_enter_jit` on the one backward jump.
The loop becomes hot, is traced once (three opcodes: DECR, ADD_STEP and a
JUMP_IF_A that goes back), compiled, and runs until `a` reaches 0, when
the loop's one guard fails and the interpreter finishes the program.
The same code object runs several times with different start values, so
later runs enter the already compiled loop directly.

Nothing here should ever abort a trace.
"""

# expect: default: loops >= 1
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

# Opcodes; JUMP_IF_A is followed by its target.
DECR_A = 0        # a -= 1
ADD_STEP = 1      # steps += 1
JUMP_IF_A = 2     # if a != 0: goto target
RETURN = 3        # stop

OPNAMES = ['DECR_A', 'ADD_STEP', 'JUMP_IF_A', 'RETURN']


class Code(object):
    """A program: opcodes with inline operands.  Green, and immutable."""
    _immutable_fields_ = ['ops[*]', 'name']

    def __init__(self, name, ops):
        self.name = name
        self.ops = ops


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['a', 'steps'],
                   get_printable_location=get_location, name='countdown')


def interpret(code, a):
    """Run `code` with the register `a`; returns the number of steps."""
    pc = 0
    steps = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, a=a, steps=steps)
        op = code.ops[pc]
        if op == DECR_A:
            a -= 1
            pc += 1
        elif op == ADD_STEP:
            steps += 1
            pc += 1
        elif op == JUMP_IF_A:
            target = code.ops[pc + 1]
            if a != 0:
                if target < pc:
                    driver.can_enter_jit(pc=target, code=code, a=a,
                                         steps=steps)
                pc = target
            else:
                pc += 2
        else:
            return steps


# The program, built at translation time: count `a` down, counting steps.
COUNTDOWN = Code('countdown', [DECR_A, ADD_STEP, JUMP_IF_A, 0, RETURN])


def entry_point(argv):
    total = 0
    for start in [1, 7, 2000, 30000, 5]:
        steps = interpret(COUNTDOWN, start)
        print("countdown from %d: %d steps" % (start, steps))
        total += steps
    print("total steps: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
