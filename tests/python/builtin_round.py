# builtins: round() of ints with negative ndigits (half-even), floats to int, and types of the results
for v in (0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e15 + 0.5, 4503599627370497.0):
    print(v, round(v), round(v, 1))
for v in (5, 15, 25, 35, -45, 149, 150, 151, 2**64 + 50):
    print(v, round(v, -1), round(v, -2), round(v, 2))
print(round(0.1 + 0.2, 10), round(2.5, 0), round(-0.0), round(123.456, -1), round(5e-324, 300))
