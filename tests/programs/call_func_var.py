"""A variable holding one of several functions with the same signature:
chosen by a condition, passed as an argument (a higher-order apply and
fold), returned from a function, and stored in an instance attribute."""

import sys


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def pick(name):
    if name == "add":
        return add
    elif name == "sub":
        return sub
    return mul


def fold(f, items, start):
    acc = start
    for x in items:
        acc = f(acc, x)
    return acc


def apply_twice(f, a, b):
    return f(f(a, b), b)


class Calculator(object):
    def __init__(self, op):
        self.op = op
        self.calls = 0

    def run(self, a, b):
        self.calls += 1
        return self.op(a, b)


def entry_point(argv):
    for name in ["add", "sub", "mul"]:
        f = pick(name)
        print("%s(7, 3) = %d, twice = %d" % (name, f(7, 3), apply_twice(f, 7, 3)))
    items = [1, 2, 3, 4, 5]
    print("fold add %d, fold mul %d, fold sub %d" % (fold(add, items, 0), fold(mul, items, 1),
                                                    fold(sub, items, 100)))
    g = add
    if len(argv) > 0:
        g = mul
    print("chosen at run time: %d" % g(6, 7))
    calc = Calculator(sub)
    print("calculator: %d" % calc.run(10, 4))
    calc.op = add
    print("calculator after swap: %d (calls %d)" % (calc.run(10, 4), calc.calls))
    total = 0
    for i in range(10):
        h = pick("add")
        if i % 2 == 1:
            h = pick("mul")
        total = h(total, i)
    print("alternating total: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
