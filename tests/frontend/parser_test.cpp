// parser_test.cpp - golden printModule output (ast.cpp's format, without
// locations unless the test is about locations) for every statement and
// expression kind of RPy, and operator precedence.
#include "tests/frontend/test_util.h"

#include <gtest/gtest.h>

namespace lathe {
namespace {

using test::parseAndPrint;

std::string parseWithLocations(const std::string &text) { return parseAndPrint(text, true); }

TEST(Parser, FunctionDefFull) {
  EXPECT_EQ(parseAndPrint("@dec\n"
      "@a.b(1, k=2)\n"
      "def f(a, b: int = 1, *args, c, d=2, **kw) -> int:\n"
      "    return a\n"
      ""),
            R"golden(Module
  FunctionDef f
    decorators:
      Name dec
      Call
        Attribute .b
          Name a
        IntLit 1
        keyword k
          IntLit 2
    arg a
    arg b
      annotation: Name int
      default: IntLit 1
    vararg args
    kwonly c
    kwonly d
      default: IntLit 2
    kwarg kw
    returns: Name int
    body:
      Return
        Name a
)golden");
}

TEST(Parser, FunctionDefBareStarAndLambda) {
  EXPECT_EQ(parseAndPrint("def g(x, *, y): pass\n"
      "h = lambda: 0\n"
      "k = lambda a, b=1, *c, **d: a\n"
      ""),
            R"golden(Module
  FunctionDef g
    arg x
    kwonly y
    body:
      Pass
  Assign
    target: Name h
    value: Lambda
      body: IntLit 0
  Assign
    target: Name k
    value: Lambda
      arg a
      arg b
        default: IntLit 1
      vararg c
      kwarg d
      body: Name a
)golden");
}

TEST(Parser, ClassDef) {
  EXPECT_EQ(parseAndPrint("@deco\n"
      "class C(B, D, metaclass=M):\n"
      "    x = 1\n"
      "    def m(self): return self.x\n"
      "class E: pass\n"
      ""),
            R"golden(Module
  ClassDef C
    decorators:
      Name deco
    bases:
      Name B
      Name D
    keyword metaclass
      Name M
    body:
      Assign
        target: Name x
        value: IntLit 1
      FunctionDef m
        arg self
        body:
          Return
            Attribute .x
              Name self
  ClassDef E
    body:
      Pass
)golden");
}

TEST(Parser, ReturnDelPassBreakContinue) {
  EXPECT_EQ(parseAndPrint("def f():\n"
      "    return\n"
      "    return 1, 2\n"
      "    del a, b[0], c.d\n"
      "    pass\n"
      "while 1:\n"
      "    break\n"
      "    continue\n"
      ""),
            R"golden(Module
  FunctionDef f
    body:
      Return
      Return
        Tuple
          IntLit 1
          IntLit 2
      Delete
        Name a
        Subscript
          Name b
          IntLit 0
        Attribute .d
          Name c
      Pass
  While
    test: IntLit 1
    body:
      Break
      Continue
)golden");
}

TEST(Parser, Assignments) {
  EXPECT_EQ(parseAndPrint("a = b = c\n"
      "a, b = b, a\n"
      "[a, b] = x\n"
      "(a, (b, *c)) = y\n"
      "a.b[c] = 1\n"
      "*a, b = c\n"
      ""),
            R"golden(Module
  Assign
    target: Name a
    target: Name b
    value: Name c
  Assign
    target: Tuple
      Name a
      Name b
    value: Tuple
      Name b
      Name a
  Assign
    target: List
      Name a
      Name b
    value: Name x
  Assign
    target: Tuple
      Name a
      Tuple
        Name b
        Starred
          Name c
    value: Name y
  Assign
    target: Subscript
      Attribute .b
        Name a
      Name c
    value: IntLit 1
  Assign
    target: Tuple
      Starred
        Name a
      Name b
    value: Name c
)golden");
}

TEST(Parser, AugAssignAllOperators) {
  EXPECT_EQ(parseAndPrint("a += 1\n"
      "a -= 1\n"
      "a *= 1\n"
      "a /= 1\n"
      "a //= 1\n"
      "a %= 1\n"
      "a **= 1\n"
      "a <<= 1\n"
      "a >>= 1\n"
      "a |= 1\n"
      "a ^= 1\n"
      "a &= 1\n"
      ""),
            R"golden(Module
  AugAssign +=
    Name a
    IntLit 1
  AugAssign -=
    Name a
    IntLit 1
  AugAssign *=
    Name a
    IntLit 1
  AugAssign /=
    Name a
    IntLit 1
  AugAssign //=
    Name a
    IntLit 1
  AugAssign %=
    Name a
    IntLit 1
  AugAssign **=
    Name a
    IntLit 1
  AugAssign <<=
    Name a
    IntLit 1
  AugAssign >>=
    Name a
    IntLit 1
  AugAssign |=
    Name a
    IntLit 1
  AugAssign ^=
    Name a
    IntLit 1
  AugAssign &=
    Name a
    IntLit 1
)golden");
}

TEST(Parser, AnnAssign) {
  EXPECT_EQ(parseAndPrint("x: int\n"
      "y: list[int] = []\n"
      "self.z: str = \"s\"\n"
      ""),
            R"golden(Module
  AnnAssign
    target: Name x
    annotation: Name int
  AnnAssign
    target: Name y
    annotation: Subscript
      Name list
      Name int
    value: List
  AnnAssign
    target: Attribute .z
      Name self
    annotation: Name str
    value: StrLit "s"
)golden");
}

TEST(Parser, ForWhileElse) {
  EXPECT_EQ(parseAndPrint("for i, j in pairs:\n"
      "    pass\n"
      "else:\n"
      "    done()\n"
      "while x < 10:\n"
      "    x += 1\n"
      "else:\n"
      "    pass\n"
      ""),
            R"golden(Module
  For
    target: Tuple
      Name i
      Name j
    iter: Name pairs
    body:
      Pass
    orelse:
      ExprStmt
        Call
          Name done
  While
    test: Compare <
      Name x
      IntLit 10
    body:
      AugAssign +=
        Name x
        IntLit 1
    orelse:
      Pass
)golden");
}

TEST(Parser, IfElifElse) {
  EXPECT_EQ(parseAndPrint("if a:\n"
      "    x = 1\n"
      "elif b:\n"
      "    x = 2\n"
      "elif c:\n"
      "    x = 3\n"
      "else:\n"
      "    x = 4\n"
      ""),
            R"golden(Module
  If
    test: Name a
    body:
      Assign
        target: Name x
        value: IntLit 1
    orelse:
      If
        test: Name b
        body:
          Assign
            target: Name x
            value: IntLit 2
        orelse:
          If
            test: Name c
            body:
              Assign
                target: Name x
                value: IntLit 3
            orelse:
              Assign
                target: Name x
                value: IntLit 4
)golden");
}

TEST(Parser, RaiseForms) {
  EXPECT_EQ(parseAndPrint("raise\n"
      "raise E\n"
      "raise E(\"msg\") from cause\n"
      ""),
            R"golden(Module
  Raise
  Raise
    exc: Name E
  Raise
    exc: Call
      Name E
      StrLit "msg"
    cause: Name cause
)golden");
}

TEST(Parser, TryExceptElseFinally) {
  EXPECT_EQ(parseAndPrint("try:\n"
      "    f()\n"
      "except (A, B) as e:\n"
      "    g(e)\n"
      "except C:\n"
      "    pass\n"
      "except:\n"
      "    raise\n"
      "else:\n"
      "    h()\n"
      "finally:\n"
      "    k()\n"
      "try:\n"
      "    pass\n"
      "finally:\n"
      "    pass\n"
      ""),
            R"golden(Module
  Try
    body:
      ExprStmt
        Call
          Name f
    except as e
      type: Tuple
        Name A
        Name B
      body:
        ExprStmt
          Call
            Name g
            Name e
    except
      type: Name C
      body:
        Pass
    except
      body:
        Raise
    orelse:
      ExprStmt
        Call
          Name h
    finalbody:
      ExprStmt
        Call
          Name k
  Try
    body:
      Pass
    finalbody:
      Pass
)golden");
}

TEST(Parser, Assert) {
  EXPECT_EQ(parseAndPrint("assert x\n"
      "assert x > 0, \"positive\"\n"
      ""),
            R"golden(Module
  Assert
    test: Name x
  Assert
    test: Compare >
      Name x
      IntLit 0
    msg: StrLit "positive"
)golden");
}

TEST(Parser, Imports) {
  EXPECT_EQ(parseAndPrint("import os\n"
      "import a.b.c as d, e\n"
      "from rlib import jit\n"
      "from a.b import c as d, e\n"
      "from . import x\n"
      "from ..pkg import (y,\n"
      "    z as w,)\n"
      "from m import *\n"
      ""),
            R"golden(Module
  Import
    alias os
  Import
    alias a.b.c as d
    alias e
  ImportFrom rlib
    alias jit
  ImportFrom a.b
    alias c as d
    alias e
  ImportFrom .
    alias x
  ImportFrom ..pkg
    alias y
    alias z as w
  ImportFrom m
    alias *
)golden");
}

TEST(Parser, GlobalNonlocal) {
  EXPECT_EQ(parseAndPrint("def f():\n"
      "    global a, b\n"
      "    nonlocal c\n"
      ""),
            R"golden(Module
  FunctionDef f
    body:
      Global a b
      Nonlocal c
)golden");
}

TEST(Parser, SemicolonsAndOneLineBodies) {
  EXPECT_EQ(parseAndPrint("a = 1; b = 2;\n"
      "if x: pass\n"
      "while y: y -= 1; z()\n"
      "for i in r: continue\n"
      "def f(): return 1\n"
      ""),
            R"golden(Module
  Assign
    target: Name a
    value: IntLit 1
  Assign
    target: Name b
    value: IntLit 2
  If
    test: Name x
    body:
      Pass
  While
    test: Name y
    body:
      AugAssign -=
        Name y
        IntLit 1
      ExprStmt
        Call
          Name z
  For
    target: Name i
    iter: Name r
    body:
      Continue
  FunctionDef f
    body:
      Return
        IntLit 1
)golden");
}

TEST(Parser, ExpressionStatementPrintCall) {
  EXPECT_EQ(parseAndPrint("print(x)\n"
      "print(\"a\", end=\"\")\n"
      ""),
            R"golden(Module
  ExprStmt
    Call
      Name print
      Name x
  ExprStmt
    Call
      Name print
      StrLit "a"
      keyword end
        StrLit ""
)golden");
}

TEST(Parser, PrecedenceArithmetic) {
  EXPECT_EQ(parseAndPrint("x = 1 + 2 * 3 - 4 / 5 // 6 % 7\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: BinOp -
      BinOp +
        IntLit 1
        BinOp *
          IntLit 2
          IntLit 3
      BinOp %
        BinOp //
          BinOp /
            IntLit 4
            IntLit 5
          IntLit 6
        IntLit 7
)golden");
}

TEST(Parser, PrecedencePowerAndUnary) {
  EXPECT_EQ(parseAndPrint("x = -2 ** 2\n"
      "y = 2 ** -1\n"
      "z = 2 ** 3 ** 4\n"
      "w = ~-+a\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: UnaryOp -
      BinOp **
        IntLit 2
        IntLit 2
  Assign
    target: Name y
    value: BinOp **
      IntLit 2
      UnaryOp -
        IntLit 1
  Assign
    target: Name z
    value: BinOp **
      IntLit 2
      BinOp **
        IntLit 3
        IntLit 4
  Assign
    target: Name w
    value: UnaryOp ~
      UnaryOp -
        UnaryOp +
          Name a
)golden");
}

TEST(Parser, PrecedenceBitwiseAndShift) {
  EXPECT_EQ(parseAndPrint("x = a | b ^ c & d << e >> f + g\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: BinOp |
      Name a
      BinOp ^
        Name b
        BinOp &
          Name c
          BinOp >>
            BinOp <<
              Name d
              Name e
            BinOp +
              Name f
              Name g
)golden");
}

TEST(Parser, PrecedenceBooleanAndNot) {
  EXPECT_EQ(parseAndPrint("x = a or b and not c == d\n"
      "y = a and b and c or d or e\n"
      "z = (a or b) or c\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: BoolOp or
      Name a
      BoolOp and
        Name b
        UnaryOp not
          Compare ==
            Name c
            Name d
  Assign
    target: Name y
    value: BoolOp or
      BoolOp and
        Name a
        Name b
        Name c
      Name d
      Name e
  Assign
    target: Name z
    value: BoolOp or
      BoolOp or
        Name a
        Name b
      Name c
)golden");
}

TEST(Parser, ChainedComparisons) {
  EXPECT_EQ(parseAndPrint("x = a < b <= c > d >= e == f != g\n"
      "y = a is b is not c in d not in e\n"
      "z = (a < b) < c\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: Compare < <= > >= == !=
      Name a
      Name b
      Name c
      Name d
      Name e
      Name f
      Name g
  Assign
    target: Name y
    value: Compare is is not in not in
      Name a
      Name b
      Name c
      Name d
      Name e
  Assign
    target: Name z
    value: Compare <
      Compare <
        Name a
        Name b
      Name c
)golden");
}

TEST(Parser, ConditionalExpressionAndLambda) {
  EXPECT_EQ(parseAndPrint("x = a if b else c if d else e\n"
      "f = lambda x: x if x else -x\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: IfExp
      test: Name b
      body: Name a
      orelse: IfExp
        test: Name d
        body: Name c
        orelse: Name e
  Assign
    target: Name f
    value: Lambda
      arg x
      body: IfExp
        test: Name x
        body: Name x
        orelse: UnaryOp -
          Name x
)golden");
}

TEST(Parser, CallsAllArgumentKinds) {
  EXPECT_EQ(parseAndPrint("f()\n"
      "f(a, *b, c=1, **d)\n"
      "f(x for x in y)\n"
      "f(*a, *b)\n"
      ""),
            R"golden(Module
  ExprStmt
    Call
      Name f
  ExprStmt
    Call
      Name f
      Name a
      Starred
        Name b
      keyword c
        IntLit 1
      keyword **
        Name d
  ExprStmt
    Call
      Name f
      GeneratorExp
        elt: Name x
        comprehension
          target: Name x
          iter: Name y
  ExprStmt
    Call
      Name f
      Starred
        Name a
      Starred
        Name b
)golden");
}

TEST(Parser, AttributeSubscriptSlices) {
  EXPECT_EQ(parseAndPrint("a.b.c\n"
      "a[1]\n"
      "a[1:2]\n"
      "a[::2]\n"
      "a[:]\n"
      "a[i:]\n"
      "a[:j]\n"
      "a[1:2:3]\n"
      "a[i, j]\n"
      "a[i,]\n"
      "a[1:2, ::3]\n"
      ""),
            R"golden(Module
  ExprStmt
    Attribute .c
      Attribute .b
        Name a
  ExprStmt
    Subscript
      Name a
      IntLit 1
  ExprStmt
    Subscript
      Name a
      Slice
        lower: IntLit 1
        upper: IntLit 2
  ExprStmt
    Subscript
      Name a
      Slice
        step: IntLit 2
  ExprStmt
    Subscript
      Name a
      Slice
  ExprStmt
    Subscript
      Name a
      Slice
        lower: Name i
  ExprStmt
    Subscript
      Name a
      Slice
        upper: Name j
  ExprStmt
    Subscript
      Name a
      Slice
        lower: IntLit 1
        upper: IntLit 2
        step: IntLit 3
  ExprStmt
    Subscript
      Name a
      Tuple
        Name i
        Name j
  ExprStmt
    Subscript
      Name a
      Tuple
        Name i
  ExprStmt
    Subscript
      Name a
      Tuple
        Slice
          lower: IntLit 1
          upper: IntLit 2
        Slice
          step: IntLit 3
)golden");
}

TEST(Parser, TupleForms) {
  EXPECT_EQ(parseAndPrint("x = ()\n"
      "y = (1,)\n"
      "z = 1, 2\n"
      "w = (1, 2)\n"
      "v = 1,\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: Tuple
  Assign
    target: Name y
    value: Tuple
      IntLit 1
  Assign
    target: Name z
    value: Tuple
      IntLit 1
      IntLit 2
  Assign
    target: Name w
    value: Tuple
      IntLit 1
      IntLit 2
  Assign
    target: Name v
    value: Tuple
      IntLit 1
)golden");
}

TEST(Parser, ListDictSet) {
  EXPECT_EQ(parseAndPrint("x = []\n"
      "y = [1, 2,]\n"
      "z = {}\n"
      "w = {1: \"a\", 2: \"b\"}\n"
      "v = {1, 2}\n"
      "u = [*a, b]\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: List
  Assign
    target: Name y
    value: List
      IntLit 1
      IntLit 2
  Assign
    target: Name z
    value: Dict
  Assign
    target: Name w
    value: Dict
      key: IntLit 1
      value: StrLit "a"
      key: IntLit 2
      value: StrLit "b"
  Assign
    target: Name v
    value: Set
      IntLit 1
      IntLit 2
  Assign
    target: Name u
    value: List
      Starred
        Name a
      Name b
)golden");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(parseAndPrint("x = [a for a in b]\n"
      "y = [a * c for a in b if a if a > 1 for c in a]\n"
      "z = {k: v for k, v in d.items()}\n"
      "w = {a for a in b}\n"
      "v = (a for a in b)\n"
      "u = [lambda: x for x in y if (lambda: 1)]\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: ListComp
      elt: Name a
      comprehension
        target: Name a
        iter: Name b
  Assign
    target: Name y
    value: ListComp
      elt: BinOp *
        Name a
        Name c
      comprehension
        target: Name a
        iter: Name b
        if: Name a
        if: Compare >
          Name a
          IntLit 1
      comprehension
        target: Name c
        iter: Name a
  Assign
    target: Name z
    value: DictComp
      key: Name k
      value: Name v
      comprehension
        target: Tuple
          Name k
          Name v
        iter: Call
          Attribute .items
            Name d
  Assign
    target: Name w
    value: SetComp
      elt: Name a
      comprehension
        target: Name a
        iter: Name b
  Assign
    target: Name v
    value: GeneratorExp
      elt: Name a
      comprehension
        target: Name a
        iter: Name b
  Assign
    target: Name u
    value: ListComp
      elt: Lambda
        body: Name x
      comprehension
        target: Name x
        iter: Name y
        if: Lambda
          body: IntLit 1
)golden");
}

TEST(Parser, Literals) {
  EXPECT_EQ(parseAndPrint("x = 0x_ff, 0o17, 0b101, 1_000, 1.5, 1e10, .5, 5., 1_000.5\n"
      "s = \"a\" 'b' \"\"\"c\"\"\" r\"\\d\"\n"
      "b = b\"x\" rb\"\\y\"\n"
      "c = True, False, None\n"
      ""),
            R"golden(Module
  Assign
    target: Name x
    value: Tuple
      IntLit 255
      IntLit 15
      IntLit 5
      IntLit 1000
      FloatLit 1.5
      FloatLit 1e+10
      FloatLit 0.5
      FloatLit 5.0
      FloatLit 1000.5
  Assign
    target: Name s
    value: StrLit "abc\\d"
  Assign
    target: Name b
    value: StrLit b"x\\y"
  Assign
    target: Name c
    value: Tuple
      BoolLit True
      BoolLit False
      NoneLit
)golden");
}

TEST(Parser, Empty) {
  EXPECT_EQ(parseAndPrint(""),
            R"golden(Module
)golden");
}

TEST(Parser, CommentsOnly) {
  EXPECT_EQ(parseAndPrint("# just a comment\n"
      "\n"
      ""),
            R"golden(Module
)golden");
}

TEST(Parser, Locations) {
  EXPECT_EQ(parseWithLocations("def f(x):\n"
      "    return x + 1\n"
      "\n"
      "class C(B):\n"
      "    y: int = -a[1]\n"
      ""),
            R"golden(Module
  FunctionDef f @1:1
    arg x @1:7
    body:
      Return @2:5
        BinOp + @2:12
          Name x @2:12
          IntLit 1 @2:16
  ClassDef C @4:1
    bases:
      Name B @4:9
    body:
      AnnAssign @5:5
        target: Name y @5:5
        annotation: Name int @5:8
        value: UnaryOp - @5:14
          Subscript @5:15
            Name a @5:15
            IntLit 1 @5:17
)golden");
}

TEST(Parser, DecoratedLocation) {
  EXPECT_EQ(parseWithLocations("@dec\n"
      "def f(): pass\n"
      ""),
            R"golden(Module
  FunctionDef f @2:1
    decorators:
      Name dec @1:2
    body:
      Pass @2:10
)golden");
}

TEST(Parser, PrintExprStandalone) {
  test::ParsedText p("x = a + 1\n");
  ASSERT_TRUE(p.module) << p.errors();
  auto *assign = ast::cast<ast::Assign>(p.module->body[0]);
  EXPECT_EQ(ast::printExpr(assign->value), "BinOp + @1:5\n  Name a @1:5\n  IntLit 1 @1:9\n");
}

TEST(Parser, TenThousandLinesParse) {
  std::string unit = "def f(a, b=1):\n    if a < b and not a:\n        return [x * 2 for x in range(a)]\n"
                     "    return {'k': a.b[1:2], 'v': f(a, *b)}\n";
  std::string text;
  for (int i = 0; i < 2500; ++i) text += unit;
  test::ParsedText p(text);
  ASSERT_TRUE(p.module) << p.errors();
  EXPECT_EQ(p.module->body.size(), 2500u);
}

} // namespace
} // namespace lathe

