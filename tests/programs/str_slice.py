"""String slicing: positive, negative and omitted bounds, bounds past the
end, empty slices, reversed and stepped slices, slices in loops."""

import sys


def show(label, s):
    print("%-12s [%s] len %d" % (label, s, len(s)))


def entry_point(argv):
    s = "Hello, World"
    show("s[0:5]", s[0:5])
    show("s[7:]", s[7:])
    show("s[:5]", s[:5])
    show("s[:]", s[:])
    show("s[-5:]", s[-5:])
    show("s[:-7]", s[:-7])
    show("s[-5:-2]", s[-5:-2])
    show("s[3:3]", s[3:3])
    show("s[5:2]", s[5:2])
    show("s[100:]", s[100:])
    show("s[:100]", s[:100])
    show("s[-100:3]", s[-100:3])
    show("s[2:-100]", s[2:-100])
    show("s[::-1]", s[::-1])
    show("s[::2]", s[::2])
    show("s[1::3]", s[1::3])
    show("s[8:2:-2]", s[8:2:-2])
    n = len(s)
    for i in range(0, n, 4):
        print("chunk %d: [%s]" % (i // 4, s[i:i + 4]))
    prefixes = []
    for i in range(1, 5):
        prefixes.append(s[:i])
    print("prefixes: " + ",".join(prefixes))
    suffixes = []
    for i in range(1, 5):
        suffixes.append(s[-i:])
    print("suffixes: " + ",".join(suffixes))
    start = len(argv) - 1
    stop = start + 5
    print("computed bounds: [%s]" % s[start:stop])
    rotated = s[3:] + s[:3]
    print("rotated: " + rotated)
    print("unrotated: " + rotated[-3:] + rotated[:-3])
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
