// Tests of the helpers runtime/rdict.h gained for the RTyper's dict
// lowering (rtyper/rdict.cpp): the `_as` readers converting a stored value
// to the operation's result type, ll_dict_eq, ll_dict_to_list, LLBoolKey,
// and the instance overloads of ll_key_hash/eq/repr used by tuple keys.
#include "runtime_test_util.h"
#include "llsupport.h"

using namespace rt_test;

namespace {
using IntDict = RDict<int64_t, int64_t, LLIntKey>;
using StrDict = RDict<RStr*, int64_t, LLStrKey>;

struct Base { void* typeptr; int64_t x; };
struct Sub : Base { int64_t y; };

struct Pair {  // a tuple struct as the backend generates them
  int64_t item0;
  int64_t item1;
};
}  // namespace

TEST(RtRDictExtra, GetItemAsConverts) {
  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  ll_dict_setitem(d, 1, 7);
  EXPECT_EQ((ll_dict_getitem_as<double, false>(d, 1)), 7.0);
  EXPECT_EQ(takeExc(), "");
  EXPECT_EQ((ll_dict_getitem_as<double, false>(d, 2)), 0.0);
  EXPECT_EQ(takeExc(), "KeyError: 2");
  // get with a default of the wider type
  EXPECT_EQ((ll_dict_get_as<double, false>(d, 1, 0.5)), 7.0);
  EXPECT_EQ((ll_dict_get_as<double, false>(d, 3, 0.5)), 0.5);
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRDictExtra, NoneValuesReadAsNull) {
  // {k: None}: values stored as bool false, read as a null pointer.
  auto* d = ll_dict_new<int64_t, bool, LLIntKey>();
  ll_dict_setitem(d, 4, false);
  RStr* dflt = ll_str_from_cstr("dflt");
  EXPECT_EQ((ll_dict_get_as<RStr*, true>(d, 4, dflt)), nullptr);
  EXPECT_EQ((ll_dict_get_as<RStr*, true>(d, 5, dflt)), dflt);
  EXPECT_EQ((ll_dict_pop_default_as<RStr*, true>(d, 5, dflt)), dflt);
  EXPECT_EQ((ll_dict_pop_default_as<RStr*, true>(d, 4, dflt)), nullptr);
  EXPECT_EQ(d->length, 0);
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRDictExtra, CharValuesBoxedAsStr) {
  auto* d = ll_dict_new<int64_t, char, LLIntKey>();
  ll_dict_setitem(d, 1, 'q');
  EXPECT_EQ(str((ll_dict_get_as<RStr*, false>(d, 1, nullptr))), "q");
  EXPECT_EQ((ll_dict_get_as<RStr*, false>(d, 2, nullptr)), nullptr);
  EXPECT_EQ(str((ll_dict_pop_as<RStr*, false>(d, 1))), "q");
  EXPECT_EQ(d->length, 0);
  EXPECT_EQ((ll_dict_pop_as<RStr*, false>(d, 1)), nullptr);
  EXPECT_EQ(takeExc(), "KeyError: 1");
}

TEST(RtRDictExtra, SubclassValuesAsBase) {
  auto* d = ll_dict_new<int64_t, Sub*, LLIntKey>();
  Sub* s = static_cast<Sub*>(ll_malloc(sizeof(Sub)));
  Base* b = static_cast<Base*>(ll_malloc(sizeof(Base)));
  ll_dict_setitem(d, 1, s);
  EXPECT_EQ((ll_dict_get_as<Base*, false>(d, 1, b)), static_cast<Base*>(s));
  EXPECT_EQ((ll_dict_get_as<Base*, false>(d, 2, b)), b);
}

