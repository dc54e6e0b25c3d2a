# JIT loop: a float kernel (numerical integration and a logistic map) run long enough to be compiled
# suite: slow
def integrate(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h

def logistic(n):
    x = 0.5
    acc = 0.0
    for i in range(n):
        x = 3.9 * x * (1.0 - x)
        acc += x
    return x, acc
print(integrate(200000))
print(logistic(200000))
