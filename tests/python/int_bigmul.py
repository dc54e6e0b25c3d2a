# int: multiplication overflowing the machine word becomes arbitrary precision (and exact)
a = 3037000499
print(a * a)
print(a * a + a + a)
b = 3037000500
print(b * b)
print((2**32) * (2**32), (2**31) * (2**32))
f = 1
for i in range(1, 31):
    f *= i
    if i % 5 == 0:
        print(i, f)
print(f * f)
print(-f * f, f * -f, -f * -f)
print(123456789123456789 * 987654321987654321)
print((10**20 + 1) * (10**20 - 1))
print(2**100 * 0, 0 * 2**100, 2**100 * 1 == 2**100, 2**100 * -1)
x = 1
for i in range(70):
    x = x * 3
print(x, len(str(x)))
