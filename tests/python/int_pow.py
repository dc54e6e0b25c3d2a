# int: ** with int results, negative exponents (float), big results, pow() with a modulus
print(2 ** 62, 2 ** 63, 2 ** 64, 3 ** 40, (-3) ** 41)
print(10 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(7 ** 77)
print(pow(2, 10), pow(2, 100, 1000), pow(3, 200, 7), pow(-3, 3, 5), pow(5, 0, 3))
print(pow(123456789, 987654321, 1000000007))
print(pow(2, 0.5), 4 ** 0.5, 8 ** (1 / 3))
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
