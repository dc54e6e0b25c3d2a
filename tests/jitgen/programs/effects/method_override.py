# A call through a method: `shape.area()` is an indirect call whose
# targets are every override, so the residual function's effects are the
# union of both (Square writes `side_seen`, Circle writes `radius_seen`).
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'shapes'])


class Shape(object):
    def area(self):
        return 0


class Square(Shape):
    def __init__(self, side):
        self.side = side
        self.side_seen = 0

    def area(self):
        self.side_seen += 1
        return self.side * self.side


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius
        self.radius_seen = 0

    def area(self):
        self.radius_seen += 1
        return 3 * self.radius * self.radius


@dont_look_inside
def measure(shape):
    return shape.area()


def run(n):
    acc = 0
    shapes = [Square(2), Circle(3)]
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, shapes=shapes)
        acc += measure(shapes[n % 2])
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
