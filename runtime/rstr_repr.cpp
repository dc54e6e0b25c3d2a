//===- rstr_repr.cpp - Python's repr() of strings and chars -----------------===//
// CPython's unicode_repr on bytes read as Latin-1 code points: single quotes
// unless the string has a ' and no ", then double quotes; \\, the quote,
// \t \n \r escaped; other non-printable code points (< 0x20, 0x7f-0xa0,
// 0xad) as \xNN; printable bytes >= 0xa1 are copied as the raw byte (CPython
// would encode that code point as UTF-8 on output: the byte semantics).
//===----------------------------------------------------------------------===//
#include "rstr.h"
#include "format.h"
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
