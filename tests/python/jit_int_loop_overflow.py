# JIT loop: an integer accumulation loop whose values cross 2**63 midway (machine int to big int in a hot loop)
# suite: slow
def run(n):
    acc = 0
    x = 1
    for i in range(n):
        acc += x
        x = x * 3 % 1000003
        if i == n // 2:
            acc += 2**63 - acc - 5
    return acc, x

print(run(300000))
def lcg(n):
    s = 12345
    total = 0
    for i in range(n):
        s = (s * 1103515245 + 12345) & 0x7fffffff
        total += s >> 16
    return s, total
print(lcg(200000))
