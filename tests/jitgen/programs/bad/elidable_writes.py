# An @elidable function may not write to objects it did not create.
from rlib.jit import JitDriver, elidable

class Counter(object):
    def __init__(self):
        self.hits = 0

driver = JitDriver(greens=[], reds=['n', 'c'])

@elidable
def lookup(c, k):
    c.hits += 1
    return k * 2

def run(n):
    c = Counter()
    while n > 0:
        driver.jit_merge_point(n=n, c=c)
        n -= lookup(c, 1)
    return c.hits

def entry_point(argv):
    print(run(len(argv) + 4))
    return 0
