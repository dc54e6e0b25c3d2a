//===- floatrepr.cpp - repr()/str() of floats and ints ---------------------===//
// CPython's float_repr (format code 'r'): the shortest digit string that
// round-trips (std::to_chars gives exactly that), laid out as CPython does:
// with decpt = position of the decimal point relative to the digits,
//   -4 < decpt <= 16  fixed notation, always with a '.', e.g. 0.0001, 1.0,
//                     1234567890123456.0
//   otherwise         d[.ddd]e[+-]XX (at least two exponent digits): 1e+16,
//                     1e-05, 1.5e-07
// plus "inf", "-inf", "nan" and "-0.0". Checked against python3 on random
// doubles (tests/runtime/golden/floatrepr.txt).
//===----------------------------------------------------------------------===//
#include "numbers.h"
#include "rstr.h"
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

/// Fixed notation of digits[0..nd) with the point at decpt (-4 < decpt <= 16).
static char* layoutFixed(const char* digits, int nd, int decpt, char* o) {
  if (decpt <= 0) {  // 0.000ddd
    *o++ = '0'; *o++ = '.';
    for (int k = 0; k < -decpt; k++) *o++ = '0';
    for (int k = 0; k < nd; k++) *o++ = digits[k];
  } else if (decpt >= nd) {  // ddd000.0
    for (int k = 0; k < nd; k++) *o++ = digits[k];
    for (int k = nd; k < decpt; k++) *o++ = '0';
    *o++ = '.'; *o++ = '0';
  } else {  // dd.ddd
    for (int k = 0; k < nd; k++) {
      if (k == decpt) *o++ = '.';
      *o++ = digits[k];
    }
  }
  return o;
}

/// Exponent notation d[.ddd]e[+-]XX.
static char* layoutExponent(const char* digits, int nd, int decpt, char* o) {
  *o++ = digits[0];
  if (nd > 1) {
    *o++ = '.';
    for (int k = 1; k < nd; k++) *o++ = digits[k];
  }
  int e = decpt - 1;
  *o++ = 'e';
  *o++ = e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  if (e < 10) *o++ = '0';
  return std::to_chars(o, o + 4, e).ptr;
}

int ll_float_repr_buf(double x, char* out) {
  if (std::isnan(x)) { std::memcpy(out, "nan", 4); return 3; }
  if (std::isinf(x)) {
    const char* s = x < 0 ? "-inf" : "inf";
    std::strcpy(out, s);
    return static_cast<int>(std::strlen(s));
  }
  char sci[40];
  auto res = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  *res.ptr = '\0';
  // sci = [-]d[.ddd]e[+-]XX: split into digits and exponent.
  const char* p = sci;
  char* o = out;
  if (*p == '-') *o++ = *p++;
  char digits[24] = {};
  int nd = 0;
  for (; *p != 'e'; p++)
    if (*p != '.') digits[nd++] = *p;
  int decpt = std::atoi(p + 1) + 1;
  o = decpt > -4 && decpt <= 16 ? layoutFixed(digits, nd, decpt, o) : layoutExponent(digits, nd, decpt, o);
  *o = '\0';
  return static_cast<int>(o - out);
}

RStr* ll_float_repr(double x) {
  char buf[40];
  int n = ll_float_repr_buf(x, buf);
  return ll_str_from(buf, n);
}

RStr* ll_int_to_str(int64_t x) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, x);
  return ll_str_from(buf, res.ptr - buf);
}

RStr* ll_uint_to_str(uint64_t x) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, x);
  return ll_str_from(buf, res.ptr - buf);
}

RStr* ll_bool_to_str(bool b) {
  LL_STATIC_STR(sTrue, "True");
  LL_STATIC_STR(sFalse, "False");
  return b ? sTrue : sFalse;
}
