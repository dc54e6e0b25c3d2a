//===- flow_builder_test.cpp - Flow graphs: statements, cache, errors ------- ===//
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

TEST(FlowBuilder, ChainedAssignment) {
  FlowTest t(R"(def f(x):
    a = b = x + 1
    return a * b
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    a_4 = add(x_0, 1)
    v5 = mul(a_4, a_4)
    --> return(v5)
)");
}

TEST(FlowBuilder, TupleAndListUnpacking) {
  FlowTest t(R"(def f(t):
    a, b = t
    [c, (d, e)] = a, b
    return c + d + e
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(t_0):
  block0(t_0):
    a_4 = getitem(t_0, 0)
    b_5 = getitem(t_0, 1)
    v6 = newtuple(a_4, b_5)
    c_7 = getitem(v6, 0)
    v8 = getitem(v6, 1)
    d_9 = getitem(v8, 0)
    e_10 = getitem(v8, 1)
    v11 = add(c_7, d_9)
    v12 = add(v11, e_10)
    --> return(v12)
)");
}

TEST(FlowBuilder, AttributeSubscriptAndSliceTargets) {
  FlowTest t(R"(def f(o, l, i, v):
    o.x = v
    l[i] = v
    l[1:i] = l
    l[::2] = l
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(o_0, l_1, i_2, v_3):
  block0(o_0, l_1, i_2, v_3):
    v7 = setattr(o_0, 'x', v_3)
    v8 = setitem(l_1, i_2, v_3)
    v9 = setslice(l_1, 1, i_2, None, l_1)
    v10 = setslice(l_1, None, None, 2, l_1)
    --> return(None)
)");
}

TEST(FlowBuilder, AugmentedAssignment) {
  FlowTest t(R"(def f(o, l, i, x):
    x += 1
    x <<= 2
    o.count += x
    l[i] *= 2
    l[1:i] += l
    return x
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(o_0, l_1, i_2, x_3):
  block0(o_0, l_1, i_2, x_3):
    x_7 = inplace_add(x_3, 1)
    x_8 = inplace_lshift(x_7, 2)
    v9 = getattr(o_0, 'count')
    v10 = inplace_add(v9, x_8)
    v11 = setattr(o_0, 'count', v10)
    v12 = getitem(l_1, i_2)
    v13 = inplace_mul(v12, 2)
    v14 = setitem(l_1, i_2, v13)
    v15 = getslice(l_1, 1, i_2, None)
    v16 = inplace_add(v15, l_1)
    v17 = setslice(l_1, 1, i_2, None, v16)
    --> return(x_8)
)");
}

TEST(FlowBuilder, AnnotatedAssignment) {
  FlowTest t(R"(def f(a: int) -> int:
    x: int = 5
    y: int
    return x + a
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0):
  block0(a_0):
    v4 = add(5, a_0)
    --> return(v4)
)");
}

TEST(FlowBuilder, IfElifElse) {
  FlowTest t(R"(def f(x):
    if x > 0:
        y = 1
    elif x < 0:
        y = -1
    else:
        y = 0
    return y
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = gt(x_0, 0)
    switch v4
      False --> block1(x_0)
      True --> return(1)
  block1(x_6):
    v7 = lt(x_6, 0)
    switch v7
      False --> return(0)
      True --> return(-1)
)");
}

TEST(FlowBuilder, JoinKeepsLocalsBoundOnAllPaths) {
  FlowTest t(R"(def f(c, a):
    if c:
        y = a
        z = 1
    else:
        y = 2
    return y
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(c_0, a_1):
  block0(c_0, a_1):
    v5 = bool(c_0)
    switch v5
      False --> return(2)
      True --> return(a_1)
)");
}

TEST(FlowBuilder, WhileLoop) {
  FlowTest t(R"(def f(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(n_0):
  block0(n_0):
    --> block1(n_0, 0, 0)
  block1(n_4, i_5, total_6):
    v7 = lt(i_5, n_4)
    switch v7
      False --> return(total_6)
      True --> block2(n_4, i_5, total_6)
  block2(n_8, i_9, total_10):
    total_11 = inplace_add(total_10, i_9)
    i_12 = inplace_add(i_9, 1)
    --> block1(n_8, i_12, total_11)
)");
}

