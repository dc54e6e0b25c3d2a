//===- rstr.h - RPy strings: immutable byte strings -----------------------===//
// DESIGN §5: str -> Ptr(STR{hash, chars[]}). One RStr per string value,
// allocated atomically (no pointers inside). Invariants:
//  * immutable once returned by a helper (ll_str_new's result is the only
//    one the caller may fill, before sharing it);
//  * chars[length] == '\0' (not part of the value; lets C APIs use chars);
//  * hash == 0 means "not computed yet"; ll_str_hash never returns 0.
// A null RStr* is None. Helpers taking strings accept None only where noted
// (ll_str_eq/ll_str_cmp/ll_str_repr): elsewhere the RTyper inserts the check.
// A one-character string is a `char` (DESIGN §3): ll_char_to_str boxes one.
// Strings are bytes: case mapping, classification and whitespace are ASCII
// (whitespace = " \t\n\v\f\r" plus \x1c-\x1f, as CPython's str.isspace on
// ASCII). Bytes >= 0x80 are never letters, digits or whitespace.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstddef>
#include "rlist.h"

struct RStr {
  int64_t hash;    ///< cached hash, 0 = not computed
  int64_t length;  ///< number of bytes
  char chars[];    ///< `length` bytes followed by '\0'
};

/// A prebuilt string constant for generated code: static data with the RStr
/// layout, writable so the hash can be cached. Boehm scans static data, and
/// nothing points from a constant into the heap, so no registration needed.
///   LL_STATIC_STR(s_hello, "hello");   // defines RStr* const s_hello
#define LL_STATIC_STR(name, lit)                                               \
  static struct { int64_t hash; int64_t length; char chars[sizeof(lit)]; }     \
      name##_data = {0, sizeof(lit) - 1, lit};                                 \
  static RStr* const name = reinterpret_cast<RStr*>(&name##_data)

using RStrList = RList<RStr*>;

// --- construction ---------------------------------------------------------
/// A new string of `len` bytes to be filled by the caller (terminator set).
RStr* ll_str_new(int64_t len);
RStr* ll_str_from(const char* p, int64_t len);
RStr* ll_str_from_cstr(const char* p);
RStr* ll_char_to_str(char c);
/// The empty string (a shared constant).
RStr* ll_str_empty();

// --- comparison and hashing -----------------------------------------------
bool ll_str_eq(RStr* a, RStr* b);           ///< None-aware equality
int ll_str_cmp(RStr* a, RStr* b);           ///< <0, 0, >0 bytewise
int64_t ll_str_hash(RStr* s);               ///< cached, never 0

// --- indexing and slicing ---------------------------------------------------
/// s[i] with negative index; IndexError "string index out of range".
/// Inline: interpreters index their code strings in the hot loop.
inline char ll_str_getitem(RStr* s, int64_t i) {
  if (!ll_normalize_index(i, s->length, "string index out of range")) return 0;
  return s->chars[i];
}
/// s[start:stop] with Python's clamping of negative/out-of-range bounds.
RStr* ll_str_slice(RStr* s, int64_t start, int64_t stop);
RStr* ll_str_slice_from(RStr* s, int64_t start);   ///< s[start:]
RStr* ll_str_concat(RStr* a, RStr* b);
RStr* ll_str_mul(RStr* s, int64_t n);              ///< s * n (n <= 0: "")

// --- searching --------------------------------------------------------------
bool ll_str_contains(RStr* s, RStr* sub);
bool ll_str_contains_char(RStr* s, char c);
/// find/rfind/count over s[start:end] (Python-clamped); -1 if absent.
int64_t ll_str_find(RStr* s, RStr* sub, int64_t start, int64_t end);
int64_t ll_str_rfind(RStr* s, RStr* sub, int64_t start, int64_t end);
int64_t ll_str_find_char(RStr* s, char c, int64_t start, int64_t end);
int64_t ll_str_count(RStr* s, RStr* sub, int64_t start, int64_t end);
/// s.index/rindex: as find, ValueError "substring not found".
int64_t ll_str_index(RStr* s, RStr* sub, int64_t start, int64_t end);
int64_t ll_str_rindex(RStr* s, RStr* sub, int64_t start, int64_t end);
bool ll_str_startswith(RStr* s, RStr* prefix);
bool ll_str_endswith(RStr* s, RStr* suffix);
/// Use as `end` argument meaning "to the end of the string".
constexpr int64_t LL_STR_END = INT64_MAX;

// --- splitting and joining ---------------------------------------------------
/// s.split() / s.split(None, maxsplit): runs of whitespace (maxsplit -1 = all).
RStrList* ll_str_split(RStr* s, int64_t maxsplit = -1);
/// s.split(sep[, maxsplit]); empty sep raises ValueError "empty separator".
RStrList* ll_str_split_sep(RStr* s, RStr* sep, int64_t maxsplit = -1);
RStrList* ll_str_rsplit_sep(RStr* s, RStr* sep, int64_t maxsplit = -1);
/// s.splitlines() (no keepends): \n, \r, \r\n and \v \f \x1c-\x1e.
RStrList* ll_str_splitlines(RStr* s);
RStr* ll_str_join(RStr* sep, RStrList* items);
RStr* ll_str_join_array(RStr* sep, RArray<RStr*>* items);  ///< fixed lists

// --- transforming -------------------------------------------------------------
RStr* ll_str_strip(RStr* s);                   ///< whitespace
RStr* ll_str_lstrip(RStr* s);
RStr* ll_str_rstrip(RStr* s);
RStr* ll_str_strip_chars(RStr* s, RStr* chars); ///< s.strip(chars)
RStr* ll_str_lstrip_chars(RStr* s, RStr* chars);
RStr* ll_str_rstrip_chars(RStr* s, RStr* chars);
/// s.replace(old, new[, count]) (count -1 = all); empty `old` inserts
/// between every byte as CPython does.
RStr* ll_str_replace(RStr* s, RStr* old, RStr* repl, int64_t count = -1);
RStr* ll_str_upper(RStr* s);
RStr* ll_str_lower(RStr* s);

// --- classification (False on the empty string, as in Python) ---------------
bool ll_str_isdigit(RStr* s);
bool ll_str_isalpha(RStr* s);
bool ll_str_isspace(RStr* s);
bool ll_str_isalnum(RStr* s);
bool ll_str_isupper(RStr* s);   ///< has a cased byte and no lowercase one
bool ll_str_islower(RStr* s);
bool ll_char_isdigit(char c);
bool ll_char_isalpha(char c);
bool ll_char_isspace(char c);
bool ll_char_isalnum(char c);
bool ll_char_isupper(char c);
bool ll_char_islower(char c);
char ll_char_upper(char c);
char ll_char_lower(char c);

// --- chars ------------------------------------------------------------------
/// chr(i): byte semantics, so only 0..255 are accepted (CPython accepts up to
/// 0x10FFFF); outside: ValueError "chr() arg not in range(256)".
char ll_chr(int64_t i);
/// ord(c) of a char: 0..255.
inline int64_t ll_ord(char c) { return static_cast<unsigned char>(c); }
/// ord(s) of a string; TypeError as CPython when len(s) != 1.
int64_t ll_ord_str(RStr* s);

// --- repr ---------------------------------------------------------------------
/// Python's repr(s): quotes chosen as CPython does, \\ \n \r \t escaped,
/// other non-printable bytes as \xNN (bytes 0x80-0xa0 and 0xad too: CPython
/// treats them as those Latin-1 code points); None gives "None".
RStr* ll_str_repr(RStr* s);
RStr* ll_char_repr(char c);

// --- helpers of the RTyper's string lowering (rtyper/rstr.cpp) ---------------
/// s == c for a str and a char: len(s) == 1 and the byte equal; None-aware.
inline bool ll_str_eq_char(RStr* s, char c) { return s && s->length == 1 && s->chars[0] == c; }
/// s[start:stop:step] for a step != 1 (PySlice_AdjustIndices); has* false
/// for an omitted bound. ll_str_slice_step raises ValueError "slice step
/// cannot be zero"; ll_str_slice_stepped requires step != 0 and never raises.
RStr* ll_str_slice_step(RStr* s, int64_t start, int64_t stop, int64_t step, bool hasStart, bool hasStop);
RStr* ll_str_slice_stepped(RStr* s, int64_t start, int64_t stop, int64_t step, bool hasStart, bool hasStop);
/// Bounds check of s[i] for 0 <= i (the RTyper then reads chars[i] inline; a
/// negative constant index is normalised first, and stays negative only when
/// out of range): raises IndexError "string index out of range" and returns
/// true when i is not a valid index.
inline bool ll_check_str_index(int64_t i, int64_t length) {
  if (static_cast<uint64_t>(i) < static_cast<uint64_t>(length)) return false;
  ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "string index out of range");
  return true;
}
/// rfind/count of a single byte over s[start:end] (Python-clamped).
int64_t ll_str_rfind_char(RStr* s, char c, int64_t start, int64_t end);
int64_t ll_str_count_char(RStr* s, char c, int64_t start, int64_t end);
/// s.startswith(prefix, start, end) / s.endswith(suffix, start, end):
/// CPython's tailmatch (ADJUST_INDICES, then the comparison; an empty
/// prefix matches unless start > end after clamping).
bool ll_str_startswith_range(RStr* s, RStr* prefix, int64_t start, int64_t end);
bool ll_str_endswith_range(RStr* s, RStr* suffix, int64_t start, int64_t end);
/// s.rsplit() / s.rsplit(None, maxsplit): whitespace runs from the right
/// (the unsplit rest keeps its leading whitespace, as CPython).
RStrList* ll_str_rsplit(RStr* s, int64_t maxsplit = -1);
/// split/rsplit by a one-byte separator (a char: never empty, never raises).
RStrList* ll_str_split_char(RStr* s, char sep, int64_t maxsplit = -1);
RStrList* ll_str_rsplit_char(RStr* s, char sep, int64_t maxsplit = -1);
/// split/rsplit by a separator the RTyper knows is non-empty (a non-empty
/// constant): ll_str_split_sep without the error path.
inline RStrList* ll_str_split_str(RStr* s, RStr* sep, int64_t maxsplit = -1) {
  return ll_str_split_sep(s, sep, maxsplit);
}
inline RStrList* ll_str_rsplit_str(RStr* s, RStr* sep, int64_t maxsplit = -1) {
  return ll_str_rsplit_sep(s, sep, maxsplit);
}
/// A fresh, unshared list of strings (a split result) as a fixed list
/// (RArray), without copying: the storage array is trimmed to the length.
inline RArray<RStr*>* ll_strlist_to_array(RStrList* l) {
  l->items->length = l->length;
  return l->items;
}
/// The raising splits when the result is a fixed list (one helper call, so
/// it can be the last operation of a guarded block).
RArray<RStr*>* ll_str_split_sep_array(RStr* s, RStr* sep, int64_t maxsplit = -1);
RArray<RStr*>* ll_str_rsplit_sep_array(RStr* s, RStr* sep, int64_t maxsplit = -1);
/// sep.join(list of chars) for resizable and fixed lists; sep.join(s)
/// joins the bytes of a string.
RStr* ll_str_join_chars(RStr* sep, RList<char>* items);
RStr* ll_str_join_chars_array(RStr* sep, RArray<char>* items);
RStr* ll_str_join_str(RStr* sep, RStr* s);

