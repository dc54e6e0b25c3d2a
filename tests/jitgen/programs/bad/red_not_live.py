# A red must be live after jit_merge_point: `seen` is declared red but the
# loop never reads it after the merge point.
from rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['acc', 'n', 'seen'])

def run(n):
    acc = 0
    pc = 0
    seen = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, acc=acc, n=n, seen=seen)
        acc += pc
        pc += 1
        seen = 1
    return acc

def entry_point(argv):
    print(run(len(argv)))
    return 0
