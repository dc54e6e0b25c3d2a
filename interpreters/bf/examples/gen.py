"""Generate the bundled Brainfuck examples (a tiny BF "assembler").

    python3 interpreters/bf/examples/gen.py      # rewrites *.b and *.out here

Programs are built from a few macros over named cells (set, add, move,
copy, loops); each .b file starts with a comment saying what it does.  The
expected output of every program is computed here in Python, independently
of the BF code, and written next to it as NAME.out (long.b too, so a
translated VM can be checked against it).  This script is plain CPython; it
is not RPy.
"""

import os


class Assembler(object):
    """Emits Brainfuck while tracking where the tape pointer is."""

    def __init__(self):
        self.parts = []
        self.pos = 0

    def emit(self, s):
        self.parts.append(s)

    def goto(self, cell):
        if cell > self.pos:
            self.emit('>' * (cell - self.pos))
        else:
            self.emit('<' * (self.pos - cell))
        self.pos = cell

    def add(self, cell, n):
        """cell += n (mod 256), using the shorter of + or -."""
        n %= 256
        self.goto(cell)
        if n <= 128:
            self.emit('+' * n)
        else:
            self.emit('-' * (256 - n))

    def clear(self, cell):
        self.goto(cell)
        self.emit('[-]')

    def set(self, cell, value, tmp=None):
        """cell = value; with a spare `tmp` cell, big values use a
        multiplication loop (tmp = a; [cell += b; tmp -= 1]; cell += rest)."""
        self.clear(cell)
        self.add_const(cell, value, tmp)

    def add_const(self, cell, value, tmp=None):
        value %= 256
        if tmp is None or value < 16:
            self.add(cell, value)
            return
        best = None
        for a in range(2, 16):
            b, rest = divmod(value, a)
            cost = a + b + rest
            if best is None or cost < best[0]:
                best = (cost, a, b, rest)
        _, a, b, rest = best
        self.add(tmp, a)
        self.loop(tmp, lambda: (self.add(cell, b), self.add(tmp, -1)))
        self.add(cell, rest)

    def loop(self, cell, body):
        """while cell: body()  -- body must leave the pointer anywhere; we
        return to `cell` before the closing bracket."""
        self.goto(cell)
        self.emit('[')
        body()
        self.goto(cell)
        self.emit(']')

    def repeat(self, cell, n, body, tmp=None):
        """body() n times, counting down in `cell` (set with `tmp`'s help,
        as `set`): cell = n; while cell: body(); cell -= 1."""
        self.set(cell, n, tmp)

        def once():
            body()
            self.add(cell, -1)
        self.loop(cell, once)

    def move(self, src, *dsts):
        """dst += src for each dst; src = 0."""
        def body():
            self.add(src, -1)
            for d in dsts:
                self.add(d, 1)
        self.loop(src, body)

    def copy(self, src, dst, tmp):
        """dst = src, using tmp (which must be 0 and is left 0)."""
        self.clear(dst)
        self.move(src, dst, tmp)
        self.move(tmp, src)

    def output(self, cell):
        self.goto(cell)
        self.emit('.')

    def print_text(self, cell, text, current, tmp):
        """Print `text` by walking `cell` from value `current` to each
        character (a multiplication loop for big steps)."""
        for ch in text:
            delta = (ord(ch) - current) % 256
            if delta > 128:
                delta -= 256
            if abs(delta) >= 16:
                if delta > 0:
                    self.add_const(cell, delta, tmp)
                else:
                    self.clear(cell)
                    self.add_const(cell, ord(ch), tmp)
            else:
                self.add(cell, delta)
            self.output(cell)
            current = ord(ch)
        return current

    def code(self, comment, width=72):
        body = ''.join(self.parts)
        lines = [body[i:i + width] for i in range(0, len(body), width)]
        # The comment must not contain BF commands: it would run.
        for c in '<>+-.,[]':
            assert c not in comment, (c, comment)
        return comment.rstrip('\n') + '\n\n' + '\n'.join(lines) + '\n'


def hello():
    a = Assembler()
    a.print_text(0, 'Hello World!\n', 0, 1)
    return a.code('hello: prints Hello World! and a newline'), 'Hello World!\n'


def count():
    # Cells: 0 rows left, 1 row length, 2 digit, 3 digits left, 4 tmp, 5 newline
    a = Assembler()
    a.set(0, 9)
    a.set(5, 10)

    def row():
        a.add(1, 1)
        a.copy(1, 3, 4)
        a.set(2, ord('1'), 4)

        def digit():
            a.output(2)
            a.add(2, 1)
            a.add(3, -1)
        a.loop(3, digit)
        a.output(5)
        a.add(0, -1)
    a.loop(0, row)
    expected = ''.join(''.join(str(d) for d in range(1, n + 1)) + '\n'
                       for n in range(1, 10))
    return a.code('count: nested loops; row n holds the digits 1 to n '
                  'for n from 1 to 9'), expected


def squares(n_max=8):
    # Cells: 0 rows left, 1 n, 2 outer multiply counter, 3 inner counter,
    # 4 tmp, 5 the hash sign, 6 newline
    a = Assembler()
    a.set(0, n_max)
    a.set(5, ord('#'), 4)
    a.set(6, 10)

    def row():
        a.add(1, 1)
        a.copy(1, 2, 4)

        def outer():
            a.copy(1, 3, 4)

            def inner():
                a.output(5)
                a.add(3, -1)
            a.loop(3, inner)
            a.add(2, -1)
        a.loop(2, outer)
        a.output(6)
        a.add(0, -1)
    a.loop(0, row)
    expected = ''.join('#' * (n * n) + '\n' for n in range(1, n_max + 1))
    return a.code('squares: row n is n times n hash signs; for n from 1 to %d'
                  % n_max), expected


def long_running(middle=100, inner=200):
    # A benchmark: 26 outer iterations, each printing the next letter, with
    # middle x inner iterations of a small loop body in between.
    # Cells: 0 letters left, 1 letter, 2 middle counter, 3 inner counter,
    # 4 accumulator (wraps), 5 tmp, 6 newline
    a = Assembler()
    a.set(0, 26)
    a.set(1, ord('A'), 5)
    a.set(6, 10)

    def letter():
        a.set(2, middle, 5)

        def mid():
            a.set(3, inner, 5)

            def body():
                a.add(4, 3)
                a.add(4, -1)
                a.add(3, -1)
            a.loop(3, body)
            a.add(2, -1)
        a.loop(2, mid)
        a.output(1)
        a.add(1, 1)
        a.add(0, -1)
    a.loop(0, letter)
    a.output(6)
    expected = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ\n'
    return a.code('long: a nested loop benchmark that prints the alphabet; '
                  '26 times %d times %d inner iterations' % (middle, inner)), expected


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (code, expected) in [('hello', hello()), ('count', count()),
                                   ('squares', squares()),
                                   ('long', long_running())]:
        with open(os.path.join(here, name + '.b'), 'w') as f:
            f.write(code)
        with open(os.path.join(here, name + '.out'), 'w') as f:
            f.write(expected)


if __name__ == '__main__':
    main()
