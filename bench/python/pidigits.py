# bench: big integers: digits of pi by Gibbons' unbounded spigot (multi-word multiply, divide, compare).
# Argument: number of digits (default 3000). Prints the last 20 digits and a digit sum.
import sys


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return out


def main(argv):
    count = int(argv[1]) if len(argv) > 1 else 3000
    digits = pi_digits(count)
    print("".join(str(d) for d in digits[:20]), "...", "".join(str(d) for d in digits[-20:]))
    print("digit sum %d" % sum(digits))


main(sys.argv)
