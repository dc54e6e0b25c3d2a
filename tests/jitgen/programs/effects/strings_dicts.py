# Dicts and strings: storing under a string key writes the dict's length
# and may store the key's hash (STR.hash); joining reads the list and the
# strings it holds.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'names', 'seen'])


@dont_look_inside
def remember(seen, name):
    seen[name] = len(seen)


@dont_look_inside
def joined(names):
    return len(",".join(names))


def run(n):
    acc = 0
    names = ["a", "bb", "ccc"]
    seen = {}
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, names=names, seen=seen)
        remember(seen, names[n % 3])
        acc += joined(names) + len(seen)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
