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
  // The partial trace stays for jit-abort (it is never handed out), and
  // further calls compute without recording.
  size_t partial = R.trace().ops.size();
  EXPECT_EQ(partial, 8u);
  Val<int64_t> more = R.intAdd(acc, n);
  EXPECT_EQ(more.v, 27);
  EXPECT_EQ(R.trace().ops.size(), partial);
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

// --- resume frames ---------------------------------------------------------------------------
// The portal twin (code 1) calls twin 2 at its resume point 4 with f and n
// live across the call; twin 2 calls twin 3 at point 8 with x live. Every
// guard gets the frames outermost first and the fail args concatenated.
TEST(Recorder, GuardsGetResumeFramesOutermostFirst) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  Recorder R(d);
  Val<int64_t> n{5};
  Val<Frame*> f{f0};
  R.start(D(d, "loop0"), {}, {n, f});
  R.enterCode(1);
  EXPECT_EQ(R.depth(), 0u);
  R.guardTrue(R.intGt(n, R.constInt(0)), {n, f}, 2);       // in the portal
  R.pushFrame(4, {f, n}, 2);
  EXPECT_EQ(R.depth(), 1u);
  Val<int64_t> x = R.intAdd(n, R.constInt(1));
  R.guardFalse(R.intEq(x, R.constInt(0)), {x}, 6);           // in twin 2
  R.pushFrame(8, {x}, 3);
  EXPECT_EQ(R.depth(), 2u);
  R.guardNonnull(f, {}, 9);                                   // in twin 3, nothing live
  R.popFrame();
  Val<int64_t> y = R.guardValue(x, {f, x}, 7);                // back in twin 2
  R.popFrame();
  EXPECT_EQ(R.depth(), 0u);
  R.guardTrue(R.intLt(y, R.constInt(10)), {f}, 3);          // back in the portal
  ASSERT_EQ(R.finish({n}), Status::FINISHED) << R.abortReason();
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([i0, p1]
label(i0, p1, descr=loop0)
i2 = int_gt(i0, 0)
guard_true(i2, descr=g0, tag=2, resume=1.2.2) [i0, p1]
i3 = int_add(i0, 1)
i4 = int_eq(i3, 0)
guard_false(i4, descr=g1, tag=6, resume=1.4.2/2.6.1) [p1, i0, i3]
guard_nonnull(p1, descr=g2, tag=9, resume=1.4.2/2.8.1/3.9.0) [p1, i0, i3]
guard_value(i3, 6, descr=g3, tag=7, resume=1.4.2/2.7.2) [p1, i0, p1, i3]
finish(i0)
)");
  // The guard's fail args come back in that order when it fails.
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(7), Value::r(f0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(t.guards.at(r.guard).name, "g3");
  ASSERT_EQ(r.values.size(), 4u);
  EXPECT_EQ(r.value(0).asRef(), f0);
  EXPECT_EQ(r.value(1).asInt(), 7);
  EXPECT_EQ(r.value(2).asRef(), f0);
  EXPECT_EQ(r.value(3).asInt(), 8);
}

TEST(Recorder, WithoutEnterCodeGuardsHaveNoFrames) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{5};
  R.start(D(d, "loop0"), {}, {n});
  R.pushFrame(4, {n}, 2);  // no enterCode: no resume data, and no outer values either
  R.guardTrue(n, {n}, 1);
  R.popFrame();
  ASSERT_EQ(R.finish({n}), Status::FINISHED);
  Trace t = R.takeTrace();
  ASSERT_EQ(t.guards.size(), 1u);
  EXPECT_TRUE(t.guards[0].frames.empty());
  EXPECT_EQ(t.guards[0].failArgs.size(), 1u);
}

