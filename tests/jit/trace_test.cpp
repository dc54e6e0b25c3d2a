// Tests of runtime/jit/trace.cpp: building traces (refs, constant pools,
// guards) and verify() catching each kind of broken trace.
#include "jit_test_util.h"

using namespace jit_test;

namespace {

/// verify()'s messages, "op N: message" per line.
std::string verifyText(const Trace& t) {
  std::string out;
  for (const TraceError& e : verify(t, descrs()))
    out += (e.op == kNoOp ? std::string("trace") : "op " + std::to_string(e.op)) + ": " + e.message + "\n";
  return out;
}

/// Parses without verifying (the parser's own checks still apply).
Trace parseUnverified(const std::string& text) {
  ParseResult r = parseTrace(text, descrs(), ParseOptions{false});
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

}  // namespace

TEST(Trace, RefsPackTagAndIndex) {
  Ref r = Ref::make(Ref::CONST_FLOAT, 12345);
  EXPECT_EQ(r.tag(), Ref::CONST_FLOAT);
  EXPECT_EQ(r.index(), 12345u);
  EXPECT_TRUE(r.isConst());
  EXPECT_FALSE(Ref::op(Ref::kMaxIndex).isConst());
  EXPECT_EQ(Ref::op(Ref::kMaxIndex).index(), Ref::kMaxIndex);
  EXPECT_TRUE(Ref{}.isNone());
  static_assert(sizeof(Ref) == 4);
}

TEST(Trace, ConstantsArePooled) {
  Trace t;
  EXPECT_EQ(t.constInt(5), t.constInt(5));
  EXPECT_NE(t.constInt(5), t.constInt(6));
  EXPECT_EQ(t.constFloat(0.5), t.constFloat(0.5));
  EXPECT_NE(t.constFloat(0.0), t.constFloat(-0.0));  // by bits
  int a, b;
  EXPECT_EQ(t.constPtr(&a), t.constPtr(&a, "a"));
  EXPECT_EQ(t.ptrConstName(t.constPtr(&a)), "a");  // a later name fills in
  EXPECT_NE(t.constPtr(&a), t.constPtr(&b));
  EXPECT_EQ(t.numIntConsts(), 2u);
  EXPECT_EQ(t.numFloatConsts(), 3u);
  EXPECT_EQ(t.numPtrConsts(), 2u);
  EXPECT_EQ(t.kindOf(t.constPtr(nullptr)), Kind::REF);
}

TEST(Trace, EmitAssignsKindsAndGuardDescrs) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  Ref s = t.emit(Op::INT_ADD, {i, t.constInt(1)});
  EXPECT_EQ(s, Ref::op(0));
  EXPECT_EQ(t.kindOf(s), Kind::INT);
  Ref g = t.emitGuard(Op::GUARD_TRUE, {s}, {i}, 9);
  EXPECT_TRUE(g.isNone());
  ASSERT_EQ(t.guards.size(), 1u);
  EXPECT_EQ(t.guards[0].name, "g0");
  EXPECT_EQ(t.guards[0].tag, 9);
  EXPECT_EQ(t.ops[1].descr, 0u);
  t.emit(Op::FINISH, {s});
  EXPECT_EQ(verifyText(t), "");
}

TEST(TraceVerify, UseBeforeDefinition) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  t.emit(Op::INT_ADD, {i, Ref::op(1)});  // refers to the next op
  t.emit(Op::INT_NEG, {i});
  t.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(t), "op 0: operand 2 of int_add is used before its definition\n");
}

TEST(TraceVerify, ValuesBeforeALabelAreHiddenAfterIt) {
  Trace t = parseUnverified(R"([i0, i1]
i2 = int_add(i0, i1)
label(i0, descr=loop0)
i3 = int_add(i0, i1)
guard_true(i3, descr=g0) [i2]
jump(i3, descr=loop0)
)");
  EXPECT_EQ(verifyText(t),
            "op 2: operand 2 of int_add is not visible after the label (not one of its arguments)\n"
            "op 3: fail arg 1 of guard_true is not visible after the label (not one of its arguments)\n");
}

TEST(TraceVerify, OperandKindsAndArity) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  Ref p = t.addInput(Kind::REF);
  t.emit(Op::INT_ADD, {i, p});
  t.emit(Op::INT_NEG, {i, i});
  t.emit(Op::FLOAT_NEG, {t.constInt(1)});
  t.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(t),
            "op 0: operand 2 of int_add must be int, got ref\n"
            "op 1: int_neg takes 1 operand, got 2\n"
            "op 2: operand 1 of float_neg must be float, got int\n");
}

