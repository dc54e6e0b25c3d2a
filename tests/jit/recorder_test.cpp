// Tests of runtime/jit/recorder.cpp: hand-written "traced twins" (what
// jitgen will emit) record one loop iteration; the trace's text is compared
// with the expected text, verify()'d, and run by the interp backend on fresh
// inputs to check which guard exits and with which fail args. Also folding
// (pure ops and elidable calls on constants, guards on constants), residual
// calls that raise or not, overflow checks and the trace-limit abort.
#include <cmath>
#include <vector>
#include "jit/interp.h"
#include "jit/recorder.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;
using Status = Recorder::Status;

namespace {

uint32_t D(const DescrTable& d, const char* name) {
  auto i = d.find(name);
  EXPECT_TRUE(i.has_value()) << name;
  return i.value_or(0);
}

Frame* newFrame(void* vtable = &kFrameVtable) {
  auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  f->typeptr = vtable;
  return f;
}

RArray<int64_t>* intArray(std::vector<int64_t> items) {
  auto* a = static_cast<RArray<int64_t>*>(ll_malloc(sizeof(int64_t) * (items.size() + 1)));
  a->length = static_cast<int64_t>(items.size());
  for (size_t k = 0; k < items.size(); k++) a->items[k] = items[k];
  return a;
}

/// The recorded trace: printed, verified, and parsed back to the same trace.
std::string checkTrace(const Trace& t, const DescrTable& d) {
  for (const TraceError& e : verify(t, d)) ADD_FAILURE() << "verify: op " << e.op << ": " << e.message;
  std::string text = printTrace(t, d);
  ParseResult p = parseTrace(text, d);
  EXPECT_TRUE(p.trace.has_value()) << p.errorText(text);
  if (p.trace) {
    EXPECT_EQ(traceDifference(t, *p.trace), "");
  }
  return text;
}

// --- a countdown loop ------------------------------------------------------------------
// Normal version:
//   while (true) { jit_merge_point(pc=0; n, acc); if (!(n > 0)) return acc; acc += n; n -= 1; }
// Its twin, from the merge point, until the loop closes (or the trace ends).
Status countdownTwin(Recorder& R, Val<int64_t> pc, Val<int64_t>& n, Val<int64_t>& acc) {
  R.debugMergePoint("countdown");
  for (;;) {
    if (!R.branch(R.intGt(n, R.constInt(0)), {n, acc}, 1)) return R.finish({acc});
    acc = R.intAdd(acc, n);
    n = R.intSub(n, R.constInt(1));
    if (R.closeLoop({pc}, {n, acc}) != Status::RECORDING) return R.status();
  }
}

}  // namespace

TEST(Recorder, CountdownLoopRecordsOneIterationAndRuns) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> pc{0}, n{10}, acc{0};
  R.start(D(d, "loop0"), {pc}, {n, acc});
  EXPECT_TRUE(pc.isConst());
  EXPECT_FALSE(n.isConst());
  ASSERT_EQ(countdownTwin(R, pc, n, acc), Status::CLOSED) << R.abortReason();
  EXPECT_EQ(n.v, 9);  // the twin computed one iteration for real
  EXPECT_EQ(acc.v, 10);
  Trace t = R.takeTrace();
  EXPECT_EQ(R.status(), Status::IDLE);
  EXPECT_EQ(checkTrace(t, d), R"([i0, i1]
label(i0, i1, descr=loop0)
debug_merge_point('countdown')
i2 = int_gt(i0, 0)
guard_true(i2, descr=g0, tag=1) [i0, i1]
i3 = int_add(i1, i0)
i4 = int_sub(i0, 1)
jump(i4, i3, descr=loop0)
)");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(5), Value::i(100)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 1);
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.value(0).asInt(), 0);
  EXPECT_EQ(r.value(1).asInt(), 115);  // 100 + 5 + 4 + 3 + 2 + 1
}

TEST(Recorder, LoopThatEndsDuringTracingFinishes) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> pc{0}, n{0}, acc{7};
  R.start(D(d, "loop0"), {pc}, {n, acc});
  ASSERT_EQ(countdownTwin(R, pc, n, acc), Status::FINISHED);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([i0, i1]
label(i0, i1, descr=loop0)
debug_merge_point('countdown')
i2 = int_gt(i0, 0)
guard_false(i2, descr=g0, tag=1) [i0, i1]
finish(i1)
)");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(-3), Value::i(42)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 42);
}

