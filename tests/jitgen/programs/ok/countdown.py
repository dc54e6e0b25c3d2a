# The smallest portal: a countdown loop with one red; a helper with a loop
# is a residual call, an @unroll_safe one is traced into, an @elidable one
# folds, a @dont_look_inside one stays a call.
from rlib.jit import JitDriver, elidable, unroll_safe, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc'])

def slow_sum(k):
    t = 0
    for i in range(k):
        t += i
    return t

@unroll_safe
def small_sum(k):
    t = 0
    for i in range(k):
        t += i
    return t

@elidable
def square(x):
    return x * x

@dont_look_inside
def report(n):
    return n + 1

def step(acc, n):
    return acc + square(n) + small_sum(3) + slow_sum(2) + report(n)

def run(n):
    acc = 0
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc)
        acc = step(acc, n)
        n -= 1
    return acc

def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