TEST(TraceVerify, GuardsNeedTheirOwnDescr) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  t.emit(Op::GUARD_TRUE, {i});  // no GuardDescr
  t.emitGuard(Op::GUARD_FALSE, {i}, {i});
  t.emit(Op::GUARD_FALSE, {i}, 0);  // shares g0
  t.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(t), "op 0: guard_true has no GuardDescr\nop 2: guard_false shares GuardDescr g0 with another guard\n");
}

TEST(TraceVerify, TraceMustEndWithJumpOrFinish) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  t.emit(Op::FINISH, {i});
  t.emit(Op::INT_NEG, {i});
  EXPECT_EQ(verifyText(t), "op 0: finish must be the last op of the trace\ntrace: trace does not end with jump or finish\n");
  EXPECT_EQ(verifyText(Trace{}), "trace: trace does not end with jump or finish\n");
}

TEST(TraceVerify, JumpMatchesItsLabel) {
  Trace t = parseUnverified("[i0, p1]\nlabel(i0, p1, descr=loop0)\njump(p1, i0, descr=loop0)\n");
  EXPECT_EQ(verifyText(t), "op 1: operand 1 of jump must be int, got ref\nop 1: operand 2 of jump must be ref, got int\n");
  Trace u = parseUnverified("[i0]\njump(i0, descr=loop1)\n");
  EXPECT_EQ(verifyText(u), "op 0: jump to loop1, which has no label in this trace and no declared signature\n");
  Trace v = parseUnverified("[i0, p1]\njump(i0, p1, i0, descr=outer)\n");  // a bridge to a declared loop
  EXPECT_EQ(verifyText(v), "op 0: jump passes 3 values, outer takes 2\n");
}

TEST(TraceVerify, LabelsTakeDistinctValues) {
  Trace t = parseUnverified("[i0]\nlabel(i0, i0, 3, descr=loop0)\njump(i0, i0, 3, descr=loop0)\n");
  EXPECT_EQ(verifyText(t),
            "op 0: operand 2 of label repeats operand 1\n"
            "op 0: operand 3 of label is a constant, not a value\n");
  Trace u = parseUnverified("[i0]\nlabel(i0, descr=loop0)\nlabel(i0, descr=loop0)\njump(i0, descr=loop0)\n");
  EXPECT_EQ(verifyText(u), "op 1: a second label with descr loop0\n");
}

TEST(TraceVerify, DescrKindsAgree) {
  Trace t = parseUnverified(R"([p0, i1]
i2 = getfield_i(p0, descr=Frame.next)
setfield(p0, 1.5, descr=Frame.acc)
p3 = getarrayitem_r(p0, i1, descr=IntArray)
i4 = call_i(p0, descr=nextFrame)
i5 = call_pure_i(1, 2, 3, 4, descr=sum4)
finish()
)");
  EXPECT_EQ(verifyText(t),
            "op 0: getfield_i reads Frame.next of kind ref\n"
            "op 1: the value of setfield must be int, got float\n"
            "op 2: getarrayitem_r reads IntArray of kind int\n"
            "op 3: call_i expects a int result, nextFrame returns ref\n"
            "op 4: call_pure_i calls sum4, which is not elidable\n");
  Trace u;
  Ref p = u.addInput(Kind::REF);
  u.emit(Op::GETFIELD_I, {p}, *descrs().find("IntArray"));
  u.emit(Op::INT_NEG, {u.constInt(1)}, 0);
  u.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(u), "op 0: getfield_i has a descr of the wrong kind (IntArray)\nop 1: int_neg takes no descr\n");
}

TEST(TraceVerify, GuardValueComparesLikeKinds) {
  Trace t = parseUnverified("[i0, p1]\nguard_value(i0, ConstPtr(null), descr=g0) []\nfinish()\n");
  EXPECT_EQ(verifyText(t), "op 0: guard_value compares a int with a ref\n");
}

