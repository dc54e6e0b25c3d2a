//===- flowgraph_test.cpp - Flow-graph model, printer, verifier, simplify -===//
// Graphs built by hand (no parser or evaluator): the op table, the text
// format, every verifier check, and each simplification rule.
//===----------------------------------------------------------------------===//
#include "frontend/flowgraph.h"

#include <gtest/gtest.h>

namespace lathe::flow {
namespace {

using eval::Value;

Hlvalue cst(FunctionGraph &g, int64_t i) { return g.constant(Value::integer(i)); }

void setBoolSwitch(FunctionGraph &g, Block *b, Variable *v, Block *onFalse,
                   std::vector<Hlvalue> falseArgs, Block *onTrue, std::vector<Hlvalue> trueArgs) {
  b->switchKind = SwitchKind::VALUE;
  b->exitswitch = v;
  Link *f = g.newLink(b, onFalse, std::move(falseArgs));
  f->hasExitcase = true;
  f->exitcase = Value::boolean(false);
  Link *t = g.newLink(b, onTrue, std::move(trueArgs));
  t->hasExitcase = true;
  t->exitcase = Value::boolean(true);
}

Variable *op(FunctionGraph &g, Block *b, FlowOp o, std::vector<Hlvalue> args,
             std::string hint = {}) {
  Variable *r = g.newVar(std::move(hint));
  b->operations.push_back(Operation{o, std::move(args), r, SrcLoc{1, 2, 3}});
  return r;
}

// def f(n): i = 0; while i < n: i = i + 1; return i
struct LoopGraph {
  FunctionGraph g{"m.f", nullptr, {"n"}};
  Block *head, *body;
  LoopGraph() {
    Variable *n0 = g.startblock->inputargs[0];
    Variable *n1 = g.newVar("n"), *i1 = g.newVar("i");
    head = g.newBlock({n1, i1});
    g.newLink(g.startblock, head, {n0, cst(g, 0)});
    Variable *c = op(g, head, FlowOp::LT, {i1, n1});
    Variable *n2 = g.newVar("n"), *i2 = g.newVar("i");
    body = g.newBlock({n2, i2});
    setBoolSwitch(g, head, c, g.returnblock, {i1}, body, {n1, i1});
    Variable *i3 = op(g, body, FlowOp::ADD, {i2, cst(g, 1)}, "i");
    g.newLink(body, head, {n2, i3});
  }
};

TEST(FlowOps, TableRows) {
  EXPECT_STREQ(flowOpName(FlowOp::ADD), "add");
  EXPECT_STREQ(flowOpName(FlowOp::INPLACE_ADD), "inplace_add");
  EXPECT_STREQ(flowOpName(FlowOp::NOT), "not_");
  EXPECT_STREQ(flowOpName(FlowOp::EXCEPTION_MATCH), "exception_match");
  EXPECT_EQ(flowOpInfo(FlowOp::SETATTR).arity, 3);
  EXPECT_EQ(flowOpInfo(FlowOp::SIMPLE_CALL).arity, -1);
  EXPECT_TRUE(flowOpInfo(FlowOp::SIMPLE_CALL).canRaise);
  EXPECT_FALSE(flowOpInfo(FlowOp::IS).canRaise);
  EXPECT_TRUE(flowOpInfo(FlowOp::ADD).pure);
  EXPECT_FALSE(flowOpInfo(FlowOp::SETITEM).pure);
}

TEST(FlowGraph, FinalBlocksAndNumbering) {
  FunctionGraph g("m.f", nullptr, {"a", "b"});
  EXPECT_EQ(g.startblock->inputargs.size(), 2u);
  EXPECT_EQ(g.startblock->inputargs[0]->id, 0u);
  EXPECT_EQ(g.startblock->inputargs[1]->hint, "b");
  EXPECT_EQ(g.returnblock->inputargs.size(), 1u);
  EXPECT_EQ(g.exceptblock->inputargs.size(), 2u);
  EXPECT_EQ(g.newVar()->id, 5u);
  EXPECT_EQ(g.variableCount(), 6u);
}

TEST(FlowGraph, BlocksAreDepthFirstWithFinalBlocksLast) {
  LoopGraph l;
  std::vector<Block *> order = l.g.blocks();
  ASSERT_EQ(order.size(), 5u);
  EXPECT_EQ(order[0], l.g.startblock);
  EXPECT_EQ(order[1], l.head);
  EXPECT_EQ(order[2], l.body);
  EXPECT_EQ(order[3], l.g.returnblock);
  EXPECT_EQ(order[4], l.g.exceptblock);
  EXPECT_EQ(l.g.links().size(), 4u);
}

TEST(FlowPrinter, LoopGraph) {
  LoopGraph l;
  EXPECT_EQ(printGraph(l.g), R"(graph m.f(n_0):
  block0(n_0):
    --> block1(n_0, 0)
  block1(n_4, i_5):
    v6 = lt(i_5, n_4)
    switch v6
      False --> return(i_5)
      True --> block2(n_4, i_5)
  block2(n_7, i_8):
    i_9 = add(i_8, 1)
    --> block1(n_7, i_9)
)");
  PrintOptions withLocs;
  withLocs.locations = true;
  EXPECT_EQ(printGraph(l.g, withLocs), R"(graph m.f(n_0):
  block0(n_0):
    --> block1(n_0, 0)
  block1(n_4, i_5):
    v6 = lt(i_5, n_4)                             # 2:3
    switch v6
      False --> return(i_5)
      True --> block2(n_4, i_5)
  block2(n_7, i_8):
    i_9 = add(i_8, 1)                             # 2:3
    --> block1(n_7, i_9)
)");
}

// def f(x): try: return g(x) except Exception: return None
struct RaisingGraph {
  FunctionGraph g{"m.f", nullptr, {"x"}};
  eval::ClassObj exc;
  Link *normal, *error;
  RaisingGraph() {
    exc.qualname = "Exception";
    Block *s = g.startblock;
    Variable *r = op(g, s, FlowOp::SIMPLE_CALL, {g.constant(Value::none()), s->inputargs[0]});
    s->switchKind = SwitchKind::LAST_EXCEPTION;
    normal = g.newLink(s, g.returnblock, {r});
    error = g.newLink(s, g.exceptblock);
    error->hasExitcase = true;
    error->exitcase = Value::object(&exc);
    error->lastException = g.newVar("etype");
    error->lastExcValue = g.newVar("evalue");
    error->args = {error->lastException, error->lastExcValue};
  }
};

TEST(FlowPrinter, ExceptionLinksAndCallShapes) {
  RaisingGraph r;
  CallShape shape;
  shape.positional = 2;
  shape.keywords = {"sep", "end"};
  shape.hasStar = true;
  EXPECT_EQ(printValue(r.g.callShape(shape)), "shape(2, sep=, end=, *)");
  EXPECT_EQ(printValue(r.g.constant(Value::boolean(true))), "True");
  EXPECT_EQ(printGraph(r.g), R"(graph m.f(x_0):
  block0(x_0):
    v4 = simple_call(None, x_0)
    switch last_exception
      --> return(v4)
      except Exception as (etype_5, evalue_6) --> except(etype_5, evalue_6)
)");
}

TEST(FlowPrinter, Dot) {
  RaisingGraph r;
  EXPECT_EQ(printGraphDot(r.g), R"(digraph "m.f" {
  node [shape=box, fontname=monospace];
  block0 [label="block0(x_0)\lv4 = simple_call(None, x_0)\lswitch last_exception\l"];
  return [label="return(v1)\l"];
  except [label="except(etype_2, evalue_3)\l"];
  block0 -> return [label="v4"];
  block0 -> except [label="Exception: etype_5, evalue_6"];
}
)");
}

TEST(FlowVerify, WellFormedGraphsPass) {
  LoopGraph l;
  EXPECT_EQ(verifyGraph(l.g), "");
  RaisingGraph r;
  EXPECT_EQ(verifyGraph(r.g), "");
}

TEST(FlowVerify, LinkArgumentCount) {
  LoopGraph l;
  l.body->exits[0]->args.pop_back();
  EXPECT_EQ(verifyGraph(l.g), "block2: link passes 1 args to a block with 2 inputargs\n");
}

TEST(FlowVerify, VariableUsedOutsideItsBlock) {
  LoopGraph l;
  l.body->operations[0].args[0] = l.head->inputargs[1];
  EXPECT_EQ(verifyGraph(l.g), "block2: add uses i_5 which is not defined there\n");
}

TEST(FlowVerify, UseBeforeDefinitionAndDoubleDefinition) {
  LoopGraph l;
  Variable *late = op(l.g, l.body, FlowOp::NEG, {l.body->inputargs[1]});
  l.body->operations[0].args[1] = late;
  EXPECT_EQ(verifyGraph(l.g), "block2: add uses v10 which is not defined there\n");
  LoopGraph d;
  d.body->inputargs[0] = d.head->inputargs[0];
  EXPECT_NE(verifyGraph(d.g).find("defined twice"), std::string::npos);
}

TEST(FlowVerify, BooleanSwitchShape) {
  LoopGraph l;
  std::swap(l.head->exits[0], l.head->exits[1]);
  EXPECT_EQ(verifyGraph(l.g), "block1: a boolean switch needs exits False, True\n");
  LoopGraph c;
  c.head->exitswitch = c.g.constant(Value::boolean(true));
  EXPECT_EQ(verifyGraph(c.g), "block1: exitswitch is not a Variable\n");
  LoopGraph n;
  n.head->switchKind = SwitchKind::NONE;
  EXPECT_NE(verifyGraph(n.g).find("several exits without an exitswitch"), std::string::npos);
}

TEST(FlowVerify, LastExceptionShape) {
  RaisingGraph r;
  r.g.startblock->operations[0].op = FlowOp::IS; // cannot raise
  r.g.startblock->operations[0].args.push_back(r.g.startblock->inputargs[0]);
  r.g.startblock->operations[0].args.erase(r.g.startblock->operations[0].args.begin());
  EXPECT_EQ(verifyGraph(r.g), "block0: last_exception switch after an operation that cannot raise\n");
  RaisingGraph s;
  std::swap(s.g.startblock->exits[0], s.g.startblock->exits[1]);
  EXPECT_NE(verifyGraph(s.g).find("exits[0] must be the normal link"), std::string::npos);
}

TEST(FlowVerify, ExceptionLinkCannotUseTheFailedResult) {
  RaisingGraph r;
  r.error->args[1] = r.g.startblock->operations[0].result;
  EXPECT_EQ(verifyGraph(r.g), "block0: link uses v4 which is not defined there\n");
  RaisingGraph n;
  n.normal->args[0] = n.error->lastExcValue;
  EXPECT_EQ(verifyGraph(n.g), "block0: link uses evalue_6 which is not defined there\n");
}

TEST(FlowVerify, FinalBlocksAndArity) {
  LoopGraph l;
  l.g.returnblock->inputargs.push_back(l.g.newVar());
  std::string errors = verifyGraph(l.g);
  EXPECT_NE(errors.find("return block: must have 1 inputarg"), std::string::npos);
  LoopGraph a;
  a.body->operations[0].args.pop_back();
  EXPECT_EQ(verifyGraph(a.g), "block2: wrong arity for add\n");
}

TEST(FlowSimplify, MergesChainsAndDropsForwardingBlocks) {
  // start -> b1 (forwarding) -> b2 (one op) -> return
  FunctionGraph g("m.f", nullptr, {"x"});
  Variable *x1 = g.newVar("x"), *x2 = g.newVar("x");
  Block *b1 = g.newBlock({x1}), *b2 = g.newBlock({x2});
  g.newLink(g.startblock, b1, {g.startblock->inputargs[0]});
  g.newLink(b1, b2, {x1});
  Variable *r = op(g, b2, FlowOp::NEG, {x2});
  g.newLink(b2, g.returnblock, {r});
  simplifyGraph(g);
  EXPECT_EQ(verifyGraph(g), "");
  EXPECT_EQ(printGraph(g), R"(graph m.f(x_0):
  block0(x_0):
    v6 = neg(x_0)
    --> return(v6)
)");
}

TEST(FlowSimplify, RemovesValuesOnlyPassedAroundALoop) {
  LoopGraph l;
  // An unused extra value carried around the loop.
  Variable *extraHead = l.g.newVar("dead"), *extraBody = l.g.newVar("dead");
  l.head->inputargs.push_back(extraHead);
  l.body->inputargs.push_back(extraBody);
  l.g.startblock->exits[0]->args.push_back(cst(l.g, 7));
  l.head->exits[1]->args.push_back(extraHead);
  l.body->exits[0]->args.push_back(extraBody);
  ASSERT_EQ(verifyGraph(l.g), "");
  simplifyGraph(l.g);
  EXPECT_EQ(verifyGraph(l.g), "");
  EXPECT_EQ(printGraph(l.g), R"(graph m.f(n_0):
  block0(n_0):
    --> block1(n_0, 0)
  block1(n_4, i_5):
    v6 = lt(i_5, n_4)
    switch v6
      False --> return(i_5)
      True --> block2(n_4, i_5)
  block2(n_7, i_8):
    i_9 = add(i_8, 1)
    --> block1(n_7, i_9)
)");
}

TEST(FlowSimplify, ConstantSwitchAfterMergeKeepsOneExit) {
  // start --(True)--> b1 whose switch is its inputarg: merging folds it.
  FunctionGraph g("m.f", nullptr, {});
  Variable *c = g.newVar("c");
  Block *b1 = g.newBlock({c});
  g.newLink(g.startblock, b1, {g.constant(Value::boolean(true))});
  setBoolSwitch(g, b1, c, g.returnblock, {cst(g, 1)}, g.returnblock, {cst(g, 2)});
  simplifyGraph(g);
  EXPECT_EQ(verifyGraph(g), "");
  EXPECT_EQ(printGraph(g), R"(graph m.f():
  block0():
    --> return(2)
)");
}

TEST(FlowSimplify, KeepsSelfLoops) {
  // while True: pass
  FunctionGraph g("m.f", nullptr, {});
  Block *loop = g.newBlock();
  g.newLink(g.startblock, loop);
  g.newLink(loop, loop);
  simplifyGraph(g);
  EXPECT_EQ(verifyGraph(g), "");
  EXPECT_EQ(printGraph(g), R"(graph m.f():
  block0():
    --> block1()
  block1():
    --> block1()
)");
}

} // namespace
} // namespace lathe::flow
