"""pylong: arbitrary-precision integers in RPy (the VM's `W_LongObject`).

Python ints live in a machine word (`W_IntObject`) until an operation
overflows (`ovfcheck`); the result is then an `rbigint` from this module,
wrapped in a `W_LongObject`, and a big result that fits a word again is
unwrapped by the object space.  This module knows nothing of W_ objects: it
is plain arithmetic on immutable values, tested against CPython's ints in
tests/python_objects.

Representation: `sign` is -1, 0 or 1 and `digits` the magnitude,
little-endian in base 2**31, without leading zero digits; zero is
`digits == [0]`, `sign == 0`.  With 31-bit digits a digit product plus a
carry fits comfortably in a signed 64-bit word, so no operation needs
wider arithmetic.

Semantics are Python's: floor division and a modulo with the divisor's
sign, shifts and bitwise operations as on infinite two's complement,
`hash` equal to CPython's (value modulo 2**61 - 1, -1 mapped to -2),
conversion to float correctly rounded (half-even).  Algorithms: schoolbook
multiplication with Karatsuba above KARATSUBA_CUTOFF digits, Knuth's
Algorithm D for division (TAOCP vol. 2, 4.3.1), left-to-right binary
exponentiation.
"""

import math

from rlib.rarith import intmask, r_uint, ovfcheck
from rlib.jit import elidable

SHIFT = 31
BASE = 1 << SHIFT
MASK = BASE - 1
KARATSUBA_CUTOFF = 48

# CPython's hash modulus for numbers: the Mersenne prime 2**61 - 1.
HASH_BITS = 61
HASH_MODULUS = (1 << 61) - 1
HASH_INF = 314159

MAXINT = 9223372036854775807
MININT = -9223372036854775807 - 1

DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


