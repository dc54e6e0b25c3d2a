//===- llmath.cpp - The math module with CPython's error rules -------------===//
// mathmodule.c's math_1/math_2 rules (see math.def) for the table-driven
// functions; hand-written cases where CPython special-cases (log family,
// sqrt, pow, fmod, hypot, floor/ceil returning int).
//===----------------------------------------------------------------------===//
#include "numbers.h"
#include "llexc.h"
#include <cmath>

static double domainError() {
  ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "math domain error");
  return 0;
}
static double rangeError() {
  ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "math range error");
  return 0;
}

/// math_1: classify the result of f(x).
static double check1(double x, double r, bool canOverflow) {
  if (std::isnan(r) && !std::isnan(x)) return domainError();
  if (std::isinf(r) && std::isfinite(x)) return canOverflow ? rangeError() : domainError();
  return r;
}

/// math_2: classify the result of f(x, y).
static double check2(double x, double y, double r) {
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domainError();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return rangeError();
  return r;
}

#define LL_MATH_1(name, cfn, canOverflow) \
  double ll_math_##name(double x) { return check1(x, cfn(x), canOverflow); }
#define LL_MATH_2(name, cfn) \
  double ll_math_##name(double x, double y) { return check2(x, y, cfn(x, y)); }
#include "math.def"
#undef LL_MATH_1
#undef LL_MATH_2

double ll_math_log(double x) {
  if (std::isnan(x) || (std::isinf(x) && x > 0)) return x;
  if (x <= 0) return domainError();
  return std::log(x);
}
double ll_math_log2(double x) { return x > 0 || std::isnan(x) ? std::log2(x) : domainError(); }
double ll_math_log10(double x) { return x > 0 || std::isnan(x) ? std::log10(x) : domainError(); }

double ll_math_log_base(double x, double base) {
  double num = ll_math_log(x);
  if (ll_exc_occurred()) return 0;
  double den = ll_math_log(base);
  if (ll_exc_occurred()) return 0;
  if (den == 0.0) {
    ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, "float division by zero");
    return 0;
  }
  return num / den;
}

double ll_math_domain_error() { return domainError(); }

double ll_math_pow(double x, double y) {
  if (x == 0.0 && y < 0.0 && std::isfinite(y)) return domainError();
  if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return domainError();
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return rangeError();
  return r;
}

double ll_math_fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  if ((y == 0.0 || std::isinf(x)) && !std::isnan(x) && !std::isnan(y)) return domainError();
  return std::fmod(x, y);
}

double ll_math_hypot(double x, double y) {
  double r = std::hypot(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return rangeError();
  return r;
}

double ll_math_ldexp(double x, int64_t e) {
  if (x == 0.0 || !std::isfinite(x)) return x;
  if (e > 100000) e = 100000;
  if (e < -100000) e = -100000;
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return rangeError();
  return r;
}

int64_t ll_math_floor(double x) { return ll_float_to_int(std::floor(x)); }
int64_t ll_math_ceil(double x) { return ll_float_to_int(std::ceil(x)); }
bool ll_math_isnan(double x) { return std::isnan(x); }
bool ll_math_isinf(double x) { return std::isinf(x); }
bool ll_math_isfinite(double x) { return std::isfinite(x); }
double ll_math_copysign(double x, double y) { return std::copysign(x, y); }
