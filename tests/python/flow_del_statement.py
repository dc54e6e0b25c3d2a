# control flow: del of names, list items, slices, dict keys and attributes; deleted names raise NameError
a = 1
b = [0, 1, 2, 3, 4, 5]
d = {"x": 1, "y": 2}
class O:
    pass
o = O()
o.attr = 5
del a
del b[0], b[-1]
del b[1:3]
del d["x"]
del o.attr
print(b, d, hasattr(o, "attr"))
try:
    print(a)
except NameError as e:
    print("NameError:", e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
