# float: arithmetic, mixed int/float operands, ** and the results' exact repr
a = 1.5
b = 0.25
print(a + b, a - b, a * b, a / b, a ** 2, -a, b ** 0.5)
print(a + 1, 1 + a, 3 * b, b * 3, 7 / 2.0, 2 ** 0.5, 2.0 ** -1)
print(0.1 + 0.7, 0.1 * 3, 1.0 - 0.9, 100.0 / 3.0, 1e308 * 10, -1e308 * 10)
x = 1.0
for i in range(10):
    x = x * 1.1
print(x)
y = 0.0
for i in range(100):
    y += 0.125
print(y)
print(1e16 + 1, 1e16 + 2, 2.0 ** 53 + 1.0)
print(3.0 == 3, 0.5 + 0.5 == 1, 1e-320 / 10, 1e-320 * 1e-10)
print(abs(-2.5) if 1 > 2 else -2.5, -0.0 + 0.0, 0.0 * -1)