// --- repr of values and containers: str()/repr() of lists, dicts, tuples -----
// `ll_repr(x)` is repr(x) (also str(x) for containers, whose items print by
// repr); `ll_repr_append(sb, x)` appends it to a builder. Overloads cover
// int64_t, uint64_t ("r_uint(5)"), double, bool, char, RStr* (None-aware),
// RList<T>* / RArray<T>* (None-aware, "[a, b]"), RDict<K,V,Tr>*
// ("{k: v}") and generated tuple structs (fields item0..item7: "(a, b)",
// "(a,)", "()"), nested arbitrarily.
struct LLStrBuilder;
template <class K, class V, class Tr> struct RDict;
void ll_repr_append(LLStrBuilder* sb, int64_t v);
void ll_repr_append(LLStrBuilder* sb, uint64_t v);
void ll_repr_append(LLStrBuilder* sb, double v);
void ll_repr_append(LLStrBuilder* sb, bool v);
void ll_repr_append(LLStrBuilder* sb, char v);
void ll_repr_append(LLStrBuilder* sb, RStr* v);
template <class T> void ll_repr_append(LLStrBuilder* sb, RList<T>* l);
template <class T> void ll_repr_append(LLStrBuilder* sb, RArray<T>* a);
template <class K, class V, class Tr> void ll_repr_append(LLStrBuilder* sb, RDict<K, V, Tr>* d);
template <class T>
  requires requires(T* t) { t->item0; }
