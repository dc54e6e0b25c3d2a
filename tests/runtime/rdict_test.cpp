// Tests of runtime/rdict.h: a seeded random-operation stress test against a
// model (std::map + insertion-order vector), insertion order, iteration
// errors, KeyError messages with repr(key), and every key kind.
#include "runtime_test_util.h"
#include <algorithm>
#include <map>
#include <random>
#include <vector>

using namespace rt_test;

namespace {
using IntDict = RDict<int64_t, int64_t, LLIntKey>;

/// Model: values by key and keys in insertion order.
struct Model {
  std::map<int64_t, int64_t> values;
  std::vector<int64_t> order;
  void set(int64_t k, int64_t v) {
    if (!values.count(k)) order.push_back(k);
    values[k] = v;
  }
  void del(int64_t k) {
    values.erase(k);
    order.erase(std::find(order.begin(), order.end(), k));
  }
};

std::vector<std::pair<int64_t, int64_t>> itemsOf(IntDict* d) {
  std::vector<std::pair<int64_t, int64_t>> out;
  auto it = ll_dict_iter(d);
  while (auto* e = ll_dict_iter_next(&it)) out.push_back({e->key, e->value});
  return out;
}
}  // namespace

TEST(RtRDict, RandomOpsAgainstModel) {
  std::mt19937_64 rng(2024);
  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  Model m;
  for (int step = 0; step < 50000; step++) {
    // Small key ranges collide a lot; multiples of 8 stress the probing.
    int64_t k = static_cast<int64_t>(rng() % 300) * (step % 3 == 0 ? 8 : 1) - 100;
    int64_t v = static_cast<int64_t>(rng() % 1000);
    switch (rng() % 7) {
      case 0: case 1: ll_dict_setitem(d, k, v); m.set(k, v); break;
      case 2:
        if (m.values.count(k)) { ll_dict_delitem(d, k); m.del(k); }
        else { ll_dict_delitem(d, k); ASSERT_EQ(takeExc(), "KeyError: " + std::to_string(k)); }
        break;
      case 3: ASSERT_EQ(ll_dict_get(d, k, int64_t{-1}), m.values.count(k) ? m.values[k] : -1); break;
      case 4:
        if (m.values.count(k)) { ASSERT_EQ(ll_dict_pop(d, k), m.values[k]); m.del(k); }
        else ASSERT_EQ(ll_dict_pop_default(d, k, int64_t{-7}), -7);
        break;
      case 5: { int64_t r = ll_dict_setdefault(d, k, v); if (!m.values.count(k)) m.set(k, v); ASSERT_EQ(r, m.values[k]); } break;
      case 6: ASSERT_EQ(ll_dict_contains(d, k), m.values.count(k) == 1); break;
    }
    ASSERT_EQ(ll_dict_len(d), static_cast<int64_t>(m.values.size()));
    if (step % 997 == 0) {
      std::vector<std::pair<int64_t, int64_t>> want;
      for (int64_t key : m.order) want.push_back({key, m.values[key]});
      ASSERT_EQ(itemsOf(d), want) << "step " << step;
      ASSERT_EQ(itemsOf(ll_dict_copy(d)), want);
    }
    if (step % 20000 == 19999) { ll_dict_clear(d); m = Model(); }
  }
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRDict, OrderAndUpdate) {
  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  for (int64_t k : {5, 3, 9, 1}) ll_dict_setitem(d, k, k * 10);
  ll_dict_setitem(d, int64_t{3}, int64_t{33});   // keeps its place
  ll_dict_delitem(d, int64_t{9});
  ll_dict_setitem(d, int64_t{9}, int64_t{99});   // re-added at the end
  RList<int64_t>* keys = ll_dict_keys(d);
  EXPECT_EQ(std::vector<int64_t>(keys->items->items, keys->items->items + keys->length),
            (std::vector<int64_t>{5, 3, 1, 9}));
  RList<int64_t>* values = ll_dict_values(d);
  EXPECT_EQ(values->items->items[1], 33);
  auto* items = ll_dict_items<int64_t>(d, [](int64_t k, int64_t v) { return k + v; });
  EXPECT_EQ(items->items->items[3], 108);
  IntDict* e = ll_dict_new<int64_t, int64_t, LLIntKey>();
  ll_dict_setitem(e, int64_t{1}, int64_t{-1});
  ll_dict_setitem(e, int64_t{2}, int64_t{-2});
  ll_dict_update(d, e);
  EXPECT_EQ(itemsOf(d), (std::vector<std::pair<int64_t, int64_t>>{{5, 50}, {3, 33}, {1, -1}, {9, 99}, {2, -2}}));
  RDictEntry<int64_t, int64_t> last = ll_dict_popitem(d);
  EXPECT_EQ(last.key, 2);
  EXPECT_EQ(ll_dict_len(d), 4);
}

