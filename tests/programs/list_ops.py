"""List operators: list * n (also of lists of strs), list + list,
extend with lists and with strings' chars, +=, list() copies, len,
equality, and a list grown past many resizes."""

import sys


def show(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ",".join(parts) + "]"


def entry_point(argv):
    zeros = [0] * 5
    print(show(zeros))
    pattern = [1, 2] * 3
    print(show(pattern))
    none_times = [7] * 0
    print(show(none_times) + " len %d" % len(none_times))
    n = len(argv) + 2
    grid_row = [-1] * n
    print(show(grid_row))
    a = [1, 2, 3]
    b = [4, 5]
    c = a + b
    print(show(c) + " " + show(a) + " " + show(b))
    a.extend(b)
    print("extend: " + show(a))
    a += [6, 7]
    print("+=: " + show(a))
    a.extend([])
    print("extend empty: " + show(a))
    letters = ["x"]
    letters.extend(["y", "z"])
    letters += ["w"]
    print("strs: " + "".join(letters))
    chars = list("abc")
    chars.extend(list("de"))
    print("chars: " + "".join(chars))
    copy = list(c)
    copy.append(100)
    print("copy %s, original %s" % (show(copy), show(c)))
    print("equal: %s %s %s" % (str([1, 2] == [1, 2]), str(c == copy), str(c != copy)))
    big = []
    for i in range(10000):
        big.append(i)
    total = 0
    for x in big:
        total += x
    print("big: len %d, sum %d, last %d" % (len(big), total, big[-1]))
    words = ["ab"] * 3
    words[1] = "cd"
    print(" ".join(words))
    r = list(range(3, 8))
    print("list(range): " + show(r))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
