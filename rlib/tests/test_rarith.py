"""Tests for rlib.rarith: 64-bit machine-integer emulation."""

import unittest

from rlib.rarith import (intmask, ovfcheck, r_uint, r_uint64, r_int64,
                         is_valid_int, LONG_BIT, MAXINT, MININT)


class TestConstants(unittest.TestCase):

    def test_limits(self):
        self.assertEqual(LONG_BIT, 64)
        self.assertEqual(MAXINT, 2 ** 63 - 1)
        self.assertEqual(MININT, -2 ** 63)


class TestIntmask(unittest.TestCase):

    def test_in_range_unchanged(self):
        for n in [0, 1, -1, 12345, MAXINT, MININT]:
            self.assertEqual(intmask(n), n)

    def test_wraps(self):
        self.assertEqual(intmask(MAXINT + 1), MININT)
        self.assertEqual(intmask(MININT - 1), MAXINT)
        self.assertEqual(intmask(2 ** 64), 0)
        self.assertEqual(intmask(2 ** 64 + 5), 5)
        self.assertEqual(intmask(2 ** 64 - 1), -1)
        self.assertEqual(intmask(3 * 2 ** 70 + 7), 7)

    def test_other_types(self):
        self.assertEqual(intmask(True), 1)
        self.assertEqual(intmask(r_uint(-1)), -1)
        self.assertIs(type(intmask(r_uint(3))), int)
        with self.assertRaises(TypeError):
            intmask(1.5)

    def test_r_int64(self):
        self.assertEqual(r_int64(2 ** 63), MININT)


class TestOvfcheck(unittest.TestCase):

    def test_in_range(self):
        self.assertEqual(ovfcheck(MAXINT), MAXINT)
        self.assertEqual(ovfcheck(MININT), MININT)
        self.assertEqual(ovfcheck(3 + 4), 7)

    def test_overflow(self):
        with self.assertRaises(OverflowError):
            ovfcheck(MAXINT + 1)
        with self.assertRaises(OverflowError):
            ovfcheck(MININT - 1)
        with self.assertRaises(OverflowError):
            ovfcheck(MAXINT * 2)

    def test_rejects_r_uint(self):
        with self.assertRaises(TypeError):
            ovfcheck(r_uint(1))


class TestIsValidInt(unittest.TestCase):

    def test_is_valid_int(self):
        self.assertTrue(is_valid_int(5))
        self.assertTrue(is_valid_int(MININT))
        self.assertFalse(is_valid_int(MAXINT + 1))
        self.assertFalse(is_valid_int(True))
        self.assertFalse(is_valid_int(1.0))


class TestRUint(unittest.TestCase):

    def test_construction_wraps(self):
        self.assertEqual(r_uint(-1), 2 ** 64 - 1)
        self.assertEqual(r_uint(2 ** 64 + 3), 3)
        self.assertEqual(r_uint(), 0)
        self.assertEqual(r_uint(7.9), 7)
        self.assertIsInstance(r_uint(1), int)
        self.assertIs(r_uint64, r_uint)

    def test_repr(self):
        self.assertEqual(repr(r_uint(5)), 'r_uint(5)')

    def test_add_sub_mul_wrap(self):
        big = r_uint(2 ** 64 - 1)
        self.assertEqual(big + 1, 0)
        self.assertEqual(1 + big, 0)
        self.assertEqual(r_uint(0) - 1, 2 ** 64 - 1)
        self.assertEqual(5 - r_uint(6), 2 ** 64 - 1)
        self.assertEqual(r_uint(2 ** 63) * 2, 0)
        self.assertEqual(3 * r_uint(5), 15)

    def test_results_are_r_uint(self):
        u = r_uint(10)
        for v in [u + 1, 1 + u, u - 1, 20 - u, u * 2, 2 * u, u // 3,
                  30 // u, u % 3, 33 % u, u & 3, 3 & u, u | 1, 1 | u,
                  u ^ 1, 1 ^ u, u << 1, u >> 1, -u, +u, ~u]:
            self.assertIs(type(v), r_uint)

    def test_division_is_unsigned(self):
        # -1 mixed with an r_uint is taken as 2**64 - 1, as in C.
        self.assertEqual(r_uint(10) // 3, 3)
        self.assertEqual(r_uint(10) % 3, 1)
        self.assertEqual(r_uint(10) // -1, 0)
        self.assertEqual(-1 // r_uint(2), 2 ** 63 - 1)
        self.assertEqual(-1 % r_uint(16), 15)

    def test_bitwise_and_shifts(self):
        self.assertEqual(r_uint(0b1100) & 0b1010, 0b1000)
        self.assertEqual(r_uint(0b1100) | 0b1010, 0b1110)
        self.assertEqual(r_uint(0b1100) ^ 0b1010, 0b0110)
        self.assertEqual(r_uint(1) << 63, 2 ** 63)
        self.assertEqual(r_uint(1) << 64, 0)
        self.assertEqual(r_uint(-1) >> 60, 15)      # logical shift
        self.assertEqual(~r_uint(0), 2 ** 64 - 1)
        self.assertEqual(-r_uint(1), 2 ** 64 - 1)

    def test_float_mixing_falls_back(self):
        self.assertEqual(r_uint(1) + 0.5, 1.5)
        self.assertEqual(0.5 + r_uint(1), 1.5)
        self.assertEqual(r_uint(3) / 2, 1.5)

    def test_round_trip(self):
        for n in [0, 1, -1, MAXINT, MININT, 12345]:
            self.assertEqual(intmask(r_uint(n)), n)


if __name__ == '__main__':
    unittest.main()
