// Tests of runtime/jit/trace_print.cpp and trace_parse.cpp: golden round
// trips (print(parse(text)) == text and parse(print(t)) is t) over every op
// family, and parse errors with line:col for bad input.
#include <random>
#include "jit_test_util.h"

using namespace jit_test;

namespace {

/// Checks both round-trip directions for canonical text.
void roundTrip(const std::string& text) {
  ParseResult r = parseTrace(text, descrs());
  ASSERT_TRUE(r.trace.has_value()) << r.errorText(text);
  std::string printed = printTrace(*r.trace, descrs());
  EXPECT_EQ(printed, text);
  ParseResult again = parseTrace(printed, descrs());
  ASSERT_TRUE(again.trace.has_value()) << again.errorText(printed);
  EXPECT_EQ(traceDifference(*r.trace, *again.trace), "");
}

}  // namespace

TEST(TraceText, RoundTripIssueExample) {
  roundTrip(R"([i0, p1]
label(i0, p1, descr=loop0)
i2 = int_add(i0, 1)
i3 = getfield_i(p1, descr=Frame.acc)
guard_true(i3, descr=g0) [i0, p1]
jump(i2, p1, descr=loop0)
)");
}

TEST(TraceText, RoundTripIntArithmetic) {
  roundTrip(R"([i0, i1]
i2 = int_add(i0, i1)
i3 = int_sub(i2, -7)
i4 = int_mul(i3, 3)
i5 = int_floordiv(i4, i1)
i6 = int_mod(i5, 10)
i7 = int_and(i6, 255)
i8 = int_or(i7, i0)
i9 = int_xor(i8, -1)
i10 = int_lshift(i9, 2)
i11 = int_rshift(i10, 1)
i12 = int_neg(i11)
i13 = int_invert(i12)
i14 = uint_rshift(i13, 60)
i15 = uint_floordiv(i14, 3)
i16 = uint_mod(i15, 2)
finish(i16, -9223372036854775808, 9223372036854775807)
)");
}

TEST(TraceText, RoundTripComparisonsAndOverflow) {
  roundTrip(R"([i0, i1]
i2 = int_lt(i0, i1)
i3 = int_le(i0, i1)
i4 = int_eq(i0, i1)
i5 = int_ne(i0, i1)
i6 = int_gt(i0, i1)
i7 = int_ge(i0, i1)
i8 = int_is_true(i7)
i9 = uint_lt(i0, i1)
i10 = uint_le(i0, i1)
i11 = uint_ge(i0, i1)
i12 = uint_gt(i0, i1)
i13 = int_add_ovf(i0, i1)
guard_no_overflow(descr=g0) [i0, i1]
i14 = int_sub_ovf(i13, i1)
guard_no_overflow(descr=g1) [i13]
i15 = int_mul_ovf(i14, i14)
guard_overflow(descr=g2) []
finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i15)
)");
}

TEST(TraceText, RoundTripFloats) {
  roundTrip(R"([f0, i1]
f2 = float_add(f0, 2.5)
f3 = float_sub(f2, -0.0)
f4 = float_mul(f3, 1e+20)
f5 = float_truediv(f4, 3.0)
f6 = float_neg(f5)
f7 = float_abs(f6)
i8 = float_lt(f7, inf)
i9 = float_le(f7, -inf)
i10 = float_eq(f7, nan)
i11 = float_ne(f7, 0.1)
i12 = float_gt(f7, 1.5e-300)
i13 = float_ge(f7, f0)
f14 = cast_int_to_float(i1)
i15 = cast_float_to_int(f14)
f16 = same_as_f(f14)
finish(i8, i9, i10, i11, i12, i13, i15, f16)
)");
}

TEST(TraceText, RoundTripFieldsAndPointers) {
  roundTrip(R"([p0, p1]
i2 = getfield_i(p0, descr=Frame.acc)
p3 = getfield_r(p0, descr=Frame.next)
f4 = getfield_f(p0, descr=Frame.x)
i5 = getfield_i(p0, descr=Frame.small)
setfield(p0, i2, descr=Frame.reg)
setfield(p3, p1, descr=Frame.next)
setfield(p0, 1.25, descr=Frame.x)
setfield(p0, ConstPtr(null), descr=Frame.next)
i6 = ptr_eq(p0, p1)
i7 = ptr_ne(p3, ConstPtr(null))
p8 = same_as_r(p0)
i9 = same_as_i(i5)
finish(i6, i7, p8, i9, f4)
)");
}

