# program: big-int arithmetic: Fibonacci numbers with hundreds of digits, digit sums, and a power check
a, b = 0, 1
for i in range(1000):
    a, b = b, a + b
s = str(a)
print(len(s), s[:15], s[-15:], sum(int(c) for c in s))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
r = isqrt(a)
print(r * r <= a < (r + 1) * (r + 1), len(str(r)))
print(pow(3, 1000, 10**20), (2**521 - 1) % 1000000007, (2**127 - 1) % 97)
