class Shape(object):
    def area(self):
        return 0
class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Sq(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
def entry_point(argv):
    shapes = [Shape(), Rect(2, 3), Sq(4)]
    t = 0
    for s in shapes:
        t += s.area()
    print(t)
    return 0