class rbigint(object):
    """An immutable arbitrary-precision integer (see the module doc)."""
    _immutable_fields_ = ['digits[*]', 'sign']

    def __init__(self, digits, sign):
        self.digits = digits
        self.sign = sign

    def numdigits(self):
        return len(self.digits)

    # -- conversions ------------------------------------------------------

    def fits_int(self):
        """True if the value is a signed 64-bit machine word."""
        n = len(self.digits)
        if n <= 2:
            return True
        if n > 3:
            return False
        top = self.digits[2]
        if top < 2:
            return True
        # 3 digits = 93 bits; a word holds 63 bits of magnitude (64 for MININT)
        if top > 2:
            return False
        if self.sign < 0:
            return self.digits[1] == 0 and self.digits[0] == 0
        return False

    def toint(self):
        """The value as an int; OverflowError if it does not fit."""
        if not self.fits_int():
            raise OverflowError
        acc = r_uint(0)
        i = len(self.digits) - 1
        while i >= 0:
            acc = (acc << SHIFT) | r_uint(self.digits[i])
            i -= 1
        if self.sign < 0:
            return intmask(r_uint(0) - acc)
        return intmask(acc)

    def touint_wrapped(self):
        """The low 64 bits of the two's complement value (wraps)."""
        acc = r_uint(0)
        i = len(self.digits) - 1
        while i >= 0:
            acc = (acc << SHIFT) | r_uint(self.digits[i])
            i -= 1
        if self.sign < 0:
            return r_uint(0) - acc
        return acc

    def tofloat(self):
        """The nearest float (ties to even); OverflowError if too big."""
        if self.sign == 0:
            return 0.0
        if self.fits_int():
            return float(self.toint())      # the C conversion rounds correctly
        nbits = self.bit_length()
        # Keep 55 bits (53 + guard + round) plus a sticky bit.
        shift = nbits - 55
        top = self.abs().rshift(shift)
        mant = top.toint()
        sticky = 0
        if not self.abs().low_bits_zero(shift):
            sticky = 1
        mant = mant | sticky
        # round 55 bits (+sticky in bit 0) to 53: look at the low 2 bits
        low = mant & 3
        mant = mant >> 2
        if low > 2 or (low == 2 and (mant & 1) == 1):
            mant += 1
        exp = shift + 2
        if mant == (1 << 53):
            mant = mant >> 1
            exp += 1
        if exp + 53 > 1024:
            raise OverflowError
        result = ldexp_exact(float(mant), exp)
        if self.sign < 0:
            return -result
        return result

    def low_bits_zero(self, nbits):
        """True if the lowest `nbits` bits of the magnitude are all zero."""
        wordshift = nbits // SHIFT
        remshift = nbits - wordshift * SHIFT
        i = 0
        while i < wordshift and i < len(self.digits):
            if self.digits[i] != 0:
                return False
            i += 1
        if wordshift < len(self.digits) and remshift > 0:
            if self.digits[wordshift] & ((1 << remshift) - 1) != 0:
                return False
        return True

    def bit_length(self):
        n = len(self.digits)
        if self.sign == 0:
            return 0
        return (n - 1) * SHIFT + bits_in_digit(self.digits[n - 1])

    def str(self):
        return self.format_base(10)

    def format_base(self, base):
        """Digits in `base` (2..36), with a '-' for negatives, no prefix."""
        if self.sign == 0:
            return "0"
        if base == 10:
            body = _to_decimal(self.digits)
        else:
            body = _to_base_pow2_or_other(self.digits, base)
        if self.sign < 0:
            return "-" + body
        return body

    # -- comparison and hashing -----------------------------------------

    def eq(self, other):
        if self.sign != other.sign or len(self.digits) != len(other.digits):
            return False
        i = 0
        while i < len(self.digits):
            if self.digits[i] != other.digits[i]:
                return False
            i += 1
        return True

    def lt(self, other):
        return self.compare(other) < 0

    def compare(self, other):
        """-1, 0 or 1 as self <, ==, > other."""
        if self.sign != other.sign:
            if self.sign < other.sign:
                return -1
            return 1
        c = _cmp_mag(self.digits, other.digits)
        if self.sign < 0:
            return -c
        return c

    def hash(self):
        """CPython's hash of an int: value modulo 2**61-1, -1 -> -2."""
        acc = 0
        i = len(self.digits) - 1
        while i >= 0:
            # acc = (acc * 2**31 + d) mod P, with 2**61 == 1 (mod P)
            acc = ((acc & ((1 << 30) - 1)) << 31) | (acc >> 30)
            acc += self.digits[i]
            if acc >= HASH_MODULUS:
                acc -= HASH_MODULUS
            i -= 1
        if self.sign < 0:
            acc = -acc
        if acc == -1:
            acc = -2
        return acc

    # -- unary ---------------------------------------------------------

    def neg(self):
        return rbigint(self.digits, -self.sign)

    def abs(self):
        if self.sign < 0:
            return rbigint(self.digits, 1)
        return self

    def invert(self):
        """~x == -(x + 1)"""
        return self.add(ONE).neg()

    def is_odd(self):
        return (self.digits[0] & 1) == 1

    # -- additive ------------------------------------------------------

    def add(self, other):
        if self.sign == 0:
            return other
        if other.sign == 0:
            return self
        if self.sign == other.sign:
            return _make(_add_mag(self.digits, other.digits), self.sign)
        c = _cmp_mag(self.digits, other.digits)
        if c == 0:
            return ZERO
        if c > 0:
            return _make(_sub_mag(self.digits, other.digits), self.sign)
        return _make(_sub_mag(other.digits, self.digits), other.sign)

    def sub(self, other):
        return self.add(other.neg())

    # -- multiplicative ------------------------------------------------

    def mul(self, other):
        if self.sign == 0 or other.sign == 0:
            return ZERO
        if len(other.digits) == 1:
            digits = _mul_digit(self.digits, other.digits[0])
        elif len(self.digits) == 1:
            digits = _mul_digit(other.digits, self.digits[0])
        else:
            digits = _mul_mag(self.digits, other.digits)
        return _make(digits, self.sign * other.sign)

    def divmod(self, other):
        """(self // other, self % other) with Python's floor semantics.
        ZeroDivisionError when other is 0."""
        if other.sign == 0:
            raise ZeroDivisionError
        q, r = _divrem(self, other)
        # truncated -> floored: adjust when the remainder's sign differs
        if r.sign != 0 and r.sign != other.sign:
            q = q.sub(ONE)
            r = r.add(other)
        return q, r

    def floordiv(self, other):
        q, r = self.divmod(other)
        return q

    def mod(self, other):
        q, r = self.divmod(other)
        return r

    def truediv(self, other):
        """self / other as the correctly rounded float.  ZeroDivisionError,
        OverflowError "integer division result too large for a float"."""
        if other.sign == 0:
            raise ZeroDivisionError
        if self.sign == 0:
            if other.sign < 0:
                return -0.0
            return 0.0
        a = self.abs()
        b = other.abs()
        negative = self.sign != other.sign
        if a.bit_length() <= 53 and b.bit_length() <= 53:
            result = float(a.toint()) / float(b.toint())
        else:
            result = _truediv_mag(a, b)
        if negative:
            return -result
        return result

    def pow(self, other):
        """self ** other for other >= 0 (the caller handles negatives)."""
        if other.sign < 0:
            raise ValueError
        result = ONE
        nbits = other.bit_length()
        i = nbits - 1
        while i >= 0:
            result = result.mul(result)
            if other.testbit(i):
                result = result.mul(self)
            i -= 1
        return result

    def powmod(self, other, modulus):
        """pow(self, other, modulus) for other >= 0 and modulus != 0."""
        if modulus.sign == 0:
            raise ZeroDivisionError
        if other.sign < 0:
            raise ValueError
        base = self.mod(modulus)
        result = ONE.mod(modulus)
        nbits = other.bit_length()
        i = nbits - 1
        while i >= 0:
            result = result.mul(result).mod(modulus)
            if other.testbit(i):
                result = result.mul(base).mod(modulus)
            i -= 1
        return result

    def testbit(self, i):
        """Bit `i` of the magnitude."""
        word = i // SHIFT
        if word >= len(self.digits):
            return False
        return (self.digits[word] >> (i - word * SHIFT)) & 1 == 1

    # -- shifts --------------------------------------------------------

    def lshift(self, n):
        """self << n for n >= 0."""
        if self.sign == 0 or n == 0:
            return self
        wordshift = n // SHIFT
        remshift = n - wordshift * SHIFT
        old = self.digits
        size = len(old)
        digits = [0] * (size + wordshift + 1)
        carry = 0
        i = 0
        while i < size:
            acc = (old[i] << remshift) | carry
            digits[i + wordshift] = acc & MASK
            carry = acc >> SHIFT
            i += 1
        digits[size + wordshift] = carry
        return _make(digits, self.sign)

    def rshift(self, n):
        """self >> n for n >= 0, rounding towards minus infinity."""
        if self.sign == 0 or n == 0:
            return self
        if self.sign < 0:
            # -a >> n == ~((a - 1) >> n) == -(((a - 1) >> n) + 1)
            a1 = self.neg().sub(ONE)
            return a1.rshift(n).add(ONE).neg()
        wordshift = n // SHIFT
        if wordshift >= len(self.digits):
            return ZERO
        remshift = n - wordshift * SHIFT
        old = self.digits
        size = len(old) - wordshift
        digits = [0] * size
        i = 0
        while i < size:
            acc = old[i + wordshift] >> remshift
            if i + wordshift + 1 < len(old) and remshift > 0:
                acc = acc | ((old[i + wordshift + 1] << (SHIFT - remshift)) & MASK)
            digits[i] = acc
            i += 1
        return _make(digits, 1)

    # -- bitwise (infinite two's complement) -----------------------------

    def and_(self, other):
        return _bitwise(self, other, '&')

    def or_(self, other):
        return _bitwise(self, other, '|')

    def xor(self, other):
        return _bitwise(self, other, '^')


