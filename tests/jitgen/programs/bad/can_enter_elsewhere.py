# can_enter_jit belongs in the portal, next to jit_merge_point.
from rlib.jit import JitDriver

driver = JitDriver(greens=[], reds=['n'])

def back(n):
    driver.can_enter_jit(n=n)

def run(n):
    while n > 0:
        driver.jit_merge_point(n=n)
        n -= 1
        back(n)
    return n

def entry_point(argv):
    print(run(len(argv)))
    return 0