TEST(TraceText, RoundTripArraysAndStrings) {
  roundTrip(R"([p0, i1, p2]
i3 = arraylen(p0, descr=IntArray)
i4 = getarrayitem_i(p0, i1, descr=IntArray)
setarrayitem(p0, 0, i4, descr=IntArray)
p5 = getarrayitem_r(p2, 0, descr=PtrArray)
setarrayitem(p2, 1, p5, descr=PtrArray)
p6 = new_array(i3, descr=FloatArray)
f7 = getarrayitem_f(p6, 0, descr=FloatArray)
setarrayitem(p6, 0, 2.0, descr=FloatArray)
i8 = strlen(p5)
i9 = strgetitem(p5, 0)
finish(i8, i9, f7)
)");
}

TEST(TraceText, RoundTripAllocationAndCalls) {
  roundTrip(R"([i0, p1, f2]
p3 = new(descr=PairSize)
p4 = new_with_vtable(descr=FrameSize)
i5 = call_i(i0, 2, descr=add2)
guard_no_exception(descr=g0) [i0]
i6 = call_i(1, 2, 3, i5, descr=sum4)
p7 = call_r(p1, descr=nextFrame)
f8 = call_f(f2, 3, descr=scale)
call_n(i6, descr=countCall)
i9 = call_pure_i(i0, i0, descr=add2)
p10 = call_pure_r(p7, descr=nextFrame)
f11 = call_pure_f(1.5, i9, descr=scale)
i12 = call_i(i9, descr=checkedHalf)
p13 = guard_exception(ConstPtr(ValueError), descr=g1) [i9]
finish(p3, i12, p13, f11)
)");
}

TEST(TraceText, RoundTripGuards) {
  roundTrip(R"([i0, p1, f2]
guard_true(i0, descr=g0) [i0]
guard_false(i0, descr=g1) []
guard_value(i0, 42, descr=g2) [i0, p1]
guard_value(p1, ConstPtr(frameVtable), descr=g3) [p1]
guard_value(f2, 0.5, descr=g4) [f2]
guard_class(p1, ConstPtr(frameVtable), descr=g5) [p1, 7, 2.5, ConstPtr(null)]
guard_nonnull(p1, descr=g6) [p1]
guard_isnull(ConstPtr(null), descr=g7) []
guard_no_exception(descr=g8) []
guard_not_invalidated(descr=g9, tag=-3) []
guard_true(i0, descr=exit_loop, tag=17) [p1, i0]
finish()
)");
}

TEST(TraceText, RoundTripLoopWithPreambleAndMergePoints) {
  roundTrip(R"([i0, p1]
debug_merge_point('pc=0 LOAD \'x\' \\ \n\x01')
label(i0, p1, descr=loop0)
i2 = getfield_i(p1, descr=Frame.acc)
i3 = int_add(i2, i0)
setfield(p1, i3, descr=Frame.acc)
label(i3, p1, descr=loop1)
debug_merge_point('pc=4 JUMP_IF')
i4 = int_sub(i3, 1)
i5 = int_gt(i4, 0)
guard_true(i5, descr=g0) [i4, p1]
jump(i4, p1, descr=loop1)
)");
}

TEST(TraceText, RoundTripBridgeJumpingToDeclaredLoop) {
  roundTrip(R"([i0, p1, i2]
i3 = int_add(i0, i2)
jump(i3, p1, descr=outer)
)");
}

TEST(TraceText, RoundTripEmptyInputs) {
  roundTrip(R"([]
i0 = int_add(1, 2)
finish(i0)
)");
}

TEST(TraceText, ProgrammaticTraceSurvivesPrintAndParse) {
  const DescrTable& d = descrs();
  Trace t;
  Ref n = t.addInput(Kind::INT), f = t.addInput(Kind::REF);
  t.emit(Op::LABEL, {n, f}, *d.find("loop0"));
  t.emitDebugMergePoint("loop head");
  Ref acc = t.emit(Op::GETFIELD_I, {f}, *d.find("Frame.acc"));
  Ref sum = t.emit(Op::INT_ADD, {acc, t.constInt(3)});
  t.emit(Op::SETFIELD, {f, sum}, *d.find("Frame.acc"));
  Ref x = t.emit(Op::CAST_INT_TO_FLOAT, {sum});
  t.emit(Op::SETFIELD, {f, t.emit(Op::FLOAT_MUL, {x, t.constFloat(0.5)})}, *d.find("Frame.x"));
  Ref cls = t.constPtr(&kFrameVtable);  // unnamed here: the table names it
  t.emitGuard(Op::GUARD_CLASS, {f, cls}, {n, f}, 5);
  Ref m = t.emit(Op::INT_SUB, {n, t.constInt(1)});
  t.emitGuard(Op::GUARD_TRUE, {m}, {m, f, sum});
  t.emit(Op::JUMP, {m, f}, *d.find("loop0"));
  ASSERT_TRUE(verify(t, d).empty());
  std::string text = printTrace(t, d);
  EXPECT_EQ(text, R"([i0, p1]
label(i0, p1, descr=loop0)
debug_merge_point('loop head')
i2 = getfield_i(p1, descr=Frame.acc)
i3 = int_add(i2, 3)
setfield(p1, i3, descr=Frame.acc)
f4 = cast_int_to_float(i3)
f5 = float_mul(f4, 0.5)
setfield(p1, f5, descr=Frame.x)
guard_class(p1, ConstPtr(frameVtable), descr=g0, tag=5) [i0, p1]
i6 = int_sub(i0, 1)
guard_true(i6, descr=g1) [i6, p1, i3]
jump(i6, p1, descr=loop0)
)");
  Trace back = parseOk(text);
  EXPECT_EQ(traceDifference(t, back), "");
}

