"""pyint: int, bool and float objects and their arithmetic.

Where this sits: pyspace's operations (space.add, space.lt, ...) call
`num_binop`/`num_compare`/`num_unary` first; they answer for every
combination of ints, bools, big ints and floats and return None otherwise
(None plays NotImplemented here), after which the space tries the
operands' Python-level special methods.

* `W_IntObject` holds a machine word; an operation that overflows
  (`ovfcheck`) redoes itself on `rbigint`s (pylong.py) and the space
  turns a big result back into a W_IntObject when it fits
  (`space.newlong`), so a W_LongObject never holds a word-sized value.
* `W_BoolObject` is a W_IntObject (bool subclasses int).
* `W_FloatObject` holds a double; int/float mixed operations convert the
  int (OverflowError "int too large to convert to float") except
  comparisons, which are exact as in CPython.

Messages are CPython 3.11's.
"""

import math

from rlib.rarith import ovfcheck, intmask
from rlib.jit import elidable

import pylong
from pylong import rbigint, fromint
from pyobjects import W_Root
from pyopcodes import (BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV,
                       BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT,
                       BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
                       CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
                       UNARY_NEG, UNARY_POS, UNARY_INVERT)


class W_IntObject(W_Root):
    _immutable_fields_ = ['intval']

    def __init__(self, intval):
        self.intval = intval

    def getclass(self, space):
        return space.w_int

    def op_repr(self, space):
        return str(self.intval)

    def op_hash(self, space):
        return pylong.int_hash(self.intval)

    def op_bool(self, space):
        return self.intval != 0


class W_BoolObject(W_IntObject):
    def getclass(self, space):
        return space.w_bool

    def op_repr(self, space):
        if self.intval != 0:
            return "True"
        return "False"


class W_LongObject(W_Root):
    """An int that does not fit a machine word."""
    _immutable_fields_ = ['num']

    def __init__(self, num):
        self.num = num

    def getclass(self, space):
        return space.w_int

    def op_repr(self, space):
        return decimal_digits(space, self.num)

    def op_hash(self, space):
        return self.num.hash()

    def op_bool(self, space):
        return self.num.sign != 0


class W_FloatObject(W_Root):
    _immutable_fields_ = ['floatval']

    def __init__(self, floatval):
        self.floatval = floatval

    def getclass(self, space):
        return space.w_float

    def op_repr(self, space):
        return repr(self.floatval)

    def op_hash(self, space):
        return pylong.float_hash(self.floatval)

    def op_bool(self, space):
        return self.floatval != 0.0


# Operand kinds of the numeric dispatch.
K_OTHER = 0
K_INT = 1
K_LONG = 2
K_FLOAT = 3


def num_kind(w_obj):
    if isinstance(w_obj, W_IntObject):
        return K_INT
    if isinstance(w_obj, W_FloatObject):
        return K_FLOAT
    if isinstance(w_obj, W_LongObject):
        return K_LONG
    return K_OTHER


def to_big(w_obj):
    """An rbigint for an int or long object."""
    if isinstance(w_obj, W_IntObject):
        return fromint(w_obj.intval)
    assert isinstance(w_obj, W_LongObject)
    return w_obj.num


def to_float(space, w_obj):
    """A float for an int, long or float object."""
    if isinstance(w_obj, W_FloatObject):
        return w_obj.floatval
    if isinstance(w_obj, W_IntObject):
        return float(w_obj.intval)
    assert isinstance(w_obj, W_LongObject)
    return big_to_float(space, w_obj.num)


def big_to_float(space, num):
    try:
        return num.tofloat()
    except OverflowError:
        raise space.error(space.w_OverflowError,
                          "int too large to convert to float")


# ---------------------------------------------------------------------------
# Binary operations


