//===- flow_build_expr_test.cpp - Flow graphs: expressions and folding ------ ===//
// Each test runs a small program through the module evaluator, builds one
// function's flow graph (flow_builder.h), verifies it before and after
// simplification (FlowTest::print, flow_test_util.h) and compares the
// printed graph (flow_printer.cpp format) or the diagnostics.
//===----------------------------------------------------------------------===//
#include "tests/frontend/flow_test_util.h"

#include <gtest/gtest.h>

namespace lathe {
namespace {

using test::FlowTest;

TEST(FlowBuildExpr, StraightLine) {
  FlowTest t(R"(def f(a, b):
    c = a + b * 2
    d = -c
    return d // 3 - (a % b)
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = mul(b_1, 2)
    c_6 = add(a_0, v5)
    d_7 = neg(c_6)
    v8 = floordiv(d_7, 3)
    v9 = mod(a_0, b_1)
    v10 = sub(v8, v9)
    --> return(v10)
)");
}

TEST(FlowBuildExpr, ShortCircuitValues) {
  FlowTest t(R"(def f(a, b, c):
    return a and b or c
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1, c_2):
  block0(a_0, b_1, c_2):
    v6 = bool(a_0)
    switch v6
      False --> block1(c_2, a_0)
      True --> block1(c_2, b_1)
  block1(c_13, v14):
    v15 = bool(v14)
    switch v15
      False --> return(c_13)
      True --> return(v14)
)");
}

TEST(FlowBuildExpr, ConditionJumpingCode) {
  FlowTest t(R"(def f(a, b, c):
    if a and not b or c:
        return 1
    return 2
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1, c_2):
  block0(a_0, b_1, c_2):
    v6 = bool(a_0)
    switch v6
      False --> block1(c_2)
      True --> block2(b_1, c_2)
  block1(c_13):
    v14 = bool(c_13)
    switch v14
      False --> return(2)
      True --> return(1)
  block2(b_8, c_9):
    v10 = bool(b_8)
    switch v10
      False --> return(1)
      True --> block1(c_9)
)");
}

TEST(FlowBuildExpr, ChainedComparisonValue) {
  FlowTest t(R"(def f(a, b, c):
    return a < b <= c
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1, c_2):
  block0(a_0, b_1, c_2):
    v6 = lt(a_0, b_1)
    switch v6
      False --> return(v6)
      True --> block1(c_2, b_1)
  block1(c_9, v10):
    v12 = le(v10, c_9)
    --> return(v12)
)");
}

TEST(FlowBuildExpr, ChainedComparisonCondition) {
  FlowTest t(R"(def f(i, n):
    if 0 <= i < n:
        return i
    return -1
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(i_0, n_1):
  block0(i_0, n_1):
    v5 = le(0, i_0)
    switch v5
      False --> return(-1)
      True --> block1(i_0, n_1, i_0)
  block1(i_6, n_7, v8):
    v9 = lt(v8, n_7)
    switch v9
      False --> return(-1)
      True --> return(i_6)
)");
}

TEST(FlowBuildExpr, IdentityAndMembership) {
  FlowTest t(R"(def f(a, b):
    return a not in b, a in b, a is not None, a is b, not a
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = contains(b_1, a_0)
    v6 = not_(v5)
    v7 = contains(b_1, a_0)
    v8 = is_(a_0, None)
    v9 = not_(v8)
    v10 = is_(a_0, b_1)
    v11 = not_(a_0)
    v12 = newtuple(v6, v7, v9, v10, v11)
    --> return(v12)
)");
}

TEST(FlowBuildExpr, TemporariesSurviveShortCircuits) {
  FlowTest t(R"(def g(*args):
    return 0

def f(a, b):
    return g(a, b and a, g(b))
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = bool(b_1)
    switch v5
      False --> block1(b_1, a_0, b_1)
      True --> block1(b_1, a_0, a_0)
  block1(b_11, v12, v13):
    v14 = simple_call(<function prog.g>, b_11)
    v15 = simple_call(<function prog.g>, v12, v13, v14)
    --> return(v15)
)");
}

TEST(FlowBuildExpr, MethodCallsAndModuleAttributes) {
  FlowTest t(R"(import os

class Tape(object):
    def __init__(self):
        self.cells = [0]

def f(t, s):
    t.cells.append(len(s))
    os.write(1, s)
    return os.O_RDONLY
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(t_0, s_1):
  block0(t_0, s_1):
    v5 = getattr(t_0, 'cells')
    v6 = getattr(v5, 'append')
    v7 = len(s_1)
    v8 = simple_call(v6, v7)
    v9 = simple_call(<built-in function os.write>, 1, s_1)
    --> return(0)
)");
}

TEST(FlowBuildExpr, KeywordStarAndDoubleStarCalls) {
  FlowTest t(R"(def f(g, a, args, kws):
    print(a, end="")
    return g(a, *args, key=1, **kws)
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(g_0, a_1, args_2, kws_3):
  block0(g_0, a_1, args_2, kws_3):
    v7 = call_args(<built-in function print>, shape(1, end=), a_1, '')
    v8 = call_args(g_0, shape(1, key=, *, **), a_1, 1, args_2, kws_3)
    --> return(v8)
)");
}