// --- a bytecode dispatch loop with promote ------------------------------------------------
// A tiny VM over a Frame: ADD (acc += reg), DEC (reg -= 1), JNZ t (reg != 0:
// pc = t), HALT. Greens: pc and the code array; red: the frame. The opcode is
// read from the (mutable) code array, so it is not a constant: promote()
// records guard_value and makes it one, after which every dispatch test
// (intEq on two constants) folds and records no guard.
namespace {
enum : int64_t { ADD, DEC, JNZ, HALT };

Status vmTwin(Recorder& R, const DescrTable& d, Val<RArray<int64_t>*> code, Val<int64_t> pc, Val<Frame*> f) {
  const uint32_t items = D(d, "IntArray"), accF = D(d, "Frame.acc"), regF = D(d, "Frame.reg");
  static const char* const names[] = {"ADD", "DEC", "JNZ", "HALT"};
  for (;;) {  // starts just after jit_merge_point(pc, code; f)
    Val<int64_t> op = R.getarrayitemI(code, items, pc);
    op = R.guardValue(op, {f}, 10 + pc.v);  // promote(op)
    R.debugMergePoint("pc=" + std::to_string(pc.v) + " " + names[op.v]);
    if (R.intEq(op, R.constInt(ADD)).v) {
      // One op per statement: C++ leaves the order of argument evaluation
      // open, and the order of recording must be the program's.
      Val<int64_t> a = R.getfieldI(f, accF);
      Val<int64_t> b = R.getfieldI(f, regF);
      R.setfield(f, accF, R.intAdd(a, b));
      pc = R.intAdd(pc, R.constInt(1));
    } else if (R.intEq(op, R.constInt(DEC)).v) {
      R.setfield(f, regF, R.intSub(R.getfieldI(f, regF), R.constInt(1)));
      pc = R.intAdd(pc, R.constInt(1));
    } else if (R.intEq(op, R.constInt(JNZ)).v) {
      Val<int64_t> target = R.getarrayitemI(code, items, R.intAdd(pc, R.constInt(1)));
      if (R.branch(R.intNe(R.getfieldI(f, regF), R.constInt(0)), {f}, 20 + pc.v))
        pc = R.guardValue(target, {f}, 30);  // promote(target): pc is green
      else
        pc = R.intAdd(pc, R.constInt(2));
    } else {
      return R.finish({f});
    }
    // jit_merge_point(pc, code; f) again: closes the loop on the start key.
    if (R.closeLoop({pc, code}, {f}) != Status::RECORDING) return R.status();
  }
}
}  // namespace