def num_binop(space, op, w_a, w_b):
    """`w_a op w_b` for numbers; None (NotImplemented) otherwise."""
    ka = num_kind(w_a)
    kb = num_kind(w_b)
    if ka == K_OTHER or kb == K_OTHER:
        return None
    if ka == K_INT and kb == K_INT:
        assert isinstance(w_a, W_IntObject)
        assert isinstance(w_b, W_IntObject)
        return int_binop(space, op, w_a.intval, w_b.intval)
    if ka == K_FLOAT or kb == K_FLOAT:
        return float_binop(space, op, to_float(space, w_a),
                           to_float(space, w_b))
    return long_binop(space, op, to_big(w_a), to_big(w_b))


def int_binop(space, op, x, y):
    if op == BINOP_ADD:
        try:
            z = ovfcheck(x + y)
        except OverflowError:
            return long_binop(space, op, fromint(x), fromint(y))
        return space.newint(z)
    if op == BINOP_SUB:
        try:
            z = ovfcheck(x - y)
        except OverflowError:
            return long_binop(space, op, fromint(x), fromint(y))
        return space.newint(z)
    if op == BINOP_MUL:
        try:
            z = ovfcheck(x * y)
        except OverflowError:
            return long_binop(space, op, fromint(x), fromint(y))
        return space.newint(z)
    if op == BINOP_FLOORDIV:
        return int_floordiv(space, x, y)
    if op == BINOP_MOD:
        return int_mod(space, x, y)
    if op == BINOP_TRUEDIV:
        return int_truediv(space, x, y)
    if op == BINOP_POW:
        return int_pow(space, x, y)
    if op == BINOP_LSHIFT:
        return int_lshift(space, x, y)
    if op == BINOP_RSHIFT:
        return int_rshift(space, x, y)
    if op == BINOP_AND:
        return space.newint(x & y)
    if op == BINOP_OR:
        return space.newint(x | y)
    if op == BINOP_XOR:
        return space.newint(x ^ y)
    return None


