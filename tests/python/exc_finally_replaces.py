# exceptions: an exception raised in finally replaces the one in flight (which becomes its context)
def f():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    f()
except KeyError as e:
    print("caught", repr(e), "context:", repr(e.__context__))
except ValueError:
    print("wrong")
def g():
    for i in range(3):
        try:
            raise IndexError(i)
        finally:
            if i == 0:
                continue
            break
    return "loop ended"
print(g())
