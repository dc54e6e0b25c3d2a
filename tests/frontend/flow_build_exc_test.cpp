//===- flow_build_exc_test.cpp - Flow graphs: raise, try, assert ------------- ===//
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

TEST(FlowBuildExc, RaiseInstanceClassAndVariable) {
  FlowTest t(R"(class MyError(Exception):
    pass

def f(x, e):
    if x == 1:
        raise ValueError("bad")
    if x == 2:
        raise MyError
    if x == 3:
        raise e
    raise KeyError(x) from e
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0, e_1):
  block0(x_0, e_1):
    v5 = eq(x_0, 1)
    switch v5
      False --> block1(x_0, e_1)
      True --> block6()
  block1(x_11, e_12):
    v13 = eq(x_11, 2)
    switch v13
      False --> block2(x_11, e_12)
      True --> block5()
  block2(x_19, e_20):
    v21 = eq(x_19, 3)
    switch v21
      False --> block3(x_19)
      True --> block4(e_20)
  block3(x_27):
    v29 = simple_call(<class KeyError>, x_27)
    --> except(<class KeyError>, v29)
  block4(e_23):
    v24 = type(e_23)
    --> except(v24, e_23)
  block5():
    v16 = simple_call(<class prog.MyError>)
    --> except(<class prog.MyError>, v16)
  block6():
    v8 = simple_call(<class ValueError>, 'bad')
    --> except(<class ValueError>, v8)
)");
}

TEST(FlowBuildExc, TryExceptHandlers) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    try:
        y = g(x)
    except ValueError:
        y = 0
    except (KeyError, IndexError) as e:
        y = g(e)
    return y
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> return(v4)
      except Exception as (etype_5, evalue_6) --> block1(etype_5, evalue_6)
  block1(v10, v11):
    v12 = exception_match(v10, <class ValueError>)
    switch v12
      False --> block2(v10, v11)
      True --> return(0)
  block2(v17, v18):
    v19 = exception_match(v17, (<class KeyError>, <class IndexError>))
    switch v19
      False --> except(v17, v18)
      True --> block3(v18)
  block3(e_22):
    y_23 = simple_call(<function prog.g>, e_22)
    --> return(y_23)
)");
}

TEST(FlowBuildExc, TryExceptElse) {
  FlowTest t(R"(class MyError(Exception):
    pass

def g(x):
    return x

def f(x):
    try:
        y = g(x)
    except MyError:
        return -1
    else:
        y = y + 1
    return y
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> block1(v4)
      except Exception as (etype_5, evalue_6) --> block2(etype_5, evalue_6)
  block1(y_8):
    y_9 = add(y_8, 1)
    --> return(y_9)
  block2(v11, v12):
    v13 = exception_match(v11, <class prog.MyError>)
    switch v13
      False --> except(v11, v12)
      True --> return(-1)
)");
}

TEST(FlowBuildExc, TryBareExcept) {
  FlowTest t(R"(def g(x):
    return x

def f(a):
    try:
        b = g(a)
    except:
        b = None
    return b
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(a_0):
  block0(a_0):
    v4 = simple_call(<function prog.g>, a_0)
    switch last_exception
      --> return(v4)
      except Exception as (etype_5, evalue_6) --> return(None)
)");
}

TEST(FlowBuildExc, TryFinally) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    try:
        g(x)
    finally:
        g(0)
    return 5
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> block1()
      except Exception as (etype_5, evalue_6) --> block2(etype_5, evalue_6)
  block1():
    v10 = simple_call(<function prog.g>, 0)
    --> return(5)
  block2(v12, v13):
    v14 = simple_call(<function prog.g>, 0)
    --> except(v12, v13)
)");
}

TEST(FlowBuildExc, TryFinallyReturnPassesThroughFinally) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    try:
        return g(x)
    finally:
        g(0)
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> block1(v4)
      except Exception as (etype_5, evalue_6) --> block2(etype_5, evalue_6)
  block1(v8):
    v9 = simple_call(<function prog.g>, 0)
    --> return(v8)
  block2(v11, v12):
    v13 = simple_call(<function prog.g>, 0)
    --> except(v11, v12)
)");
}