TEST(TraceText, ParserCanonicalisesNamesAndDropsComments) {
  Trace u = parseOk("# header next\n\n[p7, i3]  # inputs\n  i10 = int_mul(i3, i3)   # square\nfinish(i10, p7)\n");
  EXPECT_EQ(printTrace(u, descrs()), "[p0, i1]\ni2 = int_mul(i1, i1)\nfinish(i2, p0)\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 0x0)\nfinish(i1)\n"), "2:18: error: bad integer constant '0x0'\n");
}

TEST(TraceText, TraceDifferenceSpotsChanges) {
  Trace a = parseOk("[i0]\ni1 = int_add(i0, 1)\nguard_true(i1, descr=g0) [i0]\nfinish(i1)\n");
  Trace b = parseOk("[i0]\ni1 = int_add(i0, 2)\nguard_true(i1, descr=g0) [i0]\nfinish(i1)\n");
  Trace c = parseOk("[i0]\ni1 = int_add(i0, 1)\nguard_true(i1, descr=g0) [i1]\nfinish(i1)\n");
  EXPECT_NE(traceDifference(a, b), "");
  EXPECT_NE(traceDifference(a, c), "");
  EXPECT_EQ(traceDifference(a, a), "");
}

// --- resume frames (GuardDescr::frames) -------------------------------------------

TEST(TraceText, RoundTripGuardsWithResumeFrames) {
  roundTrip(R"([i0, p1, f2]
guard_true(i0, descr=g0, resume=0.1.2) [i0, p1]
guard_false(i0, descr=g1, tag=7, resume=0.3.1/4.7.2) [p1, i0, f2]
guard_no_exception(descr=g2, resume=0.2.0/3.5.0/9.1.0) []
i3 = call_i(i0, descr=checkedHalf)
p4 = guard_exception(ConstPtr(ValueError), descr=g3, tag=9, resume=2.4.1/6.9.2) [p1, i3, 5]
guard_value(i3, 4, descr=g4, tag=-1, resume=4294967295.4294967295.1) [i3]
finish()
)");
}

TEST(TraceText, ParsedResumeFramesAreOutermostFirst) {
  Trace t = parseOk("[i0, p1, f2]\nguard_false(i0, descr=g0, tag=7, resume=0.3.1/4.7.2) [p1, i0, f2]\nfinish()\n");
  ASSERT_EQ(t.guards.size(), 1u);
  EXPECT_EQ(t.guards[0].tag, 7);
  EXPECT_EQ(t.guards[0].frames, (std::vector<ResumeFrame>{{0, 3, 1}, {4, 7, 2}}));
  // Hand-written guards have no resume data.
  Trace u = parseOk("[i0]\nguard_true(i0, descr=g0, tag=3) [i0]\nfinish()\n");
  EXPECT_TRUE(u.guards[0].frames.empty());
}

TEST(TraceText, ResumeMayComeBeforeDescrAndPrintsLast) {
  Trace t = parseOk("[i0]\nguard_true(i0, resume=5.6.1, tag=3, descr=exit) [i0]\nfinish()\n");
  EXPECT_EQ(printTrace(t, descrs()), "[i0]\nguard_true(i0, descr=exit, tag=3, resume=5.6.1) [i0]\nfinish()\n");
}

