//===- rtuple.cpp - Lowering of tuple operations --------------------------===//
// A tuple is Ptr(TUPLEn), a GcStruct with one field per item (item0,
// item1, ...) in the item's representation (repr.cpp's tupleType); an item
// without storage (None) has no field to read. Tuples are immutable, so
// every operation reads fields or builds a new struct:
//
//   (a, b)            malloc + setfield per item
//   t[k]              getfield item<k> (k a translation-time constant, the
//                     annotator checks it; negative counts from the end)
//   t + u, t += u     a new tuple of the result's type, item by item
//   x in t            x == item0 or x == item1 ...
//   t == u, t != u    item by item (CPython's ==: numbers by value across
//                     int/float/bool, strings by value, instances by
//                     identity, lists by value, nested tuples recursively)
//   t < u, <= > >=    lexicographic, as CPython: the first items that are
//                     not equal decide, else the lengths
// Comparisons are straight-line code (no branches): each item's equality
// and order are computed and combined with integer selects.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;

/// The equality functor of list items (rlist.cpp).

namespace {

/// Item `i` of tuple value `t` (annotation `a`), in its item's representation;
/// a constant when the tuple is a translation-time constant.
LLValue itemOf(Lowering &L, LLValue t, const Ann &a, size_t i) {
  if (a->hasConst)
    if (const eval::TupleObj *c = eval::asTuple(a->constValue))
      if (i < c->items.size())
        if (const LLConstant *k = L.rt.constantOf(c->items[i], a->items[i], L.loc)) return k;
  std::string f = "item" + std::to_string(i);
  if (L.rt.reprOf(a->items[i])->kind() == LLKind::VOID || !t.type()->isPtr() ||
      !t.type()->target()->fieldType(f))
    return L.cvoid();
  return L.getfield(t, f);
}

/// A new tuple of annotation `res` from item values (annotations `anns`).
LLValue newTuple(Lowering &L, const Ann &res, const std::vector<LLValue> &vals,
                 const std::vector<Ann> &anns) {
  const LLType *tt = L.rt.reprOf(res);
  if (!tt->isPtr() || !tt->target()->isStruct()) return LLValue();
  LLValue t = L.emit(LLOp::MALLOC, {L.ctype(tt->target())}, tt);
  for (size_t i = 0; i < vals.size() && i < res->items.size(); ++i) {
    std::string f = "item" + std::to_string(i);
    if (!tt->target()->fieldType(f)) continue;
    if (L.rt.reprOf(res->items[i])->kind() == LLKind::VOID) continue;
    L.setfield(t, f, L.convert(vals[i], anns[i], res->items[i]));
  }
  return t;
}

// --- bool arithmetic without branches ---------------------------------------------

LLValue asInt(Lowering &L, LLValue b) {
  if (b.isConst()) return L.cint(std::get<bool>(b.cst()->value) ? 1 : 0);
  return L.emit(LLOp::CAST_BOOL_TO_INT, {b}, L.types.signedType());
}
bool constBool(const LLValue &b, bool &out) {
  if (!b.isConst()) return false;
  const bool *p = std::get_if<bool>(&b.cst()->value);
  if (!p) return false;
  out = *p;
  return true;
}
LLValue andB(Lowering &L, LLValue x, LLValue y) {
  bool c;
  if (constBool(x, c)) return c ? y : x;
  if (constBool(y, c)) return c ? x : y;
  return L.emit(LLOp::INT_IS_TRUE,
                {L.emit(LLOp::INT_AND, {asInt(L, x), asInt(L, y)}, L.types.signedType())},
                L.types.boolType());
}
LLValue orB(Lowering &L, LLValue x, LLValue y) {
  bool c;
  if (constBool(x, c)) return c ? x : y;
  if (constBool(y, c)) return c ? y : x;
  return L.emit(LLOp::INT_IS_TRUE,
                {L.emit(LLOp::INT_OR, {asInt(L, x), asInt(L, y)}, L.types.signedType())},
                L.types.boolType());
}
LLValue notB(Lowering &L, LLValue x) {
  bool c;
  if (constBool(x, c)) return L.cbool(!c);
  return L.emit(LLOp::BOOL_NOT, {x}, L.types.boolType());
}
/// cond ? x : y
LLValue select(Lowering &L, LLValue cond, LLValue x, LLValue y) {
  bool c;
  if (constBool(cond, c)) return c ? x : y;
  return orB(L, andB(L, cond, x), andB(L, notB(L, cond), y));
}

int cmpIndex(FlowOp o) { return int(o) - int(FlowOp::LT); } // LT LE EQ NE GT GE

bool cmpInts(FlowOp o, int64_t a, int64_t b) {
  switch (o) {
  case FlowOp::LT: return a < b;
  case FlowOp::LE: return a <= b;
  case FlowOp::EQ: return a == b;
  case FlowOp::NE: return a != b;
  case FlowOp::GT: return a > b;
  default: return a >= b;
  }
}

bool isPtrLike(const Ann &a) {
  return a->kind == SomeKind::INSTANCE || a->kind == SomeKind::STRING ||
         a->kind == SomeKind::LIST || a->kind == SomeKind::DICT || a->kind == SomeKind::PBC;
}

LLValue compareValues(Lowering &L, FlowOp o, LLValue a, const Ann &A, LLValue b, const Ann &B);

/// Lexicographic comparison of two tuples.
LLValue compareTuples(Lowering &L, FlowOp o, LLValue a, const Ann &A, LLValue b, const Ann &B) {
  size_t n = A->items.size(), m = B->items.size();
  if (o == FlowOp::EQ || o == FlowOp::NE) {
    if (n != m) return L.cbool(o == FlowOp::NE);
    LLValue r = L.cbool(true);
    for (size_t i = 0; i < n; ++i) {
      LLValue e = compareValues(L, FlowOp::EQ, itemOf(L, a, A, i), A->items[i], itemOf(L, b, B, i),
                                B->items[i]);
      if (e.isNull()) return e;
      r = andB(L, r, e);
    }
    return o == FlowOp::NE ? notB(L, r) : r;
  }
  LLValue r = L.cbool(cmpInts(o, int64_t(n), int64_t(m)));
  for (size_t k = std::min(n, m); k-- > 0;) {
    LLValue x = itemOf(L, a, A, k), y = itemOf(L, b, B, k);
    LLValue e = compareValues(L, FlowOp::EQ, x, A->items[k], y, B->items[k]);
    if (e.isNull()) return e;
    bool ce;
    if (constBool(e, ce) && ce) continue; // equal: the rest decides
    LLValue c = compareValues(L, o, x, A->items[k], y, B->items[k]);
    if (c.isNull()) return c;
    r = select(L, e, r, c);
  }
  return r;
}

/// `a op b` for two values of any kinds (CPython's semantics), as a Bool;
/// null after reporting when not supported.
LLValue compareValues(Lowering &L, FlowOp o, LLValue a, const Ann &A, LLValue b, const Ann &B) {
  TypeContext &T = L.types;
  RTyper &rt = L.rt;
  bool eqop = o == FlowOp::EQ || o == FlowOp::NE;
  int idx = cmpIndex(o);
  if (ann::isNumber(A) && ann::isNumber(B)) {
    static const LLOp intOps[] = {LLOp::INT_LT, LLOp::INT_LE, LLOp::INT_EQ, LLOp::INT_NE, LLOp::INT_GT, LLOp::INT_GE};
    static const LLOp uintOps[] = {LLOp::UINT_LT, LLOp::UINT_LE, LLOp::UINT_EQ, LLOp::UINT_NE, LLOp::UINT_GT, LLOp::UINT_GE};
    static const LLOp floatOps[] = {LLOp::FLOAT_LT, LLOp::FLOAT_LE, LLOp::FLOAT_EQ, LLOp::FLOAT_NE, LLOp::FLOAT_GT, LLOp::FLOAT_GE};
    Ann k;
    const LLOp *ops;
    if (A->kind == SomeKind::FLOAT || B->kind == SomeKind::FLOAT) {
      k = ann::someFloat();
      ops = floatOps;
    } else if (A->isUnsigned || B->isUnsigned) {
      k = ann::someInteger(false, true);
      ops = uintOps;
    } else {
      k = ann::someInteger();
      ops = intOps;
    }
    return L.emit(ops[idx], {L.convert(a, A, k), L.convert(b, B, k)}, T.boolType());
  }
  if (A->kind == SomeKind::CHAR && B->kind == SomeKind::CHAR) {
    static const LLOp charOps[] = {LLOp::CHAR_LT, LLOp::CHAR_LE, LLOp::CHAR_EQ, LLOp::CHAR_NE, LLOp::CHAR_GT, LLOp::CHAR_GE};
    return L.emit(charOps[idx], {a, b}, T.boolType());
  }
  if (ann::isStrLike(A) && ann::isStrLike(B)) {
    LLValue x = L.convert(a, A, ann::someString(A->canBeNone));
    LLValue y = L.convert(b, B, ann::someString(B->canBeNone));
    if (eqop) {
      LLValue e = L.call("ll_str_eq", {x, y}, T.boolType());
      return o == FlowOp::NE ? notB(L, e) : e;
    }
    LLValue c = L.call("ll_str_cmp", {x, y}, T.signedType());
    static const LLOp intOps[] = {LLOp::INT_LT, LLOp::INT_LE, LLOp::INT_EQ, LLOp::INT_NE, LLOp::INT_GT, LLOp::INT_GE};
    return L.emit(intOps[idx], {c, L.cint(0)}, T.boolType());
  }
  if (A->kind == SomeKind::TUPLE && B->kind == SomeKind::TUPLE) return compareTuples(L, o, a, A, b, B);
  if (!eqop) {
    L.unsupported("ordering " + ann::printType(A) + " and " + ann::printType(B));
    return LLValue();
  }
  bool ne = o == FlowOp::NE;
  if (A->kind == SomeKind::NONE || B->kind == SomeKind::NONE) {
    const Ann &X = A->kind == SomeKind::NONE ? B : A;
    LLValue x = A->kind == SomeKind::NONE ? b : a;
    if (X->kind == SomeKind::NONE) return L.cbool(!ne);
    if (!ann::canBeNone(X) || !x.type()->isPtr()) return L.cbool(ne);
    return L.emit(ne ? LLOp::PTR_NONZERO : LLOp::PTR_ISZERO, {x}, T.boolType());
  }
  if (A->kind == SomeKind::LIST && B->kind == SomeKind::LIST &&
      rt.listKind(A->listDef) != RTyper::ListKind::RANGE &&
      rt.listKind(B->listDef) != RTyper::ListKind::RANGE) {
    std::string eq = listItemEq(L, A->listDef->find()->item.ann);
    if (eq.empty()) {
      L.unsupported("comparing lists of " + ann::printType(A->listDef->find()->item.ann));
      return LLValue();
    }
    LLValue e = L.call("ll_seq_eq_by<" + eq + ">", {a, b}, T.boolType());
    return ne ? notB(L, e) : e;
  }
  if (A->kind == SomeKind::INSTANCE && B->kind == SomeKind::INSTANCE) {
    LLValue x = L.castPtr(a, rt.objectPtr()), y = L.castPtr(b, rt.objectPtr());
    return L.emit(ne ? LLOp::PTR_NE : LLOp::PTR_EQ, {x, y}, T.boolType());
  }
  if (A->kind == B->kind && isPtrLike(A) && a.type() == b.type() && a.type()->isPtr())
    return L.emit(ne ? LLOp::PTR_NE : LLOp::PTR_EQ, {a, b}, T.boolType());
  bool differentKinds = A->kind != B->kind && !(ann::isNumber(A) && ann::isNumber(B)) &&
                        !(ann::isStrLike(A) && ann::isStrLike(B));
  if (differentKinds && A->kind != SomeKind::PBC && B->kind != SomeKind::PBC)
    return L.cbool(ne); // an int is never equal to a str, ...
  L.unsupported("comparing " + ann::printType(A) + " and " + ann::printType(B));
  return LLValue();
}

} // namespace

