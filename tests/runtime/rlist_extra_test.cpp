// Tests of the ll_seq_* / range / conversion helpers added to runtime/rlist.h
// for rtyper/rlist.cpp: results checked against Python's semantics (slices
// with any step modelled on CPython's PySlice_AdjustIndices) and CPython
// 3.11's error messages.
#include "runtime_test_util.h"
#include <algorithm>
#include <random>
#include <vector>

using namespace rt_test;

namespace {
template <class S>
std::vector<int64_t> items(S* s) {
  return std::vector<int64_t>(ll_seq_items(s), ll_seq_items(s) + ll_seq_len(s));
}
RList<int64_t>* mk(std::vector<int64_t> v) {
  RList<int64_t>* l = ll_list_new<int64_t>(0);
  for (int64_t x : v) ll_list_append(l, x);
  return l;
}
RArray<int64_t>* mka(std::vector<int64_t> v) {
  RArray<int64_t>* a = ll_array_new<int64_t>(int64_t(v.size()));
  for (size_t i = 0; i < v.size(); i++) a->items[i] = v[i];
  return a;
}
/// Python's range(start, stop, step) as a vector (step != 0).
std::vector<int64_t> pyRange(int64_t start, int64_t stop, int64_t step) {
  std::vector<int64_t> r;
  if (step > 0)
    for (int64_t i = start; i < stop; i += step) r.push_back(i);
  else
    for (int64_t i = start; i > stop; i += step) r.push_back(i);
  return r;
}
/// The indices a slice selects, by CPython's slice.indices() rules.
std::vector<int64_t> sliceIndices(int64_t n, int64_t start, int64_t stop, int64_t step,
                                  bool hasStart, bool hasStop) {
  int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? n - 1 : n;
  if (!hasStart) start = step < 0 ? upper : lower;
  else { if (start < 0) { start += n; if (start < lower) start = lower; } else if (start > upper) start = upper; }
  if (!hasStop) stop = step < 0 ? lower : upper;
  else { if (stop < 0) { stop += n; if (stop < lower) stop = lower; } else if (stop > upper) stop = upper; }
  return pyRange(start, stop, step);
}
}  // namespace