TEST(FlowBuilder, WhileElseAndBreak) {
  FlowTest t(R"(def f(n, x):
    while n > 0:
        n -= 1
        if n == x:
            break
    else:
        return -1
    return n
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(n_0, x_1):
  block0(n_0, x_1):
    --> block1(n_0, x_1)
  block1(n_5, x_6):
    v7 = gt(n_5, 0)
    switch v7
      False --> return(-1)
      True --> block2(n_5, x_6)
  block2(n_8, x_9):
    n_10 = inplace_sub(n_8, 1)
    v11 = eq(n_10, x_9)
    switch v11
      False --> block1(n_10, x_9)
      True --> return(n_10)
)");
}

TEST(FlowBuilder, ForBreakContinueElse) {
  FlowTest t(R"(def f(lst):
    s = 0
    for x in lst:
        if x == 3:
            continue
        if x == 5:
            break
        s += x
    else:
        s = -1
    return s
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(lst_0):
  block0(lst_0):
    v4 = iter(lst_0)
    --> block1(0, v4)
  block1(s_6, v7):
    v8 = next(v7)
    switch last_exception
      --> block2(s_6, v7, v8)
      except StopIteration as (etype_9, evalue_10) --> return(-1)
  block2(s_12, v13, x_14):
    v15 = eq(x_14, 3)
    switch v15
      False --> block3(s_12, x_14, v13)
      True --> block1(s_12, v13)
  block3(s_25, x_26, v27):
    v28 = eq(x_26, 5)
    switch v28
      False --> block4(s_25, x_26, v27)
      True --> return(s_25)
  block4(s_38, x_39, v40):
    s_41 = inplace_add(s_38, x_39)
    --> block1(s_41, v40)
)");
}

TEST(FlowBuilder, NestedLoops) {
  FlowTest t(R"(def f(n):
    total = 0
    for i in range(n):
        j = 0
        while True:
            j += 1
            if j > i:
                break
            if j == 2:
                continue
            total += j
    return total
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(n_0):
  block0(n_0):
    v4 = simple_call(<class range>, n_0)
    v5 = iter(v4)
    --> block1(0, v5)
  block1(total_7, v8):
    v9 = next(v8)
    switch last_exception
      --> block2(total_7, v9, 0, v8)
      except StopIteration as (etype_10, evalue_11) --> return(total_7)
  block2(total_22, i_23, j_24, v25):
    j_26 = inplace_add(j_24, 1)
    v27 = gt(j_26, i_23)
    switch v27
      False --> block3(total_22, i_23, j_26, v25)
      True --> block1(total_22, v25)
  block3(total_39, i_40, j_41, v42):
    v43 = eq(j_41, 2)
    switch v43
      False --> block4(total_39, i_40, j_41, v42)
      True --> block2(total_39, i_40, j_41, v42)
  block4(total_55, i_56, j_57, v58):
    total_59 = inplace_add(total_55, j_57)
    --> block2(total_59, i_56, j_57, v58)
)");
}

TEST(FlowBuilder, BareReturnPassAndExpressionStatement) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    if x:
        return
    pass
    g(x)
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = bool(x_0)
    switch v4
      False --> block1(x_0)
      True --> return(None)
  block1(x_7):
    v8 = simple_call(<function prog.g>, x_7)
    --> return(None)
)");
}

TEST(FlowBuilder, Delete) {
  FlowTest t(R"(def f(o, l, i):
    del l[i]
    del o.x, l[1:i]
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(o_0, l_1, i_2):
  block0(o_0, l_1, i_2):
    v6 = delitem(l_1, i_2)
    v7 = delattr(o_0, 'x')
    v8 = delslice(l_1, 1, i_2, None)
    --> return(None)
)");
}

TEST(FlowBuilder, ConstantLocalsFoldAcrossJoins) {
  FlowTest t(R"(def f(c):
    k = 3
    if c:
        j = 1
    else:
        j = 1
    while c:
        c = c - k
    return j + k
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(c_0):
  block0(c_0):
    v4 = bool(c_0)
    switch v4
      False --> block1(c_0)
      True --> block1(c_0)
  block1(c_8):
    v9 = bool(c_8)
    switch v9
      False --> return(4)
      True --> block2(c_8)
  block2(c_10):
    c_11 = sub(c_10, 3)
    --> block1(c_11)
)");
}

