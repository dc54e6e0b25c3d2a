# bool: truth of user objects through __len__, default truth of instances, in if/while/and/or
class Empty:
    def __len__(self):
        return 0

class Three:
    def __len__(self):
        return 3

class Plain:
    pass

for obj in (Empty(), Three(), Plain()):
    if obj:
        print(type(obj).__name__, "is true")
    else:
        print(type(obj).__name__, "is false")
print(bool(Empty()), bool(Three()), not Empty(), len(Three()))
n = 3
while n:
    print("n =", n)
    n -= 1
items = [0, "", None, [], "x", 5, [0]]
print([bool(i) for i in items], [i for i in items if i])
print(Empty() or "fallback", Three() and "both")
