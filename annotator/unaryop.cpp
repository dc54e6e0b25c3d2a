//===- unaryop.cpp - Annotation rules of one-argument operations ----------===//
// pos neg invert bool not_ type len iter next (RPython's unaryop.py).
// Truth tests produce narrowing facts: in the branch where `bool(x)` is
// true, a nullable x is not None; `not_` swaps the facts of its argument.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

std::string OpContext::argName(size_t i) const {
  const flow::Hlvalue &v = op.args[i];
  if (v.isVar() && !v.var()->hint.empty()) return "`" + v.var()->hint + "`";
  return "the value";
}

const eval::Value *OpContext::constArg(size_t i) const {
  if (i >= args.size() || !args[i]->hasConst) return nullptr;
  return &args[i]->constValue;
}

namespace {

/// Truth value of a translation-time constant, when it is simple.
std::optional<bool> constTruth(const Ann &a) {
  if (a->kind == SomeKind::NONE) return false;
  if (!a->hasConst) {
    if (a->kind == SomeKind::INSTANCE && !a->canBeNone) return true;
    return std::nullopt;
  }
  const eval::Value &v = a->constValue;
  if (v.isBool() || v.isInt()) return v.asInt() != 0;
  if (v.isFloat()) return v.asFloat() != 0.0;
  if (auto *s = eval::asStr(v)) return !s->value.empty();
  if (auto *t = eval::asTuple(v)) return !t->items.empty();
  return std::nullopt;
}

Ann truthTest(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind == SomeKind::BOOL && a->knownTypes) return a;
  if (auto t = constTruth(a)) return withConst(someBool(), eval::Value::boolean(*t));
  if (!canBeNone(a) || !c.op.args[0].isVar()) return someBool();
  auto kt = std::make_shared<KnownTypes>();
  kt->ifTrue.push_back({c.op.args[0].var(), withNone(a, false)});
  return withKnownTypes(someBool(), kt);
}

Ann notOp(OpContext &c) {
  Ann t = truthTest(c);
  if (t->hasConst) return withConst(someBool(), eval::Value::boolean(!t->constValue.asBool()));
  if (!t->knownTypes) return someBool();
  auto kt = std::make_shared<KnownTypes>();
  kt->ifTrue = t->knownTypes->ifFalse;
  kt->ifFalse = t->knownTypes->ifTrue;
  return withKnownTypes(someBool(), kt);
}

Ann arith(OpContext &c, const char *what) {
  const Ann &a = c.args[0];
  if (a->kind == SomeKind::FLOAT && c.op.op != flow::FlowOp::INVERT) return someFloat();
  if (isIntLike(a))
    return someInteger(c.op.op == flow::FlowOp::POS && a->nonneg, a->isUnsigned);
  c.error(std::string("bad operand type for unary ") + what + ": " + printType(a));
  return someImpossible();
}

Ann typeOp(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind != SomeKind::INSTANCE) {
    c.error("type() of " + printType(a) + " is not supported at run time");
    return someImpossible();
  }
  auto s = std::make_shared<SomeValue>(*someExcType(a->classDef));
  if (c.op.args[0].isVar()) s->typeOf = {c.op.args[0].var()};
  return s;
}

Ann lenOp(OpContext &c) {
  const Ann &a = c.args[0];
  switch (a->kind) {
  case SomeKind::TUPLE:
    return withConst(someInteger(true), eval::Value::integer(int64_t(a->items.size())));
  case SomeKind::CHAR:
    return withConst(someInteger(true), eval::Value::integer(1));
  case SomeKind::STRING:
  case SomeKind::LIST:
  case SomeKind::DICT:
    return someInteger(true);
  case SomeKind::IMPOSSIBLE:
  case SomeKind::BOOL:
  case SomeKind::INTEGER:
  case SomeKind::FLOAT:
  case SomeKind::INSTANCE:
  case SomeKind::PBC:
  case SomeKind::NONE:
  case SomeKind::ITERATOR:
  case SomeKind::EXCTYPE:
  case SomeKind::BUILTIN:
  case SomeKind::BUILTIN_METHOD:
    break;
  }
  c.error("object of type " + printType(a) + " has no len()");
  return someImpossible();
}