TEST(Recorder, PromotedOpcodeFoldsTheDispatch) {
  DescrTable d = makeDescrs();
  RArray<int64_t>* code = intArray({ADD, DEC, JNZ, 0, HALT});
  d.namePointer("code", code);
  Frame* f0 = newFrame();
  f0->acc = 0;
  f0->reg = 10;
  Recorder R(d);
  Val<RArray<int64_t>*> codeV{code};
  Val<int64_t> pc{0};
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {pc, codeV}, {f});
  ASSERT_EQ(vmTwin(R, d, codeV, pc, f), Status::CLOSED) << R.abortReason();
  EXPECT_EQ(f0->acc, 10);  // one iteration ran for real
  EXPECT_EQ(f0->reg, 9);
  Trace t = R.takeTrace();
  // One guard_value per opcode read, none for the dispatch itself.
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
i1 = getarrayitem_i(ConstPtr(code), 0, descr=IntArray)
guard_value(i1, 0, descr=g0, tag=10) [p0]
debug_merge_point('pc=0 ADD')
i2 = getfield_i(p0, descr=Frame.acc)
i3 = getfield_i(p0, descr=Frame.reg)
i4 = int_add(i2, i3)
setfield(p0, i4, descr=Frame.acc)
i5 = getarrayitem_i(ConstPtr(code), 1, descr=IntArray)
guard_value(i5, 1, descr=g1, tag=11) [p0]
debug_merge_point('pc=1 DEC')
i6 = getfield_i(p0, descr=Frame.reg)
i7 = int_sub(i6, 1)
setfield(p0, i7, descr=Frame.reg)
i8 = getarrayitem_i(ConstPtr(code), 2, descr=IntArray)
guard_value(i8, 2, descr=g2, tag=12) [p0]
debug_merge_point('pc=2 JNZ')
i9 = getarrayitem_i(ConstPtr(code), 3, descr=IntArray)
i10 = getfield_i(p0, descr=Frame.reg)
i11 = int_ne(i10, 0)
guard_true(i11, descr=g3, tag=22) [p0]
guard_value(i9, 0, descr=g4, tag=30) [p0]
jump(p0, descr=loop0)
)");
  // Run the loop on a fresh frame: it exits when reg reaches 0, at the JNZ
  // branch's guard, with the frame as its only fail arg.
  Frame* f1 = newFrame();
  f1->acc = 100;
  f1->reg = 4;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 22);
  ASSERT_EQ(r.values.size(), 1u);
  EXPECT_EQ(r.value(0).asRef(), f1);
  EXPECT_EQ(f1->acc, 100 + 4 + 3 + 2 + 1);
  EXPECT_EQ(f1->reg, 0);
  // Changing the code makes the promoted opcode's guard fail.
  code->items[1] = ADD;
  Frame* f2 = newFrame();
  f2->reg = 2;
  r = runTrace(t, d, std::vector<Value>{Value::r(f2)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 11);
  EXPECT_EQ(f2->acc, 2);
}

// --- fields of a real C++ struct ------------------------------------------------------------
// Normal: f->acc = f->acc * 2 + f->small; f->x += 1.5; f->flag = 1; f->next = f; return f->acc;
TEST(Recorder, FieldsOfARealStruct) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->acc = 20;
  f0->small = -3;
  f0->x = 1.0;
  Recorder R(d);
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {f});
  Val<int64_t> acc = R.getfieldI(f, D(d, "Frame.acc"));
  Val<int64_t> twice = R.intMul(acc, R.constInt(2));
  Val<int64_t> small = R.getfieldI(f, D(d, "Frame.small"));
  Val<int64_t> sum = R.intAdd(twice, small);
  R.setfield(f, D(d, "Frame.acc"), sum);
  Val<double> x = R.getfieldF(f, D(d, "Frame.x"));
  R.setfield(f, D(d, "Frame.x"), R.floatAdd(x, R.constFloat(1.5)));
  R.setfield(f, D(d, "Frame.flag"), R.constInt(1));
  R.setfield(f, D(d, "Frame.next"), f);
  ASSERT_EQ(R.finish({sum}), Status::FINISHED);
  // The twin wrote the real struct.
  EXPECT_EQ(f0->acc, 37);
  EXPECT_EQ(f0->x, 2.5);
  EXPECT_EQ(f0->flag, 1);
  EXPECT_EQ(f0->next, f0);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
i1 = getfield_i(p0, descr=Frame.acc)
i2 = int_mul(i1, 2)
i3 = getfield_i(p0, descr=Frame.small)
i4 = int_add(i2, i3)
setfield(p0, i4, descr=Frame.acc)
f5 = getfield_f(p0, descr=Frame.x)
f6 = float_add(f5, 1.5)
setfield(p0, f6, descr=Frame.x)
setfield(p0, 1, descr=Frame.flag)
setfield(p0, p0, descr=Frame.next)
finish(i4)
)");
  Frame* f1 = newFrame();
  f1->acc = 1;
  f1->small = 100;
  f1->x = -1.0;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 102);
  EXPECT_EQ(f1->acc, 102);
  EXPECT_EQ(f1->x, 0.5);
  EXPECT_EQ(f1->flag, 1);
  EXPECT_EQ(f1->next, f1);
}

