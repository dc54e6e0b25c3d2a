# Call families: functions called through one value join one family; two
# call sites sharing a member merge their families (inc, dec, twice).
# Classes called through one value form a family too.
def inc(x):
    return x + 1


def dec(x):
    return x - 1


def twice(x):
    return x * 2


class Shape(object):
    pass


class Circle(Shape):
    def __init__(self, size):
        self.size = size


class Square(Shape):
    def __init__(self, size):
        self.size = size


def entry_point(argv):
    n = len(argv)
    f = inc
    if n > 3:
        f = dec
    g = twice
    if n > 4:
        g = dec
    print(f(n), g(n))
    kind = Circle
    if n > 2:
        kind = Square
    shape = kind(n)
    print(shape is None)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
