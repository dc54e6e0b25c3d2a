//===- rlist.h - RPy lists: resizable lists and fixed-size arrays ---------===//
// DESIGN §5: list -> Ptr(LIST{length, items: Ptr(GcArray)}); a list that is
// never resized is a bare GcArray (RArray<T>). Header-only templates: the
// C++ backend instantiates them with the item's low-level C++ type.
//
//   RList<T> --> RArray<T> { length = capacity | items[0..capacity) }
//                 live items are items[0..list->length); the rest are zero
//
// Growth over-allocates as CPython's list_resize ((n + n/8 + 6) & ~3), so append
// is amortised O(1). Arrays whose items hold no GC pointer
// (ll_is_gc_pointer<T> false) are allocated atomically and zeroed by hand.
// Slots past `length` are cleared on shrink so the GC does not keep dead
// items alive. Errors follow CPython's messages exactly (IndexError "list
// index out of range", ...). Helpers that raise return a zero T; the caller
// checks ll_exc_occurred(). Iteration is the caller's loop over indices
// (re-reading length each step, as CPython's list iterator does).
// Slices are step-1 only (RPy has no extended slices at run time).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <type_traits>
#include "llexc.h"
#include "llgc.h"

/// True when a T stored in an array may be a pointer the GC must trace.
/// Pointers are; arithmetic types and char are not. Generated code
/// specialises it for value structs (e.g. inline tuples) holding pointers.
template <class T>
struct ll_is_gc_pointer : std::bool_constant<!std::is_arithmetic_v<T> && !std::is_enum_v<T>> {};
template <class T>
inline constexpr bool ll_is_gc_pointer_v = ll_is_gc_pointer<T>::value;

template <class T>
struct RArray {
  int64_t length;
  T items[];
};

template <class T>
struct RList {
  int64_t length;
  RArray<T>* items;
};

/// Default equality for list.index/contains/remove and dict keys of
/// primitive types. Strings compare by value (specialised in rstr.cpp's
/// users through ll_str_eq); other pointers by identity.
struct RStr;
bool ll_str_eq(RStr* a, RStr* b);
template <class T>
struct LLEq {
  bool operator()(const T& a, const T& b) const {
    if constexpr (std::is_same_v<T, RStr*>) return ll_str_eq(a, b);
    else return a == b;
  }
};
/// Default ordering for list.sort(): `<`, strings bytewise.
int ll_str_cmp(RStr* a, RStr* b);
template <class T>
struct LLLess {
  bool operator()(const T& a, const T& b) const {
    if constexpr (std::is_same_v<T, RStr*>) return ll_str_cmp(a, b) < 0;
    else if constexpr (std::is_same_v<T, char>)  // one-byte strings: unsigned, as CPython
      return static_cast<unsigned char>(a) < static_cast<unsigned char>(b);
    else return a < b;
  }
};

// --- fixed-size arrays --------------------------------------------------------

/// A zero-filled array of `n` items (n >= 0).
template <class T>
RArray<T>* ll_array_new(int64_t n) {
  if (n < 0) n = 0;
  size_t bytes = sizeof(RArray<T>) + sizeof(T) * static_cast<size_t>(n);
  RArray<T>* a;
  if constexpr (ll_is_gc_pointer_v<T>) {
    a = static_cast<RArray<T>*>(ll_malloc(bytes));
  } else {
    a = static_cast<RArray<T>*>(ll_malloc_atomic(bytes));
    std::memset(static_cast<void*>(a), 0, bytes);
  }
  a->length = n;
  return a;
}

/// Python's index normalisation: i < 0 counts from the end. Returns false
/// (and raises IndexError `msg`) when out of range.
inline bool ll_normalize_index(int64_t& i, int64_t length, const char* msg) {
  if (i < 0) i += length;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(length)) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, msg);
    return false;
  }
  return true;
}

/// Python's slice clamping for step 1: fills [start, stop) within 0..length.
inline void ll_clamp_slice(int64_t& start, int64_t& stop, int64_t length) {
  if (start < 0) { start += length; if (start < 0) start = 0; }
  else if (start > length) start = length;
  if (stop < 0) { stop += length; if (stop < 0) stop = 0; }
  else if (stop > length) stop = length;
  if (stop < start) stop = start;
}

template <class T>
T ll_array_getitem(RArray<T>* a, int64_t i) {
  if (!ll_normalize_index(i, a->length, "list index out of range")) return T{};
  return a->items[i];
}

template <class T>
void ll_array_setitem(RArray<T>* a, int64_t i, std::type_identity_t<T> v) {
  if (!ll_normalize_index(i, a->length, "list index out of range")) return;
  a->items[i] = v;
}

/// a[start:stop] of a fixed list, as a new fixed list.
template <class T>
RArray<T>* ll_array_slice(RArray<T>* a, int64_t start, int64_t stop) {
  ll_clamp_slice(start, stop, a->length);
  RArray<T>* r = ll_array_new<T>(stop - start);
  for (int64_t i = start; i < stop; i++) r->items[i - start] = a->items[i];
  return r;
}

// --- resizable lists: storage ---------------------------------------------------

/// A list of `n` zero items (length n).
template <class T>
RList<T>* ll_list_new(int64_t n = 0) {
  auto* l = static_cast<RList<T>*>(ll_malloc(sizeof(RList<T>)));
  l->length = n;
  l->items = ll_array_new<T>(n);
  return l;
}

/// [v] * n
template <class T>
RList<T>* ll_list_new_filled(int64_t n, std::type_identity_t<T> v) {
  if (n < 0) n = 0;
  RList<T>* l = ll_list_new<T>(n);
  for (int64_t i = 0; i < n; i++) l->items->items[i] = v;
  return l;
}