TEST(FlowBuilder, FreeVariablesFromDecoratorFactories) {
  FlowTest t(R"(def factory(n):
    def deco(fn):
        def inner(x):
            return fn(x) + n
        return inner
    return deco

@factory(7)
def plus(x):
    return x
inner = plus
)");
  EXPECT_EQ(t.print("inner"), R"(graph prog.factory.<locals>.deco.<locals>.inner(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.plus>, x_0)
    v5 = add(v4, 7)
    --> return(v5)
)");
}

TEST(FlowBuilder, MethodGraph) {
  FlowTest t(R"(class Tape(object):
    def __init__(self):
        self.thetape = [0]
        self.position = 0

    def advance(self):
        self.position += 1
        if len(self.thetape) <= self.position:
            self.thetape.append(0)
)");
  EXPECT_EQ(t.print("Tape.advance"), R"(graph prog.Tape.advance(self_0):
  block0(self_0):
    v4 = getattr(self_0, 'position')
    v5 = inplace_add(v4, 1)
    v6 = setattr(self_0, 'position', v5)
    v7 = getattr(self_0, 'thetape')
    v8 = len(v7)
    v9 = getattr(self_0, 'position')
    v10 = le(v8, v9)
    switch v10
      False --> return(None)
      True --> block1(self_0)
  block1(self_11):
    v12 = getattr(self_11, 'thetape')
    v13 = getattr(v12, 'append')
    v14 = simple_call(v13, 0)
    --> return(None)
)");
}

TEST(FlowBuilder, BytecodeInterpreterDispatchLoop) {
  FlowTest t(R"(LOAD, ADD, JUMP_IF, PRINT, HALT = range(5)

class Frame(object):
    def __init__(self, code):
        self.code = code
        self.stack = []

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        return self.stack.pop()

def run(code, consts):
    frame = Frame(code)
    pc = 0
    while True:
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        if op == LOAD:
            frame.push(consts[arg])
        elif op == ADD:
            frame.push(frame.pop() + frame.pop())
        elif op == JUMP_IF:
            if frame.pop():
                pc = arg
        elif op == PRINT:
            print(frame.pop())
        elif op == HALT:
            return 0
        else:
            raise ValueError("bad opcode")
)");
  EXPECT_EQ(t.print("run"), R"(graph prog.run(code_0, consts_1):
  block0(code_0, consts_1):
    frame_5 = simple_call(<class prog.Frame>, code_0)
    --> block1(code_0, consts_1, frame_5, 0)
  block1(code_10, consts_11, frame_12, pc_13):
    op_14 = getitem(code_10, pc_13)
    v15 = add(pc_13, 1)
    arg_16 = getitem(code_10, v15)
    pc_17 = inplace_add(pc_13, 2)
    v18 = eq(op_14, 0)
    switch v18
      False --> block2(code_10, consts_11, frame_12, pc_17, op_14, arg_16)
      True --> block10(code_10, consts_11, frame_12, pc_17, arg_16)
  block2(code_28, consts_29, frame_30, pc_31, op_32, arg_33):
    v34 = eq(op_32, 1)
    switch v34
      False --> block3(code_28, consts_29, frame_30, pc_31, op_32, arg_33)
      True --> block9(code_28, consts_29, frame_30, pc_31)
  block3(code_48, consts_49, frame_50, pc_51, op_52, arg_53):
    v54 = eq(op_52, 2)
    switch v54
      False --> block4(code_48, consts_49, frame_50, pc_51, op_52)
      True --> block8(code_48, consts_49, frame_50, pc_51, arg_53)
  block4(code_82, consts_83, frame_84, pc_85, op_86):
    v88 = eq(op_86, 3)
    switch v88
      False --> block5(op_86)
      True --> block7(code_82, consts_83, frame_84, pc_85)
  block5(op_102):
    v104 = eq(op_102, 4)
    switch v104
      False --> block6()
      True --> return(0)
  block6():
    v117 = simple_call(<class ValueError>, 'bad opcode')
    --> except(<class ValueError>, v117)
  block7(code_89, consts_90, frame_91, pc_92):
    v95 = getattr(frame_91, 'pop')
    v96 = simple_call(v95)
    v97 = simple_call(<built-in function print>, v96)
    --> block1(code_89, consts_90, frame_91, pc_92)
  block8(code_55, consts_56, frame_57, pc_58, arg_60):
    v61 = getattr(frame_57, 'pop')
    v62 = simple_call(v61)
    v63 = bool(v62)
    switch v63
      False --> block1(code_55, consts_56, frame_57, pc_58)
      True --> block1(code_55, consts_56, frame_57, arg_60)
  block9(code_35, consts_36, frame_37, pc_38):
    v41 = getattr(frame_37, 'push')
    v42 = getattr(frame_37, 'pop')
    v43 = simple_call(v42)
    v44 = getattr(frame_37, 'pop')
    v45 = simple_call(v44)
    v46 = add(v43, v45)
    v47 = simple_call(v41, v46)
    --> block1(code_35, consts_36, frame_37, pc_38)
  block10(code_19, consts_20, frame_21, pc_22, arg_24):
    v25 = getattr(frame_21, 'push')
    v26 = getitem(consts_20, arg_24)
    v27 = simple_call(v25, v26)
    --> block1(code_19, consts_20, frame_21, pc_22)
)");
}