TEST(TraceText, ProgrammaticResumeFramesSurvivePrintAndParse) {
  Trace t;
  Ref n = t.addInput(Kind::INT), f = t.addInput(Kind::REF);
  t.emitGuard(Op::GUARD_TRUE, {n}, {f, n, t.constInt(3)}, 12, "", {{1, 4, 2}, {2, 12, 1}});
  t.emitGuard(Op::GUARD_NONNULL, {f}, {f}, 0, "", {{1, 8, 1}});
  t.emit(Op::FINISH, {});
  ASSERT_TRUE(verify(t, descrs()).empty());
  std::string text = printTrace(t, descrs());
  EXPECT_EQ(text, R"([i0, p1]
guard_true(i0, descr=g0, tag=12, resume=1.4.2/2.12.1) [p1, i0, 3]
guard_nonnull(p1, descr=g1, resume=1.8.1) [p1]
finish()
)");
  Trace back = parseOk(text);
  EXPECT_EQ(traceDifference(t, back), "");
  EXPECT_EQ(back.guards[0].frames, t.guards[0].frames);
}

TEST(TraceTextErrors, BadResumeSyntax) {
  const std::string msg = "error: resume= takes code.point.count frames separated by '/'\n";
  // Column 36 is where the third part should start; column 33 is the value's start.
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=1.2) [i0]\nfinish()\n"), "2:36: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=1.x.1) [i0]\nfinish()\n"), "2:33: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=) [i0]\nfinish()\n"), "2:33: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=-1.2.1) [i0]\nfinish()\n"), "2:33: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=0.1.1/) [i0]\nfinish()\n"), "2:33: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=4294967296.0.1) [i0]\nfinish()\n"), "2:33: " + msg);
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=0.1.1, resume=0.1.1) [i0]\nfinish()\n"),
            "2:40: error: a second resume=\n");
}

TEST(TraceTextErrors, ResumeOnANonGuard) {
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1, resume=0.1.1)\nfinish(i1)\n"),
            "2:6: error: only guards take resume=\n");
  EXPECT_EQ(parseErrors("[i0]\nfinish(i0, resume=0.1.1)\n"), "2:1: error: only guards take resume=\n");
  EXPECT_EQ(parseErrors("[i0]\nlabel(i0, descr=loop0, resume=0.1.1)\njump(i0, descr=loop0)\n"),
            "2:1: error: only guards take resume=\n");
}

TEST(TraceTextErrors, ResumeFramesMustHoldTheFailArgs) {
  // verify()'s check, reported at the guard's line.
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=0.1.2) [i0]\nfinish()\n"),
            "2:1: error: resume frames of g0 hold 2 values, the guard has 1 fail args\n");
  EXPECT_EQ(parseErrors("[i0, p1]\nguard_true(i0, descr=g0, resume=0.1.0/2.3.1) [i0, p1]\nfinish()\n"),
            "2:1: error: resume frames of g0 hold 1 values, the guard has 2 fail args\n");
  // Without verification the frames are taken as written.
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, resume=0.1.2) [i0]\nfinish()\n", ParseOptions{false}), "");
}

// --- virtuals in resume data (virtualize, issue 7) -----------------------------------

TEST(TraceText, RoundTripGuardsWithVirtuals) {
  roundTrip(R"([i0, p1, f2]
guard_true(i0, descr=g0) [i0, v0] virtuals=[v0=new_with_vtable(descr=FrameSize){Frame.acc=i0, Frame.next=v1, Frame.x=f2}, v1=new(descr=PairSize){Frame.acc=7, Pair.head=v0}]
guard_false(i0, descr=g1, tag=3, resume=0.1.2) [v0, p1] virtuals=[v0=new_array(3, descr=PtrArray){[0]=p1, [2]=v1}, v1=new_array(0, descr=IntArray){}]
guard_nonnull(p1, descr=g2) [] virtuals=[v0=new(descr=PairSize){}]
i3 = int_add(i0, 1)
guard_value(i3, 5, descr=g3) [v0, v0, i3] virtuals=[v0=new_array(2, descr=FloatArray){[1]=-0.0}]
finish()
)");
}