void ll_repr_append(LLStrBuilder* sb, T* t);
/// str()/repr() of an r_uint as CPython prints rlib's r_uint: "r_uint(5)"
/// (%d, %x... print the digits: ll_fmt_uint).
RStr* ll_uint_repr(uint64_t x);
/// repr(range(start, stop, step)) as CPython: "range(0, 5)", "range(0, 9, 2)".
RStr* ll_range_repr(int64_t start, int64_t stop, int64_t step);

// Builder primitives (format.h) the templates below use.
LLStrBuilder* ll_sb_new(int64_t sizeHint);
void ll_sb_append_cstr(LLStrBuilder* sb, const char* p);
void ll_sb_append_char(LLStrBuilder* sb, char c);
RStr* ll_sb_build(LLStrBuilder* sb);

/// Items [0, n) between brackets, separated by ", ".
template <class T>
void ll_repr_append_items(LLStrBuilder* sb, const T* items, int64_t n, char open, char close) {
  ll_sb_append_char(sb, open);
  for (int64_t i = 0; i < n; i++) {
    if (i) ll_sb_append_cstr(sb, ", ");
    ll_repr_append(sb, items[i]);
  }
  ll_sb_append_char(sb, close);
}

template <class T>
void ll_repr_append(LLStrBuilder* sb, RList<T>* l) {
  if (!l) { ll_sb_append_cstr(sb, "None"); return; }
  ll_repr_append_items(sb, l->items->items, l->length, '[', ']');
}

