// Tests of runtime/rlist.h: every list helper against a std::vector model
// (random operations, seeded) and CPython's error messages.
#include "runtime_test_util.h"
#include <algorithm>
#include <random>
#include <vector>

using namespace rt_test;

namespace {
std::vector<int64_t> items(RList<int64_t>* l) {
  return std::vector<int64_t>(l->items->items, l->items->items + l->length);
}
RList<int64_t>* mk(std::vector<int64_t> v) {
  RList<int64_t>* l = ll_list_new<int64_t>(0);
  for (int64_t x : v) ll_list_append(l, x);
  return l;
}
/// Python's clamping of a[start:stop] on a model vector.
void clamp(int64_t& a, int64_t& b, int64_t n) { ll_clamp_slice(a, b, n); }
}  // namespace

TEST(RtRList, AppendGrowsLikeCPython) {
  RList<int64_t>* l = ll_list_new<int64_t>(0);
  std::vector<int64_t> caps;
  for (int i = 0; i < 20; i++) {
    ll_list_append(l, i);
    if (caps.empty() || caps.back() != l->items->length) caps.push_back(l->items->length);
  }
  EXPECT_EQ(caps, (std::vector<int64_t>{4, 8, 16, 24}));  // CPython 3.11's list sizes
  EXPECT_EQ(l->length, 20);
  EXPECT_EQ(ll_list_getitem(l, -1), 19);
}

TEST(RtRList, Errors) {
  RList<int64_t>* l = mk({1, 2, 3});
  ll_list_getitem(l, 3);
  EXPECT_EQ(takeExc(), "IndexError: list index out of range");
  ll_list_setitem(l, -4, 0);
  EXPECT_EQ(takeExc(), "IndexError: list index out of range");
  ll_list_delitem(l, 5);
  EXPECT_EQ(takeExc(), "IndexError: list assignment index out of range");
  ll_list_pop_index(l, 7);
  EXPECT_EQ(takeExc(), "IndexError: pop index out of range");
  ll_list_index(l, int64_t{9});
  EXPECT_EQ(takeExc(), "ValueError: x not in list");
  ll_list_remove(l, int64_t{9});
  EXPECT_EQ(takeExc(), "ValueError: list.remove(x): x not in list");
  RList<int64_t>* e = mk({});
  ll_list_pop(e);
  EXPECT_EQ(takeExc(), "IndexError: pop from empty list");
  ll_list_pop_index(e, 0);
  EXPECT_EQ(takeExc(), "IndexError: pop from empty list");
  RArray<int64_t>* a = ll_array_new<int64_t>(2);
  ll_array_getitem(a, 2);
  EXPECT_EQ(takeExc(), "IndexError: list index out of range");
}

