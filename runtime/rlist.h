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
#include <cstring>
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
