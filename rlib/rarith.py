"""rlib.rarith: machine-integer arithmetic for RPy (RPython's rarithmetic).

At run time an RPy `int` is a 64-bit signed machine word that wraps on
overflow.  CPython's ints do not wrap, so code that relies on wrapping calls
`intmask` (and code that must *detect* overflow calls `ovfcheck`), which
makes it behave the same untranslated and translated:

    h = intmask(h * 1000003 ^ ord(c))    # wraps like C
    try:
        z = ovfcheck(x + y)              # translated: a checked add
    except OverflowError:
        ...                              # switch to big ints, say

`r_uint` is the unsigned 64-bit word.  On CPython it is a subclass of int
whose arithmetic wraps modulo 2**64; mixing r_uint and int gives r_uint (as
in RPython).  The translator recognises `intmask`, `ovfcheck`, `r_uint` (and
the aliases below) by identity; each function also carries
`_lathe_hint_ = '<name>'`.

Evaluator subset: no module-level constant here exceeds signed 64 bits; all
arithmetic on bigger values happens inside functions, at run time, on
CPython.  `r_uint` subclasses the built-in `int` and defines operator
methods: the translation-time evaluator only has to create the class, never
run those methods.
"""

LONG_BIT = 64
MAXINT = 9223372036854775807            # 2**63 - 1
MININT = -9223372036854775807 - 1       # -2**63


def _mask64():
    # 2**64 - 1, computed at call time so module-level code stays in range.
    return (1 << 64) - 1


def intmask(n):
    """Wrap the integer `n` to a signed 64-bit value (two's complement), as
    a C `int64_t` cast does.  Accepts int, bool and r_uint."""
    if isinstance(n, float):
        raise TypeError("intmask() takes an integer, not a float")
    n = int(n) & _mask64()
    if n > MAXINT:
        n -= 1 << 64
    return n


def ovfcheck(x):
    """Return `x` if it fits in a signed 64-bit word, else raise
    OverflowError.  Wrap exactly one arithmetic operation:
    `ovfcheck(a + b)`, `ovfcheck(a * b)`, `ovfcheck(a << n)`, ..."""
    if isinstance(x, r_uint):
        raise TypeError("ovfcheck() does not apply to r_uint (it wraps)")
    if x > MAXINT or x < MININT:
        raise OverflowError("integer operation overflows 64 bits")
    return x


def is_valid_int(n):
    """True if `n` is an int (not a bool) within signed 64 bits."""
    if not isinstance(n, int) or isinstance(n, bool):
        return False
    return MININT <= n <= MAXINT


def r_int64(n):
    """Alias of `intmask` (on a 64-bit machine an `int` is an int64)."""
    return intmask(n)


def _uint(n):
    return r_uint(int(n) & _mask64())


def _is_intlike(x):
    return isinstance(x, int)


class r_uint(int):
    """An unsigned 64-bit machine word.  Arithmetic wraps modulo 2**64; the
    result of an operation between r_uint and int is an r_uint.  `>>` is
    a logical shift.  Use `intmask(u)` to get the signed value back."""

    def __new__(cls, value=0):
        if isinstance(value, float):
            value = int(value)
        return int.__new__(cls, int(value) & _mask64())

    def __repr__(self):
        return 'r_uint(%d)' % int(self)

    def __add__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) + int(other))
    __radd__ = __add__

    def __sub__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) - int(other))

    def __rsub__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(other) - int(self))

    def __mul__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) * int(other))
    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) // int(_uint(other)))

    def __rfloordiv__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(_uint(other)) // int(self))

    def __mod__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) % int(_uint(other)))

    def __rmod__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(_uint(other)) % int(self))

    def __and__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) & int(other))
    __rand__ = __and__

    def __or__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) | int(other))
    __ror__ = __or__

    def __xor__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) ^ int(other))
    __rxor__ = __xor__

    def __lshift__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) << int(other))

    def __rshift__(self, other):
        if not _is_intlike(other):
            return NotImplemented
        return _uint(int(self) >> int(other))

    def __neg__(self):
        return _uint(-int(self))

    def __pos__(self):
        return self

    def __invert__(self):
        return _uint(~int(self))


r_uint64 = r_uint

intmask._lathe_hint_ = 'intmask'
ovfcheck._lathe_hint_ = 'ovfcheck'
r_int64._lathe_hint_ = 'r_int64'
is_valid_int._lathe_hint_ = 'is_valid_int'
