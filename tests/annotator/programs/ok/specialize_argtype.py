# @specialize.argtype: one graph per combination of argument types at the
# listed positions; each copy is annotated on its own, so mixing int, str
# and float arguments is fine.
from rlib.objectmodel import specialize


class Point(object):
    def __init__(self, x):
        self.x = x


@specialize.argtype(0)
def show(x):
    return "<" + str(x) + ">"


@specialize.argtype(0, 1)
def first(a, b):
    return a


@specialize.argtype(0)
def get_x(p):
    if p is None:
        return 0
    return p.x


def entry_point(argv):
    print(show(1) + show("one") + show(1.5))
    n = first(len(argv), "ignored")
    s = first("text", 2)
    f = first(2.5, 2.5)
    print(n, s, f)
    p = Point(7)
    if len(argv) > 5:
        p = None
    print(get_x(p), get_x(Point(3)))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
