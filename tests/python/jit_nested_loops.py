# JIT loop: nested loops over lists and ranges with an inner loop hot first (a sieve and a matrix product)
# suite: slow
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [k for k in range(n + 1) if flags[k]]

primes = sieve(200000)
print(len(primes), primes[-3:], sum(primes) % 1000007)
n = 40
a = [[(i * j) % 7 for j in range(n)] for i in range(n)]
c = [[0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0
        for k in range(n):
            s += a[i][k] * a[k][j]
        c[i][j] = s
print(sum(sum(r) for r in c), c[5][7])
