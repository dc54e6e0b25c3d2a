"""rlib.objectmodel: helpers for writing RPy (RPython's objectmodel).

* `we_are_translated()` -- False on CPython, True in the translated VM; the
  translator folds it to a constant, so the untranslated branch is never
  annotated.
* `specialize.*` -- decorators asking the annotator to make several copies
  of a function (per argument type, per constant, per call site).
* `StringBuilder` -- an efficient way to build a string piecewise.
* `r_dict(key_eq, key_hash)` -- a dict with user-defined key equality.
* `compute_hash`, `compute_identity_hash`, `compute_unique_id`.
* `always_inline`, `dont_inline`, `not_rpython`, `enforceargs`.

Marker attributes set by the decorators (the translator reads these; the
function itself is returned unchanged):

    @specialize.argtype(0, 1)   func._annspecialcase_ = 'specialize:argtype(0, 1)'
    @specialize.arg(0)          func._annspecialcase_ = 'specialize:arg(0)'
    @specialize.memo()          func._annspecialcase_ = 'specialize:memo'
    @specialize.call_location() func._annspecialcase_ = 'specialize:call_location'
                                and in every case func._specialize_ = (kind, [args])
    @always_inline              func._always_inline_ = True
    @dont_inline                func._dont_inline_ = True
    @not_rpython                func._not_rpython_ = True
    @enforceargs(int, str)      func._enforceargs_ = [int, str]

`_annspecialcase_` uses RPython's spelling; `_specialize_` is the same
information already parsed.  Evaluator subset: classes, closures, setting
attributes on function objects; the r_dict and StringBuilder method bodies
only run on CPython (the translator represents both natively), except that
a prebuilt r_dict filled at module level runs `__setitem__` in the evaluator.
"""

from rlib.rarith import intmask


def we_are_translated():
    """False when running on CPython; the translator makes it True."""
    return False


we_are_translated._lathe_hint_ = 'we_are_translated'


# ---------------------------------------------------------------------------
# specialize

def _specialize_decorator(kind, args):
    text = 'specialize:' + kind
    if len(args) > 0:
        text = text + '(' + ', '.join([str(a) for a in args]) + ')'

    def decorator(func):
        func._annspecialcase_ = text
        func._specialize_ = (kind, list(args))
        return func
    return decorator


class _Specialize(object):
    """The `specialize` object: `@specialize.argtype(0)` and friends."""

    def memo(self):
        """A function of prebuilt constants (classes, functions, prebuilt
        instances) evaluated at translation time for every argument
        combination; at run time it is a table lookup."""
        return _specialize_decorator('memo', ())

    def arg(self, *args):
        """One copy of the function per constant value of the given
        argument positions (which must be translation-time constants)."""
        return _specialize_decorator('arg', args)

    def argtype(self, *args):
        """One copy of the function per annotated type of the given
        argument positions."""
        return _specialize_decorator('argtype', args)

    def arglistitemtype(self, *args):
        """One copy per item type of the list argument at each position."""
        return _specialize_decorator('arglistitemtype', args)

    def call_location(self):
        """One copy of the function per call site."""
        return _specialize_decorator('call_location', ())

    def ll(self):
        """One copy per low-level argument types (for low-level helpers)."""
        return _specialize_decorator('ll', ())


specialize = _Specialize()


def always_inline(func):
    """Ask the backend to inline every call to `func`."""
    func._always_inline_ = True
    return func


def dont_inline(func):
    """Ask the backend never to inline `func`."""
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """`func` runs only at translation time or on CPython; the annotator
    reports an error if run-time code can reach it."""
    func._not_rpython_ = True
    return func


def enforceargs(*types):
    """`@enforceargs(int, str)`: declare the argument types (None = any).
    Untranslated, calls are not checked; the annotator uses the types as
    the arguments' annotations."""
    def decorator(func):
        func._enforceargs_ = list(types)
        return func
    return decorator


def newlist_hint(sizehint):
    """An empty list; translated, with room for `sizehint` items."""
    return []


newlist_hint._lathe_hint_ = 'newlist_hint'


# ---------------------------------------------------------------------------
# StringBuilder

class StringBuilder(object):
    """Accumulates pieces of a string; `build()` returns the result.
    Translated it is a growable character buffer."""

    def __init__(self, init_size=0):
        self._pieces = []
        self._length = 0

    def append(self, s):
        """Append the string `s` (or a single character)."""
        self._pieces.append(s)
        self._length += len(s)

    def append_slice(self, s, start, end):
        """Append `s[start:end]` without building the slice first."""
        if start < 0 or end > len(s) or start > end:
            raise ValueError("append_slice: bad slice [%d:%d] of a string of "
                             "length %d" % (start, end, len(s)))
        self._pieces.append(s[start:end])
        self._length += end - start

    def append_multiple_char(self, c, times):
        """Append the character `c` repeated `times` times."""
        if len(c) != 1:
            raise ValueError("append_multiple_char: expected one character")
        if times > 0:
            self._pieces.append(c * times)
            self._length += times

    def getlength(self):
        """Number of characters appended so far."""
        return self._length

    def build(self):
        """The string built so far.  The builder may be used further."""
        result = ''.join(self._pieces)
        self._pieces = [result]
        return result


