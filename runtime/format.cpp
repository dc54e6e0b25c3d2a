//===- format.cpp - LLStrBuilder and the %-formatting conversions ----------===//
// CPython's PyUnicode_Format rules, one conversion at a time (format.h).
// Integers are formatted by hand (sign, prefix, precision zeros, width);
// floats through snprintf with the C conversion CPython itself mirrors —
// glibc rounds exactly, like CPython's dtoa — except inf/nan, which CPython
// spells "inf"/"nan" (never "-nan"), zero-padded like digits ("000inf").
//===----------------------------------------------------------------------===//
#include "format.h"
#include "llexc.h"
#include "llgc.h"
#include "numbers.h"
#include "rstr.h"
#include <cmath>
#include <cstdio>
#include <cstring>

LLStrBuilder* ll_sb_new(int64_t sizeHint) {
  auto* sb = static_cast<LLStrBuilder*>(ll_malloc(sizeof(LLStrBuilder)));
  sb->capacity = sizeHint < 16 ? 16 : sizeHint;
  sb->buf = static_cast<char*>(ll_malloc_atomic(static_cast<size_t>(sb->capacity)));
  sb->length = 0;
  return sb;
}

/// Makes room for `n` more bytes (doubling).
static char* reserve(LLStrBuilder* sb, int64_t n) {
  int64_t need = sb->length + n;
  if (need > sb->capacity) {
    int64_t cap = sb->capacity * 2;
    if (cap < need) cap = need;
    char* nb = static_cast<char*>(ll_malloc_atomic(static_cast<size_t>(cap)));
    std::memcpy(nb, sb->buf, static_cast<size_t>(sb->length));
    sb->buf = nb;
    sb->capacity = cap;
  }
  return sb->buf + sb->length;
}

void ll_sb_append_mem(LLStrBuilder* sb, const char* p, int64_t n) {
  if (n <= 0) return;
  std::memcpy(reserve(sb, n), p, static_cast<size_t>(n));
  sb->length += n;
}
void ll_sb_append(LLStrBuilder* sb, RStr* s) { ll_sb_append_mem(sb, s->chars, s->length); }
void ll_sb_append_cstr(LLStrBuilder* sb, const char* p) {
  ll_sb_append_mem(sb, p, static_cast<int64_t>(std::strlen(p)));
}
void ll_sb_append_slice(LLStrBuilder* sb, RStr* s, int64_t start, int64_t stop) {
  ll_sb_append_mem(sb, s->chars + start, stop - start);
}
void ll_sb_append_char(LLStrBuilder* sb, char c) {
  *reserve(sb, 1) = c;
  sb->length++;
}
void ll_sb_append_multiple_char(LLStrBuilder* sb, char c, int64_t times) {
  if (times <= 0) return;
  std::memset(reserve(sb, times), c, static_cast<size_t>(times));
  sb->length += times;
}
RStr* ll_sb_build(LLStrBuilder* sb) { return ll_str_from(sb->buf, sb->length); }

// --- padding -------------------------------------------------------------------------

/// A '*' width may be negative: CPython then left-aligns with |width|.
static void normalizeWidth(int& flags, int64_t& width) {
  if (width < 0) { flags |= LL_FMT_LEFT; width = -width; }
}

void ll_fmt_padded(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                   const char* p, int64_t n) {
  normalizeWidth(flags, width);
  if (precision >= 0 && n > precision) n = precision;
  int64_t pad = width > n ? width - n : 0;
  if (!(flags & LL_FMT_LEFT)) ll_sb_append_multiple_char(sb, ' ', pad);
  ll_sb_append_mem(sb, p, n);
  if (flags & LL_FMT_LEFT) ll_sb_append_multiple_char(sb, ' ', pad);
}

/// Appends sign + prefix + body padded to `width`: zero padding goes
/// between prefix and body, space padding outside (CPython's layout).
static void appendNumber(LLStrBuilder* sb, int flags, int64_t width, const char* sign,
                         const char* prefix, const char* body, int64_t bodyLen) {
  normalizeWidth(flags, width);
  int64_t lenSign = static_cast<int64_t>(std::strlen(sign)), lenPre = static_cast<int64_t>(std::strlen(prefix));
  int64_t total = lenSign + lenPre + bodyLen;
  int64_t pad = width > total ? width - total : 0;
  bool left = flags & LL_FMT_LEFT, zero = (flags & LL_FMT_ZERO) && !left;
  if (!left && !zero) ll_sb_append_multiple_char(sb, ' ', pad);
  ll_sb_append_cstr(sb, sign);
  ll_sb_append_cstr(sb, prefix);
  if (zero) ll_sb_append_multiple_char(sb, '0', pad);
  ll_sb_append_mem(sb, body, bodyLen);
  if (left) ll_sb_append_multiple_char(sb, ' ', pad);
}

static const char* signFor(bool negative, int flags) {
  if (negative) return "-";
  if (flags & LL_FMT_PLUS) return "+";
  if (flags & LL_FMT_SPACE) return " ";
  return "";
}

// --- conversions -------------------------------------------------------------------------

/// Digits of |value| in `base` (lowercase) into the end of buf; returns start.
static char* digitsOf(uint64_t mag, int base, bool upper, char* end) {
  const char* digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char* p = end;
  do { *--p = digs[mag % base]; mag /= base; } while (mag);
  return p;
}

