# exceptions: context, cause, suppression, handler variables, re-raise, except tuples
def ctx():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
try:
    ctx()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(repr(e), e.__suppress_context__, repr(e.__context__))

def reraise():
    try:
        int("x")
    except (TypeError, ValueError) as err:
        print("first", type(err).__name__)
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised", e)

e = "outer"
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("handler variable cleared:", ne)

class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyError(7)
except Exception as err:
    print(type(err).__name__, err.code, err)

def exit_raises():
    class Bad:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            raise TypeError("from exit")
    try:
        with Bad():
            raise KeyError("body")
    except TypeError as e:
        print(e, "context:", repr(e.__context__))
exit_raises()

try:
    assert 1 == 2, "assert message"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e))

def nested_handlers():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError as inner:
            print("inner context", repr(inner.__context__))
        print("back in outer handler")
nested_handlers()
try:
    raise Exception
except Exception as e:
    print(repr(e))
