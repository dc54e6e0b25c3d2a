# builtins: getattr/setattr/hasattr with dynamic names, defaults, methods, and on classes
class Obj:
    kind = "obj"
    def method(self):
        return "method of " + self.name
o = Obj()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(o, name, i)
print([getattr(o, n) for n in ["alpha", "beta", "gamma"]], hasattr(o, "beta"), hasattr(o, "delta"))
setattr(o, "name", "o")
print(getattr(o, "method")(), getattr(o, "kind"), getattr(Obj, "kind"), getattr(o, "missing", 0))
setattr(Obj, "kind", "changed")
print(o.kind, Obj().kind)
print(getattr([1, 2], "append") is not None, hasattr("s", "upper"), hasattr(5, "upper"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
