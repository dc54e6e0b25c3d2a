//===- repr.cpp - Representations: annotation -> low-level type ------------===//
// DESIGN §5, RPython's rtyper/r*.py `Repr.lowleveltype`:
//
//   impossible, None, a single function/class/constant, a built-in function
//                                          Void (nothing at run time)
//   bool int float char                    Bool Signed(Unsigned) Float Char
//   str (or None)                          Ptr(STR)             runtime RStr
//   list, resized somewhere                Ptr(LIST_T)          runtime RList<T>
//   list, never resized                    Ptr(GcArray(T))      runtime RArray<T>
//   range(...)                             Ptr(RANGE)           {start, stop, step}
//   dict                                   Ptr(DICT_K_V)        runtime RDict<K, V, Tr>
//   tuple                                  Ptr(TUPLE_n)         {item0, item1, ...}
//   instance (or None)                     Ptr(struct of its class; typeptr first)
//   several functions (a call family)      Ptr(Func(family signature))
//   methods of instances                   the receiver's representation
//   several classes, exception types       Ptr(OBJECT_VTABLE)
//   s.join, lst.append as values           the receiver's representation
//   iterators                              Ptr(ITER_*) (riter.cpp's layouts)
// Struct names are C++ identifiers and deterministic (numbered in creation
// order, which follows the graphs' order).
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cassert>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;

const LLType *RTyper::strType() {
  const LLType *s = types.runtimeStruct(
      "STR", "RStr",
      {{"hash", types.signedType()}, {"length", types.signedType()},
       {"chars", types.inlineArray(types.charType())}});
  return types.ptr(s);
}

const LLType *RTyper::builderType() {
  return types.ptr(types.runtimeStruct("STRBUILDER", "LLStrBuilder", {{"length", types.signedType()}}));
}

RTyper::ListKind RTyper::listKind(ann::ListDef *def) {
  def = def->find();
  if (def->range) return ListKind::RANGE;
  return def->resized ? ListKind::RESIZABLE : ListKind::FIXED;
}

const LLType *RTyper::listItemType(ann::ListDef *def) {
  const LLType *t = reprOf(def->find()->item.ann);
  // A list whose items are never known (always empty) still needs a type.
  return t->kind() == LLKind::VOID ? types.signedType() : t;
}

const LLType *RTyper::listType(ann::ListDef *def) {
  switch (listKind(def)) {
  case ListKind::RANGE: {
    const LLType *s = types.findStruct("RANGE");
    if (!s)
      s = types.gcStruct("RANGE", {{"start", types.signedType()},
                                   {"stop", types.signedType()},
                                   {"step", types.signedType()}});
    return types.ptr(s);
  }
  case ListKind::FIXED:
    return types.ptr(types.gcArray(listItemType(def)));
  case ListKind::RESIZABLE: {
    const LLType *item = listItemType(def);
    std::string cpp = cppType(item);
    const LLType *s = types.runtimeStruct(
        "LIST<" + item->str() + ">", "RList<" + cpp + ">",
        {{"length", types.signedType()}, {"items", types.ptr(types.gcArray(item))}});
    return types.ptr(s);
  }
  }
  return nullptr;
}

std::string RTyper::keyTraits(const LLType *key) {
  switch (key->kind()) {
  case LLKind::SIGNED:
  case LLKind::BOOL:
    return "LLIntKey";
  case LLKind::CHAR:
    return "LLCharKey";
  default:
    break;
  }
  if (key == strType()) return "LLStrKey";
  if (key->isPtr() && key->target()->isStruct() && key->target()->name().rfind("TUPLE", 0) == 0) {
    for (const LLType *t : prog.tupleKeyTypes)
      if (t == key) return "LLKey_" + key->target()->name();
    prog.tupleKeyTypes.push_back(key);
    return "LLKey_" + key->target()->name();
  }
  return "LLIdentityKey<" + cppType(key) + ">";
}

const LLType *RTyper::dictType(ann::DictDef *def) {
  def = def->find();
  const LLType *k = reprOf(def->key.ann), *v = reprOf(def->value.ann);
  // Bool keys are stored as Signed but keep their traits (KeyError: True).
  bool boolKey = k->kind() == LLKind::BOOL;
  if (k->kind() == LLKind::VOID || boolKey) k = types.signedType();
  if (v->kind() == LLKind::VOID) v = types.boolType();
  std::string traits = boolKey ? "LLBoolKey" : keyTraits(k);
  std::string cpp = "RDict<" + cppType(k) + ", " + cppType(v) + ", " + traits + ">";
  const LLType *s = types.runtimeStruct("DICT<" + k->str() + (boolKey ? "(bool)" : "") + ", " + v->str() + ">",
                                        cpp, {{"length", types.signedType()}});
  return types.ptr(s);
}

