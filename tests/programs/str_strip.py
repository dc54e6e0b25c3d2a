"""strip/lstrip/rstrip: default whitespace (spaces, tabs, newlines) and
explicit character sets, on empty and all-stripped strings."""

import sys


def show(label, s):
    print("%-18s [%s]" % (label, s))


def entry_point(argv):
    s = "  \t hello world \n  "
    show("strip()", s.strip())
    show("lstrip()", s.lstrip())
    show("rstrip()", s.rstrip().replace("\t", "\\t"))
    show("strip() nothing", "abc".strip())
    show("strip() empty", "".strip())
    show("strip() blank", " \t\n ".strip())
    show("strip('x')", "xxhixx".strip("x"))
    show("lstrip('x')", "xxhixx".lstrip("x"))
    show("rstrip('x')", "xxhixx".rstrip("x"))
    show("strip('ab')", "abbahelloabab".strip("ab"))
    show("strip('.,! ')", "...Hello, world!!! ".strip(".,! "))
    show("rstrip('0')", "3.14000".rstrip("0"))
    show("lstrip('0')", "000123".lstrip("0"))
    show("lstrip('0') all", "0000".lstrip("0"))
    lines = ["  first line  ", "\tsecond\t", "third   ", "   "]
    kept = []
    for line in lines:
        t = line.strip()
        if t != "":
            kept.append(t)
    print("kept: " + "|".join(kept))
    raw = " key1 = value1 ;key2=  value2  ; key3 =v3 "
    for part in raw.split(";"):
        kv = part.split("=")
        print("%s -> %s" % (kv[0].strip(), kv[1].strip()))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