// --- residual calls ----------------------------------------------------------------------------
// Normal: v = checkedHalf(f->acc); if (raised) { clear; f->acc = -1; } else f->acc = v; countCall(1);
namespace {
Status callTwin(Recorder& R, const DescrTable& d, Val<Frame*> f) {
  Val<int64_t> acc = R.getfieldI(f, D(d, "Frame.acc"));
  Val<int64_t> v = R.callI(D(d, "checkedHalf"), {acc}, {f}, 2);  // guard's fail args: f, then v
  if (ll_exc_occurred()) {  // the twin's own exception check, as the normal code's
    EXPECT_EQ(R.exceptionValue().v, ll_exc_value);
    EXPECT_FALSE(R.exceptionValue().ref.isNone());  // guard_exception's result
    ll_exc_clear();         // caught: guard_exception already cleared it in the trace
    R.setfield(f, D(d, "Frame.acc"), R.constInt(-1));
  } else {
    R.setfield(f, D(d, "Frame.acc"), v);
  }
  R.callN(D(d, "countCall"), {R.constInt(1)}, {f}, 3);  // cannot raise: no guard
  return R.finish({f});
}
}  // namespace

TEST(Recorder, ResidualCallThatRaisesRecordsGuardException) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->acc = 7;
  int64_t calls = gCalls;
  Recorder R(d);
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {f});
  ASSERT_EQ(callTwin(R, d, f), Status::FINISHED) << R.abortReason();
  EXPECT_EQ(f0->acc, -1);
  EXPECT_EQ(gCalls, calls + 1);  // ran for real
  EXPECT_FALSE(ll_exc_occurred());
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
i1 = getfield_i(p0, descr=Frame.acc)
i2 = call_i(i1, descr=checkedHalf)
p3 = guard_exception(ConstPtr(ValueError), descr=g0, tag=2) [p0, i2]
setfield(p0, -1, descr=Frame.acc)
call_n(1, descr=countCall)
finish(p0)
)");
  Frame* f1 = newFrame();
  f1->acc = 9;  // raises again: the trace runs to the end
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(f1->acc, -1);
  EXPECT_FALSE(ll_exc_occurred());
  f1->acc = 8;  // does not raise: guard_exception fails, with f and the call's result
  r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 2);
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.value(0).asRef(), f1);
  EXPECT_EQ(r.value(1).asInt(), 4);
}

TEST(Recorder, ResidualCallThatReturnsRecordsGuardNoException) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->acc = 10;
  Recorder R(d);
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {f});
  ASSERT_EQ(callTwin(R, d, f), Status::FINISHED) << R.abortReason();
  EXPECT_EQ(f0->acc, 5);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
i1 = getfield_i(p0, descr=Frame.acc)
i2 = call_i(i1, descr=checkedHalf)
guard_no_exception(descr=g0, tag=2) [p0, i2]
setfield(p0, i2, descr=Frame.acc)
call_n(1, descr=countCall)
finish(p0)
)");
  Frame* f1 = newFrame();
  f1->acc = 5;  // raises: the guard exits with the exception still pending
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 2);
  EXPECT_EQ(r.value(0).asRef(), f1);
  ASSERT_TRUE(ll_exc_occurred());
  EXPECT_EQ(ll_exc_type, &kExcVtables[LL_EXC_VALUE_ERROR]);
  ll_exc_clear();
}

// --- elidable calls ----------------------------------------------------------------------------
TEST(Recorder, ElidableCallFoldsOnConstantsAndRecordsCallPureOtherwise) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{40};
  R.start(D(d, "loop0"), {}, {n});
  Val<int64_t> five = R.callPureI(D(d, "add2"), {R.constInt(2), R.constInt(3)}, {n}, 1);
  EXPECT_TRUE(five.isConst());
  EXPECT_EQ(five.v, 5);
  Val<int64_t> sum = R.callPureI(D(d, "add2"), {n, five}, {n}, 1);
  EXPECT_FALSE(sum.isConst());
  EXPECT_EQ(sum.v, 45);
  ASSERT_EQ(R.finish({sum}), Status::FINISHED);
  Trace t = R.takeTrace();
  // add2 cannot raise: no guard after the call_pure.
  EXPECT_EQ(checkTrace(t, d), R"([i0]
label(i0, descr=loop0)
i1 = call_pure_i(i0, 5, descr=add2)
finish(i1)
)");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(-5)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 0);
}

TEST(Recorder, CallPureOfANonElidableFunctionAborts) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{4};
  R.start(D(d, "loop0"), {}, {n});
  Val<int64_t> v = R.callPureI(D(d, "checkedHalf"), {n}, {n}, 1);
  EXPECT_EQ(R.status(), Status::ABORTED);
  EXPECT_NE(R.abortReason().find("not elidable"), std::string::npos) << R.abortReason();
  EXPECT_FALSE(v.isConst());
}

