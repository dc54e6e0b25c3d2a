# classes: print/str use __str__, falling back to __repr__; containers always use __repr__
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class Both:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "Both with " + str(self.v)
    def __repr__(self):
        return "Both(%r)" % (self.v,)

o = OnlyRepr()
b = Both("x")
print(o, str(o), repr(o))
print(b, str(b), repr(b))
print([o, b], (b,), {"k": b}, "%s / %r" % (b, b), "{} / {!r}".format(b, b), f"{b} / {b!r}")
print(str([Both(1), Both([2])]))
