//===- prebuilt.cpp - Translation-time values as low-level constants ------===//
// Whatever the module evaluator built and the graphs read becomes static
// data of the translated program (DESIGN §3, §5): numbers and chars are
// literal constants; strings, instances, lists, dicts and tuples become
// PrebuiltObjs (one per object, shared by every reader, so identity is
// kept), named `pb_N` in creation order; functions and classes are Symbols
// of their graph or vtable. A constant's type is the representation the
// reader wants (a prebuilt instance read as its base class is a Ptr to the
// base struct naming the same object); the emitter casts.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cassert>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;

const LLConstant *RTyper::strConst(const std::string &s) {
  auto it = strConsts_.find(s);
  if (it != strConsts_.end()) return it->second;
  PrebuiltObj p;
  p.kind = PrebuiltObj::Kind::STRING;
  p.symbol = "str_" + std::to_string(strConsts_.size());
  p.type = strType();
  p.text = s;
  prog.prebuilts.push_back(p);
  const LLConstant *c = prog.constant(strType(), LLConstant::Symbol{p.symbol});
  strConsts_[s] = c;
  return c;
}

namespace {

const ann::Slot *attrSlot(const ann::ClassDef *cd, const std::string &name) {
  for (const ann::ClassDef *k = cd; k; k = k->base) {
    auto it = k->attrs.find(name);
    if (it != k->attrs.end()) return &it->second;
  }
  return nullptr;
}

} // namespace

const LLConstant *RTyper::prebuiltInstance(const eval::InstanceObj *inst, const Ann &a, SrcLoc loc) {
  const LLType *want = reprOf(a);
  auto it = prebuiltOf_.find(inst);
  const LLConstant *own = nullptr;
  if (it != prebuiltOf_.end()) {
    own = it->second;
  } else {
    ClassInfo *ci = findClassOfObj(inst->cls);
    if (!ci || !ci->instance->isDefined()) return nullptr;
    PrebuiltObj p;
    p.kind = PrebuiltObj::Kind::INSTANCE;
    p.symbol = "pb_" + std::to_string(prog.prebuilts.size());
    p.type = types.ptr(ci->instance);
    p.classIndex = int(ci - prog.classes.data());
    prog.prebuilts.push_back(p);
    PrebuiltObj &stored = prog.prebuilts.back();
    own = prog.constant(p.type, LLConstant::Symbol{p.symbol});
    prebuiltOf_[inst] = own;
    std::vector<const LLConstant *> items;
    for (const LLField &f : ci->instance->fields()) {
      if (f.name == "typeptr") continue;
      const LLConstant *c = nullptr;
      if (f.name.rfind("a_", 0) == 0) {
        std::string name = f.name.substr(2);
        const ann::Slot *slot = ci->def ? attrSlot(ci->def, name) : nullptr;
        const eval::Value *v = const_cast<eval::NameMap &>(inst->attrs).find(name);
        if (slot && v) c = constantOf(*v, slot->ann, loc);
      }
      if (!c) {
        switch (f.type->kind()) {
        case LLKind::BOOL: c = boolConst(false); break;
        case LLKind::CHAR: c = prog.constant(f.type, char(0)); break;
        case LLKind::SIGNED: c = intConst(0); break;
        case LLKind::UNSIGNED: c = prog.constant(f.type, uint64_t(0)); break;
        case LLKind::FLOAT: c = prog.constant(f.type, 0.0); break;
        default: c = nullConst(f.type); break;
        }
      }
      items.push_back(c);
    }
    stored.items = std::move(items);
  }
  if (own->type == want) return own;
  return prog.constant(want, own->value);
}

