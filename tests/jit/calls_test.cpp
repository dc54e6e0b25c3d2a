// Tests of CallDescr::thunk (trace.h): the interp backend and the recorder
// call a residual target through its thunk when it has one — the form
// jitgen generates for every call descr — so any arity and any mix of
// int/ref/float arguments works, beyond the C signatures spelled directly
// from a function pointer (up to kMaxCallArgs).
#include <vector>
#include "jit/interp.h"
#include "jit/jitdriver.h"
#include "jit/recorder.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;
using Status = Recorder::Status;

namespace {

// Every argument lands in its own decimal digits of the result.
int64_t mix6(int64_t a, void* p, double x, int64_t b, double y, void* q) {
  return a + 10 * b + static_cast<int64_t>(x * 100) + static_cast<int64_t>(y * 1000) +
         10000 * static_cast<Frame*>(p)->acc + 100000 * static_cast<Frame*>(q)->reg;
}

int64_t gThunkCalls = 0;

// What jitgen generates for mix6: words in, word out.
uint64_t mix6Thunk(const uint64_t* a) {
  gThunkCalls++;
  return toWord(mix6(fromWord<int64_t>(a[0]), fromWord<void*>(a[1]), fromWord<double>(a[2]), fromWord<int64_t>(a[3]),
                     fromWord<double>(a[4]), fromWord<void*>(a[5])));
}

double half() { return 0.5; }
uint64_t halfThunk(const uint64_t*) {
  gThunkCalls++;
  return toWord(half());
}

int64_t negate(int64_t a) { return -a; }
// A thunk that is not the function's: shows which of the two is called.
uint64_t negateThunk(const uint64_t* a) {
  gThunkCalls++;
  return toWord(fromWord<int64_t>(a[0]) + 1000);
}

uint64_t sum33Thunk(const uint64_t* a) {
  int64_t s = 0;
  for (int k = 0; k < 33; k++) s += fromWord<int64_t>(a[k]);
  return toWord(s);
}

const std::vector<Kind> kMix6Kinds = {Kind::INT, Kind::REF, Kind::FLOAT, Kind::INT, Kind::FLOAT, Kind::REF};

DescrTable thunkDescrs() {
  DescrTable d = makeDescrs();
  d.add(CallDescr{"mix6", fnPtr(mix6), kMix6Kinds, Kind::INT, {false, false}, mix6Thunk});
  d.add(CallDescr{"mix6NoThunk", fnPtr(mix6), kMix6Kinds, Kind::INT, {false, false}, nullptr});
  d.add(CallDescr{"half", nullptr, {}, Kind::FLOAT, {false, true}, halfThunk});
  d.add(CallDescr{"negate", fnPtr(negate), {Kind::INT}, Kind::INT, {false, false}, negateThunk});
  d.add(CallDescr{"sum33", nullptr, std::vector<Kind>(33, Kind::INT), Kind::INT, {false, false}, sum33Thunk});
  return d;
}

const DescrTable& tdescrs() {
  static const DescrTable d = thunkDescrs();
  return d;
}

Trace parseWith(const DescrTable& d, const std::string& text) {
  ParseResult r = parseTrace(text, d);
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

Frame* frameWith(int64_t acc, int64_t reg) {
  auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  f->typeptr = &kFrameVtable;
  f->acc = acc;
  f->reg = reg;
  return f;
}

}  // namespace

TEST(CallThunk, InterpCallsSixMixedArgumentsThroughTheThunk) {
  const DescrTable& d = tdescrs();
  Trace t = parseWith(d, R"([i0, p1, f2, p3]
i4 = call_i(i0, p1, f2, 4, -0.5, p3, descr=mix6)
finish(i4)
)");
  Frame* p = frameWith(7, 0);
  Frame* q = frameWith(0, 9);
  gThunkCalls = 0;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(3), Value::r(p), Value::f(2.5), Value::r(q)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 3 + 40 + 250 - 500 + 70000 + 900000);
  EXPECT_EQ(gThunkCalls, 1);
}

TEST(CallThunk, WithoutAThunkSixArgumentsAreUnsupported) {
  const DescrTable& d = tdescrs();
  Trace t = parseWith(d, "[i0, p1]\ni2 = call_i(i0, p1, 1.0, 2, 3.0, p1, descr=mix6NoThunk)\nfinish(i2)\n");
  Frame* p = frameWith(1, 1);
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(0), Value::r(p)});
  EXPECT_EQ(r.exit, Exit::ERROR);
  EXPECT_EQ(r.error, "op 0 (call_i): the interp backend cannot call mix6NoThunk (unsupported signature)");
}

