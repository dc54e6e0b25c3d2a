# isinstance/issubclass with built-in types, bool as int, user subclasses of exceptions, tuples of types
vals = [1, 1.5, "s", [1], (1,), {1: 1}, {1}, None, True, 2**100, range(2)]
types = [int, float, str, list, tuple, dict, set, bool, range]
for v in vals:
    print(repr(v), [t.__name__ for t in types if isinstance(v, t)])
print(issubclass(bool, int), issubclass(int, bool), issubclass(ValueError, Exception),
      issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(Exception, BaseException), issubclass(StopIteration, Exception))
class MyErr(KeyError):
    pass
print(isinstance(MyErr(), LookupError), issubclass(MyErr, (ValueError, KeyError)), isinstance(MyErr, type))
