# functions: **kwargs collects unknown keywords in call order; mixing with named parameters
def show(a, **kw):
    print(a, kw, sorted(kw), len(kw))

show(1)
show(1, x=2)
show(a=0, z=26, y=25, x=24)
def merge(**parts):
    out = {}
    for k, v in parts.items():
        out[k.upper()] = v
    return out
print(merge(b=2, a=1))
def config(name, debug=False, **extra):
    return name, debug, extra
print(config("app"), config("app", True, port=80), config("x", level=3, debug=True))
opts = {"debug": True, "color": "red"}
print(config("y", **opts), config(**{"name": "z"}))
