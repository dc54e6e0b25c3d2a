# The traced twin of a small portal: greens pc and code, reds a and n; a
# branch on a red (guard), a promote, an @elidable lookup, a residual call
# (a function with a loop) and an inlined helper.
from rlib.jit import JitDriver, elidable, promote

driver = JitDriver(greens=['pc', 'code'], reds=['a', 'n'])


@elidable
def opcode(code, pc):
    return code[pc]


def slow_sum(k):
    s = 0
    for i in range(k):
        s += i
    return s


def step(a):
    return a - 1


def run(code, a):
    pc = 0
    n = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, a=a, n=n)
        op = opcode(code, pc)
        if op == 0:
            a = step(a)
            pc = 1
        elif op == 1:
            n += promote(a) % 3 + slow_sum(2)
            pc = 2
        else:
            if a > 0:
                driver.can_enter_jit(pc=0, code=code, a=a, n=n)
                pc = 0
            else:
                return n


def entry_point(argv):
    print(run([0, 1, 2], 100 + len(argv)))
    return 0
