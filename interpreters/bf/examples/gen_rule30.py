"""Generate rule30.b: the cellular automaton Rule 30 on a ring of 64 cells,
a Brainfuck benchmark whose work a C compiler cannot fold away.

    python3 interpreters/bf/examples/gen_rule30.py     # writes rule30.b, rule30.out

Starting from one live cell in the middle, the program runs 180,000
generations of Rule 30 (new = left xor (centre or right)) on a ring of 64
cells and prints the ring every 3,000 generations, 60 lines of `#` (live)
and `.` (dead).  That is 11.5 million cell updates, about 4.5 * 10^8
Brainfuck commands.

Why this program: nested.b and mandel.b spend almost all their commands in
transfer loops (`[-]`, `[->+<]`) and loops that only count, and `gcc -O2`
turns those into closed forms: bench/bf2c.py's C runs them in milliseconds,
so they cannot show how far an interpreter or a JIT is from compiled code.
Here each generation is two steps that gcc can only run:

1. every cell of the old row is moved, destroying it, into a counter
   next to each of its three neighbours: t[i] = 3*left + centre + right.
   These are transfer loops on 0/1 cells -- gcc does fold them, into
   three additions per cell;
2. every counter is decoded by a chain of nested loops, each entered only
   when the counter is still non-zero:

       t[- new+ t[- t[- t[- new- t[-]]]]]      new = 1 iff 1 <= t <= 3

   (which is Rule 30: t = 3l + c + r is in 1..3 exactly when l is 0 and c
   or r is 1, or l is 1 and both are 0).  Those are branches on the data,
   and Rule 30 is chaotic, so they are unpredictable: gcc's code branches
   and mispredicts at every cell of every generation.

The row is kept twice (A and B, updated A -> B then B -> A), each cell next
to its counter, so that the pointer travels little: every move is a command
to interpret.  The code is unrolled over the 64 cells (about 38 KB).

rule30.out is computed here by `model`, independently of the Brainfuck;
it was checked against the translated BF VM and the gcc -O2 build of
bench/bf2c.py (bf.py on CPython would need over fifteen minutes).  Plain
CPython; not RPy.
"""

import os
import sys

from gen import Assembler

WIDTH = 64          # cells on the ring
ROWS = 60           # lines printed
OUTER, INNER = 30, 50   # each line after 2 * OUTER * INNER generations


def rule30_rows(width, rows, gens_per_row, ring):
    """What the Rule 30 programs print: from one live cell in the middle of
    `width` cells, a line of `#` (live) and `.` after every `gens_per_row`
    generations, `rows` lines.  The row wraps round when `ring`; otherwise
    the cells beyond its ends are dead."""
    row = [0] * width
    row[width // 2] = 1

    def cell(i):
        if ring:
            return row[i % width]
        return row[i] if 0 <= i < width else 0
    lines = []
    for _ in range(rows):
        for _ in range(gens_per_row):
            row = [cell(i - 1) ^ (cell(i) | cell(i + 1)) for i in range(width)]
        lines.append(''.join('#' if c else '.' for c in row) + '\n')
    return ''.join(lines)


def model():
    return rule30_rows(WIDTH, ROWS, 2 * OUTER * INNER, ring=True)


def generate():
    a = Assembler()
    # Cells: 0 lines left, 1-2 generation counters, 3 the character to
    # print, 4 tmp; then per ring cell i: A(i), B(i), T(i).
    LINES, GEN1, GEN2, CH, TMP = range(5)
    base = 5

    def A(i):
        return base + 3 * (i % WIDTH)

    def B(i):
        return base + 3 * (i % WIDTH) + 1

    def T(i):
        return base + 3 * (i % WIDTH) + 2

    def decode(i, dst):
        """dst(i) = 1 if 1 <= T(i) <= 3 else 0 (it is 0 before); T(i) ends 0."""
        t, d = T(i), dst(i)

        def ge4():
            a.add(t, -1)
            a.add(d, -1)
            a.clear(t)

        def ge3():
            a.add(t, -1)
            a.loop(t, ge4)

        def ge2():
            a.add(t, -1)
            a.loop(t, ge3)

        def ge1():
            a.add(t, -1)
            a.add(d, 1)
            a.loop(t, ge2)
        a.loop(t, ge1)

    def generation(src, dst):
        """dst = Rule 30 of src; src ends all 0, and dst was."""
        for j in range(WIDTH):
            s = src(j)
            a.loop(s, lambda: (a.add(s, -1), a.add(T(j - 1), 1), a.add(T(j), 1),
                               a.add(T(j + 1), 3)))
            if j >= 2:
                decode(j - 1, dst)      # its three neighbours are in
        decode(WIDTH - 1, dst)          # these two wait for the wrap-around
        decode(0, dst)

    def print_row():
        for i in range(WIDTH):
            a.set(CH, ord('.'), TMP)
            a.loop(A(i), lambda: (a.add(A(i), -1), a.add(T(i), 1),
                                  a.add(CH, ord('#') - ord('.'))))
            a.move(T(i), A(i))
            a.output(CH)
        a.set(CH, 10)
        a.output(CH)

    def line():
        a.repeat(GEN1, OUTER, lambda: a.repeat(GEN2, INNER, lambda: (generation(A, B), generation(B, A)), TMP), TMP)
        print_row()
        a.add(LINES, -1)

    a.add(A(WIDTH // 2), 1)
    a.set(LINES, ROWS, TMP)
    a.loop(LINES, line)
    comment = ('rule30: the cellular automaton Rule 30 on a ring of %d cells '
               'from one live cell; the ring every %d generations for %d lines; '
               'written by gen_rule30' % (WIDTH, 2 * OUTER * INNER, ROWS))
    return a.code(comment)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'rule30.b'), 'w') as f:
        f.write(generate())
    with open(os.path.join(here, 'rule30.out'), 'w') as f:
        f.write(model())
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