TEST(Recorder, EnterCodeStartsAFreshFrameStack) {
  const DescrTable& d = descrs();
  Recorder R(d);
  Val<int64_t> n{5};
  R.start(D(d, "loop0"), {}, {n});
  R.enterCode(1);
  R.pushFrame(4, {n}, 2);
  R.enterCode(7);  // leaves the frames of before
  EXPECT_EQ(R.depth(), 0u);
  R.guardTrue(n, {n}, 3);
  R.popFrame();  // nothing to pop: still twin 7
  R.guardTrue(n, {}, 5);
  ASSERT_EQ(R.finish({n}), Status::FINISHED);
  Trace t = R.takeTrace();
  EXPECT_EQ(t.guards[0].frames, (std::vector<ResumeFrame>{{7, 3, 1}}));
  EXPECT_EQ(t.guards[1].frames, (std::vector<ResumeFrame>{{7, 5, 0}}));
}

// A residual call's guard resumes just after the call, in the callee's
// frame: its live values, then the call's result.
TEST(Recorder, CallGuardsPutTheResultLastInTheInnermostFrame) {
  const DescrTable& d = descrs();
  for (int64_t acc : {10, 7}) {  // returns, then raises
    Frame* f0 = newFrame();
    f0->acc = acc;
    Recorder R(d);
    Val<Frame*> f{f0};
    R.start(D(d, "loop0"), {}, {f});
    R.enterCode(1);
    R.pushFrame(3, {f}, 2);
    Val<int64_t> a = R.getfieldI(f, D(d, "Frame.acc"));
    Val<int64_t> v = R.callI(D(d, "checkedHalf"), {a}, {a}, 5);
    R.popFrame();
    bool raised = ll_exc_occurred();
    ll_exc_clear();
    ASSERT_EQ(R.finish({v}), Status::FINISHED) << R.abortReason();
    Trace t = R.takeTrace();
    std::string guard = raised ? "p3 = guard_exception(ConstPtr(ValueError), descr=g0, tag=5, resume=1.3.1/2.5.2)"
                               : "guard_no_exception(descr=g0, tag=5, resume=1.3.1/2.5.2)";
    EXPECT_EQ(checkTrace(t, d), "[p0]\n"
                                "label(p0, descr=loop0)\n"
                                "i1 = getfield_i(p0, descr=Frame.acc)\n"
                                "i2 = call_i(i1, descr=checkedHalf)\n" +
                                    guard + " [p0, i1, i2]\n"
                                            "finish(i2)\n");
  }
}

// --- computeOnly: deoptimisation runs the twins without recording --------------------------------
TEST(Recorder, ComputeOnlyComputesEverythingAndRecordsNothing) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  f0->acc = 20;
  Recorder R(d);
  R.computeOnly();
  EXPECT_EQ(R.status(), Status::COMPUTING);
  EXPECT_FALSE(R.recording());
  EXPECT_STREQ(statusName(R.status()), "computing");
  R.enterCode(1);
  // Values restored from resume data are not in any trace.
  Val<Frame*> f{f0};
  Val<int64_t> n{4};
  Val<int64_t> a = R.getfieldI(f, D(d, "Frame.acc"));
  Val<int64_t> s = R.intAdd(a, n);
  R.setfield(f, D(d, "Frame.acc"), s);
  EXPECT_EQ(f0->acc, 24);
  R.guardTrue(R.intGt(s, R.constInt(0)), {f}, 1);
  R.guardTrue(R.intLt(s, R.constInt(0)), {f}, 2);  // contradicts: no abort either
  int64_t calls = gCalls;
  R.callN(D(d, "countCall"), {n}, {f}, 3);
  EXPECT_EQ(gCalls, calls + 4);
  Val<int64_t> half = R.callI(D(d, "checkedHalf"), {s}, {f}, 4);
  EXPECT_EQ(half.v, 12);
  // A call that raises leaves its exception pending for the twin, as when tracing.
  R.callI(D(d, "checkedHalf"), {R.constInt(3)}, {f}, 5);
  ASSERT_TRUE(ll_exc_occurred());
  EXPECT_EQ(R.exceptionValue().v, ll_exc_value);
  ll_exc_clear();
  EXPECT_EQ(R.closeLoop({}, {f}), Status::COMPUTING);
  EXPECT_EQ(R.jumpTo(D(d, "loop0"), {f}), Status::COMPUTING);
  EXPECT_EQ(R.finish({s}), Status::COMPUTING);
  R.abort("ignored");
  EXPECT_EQ(R.status(), Status::COMPUTING);
  EXPECT_EQ(R.abortReason(), "");
  EXPECT_TRUE(R.trace().ops.empty());
  EXPECT_TRUE(R.trace().guards.empty());
  EXPECT_TRUE(R.trace().inputs.empty());
}

