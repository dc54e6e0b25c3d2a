# JIT loop: a variable that changes type mid-loop (int, float, big int, str) so compiled guards must fail safely
# suite: slow
def mixed(n):
    v = 0
    out = []
    for i in range(n):
        if i == n // 4:
            v = float(v)
        elif i == n // 2:
            v = int(v) * 2**64
        elif i == 3 * n // 4:
            out.append(v)
            v = 0
        v = v + 1
    out.append(v)
    return out

print(mixed(200000))
vals = [1, 2.5, 2**70, -3, 0.5]
acc = 0
for i in range(100000):
    acc = acc + vals[i % 5]
print(acc)