// --- overflow ----------------------------------------------------------------------------------
TEST(Recorder, OverflowCheckRecordsTheGuardOfTheBranchTaken) {
  const DescrTable& d = descrs();
  const int64_t big = int64_t{1} << 62;
  {
    Recorder R(d);
    Val<int64_t> n{1};
    R.start(D(d, "loop0"), {}, {n});
    OvfResult s = R.intAddOvf(n, R.constInt(big), {n}, 5);
    EXPECT_FALSE(s.overflowed);
    EXPECT_EQ(s.value.v, big + 1);
    ASSERT_EQ(R.finish({s.value}), Status::FINISHED);
    Trace t = R.takeTrace();
    EXPECT_EQ(checkTrace(t, d), R"([i0]
label(i0, descr=loop0)
i1 = int_add_ovf(i0, 4611686018427387904)
guard_no_overflow(descr=g0, tag=5) [i0]
finish(i1)
)");
    InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(100)});
    ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
    EXPECT_EQ(r.value(0).asInt(), big + 100);
    r = runTrace(t, d, std::vector<Value>{Value::i(big)});  // overflows: exits with n
    ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
    EXPECT_EQ(t.guards.at(r.guard).tag, 5);
    EXPECT_EQ(r.value(0).asInt(), big);
  }
  {
    Recorder R(d);
    Val<int64_t> n{big};
    R.start(D(d, "loop0"), {}, {n});
    OvfResult s = R.intMulOvf(n, R.constInt(4), {n}, 6);
    EXPECT_TRUE(s.overflowed);  // the twin raises OverflowError now
    ASSERT_EQ(R.finish({n}), Status::FINISHED);
    Trace t = R.takeTrace();
    EXPECT_EQ(checkTrace(t, d), R"([i0]
label(i0, descr=loop0)
i1 = int_mul_ovf(i0, 4)
guard_overflow(descr=g0, tag=6) [i0]
finish(i0)
)");
    InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(3)});
    ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
    EXPECT_EQ(r.value(0).asInt(), 3);
  }
  {  // on constants the outcome is known: nothing is recorded
    Recorder R(d);
    Val<int64_t> n{0};
    R.start(D(d, "loop0"), {}, {n});
    OvfResult s = R.intSubOvf(R.constInt(INT64_MIN), R.constInt(1), {n}, 7);
    EXPECT_TRUE(s.overflowed);
    EXPECT_TRUE(s.value.isConst());
    EXPECT_EQ(R.trace().ops.size(), 1u);  // the label
  }
}

// --- folding and guards on constants -------------------------------------------------------------
TEST(Recorder, PureOpsOnConstantsFoldAndGuardsOnConstantsRecordNothing) {
  DescrTable d = makeDescrs();
  RStr* hello = ll_str_from_cstr("hello");
  RArray<int64_t>* arr = intArray({1, 2, 3});
  d.namePointer("hello", hello);
  d.namePointer("arr", arr);
  Recorder R(d);
  Val<int64_t> n{3};
  R.start(D(d, "loop0"), {}, {n});
  Val<int64_t> k = R.intMul(R.constInt(6), R.constInt(7));
  EXPECT_TRUE(k.isConst());
  EXPECT_EQ(k.v, 42);
  EXPECT_EQ(R.intFloordiv(R.constInt(-7), R.constInt(2)).v, -3);  // C semantics
  EXPECT_EQ(R.uintRshift(R.constInt(-1), R.constInt(60)).v, 15);
  Val<double> x = R.floatMul(R.constFloat(1.5), R.castIntToFloat(k));
  EXPECT_TRUE(x.isConst());
  EXPECT_EQ(x.v, 63.0);
  EXPECT_EQ(R.castFloatToInt(R.constFloat(NAN)).v, INT64_MIN);
  Val<RStr*> s = R.constPtr(hello);
  Val<int64_t> len = R.strlen(s);
  EXPECT_TRUE(len.isConst());
  EXPECT_EQ(len.v, 5);
  EXPECT_EQ(R.strgetitem(s, R.constInt(1)).v, 'e');
  Val<int64_t> alen = R.arraylen(R.constPtr(arr), D(d, "IntArray"));
  EXPECT_TRUE(alen.isConst());
  EXPECT_EQ(alen.v, 3);
  Val<int64_t> same = R.ptrEq(s, R.constPtr(hello));
  EXPECT_TRUE(same.isConst());
  R.guardTrue(same, {n}, 1);
  R.guardFalse(R.intLt(k, R.constInt(0)), {n}, 1);
  R.guardNonnull(s, {n}, 1);
  EXPECT_EQ(R.guardValue(k, {n}, 1).ref, k.ref);
  EXPECT_EQ(R.status(), Status::RECORDING);
  EXPECT_EQ(R.trace().ops.size(), 1u);  // only the label
  EXPECT_TRUE(R.trace().guards.empty());
  // One non-constant operand: recorded.
  Val<int64_t> c = R.strgetitem(s, n);
  EXPECT_EQ(c.v, 'l');
  ASSERT_EQ(R.finish({c}), Status::FINISHED);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([i0]
label(i0, descr=loop0)
i1 = strgetitem(ConstPtr(hello), i0)
finish(i1)
)");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(4)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 'o');
}

