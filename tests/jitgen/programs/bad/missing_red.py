# jit_merge_point must name every green and red of its driver.
from rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['acc', 'n'])

def run(n):
    acc = 0
    pc = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, acc=acc, extra=n)
        acc += pc
        pc += 1
    return acc

def entry_point(argv):
    print(run(len(argv)))
    return 0
