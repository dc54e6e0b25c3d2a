//===- rlist.cpp - Lowering of list operations ----------------------------===//
// Three representations (repr.cpp): a resizable list is Ptr(LIST<T>) = the
// runtime's RList<T>*, a list never resized a fixed list Ptr(GcArray(T)) =
// RArray<T>*, and range(...) a Ptr(RANGE){start, stop, step}. Items are
// stored in the representation of the ListDef's item annotation (a Void item
// - a list of Nones - is stored as a Signed 0). Every operation is a
// runtime helper of runtime/rlist.h; the `ll_seq_*` helpers accept either
// list kind, and those building a list take the result's container as their
// first template argument ("ll_seq_concat<RArray<int64_t>>"), converting
// items when the result's item type differs. A range operand of an
// operation that needs a list is first made a fixed list
// (ll_range_to_seq).
//
//   [a, b]            malloc_varsize + setarrayitem (fixed) / ll_list_new + setarrayitem
//   l[i]              non-negative index, not guarded by a try: bounds check
//                     helper + inline getarrayitem; else ll_list_getitem /
//                     ll_array_getitem (negative indexes); range: ll_range_getitem
//   l[i] = x          the same with ll_check_setindex_nonneg / ll_seq_setitem
//                     ("list assignment index out of range")
//   del l[i]          ll_list_delitem
//   l[a:b], l[a:b:c]  ll_seq_slice<C> / ll_seq_slice_step<C>
//   l[a:b] = m        ll_seq_setslice / ll_seq_setslice_step; del: ll_list_delslice(_step)
//   x in l            ll_seq_contains_by<Eq>; range: ll_range_contains
//   l + m, l * n      ll_seq_concat<C>, ll_seq_mul<C> (n * l too)
//   l += m, l *= n    ll_seq_extend, ll_list_inplace_mul (the result is l)
//   l == m, l != m    ll_seq_eq_by<Eq>; l == None: a pointer test
//   methods           append insert pop extend remove reverse sort index count
//   list(x)           ll_seq_copy<C>, ll_range_to_seq<C>, ll_str_to_seq<C>,
//                     ll_dict_{keys,values,items}_to_seq<C>, tuples item by item
//
// Item equality, order and repr (in, index, count, remove, ==, sort, the
// message of index's ValueError) come from an "ord" class named in the
// helper's template arguments (listItemOrd): LLItemOrd<T> (numbers, chars,
// strings by value; instances by identity, RPy's default __eq__),
// LLTupleOrd<per-field ords> (tuples item by item, as CPython),
// LLSeqOrd<ord> (lists of lists), adapted by LLOrdEq / LLOrdLess / LLOrdRepr.
// A helper that can raise is always the last operation emitted for the flow
// operation (the rule for operations guarded by a try).
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <functional>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;
using flow::Hlvalue;

