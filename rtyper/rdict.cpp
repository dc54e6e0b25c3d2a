//===- rdict.cpp - Lowering of dict operations ----------------------------===//
// A dict is Ptr(DICT<K, V>) = the runtime's RDict<K, V, Traits>* (repr.cpp's
// dictType). Stored keys and values use the representations of the DictDef's
// key and value annotations, except that Bool and Void keys are stored as
// Signed and Void values (always None) as Bool false. Every operation is one
// runtime helper call (runtime/rdict.h):
//
//   {k: v, ...}        ll_dict_new<K, V, Tr>() + ll_dict_setitem per pair
//   d[k]               ll_dict_getitem          KeyError(repr(k))
//   d[k] = v           ll_dict_setitem
//   del d[k]           ll_dict_delitem          KeyError(repr(k))
//   k in d             ll_dict_contains
//   d.get(k[, dflt])   ll_dict_get
//   d.setdefault(k, v) ll_dict_setdefault
//   d.pop(k[, dflt])   ll_dict_pop / ll_dict_pop_default
//   d.clear()          ll_dict_clear
//   d1 == d2, !=       ll_dict_eq<ValueEq>      (d == None: a pointer test)
//   keys/values/items  an iterator (riter.cpp's makeIterator), or a list
//                      (ll_dict_to_list) when annotated as one
//
// When the result's representation differs from the stored value's (a value
// annotation widened by a default: d.get(k, 0.5) on int values, None values
// read as a nullable pointer, ...) the `_as<R, NoneValues>` helpers convert
// inside the call, so a helper that can raise is always the last operation
// emitted for the flow operation (the rule for guarded operations).
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;
using flow::Hlvalue;

