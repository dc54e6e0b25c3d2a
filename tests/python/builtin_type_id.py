# builtins: type() identity checks and id(): stable for one object, different for live distinct ones
a = [1]
b = [1]
c = a
print(id(a) == id(a), id(a) == id(c), id(a) == id(b), a is c, a is b, a == b)
print(type(a) is list, type(1) is int, type(1) is not float, type(True) is bool, type(None) is type(None))
objs = [[i] for i in range(5)]
ids = set(id(o) for o in objs)
print(len(ids))
print(type(type(a)) is type, type(a)(), type("")(), type(3)("42"))
