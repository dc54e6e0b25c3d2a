# control flow: break and continue in nested for and while loops, and loops over changing data
out = []
for i in range(5):
    if i == 1:
        continue
    j = 0
    while True:
        j += 1
        if j > i:
            break
        if j % 2 == 0:
            continue
        out.append((i, j))
print(out)
primes = []
n = 1
while len(primes) < 10:
    n += 1
    for p in primes:
        if p * p > n:
            primes.append(n)
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
stack = [1]
steps = 0
while stack:
    x = stack.pop()
    steps += 1
    if x < 20:
        stack.append(x * 2)
        stack.append(x * 3)
print(steps)