/// Sets the length to `newLength`, reallocating with CPython's
/// over-allocation when the capacity is too small, or when the list shrinks
/// below half of it. New slots are zero; dropped slots are cleared.
template <class T>
void ll_list_resize(RList<T>* l, int64_t newLength) {
  int64_t cap = l->items->length;
  if (newLength <= cap && newLength >= (cap >> 1)) {
    int64_t dropped = l->length - newLength;
    if (dropped > 0)  // T{} is all-zero bits for every low-level type
      std::memset(static_cast<void*>(l->items->items + newLength), 0,
                  sizeof(T) * static_cast<size_t>(dropped));
    l->length = newLength;
    return;
  }
  // CPython 3.11 list_resize: 4, 8, 16, 24, 32, 40, 52, ...
  int64_t newCap = (newLength + (newLength >> 3) + 6) & ~int64_t{3};
  if (newLength - l->length > newCap - newLength) newCap = (newLength + 3) & ~int64_t{3};
  if (newLength == 0) newCap = 0;
  RArray<T>* a = ll_array_new<T>(newCap);
  int64_t keep = l->length < newLength ? l->length : newLength;
  std::memcpy(static_cast<void*>(a->items), l->items->items, sizeof(T) * keep);
  l->items = a;
  l->length = newLength;
}

// --- resizable lists: operations ------------------------------------------------

template <class T>
inline int64_t ll_list_len(RList<T>* l) { return l->length; }

template <class T>
void ll_list_append(RList<T>* l, std::type_identity_t<T> v) {
  int64_t n = l->length;
  if (n < l->items->length) { l->items->items[n] = v; l->length = n + 1; return; }
  ll_list_resize(l, n + 1);
  l->items->items[n] = v;
}

template <class T>
T ll_list_getitem(RList<T>* l, int64_t i) {
  if (!ll_normalize_index(i, l->length, "list index out of range")) return T{};
  return l->items->items[i];
}

template <class T>
void ll_list_setitem(RList<T>* l, int64_t i, std::type_identity_t<T> v) {
  if (!ll_normalize_index(i, l->length, "list index out of range")) return;
  l->items->items[i] = v;
}

/// del l[i]; IndexError "list assignment index out of range".
template <class T>
void ll_list_delitem(RList<T>* l, int64_t i) {
  if (!ll_normalize_index(i, l->length, "list assignment index out of range")) return;
  T* it = l->items->items;
  std::memmove(static_cast<void*>(it + i), it + i + 1, sizeof(T) * (l->length - i - 1));
  ll_list_resize(l, l->length - 1);
}

/// l.pop(): IndexError "pop from empty list".
template <class T>
T ll_list_pop(RList<T>* l) {
  if (l->length == 0) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "pop from empty list");
    return T{};
  }
  T v = l->items->items[l->length - 1];
  ll_list_resize(l, l->length - 1);
  return v;
}

/// l.pop(i): "pop from empty list" / "pop index out of range".
template <class T>
T ll_list_pop_index(RList<T>* l, int64_t i) {
  if (l->length == 0) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "pop from empty list");
    return T{};
  }
  if (!ll_normalize_index(i, l->length, "pop index out of range")) return T{};
  T v = l->items->items[i];
  T* it = l->items->items;
  std::memmove(static_cast<void*>(it + i), it + i + 1, sizeof(T) * (l->length - i - 1));
  ll_list_resize(l, l->length - 1);
  return v;
}

/// l.insert(i, v): i clamped to 0..len as CPython does (never raises).
template <class T>
void ll_list_insert(RList<T>* l, int64_t i, std::type_identity_t<T> v) {
  int64_t n = l->length;
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  ll_list_resize(l, n + 1);
  T* it = l->items->items;
  std::memmove(static_cast<void*>(it + i + 1), it + i, sizeof(T) * (n - i));
  it[i] = v;
}

/// l[start:stop] as a new list.
template <class T>
RList<T>* ll_list_getslice(RList<T>* l, int64_t start, int64_t stop) {
  ll_clamp_slice(start, stop, l->length);
  RList<T>* r = ll_list_new<T>(stop - start);
  std::memcpy(static_cast<void*>(r->items->items), l->items->items + start,
              sizeof(T) * (stop - start));
  return r;
}

/// Replaces items[start:stop] (already clamped) by `n` items from `src`
/// (src may alias the list's own storage: it is copied first).
template <class T>
void ll_list_splice(RList<T>* l, int64_t start, int64_t stop, const T* src, int64_t n) {
  RArray<T>* tmp = ll_array_new<T>(n);
  if (n > 0) std::memcpy(static_cast<void*>(tmp->items), src, sizeof(T) * n);
  int64_t oldLen = l->length, tail = oldLen - stop;
  int64_t newLen = oldLen - (stop - start) + n;
  if (newLen > oldLen) ll_list_resize(l, newLen);
  T* it = l->items->items;
  std::memmove(static_cast<void*>(it + start + n), it + stop, sizeof(T) * tail);
  std::memcpy(static_cast<void*>(it + start), tmp->items, sizeof(T) * n);
  if (newLen < oldLen) ll_list_resize(l, newLen);
}

/// l[start:stop] = other
template <class T>
void ll_list_setslice(RList<T>* l, int64_t start, int64_t stop, RList<T>* other) {
  ll_clamp_slice(start, stop, l->length);
  ll_list_splice(l, start, stop, other->items->items, other->length);
}

/// del l[start:stop]
template <class T>
void ll_list_delslice(RList<T>* l, int64_t start, int64_t stop) {
  ll_clamp_slice(start, stop, l->length);
  ll_list_splice<T>(l, start, stop, nullptr, 0);
}

/// l.extend(other) / l += other (other may be l itself).
template <class T>
void ll_list_extend(RList<T>* l, RList<T>* other) {
  int64_t n = l->length, m = other->length;
  RArray<T>* src = other->items;  // read before a resize of l == other
  ll_list_resize(l, n + m);
  std::memmove(static_cast<void*>(l->items->items + n), src->items, sizeof(T) * m);
}

