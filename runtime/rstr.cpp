//===- rstr.cpp - RPy string construction, comparison, search --------------===//
// See rstr.h for the representation and the byte semantics. Splitting,
// stripping and case helpers live in rstr_methods.cpp; repr in rstr_repr.cpp.
//===----------------------------------------------------------------------===//
#include "rstr.h"
#include "llgc.h"
#include "llexc.h"
#include "llsupport.h"
#include <cstdio>
#include <cstring>
#include <string_view>

LL_STATIC_STR(kEmpty, "");

RStr* ll_str_new(int64_t len) {
  auto* s = static_cast<RStr*>(ll_malloc_atomic(sizeof(RStr) + static_cast<size_t>(len) + 1));
  s->hash = 0;
  s->length = len;
  s->chars[len] = '\0';
  return s;
}

RStr* ll_str_from(const char* p, int64_t len) {
  RStr* s = ll_str_new(len);
  if (len > 0) std::memcpy(s->chars, p, static_cast<size_t>(len));
  return s;
}

RStr* ll_str_from_cstr(const char* p) { return ll_str_from(p, static_cast<int64_t>(std::strlen(p))); }

RStr* ll_char_to_str(char c) {
  // One-byte strings are shared: boxing a char must not allocate (loops
  // over strings do it per byte).
  static RStr* table[256];
  unsigned char u = static_cast<unsigned char>(c);
  if (!table[u]) table[u] = ll_str_from(&c, 1);  // static data: a GC root
  return table[u];
}

RStr* ll_str_empty() { return kEmpty; }

bool ll_str_eq(RStr* a, RStr* b) {
  if (a == b) return true;
  if (!a || !b || a->length != b->length) return false;
  if (a->hash && b->hash && a->hash != b->hash) return false;
  return std::memcmp(a->chars, b->chars, static_cast<size_t>(a->length)) == 0;
}

int ll_str_cmp(RStr* a, RStr* b) {
  int64_t n = a->length < b->length ? a->length : b->length;
  int c = n ? std::memcmp(a->chars, b->chars, static_cast<size_t>(n)) : 0;
  if (c) return c;
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

int64_t ll_str_hash(RStr* s) {
  if (s->hash) return s->hash;
  uint64_t h = 14695981039346656037ull;  // FNV-1a, then a final mix
  for (int64_t i = 0; i < s->length; i++) {
    h ^= static_cast<unsigned char>(s->chars[i]);
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  int64_t r = static_cast<int64_t>(h);
  if (r == 0) r = 1;
  s->hash = r;
  return r;
}

RStr* ll_str_slice(RStr* s, int64_t start, int64_t stop) {
  ll_clamp_slice(start, stop, s->length);
  if (start == 0 && stop == s->length) return s;
  return ll_str_from(s->chars + start, stop - start);
}

RStr* ll_str_slice_from(RStr* s, int64_t start) { return ll_str_slice(s, start, s->length); }

RStr* ll_str_concat(RStr* a, RStr* b) {
  if (a->length == 0) return b;
  if (b->length == 0) return a;
  RStr* r = ll_str_new(a->length + b->length);
  std::memcpy(r->chars, a->chars, static_cast<size_t>(a->length));
  std::memcpy(r->chars + a->length, b->chars, static_cast<size_t>(b->length));
  return r;
}

RStr* ll_str_mul(RStr* s, int64_t n) {
  if (n <= 0 || s->length == 0) return kEmpty;
  if (n == 1) return s;
  RStr* r = ll_str_new(s->length * n);
  for (int64_t k = 0; k < n; k++)
    std::memcpy(r->chars + k * s->length, s->chars, static_cast<size_t>(s->length));
  return r;
}

static std::string_view view(RStr* s) { return {s->chars, static_cast<size_t>(s->length)}; }

bool ll_str_contains(RStr* s, RStr* sub) { return view(s).find(view(sub)) != std::string_view::npos; }

bool ll_str_contains_char(RStr* s, char c) {
  return s->length && std::memchr(s->chars, c, static_cast<size_t>(s->length)) != nullptr;
}

/// Clamps [start, end) for the find family like CPython's ADJUST_INDICES;
/// false when the range is empty-and-beyond (start > len).
static bool adjust(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) end = len;
  else if (end < 0) { end += len; if (end < 0) end = 0; }
  if (start < 0) { start += len; if (start < 0) start = 0; }
  return start <= len;
}

int64_t ll_str_find(RStr* s, RStr* sub, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length) || end - start < sub->length) return -1;
  size_t r = view(s).substr(0, end).find(view(sub), start);
  return r == std::string_view::npos ? -1 : static_cast<int64_t>(r);
}

int64_t ll_str_rfind(RStr* s, RStr* sub, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length) || end - start < sub->length) return -1;
  size_t r = view(s).substr(0, end).rfind(view(sub));
  if (r == std::string_view::npos || static_cast<int64_t>(r) < start) return -1;
  return static_cast<int64_t>(r);
}

int64_t ll_str_find_char(RStr* s, char c, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length) || end <= start) return -1;
  const void* p = std::memchr(s->chars + start, c, static_cast<size_t>(end - start));
  return p ? static_cast<const char*>(p) - s->chars : -1;
}