# ---------------------------------------------------------------------------
# Constructors


def _make(digits, sign):
    """An rbigint from a possibly unnormalised digit list."""
    n = len(digits)
    while n > 1 and digits[n - 1] == 0:
        n -= 1
    if n < len(digits):
        digits = digits[:n]
    if n == 1 and digits[0] == 0:
        return ZERO
    return rbigint(digits, sign)


def fromint(x):
    if x == 0:
        return ZERO
    if x > 0:
        sign = 1
        u = r_uint(x)
    else:
        sign = -1
        u = r_uint(0) - r_uint(x)
    digits = []
    while u != 0:
        digits.append(intmask(u & r_uint(MASK)))
        u = u >> SHIFT
    return rbigint(digits, sign)


def fromuint(u):
    """An rbigint from an unsigned 64-bit word (r_uint)."""
    if u == 0:
        return ZERO
    digits = []
    while u != 0:
        digits.append(intmask(u & r_uint(MASK)))
        u = u >> SHIFT
    return rbigint(digits, 1)


def fromfloat(f):
    """The integer part of the finite float `f` (truncated towards 0)."""
    if f >= -9.2e18 and f <= 9.2e18:
        return fromint(int(f))
    negative = f < 0.0
    if negative:
        f = -f
    mant, exp = frexp(f)
    # f == mant * 2**exp with 0.5 <= mant < 1; 53 bits of mantissa
    m = int(mant * 9007199254740992.0)      # 2**53, exact
    result = fromint(m).lshift(exp - 53)
    if negative:
        return result.neg()
    return result