/// a + b as a new list.
template <class T>
RList<T>* ll_list_concat(RList<T>* a, RList<T>* b) {
  RList<T>* r = ll_list_new<T>(a->length + b->length);
  std::memcpy(static_cast<void*>(r->items->items), a->items->items, sizeof(T) * a->length);
  std::memcpy(static_cast<void*>(r->items->items + a->length), b->items->items,
              sizeof(T) * b->length);
  return r;
}

/// l * n as a new list (n <= 0 gives []).
template <class T>
RList<T>* ll_list_mul(RList<T>* l, int64_t n) {
  if (n < 0) n = 0;
  int64_t m = l->length;
  RList<T>* r = ll_list_new<T>(m * n);
  for (int64_t k = 0; k < n; k++)
    std::memcpy(static_cast<void*>(r->items->items + k * m), l->items->items, sizeof(T) * m);
  return r;
}

/// list(l) / l[:] — a shallow copy.
template <class T>
RList<T>* ll_list_copy(RList<T>* l) { return ll_list_getslice(l, 0, l->length); }

/// A resizable copy of a fixed list (list(array)).
template <class T>
RList<T>* ll_list_from_array(RArray<T>* a) {
  RList<T>* r = ll_list_new<T>(a->length);
  std::memcpy(static_cast<void*>(r->items->items), a->items, sizeof(T) * a->length);
  return r;
}

/// Position of the first item equal to v, or -1.
template <class T, class Eq = LLEq<T>>
int64_t ll_list_find(RList<T>* l, std::type_identity_t<T> v, Eq eq = Eq()) {
  for (int64_t i = 0; i < l->length; i++)
    if (eq(l->items->items[i], v)) return i;
  return -1;
}

template <class T, class Eq = LLEq<T>>
bool ll_list_contains(RList<T>* l, std::type_identity_t<T> v, Eq eq = Eq()) {
  return ll_list_find(l, v, eq) >= 0;
}

/// l.index(v): ValueError "x not in list" when absent (CPython 3.11 prints
/// "<repr> is not in list"; the RTyper may build that message itself and
/// use ll_list_find instead).
template <class T, class Eq = LLEq<T>>
int64_t ll_list_index(RList<T>* l, std::type_identity_t<T> v, Eq eq = Eq()) {
  int64_t i = ll_list_find(l, v, eq);
  if (i < 0) ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "x not in list");
  return i;
}

/// l.remove(v): ValueError "list.remove(x): x not in list".
template <class T, class Eq = LLEq<T>>
void ll_list_remove(RList<T>* l, std::type_identity_t<T> v, Eq eq = Eq()) {
  int64_t i = ll_list_find(l, v, eq);
  if (i < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "list.remove(x): x not in list"); return; }
  ll_list_delitem(l, i);
}

template <class T, class Eq = LLEq<T>>
int64_t ll_list_count(RList<T>* l, std::type_identity_t<T> v, Eq eq = Eq()) {
  int64_t n = 0;
  for (int64_t i = 0; i < l->length; i++) n += eq(l->items->items[i], v);
  return n;
}

template <class T>
void ll_list_reverse(RList<T>* l) {
  T* it = l->items->items;
  for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
    T t = it[i]; it[i] = it[j]; it[j] = t;
  }
}

template <class T>
void ll_list_clear(RList<T>* l) { ll_list_resize(l, 0); }

/// Stable merge sort of items[0..n) by `lt`. The scratch buffer is a GC array
/// (std::stable_sort's buffer would come from operator new, unscanned).
template <class T, class Less>
void ll_sort_items(T* items, int64_t n, Less lt) {
  if (n < 2) return;
  for (int64_t i = 1; i < n; i++) {            // insertion-sort runs of 16
    if (i % 16 == 0) continue;
    T v = items[i];
    int64_t j = i;
    for (; j % 16 != 0 && lt(v, items[j - 1]); j--) items[j] = items[j - 1];
    items[j] = v;
  }
  if (n <= 16) return;
  RArray<T>* buf = ll_array_new<T>(n);
  T* src = items;
  T* dst = buf->items;
  for (int64_t w = 16; w < n; w *= 2) {         // bottom-up merges
    for (int64_t lo = 0; lo < n; lo += 2 * w) {
      int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      int64_t a = lo, b = mid, k = lo;
      while (a < mid && b < hi) dst[k++] = lt(src[b], src[a]) ? src[b++] : src[a++];
      while (a < mid) dst[k++] = src[a++];
      while (b < hi) dst[k++] = src[b++];
    }
    T* t = src; src = dst; dst = t;
  }
  if (src != items) std::memcpy(static_cast<void*>(items), src, sizeof(T) * n);
}

/// l.sort() (stable), ordered by `lt` (default `<`, strings bytewise).
template <class T, class Less = LLLess<T>>
void ll_list_sort(RList<T>* l, Less lt = Less()) {
  ll_sort_items(l->items->items, l->length, lt);
}

// =============================================================================
// Sequences of either representation (rtyper/rlist.cpp). A list operation's
// operands and result may each be a resizable list (RList<T>) or a fixed one
// (RArray<T>), chosen per ListDef; these helpers take either through the
// ll_seq_len / ll_seq_items views and build the result container C (an
// RList<T> or RArray<T>, named as the first template argument). Items are
// converted to the result's item type with ll_item_convert (the same type:
// a copy; char -> str: boxed; numbers and instance pointers: a C cast).
// Errors are CPython 3.11's.
// =============================================================================

struct RStr;
RStr* ll_char_to_str(char c);
RStr* ll_str_from_cstr(const char* p);
RStr* ll_str_concat(RStr* a, RStr* b);
RStr* ll_str_repr(RStr* s);
RStr* ll_char_repr(char c);
RStr* ll_int_to_str(int64_t x);
RStr* ll_uint_to_str(uint64_t x);
RStr* ll_bool_to_str(bool b);
RStr* ll_float_repr(double x);

