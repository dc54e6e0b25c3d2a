//===- llsupport.h - Small helpers the RTyper's lowering calls ------------===//
// Inline helpers named by low-level graphs (runtime/README.md): truth values
// of containers, ranges, min/max, unsigned arithmetic with Python's errors,
// isinstance on possibly-None instances, dict iteration as a heap object,
// and the key helpers generated tuple-key traits use.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include "llexc.h"
#include "llgc.h"
#include "numbers.h"
#include "rdict.h"
#include "rlist.h"
#include "rstr.h"

/// Internal invariant broken in generated code: message and abort.
[[noreturn]] void ll_fatal_internal(const char* what);

// --- truth values -------------------------------------------------------------
inline bool ll_str_is_true(RStr* s) { return s != nullptr && s->length != 0; }
template <class T> inline bool ll_list_is_true(RList<T>* l) { return l != nullptr && l->length != 0; }
template <class T> inline bool ll_array_is_true(RArray<T>* a) { return a != nullptr && a->length != 0; }
template <class K, class V, class Tr> inline bool ll_dict_is_true(RDict<K, V, Tr>* d) {
  return d != nullptr && d->length != 0;
}
/// An exception's message: "" when it was raised without one.
inline RStr* ll_str_or_empty(RStr* s) { return s ? s : ll_str_empty(); }
/// str(s) for a str that may be None.
RStr* ll_str_or_none(RStr* s);

// --- ranges -------------------------------------------------------------------
inline int64_t ll_range_len(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) return start < stop ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
  return start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1) : 0;
}
/// range() with step 0: ValueError as CPython.
inline void ll_range_check_step(int64_t step) {
  if (step == 0) ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "range() arg 3 must not be zero");
}
/// list(range(...)) as a resizable list.
RList<int64_t>* ll_range_list(int64_t start, int64_t stop, int64_t step);

// --- numbers -------------------------------------------------------------------
inline uint64_t ll_uint_floordiv(uint64_t a, uint64_t b) {
  if (b == 0) { ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, "integer division or modulo by zero"); return 0; }
  return a / b;
}
inline uint64_t ll_uint_mod(uint64_t a, uint64_t b) {
  if (b == 0) { ll_raise_builtin_c(LL_EXC_ZERO_DIVISION_ERROR, "integer modulo by zero"); return 0; }
  return a % b;
}
inline uint64_t ll_uint_lshift(uint64_t a, int64_t n) {
  if (n < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative shift count"); return 0; }
  return n >= 64 ? 0 : a << n;
}
inline uint64_t ll_uint_rshift(uint64_t a, int64_t n) {
  if (n < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative shift count"); return 0; }
  return n >= 64 ? 0 : a >> n;
}

/// min(a, b) / max(a, b) for any comparable type (first wins ties, as CPython).
template <class T> inline T ll_min2(T a, T b) { return LLLess<T>()(b, a) ? b : a; }
template <class T> inline T ll_max2(T a, T b) { return LLLess<T>()(a, b) ? b : a; }

// --- min() / max() of a list ------------------------------------------------------
template <class T>
T ll_items_minmax(const T* items, int64_t n, bool isMax) {
  if (n == 0) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, isMax ? "max() arg is an empty sequence"
                                                 : "min() arg is an empty sequence");
    return T{};
  }
  LLLess<T> lt;
  T best = items[0];
  for (int64_t i = 1; i < n; i++)
    if (isMax ? lt(best, items[i]) : lt(items[i], best)) best = items[i];
  return best;
}
template <class T> T ll_list_max(RList<T>* l) { return ll_items_minmax(l->items->items, l->length, true); }
template <class T> T ll_list_min(RList<T>* l) { return ll_items_minmax(l->items->items, l->length, false); }
template <class T> T ll_array_max(RArray<T>* a) { return ll_items_minmax(a->items, a->length, true); }
template <class T> T ll_array_min(RArray<T>* a) { return ll_items_minmax(a->items, a->length, false); }

// --- instances -----------------------------------------------------------------
/// isinstance(obj, C) for an instance that may be None: the class range
/// check on the vtable (whose first word is subclassMin).
inline bool ll_isinstance(const void* obj, int64_t min, int64_t max) {
  if (!obj) return false;
  const int64_t* vt = *static_cast<const int64_t* const*>(obj);
  return (uint64_t)(vt[0] - min) <= (uint64_t)(max - min);
}
inline int64_t ll_identity_hash(const void* p) { return (int64_t)(reinterpret_cast<uintptr_t>(p) >> 4); }

// --- rlib.jit.set_param ---------------------------------------------------------
/// Installed by the JIT of a program translated with --jit (jitdriver.cpp);
/// without it set_param is a no-op, as the other hints are.
extern void (*ll_jit_set_param_hook)(RStr* name, int64_t value, RStr* text);
inline void ll_jit_set_param(RStr* name, int64_t value) {
  if (ll_jit_set_param_hook) ll_jit_set_param_hook(name, value, nullptr);
}
inline void ll_jit_set_param_str(RStr* name, RStr* text) {
  if (ll_jit_set_param_hook) ll_jit_set_param_hook(name, 0, text);
}

// --- dict iteration as a heap object ------------------------------------------
template <class K, class V, class Tr>
RDictIter<K, V, Tr>* ll_dict_iter_new(RDict<K, V, Tr>* d) {
  auto* it = static_cast<RDictIter<K, V, Tr>*>(ll_malloc(sizeof(RDictIter<K, V, Tr>)));
  *it = ll_dict_iter(d);
  return it;
}
/// Advances to the next live entry; false at the end (or after raising).
template <class K, class V, class Tr>
bool ll_dict_iter_has(RDictIter<K, V, Tr>* it) {
  it->cur = ll_dict_iter_next(it);
  return it->cur != nullptr;
}
template <class K, class V, class Tr>
K ll_dict_iter_key(RDictIter<K, V, Tr>* it) { return it->cur->key; }
template <class K, class V, class Tr>
V ll_dict_iter_value(RDictIter<K, V, Tr>* it) { return it->cur->value; }

// --- key helpers for generated tuple-key traits ---------------------------------
inline int64_t ll_key_hash(int64_t k) { return LLIntKey::hash(k); }
inline int64_t ll_key_hash(bool k) { return k; }
inline int64_t ll_key_hash(char k) { return LLCharKey::hash(k); }
inline int64_t ll_key_hash(RStr* k) { return k ? ll_str_hash(k) : 0; }
inline bool ll_key_eq(int64_t a, int64_t b) { return a == b; }
inline bool ll_key_eq(bool a, bool b) { return a == b; }
inline bool ll_key_eq(char a, char b) { return a == b; }
inline bool ll_key_eq(RStr* a, RStr* b) { return ll_str_eq(a, b); }
inline RStr* ll_key_repr(int64_t k) { return ll_int_to_str(k); }
inline RStr* ll_key_repr(bool k) { return ll_bool_to_str(k); }
inline RStr* ll_key_repr(char k) { return ll_char_repr(k); }
inline RStr* ll_key_repr(RStr* k) { return ll_str_repr(k); }
