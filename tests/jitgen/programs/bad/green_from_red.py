# A green must be a constant in traces: `pc` computed from the red `acc`
# is not (promote() it, or make it a red).
from rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['acc', 'n'])

def run(n):
    acc = 0
    pc = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, acc=acc, n=n)
        acc += 1
        pc = acc % 7
        if acc > n:
            break
    return acc

def entry_point(argv):
    print(run(len(argv) + 20))
    return 0
