"""Building strings: concatenation in loops, += on strings, repetition
with * (including zero and negative counts), padding by hand, and a
text box drawn with repeated characters."""

import sys


def pad_left(s, width, fill):
    if len(s) >= width:
        return s
    return fill * (width - len(s)) + s


def box(lines):
    width = 0
    for line in lines:
        if len(line) > width:
            width = len(line)
    out = "+" + "-" * (width + 2) + "+\n"
    for line in lines:
        out += "| " + line + " " * (width - len(line)) + " |\n"
    out += "+" + "-" * (width + 2) + "+"
    return out


def entry_point(argv):
    s = ""
    for i in range(10):
        s += str(i)
    print(s)
    t = ""
    for i in range(5):
        t = t + "<" + str(i * i) + ">"
    print(t)
    print("ab" * 3 + "|" + "ab" * 0 + "|" + "ab" * -2 + "|")
    print(3 * "xy")
    n = len(argv) + 4
    print("=" * n)
    print(pad_left("42", 6, "0") + " " + pad_left("12345678", 6, "*") + " " + pad_left("", 3, "."))
    print(box(["hello", "a longer line", "", "end"]))
    acc = "a"
    for i in range(6):
        acc = acc + acc
    print("doubled 6 times: len %d" % len(acc))
    triangle = []
    for i in range(1, 6):
        triangle.append(" " * (5 - i) + "*" * (2 * i - 1))
    for row in triangle:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
