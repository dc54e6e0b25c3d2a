//===- rstr_repr.cpp - Python's repr() of strings and chars -----------------===//
// CPython's unicode_repr on bytes read as Latin-1 code points: single quotes
// unless the string has a ' and no ", then double quotes; \\, the quote,
// \t \n \r escaped; other non-printable code points (< 0x20, 0x7f-0xa0,
// 0xad) as \xNN; printable bytes >= 0xa1 are copied as the raw byte (CPython
// would encode that code point as UTF-8 on output: the byte semantics).
//===----------------------------------------------------------------------===//
#include "rstr.h"
#include "format.h"
#include "numbers.h"
#include <cstdio>
#include <cstring>

static bool isPrintableLatin1(unsigned char u) {
  return (u >= 0x20 && u < 0x7f) || (u > 0xa0 && u != 0xad);
}

static void appendEscaped(LLStrBuilder* sb, unsigned char u, char quote) {
  static const char hex[] = "0123456789abcdef";
  if (u == static_cast<unsigned char>(quote) || u == '\\') {
    ll_sb_append_char(sb, '\\');
    ll_sb_append_char(sb, static_cast<char>(u));
  } else if (u == '\t') {
    ll_sb_append_cstr(sb, "\\t");
  } else if (u == '\n') {
    ll_sb_append_cstr(sb, "\\n");
  } else if (u == '\r') {
    ll_sb_append_cstr(sb, "\\r");
  } else if (!isPrintableLatin1(u)) {
    char esc[4] = {'\\', 'x', hex[u >> 4], hex[u & 15]};
    ll_sb_append_mem(sb, esc, 4);
  } else {
    ll_sb_append_char(sb, static_cast<char>(u));
  }
}

RStr* ll_str_repr(RStr* s) {
  if (!s) return ll_str_from_cstr("None");
  bool single = ll_str_contains_char(s, '\'');
  bool dbl = ll_str_contains_char(s, '"');
  char quote = single && !dbl ? '"' : '\'';
  LLStrBuilder* sb = ll_sb_new(s->length + 2);
  ll_sb_append_char(sb, quote);
  for (int64_t i = 0; i < s->length; i++)
    appendEscaped(sb, static_cast<unsigned char>(s->chars[i]), quote);
  ll_sb_append_char(sb, quote);
  return ll_sb_build(sb);
}

RStr* ll_char_repr(char c) { return ll_str_repr(ll_char_to_str(c)); }

// --- repr of values and containers (rstr.h: ll_repr, ll_repr_append) -----------

void ll_repr_append(LLStrBuilder* sb, int64_t v) { ll_sb_append(sb, ll_int_to_str(v)); }
RStr* ll_uint_repr(uint64_t x) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "r_uint(%llu)", static_cast<unsigned long long>(x));
  return ll_str_from(buf, n);
}
void ll_repr_append(LLStrBuilder* sb, uint64_t v) { ll_sb_append(sb, ll_uint_repr(v)); }
void ll_repr_append(LLStrBuilder* sb, double v) {
  char buf[32];
  ll_sb_append_mem(sb, buf, ll_float_repr_buf(v, buf));
}
void ll_repr_append(LLStrBuilder* sb, bool v) { ll_sb_append_cstr(sb, v ? "True" : "False"); }
void ll_repr_append(LLStrBuilder* sb, char v) { ll_sb_append(sb, ll_char_repr(v)); }
void ll_repr_append(LLStrBuilder* sb, RStr* v) { ll_sb_append(sb, ll_str_repr(v)); }

RStr* ll_range_repr(int64_t start, int64_t stop, int64_t step) {
  char buf[96];
  int n = step == 1 ? std::snprintf(buf, sizeof buf, "range(%lld, %lld)", static_cast<long long>(start),
                                    static_cast<long long>(stop))
                    : std::snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", static_cast<long long>(start),
                                    static_cast<long long>(stop), static_cast<long long>(step));
  return ll_str_from(buf, n);
}
