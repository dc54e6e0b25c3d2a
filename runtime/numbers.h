//===- numbers.h - Int and float semantics of RPy -------------------------===//
// DESIGN §3: int is int64 and wraps (the program is built with -fwrapv);
// rlib.rarith.ovfcheck(x op y) lowers to the ll_int_ovf_* helpers, which raise
// OverflowError "integer overflow" instead of wrapping. Division and modulo
// floor as in Python. Every helper that raises returns 0; the caller checks
// ll_exc_occurred(). Messages are CPython 3.11's.
// Conversions: ll_int_to_str / ll_float_repr (Python's repr and str of float:
// shortest round-trip digits, CPython's layout), ll_str_to_int (int(s),
// base 10), ll_str_to_float (float(s)), ll_float_to_int (int(x)).
// Python ints are unbounded; ours are not: where CPython would produce a
// number outside int64 we raise OverflowError (documented per helper).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>

struct RStr;

// --- integers ------------------------------------------------------------------
/// x // y, ZeroDivisionError "integer division or modulo by zero".
/// INT64_MIN // -1 wraps (use ll_int_ovf_floordiv under ovfcheck).
[[gnu::cold]] int64_t ll_raise_zero_division_int(const char* msg);
/// x // y and x % y with Python's floor semantics (INT64_MIN // -1 wraps);
/// ZeroDivisionError as CPython 3.11 words it. Inline: hot in interpreters.
inline int64_t ll_int_floordiv(int64_t x, int64_t y) {
  if (__builtin_expect(y == 0, 0)) return ll_raise_zero_division_int("integer division or modulo by zero");
  if (y == -1) return static_cast<int64_t>(0 - static_cast<uint64_t>(x));
  int64_t q = x / y, r = x % y;
  return (r != 0 && ((r < 0) != (y < 0))) ? q - 1 : q;
}
/// x % y (sign of y), ZeroDivisionError "integer modulo by zero".
inline int64_t ll_int_mod(int64_t x, int64_t y) {
  if (__builtin_expect(y == 0, 0)) return ll_raise_zero_division_int("integer modulo by zero");
  if (y == -1) return 0;
  int64_t r = x % y;
  return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
}
int64_t ll_int_ovf_floordiv(int64_t x, int64_t y);
int64_t ll_int_ovf_mod(int64_t x, int64_t y);
/// x / y for ints: a float, ZeroDivisionError "division by zero".
/// Out-of-line raising paths of the inline helpers below.
[[gnu::cold]] double ll_raise_zero_division_float(const char* msg);
[[gnu::cold]] double ll_math_domain_error();
/// x / y for ints: a float; ZeroDivisionError "division by zero".
inline double ll_int_truediv(int64_t x, int64_t y) {
  if (__builtin_expect(y == 0, 0)) return ll_raise_zero_division_float("division by zero");
  return static_cast<double>(x) / static_cast<double>(y);
}
/// x ** y for y >= 0 (wrapping); y < 0 raises ValueError "negative
/// exponent" (CPython would return a float; the RTyper types that case).
int64_t ll_int_pow(int64_t x, int64_t y);
int64_t ll_int_ovf_pow(int64_t x, int64_t y);
/// x << n / x >> n: n < 0 raises ValueError "negative shift count";
/// n >= 64 gives 0 (lshift, wrapping) or the sign (rshift).
int64_t ll_int_lshift(int64_t x, int64_t n);
int64_t ll_int_rshift(int64_t x, int64_t n);
/// ovfcheck(x << n): OverflowError when bits are lost.
int64_t ll_int_ovf_lshift(int64_t x, int64_t n);
int64_t ll_int_ovf_add(int64_t x, int64_t y);
int64_t ll_int_ovf_sub(int64_t x, int64_t y);
int64_t ll_int_ovf_mul(int64_t x, int64_t y);
int64_t ll_int_ovf_neg(int64_t x);
int64_t ll_int_ovf_abs(int64_t x);
inline int64_t ll_int_abs(int64_t x) { return x < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(x)) : x; }

// --- floats --------------------------------------------------------------------
/// x / y, ZeroDivisionError "float division by zero".
inline double ll_float_truediv(double x, double y) {
  if (__builtin_expect(y == 0.0, 0)) return ll_raise_zero_division_float("float division by zero");
  return x / y;
}
/// x // y, ZeroDivisionError "float floor division by zero".
double ll_float_floordiv(double x, double y);
/// x % y (sign of y), ZeroDivisionError "float modulo".
double ll_float_mod(double x, double y);
/// divmod(x, y) parts: ZeroDivisionError "float divmod()".
double ll_float_divmod_div(double x, double y);
double ll_float_divmod_mod(double x, double y);
/// x ** y with CPython's errors: ZeroDivisionError "0.0 cannot be raised to
/// a negative power", ValueError for a negative base and non-integer
/// exponent (CPython returns a complex; RPy has none), OverflowError
/// "(34, 'Numerical result out of range')".
double ll_float_pow(double x, double y);
/// int(x): truncation. NaN: ValueError "cannot convert float NaN to integer";
/// infinity: OverflowError "cannot convert float infinity to integer";
/// outside int64: OverflowError "int too large to convert to int64"
/// (CPython would make a big int).
int64_t ll_float_to_int(double x);

// --- conversions to and from strings -----------------------------------------
RStr* ll_int_to_str(int64_t x);
RStr* ll_uint_to_str(uint64_t x);
RStr* ll_bool_to_str(bool b);     ///< "True" / "False"
/// repr(x) == str(x) of a float, exactly as CPython prints it.
RStr* ll_float_repr(double x);
/// The same into a buffer of >= 32 bytes; returns the length.
int ll_float_repr_buf(double x, char* buf);
/// int(s): optional whitespace, sign, decimal digits with single '_'
/// between digits. ValueError "invalid literal for int() with base 10: "
/// + repr(s); OverflowError "int too large to convert to int64" beyond int64.
int64_t ll_str_to_int(RStr* s);
/// int(s, base) for base 0 and 2..36 (prefixes 0x 0o 0b as CPython).
int64_t ll_str_to_int_base(RStr* s, int64_t base);
/// float(s): whitespace, sign, digits/point/exponent with '_' rules,
/// "inf"/"infinity"/"nan" (any case). ValueError "could not convert string
/// to float: " + repr(s).
double ll_str_to_float(RStr* s);

// --- math (module math) ----------------------------------------------------------
// Errors as CPython's mathmodule: ValueError "math domain error" when a
// finite input gives NaN (or a pole gives infinity), OverflowError "math
// range error" when a finite input overflows.
#define LL_MATH_1(name, cfn, canOverflow) double ll_math_##name(double x);
#define LL_MATH_2(name, cfn) double ll_math_##name(double x, double y);
#include "math.def"
#undef LL_MATH_1
#undef LL_MATH_2
double ll_math_log(double x);             ///< natural log; <= 0: domain error
double ll_math_log_base(double x, double base);
double ll_math_log2(double x);
double ll_math_log10(double x);
inline double ll_math_sqrt(double x) {
  return __builtin_expect(x < 0, 0) ? ll_math_domain_error() : __builtin_sqrt(x);
}
double ll_math_pow(double x, double y);
double ll_math_fmod(double x, double y);
double ll_math_hypot(double x, double y);
double ll_math_ldexp(double x, int64_t e);
/// math.floor / math.ceil / math.trunc return ints in Python 3.
int64_t ll_math_floor(double x);
int64_t ll_math_ceil(double x);
bool ll_math_isnan(double x);
bool ll_math_isinf(double x);
bool ll_math_isfinite(double x);
double ll_math_copysign(double x, double y);
