//===- parse.cpp - int(str) and float(str) ---------------------------------===//
// CPython's long_from_string / float_from_string rules on bytes: leading and
// trailing C whitespace, one sign, digits where a single '_' may separate two
// digits (never first, last or doubled; after a base prefix allowed).
// Errors carry CPython's messages with repr() of the original string
// (int's repr truncated to 200 characters, as "%.200R").
//===----------------------------------------------------------------------===//
#include "numbers.h"
#include "llexc.h"
#include "format.h"
#include "rstr.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

/// int() and float() strip C whitespace (" \t\n\v\f\r") only: CPython
/// rejects \x1c-\x1f there although str.isspace() accepts them.
static bool isNumberSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void trimWhitespace(RStr* s, int64_t& i, int64_t& j) {
  i = 0; j = s->length;
  while (i < j && isNumberSpace(s->chars[i])) i++;
  while (j > i && isNumberSpace(s->chars[j - 1])) j--;
}

static void raiseBadInt(RStr* s, int64_t base) {
  LLStrBuilder* sb = ll_sb_new(64);
  char head[64];
  std::snprintf(head, sizeof head, "invalid literal for int() with base %lld: ",
                static_cast<long long>(base));
  ll_sb_append_cstr(sb, head);
  RStr* r = ll_str_repr(s);
  ll_sb_append_mem(sb, r->chars, r->length < 200 ? r->length : 200);
  ll_raise_builtin(LL_EXC_VALUE_ERROR, ll_sb_build(sb));
}

static int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/// Skips an optional 0x/0o/0b prefix matching `base` (0: any, and sets it).
/// Returns whether a prefix was consumed.
static bool skipPrefix(RStr* s, int64_t& i, int64_t j, int64_t& base) {
  if (j - i < 2 || s->chars[i] != '0') return false;
  char c = ll_char_lower(s->chars[i + 1]);
  int64_t b = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
  if (b == 0 || (base != 0 && base != b)) return false;
  base = b;
  i += 2;
  return true;
}

/// Parses [i, j) as digits with '_' separators into magnitude `mag`
/// (accumulated negatively to reach INT64_MIN). Returns false on syntax
/// error; sets `overflow` when the value leaves int64.
static bool parseDigits(RStr* s, int64_t i, int64_t j, int64_t base, bool prefixed,
                        bool negative, int64_t& value, bool& overflow) {
  int64_t acc = 0;  // <= 0
  bool any = false, lastUnderscore = false;
  for (; i < j; i++) {
    char c = s->chars[i];
    if (c == '_') {  // one '_' after a digit, or right after a prefix ("0x_1")
      if (lastUnderscore || (!any && !prefixed)) return false;
      lastUnderscore = true;
      continue;
    }
    int d = digitValue(c);
    if (d >= base) return false;
    if (__builtin_mul_overflow(acc, base, &acc) || __builtin_sub_overflow(acc, d, &acc)) overflow = true;
    any = true;
    lastUnderscore = false;
  }
  if (!any || lastUnderscore) return false;
  if (!negative && acc == INT64_MIN) overflow = true;
  value = negative ? acc : -acc;
  return true;
}

int64_t ll_str_to_int_base(RStr* s, int64_t base) {
  if (base != 0 && (base < 2 || base > 36)) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
    return 0;
  }
  int64_t i, j;
  trimWhitespace(s, i, j);
  bool negative = false;
  if (i < j && (s->chars[i] == '+' || s->chars[i] == '-')) negative = s->chars[i++] == '-';
  int64_t b = base;
  bool prefixed = skipPrefix(s, i, j, b);
  if (b == 0) {
    b = 10;  // base 0 without prefix: no leading zeros except for zero itself
    if (i < j && s->chars[i] == '0') {
      for (int64_t k = i; k < j; k++)
        if (s->chars[k] != '0' && s->chars[k] != '_') { raiseBadInt(s, base); return 0; }
    }
  }
  int64_t value = 0;
  bool overflow = false;
  if (!parseDigits(s, i, j, b, prefixed, negative, value, overflow)) { raiseBadInt(s, base); return 0; }
  if (overflow) {
    ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "int too large to convert to int64");
    return 0;
  }
  return value;
}

int64_t ll_str_to_int(RStr* s) { return ll_str_to_int_base(s, 10); }

// --- float -------------------------------------------------------------------------------------

/// Copies digits from [i, j) into `out` dropping valid '_' separators;
/// returns false when an underscore is not between two digits.
static bool copyDigitsRun(const char* p, int64_t& i, int64_t j, char*& out) {
  int64_t start = i;
  while (i < j && ((p[i] >= '0' && p[i] <= '9') || p[i] == '_')) {
    if (p[i] == '_') {
      if (i == start || i + 1 >= j || !(p[i + 1] >= '0' && p[i + 1] <= '9')) return false;
    } else {
      *out++ = p[i];
    }
    i++;
  }
  return true;
}

static bool matchWord(const char* p, int64_t len, const char* word) {
  if (static_cast<int64_t>(std::strlen(word)) != len) return false;
  for (int64_t k = 0; k < len; k++)
    if (ll_char_lower(p[k]) != word[k]) return false;
  return true;
}

/// Validates Python's float syntax on [i, j) and writes a strtod-ready copy.
static bool normalizeFloat(const char* p, int64_t i, int64_t j, char* out) {
  if (i < j && (p[i] == '+' || p[i] == '-')) *out++ = p[i++];
  const char* rest = p + i;
  int64_t n = j - i;
  if (matchWord(rest, n, "inf") || matchWord(rest, n, "infinity") || matchWord(rest, n, "nan")) {
    std::memcpy(out, rest, static_cast<size_t>(n));
    out[n] = '\0';
    return true;
  }
  char* mant = out;
  if (!copyDigitsRun(p, i, j, out)) return false;
  bool intDigits = out != mant;
  if (i < j && p[i] == '.') {
    *out++ = p[i++];
    char* frac = out;
    if (i < j && p[i] == '_') return false;
    if (!copyDigitsRun(p, i, j, out)) return false;
    if (!intDigits && out == frac) return false;
  } else if (!intDigits) {
    return false;
  }
  if (i < j && (p[i] == 'e' || p[i] == 'E')) {
    *out++ = p[i++];
    if (i < j && (p[i] == '+' || p[i] == '-')) *out++ = p[i++];
    char* exp = out;
    if (i < j && p[i] == '_') return false;
    if (!copyDigitsRun(p, i, j, out) || out == exp) return false;
  }
  *out = '\0';
  return i == j;
}

double ll_str_to_float(RStr* s) {
  int64_t i, j;
  trimWhitespace(s, i, j);
  char small[128];
  char* buf = j - i < 120 ? small : static_cast<char*>(std::malloc(static_cast<size_t>(j - i) + 8));
  bool ok = normalizeFloat(s->chars, i, j, buf);
  double v = ok ? std::strtod(buf, nullptr) : 0.0;
  if (buf != small) std::free(buf);
  if (!ok) {
    LLStrBuilder* sb = ll_sb_new(64);
    ll_sb_append_cstr(sb, "could not convert string to float: ");
    ll_sb_append(sb, ll_str_repr(s));
    ll_raise_builtin(LL_EXC_VALUE_ERROR, ll_sb_build(sb));
  }
  return v;
}
