# raises=no for a call that cannot raise, raises=yes for one that raises
# on its own (ValueError) and for one whose callee raises (IndexError of a
# list read).
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'items'])


@dont_look_inside
def safe(k):
    return k * 2 + 1


@dont_look_inside
def checked(k):
    if k < 0:
        raise ValueError("negative")
    return k


def pick(items, k):
    return items[k]


@dont_look_inside
def fetch(items, k):
    return pick(items, k)


def run(n):
    acc = 0
    items = [4, 5, 6]
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, items=items)
        try:
            acc += safe(n) + checked(n) + fetch(items, n % 3)
        except ValueError:
            acc = 0
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