template <class T> inline int64_t ll_seq_len(RList<T>* l) { return l->length; }
template <class T> inline int64_t ll_seq_len(RArray<T>* a) { return a->length; }
template <class T> inline T* ll_seq_items(RList<T>* l) { return l->items->items; }
template <class T> inline T* ll_seq_items(RArray<T>* a) { return a->items; }

/// What a result container C is: its item type and how to make one of n
/// zero items.
template <class C> struct ll_seq_of;
template <class T> struct ll_seq_of<RList<T>> {
  using item = T;
  static RList<T>* make(int64_t n) { return ll_list_new<T>(n < 0 ? 0 : n); }
};
template <class T> struct ll_seq_of<RArray<T>> {
  using item = T;
  static RArray<T>* make(int64_t n) { return ll_array_new<T>(n); }
};

/// An item as item type R.
template <class R, class T>
inline R ll_item_convert(T x) {
  if constexpr (std::is_same_v<R, T>) return x;
  else if constexpr (std::is_same_v<R, RStr*> && std::is_same_v<T, char>) return ll_char_to_str(x);
  else return (R)x;
}

/// A new container C of `n` zero items.
template <class C>
C* ll_seq_new(int64_t n) { return ll_seq_of<C>::make(n); }

/// list(src), src[:] — a copy as container C.
template <class C, class S>
C* ll_seq_copy(S* src) {
  using R = typename ll_seq_of<C>::item;
  int64_t n = ll_seq_len(src);
  C* r = ll_seq_of<C>::make(n);
  auto* s = ll_seq_items(src);
  R* d = ll_seq_items(r);
  for (int64_t i = 0; i < n; i++) d[i] = ll_item_convert<R>(s[i]);
  return r;
}

/// src[start:stop] (Python's clamping) as container C.
template <class C, class S>
C* ll_seq_slice(S* src, int64_t start, int64_t stop) {
  using R = typename ll_seq_of<C>::item;
  ll_clamp_slice(start, stop, ll_seq_len(src));
  C* r = ll_seq_of<C>::make(stop - start);
  auto* s = ll_seq_items(src);
  R* d = ll_seq_items(r);
  for (int64_t i = start; i < stop; i++) d[i - start] = ll_item_convert<R>(s[i]);
  return r;
}

/// CPython's PySlice_AdjustIndices for any step: fills start/stop and
/// returns the slice length. hasStart/hasStop false = the bound was omitted.
/// step != 0 (checked by the caller).
inline int64_t ll_slice_adjust(int64_t length, int64_t& start, int64_t& stop, int64_t step,
                               bool hasStart, bool hasStop) {
  if (!hasStart) start = step < 0 ? length - 1 : 0;
  else if (start < 0) { start += length; if (start < 0) start = step < 0 ? -1 : 0; }
  else if (start >= length) start = step < 0 ? length - 1 : length;
  if (!hasStop) stop = step < 0 ? -1 : length;
  else if (stop < 0) { stop += length; if (stop < 0) stop = step < 0 ? -1 : 0; }
  else if (stop >= length) stop = step < 0 ? length - 1 : length;
  if (step < 0) {
    if (stop < start) return (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    return (stop - start - 1) / step + 1;
  }
  return 0;
}

inline bool ll_slice_check_step(int64_t step) {
  if (step == 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "slice step cannot be zero"); return false; }
  return true;
}

/// src[start:stop:step] (any step; ValueError for 0) as container C.
template <class C, class S>
C* ll_seq_slice_step(S* src, int64_t start, int64_t stop, int64_t step, bool hasStart,
                     bool hasStop) {
  using R = typename ll_seq_of<C>::item;
  if (!ll_slice_check_step(step)) return nullptr;
  int64_t n = ll_slice_adjust(ll_seq_len(src), start, stop, step, hasStart, hasStop);
  C* r = ll_seq_of<C>::make(n);
  auto* s = ll_seq_items(src);
  R* d = ll_seq_items(r);
  for (int64_t i = 0, j = start; i < n; i++, j += step) d[i] = ll_item_convert<R>(s[j]);
  return r;
}

/// a + b as container C.
template <class C, class A, class B>
C* ll_seq_concat(A* a, B* b) {
  using R = typename ll_seq_of<C>::item;
  int64_t n = ll_seq_len(a), m = ll_seq_len(b);
  C* r = ll_seq_of<C>::make(n + m);
  R* d = ll_seq_items(r);
  auto* x = ll_seq_items(a);
  auto* y = ll_seq_items(b);
  for (int64_t i = 0; i < n; i++) d[i] = ll_item_convert<R>(x[i]);
  for (int64_t i = 0; i < m; i++) d[n + i] = ll_item_convert<R>(y[i]);
  return r;
}

/// s * n (and n * s) as container C; n <= 0 gives an empty one.
template <class C, class S>
C* ll_seq_mul(S* src, int64_t n) {
  using R = typename ll_seq_of<C>::item;
  if (n < 0) n = 0;
  int64_t m = ll_seq_len(src);
  C* r = ll_seq_of<C>::make(m * n);
  R* d = ll_seq_items(r);
  auto* s = ll_seq_items(src);
  if (m == 1) {
    R v = ll_item_convert<R>(s[0]);
    for (int64_t k = 0; k < n; k++) d[k] = v;
  } else {
    for (int64_t k = 0; k < n; k++)
      for (int64_t i = 0; i < m; i++) d[k * m + i] = ll_item_convert<R>(s[i]);
  }
  return r;
}

/// l *= n (in place; n <= 0 empties the list).
template <class T>
void ll_list_inplace_mul(RList<T>* l, int64_t n) {
  int64_t m = l->length;
  if (n <= 0 || m == 0) { ll_list_resize(l, 0); return; }
  ll_list_resize(l, m * n);
  T* it = l->items->items;
  for (int64_t k = 1; k < n; k++)
    std::memcpy(static_cast<void*>(it + k * m), it, sizeof(T) * m);
}

