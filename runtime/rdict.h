//===- rdict.h - RPy dicts: insertion-ordered hash tables -----------------===//
// DESIGN §5: dict -> ordered open-addressing table, CPython 3.6+'s compact
// layout. Header-only templates over the key type K, the value type V and a
// key-traits class Tr providing
//     static int64_t hash(K);  static bool eq(K, K);  static RStr* repr(K);
// (repr builds KeyError's message, which CPython makes repr(key)). Traits for
// int, char, str (by value) and instances (identity) are below; the C++
// backend generates traits for tuple keys.
//
//   indices: int64[indexSize]  -1 FREE, -2 DUMMY (deleted), else entry #
//   entries: Entry[capacity]   {hash, key, value, live} in insertion order
//
// indexSize is a power of two; capacity = indexSize*2/3. Lookups probe with
// CPython's perturbation (i = 5i + perturb + 1). Deleting marks the index
// slot DUMMY and the entry dead (its key/value cleared for the GC). When the
// entries are full the table is rebuilt for 3*len live items, dropping the
// dead ones. Iteration walks the entries; RDictIter remembers len() and
// raises RuntimeError "dictionary changed size during iteration" as CPython.
// Helpers that raise return a zero V; the caller checks ll_exc_occurred().
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>
#include "llexc.h"
#include "llgc.h"
#include "rlist.h"

struct RStr;
RStr* ll_str_repr(RStr* s);
RStr* ll_char_repr(char c);
RStr* ll_int_to_str(int64_t x);
RStr* ll_str_from_cstr(const char* p);
int64_t ll_str_hash(RStr* s);

// --- key traits -------------------------------------------------------------------
struct LLIntKey {
  static int64_t hash(int64_t k) { return k; }
  static bool eq(int64_t a, int64_t b) { return a == b; }
  static RStr* repr(int64_t k) { return ll_int_to_str(k); }
};
struct LLCharKey {
  static int64_t hash(char k) { return static_cast<unsigned char>(k); }
  static bool eq(char a, char b) { return a == b; }
  static RStr* repr(char k) { return ll_char_repr(k); }
};
struct LLStrKey {  ///< by value; None (null) is a valid key
  static int64_t hash(RStr* k) { return k ? ll_str_hash(k) : 0; }
  static bool eq(RStr* a, RStr* b) { return ll_str_eq(a, b); }
  static RStr* repr(RStr* k) { return ll_str_repr(k); }
};
/// Instances by identity. repr is "<object>": CPython's includes an address,
/// which is not reproducible anyway; generated code may supply better traits.
template <class P>
struct LLIdentityKey {
  static int64_t hash(P k) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(k) >> 4); }
  static bool eq(P a, P b) { return a == b; }
  static RStr* repr(P) { return ll_str_from_cstr("<object>"); }
};

template <class K, class V>
struct RDictEntry {
  int64_t hash;
  K key;
  V value;
  bool live;
};

template <class K, class V, class Tr>
struct RDict {
  int64_t length;     ///< live entries: len(d)
  int64_t nentries;   ///< entries used, live or dead
  int64_t capacity;   ///< entries allocated
  int64_t mask;       ///< indexSize - 1
  int64_t* indices;   ///< atomic array of indexSize slots
  RDictEntry<K, V>* entries;
};

template <class K, class V>
inline constexpr bool ll_dict_entry_has_gc = ll_is_gc_pointer_v<K> || ll_is_gc_pointer_v<V>;

constexpr int64_t LL_DICT_FREE = -1;
constexpr int64_t LL_DICT_DUMMY = -2;

/// (Re)allocates empty index and entry arrays for `indexSize` slots.
template <class K, class V, class Tr>
void ll_dict_alloc(RDict<K, V, Tr>* d, int64_t indexSize) {
  d->indices = static_cast<int64_t*>(ll_malloc_atomic(sizeof(int64_t) * indexSize));
  std::memset(d->indices, 0xff, sizeof(int64_t) * indexSize);  // all FREE
  d->capacity = indexSize * 2 / 3;
  size_t bytes = sizeof(RDictEntry<K, V>) * d->capacity;
  if constexpr (ll_dict_entry_has_gc<K, V>) {
    d->entries = static_cast<RDictEntry<K, V>*>(ll_malloc(bytes));
  } else {
    d->entries = static_cast<RDictEntry<K, V>*>(ll_malloc_atomic(bytes));
    std::memset(static_cast<void*>(d->entries), 0, bytes);
  }
  d->mask = indexSize - 1;
  d->nentries = 0;
}

