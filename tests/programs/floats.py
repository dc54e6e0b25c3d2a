"""Floating point: a tiny n-body-style simulation, Newton's square root,
math functions, conversions and formatting with fixed precision."""

import math
import sys


class Body(object):
    def __init__(self, x, y, vx, vy, mass):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.mass = mass


def step(bodies, dt):
    n = len(bodies)
    for i in range(n):
        bi = bodies[i]
        for j in range(i + 1, n):
            bj = bodies[j]
            dx = bi.x - bj.x
            dy = bi.y - bj.y
            d2 = dx * dx + dy * dy + 0.01
            mag = dt / (d2 * math.sqrt(d2))
            bi.vx -= dx * bj.mass * mag
            bi.vy -= dy * bj.mass * mag
            bj.vx += dx * bi.mass * mag
            bj.vy += dy * bi.mass * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy)
        for j in range(i + 1, n):
            o = bodies[j]
            dx = b.x - o.x
            dy = b.y - o.y
            e -= b.mass * o.mass / math.sqrt(dx * dx + dy * dy + 0.01)
    return e


def newton_sqrt(x):
    guess = x / 2.0
    for i in range(20):
        guess = (guess + x / guess) / 2.0
    return guess


def entry_point(argv):
    bodies = [Body(0.0, 0.0, 0.0, 0.0, 10.0),
              Body(1.0, 0.0, 0.0, 3.0, 0.1),
              Body(-2.0, 0.0, 0.0, -2.0, 0.2)]
    print("energy before: %.6f" % energy(bodies))
    for i in range(1000):
        step(bodies, 0.001)
    print("energy after:  %.6f" % energy(bodies))
    for b in bodies:
        print("at (%.4f, %.4f)" % (b.x, b.y))
    print("sqrt(2) = %.9f vs %.9f" % (newton_sqrt(2.0), math.sqrt(2.0)))
    print("floor %d, int %d, float %.1f" % (int(math.floor(-2.5)), int(-2.5), float(7)))
    print("pi %.5f, e %.5f" % (math.pi, math.exp(1.0)))
    print("trig %.4f %.4f" % (math.sin(math.pi / 6), math.cos(0.0)))
    print("division %.3f, floor division %.1f" % (7 / 4, 7.0 // 2.0))
    print("compare %s %s" % (str(0.1 + 0.2 == 0.3), str(abs(0.1 + 0.2 - 0.3) < 1e-9)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