def fromdecimalstr(s):
    """Digits only (no sign, no underscores, at least one): the value."""
    return fromstr(s, 10)


def fromstr(s, base):
    """The value of the digits of `s` in `base` (2..36).  `s` must hold
    only valid digits (the caller checks); no sign, no prefix."""
    result = ZERO
    # Accumulate chunks of digits in a machine word, then multiply in.
    chunk = 0
    chunkmul = 1
    i = 0
    while i < len(s):
        d = digit_value(s[i])
        chunk = chunk * base + d
        chunkmul = chunkmul * base
        if chunkmul >= (1 << 24):
            result = _muladd_small(result, chunkmul, chunk)
            chunk = 0
            chunkmul = 1
        i += 1
    if chunkmul > 1:
        result = _muladd_small(result, chunkmul, chunk)
    return result


def digit_value(c):
    """The value of digit character `c` (0-9, a-z, A-Z), or 99."""
    o = ord(c)
    if o >= 48 and o <= 57:
        return o - 48
    if o >= 97 and o <= 122:
        return o - 97 + 10
    if o >= 65 and o <= 90:
        return o - 65 + 10
    return 99


def _muladd_small(a, m, c):
    """a * m + c for a >= 0 and small non-negative ints m, c < 2**31."""
    digits = _mul_digit(a.digits, m)
    carry = c
    i = 0
    while carry != 0 and i < len(digits):
        s = digits[i] + carry
        digits[i] = s & MASK
        carry = s >> SHIFT
        i += 1
    if carry != 0:
        digits.append(carry)
    return _make(digits, 1)


# ---------------------------------------------------------------------------
# Magnitude helpers (lists of digits)


def bits_in_digit(d):
    n = 0
    while d != 0:
        d = d >> 1
        n += 1
    return n


def _cmp_mag(a, b):
    if len(a) != len(b):
        if len(a) < len(b):
            return -1
        return 1
    i = len(a) - 1
    while i >= 0:
        if a[i] != b[i]:
            if a[i] < b[i]:
                return -1
            return 1
        i -= 1
    return 0


def _add_mag(a, b):
    if len(a) < len(b):
        a, b = b, a
    result = [0] * (len(a) + 1)
    carry = 0
    i = 0
    while i < len(b):
        s = a[i] + b[i] + carry
        result[i] = s & MASK
        carry = s >> SHIFT
        i += 1
    while i < len(a):
        s = a[i] + carry
        result[i] = s & MASK
        carry = s >> SHIFT
        i += 1
    result[len(a)] = carry
    return result


def _sub_mag(a, b):
    """a - b for magnitudes with a >= b."""
    result = [0] * len(a)
    borrow = 0
    i = 0
    while i < len(b):
        s = a[i] - b[i] - borrow
        if s < 0:
            s += BASE
            borrow = 1
        else:
            borrow = 0
        result[i] = s
        i += 1
    while i < len(a):
        s = a[i] - borrow
        if s < 0:
            s += BASE
            borrow = 1
        else:
            borrow = 0
        result[i] = s
        i += 1
    return result


def _mul_digit(a, d):
    """A new digit list: a * d for one digit d (0 <= d < 2**31)."""
    result = [0] * (len(a) + 1)
    carry = 0
    i = 0
    while i < len(a):
        p = a[i] * d + carry
        result[i] = p & MASK
        carry = p >> SHIFT
        i += 1
    result[len(a)] = carry
    return result


def _mul_school(a, b):
    result = [0] * (len(a) + len(b))
    i = 0
    while i < len(a):
        ai = a[i]
        if ai != 0:
            carry = 0
            j = 0
            while j < len(b):
                p = result[i + j] + ai * b[j] + carry
                result[i + j] = p & MASK
                carry = p >> SHIFT
                j += 1
            k = i + len(b)
            while carry != 0:
                p = result[k] + carry
                result[k] = p & MASK
                carry = p >> SHIFT
                k += 1
        i += 1
    return result


