// Tests of the pieces of runtime/jit/jitdriver.h that generated code uses
// directly: toWord/fromWord (the words greens, reds and call thunks travel
// in) and ResumeCursor (a guard's resume data consumed by the twins,
// outermost frame first), including the frames the recorder writes.
#include <cmath>
#include <cstring>
#include <vector>
#include "jit/interp.h"
#include "jit/jitdriver.h"
#include "jit/recorder.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;

// --- toWord / fromWord ---------------------------------------------------------------------

TEST(Words, BoolsAreZeroOrOne) {
  EXPECT_EQ(toWord(true), 1u);
  EXPECT_EQ(toWord(false), 0u);
  EXPECT_TRUE(fromWord<bool>(1));
  EXPECT_FALSE(fromWord<bool>(0));
  EXPECT_TRUE(fromWord<bool>(0x100));  // any non-zero word is true
}

TEST(Words, CharsAreZeroTo255) {
  EXPECT_EQ(toWord(static_cast<char>(200)), 200u);  // not sign-extended, whatever char's signedness
  EXPECT_EQ(toWord('A'), 65u);
  EXPECT_EQ(toWord('\0'), 0u);
  EXPECT_EQ(toWord(static_cast<char>(255)), 255u);
  EXPECT_EQ(fromWord<char>(200), static_cast<char>(200));
  EXPECT_EQ(toWord(fromWord<char>(200)), 200u);
  for (int c = 0; c < 256; c++) ASSERT_EQ(toWord(fromWord<char>(static_cast<uint64_t>(c))), static_cast<uint64_t>(c));
}

TEST(Words, IntegersAreSignExtended) {
  EXPECT_EQ(toWord(int64_t{-1}), UINT64_MAX);
  EXPECT_EQ(toWord(int64_t{-5}), static_cast<uint64_t>(int64_t{-5}));
  EXPECT_EQ(fromWord<int64_t>(toWord(INT64_MIN)), INT64_MIN);
  EXPECT_EQ(fromWord<int64_t>(toWord(INT64_MAX)), INT64_MAX);
  EXPECT_EQ(toWord(int32_t{-7}), static_cast<uint64_t>(int64_t{-7}));  // narrower ints too
  EXPECT_EQ(fromWord<int32_t>(toWord(int32_t{-7})), -7);
  EXPECT_EQ(toWord(uint64_t{1} << 63), uint64_t{1} << 63);
  // A word holds an int64 as the trace IR does: Value::i agrees.
  EXPECT_EQ(toWord(int64_t{-42}), Value::i(-42).bits);
}

TEST(Words, DoublesTravelAsTheirBits) {
  uint64_t bits;
  double x = -2.75;
  std::memcpy(&bits, &x, sizeof bits);
  EXPECT_EQ(toWord(x), bits);
  EXPECT_EQ(toWord(1.5), Value::f(1.5).bits);
  EXPECT_EQ(fromWord<double>(toWord(x)), x);
  EXPECT_EQ(toWord(-0.0), uint64_t{1} << 63);  // not converted to the integer 0
  EXPECT_TRUE(std::signbit(fromWord<double>(toWord(-0.0))));
  EXPECT_TRUE(std::isnan(fromWord<double>(toWord(std::nan("")))));
  EXPECT_EQ(fromWord<double>(toWord(HUGE_VAL)), HUGE_VAL);
}

TEST(Words, PointersTravelAsTheirAddress) {
  Frame f{};
  EXPECT_EQ(toWord(&f), reinterpret_cast<uint64_t>(&f));
  EXPECT_EQ(fromWord<Frame*>(toWord(&f)), &f);
  const char* s = "text";
  EXPECT_EQ(fromWord<const char*>(toWord(s)), s);
  EXPECT_EQ(toWord(static_cast<void*>(nullptr)), 0u);
  EXPECT_EQ(fromWord<Frame*>(0), nullptr);
}

// --- ResumeCursor ------------------------------------------------------------------------------

