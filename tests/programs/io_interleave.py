"""print interleaved with os.write on fd 1 (program order must be kept:
the tests run CPython unbuffered), print with several arguments and
mixed types, and print of an empty string."""

import os
import sys


def entry_point(argv):
    print("1: print")
    os.write(1, "2: os.write\n".encode())
    print("3: print")
    print("4: print")
    os.write(1, "5: os.write\n".encode())
    os.write(1, "6: partial ".encode())
    print("line from print")
    for i in range(7, 12):
        if i % 2 == 0:
            print("%d: print" % i)
        else:
            os.write(1, ("%d: os.write\n" % i).encode())
    print("several", "arguments", 3, 4.5, True, None)
    print("a", "")
    print("")
    print()
    name = "x"
    count = 3
    print("name:", name, "count:", count)
    print(1, 2, 3)
    os.write(2, "stderr in the middle\n".encode())
    print("end")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