namespace {

using Kind = RTyper::ListKind;

/// What the lowering of one list needs.
struct ListInfo {
  ann::ListDef *def = nullptr;
  Kind kind = Kind::FIXED;
  Ann itemAnn;
  const LLType *ptr = nullptr;  // the list's representation
  const LLType *item = nullptr; // stored item type
  bool itemVoid = false;        // the item annotation has no storage (None)
  std::string itemCpp;          // "int64_t"
  std::string cont;             // "RList<int64_t>" / "RArray<int64_t>" (not for ranges)
};

ListInfo listInfo(Lowering &L, const Ann &a) {
  RTyper &rt = L.rt;
  ListInfo li;
  li.def = a->listDef->find();
  li.kind = rt.listKind(li.def);
  li.itemAnn = li.def->item.ann;
  li.ptr = rt.listType(li.def);
  li.item = rt.listItemType(li.def);
  li.itemVoid = rt.reprOf(li.itemAnn)->kind() == LLKind::VOID;
  li.itemCpp = rt.cppType(li.item);
  if (li.kind == Kind::RESIZABLE) li.cont = "RList<" + li.itemCpp + ">";
  else li.cont = "RArray<" + li.itemCpp + ">";
  return li;
}

bool isList(const Ann &a) { return a && a->kind == SomeKind::LIST; }

/// A flow value as a stored item.
LLValue storeItem(Lowering &L, const ListInfo &li, const Hlvalue &v) {
  if (li.itemVoid) return L.zeroOf(li.item);
  return L.convertTo(v, li.itemAnn);
}

/// A stored item read from the list as the operation's result.
LLValue itemResult(Lowering &L, const ListInfo &li, LLValue raw) {
  if (L.resultType()->kind() == LLKind::VOID) return L.cvoid();
  if (li.itemVoid) return L.convert(L.cvoid(), ann::someNone(), L.resultAnn());
  return L.convert(raw, li.itemAnn, L.resultAnn());
}

/// Whether a stored item is the result without conversion.
bool itemIsResult(Lowering &L, const ListInfo &li) {
  const LLType *r = L.resultType();
  return r->kind() == LLKind::VOID || (!li.itemVoid && r == li.item);
}

/// The list's length (resizable, fixed or range).
LLValue lengthOf(Lowering &L, const ListInfo &li, LLValue l) {
  if (li.kind == Kind::FIXED) return L.emit(LLOp::GETARRAYSIZE, {l}, L.types.signedType());
  if (li.kind == Kind::RESIZABLE) return L.getfield(l, "length");
  return lenOf(L, l, ann::someList(li.def));
}

/// The item array of a fixed or resizable list.
LLValue itemsOf(Lowering &L, const ListInfo &li, LLValue l) {
  return li.kind == Kind::RESIZABLE ? L.getfield(l, "items") : l;
}

/// A list operand usable by the ll_seq_* helpers: a range becomes a fixed
/// list of its items.
LLValue asSeq(Lowering &L, const ListInfo &li, LLValue l) {
  if (li.kind != Kind::RANGE) return l;
  const LLType *arr = L.types.ptr(L.types.gcArray(L.types.signedType()));
  return L.call("ll_range_to_seq<RArray<int64_t>>",
                {L.getfield(l, "start"), L.getfield(l, "stop"), L.getfield(l, "step")}, arr);
}

/// An index operand as a Signed.
LLValue indexOf(Lowering &L, const Hlvalue &v) { return L.convertTo(v, ann::someInteger()); }

/// Whether an index is known to be >= 0.
bool nonnegIndex(Lowering &L, size_t i) {
  const eval::Value *c = L.constArg(i);
  if (c && c->isInt()) return c->asInt() >= 0;
  if (c && c->isBool()) return true;
  Ann a = L.argAnn(i);
  return a->kind == SomeKind::BOOL || (a->kind == SomeKind::INTEGER && a->nonneg && !a->isUnsigned);
}

/// A constant negative index, or 0.
int64_t negativeConstIndex(Lowering &L, size_t i) {
  const eval::Value *c = L.constArg(i);
  if (c && c->isInt() && c->asInt() < 0) return c->asInt();
  return 0;
}

} // namespace

/// The "ord" class of list items of annotation `item` (runtime/rlist.h:
/// static eq, lt and repr with CPython's semantics), or "" when there is
/// none yet (dicts, ranges as items).
std::string listItemOrd(Lowering &L, const Ann &item) {
  RTyper &rt = L.rt;
  const LLType *t = rt.reprOf(item);
  if (t->kind() == LLKind::VOID) return "LLItemOrd<int64_t>"; // Nones stored as 0 in lists
  switch (item->kind) {
  case SomeKind::TUPLE: {
    // One ord per item; LLNoneOrd for an item without storage (no field).
    std::string fields;
    size_t stored = 0;
    for (size_t i = 0; i < item->items.size(); ++i) {
      const Ann &x = item->items[i];
      std::string o = "LLNoneOrd";
      if (rt.reprOf(x)->kind() != LLKind::VOID) {
        o = listItemOrd(L, x);
        ++stored;
      }
      if (o.empty()) return "";
      fields += (i ? ", " : "") + o;
    }
    if (stored > 12) return "";
    return "LLTupleOrd<" + fields + ">";
  }
  case SomeKind::LIST: {
    if (rt.listKind(item->listDef) == Kind::RANGE) return "";
    std::string inner = listItemOrd(L, item->listDef->find()->item.ann);
    return inner.empty() ? "" : "LLSeqOrd<" + inner + ">";
  }
  case SomeKind::DICT:
  case SomeKind::ITERATOR:
    return "";
  default:
    break;
  }
  return "LLItemOrd<" + rt.cppType(t) + ">";
}

