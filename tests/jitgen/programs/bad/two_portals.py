# One driver, jit_merge_point in two functions: the portal must be one.
from rlib.jit import JitDriver

driver = JitDriver(greens=[], reds=['n'])

def run_a(n):
    while n > 0:
        driver.jit_merge_point(n=n)
        n -= 1
    return n

def run_b(n):
    while n > 1:
        driver.jit_merge_point(n=n)
        n -= 2
    return n

def entry_point(argv):
    print(run_a(len(argv)) + run_b(len(argv)))
    return 0
