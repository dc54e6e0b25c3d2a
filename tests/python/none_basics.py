# None: identity, printing, falsiness, functions without return, comparisons and errors
def f():
    pass

def g(x):
    if x:
        return
    return None

print(None, repr(None), str(None), f(), g(1), g(0))
print(None is None, None == None, None != 0, None == 0, None == "", [None] == [None])
print(type(None).__name__, bool(None), None in [1, None], [None, None].count(None))
x = None
print(x is None, x is not None, not x)
d = {}
print(d.get("k"), d.get("k") is None)
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    x = None
    x()
except TypeError as e:
    print("TypeError:", e)
