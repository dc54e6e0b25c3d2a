# set_param at run time: a known parameter is accepted, an unknown one ends
# the translated program with a clear message and status 1.
from rlib.jit import JitDriver, set_param

driver = JitDriver(greens=['pc'], reds=['n', 'acc'])


def run(n):
    pc = 0
    acc = 0
    while True:
        driver.jit_merge_point(pc=pc, n=n, acc=acc)
        if n <= 0:
            break
        acc += n
        n -= 1
        driver.can_enter_jit(pc=pc, n=n, acc=acc)
    return acc


def entry_point(argv):
    set_param(driver, 'threshold', 3)
    print(run(100))
    set_param(driver, 'no_such_parameter', 1)
    print(run(10))
    return 0
