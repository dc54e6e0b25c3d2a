"""rlib.objectmodel.StringBuilder: append, append_slice,
append_multiple_char, getlength and build (build may be called more than
once), used to render a report and to escape a string."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.objectmodel import StringBuilder


def escape(s):
    sb = StringBuilder()
    for c in s:
        if c == "\n":
            sb.append("\\n")
        elif c == "\"":
            sb.append("\\\"")
        elif c == "\\":
            sb.append("\\\\")
        else:
            sb.append(c)
    return sb.build()


def bar_chart(labels, values):
    sb = StringBuilder()
    for i in range(len(labels)):
        sb.append(labels[i])
        sb.append_multiple_char(" ", 8 - len(labels[i]))
        sb.append("|")
        sb.append_multiple_char("#", values[i])
        sb.append(" %d\n" % values[i])
    return sb.build()


def entry_point(argv):
    print(escape("say \"hi\"\nand \\ leave"))
    print(bar_chart(["red", "green", "blue"], [5, 12, 0]))
    sb = StringBuilder()
    print("empty build: [%s] length %d" % (sb.build(), sb.getlength()))
    text = "0123456789"
    sb.append_slice(text, 2, 5)
    first = sb.build()
    sb.append_slice(text, 7, 10)
    print("slices: %s then %s (length %d)" % (first, sb.build(), sb.getlength()))
    big = StringBuilder()
    for i in range(1000):
        big.append(str(i % 10))
    out = big.build()
    print("1000 appends: length %d, head %s, tail %s" % (len(out), out[:12], out[-3:]))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
