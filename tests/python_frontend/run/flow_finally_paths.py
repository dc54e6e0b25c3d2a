# finally bodies on every exit path: normal, return, break, continue, exception, nested
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally after return")

def ret_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def loop_paths():
    out = []
    for i in range(6):
        try:
            try:
                if i == 1:
                    continue
                if i == 4:
                    break
                if i == 2:
                    raise KeyError(i)
                out.append(("body", i))
            finally:
                out.append(("inner fin", i))
        except KeyError as e:
            out.append(("caught", e.args[0]))
        finally:
            out.append(("outer fin", i))
    else:
        out.append("no else after break")
    return out

def nested_return():
    for x in [1, 2]:
        with Ctx("a"):
            try:
                for y in [3, 4]:
                    try:
                        return (x, y)
                    finally:
                        print("inner", x, y)
            finally:
                print("outer", x)

class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False

def break_in_finally():
    n = 0
    while True:
        try:
            n += 1
            raise RuntimeError("swallowed")
        finally:
            if n >= 3:
                break
            continue
    return n

def continue_in_except():
    seen = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            seen.append(i)
        except ValueError:
            seen.append(-i)
            continue
        else:
            seen.append("else")
    return seen

print(ret_in_try())
print(ret_overrides())
for item in loop_paths():
    print(item)
print(nested_return())
print(break_in_finally())
print(continue_in_except())

def else_return():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else %d" % x
    finally:
        print("finally of else_return")
print(else_return())
