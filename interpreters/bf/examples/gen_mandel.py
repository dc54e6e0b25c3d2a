"""Generate mandel.b: a fixed-point Mandelbrot renderer in Brainfuck.

    python3 interpreters/bf/examples/gen_mandel.py          # writes mandel.b
    python3 interpreters/bf/examples/gen_mandel.py --check  # and compares
                                                            # mandel.out

It prints the set as 40 columns by 11 rows of ASCII, one character per
point, by escape-time iteration z = z*z + c, at most 10 iterations.  A
Brainfuck cell is one byte, so the numbers are fixed-point with 4 fraction
bits (16 means 1.0) in two's complement, mod 256: addition and subtraction
are the cells' own wrapping `+`/`-`.  The ranges stay inside one byte
because the loop tests |zr|, |zi| <= 2 before squaring and |z|^2 <= 4
before multiplying (see `model`).  Multiplication goes through magnitudes
and signs: |x| and the sign come from one walk (count x down and a copy up
until one reaches 0), and |x|*|y|/16 is a double loop with a carry every
16 steps -- thousands of Brainfuck commands per multiply, which is what
makes this a long-running program (about 10^9 commands).

The program is built with the macro assembler of gen.py (named cells,
copy, move, loops), plus `ifz` (if a cell is zero / else) and the
arithmetic above.  `model` computes the same picture in Python with the
same integer arithmetic; the generator checks that both give one picture.

mandel.out was produced by running mandel.b on the translated BF VM
(`lathe translate interpreters/bf/bf.py -o /tmp/bf-c; /tmp/bf-c mandel.b`):
bf.py on CPython needs far more than two minutes for it (it runs about
0.5 million commands a second there).  `--check` compares that file with
`model`.  Plain CPython; not RPy.
"""

import os
import sys

from gen import Assembler

SCALE = 16          # fixed point: 16 means 1.0
MAX_ITER = 10
COLS, CR0, CR_STEP = 40, -32, 1      # re(c) from -2.0 in steps of 1/16
ROWS, CI0, CI_STEP = 11, -20, 4      # im(c) from -1.25 in steps of 1/4
PALETTE = " .,:;-=+*%@"              # by iteration count; '#' inside


