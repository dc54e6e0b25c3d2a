"""%-formatting with widths, precision and flags: right and left
alignment, zero padding, + and space signs, precision on strings and
floats, e.g. %5d|%-10s|%.2f|%08.3f, and a formatted report table."""

import sys


def entry_point(argv):
    for v in [0, 7, -7, 42, -42, 12345, 1234567]:
        print("[%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d]" % (v, v, v, v, v, v, v))
    for s in ["", "a", "abc", "abcdefghij", "abcdefghijkl"]:
        print("[%10s|%-10s|%.3s|%5.2s|%-5.1s]" % (s, s, s, s, s))
    for f in [0.0, 3.14159, -3.14159, 100.5, -0.001]:
        print("[%.2f|%08.3f|%-10.1f|%10.4f|%+.2f]" % (f, f, f, f, f))
    print("%5d|%-10s|%.2f|%08.3f" % (42, "left", 2.0 / 3.0, -1.5))
    print("[%6x|%-6x|%06x|%#x|%#o|%#X]" % (255, 255, 255, 255, 8, 255))
    print("[%3c|%-3c]" % ("x", "y"))
    header = "%-10s %6s %8s" % ("item", "qty", "price")
    print(header)
    print("-" * len(header))
    items = [("widget", 4, 2.5), ("gadget", 12, 10.0), ("doohickey", 1, 99.99)]
    total = 0.0
    for name, qty, price in items:
        print("%-10s %6d %8.2f" % (name, qty, price))
        total += qty * price
    print("%-10s %6s %8.2f" % ("total", "", total))
    width = 8
    s = "%d" % width
    print("[" + " " * (width - len(s)) + s + "]")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
