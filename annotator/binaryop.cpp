//===- binaryop.cpp - Annotation rules of two-argument operators ----------===//
// Arithmetic (and the in-place forms of augmented assignment), comparisons
// and `is_`, following RPython's binaryop.py with Python 3 semantics:
//   numbers   bool < int < float; `/` is always float; unsigned wins;
//             results are int>=0 when the algebra guarantees it
//             (a+b, a*b, a//b for nonneg a, b; a%b for nonneg b; a&b when
//             either side is nonneg; a>>b for nonneg a)
//   strings   str + str, str * int, str % x  ==> str (a char is a str here)
//   lists     list + list, list * int ==> list (items unified); `+=` on a
//             list resizes it in place
//   tuples    tuple + tuple ==> the concatenated tuple
//   `x is None` narrows x in both branches.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

namespace {

using flow::FlowOp;

// ORDER BINOP: the in-place rows mirror the plain rows one for one.
static_assert(int(FlowOp::INPLACE_AND) - int(FlowOp::INPLACE_ADD) ==
                  int(FlowOp::AND) - int(FlowOp::ADD),
              "flowops.def: in-place operators follow the order of the plain ones");

FlowOp plainOp(FlowOp op) {
  if (op >= FlowOp::INPLACE_ADD && op <= FlowOp::INPLACE_AND)
    return FlowOp(int(op) - int(FlowOp::INPLACE_ADD) + int(FlowOp::ADD));
  return op;
}

const char *opSymbol(FlowOp op) {
  static const char *const symbols[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|",
                                        "^", "&"};
  if (op >= FlowOp::ADD && op <= FlowOp::AND) return symbols[int(op) - int(FlowOp::ADD)];
  static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">="};
  if (op >= FlowOp::LT && op <= FlowOp::GE) return cmps[int(op) - int(FlowOp::LT)];
  return "?";
}

bool nonnegOf(const Ann &a) { return a->kind == SomeKind::BOOL || a->nonneg; }

/// int (or bool) op int (or bool).
Ann intArith(FlowOp op, const Ann &a, const Ann &b) {
  bool na = nonnegOf(a), nb = nonnegOf(b);
  bool bools = a->kind == SomeKind::BOOL && b->kind == SomeKind::BOOL;
  bool uns = a->isUnsigned || b->isUnsigned;
  switch (op) {
  case FlowOp::ADD:
  case FlowOp::MUL:
  case FlowOp::FLOORDIV:
    return someInteger(na && nb, uns);
  case FlowOp::MOD:
    return someInteger(nb, uns);
  case FlowOp::POW:
  case FlowOp::LSHIFT:
  case FlowOp::RSHIFT:
    return someInteger(na, uns);
  case FlowOp::AND:
    return bools ? someBool() : someInteger(na || nb, uns);
  case FlowOp::OR:
  case FlowOp::XOR:
    return bools ? someBool() : someInteger(na && nb, uns);
  case FlowOp::TRUEDIV:
    return someFloat();
  case FlowOp::SUB:
    return someInteger(false, uns);
  default:
    break; // comparisons and the rest are not arithmetic
  }
  return nullptr;
}

Ann numberArith(FlowOp op, const Ann &a, const Ann &b) {
  if (isIntLike(a) && isIntLike(b)) return intArith(op, a, b);
  switch (op) {
  case FlowOp::ADD:
  case FlowOp::SUB:
  case FlowOp::MUL:
  case FlowOp::TRUEDIV:
  case FlowOp::FLOORDIV:
  case FlowOp::MOD:
  case FlowOp::POW:
    return someFloat();
  default:
    return nullptr; // bit operations are not defined on floats
  }
}

Ann concatLists(OpContext &c, const Ann &a, const Ann &b, bool inplace) {
  if (inplace) {
    c.bk().unifyLists(a->listDef, b->listDef);
    a->listDef->find()->resized = true;
    return withoutConst(a);
  }
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  c.bk().unifyLists(d, a->listDef);
  c.bk().unifyLists(d, b->listDef);
  return someList(d->find());
}

