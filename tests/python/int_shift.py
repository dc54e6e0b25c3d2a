# int: << and >> on positive, negative and big values; negative shift counts raise ValueError
for v in (1, -1, 5, -5, 255, -256, 2**62, -2**62):
    print(v, v << 1, v << 3, v >> 1, v >> 3, v >> 70)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100, -1 << 64)
print((1 << 100) >> 99, (1 << 100) >> 200, (-(1 << 100)) >> 200)
print(3 << 0, 3 >> 0, 0 << 1000)
x = 1
for i in range(5):
    x <<= 20
print(x)
x >>= 77
print(x)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1 >> -2)
except ValueError as e:
    print("ValueError:", e)
