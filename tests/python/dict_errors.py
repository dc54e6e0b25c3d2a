# dict: KeyError messages carry the repr of the key; unhashable keys raise TypeError
d = {"a": 1}
for key in ("missing", 42, (1, "x"), 1.5):
    try:
        d[key]
    except KeyError as e:
        print("KeyError:", e, repr(e.args[0]))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1, 2]] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
try:
    x = {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