LLValue lowerTupleOp(Lowering &L) {
  FlowOp o = L.op->op;
  Ann res = L.resultAnn();
  switch (o) {
  case FlowOp::NEWTUPLE: {
    if (res->kind != SomeKind::TUPLE) return LLValue();
    std::vector<LLValue> vals;
    std::vector<Ann> anns;
    for (size_t i = 0; i < L.nargs(); ++i) {
      vals.push_back(L.arg(i));
      anns.push_back(L.argAnn(i));
    }
    return newTuple(L, res, vals, anns);
  }
  case FlowOp::GETITEM: {
    Ann a = L.argAnn(0);
    const eval::Value *c = L.constArg(1);
    if (a->kind != SomeKind::TUPLE || !c || !(c->isInt() || c->isBool())) return LLValue();
    int64_t k = c->isInt() ? c->asInt() : int64_t(c->asInt() != 0);
    int64_t n = int64_t(a->items.size());
    if (k < 0) k += n;
    if (k < 0 || k >= n) return LLValue();
    LLValue x = itemOf(L, L.arg(0), a, size_t(k));
    return L.convert(x, a->items[size_t(k)], res);
  }
  case FlowOp::ADD:
  case FlowOp::INPLACE_ADD: {
    Ann a = L.argAnn(0), b = L.argAnn(1);
    if (a->kind != SomeKind::TUPLE || b->kind != SomeKind::TUPLE || res->kind != SomeKind::TUPLE)
      return LLValue();
    std::vector<LLValue> vals;
    std::vector<Ann> anns;
    LLValue x = L.arg(0), y = L.arg(1);
    for (size_t i = 0; i < a->items.size(); ++i) {
      vals.push_back(itemOf(L, x, a, i));
      anns.push_back(a->items[i]);
    }
    for (size_t i = 0; i < b->items.size(); ++i) {
      vals.push_back(itemOf(L, y, b, i));
      anns.push_back(b->items[i]);
    }
    return newTuple(L, res, vals, anns);
  }
  case FlowOp::CONTAINS: {
    // contains(tuple, x): x == any item.
    Ann a = L.argAnn(0), x = L.argAnn(1);
    if (a->kind != SomeKind::TUPLE) return LLValue();
    LLValue t = L.arg(0), v = L.arg(1);
    LLValue r = L.cbool(false);
    for (size_t i = 0; i < a->items.size(); ++i) {
      LLValue e = compareValues(L, FlowOp::EQ, v, x, itemOf(L, t, a, i), a->items[i]);
      if (e.isNull()) return L.cbool(false); // reported
      r = orB(L, r, e);
    }
    return r;
  }
  case FlowOp::LT:
  case FlowOp::LE:
  case FlowOp::EQ:
  case FlowOp::NE:
  case FlowOp::GT:
  case FlowOp::GE: {
    LLValue r = compareValues(L, o, L.arg(0), L.argAnn(0), L.arg(1), L.argAnn(1));
    return r.isNull() ? L.cbool(false) : r; // null: reported
  }
  default:
    break;
  }
  return LLValue();
}

} // namespace lathe::rtyper
