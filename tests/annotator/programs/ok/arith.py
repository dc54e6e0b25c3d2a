def f(a, b):
    c = a + b * 2
    d = c // 3 - a % 5
    e = c / 2
    g = (a & 255) | (b << 2)
    return d, e, g
def entry_point(argv):
    d, e, g = f(len(argv), 7)
    h = e + d
    print(d, e, g, h, -d, abs(d))
    return 0
