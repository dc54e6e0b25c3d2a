class Counter(object):
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
counter = Counter()
TABLE = {"a": 1, "b": 2}
NAMES = ("x", "y")
def entry_point(argv):
    counter.bump()
    print(counter.n, TABLE["a"], NAMES[0])
    return 0