TEST(FlowBuilder, LocationsArePrinted) {
  FlowTest t(R"(def f(a, b):
    c = a + b
    if c:
        return [c, a]
    return None
)");
  EXPECT_EQ(t.print("f", /*locations=*/true), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    c_5 = add(a_0, b_1)                           # 2:9
    v6 = bool(c_5)                                # 3:8
    switch v6
      False --> return(None)
      True --> block1(a_0, c_5)
  block1(a_7, c_9):
    v10 = newlist(c_9, a_7)                       # 4:16
    --> return(v10)
)");
}

TEST(FlowBuilder, RawGraphBeforeSimplify) {
  FlowTest t(R"(def f(a, b):
    if a:
        x = a
    else:
        x = b
    return x
)");
  EXPECT_EQ(t.print("f", /*locations=*/false, /*raw=*/true), R"(graph prog.f(a_0, b_1):
  block0(a_0, b_1):
    v5 = bool(a_0)
    switch v5
      False --> block1(a_0, b_1)
      True --> block3(a_0, b_1)
  block1(a_8, b_9):
    --> block2(a_8, b_9, b_9)
  block2(a_10, b_11, x_12):
    --> return(x_12)
  block3(a_6, b_7):
    --> block2(a_6, b_7, a_6)
)");
}

TEST(FlowBuilder, ExceptAsNameUnboundOnABackEdge) {
  FlowTest t(R"(def f(g, c):
    e = None
    while c:
        try:
            c = g()
        except ValueError as e:
            c = 0
    return c
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(g_0, c_1):
  block0(g_0, c_1):
    --> block1(g_0, c_1)
  block1(g_5, c_6):
    v8 = bool(c_6)
    switch v8
      False --> return(c_6)
      True --> block2(g_5)
  block2(g_9):
    v12 = simple_call(g_9)
    switch last_exception
      --> block1(g_9, v12)
      except Exception as (etype_13, evalue_14) --> block3(g_9, etype_13, evalue_14)
  block3(g_19, v22, v23):
    v24 = exception_match(v22, <class ValueError>)
    switch v24
      False --> except(v22, v23)
      True --> block1(g_19, 0)
)");
}

TEST(FlowBuilderErrors, UndefinedName) {
  FlowTest t(R"(def f(x):
    return x + missing
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:2:16: error: name 'missing' is not defined
    return x + missing
               ^
)");
}

TEST(FlowBuilderErrors, ReferencedBeforeAssignment) {
  FlowTest t(R"(def f(c):
    if c:
        y = 1
    return y
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:4:12: error: local variable 'y' referenced before assignment
    return y
           ^
)");
}

TEST(FlowBuilderErrors, ExceptAsNameIsUnboundAfterHandler) {
  FlowTest t(R"(def f(c):
    try:
        c()
    except ValueError as e:
        pass
    return e
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:6:12: error: local variable 'e' referenced before assignment
    return e
           ^
)");
}

