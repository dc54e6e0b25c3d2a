# classes: AttributeError messages for instances, classes and built-in objects; hasattr/getattr defaults
class C:
    x = 1
    def __init__(self):
        self.y = 2
c = C()
for name in ("x", "y", "zzz_missing"):
    try:
        print(name, getattr(c, name))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    C.yyy_missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).nothing_here
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".nothing_here
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].nothing_here()
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(c, "y"), hasattr(c, "q"), getattr(c, "q", None), getattr(C, "x"))
setattr(c, "q", 42)
print(c.q, hasattr(c, "q"))
