"""pylong.rbigint against CPython's ints on seeded random values."""

import math
import random
import unittest

import pylong
from pylong import fromint, fromstr, rbigint


def big(x):
    """An rbigint for the Python int x (through the decimal string)."""
    if x < 0:
        return fromstr(str(-x), 10).neg()
    return fromstr(str(x), 10)


def val(b):
    return int(b.str())


def samples(rng, n):
    out = [0, 1, -1, 2, -2, 2**31 - 1, 2**31, -2**31, 2**62, 2**63 - 1,
           -2**63, 2**63, -2**63 - 1, 2**64, 2**93, -2**93, 10**30, -10**30,
           2**61 - 1, 2**61 - 2, -(2**61 - 1)]
    for i in range(n):
        bits = rng.choice([5, 31, 32, 62, 63, 64, 65, 100, 200, 700, 2000, 3500])
        x = rng.getrandbits(bits)
        if rng.random() < 0.3:
            x |= 1 << (bits - 1)
        if rng.random() < 0.5:
            x = -x
        out.append(x)
    return out


class TestPyLong(unittest.TestCase):
    def setUp(self):
        self.rng = random.Random(1234)
        self.vals = samples(self.rng, 120)

    def test_roundtrip_and_toint(self):
        for x in self.vals:
            b = big(x)
            self.assertEqual(val(b), x)
            self.assertEqual(b.format_base(16), format(x, 'x') if x >= 0 else '-' + format(-x, 'x'))
            self.assertEqual(b.format_base(2), format(x, 'b') if x >= 0 else '-' + format(-x, 'b'))
            self.assertEqual(b.format_base(36), base36(x))
            fits = -2**63 <= x < 2**63
            self.assertEqual(b.fits_int(), fits, x)
            if fits:
                self.assertEqual(b.toint(), x)
                self.assertEqual(val(fromint(x)), x)
            else:
                self.assertRaises(OverflowError, b.toint)
            self.assertEqual(b.hash(), hash(x), x)
            self.assertEqual(b.bit_length(), x.bit_length())

    def test_binary(self):
        vals = self.vals[:70]
        for x in vals:
            bx = big(x)
            for y in vals:
                by = big(y)
                self.assertEqual(val(bx.add(by)), x + y)
                self.assertEqual(val(bx.sub(by)), x - y)
                self.assertEqual(val(bx.mul(by)), x * y)
                self.assertEqual(bx.compare(by), (x > y) - (x < y))
                self.assertEqual(bx.eq(by), x == y)
                self.assertEqual(val(bx.and_(by)), x & y)
                self.assertEqual(val(bx.or_(by)), x | y)
                self.assertEqual(val(bx.xor(by)), x ^ y)
                if y != 0:
                    q, r = bx.divmod(by)
                    self.assertEqual((val(q), val(r)), divmod(x, y), (x, y))
                    try:
                        expect = x / y
                    except OverflowError:
                        self.assertRaises(OverflowError, bx.truediv, by)
                    else:
                        self.assertEqual(bx.truediv(by), expect, (x, y))
                else:
                    self.assertRaises(ZeroDivisionError, bx.divmod, by)

    def test_karatsuba(self):
        for i in range(20):
            x = self.rng.getrandbits(self.rng.choice([1500, 3000, 6000]))
            y = self.rng.getrandbits(self.rng.choice([1500, 3000, 6000, 100]))
            self.assertEqual(val(big(x).mul(big(y))), x * y)
            self.assertEqual(val(big(-x).mul(big(y))), -x * y)

    def test_shifts_invert(self):
        for x in self.vals:
            b = big(x)
            self.assertEqual(val(b.invert()), ~x)
            self.assertEqual(val(b.neg()), -x)
            for n in [0, 1, 5, 30, 31, 32, 62, 63, 64, 100, 300]:
                self.assertEqual(val(b.lshift(n)), x << n)
                self.assertEqual(val(b.rshift(n)), x >> n, (x, n))

    def test_pow(self):
        for x in [0, 1, -1, 2, 3, -7, 10, 2**40 + 3, -(2**70)]:
            for y in [0, 1, 2, 3, 10, 63, 64, 100]:
                self.assertEqual(val(big(x).pow(big(y))), x ** y)
                for m in [7, -7, 2**65 + 1, 1000000007]:
                    self.assertEqual(val(big(x).powmod(big(y), big(m))), pow(x, y, m))

    def test_float(self):
        for x in self.vals:
            try:
                expect = float(x)
            except OverflowError:
                self.assertRaises(OverflowError, big(x).tofloat)
            else:
                self.assertEqual(big(x).tofloat(), expect, x)
        for f in [0.0, 1.5, -2.75, 1e18, 9.3e18, -9.3e18, 1e19, 1e300, -1.7976931348623157e308, 2.0**63, -2.0**63]:
            self.assertEqual(val(pylong.fromfloat(f)), int(f))
        # halfway cases of int -> float rounding
        for k in [53, 54, 60, 64, 100]:
            for low in [1, 2, 3]:
                x = (1 << k) + low
                self.assertEqual(big(x).tofloat(), float(x))
                x = (1 << k) - low
                self.assertEqual(big(x).tofloat(), float(x))

    def test_frexp_hash(self):
        rng = self.rng
        fs = [0.0, -0.0, 1.0, 0.5, 3.0, -1e300, 5e-324, 2.2250738585072014e-308, 1e-310, 123.456, 1e16, float('inf'), -float('inf')]
        for i in range(300):
            fs.append(rng.uniform(-1e6, 1e6))
            fs.append(math.ldexp(rng.random(), rng.randint(-1074, 1023)))
        for f in fs:
            if f != 0.0 and not math.isinf(f):
                self.assertEqual(pylong.frexp(f), math.frexp(f))
            self.assertEqual(pylong.float_hash(f), hash(f), f)
            if not math.isinf(f):
                m, e = pylong.float_as_integer_ratio_parts(f)
                self.assertEqual(math.ldexp(m, e), f)
        for x in [0, 1, -1, -2, 2**61 - 1, 2**61, -(2**61 - 1), 2**63 - 1, -2**63, 12345]:
            self.assertEqual(pylong.int_hash(x), hash(x))
        for i in range(200):
            m = rng.getrandbits(53)
            e = rng.randint(-1200, 1000)
            try:
                expect = math.ldexp(m, e)
            except OverflowError:
                expect = float('inf')
            self.assertEqual(pylong.ldexp_exact(float(m), e), expect, (m, e))


def base36(x):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if x == 0:
        return "0"
    neg = x < 0
    x = abs(x)
    out = []
    while x:
        out.append(digits[x % 36])
        x //= 36
    s = "".join(reversed(out))
    return "-" + s if neg else s
