# int: floor division, modulo and true division of arbitrary-precision values
a = 10**40 + 12345
b = 10**20 + 7
print(a // b, a % b)
print(-a // b, -a % b, a // -b, a % -b)
print(a // 3, a % 3, a // 10**39)
print((2**200) // (2**100) == 2**100, (2**200 + 1) % (2**100))
print(10**30 / 10**10, 2**100 / 2**99, 1 / 2**10)
print(10**25 // 1, 10**25 // -1)
for k in (1, 2, 9, 10, 11, 99, 12345678901):
    print(k, (10**50) // k % 1000, (10**50) % k)
try:
    print(2**100 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2**100 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