namespace {

/// What the lowering of one dict needs: its DictDef, the stored key and
/// value types, and the C++ template arguments "<K, V, Tr>".
struct DictInfo {
  ann::DictDef *def = nullptr;
  Ann keyAnn, valueAnn;
  const LLType *dictPtr = nullptr;
  const LLType *keyType = nullptr;   // stored
  const LLType *valueType = nullptr; // stored
  bool keyVoid = false;              // key annotation is Void (stored as 0)
  bool valueVoid = false;            // value annotation is Void (stored as false)
  std::string templateArgs;          // "<K, V, Tr>"
};

DictInfo dictInfo(Lowering &L, const Ann &d) {
  RTyper &rt = L.rt;
  DictInfo di;
  di.def = d->dictDef->find();
  di.keyAnn = di.def->key.ann;
  di.valueAnn = di.def->value.ann;
  di.dictPtr = rt.dictType(di.def);
  const LLType *k = rt.reprOf(di.keyAnn), *v = rt.reprOf(di.valueAnn);
  di.keyVoid = k->kind() == LLKind::VOID;
  di.valueVoid = v->kind() == LLKind::VOID;
  if (di.keyVoid || k->kind() == LLKind::BOOL) k = L.types.signedType();
  if (di.valueVoid) v = L.types.boolType();
  di.keyType = k;
  di.valueType = v;
  const std::string &c = di.dictPtr->target()->cppName(); // "RDict<K, V, Tr>"
  di.templateArgs = c.substr(5);
  return di;
}

/// Lists and dicts are unhashable in Python (TypeError at run time); the
/// annotator lets them through as keys, so they are reported here.
bool badKey(Lowering &L, const DictInfo &di) {
  SomeKind k = di.keyAnn->kind;
  if (k != SomeKind::LIST && k != SomeKind::DICT) return false;
  L.unsupported("a dict with " + ann::printType(di.keyAnn) + " keys (unhashable in Python)");
  return true;
}

/// A flow value as a stored key.
LLValue keyOf(Lowering &L, const DictInfo &di, const Hlvalue &v) {
  if (di.keyVoid) return L.cint(0);
  if (di.keyAnn->kind == SomeKind::BOOL) return L.convertTo(v, ann::someInteger());
  return L.convertTo(v, di.keyAnn);
}

/// A flow value as a stored value.
LLValue valueOf(Lowering &L, const DictInfo &di, const Hlvalue &v) {
  if (di.valueVoid) return L.cbool(false);
  return L.convertTo(v, di.valueAnn);
}

/// Whether a stored value converts to the result's representation without
/// an operation (then the plain helpers return the result directly).
bool sameRepr(Lowering &L, const DictInfo &di, const LLType *result) {
  return result->kind() == LLKind::VOID || (!di.valueVoid && result == di.valueType);
}

/// "<R, NoneValues>" for the `_as` helpers.
std::string asArgs(Lowering &L, const DictInfo &di, const LLType *result) {
  return "<" + L.rt.cppType(result) + ", " + (di.valueVoid ? "true" : "false") + ">";
}

/// A helper's stored-value result as the flow result.
LLValue finishValue(Lowering &L, const DictInfo &di, LLValue r) {
  if (L.resultType()->kind() == LLKind::VOID) return L.cvoid();
  return L.convert(r, di.valueAnn, L.resultAnn());
}

/// d[k] (raises KeyError).
LLValue getItem(Lowering &L, const DictInfo &di, LLValue d, const Hlvalue &key) {
  LLValue k = keyOf(L, di, key);
  const LLType *rt_ = L.resultType();
  if (sameRepr(L, di, rt_))
    return finishValue(L, di, L.call("ll_dict_getitem", {d, k}, di.valueType, true));
  return L.call("ll_dict_getitem_as" + asArgs(L, di, rt_), {d, k}, rt_, true);
}

/// d.get(k, dflt) / d.pop(k, dflt): `dflt` a flow value, or null for None.
LLValue withDefault(Lowering &L, const DictInfo &di, LLValue d, const Hlvalue &key,
                    const Hlvalue *dflt, bool pop) {
  LLValue k = keyOf(L, di, key);
  Ann res = L.resultAnn();
  const LLType *rt_ = L.resultType();
  if (rt_->kind() == LLKind::VOID) {
    // None values and a None default: only the side effect matters.
    if (pop) L.call("ll_dict_pop_default", {d, k, L.cbool(false)}, di.valueType);
    return L.cvoid();
  }
  LLValue dv = dflt ? L.convertTo(*dflt, res) : L.convert(L.cvoid(), ann::someNone(), res);
  std::string plain = pop ? "ll_dict_pop_default" : "ll_dict_get";
  if (sameRepr(L, di, rt_)) return L.call(plain, {d, k, dv}, rt_);
  return L.call(plain + "_as" + asArgs(L, di, rt_), {d, k, dv}, rt_);
}

/// Whether a tuple's items all have the runtime's tuple-key item helpers
/// (ll_key_eq: numbers, chars, strs, instances, nested such tuples).
bool keyableTuple(Lowering &L, const Ann &t) {
  for (const Ann &x : t->items) {
    switch (x->kind) {
    case SomeKind::BOOL: case SomeKind::INTEGER: case SomeKind::FLOAT: case SomeKind::CHAR:
    case SomeKind::STRING: case SomeKind::INSTANCE:
      break;
    case SomeKind::TUPLE:
      if (!keyableTuple(L, x)) return false;
      break;
    default:
      return false;
    }
  }
  return true;
}

/// The value-equality traits of ll_dict_eq, or "" when not supported.
std::string valueEqTraits(Lowering &L, const DictInfo &di) {
  const LLType *v = di.valueType;
  switch (v->kind()) {
  case LLKind::BOOL:
  case LLKind::CHAR:
  case LLKind::SIGNED:
  case LLKind::UNSIGNED:
  case LLKind::FLOAT:
    return "LLPlainValueEq";
  default:
    break;
  }
  if (v == L.rt.strType()) return "LLStrKey";
  switch (di.valueAnn->kind) {
  case SomeKind::INSTANCE:
  case SomeKind::PBC:
    return "LLPlainValueEq"; // identity, as RPy's == of instances
  case SomeKind::TUPLE:
    return keyableTuple(L, di.valueAnn) ? "LLKeyItemEq" : "";
  default:
    return "";
  }
}

LLValue dictEq(Lowering &L, bool ne) {
  TypeContext &T = L.types;
  Ann a0 = L.argAnn(0), a1 = L.argAnn(1);
  LLValue a = L.arg(0), b = L.arg(1);
  auto finish = [&](LLValue eq) {
    return ne ? LLValue(L.emit(LLOp::BOOL_NOT, {eq}, T.boolType())) : eq;
  };
  if (a1->kind == SomeKind::NONE) return finish(L.emit(LLOp::PTR_ISZERO, {a}, T.boolType()));
  if (a1->kind != SomeKind::DICT) return LLValue();
  if (a.type() != b.type()) {
    L.unsupported("comparing dicts of different types (" + ann::printType(a0) + " and " +
                  ann::printType(a1) + ")");
    return L.cbool(false); // reported (a null result would report again)
  }
  DictInfo di = dictInfo(L, a0);
  std::string veq = valueEqTraits(L, di);
  if (veq.empty()) {
    L.unsupported("== of dicts whose values are " + ann::printType(di.valueAnn));
    return L.cbool(false);
  }
  return finish(L.call("ll_dict_eq<" + veq + ">", {a, b}, T.boolType()));
}

/// d.keys() / d.values() / d.items() as a list (`what` 0, 1, 2).
LLValue toList(Lowering &L, const DictInfo &di, LLValue d, int what) {
  RTyper &rt = L.rt;
  Ann res = L.resultAnn();
  if (rt.listKind(res->listDef) == RTyper::ListKind::RANGE) return LLValue();
  const LLType *lt = L.resultType();
  const LLType *item = rt.listItemType(res->listDef);
  Ann itemAnn = res->listDef->find()->item.ann;
  // Items are copied by C++ assignment: the stored types must agree with
  // the list's item types (up to bool/int and pointer upcasts).
  auto fits = [&](const LLType *stored, const LLType *want) {
    if (stored == want) return true;
    auto intLike = [](const LLType *t) { return t->kind() == LLKind::SIGNED || t->kind() == LLKind::BOOL; };
    if (intLike(stored) && intLike(want)) return true;
    return stored->isPtr() && want->isPtr() && stored->target()->isStruct() &&
           want->target()->isStruct() && stored->target()->inheritsFrom(want->target());
  };
  if (what == 0 && !fits(di.keyType, item)) return LLValue();
  if (what == 1 && (di.valueVoid || !fits(di.valueType, item))) return LLValue();
  if (what == 2) {
    if (itemAnn->kind != SomeKind::TUPLE || itemAnn->items.size() != 2 || di.valueVoid) return LLValue();
    if (!fits(di.keyType, rt.reprOf(itemAnn->items[0])) || !fits(di.valueType, rt.reprOf(itemAnn->items[1])))
      return LLValue();
  }
  return L.call("ll_dict_to_list<" + rt.cppType(lt) + ", " + std::to_string(what) + ">", {d}, lt);
}

} // namespace