// The text names virtuals per guard, in any numbering; in memory their
// fields' values are fail args after the frames' values (trace.h).
TEST(TraceText, VirtualFieldsAreFailArgsAfterTheFrames) {
  Trace t = parseOk(
      "[i0, p1]\n"
      "guard_true(i0, descr=g0, resume=0.1.2) [i0, v7] virtuals=[v7=new_with_vtable(descr=FrameSize)"
      "{Frame.acc=5, Frame.next=v3}, v3=new(descr=PairSize){Pair.tail=p1}]\n"
      "finish()\n");
  const GuardDescr& g = t.guards[0];
  EXPECT_EQ(g.numFrameArgs(), 2u);
  EXPECT_EQ(g.numVirtualFields(), 3u);
  ASSERT_EQ(g.failArgs.size(), 5u);
  EXPECT_EQ(g.failArgs[0], Ref::input(0));
  EXPECT_EQ(g.failArgs[1], Ref::virtualRef(0));
  EXPECT_EQ(g.failArgs[2], t.constInt(5));
  EXPECT_EQ(g.failArgs[3], Ref::virtualRef(1));
  EXPECT_EQ(g.failArgs[4], Ref::input(1));
  ASSERT_EQ(g.virtuals.size(), 2u);
  EXPECT_EQ(g.virtuals[0], (VirtualDescr{Op::NEW_WITH_VTABLE, *descrs().find("FrameSize"), 0,
                                         {*descrs().find("Frame.acc"), *descrs().find("Frame.next")}}));
  EXPECT_EQ(g.virtuals[1], (VirtualDescr{Op::NEW, *descrs().find("PairSize"), 0, {*descrs().find("Pair.tail")}}));
  EXPECT_EQ(printTrace(t, descrs()),
            "[i0, p1]\n"
            "guard_true(i0, descr=g0, resume=0.1.2) [i0, v0] virtuals=[v0=new_with_vtable(descr=FrameSize)"
            "{Frame.acc=5, Frame.next=v1}, v1=new(descr=PairSize){Pair.tail=p1}]\n"
            "finish()\n");
}

TEST(TraceText, ProgrammaticVirtualsSurvivePrintAndParse) {
  Trace t;
  Ref n = t.addInput(Kind::INT), f = t.addInput(Kind::REF);
  uint32_t ptrArray = *descrs().find("PtrArray"), acc = *descrs().find("Frame.acc");
  t.emitGuard(Op::GUARD_TRUE, {n},
              {Ref::virtualRef(1), n, Ref::virtualRef(0), Ref::virtualRef(1), t.constInt(-4)}, 2, "", {{1, 4, 2}},
              {{Op::NEW_ARRAY, ptrArray, 5, {4, 0}}, {Op::NEW, *descrs().find("PairSize"), 0, {acc}}});
  t.emitGuard(Op::GUARD_NONNULL, {f}, {f}, 0, "", {{1, 8, 1}});
  t.emit(Op::FINISH, {});
  ASSERT_EQ(verify(t, descrs()).size(), 0u);
  std::string text = printTrace(t, descrs());
  EXPECT_EQ(text, R"([i0, p1]
guard_true(i0, descr=g0, tag=2, resume=1.4.2) [v1, i0] virtuals=[v0=new_array(5, descr=PtrArray){[4]=v0, [0]=v1}, v1=new(descr=PairSize){Frame.acc=-4}]
guard_nonnull(p1, descr=g1, resume=1.8.1) [p1]
finish()
)");
  Trace back = parseOk(text);
  EXPECT_EQ(traceDifference(t, back), "");
}

TEST(TraceText, TraceDifferenceSeesVirtuals) {
  const std::string a = "[i0]\nguard_true(i0, descr=g0) [v0] virtuals=[v0=new(descr=PairSize){Frame.acc=i0}]\nfinish()\n";
  const std::string differ = "op 0 (guard_true): virtuals of g0 differ";
  EXPECT_EQ(traceDifference(parseOk(a), parseOk(a)), "");
  EXPECT_EQ(traceDifference(parseOk(a), parseOk("[i0]\nguard_true(i0, descr=g0) [v0] "
                                                 "virtuals=[v0=new(descr=PairSize){Frame.reg=i0}]\nfinish()\n")),
            differ);
  EXPECT_EQ(traceDifference(parseOk(a), parseOk("[i0]\nguard_true(i0, descr=g0) [v0] "
                                                 "virtuals=[v0=new_with_vtable(descr=PairSize){Frame.acc=i0}]\nfinish()\n")),
            differ);
  EXPECT_EQ(traceDifference(parseOk(a), parseOk("[i0]\nguard_true(i0, descr=g0) [v0] "
                                                 "virtuals=[v0=new(descr=PairSize){Frame.acc=1}]\nfinish()\n")),
            "op 0 (guard_true): fail args differ, value 2: input 0 vs int 1");
}

TEST(TraceTextErrors, BadVirtuals) {
  auto guard = [](const std::string& tail) { return "[i0, p1]\nguard_true(i0, descr=g0) " + tail + "\nfinish()\n"; };
  EXPECT_EQ(parseErrors(guard("[v0]")), "2:27: error: virtual v0 is not described (virtuals=[v0=...])\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new(descr=PairSize){}, v0=new(descr=PairSize){}]")),
            "2:67: error: virtual v0 is described twice\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=int_add(descr=PairSize){}]")),
            "2:44: error: a virtual is new, new_with_vtable or new_array, found 'int_add'\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new(descr=IntArray){}]")),
            "2:54: error: 'IntArray' is not a size descr\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new_array(descr=IntArray){}]")),
            "2:54: error: expected the array's length, found 'descr'\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new(descr=PairSize){IntArray=1}]")),
            "2:64: error: expected a field descr, found 'IntArray'\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new(descr=PairSize){Frame.acc=v1}]")),
            "2:74: error: virtual v1 is not described (virtuals=[v1=...])\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1) [v0] virtuals=[v0=new(descr=PairSize){}]\nfinish()\n"),
            "2:6: error: int_add is not a guard: it takes no fail args\n");
  EXPECT_EQ(parseErrors("[p0]\nguard_nonnull(v0, descr=g0) []\nfinish()\n"),
            "2:15: error: expected a value, found 'v0'\n");
}