TEST(FlowBuilderErrors, NestedDefClassLambdaImport) {
  FlowTest t(R"(def f(x):
    def helper(y):
        return y
    class Local:
        pass
    g = lambda z: z
    import sys
    return x
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:2:5: error: nested function 'helper' is only allowed at translation time (module level)
    def helper(y):
    ^
prog.py:4:5: error: nested class 'Local' is only allowed at translation time (module level)
    class Local:
    ^
prog.py:6:9: error: lambda expressions are only allowed at translation time (module level)
    g = lambda z: z
        ^
prog.py:7:5: error: import inside a function is only allowed at translation time (module level)
    import sys
    ^
)");
}

TEST(FlowBuilderErrors, TranslationTimeComprehensions) {
  FlowTest t(R"(def f(a):
    s = {x for x in a}
    d = {x: x for x in a}
    g = (x for x in a)
    return {1, 2}
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:2:9: error: set comprehensions are only allowed at translation time (module level)
    s = {x for x in a}
        ^
prog.py:3:9: error: dict comprehensions are only allowed at translation time (module level)
    d = {x: x for x in a}
        ^
prog.py:4:9: error: generator expressions are only allowed at translation time (module level)
    g = (x for x in a)
        ^
prog.py:5:12: error: set displays are only allowed at translation time (module level)
    return {1, 2}
           ^
)");
}

TEST(FlowBuilderErrors, GlobalAssignment) {
  FlowTest t(R"(counter = 0

def f():
    global counter
    counter = counter + 1
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:5:5: error: assignment to global 'counter' is only allowed at translation time (module globals are constants at run time)
    counter = counter + 1
    ^
)");
}

TEST(FlowBuilderErrors, Nonlocal) {
  FlowTest t(R"(def make():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    return inc
inc = make()
)");
  EXPECT_EQ(t.print("inc"), R"(prog.py:4:9: error: nonlocal is only allowed at translation time (module level)
        nonlocal x
        ^
prog.py:5:9: error: assignment to nonlocal 'x' is only allowed at translation time
        x += 1
        ^
)");
}

TEST(FlowBuilderErrors, BareRaiseOutsideHandlerDelNameStarredTarget) {
  FlowTest t(R"(def f(a):
    x, *y = a
    del x
    raise
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:2:8: error: starred assignment targets are not supported at run time
    x, *y = a
       ^
prog.py:3:9: error: 'del x' of a variable is not supported at run time
    del x
        ^
prog.py:4:5: error: bare 'raise' is only allowed inside an except handler
    raise
    ^
)");
}

TEST(FlowBuilderErrors, NonConstantExceptClass) {
  FlowTest t(R"(def f(g, cls):
    try:
        g()
    except cls:
        return 0
    return 1
)");
  EXPECT_EQ(t.print("f"), R"(prog.py:4:12: error: the exception in 'except' must be a class or a tuple of classes known at translation time
    except cls:
           ^
)");
}

TEST(FlowBuilder, GraphsAreBuiltOnceAndCached) {
  FlowTest t("def f(x):\n    return x\n");
  const eval::FunctionObj *f = t.func("f");
  flow::FunctionGraph *g = t.cache->graphFor(f);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(t.cache->graphFor(f), g);
  EXPECT_EQ(g->func, f);
  EXPECT_EQ(g->name, "prog.f");
}

TEST(FlowBuilder, ErrorsAreReportedOnceAndGiveNoGraph) {
  FlowTest t("def f(x):\n    return y\n");
  const eval::FunctionObj *f = t.func("f");
  EXPECT_EQ(t.cache->graphFor(f), nullptr);
  EXPECT_EQ(t.cache->graphFor(f), nullptr);
  EXPECT_EQ(t.run.diags.errorCount(), 1u);
}

TEST(FlowBuilder, ModuleGraphsInDefinitionOrder) {
  FlowTest t(R"(class A(object):
    def m(self):
        return 1

def f():
    return 2

def e():
    return 3
)");
  EXPECT_EQ(flow::printModuleGraphs(*t.cache, t.run.main), R"(graph prog.A.m(self_0):
  block0(self_0):
    --> return(1)

graph prog.f():
  block0():
    --> return(2)

graph prog.e():
  block0():
    --> return(3)
)");
}

