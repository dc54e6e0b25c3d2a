// Tests of runtime/jit/interp.cpp, the reference backend: loops and guard
// exits, real memory through descrs, overflow and exception guards,
// residual calls, allocation, floats, and defined behaviour on bad input.
#include <cmath>
#include <vector>
#include "jit/interp.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;

namespace {

InterpResult run(const Trace& t, std::vector<Value> inputs, InterpOptions opts = {}) {
  return runTrace(t, descrs(), inputs, opts);
}

const std::string& guardName(const Trace& t, const InterpResult& r) { return t.guards.at(r.guard).name; }

/// An RArray<int64_t>-layout array in the GC heap.
RArray<int64_t>* intArray(std::vector<int64_t> items) {
  auto* a = static_cast<RArray<int64_t>*>(ll_malloc(sizeof(int64_t) * (items.size() + 1)));
  a->length = static_cast<int64_t>(items.size());
  for (size_t k = 0; k < items.size(); k++) a->items[k] = items[k];
  return a;
}

Frame* newFrame(void* vtable = &kFrameVtable) {
  auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  f->typeptr = vtable;
  return f;
}

}  // namespace

TEST(Interp, CountdownLoopExitsThroughItsGuard) {
  Trace t = parseOk(R"([i0, i1]
label(i0, i1, descr=loop0)
debug_merge_point('countdown')
i2 = int_sub(i0, 1)
i3 = int_add(i1, i0)
i4 = int_gt(i2, 0)
guard_true(i4, descr=done) [i2, i3, i0]
jump(i2, i3, descr=loop0)
)");
  InterpResult r = run(t, {Value::i(10), Value::i(0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(guardName(t, r), "done");
  EXPECT_EQ(r.op, 5u);
  ASSERT_EQ(r.values.size(), 3u);
  EXPECT_EQ(r.value(0).asInt(), 0);
  EXPECT_EQ(r.value(1).asInt(), 55);  // 10 + 9 + ... + 1
  EXPECT_EQ(r.value(2).asInt(), 1);
  EXPECT_EQ(r.steps, 1 + 10 * 6 - 1);  // label once, then 6 ops per iteration, the last one exits at the guard
}

TEST(Interp, FieldsOfARealStruct) {
  Frame* f = newFrame();
  Frame* g = newFrame();
  f->acc = 5;
  f->reg = 7;
  f->next = g;
  f->x = 1.5;
  f->small = -3;
  f->flag = 200;
  Trace t = parseOk(R"([p0]
i1 = getfield_i(p0, descr=Frame.acc)
i2 = getfield_i(p0, descr=Frame.reg)
i3 = int_add(i1, i2)
setfield(p0, i3, descr=Frame.acc)
p4 = getfield_r(p0, descr=Frame.next)
setfield(p4, i2, descr=Frame.reg)
setfield(p4, p0, descr=Frame.next)
f5 = getfield_f(p0, descr=Frame.x)
f6 = float_mul(f5, 4.0)
setfield(p4, f6, descr=Frame.x)
i7 = getfield_i(p0, descr=Frame.small)
i8 = getfield_i(p0, descr=Frame.flag)
setfield(p4, -70000, descr=Frame.small)
setfield(p4, 511, descr=Frame.flag)
finish(i7, i8, p4)
)");
  InterpResult r = run(t, {Value::r(f)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(f->acc, 12);
  EXPECT_EQ(g->reg, 7);
  EXPECT_EQ(g->next, f);
  EXPECT_EQ(g->x, 6.0);
  EXPECT_EQ(r.value(0).asInt(), -3);   // int32 field: sign-extended
  EXPECT_EQ(r.value(1).asInt(), 200);  // uint8 field: zero-extended
  EXPECT_EQ(r.value(2).asRef(), g);
  EXPECT_EQ(g->small, -70000);
  EXPECT_EQ(g->flag, 255);  // truncated to the field's byte
}

TEST(Interp, ArraySumLoop) {
  RArray<int64_t>* a = intArray({3, 1, 4, 1, 5, 9, 2, 6});
  Trace t = parseOk(R"([p0, i1, i2]
label(p0, i1, i2, descr=loop0)
i3 = arraylen(p0, descr=IntArray)
i4 = int_lt(i1, i3)
guard_true(i4, descr=end) [i2]
i5 = getarrayitem_i(p0, i1, descr=IntArray)
i6 = int_add(i2, i5)
setarrayitem(p0, i1, i6, descr=IntArray)
i7 = int_add(i1, 1)
jump(p0, i7, i6, descr=loop0)
)");
  InterpResult r = run(t, {Value::r(a), Value::i(0), Value::i(0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 31);
  EXPECT_EQ(a->items[7], 31);  // running sums written back
  EXPECT_EQ(a->items[0], 3);
  EXPECT_EQ(a->items[2], 8);
}

TEST(Interp, NewArraysOfEveryKindAndBounds) {
  Trace t = parseOk(R"([i0, p1]
p2 = new_array(i0, descr=FloatArray)
setarrayitem(p2, 1, 2.5, descr=FloatArray)
f3 = getarrayitem_f(p2, 1, descr=FloatArray)
f4 = getarrayitem_f(p2, 0, descr=FloatArray)
p5 = new_array(2, descr=PtrArray)
setarrayitem(p5, 0, p1, descr=PtrArray)
p6 = getarrayitem_r(p5, 0, descr=PtrArray)
p7 = new_array(3, descr=ByteArray)
setarrayitem(p7, 2, -1, descr=ByteArray)
i8 = getarrayitem_i(p7, 2, descr=ByteArray)
i9 = arraylen(p2, descr=FloatArray)
finish(f3, f4, p6, i8, i9)
)");
  Frame* f = newFrame();
  InterpResult r = run(t, {Value::i(4), Value::r(f)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asFloat(), 2.5);
  EXPECT_EQ(r.value(1).asFloat(), 0.0);  // zeroed
  EXPECT_EQ(r.value(2).asRef(), f);
  EXPECT_EQ(r.value(3).asInt(), 255);  // unsigned byte items
  EXPECT_EQ(r.value(4).asInt(), 4);
  // Index 1 of a 1-item array: an error, not a wild write.
  InterpResult bad = run(t, {Value::i(1), Value::r(f)});
  ASSERT_EQ(bad.exit, Exit::ERROR);
  EXPECT_EQ(bad.error, "op 1 (setarrayitem): index 1 out of bounds (length 1)");
  InterpResult negative = run(t, {Value::i(-5), Value::r(f)});
  EXPECT_EQ(negative.error, "op 0 (new_array): bad array length -5");
}

TEST(Interp, AddOverflowBothWays) {
  Trace t = parseOk(R"([i0, i1]
i2 = int_add_ovf(i0, i1)
guard_no_overflow(descr=ovf) [i0, i1]
i3 = int_mul_ovf(i2, 2)
guard_no_overflow(descr=ovf2) [i2]
finish(i3)
)");
  InterpResult ok = run(t, {Value::i(20), Value::i(1)});
  ASSERT_EQ(ok.exit, Exit::FINISH) << ok.error;
  EXPECT_EQ(ok.value(0).asInt(), 42);
  InterpResult add = run(t, {Value::i(INT64_MAX), Value::i(1)});
  ASSERT_EQ(add.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(guardName(t, add), "ovf");
  EXPECT_EQ(add.value(0).asInt(), INT64_MAX);
  InterpResult mul = run(t, {Value::i(INT64_MAX / 2), Value::i(1)});
  ASSERT_EQ(mul.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(guardName(t, mul), "ovf2");
  EXPECT_EQ(mul.value(0).asInt(), INT64_MAX / 2 + 1);
  // guard_overflow: the other polarity.
  Trace u = parseOk("[i0]\ni1 = int_sub_ovf(i0, 1)\nguard_overflow(descr=g0) [i1]\nfinish(i1)\n");
  EXPECT_EQ(run(u, {Value::i(INT64_MIN)}).exit, Exit::FINISH);
  InterpResult noOvf = run(u, {Value::i(5)});
  ASSERT_EQ(noOvf.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(noOvf.value(0).asInt(), 4);
}

TEST(Interp, ResidualCallAndExceptions) {
  Trace t = parseOk(R"([i0]
i1 = call_i(i0, descr=checkedHalf)
guard_no_exception(descr=raised) [i0]
finish(i1)
)");
  ASSERT_FALSE(ll_exc_occurred());
  InterpResult ok = run(t, {Value::i(84)});
  ASSERT_EQ(ok.exit, Exit::FINISH) << ok.error;
  EXPECT_EQ(ok.value(0).asInt(), 42);
  EXPECT_FALSE(ll_exc_occurred());
  InterpResult raised = run(t, {Value::i(7)});
  ASSERT_EQ(raised.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(guardName(t, raised), "raised");
  EXPECT_EQ(raised.value(0).asInt(), 7);
  ASSERT_TRUE(ll_exc_occurred());  // left pending for the resume
  EXPECT_EQ(ll_exc_type, &kExcVtables[LL_EXC_VALUE_ERROR]);
  ll_exc_clear();
}

TEST(Interp, GuardExceptionCatchesItsClass) {
  Trace t = parseOk(R"([i0]
i1 = call_i(i0, descr=checkedHalf)
p2 = guard_exception(ConstPtr(ValueError), descr=caught) [i1]
finish(p2)
)");
  InterpResult r = run(t, {Value::i(3)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_FALSE(ll_exc_occurred());  // guard_exception consumed it
  auto* e = static_cast<TestExc*>(r.value(0).asRef());
  EXPECT_EQ(e->kind, LL_EXC_VALUE_ERROR);
  EXPECT_EQ(std::string(e->msg->chars, e->msg->length), "odd");
  // No exception: the guard fails.
  EXPECT_EQ(run(t, {Value::i(4)}).exit, Exit::GUARD_FAILED);
  // Another class: the guard fails and the exception stays pending.
  Trace u = parseOk(R"([i0]
i1 = call_i(i0, descr=checkedHalf)
p2 = guard_exception(ConstPtr(KeyError), descr=caught) [i1]
finish(p2)
)");
  EXPECT_EQ(run(u, {Value::i(3)}).exit, Exit::GUARD_FAILED);
  EXPECT_TRUE(ll_exc_occurred());
  ll_exc_clear();
}

TEST(Interp, CallSignatures) {
  gCalls = 0;
  Frame* f = newFrame();
  Frame* g = newFrame();
  f->next = g;
  Trace t = parseOk(R"([i0, p1, f2]
i3 = call_i(i0, 2, 3, 4, descr=sum4)
p4 = call_r(p1, descr=nextFrame)
f5 = call_f(f2, i0, descr=scale)
call_n(i3, descr=countCall)
call_n(1, descr=countCall)
i6 = call_pure_i(i3, 1, descr=add2)
finish(i3, p4, f5, i6)
)");
  InterpResult r = run(t, {Value::i(1), Value::r(f), Value::f(0.25)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 4321);
  EXPECT_EQ(r.value(1).asRef(), g);
  EXPECT_EQ(r.value(2).asFloat(), 0.25);
  EXPECT_EQ(r.value(3).asInt(), 4322);
  EXPECT_EQ(gCalls, 4322);
}

TEST(Interp, GuardValueAndClass) {
  Trace t = parseOk(R"([i0, p1]
guard_value(i0, 3, descr=notThree) [i0]
guard_nonnull(p1, descr=isNull) []
guard_class(p1, ConstPtr(frameVtable), descr=notFrame) [p1]
guard_value(p1, ConstPtr(otherVtable), descr=notOther) [p1]
finish()
)");
  Frame* f = newFrame();
  Frame* other = newFrame(&kOtherVtable);
  auto exitOf = [&](int64_t i, void* p) {
    InterpResult r = run(t, {Value::i(i), Value::r(p)});
    return r.exit == Exit::GUARD_FAILED ? guardName(t, r) : r.exit == Exit::FINISH ? "finish" : r.error;
  };
  EXPECT_EQ(exitOf(4, f), "notThree");
  EXPECT_EQ(exitOf(3, nullptr), "isNull");
  EXPECT_EQ(exitOf(3, other), "notFrame");
  EXPECT_EQ(exitOf(3, f), "notOther");            // a Frame, but not that pointer
  EXPECT_EQ(exitOf(3, &kOtherVtable), "notFrame");  // its first byte is not a typeptr
  Trace u = parseOk("[p0]\nguard_isnull(p0, descr=g0) [p0]\nguard_value(p0, ConstPtr(null), descr=g1) []\nfinish()\n");
  EXPECT_EQ(run(u, {Value::r(nullptr)}).exit, Exit::FINISH);
  EXPECT_EQ(run(u, {Value::r(f)}).exit, Exit::GUARD_FAILED);
}

TEST(Interp, FloatArithmetic) {
  Trace t = parseOk(R"([f0, f1]
f2 = float_add(f0, f1)
f3 = float_sub(f2, 0.5)
f4 = float_mul(f3, f3)
f5 = float_truediv(f4, 4.0)
f6 = float_neg(f5)
f7 = float_abs(f6)
i8 = float_lt(f6, f7)
i9 = float_eq(f5, f7)
i10 = float_ge(f0, f1)
i11 = cast_float_to_int(f7)
f12 = cast_int_to_float(i11)
f13 = float_truediv(f0, 0.0)
i14 = cast_float_to_int(nan)
finish(f5, f6, i8, i9, i10, i11, f12, f13, i14)
)");
  InterpResult r = run(t, {Value::f(3.0), Value::f(4.5)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asFloat(), 12.25);  // (7.5 - 0.5)^2 / 4
  EXPECT_EQ(r.value(1).asFloat(), -12.25);
  EXPECT_EQ(r.value(2).asInt(), 1);
  EXPECT_EQ(r.value(3).asInt(), 1);
  EXPECT_EQ(r.value(4).asInt(), 0);
  EXPECT_EQ(r.value(5).asInt(), 12);  // truncates
  EXPECT_EQ(r.value(6).asFloat(), 12.0);
  EXPECT_TRUE(std::isinf(r.value(7).asFloat()));
  EXPECT_EQ(r.value(8).asInt(), INT64_MIN);  // defined: x86's "integer indefinite"
}

TEST(Interp, IntegerSemanticsAreDefined) {
  Trace t = parseOk(R"([i0, i1]
i2 = int_floordiv(i0, i1)
i3 = int_mod(i0, i1)
i4 = int_rshift(i0, 1)
i5 = uint_rshift(i0, 60)
i6 = int_lshift(i0, 65)
i7 = uint_lt(i0, 1)
i8 = int_neg(i0)
i9 = uint_floordiv(i0, i1)
finish(i2, i3, i4, i5, i6, i7, i8, i9)
)");
  InterpResult r = run(t, {Value::i(-7), Value::i(2)});
  ASSERT_EQ(r.exit, Exit::FINISH);
  EXPECT_EQ(r.value(0).asInt(), -3);  // C truncation, not Python's floor
  EXPECT_EQ(r.value(1).asInt(), -1);
  EXPECT_EQ(r.value(2).asInt(), -4);  // arithmetic shift
  EXPECT_EQ(r.value(3).asInt(), 15);  // logical shift
  EXPECT_EQ(r.value(4).asInt(), -14);  // shift count taken mod 64
  EXPECT_EQ(r.value(5).asInt(), 0);   // huge unsigned
  EXPECT_EQ(r.value(6).asInt(), 7);
  EXPECT_EQ(r.value(7).asInt(), static_cast<int64_t>(static_cast<uint64_t>(-7) / 2));
  InterpResult z = run(t, {Value::i(INT64_MIN), Value::i(0)});
  ASSERT_EQ(z.exit, Exit::FINISH);
  EXPECT_EQ(z.value(0).asInt(), 0);  // x / 0 is 0 here (recorded traces guard it)
  EXPECT_EQ(z.value(6).asInt(), INT64_MIN);  // -INT64_MIN wraps
  InterpResult m = run(t, {Value::i(INT64_MIN), Value::i(-1)});
  EXPECT_EQ(m.value(0).asInt(), INT64_MIN);
  EXPECT_EQ(m.value(1).asInt(), 0);
}

TEST(Interp, AllocationWithVtableAndStrings) {
  RStr* s = ll_str_from_cstr("hey");
  Trace t = parseOk(R"([p0, i1]
p2 = new_with_vtable(descr=FrameSize)
guard_class(p2, ConstPtr(frameVtable), descr=g0) []
setfield(p2, i1, descr=Frame.acc)
p3 = new(descr=PairSize)
i4 = strlen(p0)
i5 = strgetitem(p0, 1)
call_n(0, descr=countCall)
i6 = getfield_i(p2, descr=Frame.acc)
finish(p2, p3, i4, i5, i6)
)");
  InterpResult r = run(t, {Value::r(s), Value::i(99)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  auto* f = static_cast<Frame*>(r.value(0).asRef());
  EXPECT_EQ(f->typeptr, &kFrameVtable);
  EXPECT_EQ(f->acc, 99);
  EXPECT_NE(r.value(1).asRef(), nullptr);
  EXPECT_EQ(r.value(2).asInt(), 3);
  EXPECT_EQ(r.value(3).asInt(), 'e');
  EXPECT_EQ(r.value(4).asInt(), 99);
  EXPECT_EQ(run(t, {Value::r(nullptr), Value::i(1)}).error, "op 4 (strlen): null string");
}

TEST(Interp, InvalidationAndStepLimitAndErrors) {
  Trace t = parseOk("[i0]\nlabel(i0, descr=loop0)\nguard_not_invalidated(descr=inv) [i0]\ni1 = int_add(i0, 1)\njump(i1, descr=loop0)\n");
  bool invalidated = false;
  InterpResult spin = run(t, {Value::i(0)}, InterpOptions{.maxSteps = 100, .invalidated = &invalidated});
  EXPECT_EQ(spin.exit, Exit::ERROR);
  EXPECT_EQ(spin.error, "step limit reached");
  invalidated = true;
  InterpResult inv = run(t, {Value::i(5)}, InterpOptions{.maxSteps = 100, .invalidated = &invalidated});
  ASSERT_EQ(inv.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(inv.value(0).asInt(), 5);
  EXPECT_EQ(run(t, {}).error, "the trace takes 1 inputs, got 0");
  Trace u = parseOk("[p0]\ni1 = getfield_i(p0, descr=Frame.acc)\nfinish(i1)\n");
  EXPECT_EQ(run(u, {Value::r(nullptr)}).error, "op 0 (getfield_i): null object reading Frame.acc");
}

TEST(Interp, LoopValuesSurviveCollections) {
  // Each iteration allocates a Frame linked to the previous one; only the
  // interp's frame holds the chain while countCall(0) ... collects.
  Trace t = parseOk(R"([i0, p1]
label(i0, p1, descr=loop0)
p2 = new_with_vtable(descr=FrameSize)
setfield(p2, p1, descr=Frame.next)
setfield(p2, i0, descr=Frame.acc)
i3 = int_sub(i0, 1)
i4 = int_gt(i3, 0)
guard_true(i4, descr=g0) [p2]
jump(i3, p2, descr=loop0)
)");
  InterpResult r = run(t, {Value::i(2000), Value::r(nullptr)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  ll_gc_collect();
  int64_t n = 0, expect = 1;
  for (auto* f = static_cast<Frame*>(r.value(0).asRef()); f; f = f->next, expect++) {
    ASSERT_EQ(f->acc, expect);
    ASSERT_EQ(f->typeptr, &kFrameVtable);
    n++;
  }
  EXPECT_EQ(n, 2000);
}

// --- starting at a label, jumping out of the trace ------------------------------------------

namespace {
/// A loop with a preamble that has a visible effect (countCall(1000)).
const char* kPreambleLoop = R"([i0, i1]
call_n(1000, descr=countCall)
i2 = int_add(i0, 1)
label(i2, i1, descr=loop0)
i3 = int_add(i1, i2)
i4 = int_sub(i2, 1)
i5 = int_gt(i4, 0)
guard_true(i5, descr=done) [i4, i3]
jump(i4, i3, descr=loop0)
)";

std::vector<Value> valuesOf(const RootTable& t) {
  std::vector<Value> v;
  for (size_t k = 0; k < t.size(); k++) v.push_back(Value{t[k]});
  return v;
}
}  // namespace

TEST(Interp, RunFromLabelSkipsWhatComesBeforeIt) {
  Trace t = parseOk(kPreambleLoop);
  gCalls = 0;
  InterpResult whole = run(t, {Value::i(3), Value::i(0)});
  ASSERT_EQ(whole.exit, Exit::GUARD_FAILED) << whole.error;
  EXPECT_EQ(whole.value(1).asInt(), 4 + 3 + 2 + 1);  // the preamble added 1 to i0
  EXPECT_EQ(gCalls, 1000);
  gCalls = 0;
  InterpResult fromLabel = runTraceFromLabel(t, descrs(), *descrs().find("loop0"),
                                             std::vector<Value>{Value::i(3), Value::i(100)});
  ASSERT_EQ(fromLabel.exit, Exit::GUARD_FAILED) << fromLabel.error;
  EXPECT_EQ(guardName(t, fromLabel), "done");
  EXPECT_EQ(fromLabel.value(0).asInt(), 0);
  EXPECT_EQ(fromLabel.value(1).asInt(), 100 + 3 + 2 + 1);  // the label's args are the values given
  EXPECT_EQ(gCalls, 0);  // the preamble did not run
  EXPECT_EQ(fromLabel.steps, 3u * 5 - 1);  // 5 ops per iteration after the label, the last exits at the guard
}

TEST(Interp, RunFromTheSecondOfTwoLabels) {
  Trace t = parseOk(R"([i0]
label(i0, descr=loop0)
i1 = int_mul(i0, 10)
label(i1, descr=loop1)
i2 = int_add(i1, 1)
finish(i2)
)");
  InterpResult r = runTraceFromLabel(t, descrs(), *descrs().find("loop1"), std::vector<Value>{Value::i(5)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 6);
  r = runTraceFromLabel(t, descrs(), *descrs().find("loop0"), std::vector<Value>{Value::i(5)});
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 51);
}

TEST(Interp, RunFromLabelErrors) {
  Trace t = parseOk(kPreambleLoop);
  InterpResult missing = runTraceFromLabel(t, descrs(), *descrs().find("loop1"), std::vector<Value>{Value::i(1)});
  EXPECT_EQ(missing.exit, Exit::ERROR);
  EXPECT_EQ(missing.error, "no label loop1 in this trace");
  InterpResult count = runTraceFromLabel(t, descrs(), *descrs().find("loop0"), std::vector<Value>{Value::i(1)});
  EXPECT_EQ(count.exit, Exit::ERROR);
  EXPECT_EQ(count.error, "the label takes 2 values, got 1");
}

TEST(Interp, JumpToALabelOutsideTheTraceExitsWithItsOperands) {
  // A bridge jumping back to loop `outer`, held by another trace.
  Trace bridge = parseOk("[i0, p1, i2]\ni3 = int_add(i0, i2)\njump(i3, p1, descr=outer)\n");
  Frame* f = newFrame();
  f->acc = 0;
  InterpResult r = run(bridge, {Value::i(2), Value::r(f), Value::i(3)});
  ASSERT_EQ(r.exit, Exit::JUMP) << r.error;
  ASSERT_EQ(r.label, *descrs().find("outer"));
  EXPECT_EQ(r.op, 1u);
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.value(0).asInt(), 5);
  EXPECT_EQ(r.value(1).asRef(), f);
  // The caller goes on in the trace that holds the label.
  Trace loop = parseOk(R"([i0, p1]
label(i0, p1, descr=outer)
i2 = getfield_i(p1, descr=Frame.acc)
i3 = int_add(i2, i0)
setfield(p1, i3, descr=Frame.acc)
i4 = int_sub(i0, 1)
i5 = int_gt(i4, 0)
guard_true(i5, descr=g0) [i4, p1]
jump(i4, p1, descr=outer)
)");
  InterpResult rest = runTraceFromLabel(loop, descrs(), r.label, valuesOf(r.values));
  ASSERT_EQ(rest.exit, Exit::GUARD_FAILED) << rest.error;
  EXPECT_EQ(f->acc, 5 + 4 + 3 + 2 + 1);
  EXPECT_EQ(rest.value(1).asRef(), f);
}

// --- fail_guards (deopt torture) ----------------------------------------------------------------

TEST(Interp, FailGuardsFailsEveryNthGuardCheck) {
  Trace t = parseOk(R"([i0, i1]
label(i0, i1, descr=loop0)
i2 = int_sub(i0, 1)
i3 = int_add(i1, i0)
i4 = int_gt(i2, 0)
guard_true(i4, descr=done) [i2, i3, i0]
jump(i2, i3, descr=loop0)
)");
  uint64_t checks = 0;
  InterpOptions opts;
  opts.failGuards = 2;
  opts.guardChecks = &checks;
  InterpResult r = run(t, {Value::i(10), Value::i(0)}, opts);
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(checks, 2u);  // the 2nd check failed although its condition held
  EXPECT_EQ(guardName(t, r), "done");
  EXPECT_EQ(r.value(0).asInt(), 8);  // after two iterations
  EXPECT_EQ(r.value(1).asInt(), 10 + 9);
  EXPECT_EQ(r.value(2).asInt(), 9);
  opts.failGuards = 3;
  checks = 0;
  r = run(t, {Value::i(10), Value::i(0)}, opts);
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(r.value(0).asInt(), 7);  // the 3rd check
  EXPECT_EQ(checks, 3u);
}

TEST(Interp, FailGuardsCountsChecksAcrossRuns) {
  Trace t = parseOk("[i0]\nguard_true(i0, descr=g0) [i0]\nfinish(i0)\n");
  uint64_t checks = 0;
  InterpOptions opts;
  opts.failGuards = 2;
  opts.guardChecks = &checks;
  EXPECT_EQ(run(t, {Value::i(1)}, opts).exit, Exit::FINISH);        // check 1
  EXPECT_EQ(run(t, {Value::i(1)}, opts).exit, Exit::GUARD_FAILED);  // check 2: forced
  EXPECT_EQ(run(t, {Value::i(1)}, opts).exit, Exit::FINISH);        // check 3
  // A guard that fails on its own is a check too.
  EXPECT_EQ(run(t, {Value::i(0)}, opts).exit, Exit::GUARD_FAILED);  // check 4
  EXPECT_EQ(run(t, {Value::i(1)}, opts).exit, Exit::FINISH);        // check 5
  EXPECT_EQ(checks, 5u);
  // failGuards = 0: never forced, and nothing is counted.
  opts.failGuards = 0;
  for (int k = 0; k < 4; k++) EXPECT_EQ(run(t, {Value::i(1)}, opts).exit, Exit::FINISH);
  EXPECT_EQ(checks, 5u);
}

TEST(Interp, ForcedFailureOfGuardExceptionLeavesTheExceptionPending) {
  Trace t = parseOk(R"([i0]
guard_true(i0, descr=first) [i0]
i1 = call_i(i0, descr=checkedHalf)
p2 = guard_exception(ConstPtr(ValueError), descr=caught) [i0]
finish(p2)
)");
  uint64_t checks = 0;
  InterpOptions opts;
  opts.failGuards = 2;
  opts.guardChecks = &checks;
  // checkedHalf(3) raises ValueError; guard_exception would catch it, but it
  // is the 2nd check: it fails, and the exception stays for the resume.
  InterpResult r = run(t, {Value::i(3)}, opts);
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(guardName(t, r), "caught");
  EXPECT_EQ(r.value(0).asInt(), 3);
  ASSERT_TRUE(ll_exc_occurred());
  EXPECT_EQ(ll_exc_type, &kExcVtables[LL_EXC_VALUE_ERROR]);
  ll_exc_clear();
  // The count goes on: in the next run guard_true is check 3, guard_exception
  // check 4, forced again.
  r = run(t, {Value::i(3)}, opts);
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << r.error;
  EXPECT_EQ(guardName(t, r), "caught");
  EXPECT_TRUE(ll_exc_occurred());
  ll_exc_clear();
  checks = 0;
  opts.failGuards = 3;  // checks 1 and 2 pass: guard_exception catches and clears
  r = run(t, {Value::i(3)}, opts);
  ASSERT_EQ(r.exit, Exit::FINISH) << r.error;
  EXPECT_EQ(static_cast<TestExc*>(r.value(0).asRef())->kind, LL_EXC_VALUE_ERROR);
  EXPECT_FALSE(ll_exc_occurred());
}
