# A driver used only through can_enter_jit has no portal.
from rlib.jit import JitDriver

driver = JitDriver(greens=[], reds=['n'])

def run(n):
    while n > 0:
        n -= 1
        driver.can_enter_jit(n=n)
    return n

def entry_point(argv):
    print(run(len(argv)))
    return 0