TEST(RtRDictExtra, EqualityIgnoresOrder) {
  StrDict* a = ll_dict_new<RStr*, int64_t, LLStrKey>();
  StrDict* b = ll_dict_new<RStr*, int64_t, LLStrKey>();
  EXPECT_TRUE(ll_dict_eq<LLPlainValueEq>(a, b));
  ll_dict_setitem(a, rs("x"), 1);
  ll_dict_setitem(a, rs("y"), 2);
  EXPECT_FALSE(ll_dict_eq<LLPlainValueEq>(a, b));
  ll_dict_setitem(b, rs("y"), 2);
  ll_dict_setitem(b, rs("x"), 1);
  EXPECT_TRUE(ll_dict_eq<LLPlainValueEq>(a, b));
  ll_dict_setitem(b, rs("x"), 3);
  EXPECT_FALSE(ll_dict_eq<LLPlainValueEq>(a, b));
  ll_dict_setitem(b, rs("x"), 1);
  ll_dict_setitem(b, rs("z"), 1);
  ll_dict_delitem(b, rs("z"));
  EXPECT_TRUE(ll_dict_eq<LLPlainValueEq>(a, b));
  EXPECT_TRUE(ll_dict_eq<LLPlainValueEq>(a, a));
  EXPECT_FALSE(ll_dict_eq<LLPlainValueEq>(a, static_cast<StrDict*>(nullptr)));
  EXPECT_TRUE(ll_dict_eq<LLPlainValueEq>(static_cast<StrDict*>(nullptr), static_cast<StrDict*>(nullptr)));
  // str values by value
  auto* c = ll_dict_new<int64_t, RStr*, LLIntKey>();
  auto* e = ll_dict_new<int64_t, RStr*, LLIntKey>();
  ll_dict_setitem(c, 1, rs("abc"));
  ll_dict_setitem(e, 1, rs("ab" + std::string("c")));
  EXPECT_TRUE(ll_dict_eq<LLStrKey>(c, e));
  EXPECT_FALSE(ll_dict_eq<LLPlainValueEq>(c, e));  // identity differs
}

TEST(RtRDictExtra, ToListInOrder) {
  IntDict* d = ll_dict_new<int64_t, int64_t, LLIntKey>();
  for (int64_t i = 0; i < 10; i++) ll_dict_setitem(d, i, i * i);
  ll_dict_delitem(d, 3);
  ll_dict_setitem(d, 3, -1);
  auto* keys = ll_dict_to_list<RList<int64_t>*, 0>(d);
  ASSERT_EQ(keys->length, 10);
  EXPECT_EQ(keys->items->items[0], 0);
  EXPECT_EQ(keys->items->items[3], 4);
  EXPECT_EQ(keys->items->items[9], 3);
  auto* values = ll_dict_to_list<RArray<int64_t>*, 1>(d);
  ASSERT_EQ(values->length, 10);
  EXPECT_EQ(values->items[2], 4);
  EXPECT_EQ(values->items[9], -1);
  auto* items = ll_dict_to_list<RList<Pair*>*, 2>(d);
  ASSERT_EQ(items->length, 10);
  EXPECT_EQ(items->items->items[9]->item0, 3);
  EXPECT_EQ(items->items->items[9]->item1, -1);
  EXPECT_EQ(items->items->items[4]->item0, 5);
  EXPECT_EQ(items->items->items[4]->item1, 25);
  auto* empty = ll_dict_to_list<RList<int64_t>*, 0>(ll_dict_new<int64_t, int64_t, LLIntKey>());
  EXPECT_EQ(empty->length, 0);
}

TEST(RtRDictExtra, BoolKeysReprAsCPython) {
  auto* d = ll_dict_new<int64_t, int64_t, LLBoolKey>();
  ll_dict_setitem(d, 1, 5);
  EXPECT_EQ(ll_dict_getitem(d, 1), 5);
  ll_dict_getitem(d, 0);
  EXPECT_EQ(takeExc(), "KeyError: False");
  ll_dict_delitem(d, 1);
  ll_dict_delitem(d, 1);
  EXPECT_EQ(takeExc(), "KeyError: True");
}