/// l.extend(src) / l += src for a source of either kind (src may be l).
template <class T, class S>
void ll_seq_extend(RList<T>* l, S* src) {
  int64_t n = l->length, m = ll_seq_len(src);
  if (m == 0) return;
  auto* s = ll_seq_items(src);  // read before a resize of l == src
  ll_list_resize(l, n + m);
  T* d = l->items->items;
  for (int64_t i = 0; i < m; i++) d[n + i] = ll_item_convert<T>(s[i]);
}

/// l[i] = v for either kind: IndexError "list assignment index out of range".
template <class T>
void ll_seq_setitem(RList<T>* l, int64_t i, std::type_identity_t<T> v) {
  if (!ll_normalize_index(i, l->length, "list assignment index out of range")) return;
  l->items->items[i] = v;
}
template <class T>
void ll_seq_setitem(RArray<T>* a, int64_t i, std::type_identity_t<T> v) {
  if (!ll_normalize_index(i, a->length, "list assignment index out of range")) return;
  a->items[i] = v;
}

/// l[i] of either kind, converted to R (IndexError "list index out of range").
template <class R, class S>
R ll_seq_getitem_as(S* s, int64_t i) {
  if (!ll_normalize_index(i, ll_seq_len(s), "list index out of range")) return R{};
  return ll_item_convert<R>(ll_seq_items(s)[i]);
}

/// Bounds check of a non-negative index (the RTyper then reads the item
/// inline): IndexError `msg` when i >= length.
/// Checks (ExternalFunc::raisesByResult): true exactly when they raised.
inline bool ll_check_index_nonneg(int64_t i, int64_t length) {
  if (__builtin_expect(static_cast<uint64_t>(i) >= static_cast<uint64_t>(length), 0)) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "list index out of range");
    return true;
  }
  return false;
}
inline bool ll_check_setindex_nonneg(int64_t i, int64_t length) {
  if (__builtin_expect(static_cast<uint64_t>(i) >= static_cast<uint64_t>(length), 0)) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "list assignment index out of range");
    return true;
  }
  return false;
}

/// l.pop() / l.pop(i) converted to R (the errors of ll_list_pop*).
template <class R, class T>
R ll_list_pop_as(RList<T>* l) {
  T v = ll_list_pop(l);
  return ll_exc_occurred() ? R{} : ll_item_convert<R>(v);
}
template <class R, class T>
R ll_list_pop_index_as(RList<T>* l, int64_t i) {
  T v = ll_list_pop_index(l, i);
  return ll_exc_occurred() ? R{} : ll_item_convert<R>(v);
}

// --- equality, search, order ------------------------------------------------------

/// Item equality through a key-traits class (generated tuple traits).
template <class Tr>
struct LLTraitsEq {
  template <class T>
  bool operator()(const T& a, const T& b) const { return Tr::eq(a, b); }
};
/// repr() through a key-traits class.
template <class Tr>
struct LLTraitsRepr {
  template <class T>
  RStr* operator()(const T& a) const { return Tr::repr(a); }
};

/// Item equality of lists whose items are lists: by value, items by ItemEq.
template <class ItemEq>
struct LLSeqEqOf;

/// a == b for lists of either kind, items compared by `eq`; None (null)
/// equals only None.
template <class A, class B, class Eq>
bool ll_seq_eq(A* a, B* b, Eq eq) {
  if (!a || !b) return !a && !b;
  if ((void*)a == (void*)b) return true;
  int64_t n = ll_seq_len(a);
  if (n != ll_seq_len(b)) return false;
  auto* x = ll_seq_items(a);
  auto* y = ll_seq_items(b);
  for (int64_t i = 0; i < n; i++)
    if (!eq(x[i], y[i])) return false;
  return true;
}

template <class ItemEq>
struct LLSeqEqOf {
  template <class A, class B>
  bool operator()(A* a, B* b) const { return ll_seq_eq(a, b, ItemEq()); }
};

/// The item type of a sequence S (RList<T> or RArray<T>).
template <class S>
using ll_seq_item_t = std::remove_pointer_t<decltype(ll_seq_items(static_cast<S*>(nullptr)))>;

/// Searches take the item equality as their first template argument (the
/// RTyper names it: LLEq<T>, LLTraitsEq<tuple traits>, LLSeqEqOf<...>);
/// the value is converted to the item type.
/// Position of the first item equal to v, or -1.
template <class Eq, class S>
int64_t ll_seq_find_by(S* s, std::type_identity_t<ll_seq_item_t<S>> v) {
  Eq eq;
  int64_t n = ll_seq_len(s);
  auto* it = ll_seq_items(s);
  for (int64_t i = 0; i < n; i++)
    if (eq(it[i], v)) return i;
  return -1;
}

/// v in s
template <class Eq, class S>
bool ll_seq_contains_by(S* s, std::type_identity_t<ll_seq_item_t<S>> v) {
  return ll_seq_find_by<Eq>(s, v) >= 0;
}

/// s.count(v)
template <class Eq, class S>
int64_t ll_seq_count_by(S* s, std::type_identity_t<ll_seq_item_t<S>> v) {
  Eq eq;
  int64_t n = ll_seq_len(s), c = 0;
  auto* it = ll_seq_items(s);
  for (int64_t i = 0; i < n; i++) c += eq(it[i], v) ? 1 : 0;
  return c;
}

/// repr() of an item for error messages (CPython's text for numbers, bools,
/// chars and strings; other items print "<object>": CPython's text has an
/// address).
template <class T>
struct LLItemRepr {
  RStr* operator()(const T& x) const {
    if constexpr (std::is_same_v<T, bool>) return ll_bool_to_str(x);
    else if constexpr (std::is_same_v<T, char>) return ll_char_repr(x);
    else if constexpr (std::is_same_v<T, int64_t>) return ll_int_to_str(x);
    else if constexpr (std::is_same_v<T, uint64_t>) return ll_uint_to_str(x);
    else if constexpr (std::is_same_v<T, double>) return ll_float_repr(x);
    else if constexpr (std::is_same_v<T, RStr*>) return ll_str_repr(x);
    else return ll_str_from_cstr("<object>");
  }
};

