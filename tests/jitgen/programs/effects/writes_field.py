# A residual call that writes one field (and reads it first); the field it
# does not touch (`limit`) stays out of both sets.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'c'])


class Counter(object):
    def __init__(self, limit):
        self.hits = 0
        self.limit = limit


@dont_look_inside
def bump(c):
    c.hits += 1


def run(n):
    c = Counter(n)
    while n > 0:
        driver.jit_merge_point(n=n, c=c)
        bump(c)
        if c.hits > c.limit:
            return -1
        n -= 1
    return c.hits


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