TEST(TraceTextErrors, VirtualsAreVerified) {
  auto guard = [](const std::string& tail) { return "[i0, p1]\nguard_true(i0, descr=g0) " + tail + "\nfinish()\n"; };
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new_array(2, descr=IntArray){[2]=1}]")),
            "2:1: error: virtual v0 of g0 has 2 items, not item 2\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new(descr=PairSize){Frame.acc=p1}]")),
            "2:1: error: Frame.acc of virtual v0 of g0 must be int, got ref\n");
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[v0=new_array(2, descr=IntArray){[1]=1, [1]=2}]")),
            "2:1: error: virtual v0 of g0 sets item 1 twice\n");
  EXPECT_EQ(parseErrors(
                "[i0]\nguard_true(i0, descr=g0, resume=0.1.2) [i0] virtuals=[v0=new(descr=PairSize){Frame.acc=i0}]\n"
                "finish()\n"),
            "2:1: error: resume frames of g0 hold 2 values, the guard has 1 fail args for them (and 1 for its "
            "virtuals' fields)\n");
}

// --- the virtualizable and delayed writes in resume data ------------------------------

TEST(TraceText, RoundTripVirtualizableAndWrites) {
  roundTrip(R"([i0, p1, p2] vable=p1
guard_true(i0, descr=g0) [i0] virtuals=[setfield(p1){Frame.acc=i0, Frame.next=p2}]
guard_false(i0, descr=g1) [p1] virtuals=[v0=new(descr=PairSize){Frame.acc=i0}, setfield(p1){Frame.next=v0}, setarrayitem(p2, descr=PtrArray){[3]=v0, [0]=p1}]
finish()
)");
  Trace t = parseOk("[i0, p1] vable=p1\nguard_true(i0, descr=g0) [i0] virtuals=[setfield(p1){Frame.acc=7}]\nfinish()\n");
  EXPECT_EQ(t.vable, 1);
  const GuardDescr& g = t.guards[0];
  EXPECT_EQ(g.numFrameArgs(), 1u);
  EXPECT_EQ(g.numVirtualFields(), 2u);  // the target, then the value
  EXPECT_EQ(g.failArgs[1], Ref::input(1));
  EXPECT_TRUE(g.virtuals[0].isWrite());
  EXPECT_EQ(traceDifference(t, parseOk("[i0, p1]\nguard_true(i0, descr=g0) [i0] virtuals=[setfield(p1){Frame.acc=7}]\nfinish()\n")),
            "virtualizables differ");
}

TEST(TraceTextErrors, BadVirtualizableAndWrites) {
  EXPECT_EQ(parseErrors("[i0, p1] vable=i0\nfinish()\n"), "1:16: error: vable= names a ref input, found 'i0'\n");
  EXPECT_EQ(parseErrors("[i0, p1] vable=p7\nfinish()\n"), "1:16: error: vable= names a ref input, found 'p7'\n");
  auto guard = [](const std::string& tail) { return "[i0, p1]\nguard_true(i0, descr=g0) " + tail + "\nfinish()\n"; };
  EXPECT_EQ(parseErrors(guard("[v0] virtuals=[setfield(p1){Frame.acc=1}, v0=new(descr=PairSize){}]")),
            "2:68: error: virtual v0 comes after a write (writes come last)\n");
  EXPECT_EQ(parseErrors(guard("[] virtuals=[setarrayitem(p1){[0]=1}]")),
            "2:54: error: expected ',' after the target, found ')'\n");
  EXPECT_EQ(parseErrors(guard("[] virtuals=[setfield(p1){Frame.acc=p1}]")),
            "2:1: error: Frame.acc of setfield #0 of g0 must be int, got ref\n");
  EXPECT_EQ(parseErrors(guard("[] virtuals=[setfield(i0){Frame.acc=1}]")),
            "2:1: error: setfield #0 of g0 writes into a value that is not a ref\n");
}

// --- errors -----------------------------------------------------------------------

