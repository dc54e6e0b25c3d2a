# exceptions: __exit__ returning True suppresses the exception; the with statement then continues
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught = exc
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    {}["missing"]
    print("not reached")
print("after with", repr(s.caught))
with Suppress(ZeroDivisionError) as s:
    pass
print("no exception", s.caught)
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
def f():
    with Suppress(Exception):
        return 1 // 0
    return "fell through"
print(f())
