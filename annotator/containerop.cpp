//===- containerop.cpp - Annotation rules of container operations ---------===//
// newtuple newlist newdict getitem setitem delitem getslice setslice
// delslice contains. Lists and dicts made by an operation get one
// ListDef/DictDef per operation (reused when the block re-flows); reading an
// item registers the block as a reader of the shared item annotation, so
// generalising the item (append, setitem, unification) re-flows it.
// A slice is a new list (RPython's ListDef.offspring): it agrees with its
// source on the item type but is resized or mutated independently.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

/// RPython's ListDef.offspring (declared in binaryop.cpp until rules.h has it):
/// a fresh list per operation whose item is the union of the sources' items;
/// the sources are generalised to it, so all agree on the item type.
Ann listOffspring(OpContext &c, const std::vector<Ann> &sources) {
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  for (const Ann &src : sources) {
    SrcLoc origin;
    Ann item = c.bk().readSlot(src->listDef->find()->item, c.pos(), &origin);
    if (!isImpossible(item)) c.bk().generalize(d->find()->item, item, origin, c.loc(), "list item");
  }
  const Slot &merged = d->find()->item;
  if (!isImpossible(merged.ann))
    for (const Ann &src : sources)
      c.bk().generalize(src->listDef->find()->item, merged.ann, merged.origin, c.loc(), "list item");
  return someList(d->find());
}

namespace {

using flow::FlowOp;

Ann newList(OpContext &c) {
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  for (size_t i = 0; i < c.args.size(); ++i)
    c.bk().generalize(d->find()->item, c.args[i], c.origins[i], c.loc(), "list item");
  return someList(d->find());
}

Ann newDict(OpContext &c) {
  DictDef *d = c.bk().dictDefAt(&c.op, c.loc());
  for (size_t i = 0; i + 1 < c.args.size(); i += 2) {
    c.bk().generalize(d->find()->key, c.args[i], c.origins[i], c.loc(), "dict key");
    c.bk().generalize(d->find()->value, c.args[i + 1], c.origins[i + 1], c.loc(), "dict value");
  }
  return someDict(d->find());
}

Ann badIndex(OpContext &c, const Ann &container, const Ann &index) {
  c.error(printType(container) + " indices must be integers, not " + printType(index));
  return someImpossible();
}

bool checkKey(OpContext &c, DictDef *d, size_t keyArg) {
  c.bk().generalize(d->key, c.args[keyArg], c.origins[keyArg], c.loc(), "dict key");
  return true;
}

Ann getItem(OpContext &c) {
  const Ann &a = c.args[0], &i = c.args[1];
  switch (a->kind) {
  case SomeKind::LIST:
    if (!isIntLike(i)) return badIndex(c, a, i);
    return c.bk().readSlot(a->listDef->find()->item, c.pos(), nullptr);
  case SomeKind::STRING:
  case SomeKind::CHAR:
    if (!isIntLike(i)) return badIndex(c, a, i);
    return someChar();
  case SomeKind::TUPLE: {
    if (!isIntLike(i)) return badIndex(c, a, i);
    if (!i->hasConst) {
      c.error("tuple index must be a translation-time constant");
      return someImpossible();
    }
    int64_t k = i->constValue.asInt(), n = int64_t(a->items.size());
    if (k < 0) k += n;
    if (k < 0 || k >= n) {
      c.error("tuple index out of range (" + std::to_string(i->constValue.asInt()) + " for " +
              printType(a) + ")");
      return someImpossible();
    }
    return a->items[size_t(k)];
  }
  case SomeKind::DICT: {
    DictDef *d = a->dictDef->find();
    checkKey(c, d, 1);
    return c.bk().readSlot(d->find()->value, c.pos(), nullptr);
  }
  default:
    break; // everything else is not indexable
  }
  c.error(c.argName(0) + " is not indexable (it is " + printType(a) + ")");
  return someImpossible();
}

Ann setItem(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind == SomeKind::LIST) {
    if (!isIntLike(c.args[1])) return badIndex(c, a, c.args[1]);
    ListDef *d = a->listDef->find();
    d->mutated = true;
    c.bk().generalize(d->item, c.args[2], c.origins[2], c.loc(), "list item");
    return someNone();
  }
  if (a->kind == SomeKind::DICT) {
    DictDef *d = a->dictDef->find();
    d->mutated = true;
    checkKey(c, d, 1);
    c.bk().generalize(d->find()->value, c.args[2], c.origins[2], c.loc(), "dict value");
    return someNone();
  }
  c.error(c.argName(0) + " does not support item assignment (it is " + printType(a) + ")");
  return someImpossible();
}