TEST(ResumeCursor, EntersEachFrameInOrderAndIndexesWithinIt) {
  Frame f{};
  std::vector<ResumeFrame> frames{{3, 10, 2}, {5, 20, 0}, {8, 30, 2}};
  std::vector<uint64_t> values{toWord(int64_t{-4}), toWord(&f), toWord(2.5), toWord(int64_t{99})};
  ResumeCursor rs(frames, values, {});
  EXPECT_FALSE(rs.done());
  EXPECT_EQ(rs.enter(3), 10u);
  EXPECT_EQ(rs.get<int64_t>(0).v, -4);
  EXPECT_EQ(rs.get<Frame*>(1).v, &f);
  EXPECT_TRUE(rs.get<int64_t>(0).ref.isNone());  // no refs: deoptimisation, nothing traced
  EXPECT_EQ(rs.enter(5), 20u);  // a frame with no values
  EXPECT_FALSE(rs.done());
  EXPECT_EQ(rs.enter(8), 30u);
  EXPECT_EQ(rs.get<double>(0).v, 2.5);  // index 0 of the third frame is value 2
  EXPECT_EQ(rs.get<int64_t>(1).v, 99);
  EXPECT_TRUE(rs.done());
}

TEST(ResumeCursor, GivesTheRefsOfABridgeBeingTraced) {
  std::vector<ResumeFrame> frames{{1, 4, 1}, {2, 7, 2}};
  std::vector<uint64_t> values{toWord(int64_t{5}), toWord(int64_t{6}), toWord(1.0)};
  std::vector<Ref> refs{Ref::input(0), Ref::make(Ref::CONST_INT, 0), Ref::input(2)};
  ResumeCursor rs(frames, values, refs);
  EXPECT_EQ(rs.enter(1), 4u);
  EXPECT_EQ(rs.get<int64_t>(0).ref, Ref::input(0));
  EXPECT_EQ(rs.enter(2), 7u);
  Val<int64_t> a = rs.get<int64_t>(0);
  EXPECT_EQ(a.v, 6);
  EXPECT_EQ(a.ref, Ref::make(Ref::CONST_INT, 0));
  EXPECT_TRUE(a.isConst());
  Val<double> x = rs.get<double>(1);
  EXPECT_EQ(x.v, 1.0);
  EXPECT_EQ(x.ref, Ref::input(2));
}

TEST(ResumeCursorDeathTest, ATwinThatIsNotTheFramesIsFatal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::vector<ResumeFrame> frames{{3, 10, 1}, {5, 20, 0}};
  std::vector<uint64_t> values{1};
  EXPECT_EXIT(
      {
        ResumeCursor rs(frames, values, {});
        rs.enter(4);
      },
      ::testing::ExitedWithCode(1), "fatal error: JIT: resume data names twin 3 where twin 4 resumes");
  EXPECT_EXIT(
      {
        ResumeCursor rs(frames, values, {});
        rs.enter(3);
        rs.enter(3);  // the second frame is twin 5's
      },
      ::testing::ExitedWithCode(1), "fatal error: JIT: resume data names twin 5 where twin 3 resumes");
}

// --- the frames the recorder writes, consumed by the cursor -----------------------------------
// A portal (twin 1) calls twin 2 at its point 4 with f live; twin 2 guards
// n > 0 at its point 6 with n live. When the compiled guard fails, its fail
// args and frames resume twin 1 at 4 with f, then twin 2 at 6 with n.
TEST(ResumeCursor, ResumesTheFramesARecordedGuardFailedWith) {
  const DescrTable& d = descrs();
  auto* f0 = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  Recorder R(d);
  Val<int64_t> n{3};
  Val<Frame*> f{f0};
  R.start(*d.find("loop0"), {}, {n, f});
  R.enterCode(1);
  R.pushFrame(4, {f}, 2);
  R.guardTrue(R.intGt(n, R.constInt(0)), {n}, 6);
  R.popFrame();
  ASSERT_EQ(R.finish({n}), Recorder::Status::FINISHED) << R.abortReason();
  Trace t = R.takeTrace();
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(-1), Value::r(f0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  const GuardDescr& g = t.guards.at(r.guard);
  ResumeCursor rs(g.frames, std::span<const uint64_t>(r.values.data(), r.values.size()), {});
  EXPECT_EQ(rs.enter(1), 4u);
  EXPECT_EQ(rs.get<Frame*>(0).v, f0);
  EXPECT_EQ(rs.enter(2), 6u);
  EXPECT_EQ(rs.get<int64_t>(0).v, -1);
  EXPECT_TRUE(rs.done());
}
