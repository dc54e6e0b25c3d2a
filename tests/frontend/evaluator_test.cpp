// Tests for the module evaluator (frontend/evaluator_*.cpp): module-level
// programs and the values they build, checked via repr() of module globals,
// and golden translation-time error messages.
#include "tests/frontend/eval_test_util.h"

#include <gtest/gtest.h>

using lathe::test::RunResult;

namespace {

#define EXPECT_GLOBAL(run, name, expected) \
  EXPECT_EQ((run).global(name), expected) << (run).errors()

TEST(EvaluatorTest, Arithmetic) {
  RunResult r("a = 7 // 2\nb = -7 // 2\nc = -7 % 3\nd = 7 / 2\ne = 2 ** 10\nf = 1.1\ng = 1e16\n"
              "h = float('inf')\ni = 7.5 // 2\nj = -7.5 % 2\nk = 1 << 40\nl = ~5\nm = 3 * 0.1\n");
  EXPECT_GLOBAL(r, "a", "3");
  EXPECT_GLOBAL(r, "b", "-4");
  EXPECT_GLOBAL(r, "c", "2");
  EXPECT_GLOBAL(r, "d", "3.5");
  EXPECT_GLOBAL(r, "e", "1024");
  EXPECT_GLOBAL(r, "f", "1.1");
  EXPECT_GLOBAL(r, "g", "1e+16");
  EXPECT_GLOBAL(r, "h", "inf");
  EXPECT_GLOBAL(r, "i", "3.0");
  EXPECT_GLOBAL(r, "j", "0.5");
  EXPECT_GLOBAL(r, "k", "1099511627776");
  EXPECT_GLOBAL(r, "l", "-6");
  EXPECT_GLOBAL(r, "m", "0.30000000000000004");
}

TEST(EvaluatorTest, StringsAndRepr) {
  RunResult r("a = 'it' + \"'s\"\nb = 'x' * 3\nc = ', '.join(['a', 'b'])\nd = 'a b  c'.split()\n"
              "e = '%d-%5s|%-3s|%x|%.2f|%r' % (42, 'ab', 'c', 255, 3.14159, 'q')\nf = ' hi '.strip().upper()\n"
              "g = 'abc'[1:]\nh = 'abc'[::-1]\ni = 'a\\n\\'\"'\nj = '{} and {x}'.format(1, x='y')\nk = b'raw'\n");
  EXPECT_GLOBAL(r, "a", "\"it's\"");
  EXPECT_GLOBAL(r, "b", "'xxx'");
  EXPECT_GLOBAL(r, "c", "'a, b'");
  EXPECT_GLOBAL(r, "d", "['a', 'b', 'c']");
  EXPECT_GLOBAL(r, "e", "\"42-   ab|c  |ff|3.14|'q'\"");
  EXPECT_GLOBAL(r, "f", "'HI'");
  EXPECT_GLOBAL(r, "g", "'bc'");
  EXPECT_GLOBAL(r, "h", "'cba'");
  EXPECT_GLOBAL(r, "i", "'a\\n\\'\"'");
  EXPECT_GLOBAL(r, "j", "'1 and y'");
  EXPECT_GLOBAL(r, "k", "'raw'");
}

TEST(EvaluatorTest, ContainersAndUnpacking) {
  RunResult r("l = [3, 1, 2]\nl.append(0)\nl.sort()\nl += [9]\nt = (1,)\nd = {'a': 1}\nd['b'] = 2\n"
              "s = {1, 2, 2}\na, *b, c = range(5)\n(x, y), z = (1, 2), 3\nitems = sorted(d.items(), reverse=True)\n"
              "del d['a']\nsl = l[1:3]\nq = [i * i for i in range(5) if i % 2]\ndc = {k: v for k, v in zip('ab', [1, 2])}\n"
              "g = sum(x for x in range(4))\nm = (min(3, 1, 2), max([4, 5]), len('abc'), abs(-3))\n"
              "e = list(enumerate('ab', 1))\nchain = 1 < 2 < 3 > 2\nbo = (0 or 'x', 1 and 0, not [])\n");
  EXPECT_GLOBAL(r, "l", "[0, 1, 2, 3, 9]");
  EXPECT_GLOBAL(r, "t", "(1,)");
  EXPECT_GLOBAL(r, "d", "{'b': 2}");
  EXPECT_GLOBAL(r, "s", "{1, 2}");
  EXPECT_GLOBAL(r, "a", "0");
  EXPECT_GLOBAL(r, "b", "[1, 2, 3]");
  EXPECT_GLOBAL(r, "c", "4");
  EXPECT_GLOBAL(r, "y", "2");
  EXPECT_GLOBAL(r, "items", "[('b', 2), ('a', 1)]");
  EXPECT_GLOBAL(r, "sl", "[1, 2]");
  EXPECT_GLOBAL(r, "q", "[1, 9]");
  EXPECT_GLOBAL(r, "dc", "{'a': 1, 'b': 2}");
  EXPECT_GLOBAL(r, "g", "6");
  EXPECT_GLOBAL(r, "m", "(1, 5, 3, 3)");
  EXPECT_GLOBAL(r, "e", "[(1, 'a'), (2, 'b')]");
  EXPECT_GLOBAL(r, "chain", "True");
  EXPECT_GLOBAL(r, "bo", "('x', 0, True)");
}

TEST(EvaluatorTest, FunctionsClosuresDecorators) {
  RunResult r("def f(a, b=2, *args, c=3, **kw):\n    return (a, b, args, c, kw)\n"
              "r1 = f(1)\nr2 = f(1, 5, 6, 7, c=0, z=9)\n"
              "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n"
              "inc = counter()\ninc()\nr3 = inc()\n"
              "def deco(fn):\n    fn.tagged = True\n    return fn\n@deco\ndef g(): return 1\nr4 = g.tagged\n"
              "sq = lambda x: x * x\nr5 = list(map(sq, [1, 2])) if False else [sq(3)]\n"
              "def fact(n): return 1 if n <= 1 else n * fact(n - 1)\nr6 = fact(20)\n"
              "G = 1\ndef setg():\n    global G\n    G = 5\nsetg()\n");
  EXPECT_GLOBAL(r, "r1", "(1, 2, (), 3, {})");
  EXPECT_GLOBAL(r, "r2", "(1, 5, (6, 7), 0, {'z': 9})");
  EXPECT_GLOBAL(r, "r3", "2");
  EXPECT_GLOBAL(r, "r4", "True");
  EXPECT_GLOBAL(r, "r5", "[9]");
  EXPECT_GLOBAL(r, "r6", "2432902008176640000");
  EXPECT_GLOBAL(r, "G", "5");
}

TEST(EvaluatorTest, ClassesInheritanceSuper) {
  RunResult r("class A:\n    kind = 'a'\n    def __init__(self, x):\n        self.x = x\n    def get(self):\n        return self.x\n"
              "class B(A):\n    def __init__(self, x):\n        super().__init__(x * 2)\n    def get(self):\n        return A.get(self) + 1\n"
              "    @staticmethod\n    def s(): return 's'\n    @classmethod\n    def c(cls): return cls.kind\n"
              "b = B(5)\nr1 = (b.get(), b.x, B.kind, isinstance(b, A), issubclass(B, A), B.s(), b.c())\n"
              "r2 = (hasattr(b, 'x'), getattr(b, 'nope', 7), type(b) is B)\nsetattr(b, 'y', 1)\nr3 = b.y\n"
              "class X: pass\nclass Y(X): pass\nclass Z(X): pass\nclass W(Y, Z): pass\nr4 = [c.__name__ for c in W.__mro__]\n"
              "class P:\n    def __init__(self): self._v = 1\n    @property\n    def v(self): return self._v\nr5 = P().v\n");
  EXPECT_GLOBAL(r, "r1", "(11, 10, 'a', True, True, 's', 'a')");
  EXPECT_GLOBAL(r, "r2", "(True, 7, True)");
  EXPECT_GLOBAL(r, "r3", "1");
  EXPECT_GLOBAL(r, "r4", "['W', 'Y', 'Z', 'X', 'object']");
  EXPECT_GLOBAL(r, "r5", "1");
  const lathe::eval::Value *b = r.main->globals.find("B");
  ASSERT_TRUE(b);
  auto *cls = lathe::eval::asClass(*b);
  ASSERT_TRUE(cls);
  auto *init = lathe::eval::asFunction(*cls->attrs.find("__init__"));
  ASSERT_TRUE(init);
  EXPECT_EQ(init->definingClass, cls);
  EXPECT_EQ(init->qualname, "B.__init__");
  EXPECT_EQ(lathe::eval::describe(*b), "<class prog.B>");
}

TEST(EvaluatorTest, ExceptionsAndControlFlow) {
  RunResult r("log = []\n"
              "class MyErr(ValueError): pass\n"
              "try:\n    raise MyErr('bad')\nexcept (KeyError, ValueError) as e:\n    log.append(str(e))\nelse:\n    log.append('else')\nfinally:\n    log.append('fin')\n"
              "try:\n    {}['k']\nexcept LookupError:\n    log.append('lookup')\n"
              "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    log.append(repr(e))\n"
              "for i in range(10):\n    if i == 2: continue\n    if i == 4: break\n    log.append(i)\nelse:\n    log.append('noelse')\n"
              "n = 0\nwhile n < 3:\n    n += 1\nelse:\n    log.append('while-else')\n"
              "def f():\n    try:\n        return 1\n    finally:\n        log.append('f-fin')\nr = f()\n"
              "try:\n    assert 1 == 2, 'nope'\nexcept AssertionError as e:\n    log.append(e.args)\n");
  EXPECT_GLOBAL(r, "log", "['bad', 'fin', 'lookup', \"ZeroDivisionError('division by zero')\", 0, 1, 3, 'while-else', 'f-fin', ('nope',)]");
  EXPECT_GLOBAL(r, "r", "1");
}

TEST(EvaluatorTest, MainBlockDoesNotRun) {
  RunResult r("x = __name__\nran = False\nif __name__ == '__main__':\n    ran = True\n");
  EXPECT_GLOBAL(r, "x", "'prog'");
  EXPECT_GLOBAL(r, "ran", "False");
}

TEST(EvaluatorTest, UncaughtExceptionGolden) {
  RunResult r("def inner(x):\n    return x // 0\n\ndef outer():\n    return inner(1)\n\nouter()\n");
  EXPECT_EQ(r.main, nullptr);
  EXPECT_EQ(r.errors(),
            "prog.py:2:5: error: ZeroDivisionError: integer division or modulo by zero\n"
            "    return x // 0\n    ^\n"
            "prog.py:5:12: note: in call to 'inner'\n"
            "    return inner(1)\n           ^\n"
            "prog.py:7:1: note: in call to 'outer'\n"
            "outer()\n^\n");
}

TEST(EvaluatorTest, NameErrorAndOverflowGolden) {
  RunResult a("x = y\n");
  EXPECT_EQ(a.errors(), "prog.py:1:1: error: NameError: name 'y' is not defined\nx = y\n^\n");
  RunResult b("x = 2 ** 62 * 4\n");
  EXPECT_EQ(b.errors(), "prog.py:1:1: error: OverflowError: integer overflow at translation time\nx = 2 ** 62 * 4\n^\n");
}

TEST(EvaluatorTest, StepBudgetAndRecursion) {
  RunResult a("while True:\n    pass\n");
  EXPECT_NE(a.errors().find("error: translation-time evaluation did not finish"), std::string::npos) << a.errors();
  RunResult b("def f(n): return f(n + 1)\nf(0)\n");
  EXPECT_NE(b.errors().find("error: RecursionError: maximum recursion depth exceeded"), std::string::npos);
  RunResult c("def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    ok = True\n");
  EXPECT_GLOBAL(c, "ok", "True");
}

TEST(EvaluatorTest, BuiltinModules) {
  RunResult r("import math, sys, os\nfrom time import time\nx = (math.floor(2.5), math.sqrt(4.0), sys.maxsize, os.O_RDONLY)\n"
              "t = time() > 0\n");
  EXPECT_GLOBAL(r, "x", "(2, 2.0, 9223372036854775807, 0)");
  EXPECT_GLOBAL(r, "t", "True");
}

TEST(EvaluatorTest, FunctionObjectsForTheFlowGraphBuilder) {
  RunResult r("K = 3\ndef mk(a):\n    def add(b, c=K):\n        return a + b + c\n    return add\nadd = mk(1)\n");
  const lathe::eval::Value *v = r.main->globals.find("add");
  ASSERT_TRUE(v) << r.errors();
  auto *fn = lathe::eval::asFunction(*v);
  ASSERT_TRUE(fn);
  EXPECT_EQ(fn->qualname, "mk.<locals>.add");
  ASSERT_EQ(fn->freevars.size(), 1u);
  EXPECT_EQ(fn->freevars[0].first, "a");
  EXPECT_EQ(lathe::eval::repr(fn->freevars[0].second->value), "1");
  EXPECT_EQ(lathe::eval::repr(fn->defaults.at(0)), "3");
  const lathe::Scope &s = r.ev->scopeOf(fn);
  EXPECT_TRUE(s.isFree("a"));
  EXPECT_TRUE(s.isLocal("b"));
  EXPECT_TRUE(lathe::eval::asBuiltin(r.ev->builtin("len")));
  EXPECT_TRUE(r.ev->builtinClass("ValueError")->builtin);
}

} // namespace