Ann delItem(OpContext &c) {
  const Ann &a = c.args[0];
  if (a->kind == SomeKind::LIST) {
    a->listDef->find()->resized = true;
    return someNone();
  }
  if (a->kind == SomeKind::DICT) {
    a->dictDef->find()->mutated = true;
    checkKey(c, a->dictDef->find(), 1);
    return someNone();
  }
  c.error(c.argName(0) + " does not support item deletion (it is " + printType(a) + ")");
  return someImpossible();
}

bool sliceBounds(OpContext &c, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (isIntLike(c.args[i]) || c.args[i]->kind == SomeKind::NONE) continue;
    c.error("slice indices must be integers or None, not " + printType(c.args[i]));
    return false;
  }
  return true;
}

Ann getSlice(OpContext &c) {
  const Ann &a = c.args[0];
  if (!sliceBounds(c, 1, 4)) return someImpossible();
  if (isStrLike(a)) return someString();
  if (a->kind == SomeKind::LIST) return listOffspring(c, {a});
  c.error(c.argName(0) + " cannot be sliced (it is " + printType(a) + ")");
  return someImpossible();
}

Ann changeSlice(OpContext &c) {
  const Ann &a = c.args[0];
  if (!sliceBounds(c, 1, 4)) return someImpossible();
  if (a->kind != SomeKind::LIST) {
    c.error(c.argName(0) + " does not support slice assignment (it is " + printType(a) + ")");
    return someImpossible();
  }
  ListDef *d = a->listDef->find();
  d->resized = d->mutated = true;
  if (c.op.op == FlowOp::SETSLICE) {
    const Ann &v = c.args[4];
    if (v->kind != SomeKind::LIST) {
      c.error("can only assign a list to a list slice, not " + printType(v));
      return someImpossible();
    }
    c.bk().unifyLists(d, v->listDef);
  }
  return someNone();
}

/// `x in a`. As in RPython, the element generalises a list's item or a
/// dict's key: both sides must be comparable, and a clash names the origins.
Ann contains(OpContext &c) {
  const Ann &a = c.args[0], &x = c.args[1];
  if (isStrLike(a) && isStrLike(x)) return someBool();
  if (a->kind == SomeKind::TUPLE) return someBool();
  if (a->kind == SomeKind::LIST) {
    c.bk().generalize(a->listDef->find()->item, x, c.origins[1], c.loc(), "list item");
    return someBool();
  }
  if (a->kind == SomeKind::DICT) {
    checkKey(c, a->dictDef->find(), 1);
    return someBool();
  }
  c.error("`in` is not supported for " + printType(x) + " in " + printType(a));
  return someImpossible();
}

} // namespace

Ann containerOp(OpContext &c) {
  FlowOp op = c.op.op;
  if (op == FlowOp::NEWTUPLE) return someTuple(c.args);
  if (op == FlowOp::NEWLIST) return newList(c);
  if (op == FlowOp::NEWDICT) return newDict(c);
  if (op == FlowOp::GETITEM) return getItem(c);
  if (op == FlowOp::SETITEM) return setItem(c);
  if (op == FlowOp::DELITEM) return delItem(c);
  if (op == FlowOp::GETSLICE) return getSlice(c);
  if (op == FlowOp::SETSLICE || op == FlowOp::DELSLICE) return changeSlice(c);
  assert(op == FlowOp::CONTAINS && "containerOp called with another operation");
  return contains(c);
}

} // namespace lathe::ann
