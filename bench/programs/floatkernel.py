"""Float-kernel benchmark: the classic 5-body solar-system simulation
(n-body), with the state in plain lists of floats.

    python3 bench/programs/floatkernel.py [N]

Advances the Sun and the four giant planets N steps (default 600,000) of
0.01 days with a symplectic Euler integrator, and prints the system's
energy before and after with "%.9f".  Every float operation happens in the
same order as in bench/programs/floatkernel.cpp, so both print the same
digits (IEEE doubles, correctly rounded sqrt, no fused multiply-add).
The work per step is constant, so the running time is linear in N.
"""

import math
import sys

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


class System(object):
    """Positions, velocities and masses, one list of floats per coordinate."""

    def __init__(self):
        self.x = [0.0, 4.84143144246472090e+00, 8.34336671824457987e+00,
                  1.28943695621391310e+01, 1.53796971148509165e+01]
        self.y = [0.0, -1.16032004402742839e+00, 4.12479856412430479e+00,
                  -1.51111514016986312e+01, -2.59193146099879641e+01]
        self.z = [0.0, -1.03622044471123109e-01, -4.03523417114321381e-01,
                  -2.23307578892655734e-01, 1.79258772950371181e-01]
        self.vx = [0.0, 1.66007664274403694e-03 * DAYS_PER_YEAR,
                   -2.76742510726862411e-03 * DAYS_PER_YEAR,
                   2.96460137564761618e-03 * DAYS_PER_YEAR,
                   2.68067772490389322e-03 * DAYS_PER_YEAR]
        self.vy = [0.0, 7.69901118419740425e-03 * DAYS_PER_YEAR,
                   4.99852801234917238e-03 * DAYS_PER_YEAR,
                   2.37847173959480950e-03 * DAYS_PER_YEAR,
                   1.62824170038242295e-03 * DAYS_PER_YEAR]
        self.vz = [0.0, -6.90460016972063023e-05 * DAYS_PER_YEAR,
                   2.30417297573763929e-05 * DAYS_PER_YEAR,
                   -2.96589568540237556e-05 * DAYS_PER_YEAR,
                   -9.51592254519715870e-05 * DAYS_PER_YEAR]
        self.mass = [SOLAR_MASS, 9.54791938424326609e-04 * SOLAR_MASS,
                     2.85885980666130812e-04 * SOLAR_MASS,
                     4.36624404335156298e-05 * SOLAR_MASS,
                     5.15138902046611451e-05 * SOLAR_MASS]


def offset_momentum(s):
    px = 0.0
    py = 0.0
    pz = 0.0
    for i in range(len(s.mass)):
        px += s.vx[i] * s.mass[i]
        py += s.vy[i] * s.mass[i]
        pz += s.vz[i] * s.mass[i]
    s.vx[0] = -px / SOLAR_MASS
    s.vy[0] = -py / SOLAR_MASS
    s.vz[0] = -pz / SOLAR_MASS


def energy(s):
    e = 0.0
    n = len(s.mass)
    for i in range(n):
        e += 0.5 * s.mass[i] * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i] + s.vz[i] * s.vz[i])
        for j in range(i + 1, n):
            dx = s.x[i] - s.x[j]
            dy = s.y[i] - s.y[j]
            dz = s.z[i] - s.z[j]
            e -= s.mass[i] * s.mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(s, steps, dt):
    x = s.x
    y = s.y
    z = s.z
    vx = s.vx
    vy = s.vy
    vz = s.vz
    mass = s.mass
    n = len(mass)
    for step in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = x[i] - x[j]
                dy = y[i] - y[j]
                dz = z[i] - z[j]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                mi = mass[i] * mag
                mj = mass[j] * mag
                vx[i] -= dx * mj
                vy[i] -= dy * mj
                vz[i] -= dz * mj
                vx[j] += dx * mi
                vy[j] += dy * mi
                vz[j] += dz * mi
        for i in range(n):
            x[i] += dt * vx[i]
            y[i] += dt * vy[i]
            z[i] += dt * vz[i]


def entry_point(argv):
    n = 600000
    if len(argv) > 1:
        n = int(argv[1])
    s = System()
    offset_momentum(s)
    print("energy before: %.9f" % energy(s))
    advance(s, n, 0.01)
    print("energy after:  %.9f" % energy(s))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
