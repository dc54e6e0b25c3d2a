# A dict's struct has only `length`; what it holds is known from the
# helpers it is used with and its prebuilt items. Looking a key up reads
# what the dict reaches (keys, and the lists it holds: reads are DEEP) and
# may store a string key's hash; printing it reads the same.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'a', 'b'])


@dont_look_inside
def has(d, k):
    return k in d


@dont_look_inside
def shown(d):
    return len(str(d))


def run(n):
    acc = 0
    a = {"xy": [1, 2]}
    b = {"xy": [1, 2]}
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, a=a, b=b)
        if has(a, "xy"):
            acc += shown(b)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
