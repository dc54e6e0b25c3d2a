//===- riter.cpp - Iterators: for loops over ranges, lists, strs, dicts ---===//
// `iter(x)` allocates an iterator struct; a for loop's `next` lowers inline
// (lower_graph.cpp): a Bool test, then the item in the loop body, so no
// StopIteration is ever raised. Layouts (GcStructs made here):
//   range            ITER_RANGE {next, remaining, step}  (remaining: ll_range_len)
//   list             ITERn {list, index}      (resizable: length read each step,
//   fixed list       ITERn {list, index}       so appends while iterating are seen)
//   str              ITERn {list, index}
//   dict (keys, values, items)   the runtime's RDictIter (its helpers raise
//                    RuntimeError when the dict changes size)
//   enumerate(x)     ITERn {inner, count}     around x's iterator
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

using ann::Ann;
using ann::IterKind;
using ann::SomeKind;

namespace {

/// The iterator over the container alone (enumerate's inner iterator).
Ann innerIter(const Ann &it) {
  // enumerate(d.items()): the container is itself an iterator.
  if (it->items[0]->kind == SomeKind::ITERATOR) return it->items[0];
  return ann::someIterator(it->items[0], it->iterKind == IterKind::ENUMERATE ? IterKind::ITEMS
                                                                              : it->iterKind);
}

} // namespace

/// The union of a tuple's item annotations (iterating over a tuple).
Ann tupleItemAnn(const Ann &tuple) {
  Ann u = ann::someImpossible();
  for (const Ann &x : tuple->items) {
    ann::UnionResult r = ann::unionOf(u, ann::withoutConst(x));
    if (r.ok()) u = r.value;
  }
  return u;
}

namespace {

bool isDict(const Ann &it) { return it->items[0]->kind == SomeKind::DICT; }
bool isRange(RTyper &rt, const Ann &it) {
  return it->items[0]->kind == SomeKind::LIST && rt.listKind(it->items[0]->listDef) == RTyper::ListKind::RANGE;
}

std::string dictTemplateArgs(RTyper &rt, const LLType *dictPtr) {
  // "RDict<K, V, Tr>" -> "<K, V, Tr>"
  const std::string &c = dictPtr->target()->cppName();
  return c.substr(5);
}

} // namespace

const LLType *RTyper::iteratorType(const Ann &it) {
  const Ann &c = it->items[0];
  if (it->iterKind == IterKind::ENUMERATE) {
    const LLType *inner = iteratorType(innerIter(it));
    std::string key = "enum:" + inner->str();
    auto f = iterTypes_.find(key);
    if (f != iterTypes_.end()) return f->second;
    const LLType *s = types.gcStruct("ITER" + std::to_string(iterTypes_.size()),
                                     {{"inner", inner}, {"count", types.signedType()}});
    return iterTypes_[key] = types.ptr(s);
  }
  if (c->kind == SomeKind::DICT) {
    const LLType *d = dictType(c->dictDef);
    std::string args = dictTemplateArgs(*this, d);
    return types.ptr(types.runtimeStruct("DICTITER" + args, "RDictIter" + args, {{"pos", types.signedType()}}));
  }
  if (isRange(*this, it)) {
    const LLType *s = types.findStruct("ITER_RANGE");
    if (!s)
      s = types.gcStruct("ITER_RANGE", {{"next", types.signedType()},
                                        {"remaining", types.signedType()},
                                        {"step", types.signedType()}});
    return types.ptr(s);
  }
  const LLType *ct = c->kind == SomeKind::TUPLE ? types.ptr(types.gcArray(reprOf(tupleItemAnn(c))))
                                                : reprOf(c);
  std::string key = ct->str();
  auto f = iterTypes_.find(key);
  if (f != iterTypes_.end()) return f->second;
  const LLType *s = types.gcStruct("ITER" + std::to_string(iterTypes_.size()),
                                   {{"list", ct}, {"index", types.signedType()}});
  return iterTypes_[key] = types.ptr(s);
}

