# syntax: break outside a loop (found by the compiler, not the parser)
def f(x):
    if x:
        break
    return x
