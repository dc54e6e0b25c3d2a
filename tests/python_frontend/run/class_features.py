# classes: decorators, metaclass keyword, class body execution, properties, docstrings
def deco(tag):
    def wrap(f):
        def inner(*a, **k):
            return tag + ":" + str(f(*a, **k))
        inner.__name__ = f.__name__
        return inner
    return wrap

@deco("outer")
@deco("inner")
def greet(name):
    "greet doc"
    return "hi " + name
print(greet("bob"), greet.__name__)

def class_deco(cls):
    cls.decorated = True
    return cls

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["made_by"] = "Meta" + str(sorted(kw.items()))
        return super().__new__(mcs, name, bases, ns)

@class_deco
class K(object, metaclass=Meta, flag=1):
    """K doc"""
    order = []
    order.append("body runs")
    def __init__(self, v):
        self._v = v
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2
    @staticmethod
    def st(x):
        return x + 1
    @classmethod
    def cm(cls):
        return cls.__name__
    def __repr__(self):
        return "K(%r)" % self._v
k = K(3)
k.v = 5
print(k, k.v, K.st(1), K.cm(), K.decorated, K.made_by, K.order, K.__doc__, K.__qualname__, K.__module__)

class Vec:
    __slots__ = ()
    def __init__(self):
        pass
    def __add__(self, other):
        return "add"
    def __radd__(self, other):
        return "radd"
    def __iadd__(self, other):
        return "iadd"
    def __eq__(self, other):
        return "eq"
    def __lt__(self, other):
        return True
    def __contains__(self, item):
        return item == 1
    def __call__(self, *a):
        return ("called", a)
    def __len__(self):
        return 0
v = Vec()
w = v
w += 1
print(v + 1, 1 + v, w, v == 2, v < v, 1 in v, 2 not in v, v(1, 2), bool(v))

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [c.__name__ for c in D.__mro__])

class Bases(*[A], **{}):
    pass
print(Bases().who(), Bases.__bases__)