namespace {

LLValue makeIter(Lowering &L, LLValue container, const Ann &it) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const LLType *itType = rt.iteratorType(it);
  if (it->iterKind == IterKind::ENUMERATE) {
    LLValue inner = it->items[0]->kind == SomeKind::ITERATOR ? container
                                                             : makeIter(L, container, innerIter(it));
    LLValue e = L.emit(LLOp::MALLOC, {L.ctype(itType->target())}, itType);
    L.setfield(e, "inner", inner);
    L.setfield(e, "count", L.cint(0));
    return e;
  }
  if (isDict(it)) return L.call("ll_dict_iter_new", {container}, itType);
  LLValue r = L.emit(LLOp::MALLOC, {L.ctype(itType->target())}, itType);
  if (isRange(rt, it)) {
    // The number of items left makes the loop test one compare.
    LLValue start = L.getfield(container, "start"), step = L.getfield(container, "step");
    LLValue n = L.call("ll_range_len", {start, L.getfield(container, "stop"), step}, L.types.signedType());
    L.setfield(r, "next", start);
    L.setfield(r, "remaining", n);
    L.setfield(r, "step", step);
    return r;
  }
  if (it->items[0]->kind == SomeKind::TUPLE) {
    // A tuple iterates as a fixed array of its items (all one type).
    const Ann &tup = it->items[0];
    Ann itemAnn = tupleItemAnn(tup);
    const LLType *arr = itType->target()->fieldType("list");
    LLValue a = L.emit(LLOp::MALLOC_VARSIZE, {L.ctype(arr->target()), L.cint(int64_t(tup->items.size()))}, arr);
    for (size_t i = 0; i < tup->items.size(); ++i) {
      LLValue x = L.getfield(container, "item" + std::to_string(i));
      L.emit(LLOp::SETARRAYITEM, {a, L.cint(int64_t(i)), L.convert(x, tup->items[i], itemAnn)}, T.voidType());
    }
    container = a;
  }
  L.setfield(r, "list", container);
  L.setfield(r, "index", L.cint(0));
  return r;
}

} // namespace

LLValue makeIterator(Lowering &L, LLValue container, const Ann &it) {
  return makeIter(L, container, it);
}

LLValue iterHasNext(Lowering &L, LLValue it, const Ann &itAnn) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  if (itAnn->iterKind == IterKind::ENUMERATE)
    return iterHasNext(L, L.getfield(it, "inner"), innerIter(itAnn));
  if (isDict(itAnn)) return L.call("ll_dict_iter_has", {it}, T.boolType(), true);
  if (isRange(rt, itAnn))
    return L.emit(LLOp::INT_GT, {L.getfield(it, "remaining"), L.cint(0)}, T.boolType());
  LLValue c = L.getfield(it, "list");
  LLValue idx = L.getfield(it, "index");
  LLValue len;
  const Ann &cont = itAnn->items[0];
  if ((cont->kind == SomeKind::LIST && rt.listKind(cont->listDef) == RTyper::ListKind::FIXED) ||
      cont->kind == SomeKind::TUPLE)
    len = L.emit(LLOp::GETARRAYSIZE, {c}, T.signedType());
  else
    len = L.getfield(c, "length");
  return L.emit(LLOp::INT_LT, {idx, len}, T.boolType());
}