// --- class guards, allocation, arrays -------------------------------------------------------------
TEST(Recorder, GuardClassPromotesTheClassAndAllocationIsReal) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->reg = 2;
  Recorder R(d);
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {f});
  // Normal: if (f->typeptr == &kFrameVtable) { g = new Frame; g->next = f; a = new int[f->reg]; a[1] = 9; }
  Val<void*> cls = R.guardClass(f, {f}, 4);
  EXPECT_TRUE(cls.isConst());
  Val<int64_t> isFrame = R.ptrEq(cls, R.constPtr(static_cast<void*>(&kFrameVtable)));
  ASSERT_TRUE(R.branch(isFrame, {f}, 5));  // folds: no second guard
  Val<void*> g = R.newWithVtable(D(d, "FrameSize"));
  R.setfield(g, D(d, "Frame.next"), f);
  Val<int64_t> reg = R.getfieldI(f, D(d, "Frame.reg"));
  Val<void*> a = R.newArray(D(d, "IntArray"), reg);
  R.setarrayitem(a, D(d, "IntArray"), R.constInt(1), R.constInt(9));
  Val<int64_t> item = R.getarrayitemI(a, D(d, "IntArray"), R.constInt(1));
  Val<int64_t> len = R.arraylen(a, D(d, "IntArray"));
  ASSERT_EQ(R.finish({g, a, item, len}), Status::FINISHED);
  // Real objects were allocated.
  auto* g0 = static_cast<Frame*>(g.v);
  EXPECT_EQ(g0->typeptr, &kFrameVtable);
  EXPECT_EQ(g0->next, f0);
  EXPECT_EQ(static_cast<RArray<int64_t>*>(a.v)->length, 2);
  EXPECT_EQ(item.v, 9);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
guard_class(p0, ConstPtr(frameVtable), descr=g0, tag=4) [p0]
p1 = new_with_vtable(descr=FrameSize)
setfield(p1, p0, descr=Frame.next)
i2 = getfield_i(p0, descr=Frame.reg)
p3 = new_array(i2, descr=IntArray)
setarrayitem(p3, 1, 9, descr=IntArray)
i4 = getarrayitem_i(p3, 1, descr=IntArray)
i5 = arraylen(p3, descr=IntArray)
finish(p1, p3, i4, i5)
)");
  Frame* f1 = newFrame();
  f1->reg = 5;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(static_cast<Frame*>(r.value(0).asRef())->next, f1);
  EXPECT_EQ(r.value(3).asInt(), 5);
  Frame* other = newFrame(&kOtherVtable);
  r = runTrace(t, d, std::vector<Value>{Value::r(other)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 4);
}

