# int: + - * unary minus, precedence, ** and the int/bool mix on small machine-word values
a = 17
b = 5
print(a + b, a - b, a * b, -a, +a, -(-a))
print(a + b * 2, (a + b) * 2, a - b - 3, a - (b - 3))
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2, 2 ** 3 ** 2)
print(0 - 0, 0 * -1, -0)
print(True + 1, True * 10, False - 1)
x = 10
x += 5
x -= 3
x *= 4
print(x)
x //= 7
print(x)
x %= 4
print(x)
x **= 3
print(x)
print(7 == 7, 7 != 7, 3 < 4 < 5, 3 < 4 > 5, 1 <= 1 >= 1)
print(abs(-12), abs(12), abs(0))
print(int, type(a).__name__)
