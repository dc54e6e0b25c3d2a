# A callee that reaches a runtime helper jitgen cannot see into and has no
# row for (set_param goes through a hook of the JIT runtime): its effects
# are unknown, and so are its callers'.
from rlib.jit import JitDriver, dont_look_inside, set_param

driver = JitDriver(greens=[], reds=['n', 'acc'])


def tune(k):
    set_param(driver, 'trace_limit', 1000 + k)


@dont_look_inside
def maybe_tune(k):
    if k == 3:
        tune(k)
    return k


def run(n):
    acc = 0
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc)
        acc += maybe_tune(n)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
