// Tests for frontend/scope.cpp: Python 3 scope analysis.
#include "frontend/scope.h"
#include "tests/frontend/test_util.h"

#include <gtest/gtest.h>

using namespace lathe;

namespace {

std::string join(const std::vector<std::string> &v) {
  std::string out;
  for (auto &s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

/// "params|locals|globals|nonlocals|cells|frees" of the n-th scope (preorder).
std::string scopeOf(const std::string &src, size_t n) {
  test::ParsedText p(src);
  if (!p.module) return p.errors();
  ScopeTable t(*p.module, &p.diags);
  if (n >= t.all().size()) return "<none>";
  const Scope &s = *t.all()[n];
  return join(s.params) + "|" + join(s.locals) + "|" + join(s.globals) + "|" + join(s.nonlocals) + "|" +
         join(s.cellvars) + "|" + join(s.freevars);
}

TEST(ScopeTest, ParamsAndLocalsInOrder) {
  EXPECT_EQ(scopeOf("def f(a, b=1, *c, d, **e):\n    x = 1\n    for i, j in y: pass\n", 0),
            "a,b,c,d,e|a,b,c,d,e,x,i,j||||");
}

TEST(ScopeTest, BindingForms) {
  EXPECT_EQ(scopeOf("def f():\n    import a.b\n    import c as d\n    from e import g, h as k\n"
                    "    try:\n        pass\n    except E as err:\n        pass\n"
                    "    def inner(): pass\n    class C: pass\n    del z\n    w += 1\n    v: int = 3\n    u: int\n",
                    0),
            "|a,d,g,k,err,inner,C,z,w,v||||");
}

TEST(ScopeTest, GlobalAndNonlocal) {
  EXPECT_EQ(scopeOf("def f():\n    global g\n    g = 1\n    x = 2\n    def h():\n        nonlocal x\n        x = 3\n", 0),
            "|x,h|g||x|");
  EXPECT_EQ(scopeOf("def f():\n    x = 2\n    def h():\n        nonlocal x\n        x = 3\n", 1), "|||x||x");
}

TEST(ScopeTest, FreeVariablesPassThroughIntermediateScopes) {
  const char *src = "def f():\n    a = 1\n    def g():\n        def h():\n            return a\n        return h\n";
  EXPECT_EQ(scopeOf(src, 0), "|a,g|||a|");
  EXPECT_EQ(scopeOf(src, 1), "|h||||a");
  EXPECT_EQ(scopeOf(src, 2), "|||||a");
}

TEST(ScopeTest, ClassBodiesDoNotProvideBindings) {
  const char *src = "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return y\n";
  EXPECT_EQ(scopeOf(src, 1), "|y,m||||x");
  EXPECT_EQ(scopeOf(src, 2), "self|self||||");
}

TEST(ScopeTest, ComprehensionTargetsAreLocal) {
  const char *src = "def f(n):\n    k = 2\n    return [i * k for i in range(n) if i]\n";
  EXPECT_EQ(scopeOf(src, 0), "n|n,k|||k|");
  EXPECT_EQ(scopeOf(src, 1), "|i||||k");
}

TEST(ScopeTest, LambdaAndKinds) {
  test::ParsedText p("def f(a):\n    b = 1\n    g = lambda c: a + c\n    return g\n");
  ASSERT_TRUE(p.module) << p.errors();
  ScopeTable t(*p.module);
  const Scope &f = *t.all()[0];
  EXPECT_EQ(f.kindOf("a"), NameKind::CELL);
  EXPECT_EQ(f.kindOf("b"), NameKind::LOCAL);
  EXPECT_EQ(f.kindOf("len"), NameKind::GLOBAL);
  const Scope &l = *t.all()[1];
  EXPECT_EQ(l.kind, ScopeKind::LAMBDA);
  EXPECT_EQ(l.kindOf("a"), NameKind::FREE);
  EXPECT_EQ(l.kindOf("c"), NameKind::LOCAL);
  EXPECT_EQ(&t.of(l.node), &l);
}

TEST(ScopeTest, BadNonlocalIsReported) {
  test::ParsedText p("def f():\n    nonlocal q\n    q = 1\n");
  ASSERT_TRUE(p.module) << p.errors();
  ScopeTable t(*p.module, &p.diags);
  EXPECT_NE(p.errors().find("no binding for nonlocal 'q' found"), std::string::npos) << p.errors();
}

} // namespace
