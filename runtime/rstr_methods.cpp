//===- rstr_methods.cpp - split/join/strip/replace/case of RPy strings -----===//
// CPython's str methods restricted to bytes with ASCII classification (see
// rstr.h). Results match CPython for ASCII data; golden tests in
// tests/runtime/golden/strmethods.txt.
//===----------------------------------------------------------------------===//
#include "rstr.h"
#include "format.h"
#include "llexc.h"
#include <cstring>
#include <string_view>

bool ll_char_isspace(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u == ' ' || (u >= '\t' && u <= '\r') || (u >= 0x1c && u <= 0x1f);
}
bool ll_char_isdigit(char c) { return c >= '0' && c <= '9'; }
bool ll_char_isupper(char c) { return c >= 'A' && c <= 'Z'; }
bool ll_char_islower(char c) { return c >= 'a' && c <= 'z'; }
bool ll_char_isalpha(char c) { return ll_char_isupper(c) || ll_char_islower(c); }
bool ll_char_isalnum(char c) { return ll_char_isalpha(c) || ll_char_isdigit(c); }
char ll_char_upper(char c) { return ll_char_islower(c) ? static_cast<char>(c - 32) : c; }
char ll_char_lower(char c) { return ll_char_isupper(c) ? static_cast<char>(c + 32) : c; }

template <class Pred>
static bool allOf(RStr* s, Pred p) {
  if (s->length == 0) return false;
  for (int64_t i = 0; i < s->length; i++)
    if (!p(s->chars[i])) return false;
  return true;
}
bool ll_str_isdigit(RStr* s) { return allOf(s, ll_char_isdigit); }
bool ll_str_isalpha(RStr* s) { return allOf(s, ll_char_isalpha); }
bool ll_str_isspace(RStr* s) { return allOf(s, ll_char_isspace); }
bool ll_str_isalnum(RStr* s) { return allOf(s, ll_char_isalnum); }

/// isupper/islower: at least one cased byte, none of the other case.
static bool casedOnly(RStr* s, bool (*want)(char), bool (*reject)(char)) {
  bool cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    if (reject(s->chars[i])) return false;
    cased |= want(s->chars[i]);
  }
  return cased;
}
bool ll_str_isupper(RStr* s) { return casedOnly(s, ll_char_isupper, ll_char_islower); }
bool ll_str_islower(RStr* s) { return casedOnly(s, ll_char_islower, ll_char_isupper); }

static RStr* mapChars(RStr* s, char (*f)(char)) {
  RStr* r = ll_str_new(s->length);
  for (int64_t i = 0; i < s->length; i++) r->chars[i] = f(s->chars[i]);
  return r;
}
RStr* ll_str_upper(RStr* s) { return mapChars(s, ll_char_upper); }
RStr* ll_str_lower(RStr* s) { return mapChars(s, ll_char_lower); }

// --- strip ---------------------------------------------------------------------

/// Strips bytes for which `strip(c)` holds from the left and/or right.
template <class Pred>
static RStr* stripBy(RStr* s, bool left, bool right, Pred strip) {
  int64_t i = 0, j = s->length;
  if (left) while (i < j && strip(s->chars[i])) i++;
  if (right) while (j > i && strip(s->chars[j - 1])) j--;
  return ll_str_slice(s, i, j);
}
RStr* ll_str_strip(RStr* s) { return stripBy(s, true, true, ll_char_isspace); }
RStr* ll_str_lstrip(RStr* s) { return stripBy(s, true, false, ll_char_isspace); }
RStr* ll_str_rstrip(RStr* s) { return stripBy(s, false, true, ll_char_isspace); }

static auto inSet(RStr* chars) {
  return [chars](char c) { return ll_str_contains_char(chars, c); };
}
RStr* ll_str_strip_chars(RStr* s, RStr* chars) { return stripBy(s, true, true, inSet(chars)); }
RStr* ll_str_lstrip_chars(RStr* s, RStr* chars) { return stripBy(s, true, false, inSet(chars)); }
RStr* ll_str_rstrip_chars(RStr* s, RStr* chars) { return stripBy(s, false, true, inSet(chars)); }

// --- split / join -----------------------------------------------------------------