TEST(FlowBuildExc, TryExceptElseFinally) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    try:
        r = g(x)
    except ValueError as e:
        r = g(e)
    else:
        r = r + 1
    finally:
        g(None)
    return r
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> block1(v4)
      except Exception as (etype_5, evalue_6) --> block4(etype_5, evalue_6)
  block1(r_8):
    v9 = add(r_8, 1)
    switch last_exception
      --> block2(v9)
      except Exception as (etype_10, evalue_11) --> block3(etype_10, evalue_11)
  block2(r_36):
    v37 = simple_call(<function prog.g>, None)
    --> return(r_36)
  block3(v39, v40):
    v41 = simple_call(<function prog.g>, None)
    --> except(v39, v40)
  block4(v16, v17):
    v18 = exception_match(v16, <class ValueError>)
    switch v18
      False --> block3(v16, v17)
      True --> block5(v17)
  block5(e_21):
    v22 = simple_call(<function prog.g>, e_21)
    switch last_exception
      --> block2(v22)
      except Exception as (etype_23, evalue_24) --> block3(etype_23, evalue_24)
)");
}

TEST(FlowBuildExc, BareRaiseReraisesHandledException) {
  FlowTest t(R"(class MyError(Exception):
    pass

def g(x):
    return x

def f(x):
    try:
        g(x)
    except MyError:
        g(1)
        raise
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> return(None)
      except Exception as (etype_5, evalue_6) --> block1(etype_5, evalue_6)
  block1(v10, v11):
    v12 = exception_match(v10, <class prog.MyError>)
    switch v12
      False --> except(v10, v11)
      True --> block2(v10, v11)
  block2(v14, v15):
    v16 = simple_call(<function prog.g>, 1)
    --> except(v14, v15)
)");
}

TEST(FlowBuildExc, ExplicitRaiseInsideTryGoesToDispatch) {
  FlowTest t(R"(def f(x):
    try:
        if x:
            raise ValueError("x")
        r = 1
    except ValueError:
        r = 2
    return r
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = bool(x_0)
    switch last_exception
      --> block1(v4)
      except Exception as (etype_5, evalue_6) --> block4(etype_5, evalue_6)
  block1(v8):
    switch v8
      False --> return(1)
      True --> block2()
  block2():
    v10 = simple_call(<class ValueError>, 'x')
    switch last_exception
      --> block3(v10)
      except Exception as (etype_11, evalue_12) --> block4(etype_11, evalue_12)
  block3(v14):
    v15 = type(v14)
    --> block4(v15, v14)
  block4(v19, v20):
    v21 = exception_match(v19, <class ValueError>)
    switch v21
      False --> except(v19, v20)
      True --> return(2)
)");
}

TEST(FlowBuildExc, NestedTryReraisesToOuterHandler) {
  FlowTest t(R"(def g(x):
    return x

def f(x):
    try:
        try:
            g(x)
        except KeyError:
            g(1)
    except ValueError:
        return 2
    return 3
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = simple_call(<function prog.g>, x_0)
    switch last_exception
      --> return(3)
      except Exception as (etype_5, evalue_6) --> block1(etype_5, evalue_6)
  block1(v10, v11):
    v12 = exception_match(v10, <class KeyError>)
    switch v12
      False --> block2(v10, v11)
      True --> block3()
  block2(v28, v29):
    v30 = exception_match(v28, <class ValueError>)
    switch v30
      False --> except(v28, v29)
      True --> return(2)
  block3():
    v16 = simple_call(<function prog.g>, 1)
    switch last_exception
      --> return(3)
      except Exception as (etype_17, evalue_18) --> block2(etype_17, evalue_18)
)");
}

