//===- numbers.cpp - Integer and float arithmetic with Python semantics ----===//
// See numbers.h. Wrapping arithmetic goes through uint64_t so that this
// file has no signed-overflow UB whatever flags it is built with; the
// checked variants use the compiler's overflow builtins.
//===----------------------------------------------------------------------===//
#include "numbers.h"
#include "llexc.h"
#include <cerrno>
#include <cmath>
#include <cstdint>

static void raiseOvf() { ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "integer overflow"); }


int64_t ll_raise_zero_division_int(const char* msg) {
  ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, msg);
  return 0;
}

int64_t ll_int_ovf_floordiv(int64_t x, int64_t y) {
  if (x == INT64_MIN && y == -1) { raiseOvf(); return 0; }
  return ll_int_floordiv(x, y);
}

int64_t ll_int_ovf_mod(int64_t x, int64_t y) { return ll_int_mod(x, y); }

double ll_raise_zero_division_float(const char* msg) {
  ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, msg);
  return 0;
}

int64_t ll_int_pow(int64_t x, int64_t y) {
  if (y < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative exponent"); return 0; }
  uint64_t result = 1, base = static_cast<uint64_t>(x);
  for (; y; y >>= 1, base *= base)
    if (y & 1) result *= base;
  return static_cast<int64_t>(result);
}

int64_t ll_int_ovf_pow(int64_t x, int64_t y) {
  if (y < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative exponent"); return 0; }
  int64_t result = 1, base = x;
  while (y) {
    if ((y & 1) && __builtin_mul_overflow(result, base, &result)) { raiseOvf(); return 0; }
    y >>= 1;
    if (y && __builtin_mul_overflow(base, base, &base)) { raiseOvf(); return 0; }
  }
  return result;
}

static bool negativeShift(int64_t n) {
  if (n >= 0) return false;
  ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative shift count");
  return true;
}

int64_t ll_int_lshift(int64_t x, int64_t n) {
  if (negativeShift(n)) return 0;
  return n >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(x) << n);
}

int64_t ll_int_rshift(int64_t x, int64_t n) {
  if (negativeShift(n)) return 0;
  return n >= 64 ? (x < 0 ? -1 : 0) : x >> n;
}

int64_t ll_int_ovf_lshift(int64_t x, int64_t n) {
  if (negativeShift(n)) return 0;
  if (x == 0) return 0;
  int64_t r = n >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(x) << n);
  if (n >= 64 || (r >> n) != x) { raiseOvf(); return 0; }
  return r;
}

int64_t ll_int_ovf_add(int64_t x, int64_t y) {
  int64_t r;
  if (__builtin_add_overflow(x, y, &r)) { raiseOvf(); return 0; }
  return r;
}
int64_t ll_int_ovf_sub(int64_t x, int64_t y) {
  int64_t r;
  if (__builtin_sub_overflow(x, y, &r)) { raiseOvf(); return 0; }
  return r;
}
int64_t ll_int_ovf_mul(int64_t x, int64_t y) {
  int64_t r;
  if (__builtin_mul_overflow(x, y, &r)) { raiseOvf(); return 0; }
  return r;
}
int64_t ll_int_ovf_neg(int64_t x) {
  if (x == INT64_MIN) { raiseOvf(); return 0; }
  return -x;
}
int64_t ll_int_ovf_abs(int64_t x) {
  if (x == INT64_MIN) { raiseOvf(); return 0; }
  return x < 0 ? -x : x;
}

// --- floats ------------------------------------------------------------------------------


/// CPython's float_divmod (floatobject.c), without the zero check.
static void floatDivMod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

// The four float division entry points share one computation; `msg` is
// CPython's text for a zero divisor, which differs per operation.
static double floatDivModPart(double x, double y, const char *msg, bool quotient) {
  if (y == 0.0) { ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, msg); return 0; }
  double q, r;
  floatDivMod(x, y, q, r);
  return quotient ? q : r;
}

double ll_float_floordiv(double x, double y) {
  return floatDivModPart(x, y, "float floor division by zero", true);
}
double ll_float_mod(double x, double y) { return floatDivModPart(x, y, "float modulo", false); }
double ll_float_divmod_div(double x, double y) { return floatDivModPart(x, y, "float divmod()", true); }
double ll_float_divmod_mod(double x, double y) { return floatDivModPart(x, y, "float divmod()", false); }

double ll_float_pow(double x, double y) {
  if (x == 0.0 && y < 0.0 && std::isfinite(y)) {
    ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
    return 0;
  }
  if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative number cannot be raised to a fractional power");
    return 0;
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
    ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
    return 0;
  }
  return r;
}

int64_t ll_float_to_int(double x) {
  if (std::isnan(x)) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "cannot convert float NaN to integer"); return 0; }
  if (std::isinf(x)) { ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "cannot convert float infinity to integer"); return 0; }
  // int64 range is [-2^63, 2^63): both bounds exact doubles.
  if (x >= 9223372036854775808.0 || x < -9223372036854775808.0) {
    ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "int too large to convert to int64");
    return 0;
  }
  return static_cast<int64_t>(x);
}