TEST(TraceTextErrors, BadSyntax) {
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1\nfinish(i1)\n"),
            "2:19: error: expected ')' to close the operand list, found end of line\n");
  EXPECT_EQ(parseErrors("[i0\nfinish(i0)\n"), "1:4: error: expected ']' to close the input list, found end of line\n");
  EXPECT_EQ(parseErrors("i0 = int_add(1, 2)\n"),
            "1:1: error: expected '[' to open the input list, found 'i0'\n");
  EXPECT_EQ(parseErrors("[i0]\nfinish(i0) junk\n"), "2:12: error: unexpected 'junk' at end of line\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 int_add(i0, 1)\nfinish(i0)\n"), "2:1: error: unknown operation 'i1'\n");
  EXPECT_EQ(parseErrors("[i0]\ndebug_merge_point('open\nfinish(i0)\n"), "2:19: error: unterminated string\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 99999999999999999999)\nfinish(i1)\n"),
            "2:18: error: integer constant '99999999999999999999' does not fit in 64 bits\n");
  EXPECT_EQ(parseErrors(""), "1:1: error: empty trace: expected the input list '[...]'\n");
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0, tag=x1) []\nfinish()\n"), "2:30: error: tag= takes an integer\n");
  EXPECT_EQ(parseErrors("[x]\nfinish()\n"), "1:2: error: expected an input variable (i0, p1, f2...), found 'x'\n");
}

TEST(TraceTextErrors, UnknownOpAndDescr) {
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_frob(i0)\nfinish(i1)\n"), "2:6: error: unknown operation 'int_frob'\n");
  EXPECT_EQ(parseErrors("[p0]\ni1 = getfield_i(p0, descr=Frame.nope)\nfinish(i1)\n"),
            "2:27: error: unknown descr 'Frame.nope'\n");
  EXPECT_EQ(parseErrors("[p0]\ni1 = getfield_i(p0, descr=IntArray)\nfinish(i1)\n"),
            "2:27: error: IntArray is an array descr; getfield_i needs a field descr\n");
  EXPECT_EQ(parseErrors("[p0]\ni1 = getfield_i(p0)\nfinish(i1)\n"),
            "2:6: error: getfield_i needs a field descr (descr=NAME)\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1, descr=loop0)\nfinish(i1)\n"),
            "2:27: error: int_add takes no descr\n");
  EXPECT_EQ(parseErrors("[p0]\nguard_value(p0, ConstPtr(nowhere), descr=g0) []\nfinish()\n"),
            "2:26: error: unknown pointer constant 'nowhere'\n");
}

TEST(TraceTextErrors, UndefinedVariable) {
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, i5)\nfinish(i1)\n"), "2:18: error: undefined variable 'i5'\n");
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0) [i0, p9]\nfinish()\n"),
            "2:31: error: undefined variable 'p9'\n");
  EXPECT_EQ(parseErrors("[i0]\ni0 = int_add(i0, 1)\nfinish(i0)\n"), "2:1: error: i0 is already defined on line 1\n");
}

TEST(TraceTextErrors, WrongArityAndKinds) {
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0)\nfinish(i1)\n"), "2:6: error: int_add takes 2 operands, got 1\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_neg(i0, i0)\nfinish(i1)\n"), "2:6: error: int_neg takes 1 operand, got 2\n");
  EXPECT_EQ(parseErrors("[i0, p1]\ni2 = int_add(i0, p1)\nfinish(i2)\n"),
            "2:18: error: operand 2 of int_add must be int, got ref\n");
  EXPECT_EQ(parseErrors("[f0]\ni1 = int_add(1.5, 2)\nfinish(i1)\n"),
            "2:14: error: operand 1 of int_add must be int, got float\n");
  EXPECT_EQ(parseErrors("[i0]\nint_add(i0, 1)\nfinish()\n"),
            "2:1: error: int_add has a int result: write 'iN = int_add(...)'\n");
  EXPECT_EQ(parseErrors("[i0]\np1 = int_add(i0, 1)\nfinish()\n"),
            "2:1: error: p1 names a ref, but int_add returns a int\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = guard_true(i0, descr=g0) []\nfinish()\n"), "2:1: error: guard_true has no result\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1) [i0]\nfinish()\n"),
            "2:6: error: int_add is not a guard: it takes no fail args\n");
  EXPECT_EQ(parseErrors("[i0]\nguard_true(i0, descr=g0) []\nguard_false(i0, descr=g0) []\nfinish()\n"),
            "3:23: error: guard descr 'g0' is already used in this trace\n");
}

