"""Integer floor division and modulo with every sign combination: Python
semantics (the quotient rounds toward minus infinity, the remainder takes
the sign of the divisor), checked against the identity a == q*b + r."""

import sys


def floor_div_by_hand(a, b):
    """Floor division from truncating steps, to cross-check `//`."""
    q = 0
    neg = (a < 0) != (b < 0)
    aa = abs(a)
    bb = abs(b)
    while aa >= bb:
        aa -= bb
        q += 1
    if neg:
        if aa != 0:
            q = -q - 1
        else:
            q = -q
    return q


def show_pair(a, b):
    q = a // b
    r = a % b
    ok = q * b + r == a
    print("%4d // %3d = %4d   %4d %% %3d = %3d   %s" % (a, b, q, a, b, r, str(ok)))


def entry_point(argv):
    values = [17, -17, 5, -5, 0, 1, -1, 100, -100, 7]
    divisors = [3, -3, 5, -5, 1, -1, 7, 10]
    for a in values:
        for b in divisors:
            show_pair(a, b)
    mismatches = 0
    for a in range(-30, 31):
        for b in [2, -2, 3, -3, 4, -7, 11]:
            if a // b != floor_div_by_hand(a, b):
                mismatches += 1
                print("mismatch at %d // %d" % (a, b))
    print("hand-rolled floor division mismatches: %d" % mismatches)
    big = 9223372036854775807
    print("big // 2 = %d, big %% 10 = %d" % (big // 2, big % 10))
    print("-big // 3 = %d, -big %% 3 = %d" % (-big // 3, -big % 3))
    print("(-big - 1) // 2 = %d" % ((-big - 1) // 2))
    x = -7
    x //= 2
    y = -7
    y %= 3
    print("augmented: %d %d" % (x, y))
    # Digits of a negative number, Python-style (mod stays non-negative).
    n = -12345
    digits = []
    for i in range(5):
        digits.append(str(n % 10))
        n = n // 10
    print("digits of -12345 by floor mod: " + " ".join(digits) + " rest %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