TEST(RtRDictExtra, InstanceKeyHelpersByIdentity) {
  Base* a = static_cast<Base*>(ll_malloc(sizeof(Base)));
  Base* b = static_cast<Base*>(ll_malloc(sizeof(Base)));
  EXPECT_EQ(ll_key_hash(a), ll_identity_hash(a));
  EXPECT_TRUE(ll_key_eq(a, a));
  EXPECT_FALSE(ll_key_eq(a, b));
  EXPECT_EQ(str(ll_key_repr(a)), "<object>");
  Sub* s = static_cast<Sub*>(ll_malloc(sizeof(Sub)));
  EXPECT_TRUE(ll_key_eq(s, s));
  // the overloads for str keys are still chosen for RStr*
  EXPECT_EQ(ll_key_hash(rs("ab")), ll_str_hash(rs("ab")));
  EXPECT_EQ(str(ll_key_repr(rs("ab"))), "'ab'");
}

TEST(RtRDictExtra, FloatKeys) {
  using FD = RDict<double, int64_t, LLIdentityKey<double>>;
  FD* d = ll_dict_new<double, int64_t, LLIdentityKey<double>>();
  ll_dict_setitem(d, 1.5, 1);
  ll_dict_setitem(d, 0.0, 2);
  EXPECT_EQ(ll_dict_getitem(d, -0.0), 2);  // -0.0 == 0.0
  EXPECT_EQ(ll_dict_getitem(d, 1.5), 1);
  for (int i = 0; i < 100; i++) ll_dict_setitem(d, i * 0.25, i);
  EXPECT_EQ(d->length, 100);  // 0.0 and 1.5 reused
  EXPECT_EQ(ll_dict_getitem(d, 1.5), 6);
  ll_dict_getitem(d, 2.1);
  EXPECT_EQ(takeExc(), "KeyError: 2.1");
  ll_dict_getitem(d, 1e300);
  EXPECT_EQ(takeExc(), "KeyError: 1e+300");
  (void)static_cast<FD*>(nullptr);
}

namespace {
struct Inner { int64_t item0; RStr* item1; };
struct Outer { Inner* item0; double item1; };
struct One { Inner* item0; };
}  // namespace

TEST(RtRDictExtra, NestedTupleItems) {
  auto mk = [](int64_t a, const char* b) {
    Inner* t = static_cast<Inner*>(ll_malloc(sizeof(Inner)));
    t->item0 = a;
    t->item1 = b ? ll_str_from_cstr(b) : nullptr;
    return t;
  };
  Inner* x = mk(1, "a");
  Inner* y = mk(1, "a");
  Inner* z = mk(1, "b");
  EXPECT_TRUE(ll_key_eq(x, y));
  EXPECT_FALSE(ll_key_eq(x, z));
  EXPECT_EQ(ll_key_hash(x), ll_key_hash(y));
  EXPECT_NE(ll_key_hash(x), ll_key_hash(z));
  EXPECT_EQ(str(ll_key_repr(x)), "(1, 'a')");
  EXPECT_EQ(str(ll_key_repr(mk(-3, nullptr))), "(-3, None)");
  Outer o1{x, 0.0}, o2{y, -0.0}, o3{z, 0.0};
  EXPECT_TRUE(ll_key_eq(&o1, &o2));
  EXPECT_EQ(ll_key_hash(&o1), ll_key_hash(&o2));
  EXPECT_FALSE(ll_key_eq(&o1, &o3));
  o2.item1 = 2.5;
  EXPECT_EQ(str(ll_key_repr(&o2)), "((1, 'a'), 2.5)");
  One one{x};
  EXPECT_EQ(str(ll_key_repr(&one)), "((1, 'a'),)");
  // scalar overloads of llsupport.h still win for their types
  EXPECT_EQ(str(ll_key_repr(true)), "True");
  EXPECT_EQ(str(ll_key_repr(static_cast<int64_t>(7))), "7");
  EXPECT_EQ(str(ll_key_repr(static_cast<uint64_t>(7))), "r_uint(7)");
}

TEST(RtRDictExtra, UintKeys) {
  auto* d = ll_dict_new<uint64_t, int64_t, LLIdentityKey<uint64_t>>();
  ll_dict_setitem(d, ~0ULL, 1);
  ll_dict_setitem(d, 5, 2);
  EXPECT_EQ(ll_dict_getitem(d, ~0ULL), 1);
  ll_dict_getitem(d, 6);
  EXPECT_EQ(takeExc(), "KeyError: r_uint(6)");
}
