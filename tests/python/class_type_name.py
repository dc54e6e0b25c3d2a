# classes: type() of instances and built-ins prints <class ...>; __name__; type comparisons
class Thing:
    pass
class Sub(Thing):
    pass
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(Thing()), type(Sub()), Thing, Sub)
print(type(Sub()) is Sub, type(Sub()) == Thing, type(Sub()).__name__)
print(type(range(3)), type(2**100), type(type(1)))
print(int.__name__, str.__name__, Thing.__name__, type(3)(4.5), type("x")(7), type([])((1, 2)))
