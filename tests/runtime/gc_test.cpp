// Tests of runtime/gc.cpp with the containers: lots of allocation and full
// collections must leave reachable data intact (atomic string bytes, list
// and dict storage reached only through GC objects, static roots).
#include "runtime_test_util.h"
#include <string>

using namespace rt_test;

namespace {
RList<RStr*>* gRoot;  // static data: scanned by Boehm
}

TEST(RtGc, StressKeepsReachableData) {
  gRoot = ll_list_new<RStr*>(0);
  auto* d = ll_dict_new<RStr*, RList<int64_t>*, LLStrKey>();
  for (int round = 0; round < 20; round++) {
    for (int i = 0; i < 5000; i++) {
      RStr* garbage = ll_str_mul(rs("garbage"), 10);  // unreachable at once
      (void)garbage;
      if (i % 50 == 0) {
        RStr* key = ll_int_to_str(round * 100000 + i);
        ll_list_append(gRoot, key);
        RList<int64_t>* l = ll_list_new<int64_t>(0);
        for (int k = 0; k < 10; k++) ll_list_append(l, int64_t{round + i + k});
        ll_dict_setitem(d, key, l);
      }
    }
    ll_gc_collect();
  }
  ASSERT_EQ(gRoot->length, 20 * 100);
  for (int64_t j = 0; j < gRoot->length; j++) {
    RStr* key = gRoot->items->items[j];
    int round = static_cast<int>(j / 100), i = static_cast<int>(j % 100) * 50;
    ASSERT_EQ(str(key), std::to_string(round * 100000 + i));
    RList<int64_t>* l = ll_dict_getitem(d, rs(str(key)));
    ASSERT_EQ(l->length, 10);
    ASSERT_EQ(l->items->items[9], round + i + 9);
  }
  EXPECT_EQ(ll_dict_len(d), 2000);
}

TEST(RtGc, AtomicArraysAreZeroed) {
  for (int i = 0; i < 1000; i++) {
    RArray<int64_t>* a = ll_array_new<int64_t>(64);
    for (int k = 0; k < 64; k++) ASSERT_EQ(a->items[k], 0);
    for (int k = 0; k < 64; k++) a->items[k] = -1;  // dirty memory for reuse
  }
  ll_gc_collect();
  RArray<int64_t>* a = ll_array_new<int64_t>(64);
  for (int k = 0; k < 64; k++) ASSERT_EQ(a->items[k], 0);
  EXPECT_EQ(ll_str_new(5)->hash, 0);
}

TEST(RtGc, OutOfMemoryIsAClearFatalError) {
  EXPECT_EXIT(ll_malloc(size_t{1} << 62), testing::ExitedWithCode(1), "fatal error: out of memory");
}
