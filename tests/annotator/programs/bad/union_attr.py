class Box(object):
    def __init__(self, v):
        self.v = v
def entry_point(argv):
    a = Box(1)
    b = Box("one")
    print(a.v, b.v)
    return 0
