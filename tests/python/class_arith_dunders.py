# classes: arithmetic dunders (+ - * / // % ** unary -, abs) on a 2-D vector and a fraction class
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

a = Vec(3, 4)
b = Vec(-1, 7)
print(a + b, a - b, a * 3, a / 2, Vec(7, -7) // 2, Vec(7, -7) % 3, a ** 2, -a, abs(a), a == Vec(3, 4))
print(a + b * 2 - -a, (a + b) * 2)

def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
class Frac:
    def __init__(self, n, d=1):
        g = gcd(abs(n), abs(d))
        if d < 0:
            g = -g
        self.n = n // g
        self.d = d // g
    def __add__(self, o):
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        return Frac(self.n * o.n, self.d * o.d)
    def __sub__(self, o):
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __truediv__(self, o):
        return Frac(self.n * o.d, self.d * o.n)
    def __str__(self):
        return "%d/%d" % (self.n, self.d)
h = Frac(0)
for k in range(1, 11):
    h = h + Frac(1, k)
print(h, Frac(1, 2) * Frac(2, 3), Frac(1, 2) - Frac(3, 4), Frac(3, -9), Frac(1, 3) / Frac(-2, 5))