TEST(RtRListExtra, CopyConcatMulAcrossKinds) {
  RList<int64_t>* l = mk({1, 2, 3});
  RArray<int64_t>* a = mka({4, 5});
  EXPECT_EQ(items(ll_seq_copy<RArray<int64_t>>(l)), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(items(ll_seq_copy<RList<int64_t>>(a)), (std::vector<int64_t>{4, 5}));
  EXPECT_EQ(items(ll_seq_concat<RList<int64_t>>(l, a)), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(items(ll_seq_concat<RArray<int64_t>>(a, a)), (std::vector<int64_t>{4, 5, 4, 5}));
  EXPECT_EQ(items(ll_seq_mul<RList<int64_t>>(a, 3)), (std::vector<int64_t>{4, 5, 4, 5, 4, 5}));
  EXPECT_EQ(items(ll_seq_mul<RArray<int64_t>>(mka({7}), 4)), (std::vector<int64_t>{7, 7, 7, 7}));
  EXPECT_EQ(ll_seq_len(ll_seq_mul<RList<int64_t>>(l, 0)), 0);
  EXPECT_EQ(ll_seq_len(ll_seq_mul<RList<int64_t>>(l, -5)), 0);
  // Items converted to the result's type.
  RArray<double>* d = ll_seq_copy<RArray<double>>(l);
  EXPECT_EQ(d->items[2], 3.0);
  RStr* s = ll_str_from_cstr("ab");
  RList<RStr*>* strs = ll_str_to_seq<RList<RStr*>>(s);
  ASSERT_EQ(strs->length, 2);
  EXPECT_TRUE(ll_str_eq(strs->items->items[1], ll_str_from_cstr("b")));
  RArray<char>* chars = ll_str_to_seq<RArray<char>>(s);
  EXPECT_EQ(chars->items[0], 'a');
}

TEST(RtRListExtra, ExtendAndInplaceMul) {
  RList<int64_t>* l = mk({1, 2});
  ll_seq_extend(l, l);
  EXPECT_EQ(items(l), (std::vector<int64_t>{1, 2, 1, 2}));
  ll_seq_extend(l, mka({9}));
  EXPECT_EQ(items(l), (std::vector<int64_t>{1, 2, 1, 2, 9}));
  ll_list_inplace_mul(l, 2);
  EXPECT_EQ(items(l), (std::vector<int64_t>{1, 2, 1, 2, 9, 1, 2, 1, 2, 9}));
  ll_list_inplace_mul(l, 0);
  EXPECT_EQ(l->length, 0);
  RList<char>* c = ll_list_new<char>(0);
  ll_list_extend_str(c, ll_str_from_cstr("xyz"));
  EXPECT_EQ(c->length, 3);
  EXPECT_EQ(c->items->items[2], 'z');
}

TEST(RtRListExtra, SetitemMessages) {
  RList<int64_t>* l = mk({1, 2, 3});
  ll_seq_setitem(l, 3, 0);
  EXPECT_EQ(takeExc(), "IndexError: list assignment index out of range");
  ll_seq_setitem(l, -1, 30);
  EXPECT_EQ(items(l), (std::vector<int64_t>{1, 2, 30}));
  RArray<int64_t>* a = mka({1});
  ll_seq_setitem(a, -2, 0);
  EXPECT_EQ(takeExc(), "IndexError: list assignment index out of range");
  ll_check_index_nonneg(1, 1);
  EXPECT_EQ(takeExc(), "IndexError: list index out of range");
  ll_check_setindex_nonneg(0, 1);
  EXPECT_FALSE(ll_exc_occurred());
  EXPECT_EQ(ll_seq_getitem_as<double>(a, 0), 1.0);
  ll_seq_getitem_as<double>(a, 1);
  EXPECT_EQ(takeExc(), "IndexError: list index out of range");
  RList<int64_t>* e = mk({});
  ll_list_pop_as<double>(e);
  EXPECT_EQ(takeExc(), "IndexError: pop from empty list");
}

TEST(RtRListExtra, SearchAndEquality) {
  RList<int64_t>* l = mk({3, 1, 3, 2});
  EXPECT_EQ((ll_seq_find_by<LLEq<int64_t>>(l, 3)), 0);
  EXPECT_EQ((ll_seq_count_by<LLEq<int64_t>>(l, 3)), 2);
  EXPECT_TRUE((ll_seq_contains_by<LLEq<int64_t>>(l, 2)));
  EXPECT_FALSE((ll_seq_contains_by<LLEq<int64_t>>(mka({}), 2)));
  EXPECT_EQ((ll_seq_index_by<LLEq<int64_t>, LLItemRepr<int64_t>>(l, 2)), 3);
  ll_seq_index_by<LLEq<int64_t>, LLItemRepr<int64_t>>(l, -7);
  EXPECT_EQ(takeExc(), "ValueError: -7 is not in list");
  RList<RStr*>* s = ll_list_new<RStr*>(0);
  ll_list_append(s, ll_str_from_cstr("a"));
  ll_seq_index_by<LLEq<RStr*>, LLItemRepr<RStr*>>(s, ll_str_from_cstr("it's"));
  EXPECT_EQ(takeExc(), "ValueError: \"it's\" is not in list");
  ll_seq_index_by<LLEq<double>, LLItemRepr<double>>(ll_array_new<double>(0), 2.0);
  EXPECT_EQ(takeExc(), "ValueError: 2.0 is not in list");
  ll_seq_remove_by<LLEq<int64_t>>(l, 3);
  EXPECT_EQ(items(l), (std::vector<int64_t>{1, 3, 2}));
  ll_seq_remove_by<LLEq<int64_t>>(l, 5);
  EXPECT_EQ(takeExc(), "ValueError: list.remove(x): x not in list");
  EXPECT_TRUE((ll_seq_eq_by<LLEq<int64_t>>(l, mka({1, 3, 2}))));
  EXPECT_FALSE((ll_seq_eq_by<LLEq<int64_t>>(l, mka({1, 3}))));
  EXPECT_FALSE((ll_seq_eq_by<LLEq<int64_t>>(l, (RList<int64_t>*)nullptr)));
  EXPECT_TRUE((ll_seq_eq_by<LLEq<int64_t>>((RList<int64_t>*)nullptr, (RArray<int64_t>*)nullptr)));
  // Lists of lists compare by value, whatever the inner kinds.
  RList<RList<int64_t>*>* ll = ll_list_new<RList<int64_t>*>(0);
  ll_list_append(ll, mk({1, 2}));
  RArray<RArray<int64_t>*>* aa = ll_array_new<RArray<int64_t>*>(1);
  aa->items[0] = mka({1, 2});
  EXPECT_TRUE((ll_seq_eq_by<LLSeqEqOf<LLEq<int64_t>>>(ll, aa)));
  aa->items[0] = mka({1});
  EXPECT_FALSE((ll_seq_eq_by<LLSeqEqOf<LLEq<int64_t>>>(ll, aa)));
  EXPECT_TRUE((ll_seq_contains_by<LLSeqEqOf<LLEq<int64_t>>>(ll, mk({1, 2}))));
}

TEST(RtRListExtra, ReverseAndSort) {
  RArray<int64_t>* a = mka({5, -1, 3, 3, 0});
  ll_seq_reverse(a);
  EXPECT_EQ(items(a), (std::vector<int64_t>{0, 3, 3, -1, 5}));
  ll_seq_sort_by<LLItemLess<int64_t>>(a);
  EXPECT_EQ(items(a), (std::vector<int64_t>{-1, 0, 3, 3, 5}));
  // Chars order as unsigned bytes (CPython orders code points).
  RList<char>* c = ll_list_new<char>(0);
  for (char x : {'\xe9', 'a', 'Z'}) ll_list_append(c, x);
  ll_seq_sort_by<LLItemLess<char>>(c);
  EXPECT_EQ(c->items->items[0], 'Z');
  EXPECT_EQ(c->items->items[2], '\xe9');
}

TEST(RtRListExtra, SlicesWithStepMatchPython) {
  std::mt19937_64 rng(1234);
  for (int iter = 0; iter < 3000; iter++) {
    int64_t n = int64_t(rng() % 9);
    std::vector<int64_t> model;
    for (int64_t i = 0; i < n; i++) model.push_back(i * 10);
    int64_t start = int64_t(rng() % 23) - 11, stop = int64_t(rng() % 23) - 11;
    int64_t step = int64_t(rng() % 9) - 4;
    if (step == 0) step = 1;
    bool hasStart = rng() % 4 != 0, hasStop = rng() % 4 != 0;
    std::vector<int64_t> idx = sliceIndices(n, start, stop, step, hasStart, hasStop);
    std::vector<int64_t> want;
    for (int64_t i : idx) want.push_back(model[size_t(i)]);
    RList<int64_t>* l = mk(model);
    EXPECT_EQ(items(ll_seq_slice_step<RArray<int64_t>>(l, start, stop, step, hasStart, hasStop)), want)
        << n << " " << start << " " << stop << " " << step << " " << hasStart << hasStop;
    // del l[slice]
    std::vector<int64_t> kept;
    for (int64_t i = 0; i < n; i++)
      if (std::find(idx.begin(), idx.end(), i) == idx.end()) kept.push_back(model[size_t(i)]);
    ll_list_delslice_step(l, start, stop, step, hasStart, hasStop);
    EXPECT_EQ(items(l), kept) << "del " << n << " " << start << " " << stop << " " << step;
    // l[slice] = same-length replacement
    if (step != 1) {
      RList<int64_t>* m = mk(model);
      std::vector<int64_t> repl, expect = model;
      for (size_t k = 0; k < idx.size(); k++) {
        repl.push_back(-int64_t(k) - 1);
        expect[size_t(idx[k])] = -int64_t(k) - 1;
      }
      ll_seq_setslice_step(m, start, stop, step, hasStart, hasStop, mka(repl));
      EXPECT_EQ(items(m), expect);
    }
  }
  RList<int64_t>* l = mk({1, 2, 3});
  ll_seq_slice_step<RList<int64_t>>(l, 0, 0, 0, false, false);
  EXPECT_EQ(takeExc(), "ValueError: slice step cannot be zero");
  ll_list_delslice_step(l, 0, 0, 0, false, false);
  EXPECT_EQ(takeExc(), "ValueError: slice step cannot be zero");
  ll_seq_setslice_step(l, 0, 0, 2, false, false, mka({1}));
  EXPECT_EQ(takeExc(), "ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
  // Step 1 with omitted bounds is a plain slice assignment (may resize).
  ll_seq_setslice_step(l, 0, 0, 1, true, false, mka({7, 8, 9, 10}));
  EXPECT_EQ(items(l), (std::vector<int64_t>{7, 8, 9, 10}));
  ll_seq_setslice(l, 1, 3, l);
  EXPECT_EQ(items(l), (std::vector<int64_t>{7, 7, 8, 9, 10, 10}));
}

TEST(RtRListExtra, Ranges) {
  std::mt19937_64 rng(99);
  for (int iter = 0; iter < 2000; iter++) {
    int64_t start = int64_t(rng() % 41) - 20, stop = int64_t(rng() % 41) - 20;
    int64_t step = int64_t(rng() % 11) - 5;
    if (step == 0) step = 3;
    std::vector<int64_t> r = pyRange(start, stop, step);
    EXPECT_EQ(items(ll_range_to_seq<RArray<int64_t>>(start, stop, step)), r);
    int64_t i = int64_t(rng() % 31) - 15;
    int64_t n = int64_t(r.size());
    int64_t got = ll_range_getitem(start, stop, step, i);
    if (i < -n || i >= n) {
      EXPECT_EQ(takeExc(), "IndexError: range object index out of range");
    } else {
      EXPECT_EQ(got, r[size_t(i < 0 ? i + n : i)]);
    }
    int64_t x = int64_t(rng() % 45) - 22;
    EXPECT_EQ(ll_range_contains(start, stop, step, x), std::find(r.begin(), r.end(), x) != r.end())
        << start << " " << stop << " " << step << " " << x;
  }
  EXPECT_EQ(ll_range_getitem(0, INT64_MAX, 1 << 20, 3), 3 << 20);
}

namespace {
struct Pair {  // as generated for a tuple (int, str)
  int64_t item0;
  RStr* item1;
};
struct Outer {  // (float, (int, str))
  double item0;
  Pair* item1;
};
struct One {  // (int,)
  int64_t item0;
};
using PairOrd = LLTupleOrd<LLItemOrd<int64_t>, LLItemOrd<RStr*>>;
using OuterOrd = LLTupleOrd<LLItemOrd<double>, PairOrd>;
Pair* pair(int64_t a, const char* b) {
  auto* p = static_cast<Pair*>(ll_malloc(sizeof(Pair)));
  p->item0 = a;
  p->item1 = ll_str_from_cstr(b);
  return p;
}
std::string text(RStr* s) { return std::string(s->chars, size_t(s->length)); }
}  // namespace

TEST(RtRListExtra, TupleAndListOrds) {
  EXPECT_TRUE(PairOrd::eq(pair(1, "a"), pair(1, "a")));
  EXPECT_FALSE(PairOrd::eq(pair(1, "a"), pair(1, "b")));
  EXPECT_TRUE(PairOrd::lt(pair(1, "z"), pair(2, "a")));
  EXPECT_TRUE(PairOrd::lt(pair(1, "a"), pair(1, "b")));
  EXPECT_FALSE(PairOrd::lt(pair(1, "a"), pair(1, "a")));
  EXPECT_EQ(text(PairOrd::repr(pair(-3, "it's"))), "(-3, \"it's\")");
  Outer o{0.5, pair(1, "x")};
  EXPECT_EQ(text(OuterOrd::repr(&o)), "(0.5, (1, 'x'))");
  One one{7};
  EXPECT_EQ(text(LLTupleOrd<LLItemOrd<int64_t>>::repr(&one)), "(7,)");
  // Sorting a list of tuples is stable and lexicographic.
  RList<Pair*>* l = ll_list_new<Pair*>(0);
  for (auto [a, b] : std::vector<std::pair<int64_t, const char*>>{{3, "c"}, {1, "z"}, {3, "a"}, {1, "b"}})
    ll_list_append(l, pair(a, b));
  ll_seq_sort_by<LLOrdLess<PairOrd>>(l);
  std::string got;
  for (int64_t i = 0; i < l->length; i++)
    got += std::to_string(l->items->items[i]->item0) + text(l->items->items[i]->item1) + " ";
  EXPECT_EQ(got, "1b 1z 3a 3c ");
  EXPECT_EQ((ll_seq_index_by<LLOrdEq<PairOrd>, LLOrdRepr<PairOrd>>(l, pair(3, "a"))), 2);
  ll_seq_index_by<LLOrdEq<PairOrd>, LLOrdRepr<PairOrd>>(l, pair(3, "q"));
  EXPECT_EQ(takeExc(), "ValueError: (3, 'q') is not in list");
  // Lists of lists.
  using LOrd = LLSeqOrd<LLItemOrd<int64_t>>;
  EXPECT_TRUE(LOrd::lt(mk({1, 2}), mka({1, 3})));
  EXPECT_TRUE(LOrd::lt(mk({1}), mka({1, 0})));
  EXPECT_FALSE(LOrd::lt(mk({2}), mka({1, 9})));
  EXPECT_TRUE(LOrd::eq(mk({4, 5}), mka({4, 5})));
  EXPECT_EQ(text(LOrd::repr(mk({4, -5}))), "[4, -5]");
}

TEST(RtRListExtra, TuplesWithNoneItems) {
  // (None, int, str): the None item has no field.
  using O = LLTupleOrd<LLNoneOrd, LLItemOrd<int64_t>, LLItemOrd<RStr*>>;
  Pair* a = pair(1, "x");
  Pair* b = pair(2, "a");
  EXPECT_TRUE(O::lt(a, b));
  EXPECT_FALSE(O::eq(a, b));
  EXPECT_TRUE(O::eq(a, pair(1, "x")));
  EXPECT_EQ(text(O::repr(a)), "(None, 1, 'x')");
  using O2 = LLTupleOrd<LLItemOrd<int64_t>, LLNoneOrd>;
  One one{3};
  EXPECT_EQ(text(O2::repr(&one)), "(3, None)");
  EXPECT_FALSE(O2::lt(&one, &one));
  using O3 = LLTupleOrd<LLNoneOrd>;
  EXPECT_EQ(text(O3::repr(&one)), "(None,)");
}
