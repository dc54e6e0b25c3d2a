// Tests for rtyper/llgraph.{h,cpp}, lloptype.cpp, llprint.cpp, llverify.cpp:
// graphs built by hand, printed as golden text, and one test per kind of
// violation verifyLLGraph must catch.
#include "rtyper/llgraph.h"

#include <gtest/gtest.h>

#include <memory>

using namespace lathe::rtyper;

namespace {

class LLGraphTest : public ::testing::Test {
protected:
  void SetUp() override {
    LLType *vt = ctx.declareStruct("OBJECT_VTABLE", false);
    object = ctx.gcStruct("OBJECT", {{"typeptr", ctx.ptr(vt)}});
    ASSERT_EQ(ctx.defineFields(vt, {{"subclassMin", S()}, {"subclassMax", S()}}), "");
    vtablePtr = ctx.ptr(vt);
    str = ctx.gcStruct("STR", {{"hash", S()}, {"chars", ctx.inlineArray(ctx.charType())}});
    point = ctx.gcStruct("Point", {{"x", S()}, {"y", F()}}, object);
  }
  const LLType *S() { return ctx.signedType(); }
  const LLType *F() { return ctx.floatType(); }
  const LLType *B() { return ctx.boolType(); }
  const LLType *C() { return ctx.charType(); }
  const LLType *V() { return ctx.voidType(); }

  std::unique_ptr<LLGraph> graph(std::string name, std::vector<LLParam> params,
                                 const LLType *result) {
    return std::make_unique<LLGraph>(std::move(name), params, result, vtablePtr,
                                     ctx.ptr(object));
  }
  const LLConstant *sig(LLGraph &g, int64_t v) { return g.constant(S(), v); }
  const LLConstant *field(LLGraph &g, const char *n) { return g.constant(V(), std::string(n)); }

  /// A graph `t(a: Signed, f: Float, s: Ptr(STR), p: Ptr(Point))` whose start
  /// block runs `op(args)` (args index the params; -1.. are extra values
  /// given in `extra`) and returns 0; the verifier's message, or "".
  std::string verifyOneOp(LLOp op, const std::vector<LLValue> &args, const LLType *result) {
    LLBlock *b = one->startblock;
    one->addOp(b, op, args, result);
    one->newLink(b, one->returnblock, {sig(*one, 0)});
    return verifyLLGraph(*one);
  }
  std::vector<LLVariable *> &params() { return one->startblock->inputargs; }
  void makeOne() {
    one = graph("t", {{"a", S()}, {"f", F()}, {"s", ctx.ptr(str)}, {"p", ctx.ptr(point)}}, S());
  }

  TypeContext ctx;
  const LLType *object = nullptr, *vtablePtr = nullptr, *str = nullptr, *point = nullptr;
  std::unique_ptr<LLGraph> one;
};

} // namespace

TEST(LLOps, TableRoundTrips) {
  EXPECT_STREQ(llOpName(LLOp::INT_ADD), "int_add");
  EXPECT_EQ(llOpByName("int_mul_ovf"), LLOp::INT_MUL_OVF);
  EXPECT_EQ(llOpByName("no_such_op"), std::nullopt);
  EXPECT_TRUE(llOpInfo(LLOp::DIRECT_CALL).canRaise);
  EXPECT_TRUE(llOpInfo(LLOp::SETFIELD).sideEffects);
  EXPECT_TRUE(llOpInfo(LLOp::INT_ADD).canFold);
  EXPECT_FALSE(llOpInfo(LLOp::INT_ADD).canRaise);
  EXPECT_FALSE(llOpInfo(LLOp::GETFIELD).canFold);
}

