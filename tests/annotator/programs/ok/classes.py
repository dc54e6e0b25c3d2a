class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
def entry_point(argv):
    p = Point(1, len(argv))
    p.x = p.x + 2
    print(p.norm1())
    return 0