def int_floordiv(space, x, y):
    if y == 0:
        raise space.error(space.w_ZeroDivisionError,
                          "integer division or modulo by zero")
    try:
        z = ovfcheck(x // y)
    except OverflowError:
        return long_binop(space, BINOP_FLOORDIV, fromint(x), fromint(y))
    return space.newint(z)


def int_mod(space, x, y):
    if y == 0:
        raise space.error(space.w_ZeroDivisionError,
                          "integer modulo by zero")
    if y == -1:
        return space.newint(0)
    return space.newint(x % y)


def int_truediv(space, x, y):
    if y == 0:
        raise space.error(space.w_ZeroDivisionError, "division by zero")
    if -9007199254740992 <= x <= 9007199254740992 and \
            -9007199254740992 <= y <= 9007199254740992:
        return space.newfloat(float(x) / float(y))
    return long_truediv(space, fromint(x), fromint(y))


def int_pow(space, x, y):
    if y < 0:
        return float_pow(space, float(x), float(y))
    result = 1
    base = x
    e = y
    try:
        while e > 0:
            if e & 1:
                result = ovfcheck(result * base)
            e = e >> 1
            if e > 0:
                base = ovfcheck(base * base)
    except OverflowError:
        return space.newlong(fromint(x).pow(fromint(y)))
    return space.newint(result)


def int_lshift(space, x, y):
    if y < 0:
        raise space.error(space.w_ValueError, "negative shift count")
    if x == 0:
        return space.newint(0)
    if y < 63:
        try:
            z = ovfcheck(x << y)
        except OverflowError:
            return space.newlong(fromint(x).lshift(y))
        return space.newint(z)
    return space.newlong(fromint(x).lshift(y))


def int_rshift(space, x, y):
    if y < 0:
        raise space.error(space.w_ValueError, "negative shift count")
    if y >= 63:
        if x < 0:
            return space.newint(-1)
        return space.newint(0)
    return space.newint(x >> y)


def long_binop(space, op, a, b):
    if op == BINOP_ADD:
        return space.newlong(a.add(b))
    if op == BINOP_SUB:
        return space.newlong(a.sub(b))
    if op == BINOP_MUL:
        return space.newlong(a.mul(b))
    if op == BINOP_FLOORDIV:
        if b.sign == 0:
            raise space.error(space.w_ZeroDivisionError,
                              "integer division or modulo by zero")
        return space.newlong(a.floordiv(b))
    if op == BINOP_MOD:
        if b.sign == 0:
            raise space.error(space.w_ZeroDivisionError,
                              "integer modulo by zero")
        return space.newlong(a.mod(b))
    if op == BINOP_TRUEDIV:
        return long_truediv(space, a, b)
    if op == BINOP_POW:
        if b.sign < 0:
            return float_pow(space, big_to_float(space, a),
                             big_to_float(space, b))
        return long_pow(space, a, b)
    if op == BINOP_LSHIFT or op == BINOP_RSHIFT:
        return long_shift(space, op, a, b)
    if op == BINOP_AND:
        return space.newlong(a.and_(b))
    if op == BINOP_OR:
        return space.newlong(a.or_(b))
    if op == BINOP_XOR:
        return space.newlong(a.xor(b))
    return None


def long_truediv(space, a, b):
    if b.sign == 0:
        raise space.error(space.w_ZeroDivisionError, "division by zero")
    try:
        return space.newfloat(a.truediv(b))
    except OverflowError:
        raise space.error(space.w_OverflowError,
                          "integer division result too large for a float")


def long_pow(space, a, b):
    # small bases grow slowly; anything else with a huge exponent cannot
    # be represented
    if a.sign == 0 or (len(a.digits) == 1 and a.digits[0] == 1):
        if a.sign < 0 and b.is_odd():
            return space.newint(-1)
        if a.sign == 0:
            if b.sign == 0:
                return space.newint(1)
            return space.newint(0)
        return space.newint(1)
    if not b.fits_int() or b.toint() > 100000000:
        raise space.error(space.w_OverflowError, "exponent too large")
    return space.newlong(a.pow(b))


def long_shift(space, op, a, b):
    if b.sign < 0:
        raise space.error(space.w_ValueError, "negative shift count")
    if not b.fits_int():
        if op == BINOP_RSHIFT:
            if a.sign < 0:
                return space.newint(-1)
            return space.newint(0)
        if a.sign == 0:
            return space.newint(0)
        raise space.error(space.w_OverflowError, "too many digits in integer")
    n = b.toint()
    if op == BINOP_LSHIFT:
        if n > 1000000000:
            raise space.error(space.w_OverflowError,
                              "too many digits in integer")
        return space.newlong(a.lshift(n))
    return space.newlong(a.rshift(n))


def int_powmod(space, w_a, w_b, w_m):
    """pow(a, b, m) for ints."""
    a = to_big(w_a)
    b = to_big(w_b)
    m = to_big(w_m)
    if m.sign == 0:
        raise space.error(space.w_ValueError,
                          "pow() 3rd argument cannot be 0")
    if b.sign < 0:
        # modular inverse, then the positive power
        inv = big_modinv(space, a, m)
        return space.newlong(inv.powmod(b.neg(), m))
    return space.newlong(a.powmod(b, m))


def big_modinv(space, a, m):
    """The inverse of a modulo m (extended Euclid); ValueError if none."""
    mm = m.abs()
    r0 = a.mod(mm)
    r1 = mm
    s0 = pylong.ONE
    s1 = pylong.ZERO
    while r1.sign != 0:
        q, r = r0.divmod(r1)
        r0, r1 = r1, r
        s0, s1 = s1, s0.sub(q.mul(s1))
    if not (len(r0.digits) == 1 and r0.digits[0] == 1 and r0.sign > 0):
        raise space.error(space.w_ValueError,
                          "base is not invertible for the given modulus")
    return s0.mod(m)


# ---------------------------------------------------------------------------
# Floats


def float_binop(space, op, x, y):
    if op == BINOP_ADD:
        return space.newfloat(x + y)
    if op == BINOP_SUB:
        return space.newfloat(x - y)
    if op == BINOP_MUL:
        return space.newfloat(x * y)
    if op == BINOP_TRUEDIV:
        if y == 0.0:
            raise space.error(space.w_ZeroDivisionError,
                              "float division by zero")
        return space.newfloat(x / y)
    if op == BINOP_FLOORDIV:
        if y == 0.0:
            raise space.error(space.w_ZeroDivisionError,
                              "float floor division by zero")
        return space.newfloat(x // y)
    if op == BINOP_MOD:
        if y == 0.0:
            raise space.error(space.w_ZeroDivisionError, "float modulo")
        return space.newfloat(x % y)
    if op == BINOP_POW:
        return float_pow(space, x, y)
    return None


def float_pow(space, x, y):
    if x == 0.0 and y < 0.0 and not isinf(y):
        raise space.error(space.w_ZeroDivisionError,
                          "0.0 cannot be raised to a negative power")
    if x < 0.0 and isfinite(x) and isfinite(y) and y != ffloor(y):
        raise space.error(space.w_ValueError,
                          "negative number cannot be raised to a "
                          "fractional power")
    try:
        r = x ** y
    except OverflowError:
        raise space.error(space.w_OverflowError,
                          "(34, 'Numerical result out of range')")
    if isinf(r) and isfinite(x) and isfinite(y):
        raise space.error(space.w_OverflowError,
                          "(34, 'Numerical result out of range')")
    return space.newfloat(r)


def float_divmod(space, x, y):
    if y == 0.0:
        raise space.error(space.w_ZeroDivisionError, "float divmod()")
    return space.newtuple([space.newfloat(x // y), space.newfloat(x % y)])


def isinf(x):
    return x - x != 0.0 and x == x


def isnan(x):
    return x != x


def isfinite(x):
    return x - x == 0.0


def is_negative_zero(x):
    return x == 0.0 and math.atan2(x, -1.0) < 0.0


def copysign(x, y):
    """|x| with the sign of y (y's zero sign included)."""
    if x < 0.0:
        x = -x
    if y < 0.0 or is_negative_zero(y):
        return -x
    return x


# ---------------------------------------------------------------------------
# Comparisons (exact between ints and floats)


def num_compare(space, op, w_a, w_b):
    """The truth of `w_a op w_b` for numbers as 0/1, or -1 when either is
    not a number (NotImplemented)."""
    ka = num_kind(w_a)
    kb = num_kind(w_b)
    if ka == K_OTHER or kb == K_OTHER:
        return -1
    if ka == K_INT and kb == K_INT:
        assert isinstance(w_a, W_IntObject)
        assert isinstance(w_b, W_IntObject)
        return cmp_result(op, int_cmp(w_a.intval, w_b.intval))
    if ka == K_FLOAT and kb == K_FLOAT:
        assert isinstance(w_a, W_FloatObject)
        assert isinstance(w_b, W_FloatObject)
        return float_cmp_op(op, w_a.floatval, w_b.floatval)
    if ka == K_FLOAT:
        assert isinstance(w_a, W_FloatObject)
        c = int_float_cmp(w_b, w_a.floatval)
        if c == 2:
            return nan_result(op)
        return cmp_result(op, -c)
    if kb == K_FLOAT:
        assert isinstance(w_b, W_FloatObject)
        c = int_float_cmp(w_a, w_b.floatval)
        if c == 2:
            return nan_result(op)
        return cmp_result(op, c)
    return cmp_result(op, to_big(w_a).compare(to_big(w_b)))


def int_cmp(x, y):
    if x < y:
        return -1
    if x > y:
        return 1
    return 0


def cmp_result(op, c):
    """0/1 for the comparison `op` given the three-way result c."""
    if op == CMP_LT:
        return int(c < 0)
    if op == CMP_LE:
        return int(c <= 0)
    if op == CMP_EQ:
        return int(c == 0)
    if op == CMP_NE:
        return int(c != 0)
    if op == CMP_GT:
        return int(c > 0)
    return int(c >= 0)


def nan_result(op):
    if op == CMP_NE:
        return 1
    return 0


def float_cmp_op(op, x, y):
    if op == CMP_LT:
        return int(x < y)
    if op == CMP_LE:
        return int(x <= y)
    if op == CMP_EQ:
        return int(x == y)
    if op == CMP_NE:
        return int(x != y)
    if op == CMP_GT:
        return int(x > y)
    return int(x >= y)


def int_float_cmp(w_int, f):
    """Three-way exact comparison of an int/long object with float f;
    2 when f is nan."""
    if f != f:
        return 2
    if isinstance(w_int, W_IntObject):
        x = w_int.intval
        if -9007199254740992 <= x <= 9007199254740992:
            fx = float(x)
            if fx < f:
                return -1
            if fx > f:
                return 1
            return 0
    if isinf(f):
        if f > 0:
            return -1
        return 1
    big = to_big(w_int)
    if not float_has_fraction(f):
        return big.compare(pylong.fromfloat(f))
    # big <= floor(f) < f, or big >= floor(f) + 1 > f
    if big.compare(floor_big(f)) <= 0:
        return -1
    return 1


def floor_big(f):
    """floor(f) as an rbigint, f finite."""
    b = pylong.fromfloat(f)          # truncates towards zero
    if f < 0.0 and float_has_fraction(f):
        return b.sub(pylong.ONE)
    return b


def float_has_fraction(f):
    if f >= 4503599627370496.0 or f <= -4503599627370496.0:
        return False                 # 2**52 and above: integral
    return ffloor(f) != f


def ffloor(f):
    """floor(f) as a float (RPy's math.floor returns an int)."""
    if f >= 4503599627370496.0 or f <= -4503599627370496.0 or f != f:
        return f
    return float(math.floor(f))


def fceil(f):
    if f >= 4503599627370496.0 or f <= -4503599627370496.0 or f != f:
        return f
    return float(math.ceil(f))


# ---------------------------------------------------------------------------
# Unary operations


def num_unary(space, op, w_a):
    """-x, +x, ~x for numbers; None otherwise (~ of a float: None)."""
    if isinstance(w_a, W_IntObject):
        x = w_a.intval
        if op == UNARY_NEG:
            try:
                return space.newint(ovfcheck(-x))
            except OverflowError:
                return space.newlong(fromint(x).neg())
        if op == UNARY_POS:
            return space.newint(x)
        if op == UNARY_INVERT:
            return space.newint(~x)
        return None
    if isinstance(w_a, W_LongObject):
        if op == UNARY_NEG:
            return space.newlong(w_a.num.neg())
        if op == UNARY_POS:
            return w_a
        if op == UNARY_INVERT:
            return space.newlong(w_a.num.invert())
        return None
    if isinstance(w_a, W_FloatObject):
        if op == UNARY_NEG:
            return space.newfloat(-w_a.floatval)
        if op == UNARY_POS:
            return w_a
        return None
    return None


def num_abs(space, w_a):
    if isinstance(w_a, W_IntObject):
        x = w_a.intval
        if x >= 0:
            return space.newint(x)
        try:
            return space.newint(ovfcheck(-x))
        except OverflowError:
            return space.newlong(fromint(x).neg())
    if isinstance(w_a, W_LongObject):
        return space.newlong(w_a.num.abs())
    if isinstance(w_a, W_FloatObject):
        return space.newfloat(abs(w_a.floatval))
    return None


def num_hash(w_obj):
    """hash() of a number (CPython's values)."""
    if isinstance(w_obj, W_IntObject):
        return pylong.int_hash(w_obj.intval)
    if isinstance(w_obj, W_LongObject):
        return w_obj.num.hash()
    assert isinstance(w_obj, W_FloatObject)
    return pylong.float_hash(w_obj.floatval)


def num_is_true(w_obj):
    if isinstance(w_obj, W_IntObject):
        return w_obj.intval != 0
    if isinstance(w_obj, W_LongObject):
        return w_obj.num.sign != 0
    assert isinstance(w_obj, W_FloatObject)
    return w_obj.floatval != 0.0


# ---------------------------------------------------------------------------
# Conversions


def float_to_int_obj(space, f):
    """int(f): truncation towards zero, as an int object."""
    if f != f:
        raise space.error(space.w_ValueError,
                          "cannot convert float NaN to integer")
    if isinf(f):
        raise space.error(space.w_OverflowError,
                          "cannot convert float infinity to integer")
    if -9.2e18 < f < 9.2e18:
        return space.newint(int(f))
    return space.newlong(pylong.fromfloat(f))


def float_floor_obj(space, f):
    if f != f or isinf(f):
        return float_to_int_obj(space, f)
    if -9.2e18 < f < 9.2e18:
        return space.newint(int(math.floor(f)))
    return space.newlong(floor_big(f))


def float_ceil_obj(space, f):
    if f != f or isinf(f):
        return float_to_int_obj(space, f)
    if -9.2e18 < f < 9.2e18:
        return space.newint(int(math.ceil(f)))
    return space.newlong(pylong.fromfloat(f))


def float_round_half_even(space, f):
    """round(f) with no digits: the nearest int, ties to even."""
    if f != f:
        raise space.error(space.w_ValueError,
                          "cannot convert float NaN to integer")
    if isinf(f):
        raise space.error(space.w_OverflowError,
                          "cannot convert float infinity to integer")
    if f >= 4503599627370496.0 or f <= -4503599627370496.0:
        return float_to_int_obj(space, f)
    fl = ffloor(f)
    diff = f - fl
    if diff > 0.5 or (diff == 0.5 and math.fmod(fl, 2.0) != 0.0):
        fl += 1.0
    return space.newint(int(fl))


def str_to_int_digits(s, base):
    """Validate `s` (stripped, no sign, no prefix) as digits of `base`
    with single underscores between digits; returns the digits without
    underscores, or None if invalid."""
    if len(s) == 0:
        return None
    out = []
    prev_underscore = True      # no leading underscore
    for c in s:
        if c == '_':
            if prev_underscore:
                return None
            prev_underscore = True
            continue
        if pylong.digit_value(c) >= base:
            return None
        out.append(c)
        prev_underscore = False
    if prev_underscore:
        return None
    return "".join(out)


def parse_int(space, s, base):
    """int(s, base) for a str s; ValueError with CPython's message, or
    None when the literal is invalid (the caller reports it)."""
    start = 0
    end = len(s)
    while start < end and is_ascii_space(s[start]):
        start += 1
    while end > start and is_ascii_space(s[end - 1]):
        end -= 1
    negative = False
    if start < end and (s[start] == '-' or s[start] == '+'):
        negative = s[start] == '-'
        start += 1
    body = s[start:end]
    if len(body) >= 2 and body[0] == '0':
        p = body[1]
        prefix_base = 0
        if p == 'x' or p == 'X':
            prefix_base = 16
        elif p == 'o' or p == 'O':
            prefix_base = 8
        elif p == 'b' or p == 'B':
            prefix_base = 2
        if prefix_base != 0 and (base == 0 or base == prefix_base):
            base = prefix_base
            body = body[2:]
            if len(body) > 0 and body[0] == '_':
                body = body[1:]
    if base == 0:
        base = 10
        # base 0: a decimal literal may not have leading zeros
        if len(body) > 1 and body[0] == '0':
            for c in body:
                if c != '0' and c != '_':
                    return None
    digits = str_to_int_digits(body, base)
    if digits is None:
        return None
    limit = space.int_max_str_digits
    if limit > 0 and len(digits) > limit and base & (base - 1) != 0:
        raise space.error(space.w_ValueError,
                          "Exceeds the limit (%d digits) for integer string "
                          "conversion: value has %d digits; use "
                          "sys.set_int_max_str_digits() to increase the "
                          "limit" % (limit, len(digits)))
    if len(digits) <= 18 and base == 10:
        value = 0
        for c in digits:
            value = value * 10 + (ord(c) - 48)
        if negative:
            value = -value
        return space.newint(value)
    num = pylong.fromstr(digits, base)
    if negative:
        num = num.neg()
    return space.newlong(num)


def is_ascii_space(c):
    return c == ' ' or c == '\t' or c == '\n' or c == '\r' or \
        c == '\x0b' or c == '\x0c'


def parse_float(s):
    """float(s) for a str s, or raises ValueError (the caller reports
    CPython's message).  Accepts inf/infinity/nan in any case and
    underscores between digits."""
    start = 0
    end = len(s)
    while start < end and is_ascii_space(s[start]):
        start += 1
    while end > start and is_ascii_space(s[end - 1]):
        end -= 1
    t = s[start:end]
    if len(t) == 0:
        raise ValueError
    sign = 1.0
    body = t
    if body[0] == '-' or body[0] == '+':
        if body[0] == '-':
            sign = -1.0
        body = body[1:]
    low = body.lower()
    if low == "inf" or low == "infinity":
        return sign * INFINITY
    if low == "nan":
        return NAN
    if not valid_float_literal(body):
        raise ValueError
    return sign * float(body.replace("_", ""))


def valid_float_literal(s):
    """digits [. digits] [e [sign] digits], at least one digit in the
    mantissa; underscores only between digits."""
    i = 0
    n = len(s)
    mant_digits = 0
    i, count = _scan_digits(s, i)
    if count < 0:
        return False
    mant_digits += count
    if i < n and s[i] == '.':
        i += 1
        i, count = _scan_digits(s, i)
        if count < 0:
            return False
        mant_digits += count
    if mant_digits == 0:
        return False
    if i < n and (s[i] == 'e' or s[i] == 'E'):
        i += 1
        if i < n and (s[i] == '-' or s[i] == '+'):
            i += 1
        i, count = _scan_digits(s, i)
        if count <= 0:
            return False
    return i == n


def _scan_digits(s, i):
    """(new index, number of digits) of a run of digits with single
    inner underscores at s[i:]; count -1 when an underscore is misplaced."""
    count = 0
    n = len(s)
    while i < n:
        c = s[i]
        if '0' <= c <= '9':
            count += 1
            i += 1
        elif c == '_':
            if count == 0 or i + 1 >= n or not ('0' <= s[i + 1] <= '9'):
                return i, -1
            i += 1
        else:
            break
    return i, count


INFINITY = 1e300 * 1e300
NAN = INFINITY - INFINITY


def int_bit_length(w_obj):
    if isinstance(w_obj, W_IntObject):
        x = w_obj.intval
        if x < 0:
            if x == pylong.MININT:
                return 64
            x = -x
        n = 0
        while x != 0:
            x = x >> 1
            n += 1
        return n
    assert isinstance(w_obj, W_LongObject)
    return w_obj.num.bit_length()


def int_to_base_str(w_obj, base):
    """Digits of an int object in base 2, 8, 10 or 16 with a '-' for
    negatives and no prefix."""
    return to_big(w_obj).format_base(base)


def int_str(space, w_obj):
    if isinstance(w_obj, W_IntObject):
        return str(w_obj.intval)
    assert isinstance(w_obj, W_LongObject)
    return decimal_digits(space, w_obj.num)


def decimal_digits(space, num):
    """str() of a big int, with CPython 3.11's limit on the number of
    digits (sys.set_int_max_str_digits)."""
    limit = space.int_max_str_digits
    if limit > 0 and num.bit_length() > 4 * limit:
        raise int_str_limit_error(space)
    text = num.str()
    ndigits = len(text)
    if num.sign < 0:
        ndigits -= 1
    if limit > 0 and ndigits > limit:
        raise int_str_limit_error(space)
    return text


def int_str_limit_error(space):
    return space.error(space.w_ValueError,
                       "Exceeds the limit (%d digits) for integer string "
                       "conversion; use sys.set_int_max_str_digits() to "
                       "increase the limit" % space.int_max_str_digits)


def float_repr(f):
    """repr() of a float: the shortest round-tripping digits, CPython's
    layout (the translated runtime's repr(float) is CPython's)."""
    return repr(f)


def float_is_integer(f):
    return isfinite(f) and ffloor(f) == f


def intmask_obj(x):
    return intmask(x)
