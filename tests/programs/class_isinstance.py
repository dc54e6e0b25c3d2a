"""isinstance: against a single class and tuples of classes, through a
deep hierarchy, with sibling classes, on None-able values, and used to
dispatch on the dynamic type of an expression tree."""

import sys


class Expr(object):
    pass


class Num(Expr):
    def __init__(self, value):
        self.value = value


class BinOp(Expr):
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Add(BinOp):
    pass


class Mul(BinOp):
    pass


class Sub(BinOp):
    pass


def evaluate(e):
    if isinstance(e, Num):
        return e.value
    if isinstance(e, BinOp):
        a = evaluate(e.left)
        b = evaluate(e.right)
        if isinstance(e, Add):
            return a + b
        if isinstance(e, Mul):
            return a * b
        return a - b
    return 0


def show(e):
    if isinstance(e, Num):
        return str(e.value)
    if isinstance(e, (Add, Sub)):
        op = "+"
        if isinstance(e, Sub):
            op = "-"
        return "(" + show(e.left) + " " + op + " " + show(e.right) + ")"
    if isinstance(e, Mul):
        return show(e.left) + " * " + show(e.right)
    return "?"


def entry_point(argv):
    e = Mul(Add(Num(2), Num(3)), Sub(Num(10), Mul(Num(2), Num(4))))
    print("%s = %d" % (show(e), evaluate(e)))
    nodes = [Num(1), Add(Num(1), Num(2)), Mul(Num(3), Num(4)), Sub(Num(5), Num(6)), Expr()]
    for n in nodes:
        print("Expr %s Num %s BinOp %s Add %s (Add, Mul) %s (Num, Sub) %s" % (
            str(isinstance(n, Expr)), str(isinstance(n, Num)), str(isinstance(n, BinOp)),
            str(isinstance(n, Add)), str(isinstance(n, (Add, Mul))), str(isinstance(n, (Num, Sub)))))
    maybe = None
    for n in nodes:
        if isinstance(n, Mul):
            maybe = n
    print("found a Mul: %s" % str(maybe is not None))
    nothing = None
    if len(argv) > 100:
        nothing = Num(0)
    print("isinstance(None, Num): %s" % str(isinstance(nothing, Num)))
    count = 0
    for n in nodes:
        if isinstance(n, BinOp) and not isinstance(n, Sub):
            count += 1
    print("BinOps that are not Sub: %d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