Ann iterOp(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind == SomeKind::ITERATOR) return a;
  if (a->kind == SomeKind::TUPLE) {
    Ann item = someImpossible();
    for (const Ann &x : a->items) {
      UnionResult u = unionOf(item, x);
      if (!u.ok()) {
        c.error("cannot iterate over a tuple whose items differ (" + printType(a) + ")");
        return someImpossible();
      }
      item = u.value;
    }
  } else if (!iterItem(c, a, IterKind::ITEMS)) {
    c.error(printType(a) + " is not iterable");
    return someImpossible();
  }
  return someIterator(withoutConst(a), IterKind::ITEMS);
}

Ann nextOp(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind != SomeKind::ITERATOR) {
    c.error(printType(a) + " is not an iterator");
    return someImpossible();
  }
  Ann item = iterItem(c, a->items[0], a->iterKind);
  return item ? item : someImpossible();
}

} // namespace

Ann iterItem(OpContext &c, const Ann &container, IterKind kind) {
  if (kind == IterKind::ENUMERATE) {
    // enumerate(x): (index, what iterating x yields), whatever x is
    // (a list, a str, a dict's keys, or d.items() itself).
    Ann item = iterItem(c, container, IterKind::ITEMS);
    return item ? someTuple({someInteger(true), item}) : nullptr;
  }
  switch (container->kind) {
  case SomeKind::LIST:
    return c.bk().readSlot(container->listDef->find()->item, c.pos(), nullptr);
  case SomeKind::STRING:
  case SomeKind::CHAR:
    return someChar();
  case SomeKind::DICT: {
    DictDef *d = container->dictDef->find();
    if (kind == IterKind::VALUES) return c.bk().readSlot(d->value, c.pos(), nullptr);
    Ann k = c.bk().readSlot(d->key, c.pos(), nullptr);
    if (kind != IterKind::PAIRS) return k;
    Ann v = c.bk().readSlot(d->value, c.pos(), nullptr);
    return someTuple({k, v});
  }
  case SomeKind::TUPLE: {
    Ann item = someImpossible();
    for (const Ann &x : container->items) {
      UnionResult u = unionOf(item, withoutConst(x));
      if (!u.ok()) return nullptr;
      item = u.value;
    }
    return item;
  }
  case SomeKind::ITERATOR: // iterating an iterator yields what it yields
    return iterItem(c, container->items[0], container->iterKind);
  case SomeKind::IMPOSSIBLE:
  case SomeKind::BOOL:
  case SomeKind::INTEGER:
  case SomeKind::FLOAT:
  case SomeKind::INSTANCE:
  case SomeKind::PBC:
  case SomeKind::NONE:
  case SomeKind::EXCTYPE:
  case SomeKind::BUILTIN:
  case SomeKind::BUILTIN_METHOD:
    break;
  }
  return nullptr;
}

Ann unaryOp(OpContext &c) {
  using flow::FlowOp;
  FlowOp op = c.op.op;
  if (op == FlowOp::POS) return arith(c, "+");
  if (op == FlowOp::NEG) return arith(c, "-");
  if (op == FlowOp::INVERT) return arith(c, "~");
  if (op == FlowOp::BOOL) return truthTest(c);
  if (op == FlowOp::NOT) return notOp(c);
  if (op == FlowOp::TYPE) return typeOp(c);
  if (op == FlowOp::LEN) return lenOp(c);
  if (op == FlowOp::ITER) return iterOp(c);
  assert(op == FlowOp::NEXT && "unaryOp called with a non-unary operation");
  return nextOp(c);
}

} // namespace lathe::ann
