# Appending to a list: the runtime helper's row (helpers.def) writes the
# list's length and items fields and its items array. Both the helper
# called from the trace and a residual function that appends show it.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'stack', 'log'])


@dont_look_inside
def push_twice(stack, x):
    stack.append(x)
    stack.append(x + 1)


def run(n):
    stack = [0]
    log = []
    while n > 0:
        driver.jit_merge_point(n=n, stack=stack, log=log)
        push_twice(stack, n)
        log.append(n)
        n -= 1
    return len(stack) + len(log)


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