TEST(TraceVerify, ResumeFramesAccountForEveryFailArg) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  Ref p = t.addInput(Kind::REF);
  t.emitGuard(Op::GUARD_TRUE, {i}, {p, i}, 0, "exact", {{0, 1, 1}, {2, 3, 1}});
  t.emitGuard(Op::GUARD_TRUE, {i}, {p, i}, 0, "tooMany", {{0, 1, 2}, {2, 3, 1}});
  t.emitGuard(Op::GUARD_FALSE, {i}, {i}, 0, "tooFew", {{0, 1, 0}});
  t.emitGuard(Op::GUARD_NONNULL, {p}, {p}, 0, "noFrames");  // hand-written: no resume data, no check
  t.emitGuard(Op::GUARD_NO_EXCEPTION, {}, {}, 0, "empty", {{0, 1, 0}, {2, 3, 0}});
  t.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(t),
            "op 1: resume frames of tooMany hold 3 values, the guard has 2 fail args\n"
            "op 2: resume frames of tooFew hold 0 values, the guard has 1 fail args\n");
}

TEST(Trace, VirtualRefsAreRefsButNotConstants) {
  Ref v = Ref::virtualRef(3);
  EXPECT_TRUE(v.isVirtual());
  EXPECT_FALSE(v.isConst());
  EXPECT_EQ(v.index(), 3u);
  EXPECT_EQ(Trace{}.kindOf(v), Kind::REF);
  EXPECT_FALSE(Ref::make(Ref::CONST_PTR, 0).isVirtual());
}

TEST(TraceVerify, VirtualsOnlyInFailArgsAndDescribed) {
  Trace t;
  Ref i = t.addInput(Kind::INT);
  uint32_t pair = *descrs().find("PairSize"), acc = *descrs().find("Frame.acc");
  t.emitGuard(Op::GUARD_TRUE, {i}, {Ref::virtualRef(0), i}, 0, "ok", {}, {{Op::NEW, pair, 0, {acc}}});
  t.emitGuard(Op::GUARD_TRUE, {i}, {Ref::virtualRef(1)}, 0, "undescribed", {}, {});
  t.emitGuard(Op::GUARD_TRUE, {i}, {}, 0, "tooFewArgs", {}, {{Op::NEW, pair, 0, {acc}}});
  t.emitGuard(Op::GUARD_TRUE, {i}, {}, 0, "notNew", {}, {{Op::INT_ADD, pair, 0, {}}});
  t.emitGuard(Op::GUARD_TRUE, {i}, {}, 0, "badDescr", {}, {{Op::NEW_ARRAY, pair, 1, {}}});
  t.emitGuard(Op::GUARD_TRUE, {i}, {i}, 0, "badField", {}, {{Op::NEW, pair, 0, {pair}}});
  t.emit(Op::SAME_AS_R, {Ref::virtualRef(0)});
  t.emit(Op::FINISH, {});
  EXPECT_EQ(verifyText(t),
            "op 1: fail arg 1 of undescribed names virtual v1, which it does not describe\n"
            "op 2: the virtuals of tooFewArgs have 1 fields, the guard has 0 fail args\n"
            "op 3: virtual v0 of notNew is a int_add, not an allocation\n"
            "op 4: virtual v0 of badDescr needs an array descr\n"
            "op 5: virtual v0 of badField has a field whose descr is not a field\n"
            "op 6: operand 1 of same_as_r is a virtual (only a guard's fail args may name one)\n");
}

TEST(TraceDifference, ReportsDifferingResumeFrames) {
  auto guarded = [](std::vector<ResumeFrame> frames) {
    Trace t;
    Ref i = t.addInput(Kind::INT);
    Ref p = t.addInput(Kind::REF);
    t.emitGuard(Op::GUARD_TRUE, {i}, {p, i}, 5, "", std::move(frames));
    t.emit(Op::FINISH, {});
    return t;
  };
  Trace a = guarded({{1, 4, 1}, {2, 5, 1}});
  EXPECT_EQ(traceDifference(a, guarded({{1, 4, 1}, {2, 5, 1}})), "");
  const std::string differ = "op 0 (guard_true): resume frames of g0 differ";
  EXPECT_EQ(traceDifference(a, guarded({{1, 4, 1}, {3, 5, 1}})), differ);  // code
  EXPECT_EQ(traceDifference(a, guarded({{1, 6, 1}, {2, 5, 1}})), differ);  // point
  EXPECT_EQ(traceDifference(a, guarded({{1, 4, 2}, {2, 5, 0}})), differ);  // how the values split
  EXPECT_EQ(traceDifference(a, guarded({{2, 5, 2}})), differ);              // number of frames
  EXPECT_EQ(traceDifference(a, guarded({})), differ);                       // none at all
}