// A counting loop with an overflow-checked add: Bool switch, exception exit.
TEST_F(LLGraphTest, GoldenLoop) {
  auto g = graph("sum_to", {{"n", S()}}, S());
  LLVariable *i1 = g->newVar(S(), "i"), *acc1 = g->newVar(S(), "acc");
  LLBlock *head = g->newBlock({i1, acc1});
  g->newLink(g->startblock, head, {g->startblock->inputargs[0], sig(*g, 0)});
  LLVariable *i2 = g->newVar(S(), "i"), *acc2 = g->newVar(S(), "acc");
  LLBlock *body = g->newBlock({i2, acc2});
  head->switchKind = LLSwitch::VALUE;
  head->exitswitch = g->addOp(head, LLOp::INT_GT, {i1, sig(*g, 0)}, B());
  g->newLink(head, g->returnblock, {acc1}, g->constant(B(), false));
  g->newLink(head, body, {i1, acc1}, g->constant(B(), true));
  LLVariable *sum = g->addOp(body, LLOp::INT_ADD_OVF, {acc2, i2}, S());
  LLVariable *i3 = g->newVar(S(), "i"), *acc3 = g->newVar(S(), "acc");
  LLBlock *step = g->newBlock({i3, acc3});
  body->switchKind = LLSwitch::LAST_EXCEPTION;
  g->newLink(body, step, {i2, sum});
  LLLink *exc = g->newLink(body, g->exceptblock, {}, g->constant(vtablePtr, LLConstant::Symbol{"OverflowError"}));
  exc->lastException = g->newVar(vtablePtr, "etype");
  exc->lastExcValue = g->newVar(ctx.ptr(object), "evalue");
  exc->args = {exc->lastException, exc->lastExcValue};
  LLVariable *next = g->addOp(step, LLOp::INT_SUB, {i3, sig(*g, 1)}, S());
  g->newLink(step, head, {next, acc3});

  EXPECT_EQ(verifyLLGraph(*g), "");
  EXPECT_EQ(printLLGraph(*g), R"(graph sum_to(n_0: Signed) -> Signed
  block0(n_0: Signed):
    --> block1(n_0, 0)
  block1(i_4: Signed, acc_5: Signed):
    v8: Bool = int_gt(i_4, 0)
    switch v8
      False --> return(acc_5)
      True --> block2(i_4, acc_5)
  block2(i_6: Signed, acc_7: Signed):
    v9: Signed = int_add_ovf(acc_7, i_6)
    switch last_exception
      --> block3(i_6, v9)
      except @OverflowError as (etype_12, evalue_13) --> except(etype_12, evalue_13)
  block3(i_10: Signed, acc_11: Signed):
    v14: Signed = int_sub(i_10, 1)
    --> block1(v14, acc_11)
)");
  EXPECT_EQ(g->funcType(ctx)->str(), "Func(Signed) -> Signed");
}

// Memory ops, a direct call, constants of every kind, a Char switch.
TEST_F(LLGraphTest, GoldenMemoryAndSwitch) {
  auto g = graph("mem", {{"c", C()}, {"x", F()}}, S());
  LLBlock *b = g->startblock;
  const LLType *strp = ctx.ptr(str);
  LLVariable *s = g->addOp(b, LLOp::MALLOC_VARSIZE, {g->constant(V(), str), sig(*g, 3)}, strp);
  g->addOp(b, LLOp::SETFIELD, {s, field(*g, "hash"), sig(*g, -7)}, V());
  g->addOp(b, LLOp::SETARRAYITEM, {s, sig(*g, 0), g->constant(C(), '\'')}, V());
  g->addOp(b, LLOp::SETARRAYITEM, {s, sig(*g, 1), g->constant(C(), '\n')}, V());
  LLVariable *n = g->addOp(b, LLOp::GETARRAYSIZE, {s}, S());
  const LLType *ft = ctx.ptr(ctx.func({strp, F()}, S()));
  LLVariable *r = g->addOp(b, LLOp::DIRECT_CALL,
                           {g->constant(ft, LLConstant::Symbol{"fn_helper"}), s,
                            g->constant(F(), 2.0)}, S());
  LLVariable *z = g->addOp(b, LLOp::PTR_ISZERO, {g->constant(strp, LLConstant::Null{})}, B());
  LLVariable *u = g->addOp(b, LLOp::CAST_INT_TO_UINT, {n}, ctx.unsignedType());
  g->addOp(b, LLOp::UINT_ADD, {u, g->constant(ctx.unsignedType(), uint64_t(5))}, ctx.unsignedType());
  g->addOp(b, LLOp::FLOAT_ADD, {g->startblock->inputargs[1], g->constant(F(), 0.1)}, F());
  g->addOp(b, LLOp::DEBUG_ASSERT, {z, g->constant(V(), std::string("say \"hi\""))}, V());
  b->switchKind = LLSwitch::VALUE;
  b->exitswitch = g->startblock->inputargs[0];
  g->newLink(b, g->returnblock, {r}, g->constant(C(), 'a'));
  g->newLink(b, g->returnblock, {n}, g->constant(C(), 'b'));
  g->newLink(b, g->returnblock, {sig(*g, 0)});

  EXPECT_EQ(verifyLLGraph(*g), "");
  EXPECT_EQ(printLLGraph(*g), R"(graph mem(c_0: Char, x_1: Float) -> Signed
  block0(c_0: Char, x_1: Float):
    v5: Ptr(GcStruct STR) = malloc_varsize(<GcStruct STR>, 3)
    v6: Void = setfield(v5, "hash", -7)
    v7: Void = setarrayitem(v5, 0, '\'')
    v8: Void = setarrayitem(v5, 1, '\x0a')
    v9: Signed = getarraysize(v5)
    v10: Signed = direct_call(@fn_helper, v5, 2.0)
    v11: Bool = ptr_iszero(null)
    v12: Unsigned = cast_int_to_uint(v9)
    v13: Unsigned = uint_add(v12, 5u)
    v14: Float = float_add(x_1, 0.1)
    v15: Void = debug_assert(v11, "say \"hi\"")
    switch c_0
      'a' --> return(v10)
      'b' --> return(v9)
      default --> return(0)
)");
}

