# A residual call that only reads: its reads are two fields of one class,
# it writes nothing, and it cannot raise.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'p'])


class Pair(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


@dont_look_inside
def total(p):
    return p.a + p.b


def run(n):
    acc = 0
    p = Pair(n, 2)
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, p=p)
        acc += total(p)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
