"""Generate walk30.b: Rule 30 again, written the way a Brainfuck programmer
would, with loops that walk the row instead of code unrolled over it.

    python3 interpreters/bf/examples/gen_walk30.py [--test]
        # writes walk30.b, walk30.out (and tests/e2e/bf/walk_small.b, .out)

The automaton is the one of gen_rule30.py (new = left xor (centre or
right)), on a row of 64 cells with dead cells beyond both ends, starting
from one live cell in the middle: 100,000 generations, the row printed
every 2,500 (40 lines of `#` and `.`).  About 2.6 * 10^8 Brainfuck commands.

rule30.b unrolls each generation over the 64 cells: one 37,000-command loop
body, longer than the JIT's trace_limit, so that loop runs interpreted.
Here each generation is two loops over the row, each a few dozen commands:
the JIT compiles them, and the branches on the data (which cells are live)
become guards and bridges.  gcc -O2 cannot fold this work either, so it is
the program to compare the JIT with gcc on (bench/examples.py).

Layout: cell groups of four, F A T X, from cell 6 on; group g (1..64) holds
the flag F = 1 (0 in the sentinel groups 0 and 65, where the walks stop),
the automaton cell A, a counter T and a scratch cell X.  A generation:

1. walking right from group 1, every live A(g) is moved into the counters
   of its neighbours and itself: T(g-1) += 1, T(g) += 1, T(g+1) += 3, so
   that T(g) = 3*A(g-1) + A(g) + A(g+1);

       [>[-<<<+>>>>+>>>>+++<<<<<]>>>]

2. walking left from group 64, every counter is decoded into A(g) = 1 iff
   1 <= T(g) <= 3 -- which is Rule 30 -- by nested loops entered only while
   the counter is non-zero (T ends 0):

       [>>[-<+>[-[-[-<->[-]]]]]<<<<<<]

   The sentinels' counters, which step 1 also fills, are cleared.

Printing walks right once more, writing `.` or `#` for each cell from X.

walk30.out is computed here by `model`, independently of the Brainfuck; it
was checked against the translated BF VM and the gcc -O2 build of
bench/bf2c.py.  Plain CPython; not RPy.
"""

import os
import sys

from gen import Assembler
from gen_rule30 import rule30_rows

WIDTH = 64              # cells in the row
ROWS = 40               # lines printed
OUTER, INNER = 100, 25  # each line after OUTER * INNER generations
GROUP = 4               # F A T X


def model(width=WIDTH, rows=ROWS, outer=OUTER, inner=INNER):
    return rule30_rows(width, rows, outer * inner, ring=False)


def generate(width=WIDTH, rows=ROWS, outer=OUTER, inner=INNER, name='walk30'):
    a = Assembler()
    # Cells 0-4: lines left, two generation counters, the newline, tmp.
    LINES, GEN1, GEN2, NL, TMP = range(5)
    base = 6

    def F(g):
        return base + GROUP * g

    for g in range(1, width + 1):
        a.add(F(g), 1)
    a.add(F(width // 2 + 1) + 1, 1)  # the live cell: A of group width/2 + 1 (row cell width/2)
    a.set(NL, 10)

    def generation():
        a.goto(F(1))
        a.emit('[>[-<<<+>>>>+>>>>+++<<<<<]>>>]')   # spread, walking right
        a.pos = F(width + 1)
        a.emit('>>[-]<<')                          # the right sentinel's counter
        a.goto(F(width))
        a.emit('[>>[-<+>[-[-[-<->[-]]]]]<<<<<<]')  # decode, walking left
        a.pos = F(0)
        a.emit('>>[-]<<')                          # the left sentinel's counter

    def print_row():
        a.goto(F(1))
        # X = '.'; if A: X = '#' (A moved through T and back); print X; clear X
        a.emit('[>>>' + '+' * ord('.') + '<<[->+>' + '-' * (ord('.') - ord('#')) + '<<]>[-<+>]>.[-]>]')
        a.pos = F(width + 1)
        a.goto(NL)
        a.emit('.')

    def line():
        a.repeat(GEN1, outer, lambda: a.repeat(GEN2, inner, generation, TMP), TMP)
        print_row()
        a.add(LINES, -1)

    a.set(LINES, rows, TMP)
    a.loop(LINES, line)
    comment = (name + ': Rule 30 on a row of %d cells; %d generations printed every %d; '
               'loops walk the row' % (width, rows * outer * inner, outer * inner))
    return a.code(comment)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'walk30.b'), 'w') as f:
        f.write(generate())
    with open(os.path.join(here, 'walk30.out'), 'w') as f:
        f.write(model())
    if '--test' in argv:
        # tests/e2e/bf/walk_small.b: the same loops on 16 cells, 200
        # generations -- small enough for every JIT configuration of
        # jit_bf_examples, interp included.
        small = (16, 4, 5, 10)
        tests = os.path.join(here, '..', '..', '..', 'tests', 'e2e', 'bf')
        with open(os.path.join(tests, 'walk_small.b'), 'w') as f:
            f.write(generate(*small, name='walk_small'))
        with open(os.path.join(tests, 'walk_small.out'), 'w') as f:
            f.write(model(*small))


if __name__ == '__main__':
    main(sys.argv)
