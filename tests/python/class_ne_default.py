# classes: != derives from __eq__; == falls back to identity; reflected __eq__ from the right operand
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if isinstance(other, A):
            return self.v == other.v
        return NotImplemented
class B:
    def __eq__(self, other):
        return "B.__eq__ called"
print(A(1) == A(1), A(1) != A(1), A(1) != A(2), A(1) == 1, A(1) != 1)
print(1 == A(1), A(1) == B(), B() == A(1))
print(A(3) in [A(1), A(3)], [A(1)] == [A(1)], [A(1)] != [A(2)])
