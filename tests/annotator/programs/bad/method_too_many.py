class Counter(object):
    def __init__(self):
        self.n = 0
    def bump(self, k):
        self.n += k
def entry_point(argv):
    c = Counter()
    c.bump(1, 2)
    return 0
