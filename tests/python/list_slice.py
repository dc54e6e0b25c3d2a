# list: slices with positive/negative bounds and steps, out-of-range bounds, copies are shallow
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-100], a[2:8:-1], a[:], a[0:10:4])
b = a[:]
b[0] = 99
print(a[0], b[0], a is b, a == b)
m = [[1], [2]]
n = m[:]
n[0].append(10)
print(m, n)
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