const LLConstant *RTyper::prebuiltContainer(const eval::Object *obj, const Ann &a, SrcLoc loc) {
  const LLType *want = reprOf(a);
  auto it = prebuiltOf_.find(obj);
  if (it != prebuiltOf_.end()) {
    if (it->second->type == want) return it->second;
    return nullptr; // the same object read with two representations
  }
  PrebuiltObj p;
  p.symbol = "pb_" + std::to_string(prog.prebuilts.size());
  p.type = want;
  std::vector<std::pair<eval::Value, Ann>> members;
  if (a->kind == SomeKind::LIST) {
    const auto *l = static_cast<const eval::ListObj *>(obj);
    ListKind k = listKind(a->listDef);
    if (k == ListKind::RANGE) return nullptr;
    p.kind = k == ListKind::FIXED ? PrebuiltObj::Kind::ARRAY : PrebuiltObj::Kind::LIST;
    for (const eval::Value &v : l->items) members.push_back({v, a->listDef->find()->item.ann});
  } else if (a->kind == SomeKind::DICT) {
    const auto *d = static_cast<const eval::DictObj *>(obj);
    p.kind = PrebuiltObj::Kind::DICT;
    for (const auto &[k, v] : d->entries) {
      members.push_back({k, a->dictDef->find()->key.ann});
      members.push_back({v, a->dictDef->find()->value.ann});
    }
  } else if (a->kind == SomeKind::TUPLE) {
    const auto *t = static_cast<const eval::TupleObj *>(obj);
    p.kind = PrebuiltObj::Kind::TUPLE;
    if (t->items.size() != a->items.size()) return nullptr;
    for (size_t i = 0; i < t->items.size(); ++i) members.push_back({t->items[i], a->items[i]});
  } else {
    return nullptr;
  }
  prog.prebuilts.push_back(p);
  PrebuiltObj &stored = prog.prebuilts.back();
  const LLConstant *c = prog.constant(want, LLConstant::Symbol{p.symbol});
  prebuiltOf_[obj] = c;
  std::vector<const LLConstant *> items;
  for (auto &[v, va] : members) {
    const LLConstant *x = constantOf(v, va, loc);
    if (!x) return nullptr;
    items.push_back(x);
  }
  stored.items = std::move(items);
  return c;
}

const LLConstant *RTyper::constantOf(const eval::Value &v, const Ann &a, SrcLoc loc) {
  const LLType *t = reprOf(a);
  switch (t->kind()) {
  case LLKind::VOID:
    return voidConst();
  case LLKind::BOOL:
    if (v.isBool() || v.isInt()) return boolConst(v.asInt() != 0);
    return nullptr;
  case LLKind::SIGNED:
    if (v.isInt() || v.isBool()) return intConst(v.asInt());
    return nullptr;
  case LLKind::UNSIGNED:
    if (v.isInt() || v.isBool()) return prog.constant(t, uint64_t(v.asInt()));
    if (const eval::InstanceObj *io = eval::asInstance(v)) {
      // rlib.rarith.r_uint values keep their int in attrs["value"].
      if (const eval::Value *x = const_cast<eval::NameMap &>(io->attrs).find("value"))
        if (x->isInt()) return prog.constant(t, uint64_t(x->asInt()));
    }
    return nullptr;
  case LLKind::FLOAT:
    if (v.isFloat()) return prog.constant(t, v.asFloat());
    if (v.isInt() || v.isBool()) return prog.constant(t, double(v.asInt()));
    return nullptr;
  case LLKind::CHAR:
    if (const eval::StrObj *s = eval::asStr(v))
      if (s->value.size() == 1) return prog.constant(t, s->value[0]);
    return nullptr;
  case LLKind::PTR:
    break;
  default:
    return nullptr;
  }
  if (v.isNone()) return nullConst(t);
  if (t == strType()) {
    if (const eval::StrObj *s = eval::asStr(v)) return strConst(s->value);
    return nullptr;
  }
  if (t->target()->isFunc()) {
    if (const eval::FunctionObj *f = eval::asFunction(v)) {
      const ann::GraphInfo *gi = an.graphOf(f);
      if (!gi || !graphOf(gi)) return nullptr;
      const LLConstant *c = graphConst(gi);
      return c->type == t ? c : nullptr;
    }
    return nullptr;
  }
  if (const eval::ClassObj *cls = eval::asClass(v)) {
    ClassInfo *ci = findClassOfObj(cls);
    if (!ci) return nullptr;
    return prog.constant(t, LLConstant::Symbol{ci->vtableSymbol});
  }
  if (const eval::InstanceObj *inst = eval::asInstance(v)) {
    if (a->kind != SomeKind::INSTANCE) return nullptr;
    return prebuiltInstance(inst, a, loc);
  }
  if (v.isObject()) {
    if (a->kind == SomeKind::PBC && a->descs.size() > 0 &&
        a->descs[0]->kind == ann::Desc::Kind::METHOD) {
      // A bound method constant: its receiver.
      if (auto *bm = dynamic_cast<const eval::BoundMethodObj *>(v.asObject())) {
        ann::ClassDef *cd = a->descs[0]->selfClass;
        return constantOf(bm->self, ann::someInstance(cd), loc);
      }
      return nullptr;
    }
    return prebuiltContainer(v.asObject(), a, loc);
  }
  return nullptr;
}

} // namespace lathe::rtyper