TEST_F(LLGraphTest, InheritedFieldsAndMalloc) {
  makeOne();
  LLBlock *b = one->startblock;
  LLVariable *p = one->addOp(b, LLOp::MALLOC, {one->constant(V(), point)}, ctx.ptr(point));
  one->addOp(b, LLOp::SETFIELD, {p, field(*one, "x"), params()[0]}, V());
  one->addOp(b, LLOp::GETFIELD, {p, field(*one, "typeptr")}, vtablePtr);
  LLVariable *y = one->addOp(b, LLOp::GETFIELD, {p, field(*one, "y")}, F());
  one->addOp(b, LLOp::SAME_AS, {y}, F());
  one->addOp(b, LLOp::PTR_EQ, {p, params()[3]}, B());
  EXPECT_EQ(verifyOneOp(LLOp::JIT_PROMOTE, {params()[0]}, S()), "");
}

// --- one test per kind of violation ----------------------------------------

TEST_F(LLGraphTest, RejectsOperandKind) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::INT_ADD, {params()[0], params()[1]}, S()),
            "t: block0: int_add: operand 1 is Float, expected Signed\n");
}

TEST_F(LLGraphTest, RejectsArity) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::INT_NEG, {params()[0], params()[0]}, S()),
            "t: block0: int_neg: 2 operands, expected 1\n");
}

TEST_F(LLGraphTest, RejectsResultType) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::INT_LT, {params()[0], params()[0]}, S()),
            "t: block0: int_lt: result is Signed, expected Bool\n");
}

TEST_F(LLGraphTest, RejectsSameAsResultType) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::SAME_AS, {params()[0]}, F()),
            "t: block0: same_as: result is Float, expected Signed\n");
}

TEST_F(LLGraphTest, RejectsVoidOperandThatIsNotAConstant) {
  makeOne();
  LLVariable *v = one->newVar(V());
  params().push_back(v);
  EXPECT_EQ(verifyOneOp(LLOp::GETFIELD, {params()[3], v}, S()),
            "t: block0: getfield: operand 1 is Void, expected a Void constant\n");
}

TEST_F(LLGraphTest, RejectsUnknownField) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::GETFIELD, {params()[3], field(*one, "z")}, S()),
            "t: block0: getfield: GcStruct Point has no field 'z'\n");
}

TEST_F(LLGraphTest, RejectsFieldTypeMismatch) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::GETFIELD, {params()[3], field(*one, "y")}, S()),
            "t: block0: getfield: result is Signed, expected Float\n");
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::SETFIELD, {params()[3], field(*one, "x"), params()[1]}, V()),
            "t: block0: setfield: stored value is Float, field is Signed\n");
}

TEST_F(LLGraphTest, RejectsInlinedArrayAsField) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::GETFIELD, {params()[2], field(*one, "chars")}, S()),
            "t: block0: getfield: field 'chars' is an inlined array: use the array ops\n");
}

TEST_F(LLGraphTest, RejectsArrayOpsOnNonArrays) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::GETARRAYITEM, {params()[3], params()[0]}, S()),
            "t: block0: getarrayitem: array access on Ptr(GcStruct Point), which holds no array\n");
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::SETARRAYITEM, {params()[2], params()[0], params()[0]}, V()),
            "t: block0: setarrayitem: stored value is Signed, item is Char\n");
}

