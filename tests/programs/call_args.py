"""Calling conventions: default argument values (ints, strs, None),
keyword arguments in any order, defaults mixed with positional
arguments, and methods with defaults."""

import sys


def greet(name, greeting="hello", punct="!"):
    return "%s, %s%s" % (greeting, name, punct)


def clamp(x, lo=0, hi=100):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def join_opt(a, b=None):
    if b is None:
        return a
    return a + "+" + b


class Box(object):
    def __init__(self, width=1, height=1, label="box"):
        self.width = width
        self.height = height
        self.label = label

    def area(self, scale=1):
        return self.width * self.height * scale


def entry_point(argv):
    print(greet("ann"))
    print(greet("bob", "hi"))
    print(greet("cy", "hey", "?"))
    print(greet("dee", punct="..."))
    print(greet(punct=";", name="eve", greeting="yo"))
    for x in [-5, 50, 500]:
        print("clamp(%d) = %d, clamp(%d, 10, 20) = %d, hi=60: %d" % (x, clamp(x), x, clamp(x, 10, 20),
                                                                   clamp(x, hi=60)))
    print(join_opt("a"))
    print(join_opt("a", "b"))
    print(join_opt("a", b="c"))
    boxes = [Box(), Box(3), Box(2, 5), Box(height=4), Box(label="tall", height=9, width=2)]
    for bx in boxes:
        print("%s %dx%d area %d, scaled %d" % (bx.label, bx.width, bx.height, bx.area(), bx.area(scale=3)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