/// The C++ equality functor of list items (CPython's ==: numbers, chars and
/// strings by value, instances by identity, tuples and lists item by item),
/// or "" when there is none yet. Shared with rtuple.cpp.
std::string listItemEq(Lowering &L, const Ann &item) {
  std::string o = listItemOrd(L, item);
  return o.empty() ? "" : "LLOrdEq<" + o + ">";
}

namespace {

std::string itemEqOrFail(Lowering &L, const ListInfo &li, const char *what) {
  std::string eq = listItemEq(L, li.itemAnn);
  if (eq.empty()) L.unsupported(std::string(what) + " on a list of " + ann::printType(li.itemAnn));
  return eq;
}

/// repr() functor of items (ValueError of list.index).
std::string itemRepr(Lowering &L, const ListInfo &li) {
  std::string o = listItemOrd(L, li.itemAnn);
  return o.empty() ? "LLItemRepr<" + li.itemCpp + ">" : "LLOrdRepr<" + o + ">";
}

// --- construction ------------------------------------------------------------

/// A new list of the result's representation holding `items` (stored values).
LLValue newListOf(Lowering &L, const ListInfo &li, const std::vector<LLValue> &items) {
  TypeContext &T = L.types;
  int64_t n = int64_t(items.size());
  LLValue l, arr;
  if (li.kind == Kind::FIXED) {
    l = arr = L.emit(LLOp::MALLOC_VARSIZE, {L.ctype(li.ptr->target()), L.cint(n)}, li.ptr);
  } else {
    l = L.call("ll_list_new<" + li.itemCpp + ">", {L.cint(n)}, li.ptr);
    if (n) arr = L.getfield(l, "items");
  }
  if (!li.itemVoid)
    for (int64_t i = 0; i < n; ++i)
      L.emit(LLOp::SETARRAYITEM, {arr, L.cint(i), items[size_t(i)]}, T.voidType());
  return l;
}

LLValue newList(Lowering &L) {
  Ann res = L.resultAnn();
  if (!isList(res)) return LLValue();
  ListInfo li = listInfo(L, res);
  if (li.kind == Kind::RANGE) return LLValue();
  std::vector<LLValue> items;
  for (size_t i = 0; i < L.nargs(); ++i) items.push_back(storeItem(L, li, L.op->args[i]));
  return newListOf(L, li, items);
}

// --- items ---------------------------------------------------------------------

LLValue getItem(Lowering &L) {
  TypeContext &T = L.types;
  ListInfo li = listInfo(L, L.argAnn(0));
  LLValue l = L.arg(0);
  LLValue i = indexOf(L, L.op->args[1]);
  if (li.kind == Kind::RANGE) {
    LLValue r = L.call("ll_range_getitem",
                       {L.getfield(l, "start"), L.getfield(l, "stop"), L.getfield(l, "step"), i},
                       T.signedType(), true);
    if (L.resultType() == T.signedType() || L.resultType()->kind() == LLKind::VOID)
      return L.resultType()->kind() == LLKind::VOID ? L.cvoid() : r;
    return L.convert(r, ann::someInteger(), L.resultAnn());
  }
  bool direct = itemIsResult(L, li);
  int64_t negConst = negativeConstIndex(L, 1);
  if (!L.guarded && (nonnegIndex(L, 1) || negConst)) {
    // Inline: bounds check, then the item.
    LLValue len = lengthOf(L, li, l);
    if (negConst) i = L.emit(LLOp::INT_ADD, {len, L.cint(negConst)}, T.signedType());
    L.check("ll_check_index_nonneg", {i, len});
    LLValue item = L.emit(LLOp::GETARRAYITEM, {itemsOf(L, li, l), i}, li.item);
    return itemResult(L, li, item);
  }
  if (direct || !L.guarded) {
    LLValue item = L.call(li.kind == Kind::FIXED ? "ll_array_getitem" : "ll_list_getitem", {l, i},
                          li.item, true);
    return itemResult(L, li, item);
  }
  // Guarded and converting: the conversion happens inside the helper.
  return L.call("ll_seq_getitem_as<" + L.rt.cppType(L.resultType()) + ">", {l, i},
                L.resultType(), true);
}

LLValue setItem(Lowering &L) {
  TypeContext &T = L.types;
  ListInfo li = listInfo(L, L.argAnn(0));
  if (li.kind == Kind::RANGE) return LLValue();
  LLValue l = L.arg(0);
  LLValue i = indexOf(L, L.op->args[1]);
  LLValue v = storeItem(L, li, L.op->args[2]);
  int64_t negConst = negativeConstIndex(L, 1);
  if (!L.guarded && (nonnegIndex(L, 1) || negConst)) {
    LLValue len = lengthOf(L, li, l);
    if (negConst) i = L.emit(LLOp::INT_ADD, {len, L.cint(negConst)}, T.signedType());
    L.check("ll_check_setindex_nonneg", {i, len});
    L.emit(LLOp::SETARRAYITEM, {itemsOf(L, li, l), i, v}, T.voidType());
    return L.cvoid();
  }
  L.call("ll_seq_setitem", {l, i, v}, T.voidType(), true);
  return L.cvoid();
}

LLValue delItem(Lowering &L) {
  ListInfo li = listInfo(L, L.argAnn(0));
  if (li.kind != Kind::RESIZABLE) return LLValue();
  L.call("ll_list_delitem", {L.arg(0), indexOf(L, L.op->args[1])}, L.types.voidType(), true);
  return L.cvoid();
}

// --- slices ----------------------------------------------------------------------

struct SliceArgs {
  LLValue start, stop, step;
  bool hasStart = false, hasStop = false, stepped = false;
};

bool isNoneArg(Lowering &L, size_t i) {
  const eval::Value *c = L.constArg(i);
  return (c && c->isNone()) || L.argAnn(i)->kind == SomeKind::NONE;
}

/// Operands 1..3 of getslice/setslice/delslice.
SliceArgs sliceArgs(Lowering &L) {
  SliceArgs s;
  s.hasStart = !isNoneArg(L, 1);
  s.hasStop = !isNoneArg(L, 2);
  s.start = s.hasStart ? indexOf(L, L.op->args[1]) : L.cint(0);
  s.stop = s.hasStop ? indexOf(L, L.op->args[2]) : L.cint(INT64_MAX);
  if (!isNoneArg(L, 3)) {
    const eval::Value *c = L.constArg(3);
    if (!(c && c->isInt() && c->asInt() == 1)) {
      s.stepped = true;
      s.step = indexOf(L, L.op->args[3]);
    }
  }
  return s;
}

LLValue getSlice(Lowering &L) {
  Ann res = L.resultAnn();
  if (!isList(res)) return LLValue();
  ListInfo src = listInfo(L, L.argAnn(0)), dst = listInfo(L, res);
  if (dst.kind == Kind::RANGE) return LLValue();
  SliceArgs s = sliceArgs(L);
  LLValue l = asSeq(L, src, L.arg(0));
  if (!s.stepped) return L.call("ll_seq_slice<" + dst.cont + ">", {l, s.start, s.stop}, dst.ptr);
  return L.call("ll_seq_slice_step<" + dst.cont + ">",
                {l, s.start, s.stop, s.step, L.cbool(s.hasStart), L.cbool(s.hasStop)}, dst.ptr,
                true);
}

LLValue setSlice(Lowering &L) {
  ListInfo li = listInfo(L, L.argAnn(0));
  if (li.kind != Kind::RESIZABLE || !isList(L.argAnn(4))) return LLValue();
  SliceArgs s = sliceArgs(L);
  LLValue v = asSeq(L, listInfo(L, L.argAnn(4)), L.arg(4));
  if (!s.stepped) {
    L.call("ll_seq_setslice", {L.arg(0), s.start, s.stop, v}, L.types.voidType());
  } else {
    L.call("ll_seq_setslice_step",
           {L.arg(0), s.start, s.stop, s.step, L.cbool(s.hasStart), L.cbool(s.hasStop), v},
           L.types.voidType(), true);
  }
  return L.cvoid();
}

LLValue delSlice(Lowering &L) {
  ListInfo li = listInfo(L, L.argAnn(0));
  if (li.kind != Kind::RESIZABLE) return LLValue();
  SliceArgs s = sliceArgs(L);
  if (!s.stepped) {
    L.call("ll_list_delslice", {L.arg(0), s.start, s.stop}, L.types.voidType());
  } else {
    L.call("ll_list_delslice_step",
           {L.arg(0), s.start, s.stop, s.step, L.cbool(s.hasStart), L.cbool(s.hasStop)},
           L.types.voidType(), true);
  }
  return L.cvoid();
}

// --- search and comparison ---------------------------------------------------------

LLValue contains(Lowering &L) {
  TypeContext &T = L.types;
  ListInfo li = listInfo(L, L.argAnn(0));
  LLValue l = L.arg(0);
  Ann x = L.argAnn(1);
  if (li.kind == Kind::RANGE) {
    if (!ann::isIntLike(x)) return L.unsupported("`in` of " + ann::printType(x) + " in a range");
    return L.call("ll_range_contains",
                  {L.getfield(l, "start"), L.getfield(l, "stop"), L.getfield(l, "step"),
                   indexOf(L, L.op->args[1])},
                  T.boolType());
  }
  std::string eq = itemEqOrFail(L, li, "`in`");
  if (eq.empty()) return L.cbool(false);
  return L.call("ll_seq_contains_by<" + eq + ">", {l, storeItem(L, li, L.op->args[1])},
                T.boolType());
}

/// l == m, l != m (and comparisons with None).
LLValue equality(Lowering &L, bool ne) {
  TypeContext &T = L.types;
  Ann a0 = L.argAnn(0), a1 = L.argAnn(1);
  LLValue r;
  if (a0->kind == SomeKind::NONE || a1->kind == SomeKind::NONE) {
    size_t k = a0->kind == SomeKind::NONE ? 1 : 0;
    Ann other = L.argAnn(k);
    if (other->kind == SomeKind::NONE) return L.cbool(!ne);
    if (!other->canBeNone) return L.cbool(ne);
    return L.emit(ne ? LLOp::PTR_NONZERO : LLOp::PTR_ISZERO, {L.arg(k)}, T.boolType());
  }
  if (!isList(a0) || !isList(a1)) return LLValue();
  ListInfo l0 = listInfo(L, a0), l1 = listInfo(L, a1);
  std::string eq = itemEqOrFail(L, l0.kind == Kind::RANGE ? l1 : l0, "==");
  if (eq.empty()) return L.cbool(false);
  LLValue x = asSeq(L, l0, L.arg(0)), y = asSeq(L, l1, L.arg(1));
  r = L.call("ll_seq_eq_by<" + eq + ">", {x, y}, T.boolType());
  return ne ? LLValue(L.emit(LLOp::BOOL_NOT, {r}, T.boolType())) : r;
}

// --- arithmetic ----------------------------------------------------------------------

LLValue arith(Lowering &L, FlowOp o) {
  TypeContext &T = L.types;
  Ann res = L.resultAnn();
  Ann a0 = L.argAnn(0), a1 = L.argAnn(1);
  switch (o) {
  case FlowOp::ADD:
  case FlowOp::INPLACE_ADD: {
    if (!isList(a0) || !isList(a1) || !isList(res)) return LLValue();
    ListInfo l0 = listInfo(L, a0), l1 = listInfo(L, a1), r = listInfo(L, res);
    LLValue x = asSeq(L, l0, L.arg(0)), y = asSeq(L, l1, L.arg(1));
    if (o == FlowOp::INPLACE_ADD && l0.kind == Kind::RESIZABLE) {
      L.call("ll_seq_extend", {x, y}, T.voidType());
      return L.convert(x, a0, res);
    }
    if (r.kind == Kind::RANGE) return LLValue();
    return L.call("ll_seq_concat<" + r.cont + ">", {x, y}, r.ptr);
  }
  case FlowOp::MUL:
  case FlowOp::INPLACE_MUL: {
    size_t li_ = isList(a0) ? 0 : 1;
    Ann la = L.argAnn(li_), na = L.argAnn(1 - li_);
    if (!isList(la) || !ann::isIntLike(na) || !isList(res)) return LLValue();
    ListInfo l = listInfo(L, la), r = listInfo(L, res);
    LLValue n = indexOf(L, L.op->args[1 - li_]);
    LLValue x = asSeq(L, l, L.arg(li_));
    if (o == FlowOp::INPLACE_MUL && li_ == 0 && l.kind == Kind::RESIZABLE) {
      L.call("ll_list_inplace_mul", {x, n}, T.voidType());
      return L.convert(x, la, res);
    }
    if (r.kind == Kind::RANGE) return LLValue();
    return L.call("ll_seq_mul<" + r.cont + ">", {x, n}, r.ptr);
  }
  default:
    break;
  }
  return LLValue();
}

} // namespace