LLValue lowerDictOp(Lowering &L) {
  TypeContext &T = L.types;
  FlowOp o = L.op->op;
  if (o == FlowOp::NEWDICT) {
    Ann res = L.resultAnn();
    if (res->kind != SomeKind::DICT) return LLValue();
    DictInfo di = dictInfo(L, res);
    if (badKey(L, di)) return L.zeroOf(di.dictPtr);
    LLValue d = L.call("ll_dict_new" + di.templateArgs, {}, di.dictPtr);
    for (size_t i = 0; i + 1 < L.nargs(); i += 2) {
      LLValue k = keyOf(L, di, L.op->args[i]);
      LLValue v = valueOf(L, di, L.op->args[i + 1]);
      L.call("ll_dict_setitem", {d, k, v}, T.voidType());
    }
    return d;
  }
  Ann a0 = L.argAnn(0);
  if (a0->kind != SomeKind::DICT) return LLValue();
  DictInfo di = dictInfo(L, a0);
  if (badKey(L, di)) return L.zeroOf(L.resultType());
  LLValue d = L.arg(0);
  switch (o) {
  case FlowOp::GETITEM:
    return getItem(L, di, d, L.op->args[1]);
  case FlowOp::SETITEM: {
    LLValue k = keyOf(L, di, L.op->args[1]);
    LLValue v = valueOf(L, di, L.op->args[2]);
    L.call("ll_dict_setitem", {d, k, v}, T.voidType());
    return L.cvoid();
  }
  case FlowOp::DELITEM: {
    LLValue k = keyOf(L, di, L.op->args[1]);
    L.call("ll_dict_delitem", {d, k}, T.voidType(), true);
    return L.cvoid();
  }
  case FlowOp::CONTAINS: {
    LLValue k = keyOf(L, di, L.op->args[1]);
    return L.call("ll_dict_contains", {d, k}, T.boolType());
  }
  case FlowOp::EQ:
  case FlowOp::NE:
    return dictEq(L, o == FlowOp::NE);
  default:
    return LLValue();
  }
}

LLValue lowerDictMethod(Lowering &L, LLValue recv, const Ann &recvAnn, const std::string &name,
                        const std::vector<Hlvalue> &args) {
  TypeContext &T = L.types;
  DictInfo di = dictInfo(L, recvAnn);
  if (badKey(L, di)) return L.zeroOf(L.resultType());
  Ann res = L.resultAnn();
  size_t n = args.size();
  if (name == "get" && (n == 1 || n == 2))
    return withDefault(L, di, recv, args[0], n == 2 ? &args[1] : nullptr, false);
  if (name == "pop" && n == 2) return withDefault(L, di, recv, args[0], &args[1], true);
  if (name == "pop" && n == 1) {
    LLValue k = keyOf(L, di, args[0]);
    const LLType *rt_ = L.resultType();
    if (sameRepr(L, di, rt_))
      return finishValue(L, di, L.call("ll_dict_pop", {recv, k}, di.valueType, true));
    return L.call("ll_dict_pop_as" + asArgs(L, di, rt_), {recv, k}, rt_, true);
  }
  if (name == "setdefault" && n == 2) {
    LLValue k = keyOf(L, di, args[0]);
    LLValue v = valueOf(L, di, args[1]);
    return finishValue(L, di, L.call("ll_dict_setdefault", {recv, k, v}, di.valueType));
  }
  if (name == "clear" && n == 0) {
    L.call("ll_dict_clear", {recv}, T.voidType());
    return L.cvoid();
  }
  if ((name == "keys" || name == "values" || name == "items") && n == 0) {
    if (res->kind == SomeKind::ITERATOR) return makeIterator(L, recv, res);
    if (res->kind == SomeKind::LIST) {
      LLValue r = toList(L, di, recv, name == "keys" ? 0 : name == "values" ? 1 : 2);
      if (!r.isNull()) return r;
      L.unsupported("dict." + name + "() as " + ann::printType(res));
      return L.zeroOf(L.resultType());
    }
    return LLValue();
  }
  return LLValue();
}

} // namespace lathe::rtyper