/// s.index(v): ValueError "<repr(v)> is not in list" (CPython 3.11).
template <class Eq, class Repr, class S>
int64_t ll_seq_index_by(S* s, std::type_identity_t<ll_seq_item_t<S>> v) {
  int64_t i = ll_seq_find_by<Eq>(s, v);
  if (i < 0)
    ll_raise_builtin(LL_EXC_VALUE_ERROR, ll_str_concat(Repr()(v), ll_str_from_cstr(" is not in list")));
  return i;
}

/// l.remove(v): ValueError "list.remove(x): x not in list".
template <class Eq, class T>
void ll_seq_remove_by(RList<T>* l, std::type_identity_t<T> v) {
  int64_t i = ll_seq_find_by<Eq>(l, v);
  if (i < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "list.remove(x): x not in list"); return; }
  ll_list_delitem(l, i);
}

/// a == b, items compared by Eq.
template <class Eq, class A, class B>
bool ll_seq_eq_by(A* a, B* b) { return ll_seq_eq(a, b, Eq()); }

/// l.reverse() of either kind.
template <class S>
void ll_seq_reverse(S* s) {
  auto* it = ll_seq_items(s);
  for (int64_t i = 0, j = ll_seq_len(s) - 1; i < j; i++, j--) {
    auto t = it[i]; it[i] = it[j]; it[j] = t;
  }
}

/// Ordering of list.sort(): numbers by `<`, chars as unsigned bytes (as
/// CPython orders one-character strings), strings bytewise.
template <class T>
struct LLItemLess {
  bool operator()(const T& a, const T& b) const {
    if constexpr (std::is_same_v<T, char>)
      return static_cast<unsigned char>(a) < static_cast<unsigned char>(b);
    else if constexpr (std::is_same_v<T, RStr*>) return ll_str_cmp(a, b) < 0;
    else return a < b;
  }
};

/// l.sort() of either kind (stable), ordered by Less.
template <class Less, class S>
void ll_seq_sort_by(S* s) { ll_sort_items(ll_seq_items(s), ll_seq_len(s), Less()); }

// --- slices of resizable lists with a step -------------------------------------------

/// l[start:stop] = src for a source of either kind (src may be l).
template <class T, class S>
void ll_seq_setslice(RList<T>* l, int64_t start, int64_t stop, S* src) {
  ll_clamp_slice(start, stop, l->length);
  int64_t n = ll_seq_len(src);
  RArray<T>* tmp = ll_array_new<T>(n);
  auto* s = ll_seq_items(src);
  for (int64_t i = 0; i < n; i++) tmp->items[i] = ll_item_convert<T>(s[i]);
  ll_list_splice(l, start, stop, tmp->items, n);
}

/// l[start:stop:step] = src. Step 1 (or omitted) is a plain slice
/// assignment; other steps need len(src) == the slice's length (ValueError
/// "attempt to assign sequence of size N to extended slice of size M").
template <class T, class S>
void ll_seq_setslice_step(RList<T>* l, int64_t start, int64_t stop, int64_t step, bool hasStart,
                          bool hasStop, S* src) {
  if (!ll_slice_check_step(step)) return;
  if (step == 1) {
    if (!hasStart) start = 0;
    if (!hasStop) stop = INT64_MAX;
    ll_seq_setslice(l, start, stop, src);
    return;
  }
  int64_t k = ll_slice_adjust(l->length, start, stop, step, hasStart, hasStop);
  int64_t n = ll_seq_len(src);
  if (n != k) {
    char buf[128];
    std::snprintf(buf, sizeof buf,
                  "attempt to assign sequence of size %lld to extended slice of size %lld",
                  static_cast<long long>(n), static_cast<long long>(k));
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, buf);
    return;
  }
  RArray<T>* tmp = ll_array_new<T>(n);
  auto* s = ll_seq_items(src);
  for (int64_t i = 0; i < n; i++) tmp->items[i] = ll_item_convert<T>(s[i]);
  T* it = l->items->items;
  for (int64_t i = 0, j = start; i < n; i++, j += step) it[j] = tmp->items[i];
}

/// del l[start:stop:step] (any step; ValueError for 0).
template <class T>
void ll_list_delslice_step(RList<T>* l, int64_t start, int64_t stop, int64_t step, bool hasStart,
                           bool hasStop) {
  if (!ll_slice_check_step(step)) return;
  int64_t k = ll_slice_adjust(l->length, start, stop, step, hasStart, hasStop);
  if (k == 0) return;
  if (step < 0) {  // the same items, visited upwards
    start = start + (k - 1) * step;
    step = -step;
  }
  T* it = l->items->items;
  int64_t w = start, next = start, removed = 0;
  for (int64_t r = start; r < l->length; r++) {
    if (removed < k && r == next) { removed++; next += step; continue; }
    it[w++] = it[r];
  }
  ll_list_resize(l, l->length - k);
}

// --- ranges, strings and dicts as lists -------------------------------------------------

/// r[i] of range(start, stop, step): IndexError "range object index out of range".
inline int64_t ll_range_getitem(int64_t start, int64_t stop, int64_t step, int64_t i) {
  int64_t n;
  if (step > 0) n = start < stop ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
  else n = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1) : 0;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    ll_raise_builtin_c(LL_EXC_INDEX_ERROR, "range object index out of range");
    return 0;
  }
  return (int64_t)((uint64_t)start + (uint64_t)i * (uint64_t)step);
}