// --- startTrace, jumpTo, finish(span) --------------------------------------------------------------
TEST(Recorder, StartTraceRecordsALabelForALoopAndNothingForABridge) {
  const DescrTable& d = descrs();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::INT, Kind::REF}, D(d, "loop1"));
  EXPECT_EQ(R.status(), Status::RECORDING);
  EXPECT_EQ(printTrace(R.trace(), d), "[i0, p1]\nlabel(i0, p1, descr=loop1)\n");
  R.startTrace(std::vector<Kind>{Kind::FLOAT}, kNoDescr);  // a bridge: starts afresh, no label
  EXPECT_EQ(R.status(), Status::RECORDING);
  EXPECT_EQ(printTrace(R.trace(), d), "[f0]\n");
}

TEST(Recorder, JumpToClosesALoopOnItsOwnLabel) {
  const DescrTable& d = descrs();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::INT, Kind::INT}, D(d, "loop1"));
  Val<int64_t> n(3, Ref::input(0)), acc(0, Ref::input(1));
  R.guardTrue(R.intGt(n, R.constInt(0)), {n, acc}, 1);
  acc = R.intAdd(acc, n);
  n = R.intSub(n, R.constInt(1));
  EXPECT_EQ(R.jumpTo(D(d, "loop1"), {n, acc}), Status::CLOSED);
  EXPECT_EQ(R.status(), Status::CLOSED);
  EXPECT_EQ(R.jumpTo(D(d, "loop1"), {n, acc}), Status::CLOSED);  // records nothing more
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([i0, i1]
label(i0, i1, descr=loop1)
i2 = int_gt(i0, 0)
guard_true(i2, descr=g0, tag=1) [i0, i1]
i3 = int_add(i1, i0)
i4 = int_sub(i0, 1)
jump(i4, i3, descr=loop1)
)");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(4), Value::i(0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(r.value(1).asInt(), 10);
}

TEST(Recorder, BridgeJumpsToAnotherTracesLoop) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::INT, Kind::REF}, kNoDescr);
  Val<int64_t> i(5, Ref::input(0));
  Val<Frame*> f(f0, Ref::input(1));
  Val<int64_t> j = R.intMul(i, R.constInt(2));
  EXPECT_EQ(R.jumpTo(D(d, "outer"), {j, f}), Status::CLOSED);  // outer declares (int, ref)
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), "[i0, p1]\ni2 = int_mul(i0, 2)\njump(i2, p1, descr=outer)\n");
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::i(21), Value::r(f0)});
  ASSERT_EQ(r.exit, Exit::JUMP) << r.error;
  EXPECT_EQ(r.label, D(d, "outer"));
  EXPECT_EQ(r.value(0).asInt(), 42);
}

TEST(Recorder, JumpToWithAnUntracedValueAborts) {
  const DescrTable& d = descrs();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::INT}, kNoDescr);
  Val<int64_t> stray{3};
  EXPECT_EQ(R.jumpTo(D(d, "loop0"), {stray}), Status::ABORTED);
  EXPECT_NE(R.abortReason().find("not in the trace"), std::string::npos) << R.abortReason();
}

TEST(Recorder, FinishTakesASpanOfValues) {
  const DescrTable& d = descrs();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::REF, Kind::FLOAT}, kNoDescr);
  Val<void*> p(nullptr, Ref::input(0));
  Val<double> x(1.5, Ref::input(1));
  std::vector<AnyVal> values{x, p, R.constInt(7)};
  EXPECT_EQ(R.finish(std::span<const AnyVal>(values)), Status::FINISHED);
  EXPECT_EQ(checkTrace(R.takeTrace(), d), "[p0, f1]\nfinish(f1, p0, 7)\n");
}