TEST(CallThunk, ThunkWinsOverTheFunctionPointerAndReturnsAnyKind) {
  const DescrTable& d = tdescrs();
  Trace t = parseWith(d, "[i0]\ni1 = call_i(i0, descr=negate)\nf2 = call_pure_f(descr=half)\nfinish(i1, f2)\n");
  gThunkCalls = 0;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(5)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 1005);  // the thunk's answer, not negate's
  EXPECT_EQ(r.value(1).asFloat(), 0.5);  // a double's bits through the word
  EXPECT_EQ(gThunkCalls, 2);
}

TEST(CallThunk, RecorderCallsThroughTheThunkAndRecordsEveryArgument) {
  const DescrTable& d = tdescrs();
  Frame* p0 = frameWith(7, 0);
  Frame* q0 = frameWith(0, 9);
  Recorder R(d);
  Val<int64_t> a{3};
  Val<Frame*> p{p0}, q{q0};
  Val<double> x{2.5};
  R.start(*d.find("loop0"), {}, {a, p, x, q});
  gThunkCalls = 0;
  Val<int64_t> v = R.callI(*d.find("mix6"), {a, p, x, R.constInt(4), R.constFloat(-0.5), q}, {a}, 1);
  EXPECT_EQ(gThunkCalls, 1);  // ran for real, through the thunk
  EXPECT_EQ(v.v, 3 + 40 + 250 - 500 + 70000 + 900000);
  // An elidable call through a thunk, all arguments constant: folds.
  Val<double> h = R.callPureF(*d.find("half"), {}, {a}, 2);
  EXPECT_TRUE(h.isConst());
  EXPECT_EQ(h.v, 0.5);
  ASSERT_EQ(R.finish({v}), Status::FINISHED) << R.abortReason();
  Trace t = R.takeTrace();
  EXPECT_EQ(printTrace(t, d), R"([i0, p1, f2, p3]
label(i0, p1, f2, p3, descr=loop0)
i4 = call_i(i0, p1, f2, 4, -0.5, p3, descr=mix6)
finish(i4)
)");
  EXPECT_TRUE(verify(t, d).empty());
  Frame* q1 = frameWith(0, 1);
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(1), Value::r(p0), Value::f(0.5), Value::r(q1)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 1 + 40 + 50 - 500 + 70000 + 100000);
}

// A thunk may take any number of arguments (jitgen writes one for every
// residual call target, whatever its arity). Both callers gather the
// arguments into a fixed array of kMaxThunkArgs (32) words; a 33rd argument
// must either be passed or refused, never read from past that array.
TEST(CallThunk, MoreArgumentsThanTheThunkArrayHoldsAreNotDropped) {
  const DescrTable& d = tdescrs();
  std::string args;
  for (int k = 1; k <= 33; k++) args += std::to_string(k) + ", ";
  Trace t = parseWith(d, "[]\ni0 = call_i(" + args + "descr=sum33)\nfinish(i0)\n");
  InterpResult r = runTrace(t, d, std::vector<Value>{});
  if (r.exit != Exit::ERROR) {
    ASSERT_EQ(r.exit, Exit::FINISH);
    EXPECT_EQ(r.value(0).asInt(), 33 * 34 / 2) << "the 33rd argument was not passed to the thunk";
  }
  Recorder R(d);
  R.startTrace(std::vector<Kind>{}, kNoDescr);
  std::vector<Val<int64_t>> vals;
  for (int k = 1; k <= 33; k++) vals.push_back(R.constInt(k));
  Val<int64_t> s = R.callI(*d.find("sum33"),
                           {vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], vals[7], vals[8],
                            vals[9], vals[10], vals[11], vals[12], vals[13], vals[14], vals[15], vals[16],
                            vals[17], vals[18], vals[19], vals[20], vals[21], vals[22], vals[23], vals[24],
                            vals[25], vals[26], vals[27], vals[28], vals[29], vals[30], vals[31], vals[32]},
                           {}, 1);
  if (R.status() != Status::ABORTED) {
    EXPECT_EQ(s.v, 33 * 34 / 2) << "the 33rd argument was not passed to the thunk";
  }
}
