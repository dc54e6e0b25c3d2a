# builtins: isinstance/issubclass with nested tuples of classes and user hierarchies; TypeError on bad args
class A:
    pass
class B(A):
    pass
print(isinstance(B(), (int, (str, A))), isinstance(A(), B), issubclass(B, (int, A)), issubclass(bool, (str, int)))
print([isinstance(x, (int, float)) for x in (1, 1.0, "1", True, None)])
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