TEST(RtRList, RandomOpsAgainstModel) {
  std::mt19937_64 rng(42);
  RList<int64_t>* l = ll_list_new<int64_t>(0);
  std::vector<int64_t> m;
  auto r = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  for (int step = 0; step < 20000; step++) {
    int64_t n = static_cast<int64_t>(m.size());
    int64_t a = r(-n - 3, n + 3), b = r(-n - 3, n + 3), v = r(-50, 50);
    switch (r(0, 11)) {
      case 0: case 1: ll_list_append(l, v); m.push_back(v); break;
      case 2: ll_list_insert(l, a, v); { int64_t i = a < 0 ? std::max<int64_t>(0, a + n) : std::min(a, n); m.insert(m.begin() + i, v); } break;
      case 3: if (n) { EXPECT_EQ(ll_list_pop(l), m.back()); m.pop_back(); } break;
      case 4: if (a >= -n && a < n) { int64_t i = a < 0 ? a + n : a; EXPECT_EQ(ll_list_pop_index(l, a), m[i]); m.erase(m.begin() + i); } break;
      case 5: if (a >= -n && a < n) { int64_t i = a < 0 ? a + n : a; ll_list_setitem(l, a, v); m[i] = v; } break;
      case 6: { RList<int64_t>* s = ll_list_getslice(l, a, b); clamp(a, b, n); EXPECT_EQ(items(s), std::vector<int64_t>(m.begin() + a, m.begin() + b)); } break;
      case 7: { std::vector<int64_t> o(r(0, 4), v); ll_list_setslice(l, a, b, mk(o)); clamp(a, b, n); m.erase(m.begin() + a, m.begin() + b); m.insert(m.begin() + a, o.begin(), o.end()); } break;
      case 8: ll_list_delslice(l, a, b); clamp(a, b, n); m.erase(m.begin() + a, m.begin() + b); break;
      case 9: if (n < 200) { ll_list_extend(l, l); std::vector<int64_t> c = m; m.insert(m.end(), c.begin(), c.end()); } break;
      case 10: ll_list_reverse(l); std::reverse(m.begin(), m.end()); break;
      case 11: EXPECT_EQ(ll_list_find(l, v), std::find(m.begin(), m.end(), v) == m.end() ? -1 : std::find(m.begin(), m.end(), v) - m.begin()); break;
    }
    if (n > 400) { ll_list_delslice(l, 0, 300); m.erase(m.begin(), m.begin() + 300); }
    ASSERT_EQ(items(l), m) << "step " << step;
    ASSERT_LE(l->length, l->items->length);
  }
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRList, ConcatMulCopyCount) {
  RList<int64_t>* a = mk({1, 2});
  EXPECT_EQ(items(ll_list_concat(a, mk({3}))), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(items(ll_list_mul(a, 3)), (std::vector<int64_t>{1, 2, 1, 2, 1, 2}));
  EXPECT_EQ(items(ll_list_mul(a, -2)), std::vector<int64_t>{});
  EXPECT_EQ(items(ll_list_new_filled<int64_t>(3, 7)), (std::vector<int64_t>{7, 7, 7}));
  RList<int64_t>* c = ll_list_copy(a);
  ll_list_append(c, 5);
  EXPECT_EQ(a->length, 2);
  EXPECT_EQ(ll_list_count(mk({1, 2, 1}), int64_t{1}), 2);
  EXPECT_TRUE(ll_list_contains(a, int64_t{2}));
  ll_list_clear(c);
  EXPECT_EQ(c->length, 0);
  RArray<int64_t>* arr = ll_array_new<int64_t>(3);
  ll_array_setitem(arr, -1, 9);
  EXPECT_EQ(items(ll_list_from_array(arr)), (std::vector<int64_t>{0, 0, 9}));
  EXPECT_EQ(ll_array_slice(arr, 1, 100)->length, 2);
}

TEST(RtRList, StringsCompareByValue) {
  RList<RStr*>* l = ll_list_new<RStr*>(0);
  ll_list_append(l, rs("b"));
  ll_list_append(l, rs("a"));
  EXPECT_EQ(ll_list_index(l, rs("a")), 1);
  ll_list_sort(l);
  EXPECT_EQ(str(l->items->items[0]), "a");
}

TEST(RtRList, SortIsStable) {
  std::mt19937_64 rng(7);
  for (int n : {0, 1, 2, 15, 16, 17, 100, 1000, 5000}) {
    RList<int64_t>* l = ll_list_new<int64_t>(0);
    std::vector<int64_t> m;
    for (int i = 0; i < n; i++) {
      int64_t v = static_cast<int64_t>(rng() % 50) * 10000 + i;  // key * 10000 + position
      ll_list_append(l, v);
      m.push_back(v);
    }
    auto byKey = [](int64_t x, int64_t y) { return x / 10000 < y / 10000; };
    ll_list_sort(l, byKey);
    std::stable_sort(m.begin(), m.end(), byKey);
    EXPECT_EQ(items(l), m) << n;
  }
  RList<double> * f = ll_list_new<double>(0);
  for (double d : {3.5, -1.0, 2.0}) ll_list_append(f, d);
  ll_list_sort(f);
  EXPECT_EQ(f->items->items[0], -1.0);
}
