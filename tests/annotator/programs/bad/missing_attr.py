class P(object):
    def __init__(self):
        self.x = 1
        self.y = 2
def entry_point(argv):
    p = P()
    print(p.z)
    return 0