RStrList* ll_str_split(RStr* s, int64_t maxsplit) {
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t i = 0, n = s->length;
  for (;;) {
    while (i < n && ll_char_isspace(s->chars[i])) i++;
    if (i == n) break;
    if (maxsplit == 0) {  // the rest, as is, is the last item
      ll_list_append(out, ll_str_slice(s, i, n));
      break;
    }
    int64_t j = i;
    while (j < n && !ll_char_isspace(s->chars[j])) j++;
    ll_list_append(out, ll_str_slice(s, i, j));
    if (maxsplit > 0) maxsplit--;
    i = j;
  }
  return out;
}

RStrList* ll_str_split_sep(RStr* s, RStr* sep, int64_t maxsplit) {
  if (sep->length == 0) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "empty separator");
    return nullptr;
  }
  RStrList* out = ll_list_new<RStr*>(0);
  std::string_view v(s->chars, static_cast<size_t>(s->length)), w(sep->chars, static_cast<size_t>(sep->length));
  size_t i = 0;
  while (maxsplit != 0) {
    size_t j = v.find(w, i);
    if (j == std::string_view::npos) break;
    ll_list_append(out, ll_str_slice(s, static_cast<int64_t>(i), static_cast<int64_t>(j)));
    i = j + w.size();
    if (maxsplit > 0) maxsplit--;
  }
  ll_list_append(out, ll_str_slice(s, static_cast<int64_t>(i), s->length));
  return out;
}

RStrList* ll_str_rsplit_sep(RStr* s, RStr* sep, int64_t maxsplit) {
  if (sep->length == 0) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "empty separator");
    return nullptr;
  }
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t end = s->length, m = sep->length;
  while (maxsplit != 0) {
    int64_t j = end - m;
    while (j >= 0 && std::memcmp(s->chars + j, sep->chars, static_cast<size_t>(m)) != 0) j--;
    if (j < 0) break;
    ll_list_append(out, ll_str_slice(s, j + m, end));
    end = j;
    if (maxsplit > 0) maxsplit--;
  }
  ll_list_append(out, ll_str_slice(s, 0, end));
  ll_list_reverse(out);
  return out;
}

static bool isLineBreak(char c) {
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e);
}

RStrList* ll_str_splitlines(RStr* s) {
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t i = 0, n = s->length;
  while (i < n) {
    int64_t j = i;
    while (j < n && !isLineBreak(s->chars[j])) j++;
    ll_list_append(out, ll_str_slice(s, i, j));
    if (j < n && s->chars[j] == '\r' && j + 1 < n && s->chars[j + 1] == '\n') j++;
    i = j + 1;
  }
  return out;
}

static RStr* joinItems(RStr* sep, RStr** items, int64_t n) {
  if (n == 0) return ll_str_empty();
  if (n == 1) return items[0];
  int64_t total = sep->length * (n - 1);
  for (int64_t k = 0; k < n; k++) total += items[k]->length;
  RStr* r = ll_str_new(total);
  char* p = r->chars;
  for (int64_t k = 0; k < n; k++) {
    if (k) { std::memcpy(p, sep->chars, static_cast<size_t>(sep->length)); p += sep->length; }
    std::memcpy(p, items[k]->chars, static_cast<size_t>(items[k]->length));
    p += items[k]->length;
  }
  return r;
}
RStr* ll_str_join(RStr* sep, RStrList* items) { return joinItems(sep, items->items->items, items->length); }
RStr* ll_str_join_array(RStr* sep, RArray<RStr*>* items) { return joinItems(sep, items->items, items->length); }

// --- replace ---------------------------------------------------------------------

