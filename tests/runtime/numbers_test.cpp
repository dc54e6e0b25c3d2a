// Tests of runtime/numbers.cpp, floatrepr.cpp, parse.cpp and llmath.cpp:
// Python's integer/float semantics, and goldens from python3 for float
// repr and int()/float() parsing.
#include "runtime_test_util.h"
#include <cmath>

using namespace rt_test;

TEST(RtNumbers, FloorDivModMatchPython) {
  for (int64_t x = -20; x <= 20; x++)
    for (int64_t y = -7; y <= 7; y++) {
      if (y == 0) continue;
      int64_t q = ll_int_floordiv(x, y), r = ll_int_mod(x, y);
      EXPECT_EQ(q * y + r, x);
      EXPECT_TRUE(r == 0 || (r < 0) == (y < 0)) << x << " % " << y;
      EXPECT_EQ(q, static_cast<int64_t>(std::floor(static_cast<double>(x) / y)));
    }
  EXPECT_EQ(ll_int_floordiv(INT64_MIN, -1), INT64_MIN);  // wraps
  EXPECT_EQ(ll_int_mod(INT64_MIN, -1), 0);
  EXPECT_EQ(takeExc(), "");
}

TEST(RtNumbers, IntErrors) {
  ll_int_floordiv(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: integer division or modulo by zero");
  ll_int_mod(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: integer modulo by zero");
  ll_int_truediv(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: division by zero");
  ll_int_ovf_floordiv(INT64_MIN, -1);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  ll_int_lshift(1, -1);
  EXPECT_EQ(takeExc(), "ValueError: negative shift count");
  ll_int_pow(2, -1);
  EXPECT_EQ(takeExc(), "ValueError: negative exponent");
}

TEST(RtNumbers, Ovfcheck) {
  EXPECT_EQ(ll_int_ovf_add(1, 2), 3);
  ll_int_ovf_add(INT64_MAX, 1);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  ll_int_ovf_sub(INT64_MIN, 1);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  EXPECT_EQ(ll_int_ovf_mul(-3037000499, 3037000499), -9223372030926249001);
  ll_int_ovf_mul(INT64_MAX / 2 + 1, 2);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  ll_int_ovf_neg(INT64_MIN);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  EXPECT_EQ(ll_int_ovf_lshift(1, 62), int64_t{1} << 62);
  ll_int_ovf_lshift(1, 63);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  EXPECT_EQ(ll_int_ovf_lshift(-1, 63), INT64_MIN);
  EXPECT_EQ(ll_int_ovf_pow(3, 39), 4052555153018976267);
  ll_int_ovf_pow(3, 40);
  EXPECT_EQ(takeExc(), "OverflowError: integer overflow");
  EXPECT_EQ(ll_int_pow(3, 40), static_cast<int64_t>(12157665459056928801ull));  // wraps
}

TEST(RtNumbers, Shifts) {
  EXPECT_EQ(ll_int_lshift(1, 64), 0);
  EXPECT_EQ(ll_int_rshift(-5, 1), -3);
  EXPECT_EQ(ll_int_rshift(-5, 100), -1);
  EXPECT_EQ(ll_int_rshift(5, 100), 0);
}

TEST(RtNumbers, FloatDivModMatchPython) {
  // Expected values printed by python3.
  EXPECT_EQ(ll_float_floordiv(7.5, -2.0), -4.0);
  EXPECT_EQ(ll_float_mod(7.5, -2.0), -0.5);
  EXPECT_EQ(ll_float_mod(-7.5, 2.0), 0.5);
  EXPECT_EQ(str(ll_float_repr(ll_float_mod(-0.0, 5.0))), "0.0");
  EXPECT_EQ(str(ll_float_repr(ll_float_mod(0.0, -5.0))), "-0.0");
  EXPECT_EQ(str(ll_float_repr(ll_float_floordiv(-0.0, 5.0))), "-0.0");
  EXPECT_EQ(ll_float_mod(1e-300, -1.0), -1.0);  // python3: 1e-300 % -1.0 == -1.0
  ll_float_floordiv(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: float floor division by zero");
  ll_float_mod(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: float modulo");
  ll_float_divmod_div(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: float divmod()");
  ll_float_truediv(1, 0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: float division by zero");
  ll_float_pow(0.0, -1.0);
  EXPECT_EQ(takeExc(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  ll_float_pow(10.0, 400.0);
  EXPECT_EQ(takeExc(), "OverflowError: (34, 'Numerical result out of range')");
}

TEST(RtNumbers, FloatToInt) {
  EXPECT_EQ(ll_float_to_int(-3.9), -3);
  EXPECT_EQ(ll_float_to_int(-9223372036854775808.0), INT64_MIN);
  ll_float_to_int(9223372036854775808.0);
  EXPECT_EQ(takeExc(), "OverflowError: int too large to convert to int64");
  ll_float_to_int(NAN);
  EXPECT_EQ(takeExc(), "ValueError: cannot convert float NaN to integer");
  ll_float_to_int(-INFINITY);
  EXPECT_EQ(takeExc(), "OverflowError: cannot convert float infinity to integer");
}

TEST(RtNumbers, IntToStr) {
  EXPECT_EQ(str(ll_int_to_str(0)), "0");
  EXPECT_EQ(str(ll_int_to_str(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(str(ll_bool_to_str(true)), "True");
  EXPECT_EQ(str(ll_uint_to_str(UINT64_MAX)), "18446744073709551615");
}

TEST(RtNumbers, FloatReprGolden) {
  auto rows = golden("floatrepr");
  ASSERT_GT(rows.size(), 3000u);
  for (auto& r : rows) EXPECT_EQ(str(ll_float_repr(doubleFromHexBits(r[0]))), r[1]) << r[0];
}

TEST(RtNumbers, ParseGolden) {
  auto rows = golden("parse");
  ASSERT_GT(rows.size(), 500u);
  for (auto& r : rows) {
    RStr* s = rs(unhex(r[1]));
    if (r[0] == "int") {
      int64_t v = ll_str_to_int(s);
      if (r[2] == "ok") EXPECT_EQ(std::to_string(v) + takeExc(), r[3]) << unhex(r[1]);
      else EXPECT_EQ(takeExc(), "ValueError: " + unhex(r[3])) << unhex(r[1]);
    } else {
      double v = ll_str_to_float(s);
      if (r[2] == "ok") {
        double want = doubleFromHexBits(r[3]);
        EXPECT_EQ(takeExc(), "") << unhex(r[1]);
        if (std::isnan(want)) EXPECT_TRUE(std::isnan(v)) << unhex(r[1]);
        else EXPECT_EQ(v, want) << unhex(r[1]);
      } else {
        EXPECT_EQ(takeExc(), "ValueError: " + unhex(r[3])) << unhex(r[1]);
      }
    }
  }
}

TEST(RtNumbers, IntParseOverflowAndBases) {
  ll_str_to_int(rs("9223372036854775808"));
  EXPECT_EQ(takeExc(), "OverflowError: int too large to convert to int64");
  EXPECT_EQ(ll_str_to_int(rs("-9223372036854775808")), INT64_MIN);
  EXPECT_EQ(ll_str_to_int_base(rs("0x_ff"), 16), 255);
  EXPECT_EQ(ll_str_to_int_base(rs("-0b101"), 0), -5);
  EXPECT_EQ(ll_str_to_int_base(rs("zz"), 36), 1295);
  ll_str_to_int_base(rs("010"), 0);
  EXPECT_EQ(takeExc(), "ValueError: invalid literal for int() with base 0: '010'");
  EXPECT_EQ(ll_str_to_int_base(rs("0_0"), 0), 0);
}

TEST(RtNumbers, MathErrors) {
  EXPECT_EQ(ll_math_sqrt(4.0), 2.0);
  ll_math_sqrt(-1);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  ll_math_log(0);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  ll_math_exp(1000);
  EXPECT_EQ(takeExc(), "OverflowError: math range error");
  ll_math_atanh(1.0);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  ll_math_fmod(1.0, 0.0);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  ll_math_pow(-8.0, 0.5);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  EXPECT_EQ(ll_math_floor(-1.5), -2);
  EXPECT_EQ(ll_math_ceil(1.2), 2);
  ll_math_floor(INFINITY);
  EXPECT_EQ(takeExc(), "OverflowError: cannot convert float infinity to integer");
  EXPECT_TRUE(std::isnan(ll_math_sin(NAN)));
  EXPECT_EQ(takeExc(), "");
  ll_math_sin(INFINITY);
  EXPECT_EQ(takeExc(), "ValueError: math domain error");
  EXPECT_DOUBLE_EQ(ll_math_log_base(8.0, 2.0), 3.0);
}