def char_for(iterations):
    if iterations == MAX_ITER:
        return '#'
    return PALETTE[iterations * len(PALETTE) // MAX_ITER]


# ---------------------------------------------------------------------------
# The reference model: the same arithmetic on Python ints.

def mul(x, y):
    """x*y/16 rounded toward zero, as the BF code computes it."""
    m = abs(x) * abs(y) // SCALE
    return -m if (x < 0) != (y < 0) else m


def model():
    lines = []
    ci = CI0
    for _ in range(ROWS):
        cr = CR0
        row = []
        for _ in range(COLS):
            zr = zi = 0
            left = MAX_ITER
            while True:
                if abs(zr) > 2 * SCALE or abs(zi) > 2 * SCALE:
                    break
                zr2, zi2 = mul(zr, zr), mul(zi, zi)
                if zr2 + zi2 > 4 * SCALE:
                    break
                t = mul(zr, zi)
                zi = 2 * t + ci
                zr = zr2 - zi2 + cr
                assert -128 < zi < 128 and -128 < zr < 128, (zr, zi)
                left -= 1
                if left == 0:
                    break
            row.append(char_for(MAX_ITER - left))
            cr += CR_STEP
        lines.append(''.join(row) + '\n')
        ci += CI_STEP
    return ''.join(lines)


# ---------------------------------------------------------------------------
# The Brainfuck version.

class Cells(object):
    """Hands out cell numbers by name."""

    def __init__(self):
        self.next = 0

    def new(self):
        self.next += 1
        return self.next - 1


class MandelAssembler(Assembler):

    def __init__(self, cells):
        Assembler.__init__(self)
        self.cells = cells
        self.flags = []              # one flag cell per ifz nesting depth
        self.depth = 0

    def scratch(self):
        """Allocate the scratch cells after the named ones, next to the
        hottest of them: every pointer move is a command to interpret."""
        self.t1 = self.cells.new()   # zero between macros
        self.t2 = self.cells.new()
        for _ in range(8):
            self.flags.append(self.cells.new())

    def flag(self):
        while len(self.flags) <= self.depth:
            self.flags.append(self.cells.new())
        return self.flags[self.depth]

    def ifz(self, cell, then=None, els=None):
        """if cell == 0: then() else: els().  `cell` is kept; the bodies
        may use every macro (nested ifz get their own flag)."""
        f = self.flag()
        self.depth += 1
        self.add(f, 1)
        self.copy(cell, self.t1, self.t2)

        def nonzero():
            self.clear(self.t1)
            self.add(f, -1)
            if els:
                els()
        self.loop(self.t1, nonzero)

        def zero():
            self.add(f, -1)
            if then:
                then()
        self.loop(f, zero)
        self.depth -= 1

    def copy_add(self, src, dst):
        """dst += src; src kept."""
        self.move(src, dst, self.t1)
        self.move(self.t1, src)

    def abs_sign(self, x, m, s, u, d):
        """m = |x|, s = 1 if x < 0 else 0 (x a signed byte, kept).  Walks u
        down from x and d up from x; whichever reaches 0 first decides."""
        self.clear(m)
        self.clear(s)
        self.copy(x, u, self.t1)
        self.copy(x, d, self.t1)

        def step():
            self.add(u, -1)
            self.add(d, 1)
            self.add(m, 1)
            self.ifz(d, then=lambda: (self.add(s, 1), self.clear(u)))
        self.loop(u, step)
        self.clear(d)

    def greater(self, a, k, out, t, c):
        """out = 1 if a > k else 0, for 0 <= a < 256 (a kept): decrement a
        copy k times without going below 0, then test it."""
        self.clear(out)
        self.copy(a, t, self.t1)
        self.clear(c)
        self.add(c, k)

        def step():
            self.add(c, -1)
            self.ifz(t, els=lambda: self.add(t, -1))
        self.loop(c, step)
        self.loop(t, lambda: (self.clear(t), self.add(out, 1)))

    def mul_abs(self, ax, ay, q, c, t, d):
        """q = ax*ay // 16 for magnitudes ax, ay (kept)."""
        self.clear(q)
        self.clear(d)
        self.add(d, SCALE)
        self.copy(ax, c, self.t1)

        def outer():
            self.add(c, -1)
            self.copy(ay, t, self.t1)

            def inner():
                self.add(t, -1)
                self.add(d, -1)
                self.ifz(d, then=lambda: (self.add(q, 1), self.add(d, SCALE)))
            self.loop(t, inner)
        self.loop(c, outer)
        self.clear(d)


def generate():
    cells = Cells()
    a = MandelAssembler(cells)
    # Cold cells first, the multiply's inner-loop cells last, then the
    # scratch cells and ifz flags.
    tmp = cells.new()
    (ROW, COL, CI, CR, NL, CH, LEFT, RUN, E, S, ZR, ZI, ZR2, ZI2,
     AX, SX, AY, SY, C, Q, U, D, T, MT) = [cells.new() for _ in range(24)]
    a.scratch()

    def square(x, r):
        a.abs_sign(x, AX, SX, U, D)
        a.mul_abs(AX, AX, r, C, T, MT)
        a.clear(SX)

    def multiply(x, y, r):
        """r = x*y/16 toward zero, signed."""
        a.abs_sign(x, AX, SX, U, D)
        a.abs_sign(y, AY, SY, U, D)
        a.mul_abs(AX, AY, Q, C, T, MT)
        a.clear(r)
        a.move(SY, SX)
        a.add(SX, -1)           # 0 exactly when the signs differ
        a.ifz(SX, then=lambda: a.loop(Q, lambda: (a.add(Q, -1), a.add(r, -1))),
              els=lambda: a.loop(Q, lambda: (a.add(Q, -1), a.add(r, 1))))
        a.clear(SX)

    def stop():
        a.clear(RUN)
        a.clear(E)

    def step():
        # zi = 2*zr*zi/16 + ci;  zr = zr2 - zi2 + cr;  one iteration less
        multiply(ZR, ZI, T)
        a.clear(ZI)
        a.loop(T, lambda: (a.add(T, -1), a.add(ZI, 2)))
        a.copy_add(CI, ZI)
        a.clear(ZR)
        a.move(ZR2, ZR)
        a.loop(ZI2, lambda: (a.add(ZI2, -1), a.add(ZR, -1)))
        a.copy_add(CR, ZR)
        a.add(LEFT, -1)
        a.ifz(LEFT, then=lambda: a.clear(RUN))

    def squares_then_step():
        square(ZR, ZR2)
        square(ZI, ZI2)
        a.clear(S)
        a.copy_add(ZR2, S)
        a.copy_add(ZI2, S)
        a.greater(S, 4 * SCALE, E, T, C)        # |z|^2 > 4: escaped
        a.clear(S)
        a.ifz(E, then=step, els=stop)
        a.clear(ZR2)
        a.clear(ZI2)

    def iteration():
        # |zr| > 2 or |zi| > 2: escaped (and the squares would not fit)
        a.abs_sign(ZR, AX, SX, U, D)
        a.greater(AX, 2 * SCALE, E, T, C)
        a.abs_sign(ZI, AY, SY, U, D)
        a.greater(AY, 2 * SCALE, S, T, C)
        a.move(S, E)
        a.clear(SX)
        a.clear(SY)
        a.ifz(E, then=squares_then_step, els=stop)

    def char():
        # CH = char_for(MAX_ITER - LEFT): walk LEFT down to 0, stepping
        # CH through the palette.
        prev = ord(char_for(MAX_ITER))
        a.set(CH, prev, tmp)
        for k in range(1, MAX_ITER + 1):
            cur = ord(char_for(MAX_ITER - k))

            def down(delta=cur - prev):
                a.add(LEFT, -1)
                a.add(CH, delta)
            a.ifz(LEFT, els=down)
            prev = cur
        a.output(CH)

    def column():
        a.clear(ZR)
        a.clear(ZI)
        a.set(LEFT, MAX_ITER)
        a.set(RUN, 1)
        a.loop(RUN, iteration)
        char()
        a.add(CR, CR_STEP)
        a.add(COL, -1)

    def row():
        a.set(COL, COLS, tmp)
        a.set(CR, CR0, tmp)
        a.loop(COL, column)
        a.output(NL)
        a.add(CI, CI_STEP)
        a.add(ROW, -1)

    a.set(NL, 10)
    a.set(ROW, ROWS, tmp)
    a.set(CI, CI0, tmp)
    a.loop(ROW, row)
    comment = ('mandel: the Mandelbrot set as %d by %d ASCII characters; '
               'fixed point with 4 fraction bits in byte cells; at most %d '
               'iterations a point; written by gen_mandel'
               % (COLS, ROWS, MAX_ITER))
    return a.code(comment)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'mandel.b'), 'w') as f:
        f.write(generate())
    if '--check' in argv[1:]:
        with open(os.path.join(here, 'mandel.out')) as f:
            if f.read() != model():
                sys.stderr.write('gen_mandel: mandel.out differs from the model\n')
                return 1
        print('mandel.out agrees with the model')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