// --- catchPending: a bridge that starts with an exception pending -------------------------------
TEST(Recorder, CatchPendingRecordsGuardExceptionWithTheGivenResumeData) {
  const DescrTable& d = descrs();
  Frame* f0 = newFrame();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::REF, Kind::INT}, kNoDescr);
  R.enterCode(1);
  std::vector<Ref> fail{Ref::input(0), Ref::input(1)};
  std::vector<ResumeFrame> frames{{1, 4, 1}, {2, 7, 1}};
  ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "odd");
  void* exc = ll_exc_value;
  Val<void*> e = R.catchPending(fail, frames, 7);
  EXPECT_EQ(e.v, exc);
  EXPECT_FALSE(e.ref.isNone());
  EXPECT_EQ(R.exceptionValue().ref, e.ref);
  ASSERT_TRUE(ll_exc_occurred());  // still pending: the twin's handler takes it
  ll_exc_clear();
  ASSERT_EQ(R.finish({e}), Status::FINISHED) << R.abortReason();
  Trace t = R.takeTrace();
  EXPECT_EQ(checkTrace(t, d), R"([p0, i1]
p2 = guard_exception(ConstPtr(ValueError), descr=g0, tag=7, resume=1.4.1/2.7.1) [p0, i1]
finish(p2)
)");
  // Entered with the exception pending: caught and cleared.
  ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "again");
  void* again = ll_exc_value;
  InterpResult r = runTrace(t, d, std::vector<Value>{Value::r(f0), Value::i(3)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asRef(), again);
  EXPECT_FALSE(ll_exc_occurred());
  // Entered without one (a forced failure of the original guard): it exits
  // with the original guard's values.
  r = runTrace(t, d, std::vector<Value>{Value::r(f0), Value::i(3)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(r.value(0).asRef(), f0);
  EXPECT_EQ(r.value(1).asInt(), 3);
}

TEST(Recorder, CatchPendingWithoutAnExceptionRecordsGuardNoException) {
  // A bridge traced with nothing pending (fail_guards failed its
  // guard_no_exception) must deoptimise when it later runs with an
  // exception pending: it starts with guard_no_exception.
  const DescrTable& d = descrs();
  Recorder R(d);
  R.startTrace(std::vector<Kind>{Kind::INT}, kNoDescr);
  ASSERT_FALSE(ll_exc_occurred());
  Val<void*> e = R.catchPending({Ref::input(0)}, {{1, 4, 1}}, 4);
  EXPECT_EQ(e.v, nullptr);
  EXPECT_TRUE(e.ref.isNone());
  ASSERT_EQ(R.trace().ops.size(), 1u);
  EXPECT_EQ(R.trace().ops[0].op, Op::GUARD_NO_EXCEPTION);
  const GuardDescr& g = R.trace().guards[R.trace().ops[0].descr];
  EXPECT_EQ(g.failArgs, std::vector<Ref>{Ref::input(0)});
  EXPECT_EQ(g.frames, (std::vector<ResumeFrame>{{1, 4, 1}}));
  EXPECT_EQ(R.status(), Status::RECORDING);
}

// --- immutable fields and items fold on constant objects --------------------------------------------
namespace {
DescrTable immutableDescrs() {
  DescrTable d = makeDescrs();
  d.add(FieldDescr{"Frame.accImm", offsetof(Frame, acc), Kind::INT, 8, true, true});
  d.add(FieldDescr{"Frame.nextImm", offsetof(Frame, next), Kind::REF, 8, true, true});
  d.add(FieldDescr{"Frame.xImm", offsetof(Frame, x), Kind::FLOAT, 8, true, true});
  d.add(ArrayDescr{"ImmIntArray", Kind::INT, 8, true, 8, 0, true});
  return d;
}
}  // namespace

TEST(Recorder, ImmutableFieldOfAConstantObjectFolds) {
  DescrTable d = immutableDescrs();
  Frame* g = newFrame();
  Frame* f0 = newFrame();
  f0->acc = 42;
  f0->next = g;
  f0->x = 2.5;
  d.namePointer("f0", f0);
  d.namePointer("g", g);
  Recorder R(d);
  Val<Frame*> other{newFrame()};
  R.start(D(d, "loop0"), {}, {other});
  Val<Frame*> f = R.constPtr(f0);
  Val<int64_t> acc = R.getfieldI(f, D(d, "Frame.accImm"));
  Val<void*> next = R.getfieldR(f, D(d, "Frame.nextImm"));
  Val<double> x = R.getfieldF(f, D(d, "Frame.xImm"));
  EXPECT_TRUE(acc.isConst());
  EXPECT_EQ(acc.v, 42);
  EXPECT_TRUE(next.isConst());
  EXPECT_EQ(next.v, g);
  EXPECT_TRUE(x.isConst());
  EXPECT_EQ(x.v, 2.5);
  EXPECT_EQ(R.trace().ops.size(), 1u);  // only the label
  // A mutable field of the same constant object, and an immutable field of
  // a non-constant object, are read at run time.
  Val<int64_t> mut = R.getfieldI(f, D(d, "Frame.acc"));
  Val<int64_t> nonConst = R.getfieldI(other, D(d, "Frame.accImm"));
  EXPECT_FALSE(mut.isConst());
  EXPECT_FALSE(nonConst.isConst());
  ASSERT_EQ(R.finish({acc, next, x, mut, nonConst}), Status::FINISHED);
  EXPECT_EQ(checkTrace(R.takeTrace(), d), R"([p0]
label(p0, descr=loop0)
i1 = getfield_i(ConstPtr(f0), descr=Frame.acc)
i2 = getfield_i(p0, descr=Frame.accImm)
finish(42, ConstPtr(g), 2.5, i1, i2)
)");
}

TEST(Recorder, ImmutableArrayItemWithConstantArrayAndIndexFolds) {
  DescrTable d = immutableDescrs();
  RArray<int64_t>* arr = intArray({10, 20, 30});
  d.namePointer("arr", arr);
  Recorder R(d);
  Val<int64_t> n{1};
  R.start(D(d, "loop0"), {}, {n});
  Val<RArray<int64_t>*> a = R.constPtr(arr);
  const uint32_t items = D(d, "IntArray");
  // Immutable because the caller says so ([*] in _immutable_fields_) ...
  Val<int64_t> folded = R.getarrayitemI(a, items, R.constInt(2), /*immutableItems=*/true);
  EXPECT_TRUE(folded.isConst());
  EXPECT_EQ(folded.v, 30);
  // ... or because the descr says so.
  Val<int64_t> byDescr = R.getarrayitemI(a, D(d, "ImmIntArray"), R.constInt(0));
  EXPECT_TRUE(byDescr.isConst());
  EXPECT_EQ(byDescr.v, 10);
  EXPECT_EQ(R.trace().ops.size(), 1u);
  // Recorded: a mutable read, a non-constant index, a non-constant array.
  Val<int64_t> mutableRead = R.getarrayitemI(a, items, R.constInt(2));
  Val<int64_t> varIndex = R.getarrayitemI(a, items, n, true);
  EXPECT_EQ(varIndex.v, 20);
  ASSERT_EQ(R.finish({folded, byDescr, mutableRead, varIndex}), Status::FINISHED);
  EXPECT_EQ(checkTrace(R.takeTrace(), d), R"([i0]
label(i0, descr=loop0)
i1 = getarrayitem_i(ConstPtr(arr), 2, descr=IntArray)
i2 = getarrayitem_i(ConstPtr(arr), i0, descr=IntArray)
finish(30, 10, i1, i2)
)");
}

TEST(Recorder, ImmutableArrayItemOfANonConstantArrayIsRecorded) {
  DescrTable d = immutableDescrs();
  RArray<int64_t>* arr = intArray({10, 20, 30});
  Recorder R(d);
  Val<RArray<int64_t>*> a{arr};
  R.start(D(d, "loop0"), {}, {a});
  Val<int64_t> item = R.getarrayitemI(a, D(d, "ImmIntArray"), R.constInt(1), true);
  EXPECT_FALSE(item.isConst());
  EXPECT_EQ(item.v, 20);
  ASSERT_EQ(R.finish({item}), Status::FINISHED);
  EXPECT_EQ(checkTrace(R.takeTrace(), d),
            "[p0]\nlabel(p0, descr=loop0)\ni1 = getarrayitem_i(p0, 1, descr=ImmIntArray)\nfinish(i1)\n");
}
