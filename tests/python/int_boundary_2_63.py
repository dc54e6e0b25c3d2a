# int: values at the machine-word boundaries +-2**63 behave exactly (add, sub, neg, abs, //, %, compare)
big = 2**63
m = big - 1
n = -big
print(m, n, big)
print(m + 1, n - 1, m + m, n + n)
print(-n, abs(n), -m, n * -1, n // -1, n % -1)
print(m * -1 - 1 == n, m + 1 == -n)
print(n // 1, n // 2, n // 3, n % 3, m // -3, m % -3)
print(m > n, big > m, big == 2**63, -big == n, m < big)
print(m - n, n - m)
print((m + 1) - 1 == m, (n - 1) + 1 == n)
print(type(m + 1) is int, type(n - 1) is int)
print(str(n), repr(m + 1), hex(n), hex(m))
x = m
x += 1
print(x)
x -= 2
print(x)
print(2**64, -(2**64), 2**64 - 1, (2**64) // (2**32))
print(9223372036854775807, -9223372036854775808, 9223372036854775808)
