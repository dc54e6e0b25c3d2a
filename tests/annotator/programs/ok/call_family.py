def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def apply(f, x):
    return f(x, 3)
def entry_point(argv):
    ops = [add, mul]
    s = 0
    for op in ops:
        s += apply(op, len(argv))
    print(s)
    return 0
