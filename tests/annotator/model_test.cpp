// Tests of annotator/model.cpp: the lattice. The join (unionOf) is checked
// over every pair and triple of a generated set of annotations: commutative,
// associative, idempotent, an upper bound of both sides, and IMPOSSIBLE is
// its unit. Then a few exact unions and printed forms.
#include "annotator/bookkeeper.h"
#include "frontend/evaluator.h"

#include <gtest/gtest.h>

using namespace lathe;
using namespace lathe::ann;

namespace {

struct NoReflow : Reflower {
  void reflow(const Position &) override {}
};

class ModelTest : public ::testing::Test {
protected:
  SourceManager sm;
  Diagnostics sink{sm};
  eval::Evaluator ev{sm, sink, {}};
  NoReflow noReflow;
  AnnDiagnostics diags{sink};
  Bookkeeper bk{ev, noReflow, diags};
  eval::Heap heap;

  ClassDef *base = nullptr, *sub = nullptr, *other = nullptr;

  void SetUp() override {
    auto *object = ev.builtinClass("object");
    auto mk = [&](const char *name, eval::ClassObj *parent) {
      auto *c = heap.make<eval::ClassObj>();
      c->name = c->qualname = name;
      c->bases = {parent};
      return bk.classDefFor(c);
    };
    base = mk("Base", object);
    sub = mk("Sub", const_cast<eval::ClassObj *>(base->cls));
    other = mk("Other", object);
  }

  /// A generated set covering every kind, flags and constants.
  std::vector<Ann> elements() {
    ListDef *l = bk.newListDef({});
    bk.generalize(l->item, someInteger(), {}, {}, "list item");
    return {
        someImpossible(),
        someBool(),
        withConst(someBool(), eval::Value::boolean(true)),
        withConst(someBool(), eval::Value::boolean(false)),
        someInteger(),
        someInteger(true),
        withConst(someInteger(true), eval::Value::integer(3)),
        someInteger(true, true),
        someFloat(),
        someChar(),
        someString(),
        someString(true),
        someNone(),
        someTuple({someInteger(), someString()}),
        someTuple({someInteger(true), someChar()}),
        someList(l),
        someList(l, true),
        someInstance(base),
        someInstance(sub),
        someInstance(sub, true),
        someInstance(other),
    };
  }
};

/// Equality up to constants dropped by joins of unequal constants.
bool same(const UnionResult &a, const UnionResult &b) {
  if (a.ok() != b.ok()) return false;
  return !a.ok() || sameAnn(a.value, b.value);
}

TEST_F(ModelTest, UnionIsCommutativeIdempotentAndHasUnit) {
  std::vector<Ann> es = elements();
  for (const Ann &a : es) {
    UnionResult self = unionOf(a, a);
    ASSERT_TRUE(self.ok()) << printAnn(a);
    EXPECT_TRUE(sameAnn(self.value, a)) << printAnn(a);
    EXPECT_TRUE(sameAnn(unionOf(someImpossible(), a).value, a)) << printAnn(a);
    for (const Ann &b : es)
      EXPECT_TRUE(same(unionOf(a, b), unionOf(b, a))) << printAnn(a) << " | " << printAnn(b);
  }
}

TEST_F(ModelTest, UnionIsAssociative) {
  std::vector<Ann> es = elements();
  for (const Ann &a : es)
    for (const Ann &b : es)
      for (const Ann &c : es) {
        UnionResult ab = unionOf(a, b), bc = unionOf(b, c);
        UnionResult left = ab.ok() ? unionOf(ab.value, c) : ab;
        UnionResult right = bc.ok() ? unionOf(a, bc.value) : bc;
        // Both failing is agreement; one failing means an unrelated pair
        // was joined through a third element only on one side.
        if (!left.ok() || !right.ok()) {
          EXPECT_EQ(left.ok(), right.ok())
              << printAnn(a) << " | " << printAnn(b) << " | " << printAnn(c);
          continue;
        }
        EXPECT_TRUE(sameAnn(left.value, right.value))
            << printAnn(a) << " | " << printAnn(b) << " | " << printAnn(c) << " => "
            << printAnn(left.value) << " vs " << printAnn(right.value);
      }
}

TEST_F(ModelTest, UnionIsAnUpperBound) {
  std::vector<Ann> es = elements();
  for (const Ann &a : es)
    for (const Ann &b : es) {
      UnionResult u = unionOf(a, b);
      if (!u.ok()) continue;
      UnionResult again = unionOf(u.value, a);
      ASSERT_TRUE(again.ok());
      EXPECT_TRUE(sameAnn(again.value, u.value)) << printAnn(a) << " | " << printAnn(b);
    }
}

TEST_F(ModelTest, ExactUnions) {
  auto u = [](const Ann &a, const Ann &b) {
    UnionResult r = unionOf(a, b);
    return r.ok() ? printAnn(r.value) : "error";
  };
  EXPECT_EQ(u(someBool(), someInteger(true)), "int>=0");
  EXPECT_EQ(u(someInteger(true), someInteger()), "int");
  EXPECT_EQ(u(someInteger(), someFloat()), "float");
  EXPECT_EQ(u(someInteger(), someInteger(true, true)), "uint");
  EXPECT_EQ(u(someChar(), someString()), "str");
  EXPECT_EQ(u(someChar(), someNone()), "str or None");
  EXPECT_EQ(u(someInstance(sub), someNone()), "Sub or None");
  EXPECT_EQ(u(someInstance(sub), someInstance(base)), "Base");
  EXPECT_EQ(u(someInstance(sub), someInstance(other)), "error");
  EXPECT_EQ(u(someInteger(), someString()), "error");
  EXPECT_EQ(u(someNone(), someInteger()), "error");
  EXPECT_EQ(u(someTuple({someInteger()}), someTuple({someInteger(), someInteger()})), "error");
  EXPECT_EQ(u(withConst(someInteger(true), eval::Value::integer(3)),
              withConst(someInteger(true), eval::Value::integer(3))),
            "int>=0 = 3");
  EXPECT_EQ(u(withConst(someInteger(true), eval::Value::integer(3)),
              withConst(someInteger(true), eval::Value::integer(4))),
            "int>=0");
}

TEST_F(ModelTest, ListsUnifyWhenTheyMeet) {
  ListDef *a = bk.newListDef({}), *b = bk.newListDef({});
  bk.generalize(a->item, someInteger(true), {}, {}, "list item");
  bk.generalize(b->item, someBool(), {}, {}, "list item");
  UnionResult r = unionOf(someList(a), someList(b));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(a->find(), b->find());
  EXPECT_EQ(printAnn(r.value), "fixedlist[int>=0]");
}

} // namespace
