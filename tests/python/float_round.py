# float: round() uses round-half-even and correct decimal rounding; int results without ndigits
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.5), round(2.4999))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, -2))
print(round(3.14159, 3), round(-3.14159, 1), round(1e20, 2), round(123.456, 0), round(15.0, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7)).__name__)
print(round(7), round(17, -1), round(15, -1), round(25, -1), round(-25, -1), round(123456, -3))
print(round(1e300), round(-0.4), round(0.0))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