template <class T>
void ll_repr_append(LLStrBuilder* sb, RArray<T>* a) {
  if (!a) { ll_sb_append_cstr(sb, "None"); return; }
  ll_repr_append_items(sb, a->items, a->length, '[', ']');
}

template <class K, class V, class Tr>
void ll_repr_append(LLStrBuilder* sb, RDict<K, V, Tr>* d) {
  if (!d) { ll_sb_append_cstr(sb, "None"); return; }
  ll_sb_append_char(sb, '{');
  bool first = true;
  for (int64_t i = 0; i < d->nentries; i++) {
    if (!d->entries[i].live) continue;
    if (!first) ll_sb_append_cstr(sb, ", ");
    first = false;
    ll_repr_append(sb, d->entries[i].key);
    ll_sb_append_cstr(sb, ": ");
    ll_repr_append(sb, d->entries[i].value);
  }
  ll_sb_append_char(sb, '}');
}

template <class T>
  requires requires(T* t) { t->item0; }
void ll_repr_append(LLStrBuilder* sb, T* t) {
  if (!t) { ll_sb_append_cstr(sb, "None"); return; }
  ll_sb_append_char(sb, '(');
  ll_repr_append(sb, t->item0);
  if constexpr (requires { t->item1; }) {
    ll_sb_append_cstr(sb, ", ");
    ll_repr_append(sb, t->item1);
  } else {
    ll_sb_append_char(sb, ',');
  }
  if constexpr (requires { t->item2; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item2); }
  if constexpr (requires { t->item3; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item3); }
  if constexpr (requires { t->item4; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item4); }
  if constexpr (requires { t->item5; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item5); }
  if constexpr (requires { t->item6; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item6); }
  if constexpr (requires { t->item7; }) { ll_sb_append_cstr(sb, ", "); ll_repr_append(sb, t->item7); }
  static_assert(!requires { t->item8; }, "ll_repr_append: tuples of more than 8 items");
  ll_sb_append_char(sb, ')');
}

