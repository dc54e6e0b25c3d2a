// Tests of runtime/jit/gcroots.cpp: RootTable's container behaviour, and
// that what it holds is seen by the Boehm collector (a trace's ConstPtrs).
#include <gtest/gtest.h>
#include <gc/gc.h>
#include <memory>
#include "jit/gcroots.h"
#include "jit/trace.h"
#include "jit_test_util.h"

using namespace lathe::jit;

TEST(GcRoots, GrowsCopiesMoves) {
  RootTable t;
  EXPECT_TRUE(t.empty());
  for (uint64_t i = 0; i < 100; i++) t.push(i * 3);
  ASSERT_EQ(t.size(), 100u);
  EXPECT_EQ(t[99], 297u);
  RootTable copy = t;
  copy[0] = 42;
  EXPECT_EQ(t[0], 0u);  // deep copy
  RootTable moved = std::move(copy);
  EXPECT_EQ(moved[0], 42u);
  EXPECT_EQ(copy.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty
  moved.resize(2);
  moved.resize(5);
  EXPECT_EQ(moved[1], 3u);
  EXPECT_EQ(moved[4], 0u);  // regrown words are zero
}

namespace {
GC_hidden_pointer gLink;  // a disappearing link: cleared when its object dies

/// Allocates an object reachable only through `into` (and the hidden link).
__attribute__((noinline)) void allocateWatched(Trace& into) {
  void* obj = ll_malloc(64);
  gLink = GC_HIDE_POINTER(obj);
  GC_general_register_disappearing_link(reinterpret_cast<void**>(&gLink), obj);
  into.constPtr(obj, "watched");
}

__attribute__((noinline)) void clobberStack() {
  volatile char junk[4096];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0;
}
}  // namespace

TEST(GcRoots, ConstPtrKeepsObjectAlive) {
  auto t = std::make_unique<Trace>();  // the Trace itself lives in unscanned malloc memory
  allocateWatched(*t);
  clobberStack();
  for (int i = 0; i < 3; i++) {
    for (int k = 0; k < 10000; k++) (void)ll_malloc(64);
    ll_gc_collect();
  }
  EXPECT_NE(gLink, GC_hidden_pointer{0}) << "the collector freed an object held only as a ConstPtr";
  // Its bytes are still ours: write and read through the constant.
  auto* obj = static_cast<int64_t*>(t->ptrConst(Ref::make(Ref::CONST_PTR, 0)));
  obj[7] = 1234;
  ll_gc_collect();
  EXPECT_EQ(obj[7], 1234);
  GC_unregister_disappearing_link(reinterpret_cast<void**>(&gLink));
}