const LLType *RTyper::tupleType(const std::vector<const LLType *> &items) {
  auto it = tuples_.find(items);
  if (it != tuples_.end()) return it->second;
  std::vector<LLField> fields;
  // Void items (always None) take no space; the others keep their index.
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i]->kind() != LLKind::VOID) fields.push_back({"item" + std::to_string(i), items[i]});
  const LLType *s = types.gcStruct("TUPLE" + std::to_string(tuples_.size()), std::move(fields));
  const LLType *p = types.ptr(s);
  tuples_.emplace(items, p);
  return p;
}

const LLType *RTyper::reprOf(const Ann &a) {
  switch (a->kind) {
  case SomeKind::IMPOSSIBLE:
  case SomeKind::NONE:
  case SomeKind::BUILTIN:
    return types.voidType();
  case SomeKind::BOOL:
    return types.boolType();
  case SomeKind::INTEGER:
    return a->isUnsigned ? types.unsignedType() : types.signedType();
  case SomeKind::FLOAT:
    return types.floatType();
  case SomeKind::CHAR:
    return types.charType();
  case SomeKind::STRING:
    return strType();
  case SomeKind::TUPLE: {
    std::vector<const LLType *> items;
    for (const Ann &x : a->items) items.push_back(reprOf(x));
    return tupleType(items);
  }
  case SomeKind::LIST:
    return listType(a->listDef);
  case SomeKind::DICT:
    return dictType(a->dictDef);
  case SomeKind::INSTANCE:
    return instancePtr(a->classDef);
  case SomeKind::EXCTYPE:
    return vtablePtr();
  case SomeKind::ITERATOR:
    return iteratorType(a);
  case SomeKind::BUILTIN_METHOD:
    return reprOf(a->items[0]);
  case SomeKind::PBC: {
    if (a->descs.empty()) return types.voidType();
    ann::Desc::Kind k = a->descs[0]->kind;
    if (k == ann::Desc::Kind::METHOD) {
      ann::ClassDef *common = a->descs[0]->selfClass;
      for (const ann::Desc *d : a->descs) common = ann::ClassDef::commonBase(common, d->selfClass);
      return instancePtr(common);
    }
    if (a->descs.size() == 1 && !a->canBeNone) return types.voidType();
    if (k == ann::Desc::Kind::CLASS) return vtablePtr();
    if (k == ann::Desc::Kind::FUNCTION) {
      if (const FamilySig *f = familyOf(a)) return types.ptr(f->funcType);
      if (a->descs.size() == 1) {
        const ann::GraphInfo *gi = an.graphOf(a->descs[0]->func);
        if (gi) return types.ptr(graphOf(gi)->funcType(types));
      }
    }
    return types.voidType();
  }
  }
  return types.voidType();
}

std::string RTyper::cppType(const LLType *t) { return cppSpelling(t); }

std::string cIdentifier(const std::string &s) {
  std::string r;
  for (char c : s) r += (isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return r;
}

std::string cppSpelling(const LLType *t) {
  switch (t->kind()) {
  case LLKind::VOID: return "void";
  case LLKind::BOOL: return "bool";
  case LLKind::CHAR: return "char";
  case LLKind::SIGNED: return "int64_t";
  case LLKind::UNSIGNED: return "uint64_t";
  case LLKind::FLOAT: return "double";
  case LLKind::PTR: {
    const LLType *x = t->target();
    if (x->isFunc()) {
      std::string s = "ll_fnptr<" + cppSpelling(x->result());
      for (const LLType *p : x->args()) s += ", " + cppSpelling(p);
      return s + ">";
    }
    return cppSpelling(x) + "*";
  }
  case LLKind::STRUCT:
    return t->cppName().empty() ? t->name() : t->cppName();
  case LLKind::ARRAY:
    return "RArray<" + cppSpelling(t->item()) + ">";
  case LLKind::FUNC:
    return "void";
  }
  return "void";
}

} // namespace lathe::rtyper