LLValue lowerListOp(Lowering &L) {
  FlowOp o = L.op->op;
  switch (o) {
  case FlowOp::NEWLIST:
    return newList(L);
  case FlowOp::GETITEM:
    return getItem(L);
  case FlowOp::SETITEM:
    return setItem(L);
  case FlowOp::DELITEM:
    return delItem(L);
  case FlowOp::GETSLICE:
    return getSlice(L);
  case FlowOp::SETSLICE:
    return setSlice(L);
  case FlowOp::DELSLICE:
    return delSlice(L);
  case FlowOp::CONTAINS:
    return contains(L);
  case FlowOp::EQ:
    return equality(L, false);
  case FlowOp::NE:
    return equality(L, true);
  case FlowOp::ADD:
  case FlowOp::INPLACE_ADD:
  case FlowOp::MUL:
  case FlowOp::INPLACE_MUL:
    return arith(L, o);
  default:
    break;
  }
  return LLValue();
}

// --- methods -------------------------------------------------------------------------

namespace {

/// The C++ type of a dict ("RDict<K, V, Tr>").
std::string dictCpp(Lowering &L, const Ann &d) {
  return L.rt.dictType(d->dictDef)->target()->cppName();
}

/// A fixed list (RArray of `li`'s items) of the items of an iterable
/// `src` that is not a list: a str, a char, a tuple, a dict or a dict view.
/// Null when not supported.
LLValue itemsOfIterable(Lowering &L, const ListInfo &li, const Hlvalue &src) {
  TypeContext &T = L.types;
  Ann a = L.annOf(src);
  std::string cont = "RArray<" + li.itemCpp + ">";
  const LLType *arr = T.ptr(T.gcArray(li.item));
  switch (a->kind) {
  case SomeKind::STRING:
    return L.call("ll_str_to_seq<" + cont + ">", {L.valueOf(src)}, arr);
  case SomeKind::CHAR:
  case SomeKind::TUPLE: {
    ListInfo fixed = li;
    fixed.kind = Kind::FIXED;
    fixed.ptr = arr;
    std::vector<LLValue> items;
    if (a->kind == SomeKind::CHAR) {
      items.push_back(li.itemVoid ? L.zeroOf(li.item) : L.convertTo(src, li.itemAnn));
    } else {
      LLValue t = L.valueOf(src);
      for (size_t i = 0; i < a->items.size(); ++i) {
        std::string f = "item" + std::to_string(i);
        LLValue x = t.type()->target()->fieldType(f) ? L.getfield(t, f) : L.cvoid();
        items.push_back(li.itemVoid ? L.zeroOf(li.item) : L.convert(x, a->items[i], li.itemAnn));
      }
    }
    return newListOf(L, fixed, items);
  }
  case SomeKind::DICT:
    return L.call("ll_dict_keys_to_seq<" + cont + ">", {L.valueOf(src)}, arr);
  case SomeKind::ITERATOR: {
    const Ann &c = a->items[0];
    if (c->kind != SomeKind::DICT) return LLValue();
    // A fresh dict view iterator (d.keys(), ...): its dict.
    std::string d = dictCpp(L, c);
    const char *h = a->iterKind == ann::IterKind::ITEMS    ? "ll_dictiter_keys_to_seq"
                    : a->iterKind == ann::IterKind::VALUES ? "ll_dictiter_values_to_seq"
                    : a->iterKind == ann::IterKind::PAIRS  ? "ll_dictiter_items_to_seq"
                                                           : nullptr;
    if (!h) return LLValue();
    return L.call(std::string(h) + "<" + cont + ">", {L.valueOf(src)}, arr);
  }
  default:
    break;
  }
  return LLValue();
}

} // namespace

