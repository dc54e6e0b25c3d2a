"""argv: the program gets no extra arguments, so len(argv) is 1; argv is
a list of strs that can be copied and extended; its first element is the
program path (not printed: it differs between CPython and a translated
binary)."""

import sys


def describe(args):
    if len(args) == 1:
        return "no arguments"
    return "%d arguments" % (len(args) - 1)


def entry_point(argv):
    print("len(argv) = %d" % len(argv))
    print(describe(argv))
    print("argv[0] is non-empty: %s" % str(len(argv[0]) > 0))
    args = list(argv)
    args.append("--verbose")
    args.append("file.txt")
    print("after append: " + describe(args))
    for a in args[1:]:
        if a.startswith("--"):
            print("flag " + a[2:])
        else:
            print("file " + a)
    print("original unchanged: %d" % len(argv))
    mode = "default"
    if len(argv) > 1:
        mode = argv[1]
    print("mode: " + mode)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