LLValue iterNextItem(Lowering &L, LLValue it, const Ann &itAnn, const Ann &res) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const Ann &cont = itAnn->items[0];
  if (itAnn->iterKind == IterKind::ENUMERATE) {
    LLValue inner = L.getfield(it, "inner");
    Ann innerAnn = innerIter(itAnn);
    LLValue count = L.getfield(it, "count");
    L.setfield(it, "count", L.emit(LLOp::INT_ADD, {count, L.cint(1)}, T.signedType()));
    // The item of the inner iterator, then the (index, item) tuple.
    Ann itemAnn = res->kind == SomeKind::TUPLE && res->items.size() == 2 ? res->items[1] : res;
    LLValue item = iterNextItem(L, inner, innerAnn, itemAnn);
    const LLType *tt = rt.reprOf(res);
    LLValue t = L.emit(LLOp::MALLOC, {L.ctype(tt->target())}, tt);
    L.setfield(t, "item0", L.convert(count, ann::someInteger(true), res->items[0]));
    L.setfield(t, "item1", item);
    return t;
  }
  if (cont->kind == SomeKind::DICT) {
    const ann::DictDef *dd = cont->dictDef->find();
    auto key = [&]() {
      const LLType *k = rt.reprOf(dd->key.ann);
      bool boolKey = k->kind() == LLKind::BOOL;
      if (k->kind() == LLKind::VOID || boolKey) k = T.signedType();
      LLValue r = L.call("ll_dict_iter_key", {it}, k);
      // Bool keys are stored as Signed.
      return boolKey ? LLValue(L.emit(LLOp::INT_IS_TRUE, {r}, T.boolType())) : r;
    };
    auto value = [&]() {
      const LLType *v = rt.reprOf(dd->value.ann);
      if (v->kind() == LLKind::VOID) v = T.boolType();
      return L.call("ll_dict_iter_value", {it}, v);
    };
    switch (itAnn->iterKind) {
    case IterKind::ITEMS: return L.convert(key(), dd->key.ann, res);
    case IterKind::VALUES: return L.convert(value(), dd->value.ann, res);
    case IterKind::PAIRS: {
      const LLType *tt = rt.reprOf(res);
      LLValue t = L.emit(LLOp::MALLOC, {L.ctype(tt->target())}, tt);
      L.setfield(t, "item0", L.convert(key(), dd->key.ann, res->items[0]));
      L.setfield(t, "item1", L.convert(value(), dd->value.ann, res->items[1]));
      return t;
    }
    default: return LLValue();
    }
  }
  if (isRange(rt, itAnn)) {
    LLValue next = L.getfield(it, "next"), step = L.getfield(it, "step");
    L.setfield(it, "next", L.emit(LLOp::INT_ADD, {next, step}, T.signedType()));
    L.setfield(it, "remaining", L.emit(LLOp::INT_SUB, {L.getfield(it, "remaining"), L.cint(1)}, T.signedType()));
    return next;
  }
  LLValue c = L.getfield(it, "list");
  LLValue idx = L.getfield(it, "index");
  L.setfield(it, "index", L.emit(LLOp::INT_ADD, {idx, L.cint(1)}, T.signedType()));
  if (cont->kind == SomeKind::STRING || cont->kind == SomeKind::CHAR)
    return L.emit(LLOp::GETARRAYITEM, {c, idx}, T.charType());
  if (cont->kind == SomeKind::TUPLE) {
    LLValue item = L.emit(LLOp::GETARRAYITEM, {c, idx}, c.type()->target()->item());
    return L.convert(item, tupleItemAnn(cont), res);
  }
  LLValue arr = c;
  if (rt.listKind(cont->listDef) == RTyper::ListKind::RESIZABLE)
    arr = L.getfield(c, "items");
  LLValue item = L.emit(LLOp::GETARRAYITEM, {arr, idx}, arr.type()->target()->item());
  return L.convert(item, cont->listDef->find()->item.ann, res);
}

LLValue lowerIterOp(Lowering &L) {
  if (L.op->op == flow::FlowOp::ITER) {
    Ann res = L.resultAnn();
    if (res->kind != SomeKind::ITERATOR) return LLValue();
    const Ann &c = res->items[0];
    LLValue container = L.arg(0);
    Ann a0 = L.argAnn(0);
    if (a0->kind == SomeKind::ITERATOR) return container; // iter(enumerate(...))
    if (c->kind == SomeKind::CHAR) container = L.convert(container, c, ann::someString());
    return makeIter(L, container, res);
  }
  // `next` outside a for loop (or not inline): through the same steps,
  // raising StopIteration at the end.
  return L.unsupported("next() outside a for loop");
}

} // namespace lathe::rtyper