TEST_F(LLGraphTest, RejectsWrongMallocKind) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::MALLOC, {one->constant(V(), str)}, ctx.ptr(str)),
            "t: block0: malloc: malloc of GcStruct STR, not a fixed-size GcStruct\n");
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::MALLOC, {one->constant(V(), point)}, ctx.ptr(object)),
            "t: block0: malloc: result is Ptr(GcStruct OBJECT), expected Ptr(GcStruct Point)\n");
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::MALLOC_VARSIZE, {one->constant(V(), point), params()[0]},
                        ctx.ptr(point)),
            "t: block0: malloc_varsize: malloc_varsize of GcStruct Point, not a GcArray or "
            "varsized GcStruct\n");
}

TEST_F(LLGraphTest, RejectsBadCalls) {
  const LLType *ft = ctx.ptr(ctx.func({S()}, S()));
  makeOne();
  const LLConstant *callee = one->constant(ft, LLConstant::Symbol{"fn_g"});
  EXPECT_EQ(verifyOneOp(LLOp::DIRECT_CALL, {callee, params()[1]}, S()),
            "t: block0: direct_call: call argument 0 is Float, expected Signed\n");
  makeOne();
  callee = one->constant(ft, LLConstant::Symbol{"fn_g"});
  EXPECT_EQ(verifyOneOp(LLOp::DIRECT_CALL, {callee}, S()),
            "t: block0: direct_call: 0 call arguments, Func(Signed) -> Signed takes 1\n");
  makeOne();
  callee = one->constant(ft, LLConstant::Symbol{"fn_g"});
  EXPECT_EQ(verifyOneOp(LLOp::INDIRECT_CALL, {callee, params()[0]}, S()),
            "t: block0: indirect_call: indirect_call callee is a constant\n");
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::DIRECT_CALL, {params()[3]}, S()),
            "t: block0: direct_call: callee is Ptr(GcStruct Point), not a function pointer\n");
}

TEST_F(LLGraphTest, RejectsPointerComparisonOfDifferentTypes) {
  makeOne();
  EXPECT_EQ(verifyOneOp(LLOp::PTR_EQ, {params()[2], params()[3]}, B()),
            "t: block0: ptr_eq: compares Ptr(GcStruct STR) with Ptr(GcStruct Point)\n");
}

TEST_F(LLGraphTest, RejectsLinkArgCountAndTypes) {
  auto g = graph("l", {{"a", S()}}, S());
  g->newLink(g->startblock, g->returnblock, {});
  EXPECT_EQ(verifyLLGraph(*g), "l: block0: link passes 0 args to 1 inputargs\n");
  auto h = graph("l", {{"a", S()}}, F());
  h->newLink(h->startblock, h->returnblock, {h->startblock->inputargs[0]});
  EXPECT_EQ(verifyLLGraph(*h),
            "l: block0: link arg 0 (a_0) is Signed, target inputarg is Float\n");
}

TEST_F(LLGraphTest, RejectsBadExitswitchType) {
  auto g = graph("s", {{"x", F()}}, S());
  g->startblock->switchKind = LLSwitch::VALUE;
  g->startblock->exitswitch = g->startblock->inputargs[0];
  g->newLink(g->startblock, g->returnblock, {sig(*g, 0)}, g->constant(B(), false));
  g->newLink(g->startblock, g->returnblock, {sig(*g, 1)}, g->constant(B(), true));
  EXPECT_EQ(verifyLLGraph(*g), "s: block0: exitswitch is Float, not Bool, Signed or Char\n");
}

TEST_F(LLGraphTest, RejectsBadBoolSwitchExits) {
  auto g = graph("s", {{"b", B()}}, S());
  LLBlock *b = g->startblock;
  b->switchKind = LLSwitch::VALUE;
  b->exitswitch = b->inputargs[0];
  g->newLink(b, g->returnblock, {sig(*g, 0)}, g->constant(B(), true));
  g->newLink(b, g->returnblock, {sig(*g, 1)}, g->constant(B(), false));
  EXPECT_EQ(verifyLLGraph(*g), "s: block0: Bool switch exits are False then True\n");
  b->exits.pop_back();
  EXPECT_EQ(verifyLLGraph(*g), "s: block0: a Bool switch has exactly two exits (False, True)\n");
}