Ann sequenceArith(OpContext &c, FlowOp op, const Ann &a, const Ann &b, bool inplace) {
  if (op == FlowOp::ADD && isStrLike(a) && isStrLike(b)) return someString();
  if (op == FlowOp::MUL && isStrLike(a) && isIntLike(b)) return someString();
  if (op == FlowOp::MUL && isIntLike(a) && isStrLike(b)) return someString();
  if (op == FlowOp::MOD && isStrLike(a)) return someString();
  if (op == FlowOp::ADD && a->kind == SomeKind::LIST && b->kind == SomeKind::LIST)
    return concatLists(c, a, b, inplace);
  if (op == FlowOp::MUL && a->kind == SomeKind::LIST && isIntLike(b)) {
    ListDef *d = c.bk().listDefAt(&c.op, c.loc());
    c.bk().unifyLists(d, a->listDef);
    return someList(d->find());
  }
  if (op == FlowOp::ADD && a->kind == SomeKind::TUPLE && b->kind == SomeKind::TUPLE) {
    std::vector<Ann> items = a->items;
    items.insert(items.end(), b->items.begin(), b->items.end());
    return someTuple(std::move(items));
  }
  return nullptr;
}

Ann arithmetic(OpContext &c) {
  FlowOp op = plainOp(c.op.op);
  bool inplace = op != c.op.op;
  const Ann &a = c.args[0], &b = c.args[1];
  Ann r = isNumber(a) && isNumber(b) ? numberArith(op, a, b)
                                     : sequenceArith(c, op, a, b, inplace);
  if (r) return r;
  c.error(std::string("unsupported operand types for ") + opSymbol(op) + ": " + printType(a) +
          " and " + printType(b));
  return someImpossible();
}

bool comparable(FlowOp op, const Ann &a, const Ann &b) {
  if (isNumber(a) && isNumber(b)) return true;
  if (isStrLike(a) && isStrLike(b)) return true;
  if (a->kind == SomeKind::TUPLE && b->kind == SomeKind::TUPLE) return true;
  if (op != FlowOp::EQ && op != FlowOp::NE) return false;
  return a->kind == b->kind || a->kind == SomeKind::NONE || b->kind == SomeKind::NONE;
}

Ann comparison(OpContext &c) {
  const Ann &a = c.args[0], &b = c.args[1];
  if (comparable(c.op.op, a, b)) return someBool();
  c.error(std::string("cannot compare ") + printType(a) + " " + opSymbol(c.op.op) + " " +
          printType(b));
  return someImpossible();
}

/// `x is y`: folds on constants; `x is None` narrows x in both branches.
Ann identity(OpContext &c) {
  const Ann &a = c.args[0], &b = c.args[1];
  if (a->hasConst && b->hasConst)
    return withConst(someBool(), eval::Value::boolean(a->constValue.identical(b->constValue)));
  for (int side = 0; side < 2; ++side) {
    const Ann &x = c.args[side], &other = c.args[1 - side];
    if (other->kind != SomeKind::NONE) continue;
    if (!canBeNone(x)) return withConst(someBool(), eval::Value::boolean(false));
    if (!c.op.args[side].isVar()) return someBool();
    auto kt = std::make_shared<KnownTypes>();
    kt->ifTrue.push_back({c.op.args[side].var(), someNone()});
    kt->ifFalse.push_back({c.op.args[side].var(), withNone(x, false)});
    return withKnownTypes(someBool(), kt);
  }
  return someBool();
}

} // namespace

Ann binaryOp(OpContext &c) {
  FlowOp op = c.op.op;
  if (op == FlowOp::IS) return identity(c);
  if (op >= FlowOp::LT && op <= FlowOp::GE) return comparison(c);
  return arithmetic(c);
}

} // namespace lathe::ann