def _strip(digits):
    n = len(digits)
    while n > 1 and digits[n - 1] == 0:
        n -= 1
    if n < len(digits):
        return digits[:n]
    return digits


def _mul_mag(a, b):
    if len(a) < KARATSUBA_CUTOFF or len(b) < KARATSUBA_CUTOFF:
        return _mul_school(a, b)
    return _mul_karatsuba(a, b)


def _mul_karatsuba(a, b):
    """a * b = (ah*B^k + al)(bh*B^k + bl) with three half-size products."""
    n = len(a)
    if len(b) > n:
        n = len(b)
    k = n // 2
    al = _low_half(a, k)
    ah = _high_half(a, k)
    bl = _low_half(b, k)
    bh = _high_half(b, k)
    z0 = _mul_mag(al, bl)
    z2 = _mul_mag(ah, bh)
    z1 = _mul_mag(_strip(_add_mag(al, ah)), _strip(_add_mag(bl, bh)))
    # z1 - z0 - z2 is the middle term (non-negative)
    mid = _sub_mag(_strip(z1), _strip(z0))
    mid = _sub_mag(_strip(mid), _strip(z2))
    result = [0] * (len(a) + len(b) + 1)
    _add_into(result, _strip(z0), 0)
    _add_into(result, _strip(mid), k)
    _add_into(result, _strip(z2), 2 * k)
    return result


def _low_half(a, k):
    if len(a) > k:
        return _strip(a[:k])
    return a


def _high_half(a, k):
    if len(a) > k:
        return _strip(a[k:])
    return [0]


def _add_into(result, x, offset):
    """result[offset:] += x (result is long enough)."""
    carry = 0
    i = 0
    while i < len(x):
        s = result[offset + i] + x[i] + carry
        result[offset + i] = s & MASK
        carry = s >> SHIFT
        i += 1
    k = offset + len(x)
    while carry != 0:
        s = result[k] + carry
        result[k] = s & MASK
        carry = s >> SHIFT
        k += 1


def _divrem1(a, d):
    """(quotient digits, remainder int) of magnitude a by one digit d."""
    q = [0] * len(a)
    rem = 0
    i = len(a) - 1
    while i >= 0:
        acc = (rem << SHIFT) | a[i]
        qd = acc // d
        q[i] = qd
        rem = acc - qd * d
        i -= 1
    return q, rem


def _divrem(a, b):
    """Truncated division: (q, r) with a == q*b + r, r of a's sign."""
    c = _cmp_mag(a.digits, b.digits)
    if c < 0:
        return ZERO, a
    if c == 0:
        return _make([1], a.sign * b.sign), ZERO
    if len(b.digits) == 1:
        qd, rem = _divrem1(a.digits, b.digits[0])
        rd = [rem]
    else:
        qd, rd = _divrem_knuth(a.digits, b.digits)
    return _make(qd, a.sign * b.sign), _make(rd, a.sign)


def _lshift_digits(a, d, extra):
    """Magnitude a shifted left by d bits (0 <= d < SHIFT) into a new list
    with `extra` more digits."""
    result = [0] * (len(a) + extra)
    carry = 0
    i = 0
    while i < len(a):
        acc = (a[i] << d) | carry
        result[i] = acc & MASK
        carry = acc >> SHIFT
        i += 1
    if extra > 0:
        result[len(a)] = carry
    return result


def _divrem_knuth(a, b):
    """Knuth's Algorithm D on magnitudes, len(b) >= 2, a > b."""
    n = len(b)
    d = SHIFT - bits_in_digit(b[n - 1])
    v = _lshift_digits(b, d, 0)
    u = _lshift_digits(a, d, 1)
    m = len(u) - n
    q = [0] * m
    vtop = v[n - 1]
    vsecond = v[n - 2]
    j = m - 1
    while j >= 0:
        num = (u[j + n] << SHIFT) | u[j + n - 1]
        qhat = num // vtop
        rhat = num - qhat * vtop
        while qhat >= BASE or qhat * vsecond > ((rhat << SHIFT) | u[j + n - 2]):
            qhat -= 1
            rhat += vtop
            if rhat >= BASE:
                break
        _submul(u, v, j, qhat)
        if u[j + n] < 0:
            _addback(u, v, j)
            qhat -= 1
        q[j] = qhat
        j -= 1
    # remainder: u[0:n] shifted back right by d bits
    rem = [0] * n
    i = 0
    while i < n:
        acc = u[i] >> d
        if i + 1 < n and d > 0:
            acc = acc | ((u[i + 1] << (SHIFT - d)) & MASK)
        rem[i] = acc
        i += 1
    return q, rem