RStr* ll_str_replace(RStr* s, RStr* old, RStr* repl, int64_t count) {
  if (count < 0) count = INT64_MAX;
  LLStrBuilder* sb = ll_sb_new(s->length);
  if (old->length == 0) {  // CPython inserts repl before each byte and at the end
    int64_t i = 0;
    for (; i <= s->length && count > 0; i++, count--) {
      ll_sb_append(sb, repl);
      if (i < s->length) ll_sb_append_char(sb, s->chars[i]);
    }
    if (i < s->length) ll_sb_append_slice(sb, s, i, s->length);
    return ll_sb_build(sb);
  }
  std::string_view v(s->chars, static_cast<size_t>(s->length)), w(old->chars, static_cast<size_t>(old->length));
  size_t i = 0;
  for (; count > 0; count--) {
    size_t j = v.find(w, i);
    if (j == std::string_view::npos) break;
    ll_sb_append_slice(sb, s, static_cast<int64_t>(i), static_cast<int64_t>(j));
    ll_sb_append(sb, repl);
    i = j + w.size();
  }
  if (i == 0) return s;
  ll_sb_append_slice(sb, s, static_cast<int64_t>(i), s->length);
  return ll_sb_build(sb);
}

// --- helpers of the RTyper's string lowering ------------------------------------

RStrList* ll_str_rsplit(RStr* s, int64_t maxsplit) {
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t j = s->length;
  for (;;) {
    while (j > 0 && ll_char_isspace(s->chars[j - 1])) j--;
    if (j == 0) break;
    if (maxsplit == 0) {  // the rest, leading whitespace included
      ll_list_append(out, ll_str_slice(s, 0, j));
      break;
    }
    int64_t i = j;
    while (i > 0 && !ll_char_isspace(s->chars[i - 1])) i--;
    ll_list_append(out, ll_str_slice(s, i, j));
    if (maxsplit > 0) maxsplit--;
    j = i;
  }
  ll_list_reverse(out);
  return out;
}

RStrList* ll_str_split_char(RStr* s, char sep, int64_t maxsplit) {
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t i = 0, n = s->length;
  while (maxsplit != 0) {
    const void* p = n > i ? std::memchr(s->chars + i, sep, static_cast<size_t>(n - i)) : nullptr;
    if (!p) break;
    int64_t j = static_cast<const char*>(p) - s->chars;
    ll_list_append(out, ll_str_slice(s, i, j));
    i = j + 1;
    if (maxsplit > 0) maxsplit--;
  }
  ll_list_append(out, ll_str_slice(s, i, n));
  return out;
}

RStrList* ll_str_rsplit_char(RStr* s, char sep, int64_t maxsplit) {
  RStrList* out = ll_list_new<RStr*>(0);
  int64_t end = s->length;
  while (maxsplit != 0) {
    int64_t j = end - 1;
    while (j >= 0 && s->chars[j] != sep) j--;
    if (j < 0) break;
    ll_list_append(out, ll_str_slice(s, j + 1, end));
    end = j;
    if (maxsplit > 0) maxsplit--;
  }
  ll_list_append(out, ll_str_slice(s, 0, end));
  ll_list_reverse(out);
  return out;
}

RArray<RStr*>* ll_str_split_sep_array(RStr* s, RStr* sep, int64_t maxsplit) {
  RStrList* l = ll_str_split_sep(s, sep, maxsplit);
  return l ? ll_strlist_to_array(l) : nullptr;
}

RArray<RStr*>* ll_str_rsplit_sep_array(RStr* s, RStr* sep, int64_t maxsplit) {
  RStrList* l = ll_str_rsplit_sep(s, sep, maxsplit);
  return l ? ll_strlist_to_array(l) : nullptr;
}

static RStr* joinChars(RStr* sep, const char* items, int64_t n) {
  if (n == 0) return ll_str_empty();
  if (n == 1) return ll_char_to_str(items[0]);
  RStr* r = ll_str_new(n + sep->length * (n - 1));
  char* p = r->chars;
  for (int64_t k = 0; k < n; k++) {
    if (k && sep->length) {
      std::memcpy(p, sep->chars, static_cast<size_t>(sep->length));
      p += sep->length;
    }
    *p++ = items[k];
  }
  return r;
}
RStr* ll_str_join_chars(RStr* sep, RList<char>* items) {
  return joinChars(sep, items->items->items, items->length);
}
RStr* ll_str_join_chars_array(RStr* sep, RArray<char>* items) {
  return joinChars(sep, items->items, items->length);
}
RStr* ll_str_join_str(RStr* sep, RStr* s) {
  if (s->length <= 1) return s;
  return joinChars(sep, s->chars, s->length);
}