/// x in range(start, stop, step).
inline bool ll_range_contains(int64_t start, int64_t stop, int64_t step, int64_t x) {
  if (step > 0) {
    if (x < start || x >= stop) return false;
    return ((uint64_t)x - (uint64_t)start) % (uint64_t)step == 0;
  }
  if (x > start || x <= stop) return false;
  return ((uint64_t)start - (uint64_t)x) % (0 - (uint64_t)step) == 0;
}

/// list(range(start, stop, step)) as container C.
template <class C>
C* ll_range_to_seq(int64_t start, int64_t stop, int64_t step) {
  using R = typename ll_seq_of<C>::item;
  int64_t n;
  if (step > 0) n = start < stop ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
  else n = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1) : 0;
  C* r = ll_seq_of<C>::make(n);
  R* d = ll_seq_items(r);
  int64_t v = start;
  for (int64_t i = 0; i < n; i++, v = (int64_t)((uint64_t)v + (uint64_t)step)) d[i] = ll_item_convert<R>(v);
  return r;
}

/// list(s) of a string: its chars (items char, or one-character strings).
template <class C, class S>
C* ll_str_to_seq(S* s) {  // S = RStr (a template so RStr may stay incomplete here)
  using R = typename ll_seq_of<C>::item;
  int64_t n = s->length;
  C* r = ll_seq_of<C>::make(n);
  R* d = ll_seq_items(r);
  for (int64_t i = 0; i < n; i++) d[i] = ll_item_convert<R>(s->chars[i]);
  return r;
}

/// l.extend(s) of a string: its chars.
template <class T, class S>
void ll_list_extend_str(RList<T>* l, S* s) {
  int64_t n = l->length, m = s->length;
  if (m == 0) return;
  ll_list_resize(l, n + m);
  T* d = l->items->items;
  for (int64_t i = 0; i < m; i++) d[n + i] = ll_item_convert<T>(s->chars[i]);
}

/// list(d) / list(d.keys()), list(d.values()) of a dict (rdict.h's RDict,
/// any traits) as container C.
template <class C, class D>
C* ll_dict_keys_to_seq(D* d) {
  using R = typename ll_seq_of<C>::item;
  C* r = ll_seq_of<C>::make(d->length);
  R* out = ll_seq_items(r);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++)
    if (d->entries[k].live) out[j++] = ll_item_convert<R>(d->entries[k].key);
  return r;
}
template <class C, class D>
C* ll_dict_values_to_seq(D* d) {
  using R = typename ll_seq_of<C>::item;
  C* r = ll_seq_of<C>::make(d->length);
  R* out = ll_seq_items(r);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++)
    if (d->entries[k].live) out[j++] = ll_item_convert<R>(d->entries[k].value);
  return r;
}
/// list(d.items()) as container C whose items are pointers to generated
/// two-field tuple structs {item0, item1}.
template <class C, class D>
C* ll_dict_items_to_seq(D* d) {
  using P = typename ll_seq_of<C>::item;
  using S = std::remove_pointer_t<P>;
  C* r = ll_seq_of<C>::make(d->length);
  P* out = ll_seq_items(r);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++) {
    if (!d->entries[k].live) continue;
    P t = static_cast<P>(ll_malloc(sizeof(S)));
    t->item0 = ll_item_convert<decltype(t->item0)>(d->entries[k].key);
    t->item1 = ll_item_convert<decltype(t->item1)>(d->entries[k].value);
    out[j++] = t;
  }
  return r;
}

/// list(d.keys()), list(d.values()), list(d.items()) from a fresh dict view
/// iterator (rdict.h's RDictIter: its `dict`).
template <class C, class It>
C* ll_dictiter_keys_to_seq(It* it) { return ll_dict_keys_to_seq<C>(it->dict); }
template <class C, class It>
C* ll_dictiter_values_to_seq(It* it) { return ll_dict_values_to_seq<C>(it->dict); }
template <class C, class It>
C* ll_dictiter_items_to_seq(It* it) { return ll_dict_items_to_seq<C>(it->dict); }

// --- item orderings of any shape ---------------------------------------------------
// The RTyper describes the items of a list by an "ord" class with static
// eq(a, b), lt(a, b) and repr(a), built from the item annotation:
//   LLItemOrd<T>          numbers, bools, chars (unsigned order), strings
//                         (by value, None-aware eq), instances (identity)
//   LLTupleOrd<O0, O1..>  generated tuple structs {item0, item1, ...} (one O
//                         per item; LLNoneOrd for an item always None, which
//                         has no field), compared as CPython compares
//                         tuples: the first unequal items decide
//   LLSeqOrd<O>           lists (either kind) of O items, by value
// and adapts it with LLOrdEq<O> / LLOrdLess<O> / LLOrdRepr<O> for the
// *_by helpers above.

template <class T>
struct LLItemOrd {
  static bool eq(const T& a, const T& b) { return LLEq<T>()(a, b); }
  static bool lt(const T& a, const T& b) { return LLItemLess<T>()(a, b); }
  static RStr* repr(const T& a) { return LLItemRepr<T>()(a); }
};