def _submul(u, v, j, qhat):
    """u[j:j+n+1] -= qhat * v; leaves u[j+n] negative on underflow."""
    n = len(v)
    carry = 0
    borrow = 0
    i = 0
    while i < n:
        p = qhat * v[i] + carry
        carry = p >> SHIFT
        t = u[i + j] - (p & MASK) - borrow
        if t < 0:
            t += BASE
            borrow = 1
        else:
            borrow = 0
        u[i + j] = t
        i += 1
    u[j + n] = u[j + n] - carry - borrow


def _addback(u, v, j):
    """u[j:j+n+1] += v (after an over-subtraction; the top becomes 0)."""
    n = len(v)
    carry = 0
    i = 0
    while i < n:
        s = u[i + j] + v[i] + carry
        u[i + j] = s & MASK
        carry = s >> SHIFT
        i += 1
    u[j + n] = u[j + n] + carry


def _truediv_mag(a, b):
    """a / b for positive a, b, correctly rounded (not both small)."""
    # Scale so the integer quotient has 55 bits, keep a sticky bit.
    shift = b.bit_length() - a.bit_length() + 55
    if shift >= 0:
        num = a.lshift(shift)
        den = b
    else:
        num = a
        den = b.lshift(-shift)
    q, r = _divrem(num, den)
    # q has 55 or 56 bits
    extra = q.bit_length() - 55
    mant = q.rshift(extra).toint()
    sticky = 0
    if r.sign != 0 or not q.low_bits_zero(extra):
        sticky = 1
    exp = extra - shift
    low_bits_kept = 2
    mant = mant | sticky
    low = mant & 3
    mant = mant >> low_bits_kept
    exp += low_bits_kept
    if low > 2 or (low == 2 and (mant & 1) == 1):
        mant += 1
    if mant == (1 << 53):
        mant = mant >> 1
        exp += 1
    if exp + 53 > 1024:
        raise OverflowError
    if exp + 53 < -1021:
        # subnormal territory: redo the rounding at the coarser precision
        return _subnormal_div(a, b)
    return ldexp_exact(float(mant), exp)


def _subnormal_div(a, b):
    """a / b when the result is below the normal range: round the quotient
    to a multiple of 2**-1074 directly."""
    # result = round(a * 2**1074 / b) * 2**-1074
    num = a.lshift(1074)
    q, r = _divrem(num, b)
    twice = r.lshift(1)
    c = twice.compare(b)
    if c > 0 or (c == 0 and q.is_odd()):
        q = q.add(ONE)
    return ldexp_exact(q.tofloat(), -1074)


def _to_decimal(digits):
    """Decimal digits of a non-zero magnitude."""
    if len(digits) <= 2:
        return str(rbigint(digits, 1).toint())
    # Peel off 9 decimal digits at a time (10**9 < 2**31).
    chunks = []
    cur = digits
    while not (len(cur) == 1 and cur[0] == 0):
        q, rem = _divrem1(cur, 1000000000)
        chunks.append(rem)
        cur = _strip(q)
    parts = []
    i = len(chunks) - 1
    parts.append(str(chunks[i]))
    i -= 1
    while i >= 0:
        s = str(chunks[i])
        parts.append("0" * (9 - len(s)) + s)
        i -= 1
    return "".join(parts)


def _to_base_pow2_or_other(digits, base):
    """Digits of a non-zero magnitude in `base` (2..36), no prefix."""
    out = []
    cur = digits
    while not (len(cur) == 1 and cur[0] == 0):
        q, rem = _divrem1(cur, base)
        out.append(DIGITS36[rem])
        cur = _strip(q)
    out.reverse()
    return "".join(out)


def _bitwise(a, b, op):
    """a op b on infinite two's complement; op is '&', '|' or '^'."""
    n = len(a.digits)
    if len(b.digits) > n:
        n = len(b.digits)
    n += 1
    da = _twos(a, n)
    db = _twos(b, n)
    neg_a = a.sign < 0
    neg_b = b.sign < 0
    result = [0] * n
    i = 0
    while i < n:
        if op == '&':
            result[i] = da[i] & db[i]
        elif op == '|':
            result[i] = da[i] | db[i]
        else:
            result[i] = da[i] ^ db[i]
        i += 1
    if op == '&':
        negative = neg_a and neg_b
    elif op == '|':
        negative = neg_a or neg_b
    else:
        negative = neg_a != neg_b
    if not negative:
        return _make(result, 1)
    # magnitude = ~result + 1 (over n digits)
    i = 0
    while i < n:
        result[i] = result[i] ^ MASK
        i += 1
    mag = _make(result, 1).add(ONE)
    return mag.neg()


