# Instances: a struct per class inheriting its base's fields, typeptr to a
# vtable; an overridden method called through the base is an indirect call
# through the vtable slot; isinstance is a range check on subclassMin.
class Shape(object):
    def __init__(self, scale):
        self.scale = scale

    def area(self):
        return 0

class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, 1)
        self.side = side

    def area(self):
        return self.side * self.side * self.scale

class Tri(Shape):
    def area(self):
        return 3 * self.scale

def describe(s):
    if isinstance(s, Square):
        return s.side
    return -1

def entry_point(argv):
    n = len(argv)
    s = Square(n + 2)
    if n > 5:
        s = Tri(n)
    print(s.area())
    print(describe(s))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
