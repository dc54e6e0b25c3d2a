# classes: multiple inheritance follows the C3 MRO; super() visits each class once in a diamond; attribute lookup order
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), B().who(), C().who())
class X:
    tag = "X"
class Y(X):
    pass
class Z(X):
    tag = "Z"
class W(Y, Z):
    pass
print(W.tag, W().tag, isinstance(W(), Z), issubclass(W, X))
