// Tests of runtime/exceptions.cpp: the exception-state pair, the built-in
// table (names, parents in order), raising through the factory hook, and
// the uncaught-exception report.
#include "runtime_test_util.h"
#include <cstring>

using namespace rt_test;

TEST(RtExceptions, StatePair) {
  EXPECT_FALSE(ll_exc_occurred());
  ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "bad");
  EXPECT_TRUE(ll_exc_occurred());
  EXPECT_EQ(ll_exc_type, static_cast<void*>(&kTestVtables[LL_EXC_VALUE_ERROR]));
  EXPECT_EQ(static_cast<TestExc*>(ll_exc_value)->kind, LL_EXC_VALUE_ERROR);
  EXPECT_EQ(takeExc(), "ValueError: bad");
  EXPECT_FALSE(ll_exc_occurred());
  ll_raise_builtin(LL_EXC_ASSERTION_ERROR, nullptr);
  EXPECT_EQ(takeExc(), "AssertionError");
}

TEST(RtExceptions, RaiseUserInstance) {
  struct Inst { void* typeptr; int64_t field; };
  static char userVtable;
  auto* e = static_cast<Inst*>(ll_malloc(sizeof(Inst)));
  e->typeptr = &userVtable;
  ll_raise(e);
  EXPECT_EQ(ll_exc_type, static_cast<void*>(&userVtable));
  EXPECT_EQ(ll_exc_value, static_cast<void*>(e));
  ll_exc_clear();
  EXPECT_EQ(ll_exc_value, nullptr);
}

TEST(RtExceptions, BuiltinTable) {
  EXPECT_STREQ(ll_builtin_exc_name(LL_EXC_ZERO_DIVISION_ERROR), "ZeroDivisionError");
  EXPECT_EQ(ll_builtin_exc_parent(LL_EXC_ZERO_DIVISION_ERROR), LL_EXC_ARITHMETIC_ERROR);
  EXPECT_EQ(ll_builtin_exc_parent(LL_EXC_RECURSION_ERROR), LL_EXC_RUNTIME_ERROR);
  EXPECT_EQ(ll_builtin_exc_parent(LL_EXC_KEY_ERROR), LL_EXC_LOOKUP_ERROR);
  EXPECT_EQ(ll_builtin_exc_parent(LL_EXC_BASE_EXCEPTION), LL_EXC_BASE_EXCEPTION);
  for (int k = 1; k < LL_EXC__COUNT; k++) {
    auto kind = static_cast<LLBuiltinExc>(k);
    EXPECT_LT(ll_builtin_exc_parent(kind), kind) << ll_builtin_exc_name(kind);
  }
}

TEST(RtExceptions, UncaughtReport) {
  testing::internal::CaptureStderr();
  ll_print_uncaught("ValueError", rs("invalid literal for int() with base 10: 'x'"));
  ll_print_uncaught("AssertionError", nullptr);
  ll_print_uncaught("KeyError", rs(""));
  std::string err = testing::internal::GetCapturedStderr();
  const char* head = "Traceback (most recent call last):\n  (frames of translated RPy code are not recorded)\n";
  EXPECT_EQ(err, std::string(head) + "ValueError: invalid literal for int() with base 10: 'x'\n" +
                     head + "AssertionError\n" + head + "KeyError\n");
}
