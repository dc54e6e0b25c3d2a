"""%-formatting with constant format strings: %d %i %s %f %x %X %o %r %c
and %%, of ints, negative ints, floats, strings, chars and bools, with
one argument and with tuples."""

import sys


def entry_point(argv):
    n = 255
    print("%d" % n)
    print("%i" % -n)
    print("%x %X %o" % (n, n, n))
    print("%x %o" % (-n, -n))
    print("%s" % "plain")
    print("%s|%s|%s" % ("a", 1, 2.5))
    print("%r" % "quoted")
    print("%r" % "it's")
    print("%r %r" % ("tab\there", "new\nline"))
    print("%r" % 42)
    print("%f" % 1.5)
    print("%f" % -0.000001)
    print("%c%c%c" % (72, 105, 33))
    print("%c" % "z")
    print("100%%")
    print("%d%%" % 50)
    print("%s %d" % (True, False))
    print("%s" % None)
    name = "Ada"
    age = 36
    print("%s is %d years old" % (name, age))
    print("%s%s%s" % (name, name, name))
    rows = [("a", 1), ("bb", 22), ("ccc", 333)]
    for label, value in rows:
        print("%s=%d (%x)" % (label, value, value))
    big = 9223372036854775807
    print("%d %x" % (big, big))
    print("%d" % (-big - 1))
    s = "%d-%d" % (1, 2)
    print(s + "|" + "%s" % s)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
