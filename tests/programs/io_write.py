"""os.write to fd 1 and fd 2: strings encoded with .encode(), the number
of bytes written, empty writes, output without a trailing newline, and
stderr lines (compared exactly: no traceback here)."""

import os
import sys


def write_out(s):
    return os.write(1, s.encode())


def write_err(s):
    return os.write(2, s.encode())


def entry_point(argv):
    n = write_out("hello from os.write\n")
    write_out("wrote %d bytes\n" % n)
    write_out("")
    write_out("no newline yet...")
    write_out(" now\n")
    write_err("a line on stderr\n")
    total = 0
    for i in range(5):
        total += write_out("%d," % i)
    write_out("\n")
    write_out("total bytes in the row: %d\n" % total)
    write_err("stderr: %d items\n" % 5)
    lines = ["first", "second", "third"]
    write_out("\n".join(lines) + "\n")
    width = 20
    write_out("-" * width + "\n")
    write_err("done\n")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