/// The fields of an aggregate struct with N fields, as a tuple of references.
template <size_t N, class S>
auto ll_struct_fields(S& s) {
  if constexpr (N == 0) return std::tuple<>();
  else if constexpr (N == 1) { auto& [a] = s; return std::tie(a); }
  else if constexpr (N == 2) { auto& [a, b] = s; return std::tie(a, b); }
  else if constexpr (N == 3) { auto& [a, b, c] = s; return std::tie(a, b, c); }
  else if constexpr (N == 4) { auto& [a, b, c, d] = s; return std::tie(a, b, c, d); }
  else if constexpr (N == 5) { auto& [a, b, c, d, e] = s; return std::tie(a, b, c, d, e); }
  else if constexpr (N == 6) { auto& [a, b, c, d, e, f] = s; return std::tie(a, b, c, d, e, f); }
  else if constexpr (N == 7) { auto& [a, b, c, d, e, f, g] = s; return std::tie(a, b, c, d, e, f, g); }
  else if constexpr (N == 8) { auto& [a, b, c, d, e, f, g, h] = s; return std::tie(a, b, c, d, e, f, g, h); }
  else if constexpr (N == 9) { auto& [a, b, c, d, e, f, g, h, i] = s; return std::tie(a, b, c, d, e, f, g, h, i); }
  else if constexpr (N == 10) { auto& [a, b, c, d, e, f, g, h, i, j] = s; return std::tie(a, b, c, d, e, f, g, h, i, j); }
  else if constexpr (N == 11) { auto& [a, b, c, d, e, f, g, h, i, j, k] = s; return std::tie(a, b, c, d, e, f, g, h, i, j, k); }
  else { static_assert(N == 12, "tuples of up to 12 stored items"); auto& [a, b, c, d, e, f, g, h, i, j, k, l] = s; return std::tie(a, b, c, d, e, f, g, h, i, j, k, l); }
}

/// An item of a tuple that is always None: it has no field in the struct.
struct LLNoneOrd {};

template <class... Os>
struct LLTupleOrd {
  /// Stored fields: the items that are not LLNoneOrd.
  static constexpr size_t N = (0 + ... + (std::is_same_v<Os, LLNoneOrd> ? 0 : 1));
  template <class P>
  static bool eq(P a, P b) {
    if (!a || !b) return a == b;
    auto x = ll_struct_fields<N>(*a);
    auto y = ll_struct_fields<N>(*b);
    return eqFrom<0, Os...>(x, y);
  }
  template <class P>
  static bool lt(P a, P b) {
    auto x = ll_struct_fields<N>(*a);
    auto y = ll_struct_fields<N>(*b);
    return ltFrom<0, Os...>(x, y);
  }
  template <class P>
  static RStr* repr(P a) {
    RStr* r = ll_str_from_cstr("(");
    auto x = ll_struct_fields<N>(*a);
    reprFrom<0, 0, Os...>(x, r);
    return ll_str_concat(r, ll_str_from_cstr(sizeof...(Os) == 1 ? ",)" : ")"));
  }

 private:
  // F: the next stored field; Os: the items still to visit.
  template <size_t F, class... Rest, class X>
  static bool eqFrom(const X& x, const X& y) {
    if constexpr (sizeof...(Rest) == 0) {
      return true;
    } else {
      return eqStep<F, Rest...>(x, y);
    }
  }
  template <size_t F, class O, class... Rest, class X>
  static bool eqStep(const X& x, const X& y) {
    if constexpr (std::is_same_v<O, LLNoneOrd>) return eqFrom<F, Rest...>(x, y);
    else return O::eq(std::get<F>(x), std::get<F>(y)) && eqFrom<F + 1, Rest...>(x, y);
  }
  template <size_t F, class... Rest, class X>
  static bool ltFrom(const X& x, const X& y) {
    if constexpr (sizeof...(Rest) == 0) {
      return false;  // equal and as long: not less
    } else {
      return ltStep<F, Rest...>(x, y);
    }
  }
  template <size_t F, class O, class... Rest, class X>
  static bool ltStep(const X& x, const X& y) {
    if constexpr (std::is_same_v<O, LLNoneOrd>) {
      return ltFrom<F, Rest...>(x, y);  // None == None
    } else {
      if (!O::eq(std::get<F>(x), std::get<F>(y))) return O::lt(std::get<F>(x), std::get<F>(y));
      return ltFrom<F + 1, Rest...>(x, y);
    }
  }
  template <size_t I, size_t F, class... Rest, class X>
  static void reprFrom(const X& x, RStr*& r) {
    if constexpr (sizeof...(Rest) > 0) reprStep<I, F, Rest...>(x, r);
  }
  template <size_t I, size_t F, class O, class... Rest, class X>
  static void reprStep(const X& x, RStr*& r) {
    if (I) r = ll_str_concat(r, ll_str_from_cstr(", "));
    if constexpr (std::is_same_v<O, LLNoneOrd>) {
      r = ll_str_concat(r, ll_str_from_cstr("None"));
      reprFrom<I + 1, F, Rest...>(x, r);
    } else {
      r = ll_str_concat(r, O::repr(std::get<F>(x)));
      reprFrom<I + 1, F + 1, Rest...>(x, r);
    }
  }
};

template <class O>
struct LLSeqOrd {
  template <class A, class B>
  static bool eq(A* a, B* b) {
    return ll_seq_eq(a, b, [](const auto& x, const auto& y) { return O::eq(x, y); });
  }
  template <class A, class B>
  static bool lt(A* a, B* b) {
    int64_t n = ll_seq_len(a), m = ll_seq_len(b);
    auto* x = ll_seq_items(a);
    auto* y = ll_seq_items(b);
    for (int64_t i = 0; i < n && i < m; i++)
      if (!O::eq(x[i], y[i])) return O::lt(x[i], y[i]);
    return n < m;
  }
  template <class A>
  static RStr* repr(A* a) {
    if (!a) return ll_str_from_cstr("None");
    RStr* r = ll_str_from_cstr("[");
    for (int64_t i = 0; i < ll_seq_len(a); i++) {
      if (i) r = ll_str_concat(r, ll_str_from_cstr(", "));
      r = ll_str_concat(r, O::repr(ll_seq_items(a)[i]));
    }
    return ll_str_concat(r, ll_str_from_cstr("]"));
  }
};

template <class O>
struct LLOrdEq {
  template <class A, class B>
  bool operator()(const A& a, const B& b) const { return O::eq(a, b); }
};
template <class O>
struct LLOrdLess {
  template <class A, class B>
  bool operator()(const A& a, const B& b) const { return O::lt(a, b); }
};
template <class O>
struct LLOrdRepr {
  template <class A>
  RStr* operator()(const A& a) const { return O::repr(a); }
};