template <class T>
RStr* ll_repr(T v) {
  LLStrBuilder* sb = ll_sb_new(16);
  ll_repr_append(sb, v);
  return ll_sb_build(sb);
}

// --- joining the keys or values of a dict ------------------------------------
template <class K, class V, class Tr> struct RDictIter;
void ll_sb_append(LLStrBuilder* sb, RStr* s);
/// Appends a str or char item of a join.
inline void ll_sb_append_item(LLStrBuilder* sb, RStr* s) { ll_sb_append(sb, s); }
inline void ll_sb_append_item(LLStrBuilder* sb, char c) { ll_sb_append_char(sb, c); }

/// sep.join(d): the keys (str or char) in insertion order.
template <class K, class V, class Tr>
RStr* ll_str_join_dict(RStr* sep, RDict<K, V, Tr>* d) {
  LLStrBuilder* sb = ll_sb_new(16);
  bool first = true;
  for (int64_t i = 0; i < d->nentries; i++) {
    if (!d->entries[i].live) continue;
    if (!first) ll_sb_append(sb, sep);
    first = false;
    ll_sb_append_item(sb, d->entries[i].key);
  }
  return ll_sb_build(sb);
}

/// sep.join(it) of d.keys() (What 0) or d.values() (What 1): the entries the
/// iterator has not yet produced (all of them for a fresh one).
template <int What, class K, class V, class Tr>
RStr* ll_str_join_dict_iter(RStr* sep, RDictIter<K, V, Tr>* it) {
  LLStrBuilder* sb = ll_sb_new(16);
  auto* d = it->dict;
  bool first = true;
  for (; it->pos < d->nentries; it->pos++) {
    auto& e = d->entries[it->pos];
    if (!e.live) continue;
    if (!first) ll_sb_append(sb, sep);
    first = false;
    if constexpr (What == 0) ll_sb_append_item(sb, e.key);
    else ll_sb_append_item(sb, e.value);
  }
  return ll_sb_build(sb);
}

/// min()/max() of strs (bytewise) and of chars (unsigned bytes); the first
/// argument wins ties, as CPython.
inline RStr* ll_min_str(RStr* a, RStr* b) { return ll_str_cmp(b, a) < 0 ? b : a; }
inline RStr* ll_max_str(RStr* a, RStr* b) { return ll_str_cmp(b, a) > 0 ? b : a; }
inline char ll_min_char(char a, char b) {
  return static_cast<unsigned char>(b) < static_cast<unsigned char>(a) ? b : a;
}
inline char ll_max_char(char a, char b) {
  return static_cast<unsigned char>(b) > static_cast<unsigned char>(a) ? b : a;
}
/// min(s) / max(s) of a string: its smallest / largest byte (unsigned);
/// ValueError "min() arg is an empty sequence" for "".
char ll_str_min_item(RStr* s);
char ll_str_max_item(RStr* s);