int64_t ll_str_count(RStr* s, RStr* sub, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length) || end - start < sub->length) return 0;
  if (sub->length == 0) return end - start + 1;
  std::string_view v = view(s).substr(0, end), w = view(sub);
  int64_t n = 0;
  for (size_t i = v.find(w, start); i != std::string_view::npos; i = v.find(w, i + w.size())) n++;
  return n;
}

int64_t ll_str_index(RStr* s, RStr* sub, int64_t start, int64_t end) {
  int64_t r = ll_str_find(s, sub, start, end);
  if (r < 0) ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "substring not found");
  return r;
}

int64_t ll_str_rindex(RStr* s, RStr* sub, int64_t start, int64_t end) {
  int64_t r = ll_str_rfind(s, sub, start, end);
  if (r < 0) ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "substring not found");
  return r;
}

bool ll_str_startswith(RStr* s, RStr* prefix) { return view(s).starts_with(view(prefix)); }
bool ll_str_endswith(RStr* s, RStr* suffix) { return view(s).ends_with(view(suffix)); }

char ll_chr(int64_t i) {
  if (i < 0 || i > 255) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "chr() arg not in range(256)");
    return 0;
  }
  return static_cast<char>(i);
}

int64_t ll_ord_str(RStr* s) {
  if (s->length != 1) {
    char msg[96];
    std::snprintf(msg, sizeof msg,
                  "ord() expected a character, but string of length %lld found",
                  static_cast<long long>(s->length));
    ll_raise_builtin_c(LL_EXC_TYPE_ERROR, msg);
    return 0;
  }
  return static_cast<unsigned char>(s->chars[0]);
}

RStr* ll_str_or_none(RStr* s) { return s ? s : ll_str_from_cstr("None"); }

RList<int64_t>* ll_range_list(int64_t start, int64_t stop, int64_t step) {
  int64_t n = ll_range_len(start, stop, step);
  RList<int64_t>* l = ll_list_new<int64_t>(n);
  for (int64_t i = 0; i < n; i++) l->items->items[i] = start + i * step;
  return l;
}

// --- helpers of the RTyper's string lowering ----------------------------------

int64_t ll_str_rfind_char(RStr* s, char c, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length)) return -1;
  for (int64_t i = end - 1; i >= start; i--)
    if (s->chars[i] == c) return i;
  return -1;
}

int64_t ll_str_count_char(RStr* s, char c, int64_t start, int64_t end) {
  if (!adjust(start, end, s->length)) return 0;
  int64_t n = 0;
  for (int64_t i = start; i < end; i++) n += s->chars[i] == c;
  return n;
}

/// CPython's tailmatch: `direction` < 0 matches at the start of the range.
static bool tailmatch(RStr* s, RStr* sub, int64_t start, int64_t end, int direction) {
  if (end > s->length) end = s->length;
  else if (end < 0) { end += s->length; if (end < 0) end = 0; }
  if (start < 0) { start += s->length; if (start < 0) start = 0; }
  end -= sub->length;
  if (end < start) return false;
  if (sub->length == 0) return true;
  int64_t at = direction < 0 ? start : end;
  return std::memcmp(s->chars + at, sub->chars, static_cast<size_t>(sub->length)) == 0;
}

bool ll_str_startswith_range(RStr* s, RStr* prefix, int64_t start, int64_t end) {
  return tailmatch(s, prefix, start, end, -1);
}

bool ll_str_endswith_range(RStr* s, RStr* suffix, int64_t start, int64_t end) {
  return tailmatch(s, suffix, start, end, +1);
}

RStr* ll_str_slice_stepped(RStr* s, int64_t start, int64_t stop, int64_t step, bool hasStart, bool hasStop) {
  int64_t len = s->length;
  auto adjustBound = [&](int64_t& v, bool has, int64_t dflt) {
    if (!has) { v = dflt; return; }
    if (v < 0) { v += len; if (v < 0) v = step < 0 ? -1 : 0; }
    else if (v >= len) v = step < 0 ? len - 1 : len;
  };
  adjustBound(start, hasStart, step < 0 ? len - 1 : 0);
  adjustBound(stop, hasStop, step < 0 ? -1 : len);
  int64_t n = 0;
  if (step < 0) { if (stop < start) n = (start - stop - 1) / (-step) + 1; }
  else if (start < stop) n = (stop - start - 1) / step + 1;
  if (step == 1) return ll_str_slice(s, start, stop);
  RStr* r = ll_str_new(n);
  for (int64_t k = 0, i = start; k < n; k++, i += step) r->chars[k] = s->chars[i];
  return r;
}

RStr* ll_str_slice_step(RStr* s, int64_t start, int64_t stop, int64_t step, bool hasStart, bool hasStop) {
  if (step == 0) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "slice step cannot be zero");
    return nullptr;
  }
  return ll_str_slice_stepped(s, start, stop, step, hasStart, hasStop);
}

static char extremeByte(RStr* s, bool isMax) {
  if (s->length == 0) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, isMax ? "max() arg is an empty sequence"
                                                 : "min() arg is an empty sequence");
    return 0;
  }
  unsigned char best = static_cast<unsigned char>(s->chars[0]);
  for (int64_t i = 1; i < s->length; i++) {
    unsigned char u = static_cast<unsigned char>(s->chars[i]);
    if (isMax ? u > best : u < best) best = u;
  }
  return static_cast<char>(best);
}

char ll_str_min_item(RStr* s) { return extremeByte(s, false); }
char ll_str_max_item(RStr* s) { return extremeByte(s, true); }
