# exceptions: except clauses match by class and base class in order; as-binding; uncaught inner, caught outer
def risky(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "index":
        return [][1]
    if kind == "key":
        return {}["k"]
    if kind == "value":
        return int("x")
    if kind == "type":
        return 1 + "a"
    return "fine"

for kind in ("zero", "index", "key", "value", "type", "none"):
    try:
        r = risky(kind)
        print(kind, "->", r)
    except ZeroDivisionError as e:
        print(kind, "ZeroDivisionError", e)
    except LookupError as e:
        print(kind, "LookupError", type(e).__name__, e)
    except (ValueError, TypeError) as e:
        print(kind, "Value/TypeError", type(e).__name__, e)
try:
    try:
        [].pop()
    except KeyError:
        print("not here")
except IndexError as e:
    print("outer caught", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