UnicodeBuilder = StringBuilder


# ---------------------------------------------------------------------------
# r_dict

class r_dict(object):
    """A dict whose keys are compared with `key_eq(a, b)` and hashed with
    `key_hash(a)` (both plain functions, typically module-level).  Keeps
    insertion order, like the translated dict.  Minimal: item access,
    `in`, len, get, setdefault, pop, keys/values/items, clear, copy."""

    def __init__(self, key_eq, key_hash, force_non_null=False):
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._buckets = {}          # hash -> list of indices into _entries
        self._entries = []          # [key, value] pairs, None when deleted
        self._count = 0

    def _find(self, key):
        """Index of `key` in _entries, or -1."""
        h = self.key_hash(key)
        bucket = self._buckets.get(h)
        if bucket is not None:
            for i in bucket:
                if self.key_eq(self._entries[i][0], key):
                    return i
        return -1

    def __getitem__(self, key):
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._entries[i][1]

    def __setitem__(self, key, value):
        i = self._find(key)
        if i >= 0:
            self._entries[i][1] = value
            return
        h = self.key_hash(key)
        bucket = self._buckets.get(h)
        if bucket is None:
            bucket = []
            self._buckets[h] = bucket
        bucket.append(len(self._entries))
        self._entries.append([key, value])
        self._count += 1

    def __delitem__(self, key):
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        self._buckets[self.key_hash(key)].remove(i)
        self._entries[i] = None
        self._count -= 1

    def __contains__(self, key):
        return self._find(key) >= 0

    def __len__(self):
        return self._count

    def __iter__(self):
        return iter(self.keys())

    def get(self, key, default=None):
        i = self._find(key)
        if i < 0:
            return default
        return self._entries[i][1]

    def setdefault(self, key, default):
        i = self._find(key)
        if i >= 0:
            return self._entries[i][1]
        self[key] = default
        return default

    def pop(self, key, *default):
        i = self._find(key)
        if i < 0:
            if len(default) > 0:
                return default[0]
            raise KeyError(key)
        value = self._entries[i][1]
        del self[key]
        return value

    def keys(self):
        return [e[0] for e in self._entries if e is not None]

    def values(self):
        return [e[1] for e in self._entries if e is not None]

    def items(self):
        return [(e[0], e[1]) for e in self._entries if e is not None]

    def clear(self):
        self._buckets = {}
        self._entries = []
        self._count = 0

    def copy(self):
        result = r_dict(self.key_eq, self.key_hash)
        for e in self._entries:
            if e is not None:
                result[e[0]] = e[1]
        return result

    def __repr__(self):
        return 'r_dict(%r)' % (self.items(),)


# ---------------------------------------------------------------------------
# Hashing.  Deterministic (unlike CPython's randomised str hash), so that
# untranslated and translated runs agree.

def _hash_string(s):
    """The translated runtime's string hash (runtime/rstr.cpp, ll_str_hash):
    FNV-1a over the string's bytes, a final mix, never 0. Translated strings
    are bytes (a text literal is its UTF-8), so non-ASCII text is hashed as
    its UTF-8 encoding here."""
    # (never translated: compute_hash is a primitive of the translator, but
    # the file is parsed, so no literal exceeds 64 signed bits)
    mask = (1 << 64) - 1
    h = -3750763034362895579 & mask  # FNV's offset basis
    for b in s.encode("utf-8", "surrogatepass"):
        h ^= b
        h = (h * 1099511628211) & mask
    h ^= h >> 29
    r = intmask(h)
    if r == 0:
        r = 1
    return r


def compute_identity_hash(x):
    """A hash of the object's identity, stable for the object's lifetime."""
    return intmask(id(x))


def compute_unique_id(x):
    """An integer that no other live object shares."""
    return intmask(id(x))


def compute_hash(x):
    """The hash the translated VM uses: strings by content
    (deterministically), ints and bools by value, floats by CPython's float
    hash, tuples by their items, None as 0, other objects by identity."""
    if x is None:
        return 0
    if isinstance(x, str):
        return _hash_string(x)
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return intmask(x)
    if isinstance(x, float):
        return intmask(hash(x))
    if isinstance(x, tuple):
        result = 0x345678
        mult = 1000003
        n = len(x)
        for item in x:
            n -= 1
            result = intmask((result ^ compute_hash(item)) * mult)
            mult = intmask(mult + 82520 + n + n)
        return intmask(result + 97531)
    return compute_identity_hash(x)


compute_hash._lathe_hint_ = 'compute_hash'
compute_identity_hash._lathe_hint_ = 'compute_identity_hash'
compute_unique_id._lathe_hint_ = 'compute_unique_id'


def keepalive_until_here(*values):
    """Keep `values` alive up to this point (a no-op with a conservative GC)."""
    return None
