"""The math module at run time: exact functions (sqrt, floor, ceil, fabs,
fmod, hypot of Pythagorean triples) printed with str(), transcendental ones
printed to 10 places; domain errors raise ValueError, caught."""

import math
import sys


def safe_sqrt(x):
    try:
        return math.sqrt(x)
    except ValueError:
        return -1.0


def safe_log(x):
    try:
        return math.log(x)
    except ValueError:
        return -1.0


def entry_point(argv):
    for x in [0.0, 1.0, 2.0, 4.0, 0.25, 1e10, 2.25]:
        print("sqrt(%s) = %s" % (str(x), str(math.sqrt(x))))
    print("sqrt(-1) -> %s" % str(safe_sqrt(-1.0)))
    for x in [2.5, -2.5, 3.0, -0.5, 0.999, 1e15 + 0.5]:
        print("floor(%s) = %d, ceil = %d" % (str(x), math.floor(x), math.ceil(x)))
    print("fabs: %s %s" % (str(math.fabs(-3.25)), str(math.fabs(0.0))))
    print("fmod: %s %s %s" % (str(math.fmod(7.5, 2.0)), str(math.fmod(-7.5, 2.0)), str(math.fmod(7.0, -3.0))))
    print("hypot: %s %s" % (str(math.hypot(3.0, 4.0)), str(math.hypot(5.0, 12.0))))
    print("pow: %s %s %s" % (str(math.pow(2.0, 10.0)), str(math.pow(2.0, -1.0)), str(math.pow(9.0, 0.5))))
    print("pi = %.10f, e = %.10f" % (math.pi, math.e))
    for k in range(7):
        a = k * math.pi / 6.0
        print("angle %d: sin %.10f cos %.10f" % (k * 30, math.sin(a), math.cos(a)))
    print("tan(pi/4) = %.10f, atan(1) = %.10f" % (math.tan(math.pi / 4.0), math.atan(1.0)))
    print("atan2: %.10f %.10f %.10f" % (math.atan2(1.0, 1.0), math.atan2(-1.0, -1.0), math.atan2(0.0, -1.0)))
    print("asin(0.5) = %.10f, acos(0.5) = %.10f" % (math.asin(0.5), math.acos(0.5)))
    print("exp: %.10f %.10f %.10f" % (math.exp(0.0), math.exp(1.0), math.exp(-2.0)))
    print("log: %.10f %.10f %.10f" % (math.log(1.0), math.log(math.e), math.log(10.0)))
    print("log(0) -> %s, log(-1) -> %s" % (str(safe_log(0.0)), str(safe_log(-1.0))))
    print("log10(1000) = %.10f, log2(1024) = %.10f" % (math.log10(1000.0), math.log2(1024.0)))
    print("isnan %s %s, isinf %s %s" % (str(math.isnan(1.0)), str(math.isnan(math.sqrt(4.0))),
                                        str(math.isinf(1e308 * 10.0)), str(math.isinf(1e308))))
    total = 0.0
    for i in range(1, 1001):
        total += 1.0 / (i * i)
    print("sum 1/n^2 = %.8f, pi^2/6 = %.8f" % (total, math.pi * math.pi / 6.0))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
