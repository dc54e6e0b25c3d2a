# exceptions: bare raise re-raises the current exception; raise inside except keeps the original context
def check(v):
    if v < 0:
        raise ValueError("negative: %d" % v)
    return v

def wrapper(v):
    try:
        return check(v)
    except ValueError:
        print("logging and re-raising")
        raise

for v in (5, -1):
    try:
        print("result", wrapper(v))
    except ValueError as e:
        print("caught again:", e, type(e).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("replaced")
except KeyError as e:
    print(repr(e), type(e.__context__).__name__, e.__context__, e.__cause__)
err = None
try:
    raise TypeError("kept")
except TypeError as e:
    err = e
print(type(err).__name__, err.args)
