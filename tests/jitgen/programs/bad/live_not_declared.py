# Every variable live across jit_merge_point must be a green or a red:
# `scale` is used after the merge point but the driver does not declare it.
from rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['acc', 'n'])

def run(n, scale):
    acc = 0
    pc = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, acc=acc, n=n)
        acc += pc * scale
        pc += 1
    return acc

def entry_point(argv):
    print(run(len(argv), 3))
    return 0