// --- aborts --------------------------------------------------------------------------------------
TEST(Recorder, TraceLimitAbortsButTheTwinKeepsComputing) {
  const DescrTable& d = descrs();
  Recorder R(d, RecorderOptions{.traceLimit = 8});
  Val<int64_t> pc{0}, n{3}, acc{0};
  R.start(D(d, "loop0"), {pc}, {n, acc});
  int steps = 0;
  Status st = Status::RECORDING;
  // A loop whose green key never comes back (pc keeps growing): it unrolls
  // until the trace is too long.
  while (st == Status::RECORDING && steps < 100) {
    acc = R.intAdd(acc, n);
    pc = R.intAdd(pc, R.constInt(1));
    steps++;
    st = R.closeLoop({pc}, {n, acc});
  }
  EXPECT_EQ(st, Status::ABORTED);
  EXPECT_EQ(R.status(), Status::ABORTED);
  EXPECT_NE(R.abortReason().find("trace too long"), std::string::npos) << R.abortReason();
  EXPECT_EQ(steps, 8);  // label + 7 int_adds fill the limit; the 8th add aborts
  EXPECT_EQ(acc.v, 24);  // still computed for real after the abort
  EXPECT_TRUE(R.trace().ops.empty());  // discarded
  // Further calls compute without recording.
  Val<int64_t> more = R.intAdd(acc, n);
  EXPECT_EQ(more.v, 27);
  EXPECT_TRUE(R.trace().ops.empty());
  EXPECT_EQ(R.finish({more}), Status::ABORTED);
}

TEST(Recorder, GuardContradictingTheConcreteValueAborts) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{0};
  R.start(D(d, "loop0"), {}, {n});
  R.guardTrue(n, {n}, 1);
  EXPECT_EQ(R.status(), Status::ABORTED);
  EXPECT_STREQ(statusName(R.status()), "aborted");
}

TEST(Recorder, UntracedOperandAborts) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{5};
  R.start(D(d, "loop0"), {}, {n});
  Val<int64_t> stray{3};  // never given to the recorder: no ref
  Val<int64_t> sum = R.intAdd(n, stray);
  EXPECT_EQ(sum.v, 8);
  EXPECT_EQ(R.status(), Status::ABORTED);
  EXPECT_NE(R.abortReason().find("not in the trace"), std::string::npos) << R.abortReason();
}

TEST(Recorder, NonConstantGreenAtTheMergePointAborts) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> pc{0}, n{5};
  R.start(D(d, "loop0"), {pc}, {n});
  EXPECT_EQ(R.closeLoop({n}, {n}), Status::ABORTED);
  EXPECT_NE(R.abortReason().find("green"), std::string::npos);
}

// --- floats, casts, null checks ------------------------------------------------------------------
// Normal: x = f->x * 2.0; k = (int64_t)x; if (f->next) f->reg = k; else f->acc = k; return x < 10.0;
TEST(Recorder, FloatsCastsAndNullBranches) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->x = 3.25;
  Recorder R(d);
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {f});
  Val<double> x = R.getfieldF(f, D(d, "Frame.x"));
  Val<double> y = R.floatMul(x, R.constFloat(2.0));
  Val<int64_t> k = R.castFloatToInt(y);
  Val<void*> next = R.getfieldR(f, D(d, "Frame.next"));
  if (R.branchNonnull(next, {f, k}, 8)) R.setfield(f, D(d, "Frame.reg"), k);
  else R.setfield(f, D(d, "Frame.acc"), k);
  Val<int64_t> small = R.floatLt(y, R.constFloat(10.0));
  ASSERT_EQ(R.finish({small, y}), Status::FINISHED);
  EXPECT_EQ(f0->acc, 6);
  EXPECT_EQ(small.v, 1);
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0]
label(p0, descr=loop0)
f1 = getfield_f(p0, descr=Frame.x)
f2 = float_mul(f1, 2.0)
i3 = cast_float_to_int(f2)
p4 = getfield_r(p0, descr=Frame.next)
guard_isnull(p4, descr=g0, tag=8) [p0, i3]
setfield(p0, i3, descr=Frame.acc)
i5 = float_lt(f2, 10.0)
finish(i5, f2)
)");
  Frame* f1 = newFrame();
  f1->x = 7.5;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 0);
  EXPECT_EQ(r.value(1).asFloat(), 15.0);
  EXPECT_EQ(f1->acc, 15);
  f1->next = f0;  // the other branch: guard_isnull exits with f and k
  r = runTrace(t, d, std::vector<Value>{Value::r(f1)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).tag, 8);
  EXPECT_EQ(r.value(1).asInt(), 15);
}