TEST(FlowBuilder, DotOutput) {
  FlowTest t(R"(def f(a):
    if a:
        return "x"
    return None
)");
  const flow::FunctionGraph *g = t.cache->graphFor(t.func("f"));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(flow::printGraphDot(*g), R"(digraph "prog.f" {
  node [shape=box, fontname=monospace];
  block0 [label="block0(a_0)\lv4 = bool(a_0)\lswitch v4\l"];
  return [label="return(v1)\l"];
  except [label="except(etype_2, evalue_3)\l"];
  block0 -> return [label="False: None"];
  block0 -> return [label="True: 'x'"];
}
)");
}


} // namespace
} // namespace lathe

namespace lathe {
namespace {

// Random nestings of every control-flow statement (seeded, deterministic):
// each graph must verify before and after simplification.
class ProgramGen {
public:
  explicit ProgramGen(uint32_t seed) : state_(seed * 2654435761u + 1) {}
  std::string function() {
    return "def g(*a):\n    return 1\n\ndef f(x, y):\n    l = [1, 2]\n" + body(1, 0, false, false) +
           "    return x\n";
  }

private:
  uint32_t next(uint32_t n) {
    state_ = state_ * 1103515245u + 12345u;
    return (state_ >> 16) % n;
  }
  static std::string pad(int level) { return std::string(size_t(level) * 4, ' '); }

  std::string body(int level, int depth, bool inLoop, bool inHandler) {
    std::string out;
    for (uint32_t i = 0, n = 1 + next(3); i < n; ++i) out += stmt(level, depth, inLoop, inHandler);
    return out;
  }

  std::string stmt(int lv, int depth, bool loop, bool handler) {
    std::string p = pad(lv);
    uint32_t pick = depth >= 3 ? next(8) : next(16);
    switch (pick) {
    case 0: return p + "x = x + 1\n";
    case 1: return p + "y = g(x, y and x or 3)\n";
    case 2: return p + "l[0] += 1 if x < y < 3 else g(y)\n";
    case 3: return p + "l = [a + x for a in l if a != y]\n";
    case 4: return loop ? p + (next(2) ? "break\n" : "continue\n") : p + "assert x, y\n";
    case 5: return next(3) ? p + "return x\n" : p + "raise ValueError(x)\n";
    case 6: return handler ? p + "raise\n" : p + "del l[0]\n";
    case 7: return p + "x, y = y, x\n";
    case 8: case 9:
      return p + "if x > y:\n" + body(lv + 1, depth + 1, loop, handler) + p + "else:\n" +
             body(lv + 1, depth + 1, loop, handler);
    case 10:
      return p + "while x < 10:\n" + body(lv + 1, depth + 1, true, handler) +
             (next(2) ? p + "else:\n" + body(lv + 1, depth + 1, loop, handler) : "");
    case 11:
      return p + "for i in range(y):\n" + body(lv + 1, depth + 1, true, handler);
    case 12: case 13:
      return p + "try:\n" + body(lv + 1, depth + 1, loop, handler) + p +
             "except ValueError as e:\n" + body(lv + 1, depth + 1, loop, true) + p +
             "except (KeyError, IndexError):\n" + body(lv + 1, depth + 1, loop, true) +
             (next(2) ? p + "else:\n" + body(lv + 1, depth + 1, loop, handler) : "");
    default:
      return p + "try:\n" + body(lv + 1, depth + 1, loop, handler) + p + "finally:\n" +
             body(lv + 1, depth + 1, loop, handler);
    }
  }
  uint32_t state_;
};

TEST(FlowBuilder, RandomControlFlowVerifies) {
  for (uint32_t seed = 0; seed < 150; ++seed) {
    std::string src = ProgramGen(seed).function();
    FlowTest t(src);
    std::string out = t.print("f");
    EXPECT_EQ(out.rfind("graph prog.f(", 0), 0u) << "seed " << seed << "\n" << src << out;
  }
}

} // namespace
} // namespace lathe