TEST(FlowBuildExpr, ConstantFolding) {
  FlowTest t(R"(N = 10
NAME = "lathe"

def f(x):
    a = N * 2 + 1
    s = NAME + "-" + "vm"
    t = (1, N)
    return a, s, t, -N, N // 3, N % -3, 7 / 2, 1 << 4, NAME[0], len(NAME), not N
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    --> return((21, 'lathe-vm', (1, 10), -10, 3, -2, 3.5, 16, 'l', 5, False))
)");
}

TEST(FlowBuildExpr, DeadBranchesAreNotBuilt) {
  FlowTest t(R"(DEBUG = False

def g(x):
    return x

def f(x):
    if DEBUG:
        g(x)
    while False:
        g(1)
    y = 5 if DEBUG or x else 7
    if not DEBUG:
        y = g(y)
    return y and x
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v10 = bool(x_0)
    switch v10
      False --> block1(x_0, 7)
      True --> block1(x_0, 5)
  block1(x_15, y_16):
    y_17 = simple_call(<function prog.g>, y_16)
    v20 = bool(y_17)
    switch v20
      False --> return(y_17)
      True --> return(x_15)
)");
}

TEST(FlowBuildExpr, ListComprehension) {
  FlowTest t(R"(def f(l):
    return [x * 2 for x in l if x > 0]
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(l_0):
  block0(l_0):
    v4 = newlist()
    v5 = getattr(v4, 'append')
    v6 = iter(l_0)
    --> block1(v4, v5, v6)
  block1(v8, v9, v10):
    v11 = next(v10)
    switch last_exception
      --> block2(v8, v9, v10, v11)
      except StopIteration as (etype_12, evalue_13) --> return(v8)
  block2(v15, v16, v17, x_18):
    v19 = gt(x_18, 0)
    switch v19
      False --> block1(v15, v16, v17)
      True --> block3(x_18, v15, v16, v17)
  block3(x_26, v27, v28, v29):
    v30 = mul(x_26, 2)
    v31 = simple_call(v28, v30)
    --> block1(v27, v28, v29)
)");
}

TEST(FlowBuildExpr, NestedListComprehensionScopes) {
  FlowTest t(R"(def f(a, b):
    x = 100
    r = [x + y for x in a for y in b if x != y]
    return r, x
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = newlist()
    v6 = getattr(v5, 'append')
    v7 = iter(a_0)
    --> block1(b_1, v5, v6, v7)
  block1(b_9, v10, v11, v12):
    v13 = next(v12)
    switch last_exception
      --> block2(b_9, v10, v11, v12, v13)
      except StopIteration as (etype_14, evalue_15) --> block6(v10)
  block2(b_17, v18, v19, v20, x_21):
    v22 = iter(b_17)
    --> block3(b_17, x_21, v18, v19, v20, v22)
  block3(b_24, x_25, v26, v27, v28, v29):
    v30 = next(v29)
    switch last_exception
      --> block4(b_24, x_25, v26, v27, v28, v29, v30)
      except StopIteration as (etype_31, evalue_32) --> block1(b_24, v26, v27, v28)
  block4(b_34, x_35, v36, v37, v38, v39, y_40):
    v41 = ne(x_35, y_40)
    switch v41
      False --> block3(b_34, x_35, v36, v37, v38, v39)
      True --> block5(b_34, x_35, y_40, v36, v37, v38, v39)
  block5(b_51, x_52, y_53, v54, v55, v56, v57):
    v58 = add(x_52, y_53)
    v59 = simple_call(v55, v58)
    --> block3(b_51, x_52, v54, v55, v56, v57)
  block6(r_69):
    v72 = newtuple(r_69, 100)
    --> return(v72)
)");
}

TEST(FlowBuildExpr, ConditionalExpression) {
  FlowTest t(R"(def f(a, b):
    return b if a else -b
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = bool(a_0)
    switch v5
      False --> block1(b_1)
      True --> return(b_1)
  block1(b_9):
    v10 = neg(b_9)
    --> return(v10)
)");
}

TEST(FlowBuildExpr, Displays) {
  FlowTest t(R"(def f(a, b):
    return (a, b), [a, b], {a: b, 1: 2}, [], ()
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = newtuple(a_0, b_1)
    v6 = newlist(a_0, b_1)
    v7 = newdict(a_0, b_1, 1, 2)
    v8 = newlist()
    v9 = newtuple(v5, v6, v7, v8, ())
    --> return(v9)
)");
}

TEST(FlowBuildExpr, SubscriptsAndSlices) {
  FlowTest t(R"(def f(l, i, j):
    return l[i], l[i:], l[:j], l[i:j:2], l[:]
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(l_0, i_1, j_2):
  block0(l_0, i_1, j_2):
    v6 = getitem(l_0, i_1)
    v7 = getslice(l_0, i_1, None, None)
    v8 = getslice(l_0, None, j_2, None)
    v9 = getslice(l_0, i_1, j_2, 2)
    v10 = getslice(l_0, None, None, None)
    v11 = newtuple(v6, v7, v8, v9, v10)
    --> return(v11)
)");
}

} // namespace
} // namespace lathe
