"""functools for the Lathe Python VM (pure Python)."""

_MISSING = object()


def reduce(function, sequence, initial=_MISSING):
    it = iter(sequence)
    if initial is _MISSING:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial "
                            "value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial(object):
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append("%s=%r" % (k, v))
        return "functools.partial(%s)" % ", ".join(parts)


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=("__dict__",)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=("__dict__",)):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    def __repr__(self):
        return "CacheInfo(hits=%d, misses=%d, maxsize=%r, currsize=%d)" % (
            self[0], self[1], self[2], self[3])

    @property
    def hits(self):
        return self[0]

    @property
    def misses(self):
        return self[1]

    @property
    def maxsize(self):
        return self[2]

    @property
    def currsize(self):
        return self[3]


def _make_key(args, kwds):
    key = args
    if kwds:
        key = key + (_MISSING,)
        for item in kwds.items():
            key = key + item
    return key


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_wrapper(maxsize, 128)

    def decorating(user_function):
        return _lru_wrapper(user_function, maxsize)
    return decorating


def cache(user_function):
    return _lru_wrapper(user_function, None)


def _lru_wrapper(user_function, maxsize):
    store = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds)
        if key in store:
            stats[0] += 1
            value = store.pop(key)
            store[key] = value
            return value
        stats[1] += 1
        value = user_function(*args, **kwds)
        store[key] = value
        if maxsize is not None and len(store) > maxsize:
            del store[next(iter(store))]
        return value

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(store))

    def cache_clear():
        store.clear()
        stats[0] = 0
        stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    update_wrapper(wrapper, user_function)
    return wrapper


def total_ordering(cls):
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
             if op in cls.__dict__]
    if not roots:
        raise ValueError("must define at least one ordering operation: "
                         "< > <= >=")
    root = roots[0]
    if root == "__lt__":
        def le(self, other):
            r = self.__lt__(other)
            return NotImplemented if r is NotImplemented else r or self == other

        def gt(self, other):
            r = self.__lt__(other)
            return NotImplemented if r is NotImplemented else \
                not r and self != other

        def ge(self, other):
            r = self.__lt__(other)
            return NotImplemented if r is NotImplemented else not r
        derived = {"__le__": le, "__gt__": gt, "__ge__": ge}
    elif root == "__le__":
        def lt(self, other):
            r = self.__le__(other)
            return NotImplemented if r is NotImplemented else r and self != other

        def gt(self, other):
            r = self.__le__(other)
            return NotImplemented if r is NotImplemented else not r

        def ge(self, other):
            r = self.__le__(other)
            return NotImplemented if r is NotImplemented else \
                not r or self == other
        derived = {"__lt__": lt, "__gt__": gt, "__ge__": ge}
    elif root == "__gt__":
        def lt(self, other):
            r = self.__gt__(other)
            return NotImplemented if r is NotImplemented else \
                not r and self != other

        def le(self, other):
            r = self.__gt__(other)
            return NotImplemented if r is NotImplemented else not r

        def ge(self, other):
            r = self.__gt__(other)
            return NotImplemented if r is NotImplemented else r or self == other
        derived = {"__lt__": lt, "__le__": le, "__ge__": ge}
    else:
        def lt(self, other):
            r = self.__ge__(other)
            return NotImplemented if r is NotImplemented else not r

        def le(self, other):
            r = self.__ge__(other)
            return NotImplemented if r is NotImplemented else \
                not r or self == other

        def gt(self, other):
            r = self.__ge__(other)
            return NotImplemented if r is NotImplemented else r and self != other
        derived = {"__lt__": lt, "__le__": le, "__gt__": gt}
    for name, func in derived.items():
        if name not in cls.__dict__:
            setattr(cls, name, func)
    return cls


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K
