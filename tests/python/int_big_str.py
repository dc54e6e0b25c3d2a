# int: str/repr of huge values (factorials, powers) and their digit sums round-trip through int()
f = 1
for i in range(2, 101):
    f *= i
s = str(f)
print(len(s), s[:20], s[-30:])
print(sum(int(c) for c in s))
print(int(s) == f, repr(f) == s, str(-f)[:5])
p = 2**1000
print(len(str(p)), str(p)[:10], str(p)[-10:])
print(10**100 - 1 == int("9" * 100))
n = 7**150
print(n % 1000000007, n // 7**149)