template <class K, class V, class Tr>
RDict<K, V, Tr>* ll_dict_new() {
  auto* d = static_cast<RDict<K, V, Tr>*>(ll_malloc(sizeof(RDict<K, V, Tr>)));
  ll_dict_alloc(d, 8);
  d->length = 0;
  return d;
}

/// The index slot for `key`: holding its entry number, or the first FREE
/// slot of its probe sequence (the DUMMY met first is reused on insert by
/// ll_dict_insert_slot).
template <class K, class V, class Tr>
int64_t ll_dict_lookup(RDict<K, V, Tr>* d, std::type_identity_t<K> key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & d->mask;
  for (;;) {
    int64_t ix = d->indices[i];
    if (ix == LL_DICT_FREE) return static_cast<int64_t>(i);
    if (ix >= 0) {
      RDictEntry<K, V>& e = d->entries[ix];
      if (e.hash == hash && Tr::eq(e.key, key)) return static_cast<int64_t>(i);
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
}

/// First FREE or DUMMY slot for inserting a key known to be absent.
template <class K, class V, class Tr>
int64_t ll_dict_insert_slot(RDict<K, V, Tr>* d, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & d->mask;
  while (d->indices[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
  return static_cast<int64_t>(i);
}

/// Rebuilds the table for `length` live items with room to grow (3x), in
/// insertion order, dropping dead entries.
template <class K, class V, class Tr>
void ll_dict_resize(RDict<K, V, Tr>* d) {
  int64_t want = d->length * 3, size = 8;
  while (size < want) size *= 2;  // capacity = size*2/3 >= 2*length
  RDictEntry<K, V>* old = d->entries;
  int64_t oldN = d->nentries;
  ll_dict_alloc(d, size);
  for (int64_t k = 0; k < oldN; k++) {
    if (!old[k].live) continue;
    int64_t slot = ll_dict_insert_slot(d, old[k].hash);
    d->indices[slot] = d->nentries;
    d->entries[d->nentries++] = old[k];
  }
}

template <class K, class V, class Tr>
inline int64_t ll_dict_len(RDict<K, V, Tr>* d) { return d->length; }

template <class K, class V, class Tr>
bool ll_dict_contains(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  return d->indices[ll_dict_lookup(d, key, Tr::hash(key))] >= 0;
}

/// Pointer to the value for `key`, or null.
template <class K, class V, class Tr>
V* ll_dict_find(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  int64_t ix = d->indices[ll_dict_lookup(d, key, Tr::hash(key))];
  return ix >= 0 ? &d->entries[ix].value : nullptr;
}

/// Raises KeyError(repr(key)).
template <class K, class Tr>
void ll_dict_raise_key_error(K key) {
  ll_raise_builtin(LL_EXC_KEY_ERROR, Tr::repr(key));
}

/// d[key]: KeyError(repr(key)) when absent.
template <class K, class V, class Tr>
V ll_dict_getitem(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  V* v = ll_dict_find(d, key);
  if (!v) { ll_dict_raise_key_error<K, Tr>(key); return V{}; }
  return *v;
}

/// d.get(key, dflt)
template <class K, class V, class Tr>
V ll_dict_get(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<V> dflt) {
  V* v = ll_dict_find(d, key);
  return v ? *v : dflt;
}

/// Appends a new entry for an absent key (hash precomputed); returns it.
template <class K, class V, class Tr>
RDictEntry<K, V>* ll_dict_add(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<V> value, int64_t hash) {
  if (d->nentries == d->capacity) ll_dict_resize(d);
  int64_t slot = ll_dict_insert_slot(d, hash);
  RDictEntry<K, V>* e = &d->entries[d->nentries];
  e->hash = hash; e->key = key; e->value = value; e->live = true;
  d->indices[slot] = d->nentries++;
  d->length++;
  return e;
}

/// d[key] = value (an existing key keeps its position).
template <class K, class V, class Tr>
void ll_dict_setitem(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<V> value) {
  int64_t hash = Tr::hash(key);
  int64_t ix = d->indices[ll_dict_lookup(d, key, hash)];
  if (ix >= 0) { d->entries[ix].value = value; return; }
  ll_dict_add(d, key, value, hash);
}

/// d.setdefault(key, dflt)
template <class K, class V, class Tr>
V ll_dict_setdefault(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<V> dflt) {
  int64_t hash = Tr::hash(key);
  int64_t ix = d->indices[ll_dict_lookup(d, key, hash)];
  if (ix >= 0) return d->entries[ix].value;
  return ll_dict_add(d, key, dflt, hash)->value;
}

/// Removes the entry in index slot `slot`; returns its value.
template <class K, class V, class Tr>
V ll_dict_remove_slot(RDict<K, V, Tr>* d, int64_t slot) {
  RDictEntry<K, V>& e = d->entries[d->indices[slot]];
  V v = e.value;
  d->indices[slot] = LL_DICT_DUMMY;
  e.key = K{}; e.value = V{}; e.live = false;
  d->length--;
  return v;
}

/// del d[key]: KeyError(repr(key)) when absent.
template <class K, class V, class Tr>
void ll_dict_delitem(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  int64_t slot = ll_dict_lookup(d, key, Tr::hash(key));
  if (d->indices[slot] < 0) { ll_dict_raise_key_error<K, Tr>(key); return; }
  ll_dict_remove_slot(d, slot);
}

/// d.pop(key): KeyError(repr(key)) when absent.
template <class K, class V, class Tr>
V ll_dict_pop(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  int64_t slot = ll_dict_lookup(d, key, Tr::hash(key));
  if (d->indices[slot] < 0) { ll_dict_raise_key_error<K, Tr>(key); return V{}; }
  return ll_dict_remove_slot(d, slot);
}

/// d.pop(key, dflt)
template <class K, class V, class Tr>
V ll_dict_pop_default(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<V> dflt) {
  int64_t slot = ll_dict_lookup(d, key, Tr::hash(key));
  if (d->indices[slot] < 0) return dflt;
  return ll_dict_remove_slot(d, slot);
}

/// d.popitem(): the last inserted entry (LIFO), KeyError
/// "popitem(): dictionary is empty". Returns the entry's copy.
template <class K, class V, class Tr>
RDictEntry<K, V> ll_dict_popitem(RDict<K, V, Tr>* d) {
  int64_t n = d->nentries;
  while (n > 0 && !d->entries[n - 1].live) n--;
  if (n == 0) {
    ll_raise_builtin_c(LL_EXC_KEY_ERROR, "'popitem(): dictionary is empty'");
    return RDictEntry<K, V>{};
  }
  RDictEntry<K, V> e = d->entries[n - 1];
  ll_dict_remove_slot(d, ll_dict_lookup(d, e.key, e.hash));
  d->nentries = n - 1;  // trailing dead entries can be reused
  return e;
}

template <class K, class V, class Tr>
void ll_dict_clear(RDict<K, V, Tr>* d) {
  ll_dict_alloc(d, 8);
  d->length = 0;
}

/// d.copy(): same order, compacted.
template <class K, class V, class Tr>
RDict<K, V, Tr>* ll_dict_copy(RDict<K, V, Tr>* d) {
  RDict<K, V, Tr>* r = ll_dict_new<K, V, Tr>();
  for (int64_t k = 0; k < d->nentries; k++) {
    const RDictEntry<K, V>& e = d->entries[k];
    if (e.live) ll_dict_add(r, e.key, e.value, e.hash);
  }
  return r;
}

/// d.update(other)
template <class K, class V, class Tr>
void ll_dict_update(RDict<K, V, Tr>* d, RDict<K, V, Tr>* other) {
  for (int64_t k = 0; k < other->nentries; k++) {
    const RDictEntry<K, V>& e = other->entries[k];
    if (e.live) ll_dict_setitem(d, e.key, e.value);
  }
}

// --- iteration --------------------------------------------------------------------

template <class K, class V, class Tr>
struct RDictIter {
  RDict<K, V, Tr>* dict;
  int64_t pos;      ///< next entry to look at
  int64_t length;   ///< len(dict) when iteration started
  RDictEntry<K, V>* cur; ///< the entry ll_dict_iter_has found (llsupport.h)
};

template <class K, class V, class Tr>
RDictIter<K, V, Tr> ll_dict_iter(RDict<K, V, Tr>* d) { return {d, 0, d->length, nullptr}; }

/// The next live entry, or null at the end or after raising RuntimeError
/// "dictionary changed size during iteration" (check ll_exc_occurred()).
template <class K, class V, class Tr>
RDictEntry<K, V>* ll_dict_iter_next(RDictIter<K, V, Tr>* it) {
  RDict<K, V, Tr>* d = it->dict;
  if (d->length != it->length) {
    it->length = -1;  // stays broken, as CPython's iterator
    ll_raise_builtin_c(LL_EXC_RUNTIME_ERROR, "dictionary changed size during iteration");
    return nullptr;
  }
  while (it->pos < d->nentries) {
    RDictEntry<K, V>* e = &d->entries[it->pos++];
    if (e->live) return e;
  }
  return nullptr;
}

/// d.keys() / d.values() as new lists.
template <class K, class V, class Tr>
RList<K>* ll_dict_keys(RDict<K, V, Tr>* d) {
  RList<K>* l = ll_list_new<K>(d->length);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++)
    if (d->entries[k].live) l->items->items[j++] = d->entries[k].key;
  return l;
}

template <class K, class V, class Tr>
RList<V>* ll_dict_values(RDict<K, V, Tr>* d) {
  RList<V>* l = ll_list_new<V>(d->length);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++)
    if (d->entries[k].live) l->items->items[j++] = d->entries[k].value;
  return l;
}

/// d.items() as a new list of T = make(key, value) (the tuple type and its
/// constructor are generated code's).
template <class T, class K, class V, class Tr, class Make>
RList<T>* ll_dict_items(RDict<K, V, Tr>* d, Make make) {
  RList<T>* l = ll_list_new<T>(d->length);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++) {
    const RDictEntry<K, V>& e = d->entries[k];
    if (e.live) l->items->items[j++] = make(e.key, e.value);
  }
  return l;
}

// --- additions for the RTyper's dict lowering (rtyper/rdict.cpp) ------------------
// See runtime/README.md, "Dicts".
RStr* ll_char_to_str(char c);

/// Bool keys: stored as int64 0/1 (as LLIntKey), but KeyError's message is
/// CPython's repr, `True` / `False`.
struct LLBoolKey {
  static int64_t hash(int64_t k) { return k; }
  static bool eq(int64_t a, int64_t b) { return a == b; }
  static RStr* repr(int64_t k) { return ll_str_from_cstr(k ? "True" : "False"); }
};

/// Float keys (not in DESIGN §3's list, but the annotator accepts them):
/// equal floats hash alike (0.0 and -0.0 too); KeyError's message is
/// repr(x). A NaN key is never found again (CPython finds the same NaN
/// object by identity; unboxed floats have none).
RStr* ll_float_repr(double x);
struct LLFloatKey {
  static int64_t hash(double k) {
    if (k == 0.0) return 0;
    int64_t bits;
    std::memcpy(&bits, &k, sizeof bits);
    return bits ^ (bits >> 29);
  }
  static bool eq(double a, double b) { return a == b; }
  static RStr* repr(double k) { return ll_float_repr(k); }
};
/// repr.cpp's keyTraits names LLIdentityKey<double> for a float key.
template <>
struct LLIdentityKey<double> : LLFloatKey {};

/// r_uint keys: keyTraits names LLIdentityKey<uint64_t>; repr as rlib's
/// r_uint.__repr__, `r_uint(5)`.
RStr* ll_uint_to_str(uint64_t x);
RStr* ll_str_concat(RStr* a, RStr* b);
struct LLUintKey {
  static int64_t hash(uint64_t k) { return static_cast<int64_t>(k); }
  static bool eq(uint64_t a, uint64_t b) { return a == b; }
  static RStr* repr(uint64_t k) {
    return ll_str_concat(ll_str_concat(ll_str_from_cstr("r_uint("), ll_uint_to_str(k)), ll_str_from_cstr(")"));
  }
};
template <>
struct LLIdentityKey<uint64_t> : LLUintKey {};

/// Value equality of ll_dict_eq for numbers, chars, bools and pointers
/// compared by identity (instances); strings use LLStrKey, tuples their
/// generated key traits.
struct LLPlainValueEq {
  template <class T>
  static bool eq(T a, T b) { return a == b; }
};

/// A stored value as the result type R of the operation reading it: R{}
/// (null / false) when the values are None (`NoneValues`, stored as bool),
/// a boxed str for a char, else the C++ conversion (bool -> int, int ->
/// float, subclass pointer -> base pointer).
template <class R, bool NoneValues, class V>
inline R ll_dict_value_as(V v) {
  if constexpr (NoneValues) {
    (void)v;
    return R{};
  } else if constexpr (std::is_same_v<V, char> && std::is_same_v<R, RStr*>) {
    return ll_char_to_str(v);
  } else {
    return static_cast<R>(v);
  }
}

/// d[key] as R: KeyError(repr(key)) when absent.
template <class R, bool NoneValues, class K, class V, class Tr>
R ll_dict_getitem_as(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  V* v = ll_dict_find(d, key);
  if (!v) { ll_dict_raise_key_error<K, Tr>(key); return R{}; }
  return ll_dict_value_as<R, NoneValues>(*v);
}

/// d.get(key, dflt) as R (the union of the values and the default).
template <class R, bool NoneValues, class K, class V, class Tr>
R ll_dict_get_as(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<R> dflt) {
  V* v = ll_dict_find(d, key);
  return v ? ll_dict_value_as<R, NoneValues>(*v) : dflt;
}

/// d.pop(key) as R: KeyError(repr(key)) when absent.
template <class R, bool NoneValues, class K, class V, class Tr>
R ll_dict_pop_as(RDict<K, V, Tr>* d, std::type_identity_t<K> key) {
  int64_t slot = ll_dict_lookup(d, key, Tr::hash(key));
  if (d->indices[slot] < 0) { ll_dict_raise_key_error<K, Tr>(key); return R{}; }
  return ll_dict_value_as<R, NoneValues>(ll_dict_remove_slot(d, slot));
}

/// d.pop(key, dflt) as R.
template <class R, bool NoneValues, class K, class V, class Tr>
R ll_dict_pop_default_as(RDict<K, V, Tr>* d, std::type_identity_t<K> key, std::type_identity_t<R> dflt) {
  int64_t slot = ll_dict_lookup(d, key, Tr::hash(key));
  if (d->indices[slot] < 0) return dflt;
  return ll_dict_value_as<R, NoneValues>(ll_dict_remove_slot(d, slot));
}

/// a == b as CPython: the same keys, and equal values (VEq::eq); the order
/// does not matter. None (null) equals only None.
template <class VEq, class K, class V, class Tr>
bool ll_dict_eq(RDict<K, V, Tr>* a, RDict<K, V, Tr>* b) {
  if (a == b) return true;
  if (!a || !b || a->length != b->length) return false;
  for (int64_t k = 0; k < a->nentries; k++) {
    const RDictEntry<K, V>& e = a->entries[k];
    if (!e.live) continue;
    int64_t ix = b->indices[ll_dict_lookup(b, e.key, e.hash)];
    if (ix < 0 || !VEq::eq(e.value, b->entries[ix].value)) return false;
  }
  return true;
}

template <class L>
struct ll_dict_list_traits;
template <class T>
struct ll_dict_list_traits<RList<T>*> {
  using item = T;
  static RList<T>* make(int64_t n) { return ll_list_new<T>(n); }
  static T* items(RList<T>* l) { return l->items->items; }
};
template <class T>
struct ll_dict_list_traits<RArray<T>*> {
  using item = T;
  static RArray<T>* make(int64_t n) { return ll_array_new<T>(n); }
  static T* items(RArray<T>* a) { return a->items; }
};

/// d.keys() (What 0), d.values() (1) or d.items() (2) as a new list of type
/// Out: RList<T>* (resizable) or RArray<T>* (fixed). Items of d.items() are
/// new tuple structs (T = S*, fields item0 and item1).
template <class Out, int What, class K, class V, class Tr>
Out ll_dict_to_list(RDict<K, V, Tr>* d) {
  using LT = ll_dict_list_traits<Out>;
  using T = typename LT::item;
  Out l = LT::make(d->length);
  T* out = LT::items(l);
  int64_t j = 0;
  for (int64_t k = 0; k < d->nentries; k++) {
    const RDictEntry<K, V>& e = d->entries[k];
    if (!e.live) continue;
    if constexpr (What == 0) {
      out[j++] = static_cast<T>(e.key);
    } else if constexpr (What == 1) {
      out[j++] = static_cast<T>(e.value);
    } else {
      using S = std::remove_pointer_t<T>;
      S* t = static_cast<S*>(ll_malloc(sizeof(S)));
      t->item0 = e.key;
      t->item1 = e.value;
      out[j++] = t;
    }
  }
  return l;
}

// Items of tuple keys. The generated LLKey_TUPLEn traits call
// ll_key_hash/eq/repr on each item; llsupport.h defines them for int, bool,
// char and str (declared again here so that the templates below find them
// for items of those types). Added: floats, r_uints, instances (identity)
// and nested tuples (a tuple item would otherwise convert to `bool`).
inline int64_t ll_key_hash(int64_t k);
inline int64_t ll_key_hash(bool k);
inline int64_t ll_key_hash(char k);
inline int64_t ll_key_hash(RStr* k);
inline bool ll_key_eq(int64_t a, int64_t b);
inline bool ll_key_eq(bool a, bool b);
inline bool ll_key_eq(char a, char b);
inline bool ll_key_eq(RStr* a, RStr* b);
inline RStr* ll_key_repr(int64_t k);
inline RStr* ll_key_repr(bool k);
inline RStr* ll_key_repr(char k);
inline RStr* ll_key_repr(RStr* k);
inline int64_t ll_key_hash(double k) { return LLFloatKey::hash(k); }
inline bool ll_key_eq(double a, double b) { return LLFloatKey::eq(a, b); }
inline RStr* ll_key_repr(double k) { return LLFloatKey::repr(k); }
inline int64_t ll_key_hash(uint64_t k) { return LLUintKey::hash(k); }
inline bool ll_key_eq(uint64_t a, uint64_t b) { return a == b; }
inline RStr* ll_key_repr(uint64_t k) { return LLUintKey::repr(k); }

/// Instances inside tuple keys: by identity, as LLIdentityKey. Constrained
/// to instance structs (a `typeptr` first field).
template <class P>
  requires requires(P* p) { p->typeptr; }
inline int64_t ll_key_hash(P* p) { return LLIdentityKey<P*>::hash(p); }
template <class P>
  requires requires(P* p) { p->typeptr; }
inline bool ll_key_eq(P* a, P* b) { return a == b; }
template <class P>
  requires requires(P* p) { p->typeptr; }
inline RStr* ll_key_repr(P* p) { return LLIdentityKey<P*>::repr(p); }

/// Tuples inside tuple keys: the generated tuple structs (fields item0,
/// item1, ...; plain aggregates) hashed, compared and printed item by item
/// as the generated LLKey_TUPLEn traits do.
struct ll_any_field {
  template <class T>
  operator T() const;
};
template <class P, class... A>
constexpr size_t ll_field_count() {
  if constexpr (requires { P{A{}..., ll_any_field{}}; }) return ll_field_count<P, A..., ll_any_field>();
  else return sizeof...(A);
}
template <class P>
concept ll_tuple_struct = std::is_aggregate_v<P> && requires(P* p) { p->item0; } &&
                          !requires(P* p) { p->typeptr; };
/// The items of a tuple struct as a std::tuple of references.
template <class P>
auto ll_tuple_items(P& t) {
  constexpr size_t n = ll_field_count<P>();
  static_assert(n >= 1 && n <= 12, "tuple keys of 1 to 12 items");
  return ll_struct_fields<n>(t);  // rlist.h
}
template <ll_tuple_struct P>
int64_t ll_key_hash(P* t) {
  uint64_t x = 0x345678ULL;
  std::apply([&](auto&... item) { ((x = (x ^ static_cast<uint64_t>(ll_key_hash(item))) * 1000003ULL), ...); },
             ll_tuple_items(*t));
  return static_cast<int64_t>(x == 0 ? 1 : x);
}
template <ll_tuple_struct P>
bool ll_key_eq(P* a, P* b) {
  if (a == b) return true;
  auto ia = ll_tuple_items(*a), ib = ll_tuple_items(*b);
  return [&]<size_t... I>(std::index_sequence<I...>) {
    return (ll_key_eq(std::get<I>(ia), std::get<I>(ib)) && ...);
  }(std::make_index_sequence<std::tuple_size_v<decltype(ia)>>{});
}
template <ll_tuple_struct P>
RStr* ll_key_repr(P* t) {
  auto items = ll_tuple_items(*t);
  constexpr size_t n = std::tuple_size_v<decltype(items)>;
  RStr* r = ll_str_from_cstr("(");
  [&]<size_t... I>(std::index_sequence<I...>) {
    ((r = ll_str_concat(I ? ll_str_concat(r, ll_str_from_cstr(", ")) : r, ll_key_repr(std::get<I>(items)))), ...);
  }(std::make_index_sequence<n>{});
  return ll_str_concat(r, ll_str_from_cstr(n == 1 ? ",)" : ")"));
}

/// Value equality of ll_dict_eq for tuple values: item by item, through the
/// tuple-key item helpers above (ints, bools, chars, strs, floats, r_uints,
/// instances by identity, nested tuples).
struct LLKeyItemEq {
  template <class T>
  static bool eq(T a, T b) { return ll_key_eq(a, b); }
};
