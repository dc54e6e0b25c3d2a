"""Classes: single inheritance, overriding, calling the base method
explicitly, isinstance, attributes on the most general class, None."""

import sys


class Shape(object):
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return "%s with area %d" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)
        self.name = "square"

    def describe(self):
        return "a " + Rect.describe(self)


class Triangle(Shape):
    def __init__(self, base, height):
        Shape.__init__(self, "triangle")
        self.base = base
        self.height = height

    def area(self):
        return self.base * self.height // 2


class Counter(object):
    def __init__(self):
        self.count = 0
        self.last = None

    def see(self, shape):
        self.count += 1
        self.last = shape


def largest(shapes):
    best = None
    for s in shapes:
        if best is None or s.area() > best.area():
            best = s
    return best


def entry_point(argv):
    shapes = [Rect(3, 4), Square(5), Triangle(6, 7), Shape("point")]
    counter = Counter()
    for s in shapes:
        print(s.describe())
        counter.see(s)
    print("seen %d, last %s" % (counter.count, counter.last.name))
    big = largest(shapes)
    print("largest: " + big.name)
    n_rects = 0
    n_squares = 0
    for s in shapes:
        if isinstance(s, Rect):
            n_rects += 1
        if isinstance(s, Square):
            n_squares += 1
    print("rects %d, squares %d" % (n_rects, n_squares))
    both = 0
    for s in shapes:
        if isinstance(s, (Square, Triangle)):
            both += 1
    print("square or triangle: %d" % both)
    empty = largest([])
    print("empty is None: %s" % str(empty is None))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