TEST(TraceTextErrors, VerifyErrorsCarryTheLine) {
  // jump arity against its label; the call's argument count against its CallDescr.
  EXPECT_EQ(parseErrors("[i0, p1]\nlabel(i0, p1, descr=loop0)\ni2 = int_add(i0, 1)\njump(i2, descr=loop0)\n"),
            "4:1: error: jump passes 1 values, label loop0 takes 2\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = call_i(i0, descr=add2)\nfinish(i1)\n"),
            "2:1: error: call_i passes 1 values, add2 takes 2\n");
  EXPECT_EQ(parseErrors("[i0]\ni1 = int_add(i0, 1)\n"), "2:1: error: trace does not end with jump or finish\n");
}

TEST(TraceTextErrors, ReportsEveryBadLineWithoutCascades) {
  std::string text = "[i0]\ni1 = int_frob(i0)\ni2 = int_add(i1, i0)\ni3 = int_add(i0, i9)\nfinish(i2, i3)\n";
  ParseResult r = parseTrace(text, descrs());
  EXPECT_FALSE(r.trace.has_value());
  // Line 3 uses the poisoned i1 and says nothing; finish uses poisoned names too.
  EXPECT_EQ(r.errorText(text),
            "2:6: error: unknown operation 'int_frob'\n"
            "i1 = int_frob(i0)\n"
            "     ^\n"
            "4:18: error: undefined variable 'i9'\n"
            "i3 = int_add(i0, i9)\n"
            "                 ^\n");
}

TEST(TraceTextErrors, MutatedTextsNeverCrash) {
  // Deterministic mutants of a valid trace: each parses or reports errors.
  const std::string valid = R"([i0, p1, f2]
label(i0, p1, f2, descr=loop0)
debug_merge_point('pc=1')
i3 = getfield_i(p1, descr=Frame.acc)
i4 = int_add_ovf(i3, i0)
guard_no_overflow(descr=g0) [i0, p1]
f5 = float_add(f2, 2.5)
p6 = call_r(p1, descr=nextFrame)
guard_class(p6, ConstPtr(frameVtable), descr=g1, tag=3) [i4, p6]
jump(i4, p6, f5, descr=loop0)
)";
  const std::string alphabet = "()[],=' #-.0123456789ipfdescr_tagConstPtr\n";
  std::mt19937 rng(12345);
  int rejected = 0;
  for (int n = 0; n < 3000; n++) {
    std::string s = valid;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; e++) {
      size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s.erase(at, 1 + rng() % 4); break;
        case 1: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: s[at] = alphabet[rng() % alphabet.size()]; break;
      }
    }
    ParseResult r = parseTrace(s, descrs());
    if (!r.trace) {
      rejected++;
      ASSERT_FALSE(r.errors.empty()) << s;
      for (const ParseDiag& d : r.errors) ASSERT_GE(d.line, 1) << s;
    } else {
      EXPECT_TRUE(verify(*r.trace, descrs()).empty()) << s;
      (void)printTrace(*r.trace, descrs());
    }
  }
  EXPECT_GT(rejected, 1500);
}

TEST(TraceTextErrors, MutatedVirtualsNeverCrash) {
  // The same for guards with virtuals: each mutant parses (and verifies, and
  // prints back as itself) or reports errors.
  const std::string valid = R"([i0, p1]
guard_true(i0, descr=g0, resume=0.1.2) [i0, v0] virtuals=[v0=new_with_vtable(descr=FrameSize){Frame.acc=i0, Frame.next=v1}, v1=new_array(2, descr=PtrArray){[0]=p1, [1]=v0}]
guard_false(i0, descr=g1) [v0] virtuals=[v0=new(descr=PairSize){Pair.head=v0, Frame.acc=-3}, setfield(p1){Frame.next=v0}]
finish()
)";
  const std::string alphabet = "()[]{},=' #-.0123456789ipvdescr_virtualsnewarrayFrame.accPair.headsetfield\n";
  std::mt19937 rng(54321);
  int rejected = 0;
  for (int n = 0; n < 3000; n++) {
    std::string s = valid;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; e++) {
      size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s.erase(at, 1 + rng() % 4); break;
        case 1: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: s[at] = alphabet[rng() % alphabet.size()]; break;
      }
    }
    ParseResult r = parseTrace(s, descrs());
    if (!r.trace) {
      rejected++;
      ASSERT_FALSE(r.errors.empty()) << s;
      continue;
    }
    EXPECT_TRUE(verify(*r.trace, descrs()).empty()) << s;
    std::string printed = printTrace(*r.trace, descrs());
    ParseResult back = parseTrace(printed, descrs());
    ASSERT_TRUE(back.trace.has_value()) << s << "\n" << printed;
    EXPECT_EQ(traceDifference(*r.trace, *back.trace), "") << s;
  }
  EXPECT_GT(rejected, 1500);
}
