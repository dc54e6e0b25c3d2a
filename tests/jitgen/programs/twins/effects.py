# CallDescr effects as descr indices: the trace reads `c.hits` and list
# items, so those field and array descrs exist; `bump` writes `hits` and
# `misses` (no trace touches `misses`, the counter is made outside the
# portal: it has no descr and is left out),
# `ll_list_append` writes the list's length, items and items array.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'c', 'stack'])


class Counter(object):
    def __init__(self):
        self.hits = 0
        self.misses = 0


@dont_look_inside
def bump(c, k):
    if k > 3:
        c.hits += 1
    else:
        c.misses += 1


def run(n, c):
    stack = [0]
    while n > 0:
        driver.jit_merge_point(n=n, c=c, stack=stack)
        bump(c, n)
        stack.append(c.hits + stack[0])
        n -= 1
    return c.hits + len(stack)


def entry_point(argv):
    print(run(len(argv) + 10, Counter()))
    return 0
