"""ovfcheck: checked add, sub and mul raise OverflowError exactly when the
64-bit result would wrap; a callee's OverflowError caught by its caller."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import ovfcheck

MAXINT = 9223372036854775807
MININT = -9223372036854775807 - 1


def checked_add(a, b):
    try:
        return "%d" % ovfcheck(a + b)
    except OverflowError:
        return "overflow"


def checked_sub(a, b):
    try:
        return "%d" % ovfcheck(a - b)
    except OverflowError:
        return "overflow"


def checked_mul(a, b):
    try:
        return "%d" % ovfcheck(a * b)
    except OverflowError:
        return "overflow"


def power(base, exp):
    """base ** exp with overflow propagating to the caller."""
    result = 1
    for i in range(exp):
        result = ovfcheck(result * base)
    return result


def largest_power(base):
    exp = 0
    while True:
        try:
            power(base, exp + 1)
        except OverflowError:
            return exp
        exp += 1


def entry_point(argv):
    print("add: %s %s %s" % (checked_add(MAXINT, 0), checked_add(MAXINT, 1), checked_add(MININT, -1)))
    print("add: %s %s" % (checked_add(MAXINT, MININT), checked_add(-5, 7)))
    print("sub: %s %s %s" % (checked_sub(MININT, 1), checked_sub(MININT, -1), checked_sub(0, MININT)))
    print("sub: %s" % checked_sub(MAXINT, MAXINT))
    print("mul: %s %s %s" % (checked_mul(4294967296, 2147483647), checked_mul(4294967296, 2147483648),
                            checked_mul(-4294967296, 2147483648)))
    print("mul: %s %s" % (checked_mul(MININT, -1), checked_mul(MININT, 1)))
    print("mul: %s %s" % (checked_mul(3037000499, 3037000499), checked_mul(3037000500, 3037000500)))
    for base in [2, 3, 10, -2, 1000]:
        print("largest power of %d in 64 bits: %d" % (base, largest_power(base)))
    print("2 ** 62 = %d" % power(2, 62))
    try:
        print("2 ** 63 = %d" % power(2, 63))
    except OverflowError:
        print("2 ** 63 overflows")
    total = MAXINT - 100
    steps = 0
    try:
        while True:
            total = ovfcheck(total + 7)
            steps += 1
    except OverflowError:
        print("overflowed after %d steps at %d" % (steps, total))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