LLValue lowerListMethod(Lowering &L, LLValue recv, const Ann &recvAnn, const std::string &name,
                        const std::vector<Hlvalue> &args) {
  TypeContext &T = L.types;
  ListInfo li = listInfo(L, recvAnn);
  auto needResizable = [&]() {
    if (li.kind == Kind::RESIZABLE) return true;
    L.unsupported("list." + name + "() on a list that is not resizable");
    return false;
  };
  if (name == "append" && args.size() == 1) {
    if (!needResizable()) return LLValue();
    L.call("ll_list_append", {recv, storeItem(L, li, args[0])}, T.voidType());
    return L.cvoid();
  }
  if (name == "insert" && args.size() == 2) {
    if (!needResizable()) return LLValue();
    LLValue i = L.convertTo(args[0], ann::someInteger());
    L.call("ll_list_insert", {recv, i, storeItem(L, li, args[1])}, T.voidType());
    return L.cvoid();
  }
  if (name == "pop" && args.size() <= 1) {
    if (!needResizable()) return LLValue();
    std::vector<LLValue> a{recv};
    if (!args.empty()) a.push_back(L.convertTo(args[0], ann::someInteger()));
    const char *h = args.empty() ? "ll_list_pop" : "ll_list_pop_index";
    if (itemIsResult(L, li) || !L.guarded) return itemResult(L, li, L.call(h, a, li.item, true));
    return L.call(std::string(h) + "_as<" + L.rt.cppType(L.resultType()) + ">", a,
                  L.resultType(), true);
  }
  if (name == "extend" && args.size() == 1) {
    if (!needResizable()) return LLValue();
    Ann x = L.annOf(args[0]);
    LLValue src;
    if (isList(x)) {
      src = asSeq(L, listInfo(L, x), L.valueOf(args[0]));
    } else if (x->kind == SomeKind::STRING) {
      L.call("ll_list_extend_str", {recv, L.valueOf(args[0])}, T.voidType());
      return L.cvoid();
    } else {
      src = itemsOfIterable(L, li, args[0]);
      if (src.isNull()) return L.unsupported("list.extend() of " + ann::printType(x));
    }
    L.call("ll_seq_extend", {recv, src}, T.voidType());
    return L.cvoid();
  }
  if ((name == "remove" || name == "index" || name == "count") && args.size() == 1) {
    if (li.kind == Kind::RANGE) return L.unsupported("range." + name + "()");
    if (name == "remove" && !needResizable()) return LLValue();
    std::string eq = itemEqOrFail(L, li, ("list." + name + "()").c_str());
    if (eq.empty()) return LLValue();
    LLValue v = storeItem(L, li, args[0]);
    if (name == "count") return L.call("ll_seq_count_by<" + eq + ">", {recv, v}, T.signedType());
    if (name == "index")
      return L.call("ll_seq_index_by<" + eq + ", " + itemRepr(L, li) + ">", {recv, v},
                    T.signedType(), true);
    L.call("ll_seq_remove_by<" + eq + ">", {recv, v}, T.voidType(), true);
    return L.cvoid();
  }
  if (name == "reverse" && args.empty()) {
    if (li.kind == Kind::RANGE) return LLValue();
    L.call("ll_seq_reverse", {recv}, T.voidType());
    return L.cvoid();
  }
  if (name == "sort" && args.empty()) {
    if (li.kind == Kind::RANGE) return LLValue();
    if (li.itemVoid) return L.cvoid(); // all None: nothing to order
    // Orderable items: numbers, chars, strings, tuples and lists of those.
    std::function<bool(const Ann &)> orderable = [&](const Ann &x) {
      // (None items of tuples: always equal, so never ordered.)
      if (ann::isNumber(x) || ann::isStrLike(x) || x->kind == SomeKind::NONE) return true;
      if (x->kind == SomeKind::TUPLE) {
        for (const Ann &y : x->items)
          if (!orderable(y)) return false;
        return true;
      }
      return x->kind == SomeKind::LIST && orderable(x->listDef->find()->item.ann);
    };
    std::string o = listItemOrd(L, li.itemAnn);
    if (o.empty() || !orderable(li.itemAnn))
      return L.unsupported("sorting a list of " + ann::printType(li.itemAnn));
    L.call("ll_seq_sort_by<LLOrdLess<" + o + ">>", {recv}, T.voidType());
    return L.cvoid();
  }
  return LLValue();
}