def _twos(a, n):
    """n digits of a's two's complement representation."""
    result = [0] * n
    i = 0
    while i < len(a.digits):
        result[i] = a.digits[i]
        i += 1
    if a.sign >= 0:
        return result
    # -x == ~(x - 1)
    borrow = 1
    i = 0
    while i < n:
        s = result[i] - borrow
        if s < 0:
            s += BASE
            borrow = 1
        else:
            borrow = 0
        result[i] = s ^ MASK
        i += 1
    return result


# ---------------------------------------------------------------------------
# Float helpers that need nothing but arithmetic (no frexp in RPy's math).


def frexp(x):
    """(m, e) with x == m * 2**e, 0.5 <= |m| < 1, for finite non-zero x;
    (x, 0) for 0, inf and nan.  Exact: only scales by powers of two."""
    if x == 0.0 or x != x or x - x != 0.0:
        return x, 0
    negative = x < 0.0
    if negative:
        x = -x
    e = 0
    while x >= 18446744073709551616.0:          # 2**64
        x = x * 5.421010862427522e-20            # 2**-64
        e += 64
    while x >= 1.0:
        x = x * 0.5
        e += 1
    while x < 5.421010862427522e-20:
        x = x * 18446744073709551616.0
        e -= 64
    while x < 0.5:
        x = x * 2.0
        e -= 1
    if negative:
        x = -x
    return x, e


def ldexp_exact(x, e):
    """x * 2**e with a single rounding (scaling by exact powers of two;
    only the last step can round, when the result is subnormal)."""
    while e > 0:
        step = e
        if step > 60:
            step = 60
        x = x * float(1 << step)
        e -= step
        if x - x != 0.0:
            return x
    while e < -60:
        y = x * 8.673617379884035e-19            # 2**-60
        if y < 2.2250738585072014e-308 and y > -2.2250738585072014e-308:
            break
        x = y
        e += 60
    if e < 0:
        if e < -1074:
            return x * 0.0
        p = 1.0
        k = -e
        while k >= 60:
            p = p * 8.673617379884035e-19
            k -= 60
        while k > 0:
            p = p * 0.5
            k -= 1
        x = x * p
    return x


def float_as_integer_ratio_parts(x):
    """(mantissa, exponent) with x == mantissa * 2**exponent exactly and
    mantissa an int of at most 53 bits; x finite."""
    if x == 0.0:
        return 0, 0
    m, e = frexp(x)
    mant = int(m * 9007199254740992.0)            # 2**53
    e -= 53
    while mant & 1 == 0:
        mant = mant >> 1
        e += 1
    return mant, e


def float_hash(x):
    """CPython's hash of a float (_Py_HashDouble); nan hashes to 0."""
    if x != x:
        return 0
    if x - x != 0.0:
        if x > 0:
            return HASH_INF
        return -HASH_INF
    m, e = frexp(x)
    sign = 1
    if m < 0:
        sign = -1
        m = -m
    acc = 0
    while m != 0.0:
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (HASH_BITS - 28))
        m = m * 268435456.0                       # 2**28
        e -= 28
        y = int(m)
        m = m - float(y)
        acc += y
        if acc >= HASH_MODULUS:
            acc -= HASH_MODULUS
    if e >= 0:
        e = e % HASH_BITS
    else:
        e = HASH_BITS - 1 - ((-1 - e) % HASH_BITS)
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (HASH_BITS - e))
    acc = acc * sign
    if acc == -1:
        acc = -2
    return acc


def int_hash(x):
    """CPython's hash of a machine int."""
    if x >= 0:
        if x < HASH_MODULUS:
            return x
        return x % HASH_MODULUS
    if x == MININT:
        return fromint(x).hash()
    h = -((-x) % HASH_MODULUS)
    if h == -1:
        h = -2
    return h


ZERO = rbigint([0], 0)
ONE = rbigint([1], 1)
