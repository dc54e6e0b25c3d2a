"""Module-level machinery run at translation time: decorators that
register functions in a table, closures made by factories, and a table
built with a comprehension.  At run time only the results are used."""

import sys

OPERATIONS = {}


def register(name):
    """A decorator factory: records the function under `name`."""
    def decorator(func):
        OPERATIONS[name] = func
        return func
    return decorator


@register("add")
def op_add(a, b):
    return a + b


@register("sub")
def op_sub(a, b):
    return a - b


@register("mul")
def op_mul(a, b):
    return a * b


@register("max")
def op_max(a, b):
    if a > b:
        return a
    return b


def make_scaler(factor):
    """A closure over a translation-time constant."""
    def scale(x):
        return x * factor
    return scale


double = make_scaler(2)
triple = make_scaler(3)

SQUARES = [i * i for i in range(10)]
NAMES = [name for name in OPERATIONS]


def apply_all(a, b):
    for name in NAMES:
        f = OPERATIONS[name]
        print("%s(%d, %d) = %d" % (name, a, b, f(a, b)))


def fold(name, items):
    f = OPERATIONS[name]
    acc = items[0]
    i = 1
    while i < len(items):
        acc = f(acc, items[i])
        i += 1
    return acc


def entry_point(argv):
    apply_all(7, 3)
    print("double(21) = %d, triple(14) = %d" % (double(21), triple(14)))
    print("fold add: %d" % fold("add", SQUARES))
    print("fold max: %d" % fold("max", [3, 9, 2, 7]))
    print("fold mul: %d" % fold("mul", [1, 2, 3, 4, 5]))
    total = 0
    for s in SQUARES:
        total += double(s)
    print("sum of doubled squares: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
