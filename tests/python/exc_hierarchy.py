# exceptions: the built-in hierarchy: catching by base classes (LookupError, ArithmeticError, Exception)
tests = [
    ("IndexError", lambda: [][0]),
    ("KeyError", lambda: {}[1]),
    ("ZeroDivisionError", lambda: 1 % 0),
    ("OverflowError", lambda: 10.0 ** 400),
    ("ValueError", lambda: int("?")),
    ("TypeError", lambda: len(5)),
    ("AttributeError", lambda: None.attr),
    ("NameError", lambda: undefined_name_xyz),
    ("StopIteration", lambda: next(iter([]))),
    ("RuntimeError", lambda: (_ for _ in ()).throw(RuntimeError("thrown"))),
]
for name, fn in tests:
    try:
        fn()
    except LookupError as e:
        print(name, "is a LookupError:", type(e).__name__)
    except ArithmeticError as e:
        print(name, "is an ArithmeticError:", type(e).__name__)
    except Exception as e:
        print(name, "is an Exception:", type(e).__name__, e)
