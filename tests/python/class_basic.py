# classes: definition, __init__, instance attributes, methods, self, multiple instances
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, p.norm2(), q.x, q.y, q.norm2())
p.x = 10
p.label = "new attribute"
print(p.x, p.label, q.x)
class Empty:
    pass
e = Empty()
e.anything = [1, 2]
print(e.anything, type(e).__name__, type(p) is Point, Point.__name__)
print(Point.norm2(Point(1, 1)))
