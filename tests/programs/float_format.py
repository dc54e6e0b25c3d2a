"""Formatting floats with a constant format: %f with precisions and
widths, zero padding, left alignment, sign flags, %e and %g, and str()."""

import sys

VALUES = [0.0, 1.0, -1.0, 3.14159265, -2.71828, 0.5, 1.005, 2.675, 123456.789,
          1e-7, 6.02e23, 100.0, 0.000123456]


def entry_point(argv):
    for v in VALUES:
        print("%f|%.2f|%.0f|%10.3f|%-10.1f|%08.3f|" % (v, v, v, v, v, v))
    for v in VALUES:
        print("%e|%.3e|%g|%.3g|%G|%+.1f|% .1f|" % (v, v, v, v, v, v, v))
    print("%.10f" % (1.0 / 3.0))
    print("%.15f" % 0.1)
    print("%.1f %.1f %.1f %.1f" % (0.25, 0.35, 0.45, -0.25))
    print("%5.1f%%" % 99.44)
    print("[%12.4e]" % 12345.6789)
    print("[%-12.2f]" % -3.14159)
    print("[%+08.2f]" % 3.14159)
    print("%s and %s" % (str(2.0), str(1e20)))
    rows = [("apples", 3, 0.5), ("pears", 12, 1.25), ("kiwis", 100, 0.1)]
    total = 0.0
    for name, count, price in rows:
        cost = count * price
        total += cost
        print("%-8s %4d x %6.2f = %8.2f" % (name, count, price, cost))
    print("%-8s %22.2f" % ("total", total))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
