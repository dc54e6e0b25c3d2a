# classes: reflected dunders (__radd__ __rsub__ __rmul__) when the left operand does not know the type
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        return self.__add__(other)
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __rmul__(self, k):
        return Money(self.cents * k)
    def __repr__(self):
        return "Money(%d)" % self.cents

m = Money(150)
print(m + 50, 50 + m, m + m, 1000 - m, 3 * m, m * 3)
print(sum([Money(1), Money(2), Money(3)]), sum([Money(5)], Money(100)))
try:
    m + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + m
except TypeError as e:
    print("TypeError:", e)
