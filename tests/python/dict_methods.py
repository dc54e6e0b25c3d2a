# dict: get setdefault pop popitem update keys values items copy clear fromkeys-free patterns
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update([("y", 20)])
d.update(z=30)
print(d)
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"])
print(list(d.keys()), list(d.values()), list(d.items()))
e.clear()
print(e, len(e))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