TEST(FlowBuildExc, BreakContinueReturnThroughFinally) {
  FlowTest t(R"(def g(x):
    return x

def f(n):
    i = 0
    while i < n:
        try:
            i += 1
            if i == 3:
                continue
            if i == 5:
                break
            if i == 7:
                return i
        finally:
            g(i)
    return -1
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(n_0):
  block0(n_0):
    --> block1(n_0, 0)
  block1(n_4, i_5):
    v6 = lt(i_5, n_4)
    switch v6
      False --> return(-1)
      True --> block2(n_4, i_5)
  block2(n_7, i_8):
    v9 = inplace_add(i_8, 1)
    switch last_exception
      --> block3(n_7, v9)
      except Exception as (etype_10, evalue_11) --> block11(i_8, etype_10, evalue_11)
  block3(n_12, i_14):
    v15 = eq(i_14, 3)
    switch last_exception
      --> block4(n_12, i_14, v15)
      except Exception as (etype_16, evalue_17) --> block11(i_14, etype_16, evalue_17)
  block4(n_18, i_19, v20):
    switch v20
      False --> block5(n_18, i_19)
      True --> block13(n_18, i_19)
  block5(n_26, i_27):
    v28 = eq(i_27, 5)
    switch last_exception
      --> block6(n_26, i_27, v28)
      except Exception as (etype_29, evalue_30) --> block11(i_27, etype_29, evalue_30)
  block6(n_31, i_32, v33):
    switch v33
      False --> block7(n_31, i_32)
      True --> block12(i_32)
  block7(n_39, i_40):
    v41 = eq(i_40, 7)
    switch last_exception
      --> block8(n_39, i_40, v41)
      except Exception as (etype_42, evalue_43) --> block11(i_40, etype_42, evalue_43)
  block8(n_44, i_45, v46):
    switch v46
      False --> block9(n_44, i_45)
      True --> block10(i_45)
  block9(n_54, i_55):
    v56 = simple_call(<function prog.g>, i_55)
    --> block1(n_54, i_55)
  block10(i_48):
    v49 = simple_call(<function prog.g>, i_48)
    --> return(i_48)
  block11(i_58, v59, v60):
    v61 = simple_call(<function prog.g>, i_58)
    --> except(v59, v60)
  block12(i_35):
    v36 = simple_call(<function prog.g>, i_35)
    --> return(-1)
  block13(n_21, i_22):
    v23 = simple_call(<function prog.g>, i_22)
    --> block1(n_21, i_22)
)");
}

TEST(FlowBuildExc, Assert) {
  FlowTest t(R"(def f(x):
    assert x > 0, "positive"
    assert x
    return x
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0):
  block0(x_0):
    v4 = gt(x_0, 0)
    switch v4
      False --> block1()
      True --> block2(x_0)
  block1():
    v6 = simple_call(<class AssertionError>, 'positive')
    --> except(<class AssertionError>, v6)
  block2(x_7):
    v8 = bool(x_7)
    switch v8
      False --> block3()
      True --> return(x_7)
  block3():
    v10 = simple_call(<class AssertionError>)
    --> except(<class AssertionError>, v10)
)");
}

TEST(FlowBuildExc, ForLoopInsideTry) {
  FlowTest t(R"(def g(x):
    return x

def f(l):
    try:
        for x in l:
            g(x)
    except StopIteration:
        return 1
    return 0
)");
  EXPECT_EQ(t.print("f"), R"(graph prog.f(l_0):
  block0(l_0):
    v4 = iter(l_0)
    switch last_exception
      --> block1(v4)
      except Exception as (etype_5, evalue_6) --> block3(etype_5, evalue_6)
  block1(v10):
    v11 = next(v10)
    switch last_exception
      --> block2(v10, v11)
      except StopIteration as (etype_12, evalue_13) --> return(0)
      except Exception as (etype_14, evalue_15) --> block3(etype_14, evalue_15)
  block2(v17, x_18):
    v19 = simple_call(<function prog.g>, x_18)
    switch last_exception
      --> block1(v17)
      except Exception as (etype_20, evalue_21) --> block3(etype_20, evalue_21)
  block3(v30, v31):
    v32 = exception_match(v30, <class StopIteration>)
    switch v32
      False --> except(v30, v31)
      True --> return(1)
)");
}

} // namespace
} // namespace lathe