TEST_F(LLGraphTest, RejectsBadIntSwitchCases) {
  auto g = graph("s", {{"n", S()}}, S());
  LLBlock *b = g->startblock;
  b->switchKind = LLSwitch::VALUE;
  b->exitswitch = b->inputargs[0];
  g->newLink(b, g->returnblock, {sig(*g, 0)}, sig(*g, 1));
  g->newLink(b, g->returnblock, {sig(*g, 0)});
  g->newLink(b, g->returnblock, {sig(*g, 0)}, sig(*g, 1));
  g->newLink(b, g->returnblock, {sig(*g, 0)}, g->constant(C(), 'x'));
  EXPECT_EQ(verifyLLGraph(*g), "s: block0: exit 1 has no case (only a final default may)\n"
                               "s: block0: duplicate switch case 1\n"
                               "s: block0: exit 3 case is Char, switch is Signed\n");
}

TEST_F(LLGraphTest, RejectsLastExceptionAfterNonRaisingOp) {
  auto g = graph("e", {{"a", S()}}, S());
  LLBlock *b = g->startblock;
  LLVariable *r = g->addOp(b, LLOp::INT_ADD, {b->inputargs[0], sig(*g, 1)}, S());
  b->switchKind = LLSwitch::LAST_EXCEPTION;
  g->newLink(b, g->returnblock, {r});
  EXPECT_EQ(verifyLLGraph(*g),
            "e: block0: switch last_exception after an operation that cannot raise\n");
}

TEST_F(LLGraphTest, RejectsExceptionLinkWithoutVariables) {
  auto g = graph("e", {{"a", S()}}, S());
  LLBlock *b = g->startblock;
  LLVariable *r = g->addOp(b, LLOp::INT_ADD_OVF, {b->inputargs[0], sig(*g, 1)}, S());
  b->switchKind = LLSwitch::LAST_EXCEPTION;
  g->newLink(b, g->returnblock, {r});
  g->newLink(b, g->returnblock, {sig(*g, -1)}, g->constant(vtablePtr, LLConstant::Symbol{"E"}));
  EXPECT_EQ(verifyLLGraph(*g),
            "e: block0: exit 1 is not an exception link with a case\n");
}

TEST_F(LLGraphTest, RejectsUseOutsideDefiningBlock) {
  auto g = graph("u", {{"a", S()}}, S());
  LLBlock *next = g->newBlock({});
  g->newLink(g->startblock, next, {});
  g->newLink(next, g->returnblock, {g->startblock->inputargs[0]});
  EXPECT_EQ(verifyLLGraph(*g),
            "u: block1: a_0 is used outside the block defining it, or before\n");
}

TEST_F(LLGraphTest, RejectsDoubleDefinitionAndUseBeforeDefinition) {
  auto g = graph("d", {{"a", S()}}, S());
  LLBlock *b = g->startblock;
  LLVariable *r = g->addOp(b, LLOp::INT_NEG, {b->inputargs[0]}, S());
  b->operations.push_back(LLOperation{LLOp::INT_NEG, {r}, r, {}});
  g->newLink(b, g->returnblock, {r});
  EXPECT_EQ(verifyLLGraph(*g), "d: block0: v4 is defined twice\n");
  b->operations.pop_back();
  b->operations.insert(b->operations.begin(), LLOperation{LLOp::INT_NEG, {r}, g->newVar(S()), {}});
  EXPECT_EQ(verifyLLGraph(*g),
            "d: block0: v4 is used outside the block defining it, or before\n");
}

TEST_F(LLGraphTest, RejectsSeveralExitsWithoutSwitch) {
  auto g = graph("n", {{"a", S()}}, S());
  g->newLink(g->startblock, g->returnblock, {g->startblock->inputargs[0]});
  g->newLink(g->startblock, g->returnblock, {g->startblock->inputargs[0]});
  EXPECT_EQ(verifyLLGraph(*g), "n: block0: several exits without an exitswitch\n");
}

TEST_F(LLGraphTest, RejectsDeadEndBlock) {
  auto g = graph("n", {{"a", S()}}, S());
  EXPECT_EQ(verifyLLGraph(*g), "n: block0: a non-final block has no exits\n");
}