TEST(RtRDict, IterationDetectsSizeChange) {
  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  ll_dict_setitem(d, int64_t{1}, int64_t{1});
  ll_dict_setitem(d, int64_t{2}, int64_t{2});
  auto it = ll_dict_iter(d);
  ASSERT_NE(ll_dict_iter_next(&it), nullptr);
  ll_dict_setitem(d, int64_t{3}, int64_t{3});
  EXPECT_EQ(ll_dict_iter_next(&it), nullptr);
  EXPECT_EQ(takeExc(), "RuntimeError: dictionary changed size during iteration");
  auto it2 = ll_dict_iter(d);
  ll_dict_iter_next(&it2);
  ll_dict_setitem(d, int64_t{1}, int64_t{10});  // same size: allowed
  EXPECT_NE(ll_dict_iter_next(&it2), nullptr);
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRDict, KeyKindsAndKeyErrors) {
  auto* ds = ll_dict_new<RStr*, int64_t, LLStrKey>();
  ll_dict_setitem(ds, rs("abc"), int64_t{1});
  EXPECT_EQ(ll_dict_getitem(ds, rs("abc")), 1);  // by value, not identity
  ll_dict_getitem(ds, rs("it's"));
  EXPECT_EQ(takeExc(), "KeyError: \"it's\"");
  ll_dict_setitem(ds, static_cast<RStr*>(nullptr), int64_t{2});  // None key
  EXPECT_EQ(ll_dict_getitem(ds, static_cast<RStr*>(nullptr)), 2);

  auto* dc = ll_dict_new<char, RStr*, LLCharKey>();
  ll_dict_setitem(dc, 'x', rs("ex"));
  ll_dict_pop(dc, 'y');
  EXPECT_EQ(takeExc(), "KeyError: 'y'");
  EXPECT_EQ(str(ll_dict_getitem(dc, 'x')), "ex");

  struct Obj { int64_t v; };
  auto* di = ll_dict_new<Obj*, int64_t, LLIdentityKey<Obj*>>();
  Obj* a = static_cast<Obj*>(ll_malloc(sizeof(Obj)));
  Obj* b = static_cast<Obj*>(ll_malloc(sizeof(Obj)));
  ll_dict_setitem(di, a, int64_t{1});
  EXPECT_TRUE(ll_dict_contains(di, a));
  EXPECT_FALSE(ll_dict_contains(di, b));
  ll_dict_delitem(di, b);
  EXPECT_EQ(takeExc(), "KeyError: <object>");

  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  ll_dict_popitem(d);
  EXPECT_EQ(takeExc(), "KeyError: 'popitem(): dictionary is empty'");
}

TEST(RtRDict, TupleKeysThroughGeneratedTraits) {
  // What the C++ backend will generate for a (int, str) tuple key.
  struct Tup { int64_t a; RStr* b; };
  struct TupKey {
    static int64_t hash(Tup* t) { return t->a * 1000003 ^ ll_str_hash(t->b); }
    static bool eq(Tup* x, Tup* y) { return x->a == y->a && ll_str_eq(x->b, y->b); }
    static RStr* repr(Tup*) { return ll_str_from_cstr("(1, 'x')"); }
  };
  auto mk = [](int64_t a, const char* b) {
    Tup* t = static_cast<Tup*>(ll_malloc(sizeof(Tup)));
    t->a = a; t->b = ll_str_from_cstr(b);
    return t;
  };
  auto* d = ll_dict_new<Tup*, int64_t, TupKey>();
  for (int i = 0; i < 100; i++) ll_dict_setitem(d, mk(i, "k"), int64_t{i});
  EXPECT_EQ(ll_dict_getitem(d, mk(42, "k")), 42);
  ll_dict_getitem(d, mk(1, "x"));
  EXPECT_EQ(takeExc(), "KeyError: (1, 'x')");
}
