# exceptions: user exception classes with custom __init__, extra attributes, __str__, hierarchies
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, what, where):
        super().__init__(what, where)
        self.what = what
        self.where = where
    def __str__(self):
        return "%s not found in %s" % (self.what, self.where)

class Retry(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
        super().__init__("gave up after %d attempts" % attempts)

for exc in (NotFound("key", "table"), Retry(3), AppError("plain", 2), AppError()):
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.args, e.what)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args, repr(e))
print(isinstance(Retry(1), Exception), issubclass(NotFound, AppError), Retry(2).attempts)
print(str(ValueError("a", "b")), repr(ValueError("a", "b")), str(KeyError("k")), repr(KeyError("k")))
