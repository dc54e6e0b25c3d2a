"""Splitting strings: split() on runs of whitespace, split(sep) with one-
and multi-character separators (empty fields kept), maxsplit, rsplit,
and rebuilding with join."""

import sys


def show(label, parts):
    quoted = []
    for p in parts:
        quoted.append("<" + p + ">")
    print("%-22s %d: %s" % (label, len(parts), " ".join(quoted)))


def entry_point(argv):
    show("split()", "  the quick\tbrown\n fox  ".split())
    show("split() empty", "".split())
    show("split() blank", "   ".split())
    show("split(',')", "a,b,,c,".split(","))
    show("split(',') empty", "".split(","))
    show("split(', ')", "x, y, z".split(", "))
    show("split('ab')", "1ab2ab3abab4".split("ab"))
    show("split(' ')", " a  b ".split(" "))
    show("split(',', 1)", "k=v,w,x".split(",", 1))
    show("split('=', 1)", "key=value=more".split("=", 1))
    show("rsplit('.', 1)", "archive.tar.gz".rsplit(".", 1))
    show("split('-', 0)", "a-b-c".split("-", 0))
    show("no separator found", "abc".split(";"))
    csv = "name,age,city\nalice,30,paris\nbob,25,rome\ncarol,,oslo"
    lines = csv.split("\n")
    header = lines[0].split(",")
    for line in lines[1:]:
        fields = line.split(",")
        pairs = []
        for i in range(len(header)):
            value = fields[i]
            if value == "":
                value = "?"
            pairs.append(header[i] + "=" + value)
        print("; ".join(pairs))
    words = "one two  three   four".split()
    print("rejoined: " + "_".join(words))
    total = 0
    for field in "10 20 30 40".split(" "):
        total += int(field)
    print("total: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
