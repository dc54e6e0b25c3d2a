# JIT loop: calls of closures, lambdas and functions with defaults/keywords in a hot loop
# suite: slow
def make_scaler(k):
    def scale(x, offset=0):
        return x * k + offset
    return scale

double = make_scaler(2)
triple = make_scaler(3)
inc = lambda v: v + 1
total = 0
for i in range(100000):
    total += double(i) - triple(i, offset=i % 7) + inc(i) * 2
print(total)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump
b = counter()
for i in range(100000):
    b()
print(b())
