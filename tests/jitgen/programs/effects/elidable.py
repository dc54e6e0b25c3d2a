# An @elidable function: a pure call (elidable=yes) that reads a field and
# the items of the list it holds; it writes nothing.
from rlib.jit import JitDriver, elidable

driver = JitDriver(greens=[], reds=['n', 'acc', 't'])


class Table(object):
    _immutable_fields_ = ['items[*]']

    def __init__(self, items):
        self.items = items


@elidable
def lookup(t, k):
    return t.items[k % len(t.items)]


def run(n):
    acc = 0
    t = Table([1, 2, 3])
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, t=t)
        acc += lookup(t, n)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