LLValue lowerListConstructor(Lowering &L, const std::vector<Hlvalue> &args) {
  Ann res = L.resultAnn();
  if (!isList(res)) return LLValue();
  ListInfo r = listInfo(L, res);
  if (r.kind == Kind::RANGE) return LLValue();
  if (args.empty()) return newListOf(L, r, {});
  if (args.size() != 1) return LLValue();
  Ann x = L.annOf(args[0]);
  LLValue v = L.valueOf(args[0]);
  if (isList(x)) {
    ListInfo s = listInfo(L, x);
    if (s.kind == Kind::RANGE)
      return L.call("ll_range_to_seq<" + r.cont + ">",
                    {L.getfield(v, "start"), L.getfield(v, "stop"), L.getfield(v, "step")}, r.ptr);
    return L.call("ll_seq_copy<" + r.cont + ">", {v}, r.ptr);
  }
  switch (x->kind) {
  case SomeKind::STRING:
    return L.call("ll_str_to_seq<" + r.cont + ">", {v}, r.ptr);
  case SomeKind::DICT:
    return L.call("ll_dict_keys_to_seq<" + r.cont + ">", {v}, r.ptr);
  default:
    break;
  }
  LLValue items = itemsOfIterable(L, r, args[0]);
  if (items.isNull()) return L.unsupported("list() of " + ann::printType(x));
  if (r.kind == Kind::FIXED) return items;
  return L.call("ll_seq_copy<" + r.cont + ">", {items}, r.ptr);
}

} // namespace lathe::rtyper