void ll_fmt_int(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                char conv, int64_t value) {
  if (conv == 's' || conv == 'r') {
    RStr* s = ll_int_to_str(value);
    ll_fmt_padded(sb, flags, width, precision, s->chars, s->length);
    return;
  }
  if (conv == 'c') {
    if (value < 0 || value > 255) {
      ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "%c arg not in range(256)");
      return;
    }
    char c = static_cast<char>(value);
    ll_fmt_padded(sb, flags, width, -1, &c, 1);
    return;
  }
  int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
  bool negative = value < 0;
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  char buf[96];
  char* end = buf + sizeof buf;
  char* p = digitsOf(mag, base, conv == 'X', end);
  while (precision > end - p && p > buf) *--p = '0';  // precision: minimum digits
  const char* prefix = "";
  if (flags & LL_FMT_ALT) prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
  appendNumber(sb, flags, width, signFor(negative, flags), prefix, p, end - p);
}

void ll_fmt_float(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                  char conv, double value) {
  if (conv == 's' || conv == 'r') {
    char buf[32];
    int n = ll_float_repr_buf(value, buf);
    ll_fmt_padded(sb, flags, width, precision, buf, n);
    return;
  }
  bool negative = std::signbit(value) && !std::isnan(value);
  bool upper = conv == 'F' || conv == 'E' || conv == 'G';
  if (!std::isfinite(value)) {
    const char* body = std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    appendNumber(sb, flags, width, signFor(negative, flags), "", body, 3);
    return;
  }
  if (precision < 0) precision = 6;
  char spec[16];
  std::snprintf(spec, sizeof spec, "%%%s.*%c", (flags & LL_FMT_ALT) ? "#" : "", conv);
  int n = std::snprintf(nullptr, 0, spec, static_cast<int>(precision), std::fabs(value));
  auto* buf = static_cast<char*>(ll_malloc_atomic(static_cast<size_t>(n) + 1));
  std::snprintf(buf, static_cast<size_t>(n) + 1, spec, static_cast<int>(precision), std::fabs(value));
  appendNumber(sb, flags, width, signFor(negative, flags), "", buf, n);
}

void ll_fmt_str(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                char conv, RStr* value) {
  RStr* s = conv == 'r' ? ll_str_repr(value) : value;
  if (!s) { ll_fmt_padded(sb, flags, width, precision, "None", 4); return; }
  ll_fmt_padded(sb, flags, width, precision, s->chars, s->length);
}

void ll_fmt_char(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, char value) {
  if (conv == 'r') { ll_fmt_str(sb, flags, width, precision, 'r', ll_char_to_str(value)); return; }
  ll_fmt_padded(sb, flags, width, conv == 'c' ? -1 : precision, &value, 1);
}

void ll_fmt_bool(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, bool value) {
  if (conv != 's' && conv != 'r') { ll_fmt_int(sb, flags, width, precision, conv, value); return; }
  ll_fmt_padded(sb, flags, width, precision, value ? "True" : "False", value ? 4 : 5);
}

// --- added for the RTyper's lowering of `%` ----------------------------------------------

void ll_fmt_uint(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, uint64_t value) {
  switch (conv) {
  case 'c':
    ll_fmt_int(sb, flags, width, precision, conv, static_cast<int64_t>(value));
    return;
  case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
    ll_fmt_float(sb, flags, width, precision, conv, static_cast<double>(value));
    return;
  default:
    break;
  }
  char buf[96];
  char* end = buf + sizeof buf;
  int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
  char* p = digitsOf(value, base, conv == 'X', end);
  if (conv == 's' || conv == 'r') {
    RStr* r = ll_uint_repr(value);
    ll_fmt_padded(sb, flags, width, precision, r->chars, r->length);
    return;
  }
  while (precision > end - p && p > buf) *--p = '0';
  const char* prefix = "";
  if (flags & LL_FMT_ALT) prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
  appendNumber(sb, flags, width, signFor(false, flags), prefix, p, end - p);
}

int64_t ll_fmt_int_c(LLStrBuilder* sb, int flags, int64_t width, int64_t value, int64_t err) {
  if (err) return err;
  if (value < 0 || value > 255) return LL_FMT_ERR_C_RANGE;
  char c = static_cast<char>(value);
  ll_fmt_padded(sb, flags, width, -1, &c, 1);
  return LL_FMT_OK;
}

int64_t ll_fmt_float_d(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                       char conv, double value, int64_t err) {
  if (err) return err;
  if (std::isnan(value)) return LL_FMT_ERR_FLOAT_NAN;
  if (std::isinf(value)) return LL_FMT_ERR_FLOAT_INF;
  double t = std::trunc(value);
  if (t > -9.2e18 && t < 9.2e18) {
    ll_fmt_int(sb, flags, width, precision, conv, static_cast<int64_t>(t));
    return LL_FMT_OK;
  }
  // Beyond int64: the exact integer value of the double, as CPython's int(x).
  int n = std::snprintf(nullptr, 0, "%.0f", std::fabs(t));
  int64_t digits = precision > n ? precision : n;
  auto* buf = static_cast<char*>(ll_malloc_atomic(static_cast<size_t>(digits) + 1));
  std::memset(buf, '0', static_cast<size_t>(digits - n));
  std::snprintf(buf + (digits - n), static_cast<size_t>(n) + 1, "%.0f", std::fabs(t));
  appendNumber(sb, flags, width, signFor(t < 0, flags), "", buf, digits);
  return LL_FMT_OK;
}

RStr* ll_fmt_build_checked(LLStrBuilder* sb, int64_t err) {
  switch (err) {
  case LL_FMT_OK:
    return ll_sb_build(sb);
  case LL_FMT_ERR_C_RANGE:
    ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "%c arg not in range(256)");
    break;
  case LL_FMT_ERR_FLOAT_INF:
    ll_raise_builtin_c(LL_EXC_OVERFLOW_ERROR, "cannot convert float infinity to integer");
    break;
  default:
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "cannot convert float NaN to integer");
    break;
  }
  return nullptr;
}
