# set: add remove discard pop clear copy update, and remove's KeyError
s = {"a", "b", "c"}
s.remove("a")
s.discard("zzz")
s.discard("b")
print(sorted(s))
s.update(["x", "y"], "zz")
print(sorted(s))
c = s.copy()
c.add("new")
print(len(s), len(c))
p = {42}.pop()
print(p)
c.clear()
print(c, len(c))
try:
    s.remove("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
