//===- bookkeeper.cpp - ClassDefs, ListDefs, DictDefs, Descs ---------------===//
// Implements bookkeeper.h. The attribute protocol follows RPython's
// classdesc.py: reading or writing `name` on ClassDef C first looks along C's
// ancestors; if absent there, any copies on C's subclasses are merged into a
// new attribute on C (their readers re-flow) — so an attribute always lives
// on the most general class that uses it.
//===----------------------------------------------------------------------===//
#include "annotator/bookkeeper.h"

#include <algorithm>

#include <cassert>

namespace lathe::ann {

// --- small types ----------------------------------------------------------

Slot::Slot() : ann(someImpossible()) {}

void Slot::addReader(const Position &p) {
  for (const Position &r : readers)
    if (r.graph == p.graph && r.block == p.block) return;
  readers.push_back(p);
}

std::string ClassDef::name() const {
  if (!cls->module || cls->builtin) return cls->qualname;
  return cls->module->name + "." + cls->qualname;
}

bool ClassDef::isSubclassOf(const ClassDef *other) const {
  for (const ClassDef *c = this; c; c = c->base)
    if (c == other) return true;
  return false;
}

ClassDef *ClassDef::commonBase(ClassDef *a, ClassDef *b) {
  for (ClassDef *c = a; c; c = c->base)
    if (b->isSubclassOf(c)) return c;
  return nullptr;
}

ListDef *ListDef::find() {
  ListDef *d = this;
  while (d->parent) d = d->parent;
  return d;
}

DictDef *DictDef::find() {
  DictDef *d = this;
  while (d->parent) d = d->parent;
  return d;
}

std::tuple<int, uint32_t, uint32_t> Desc::key() const {
  switch (kind) {
  case Kind::FUNCTION:
    return {0, func->serial, 0};
  case Kind::CLASS:
    return {1, cls->serial, 0};
  case Kind::METHOD:
    return {2, func->serial, selfClass->cls->serial};
  case Kind::CONSTANT:
    return {3, value.isObject() ? value.asObject()->serial : 0, 0};
  }
  return {4, 0, 0};
}

namespace {
std::string qualified(const eval::FunctionObj *f) {
  return f->module ? f->module->name + "." + f->qualname : f->qualname;
}
} // namespace

std::string Desc::describe() const {
  switch (kind) {
  case Kind::FUNCTION:
    return "function " + qualified(func);
  case Kind::CLASS:
    return "class " + (cls->module && !cls->builtin ? cls->module->name + "." : "") + cls->qualname;
  case Kind::METHOD:
    return "method " + qualified(func) + " of " + selfClass->name();
  case Kind::CONSTANT:
    return eval::describe(value);
  }
  return "?";
}

void unionListDefs(ListDef *a, ListDef *b) { a->owner->unifyLists(a, b); }
void unionDictDefs(DictDef *a, DictDef *b) { a->owner->unifyDicts(a, b); }

// --- bookkeeper -------------------------------------------------------------

Bookkeeper::Bookkeeper(eval::Evaluator &ev, Reflower &reflower, AnnDiagnostics &diags)
    : ev_(ev), reflower_(reflower), diags_(diags) {}

void Bookkeeper::freezeGlobal(const eval::Value &v, const Ann &a) {
  std::string *frozen = a->kind == SomeKind::LIST   ? &a->listDef->find()->frozen
                        : a->kind == SomeKind::DICT ? &a->dictDef->find()->frozen
                                                    : nullptr;
  if (!frozen || !frozen->empty()) return;
  // The first module (in loading order) with a global holding the object.
  for (const eval::ModuleObj *m : ev_.modules())
    for (const auto &[name, g] : m->globals.entries())
      if (g.identical(v) && frozen->empty()) *frozen = m->name + "." + name;
  if (frozen->empty()) *frozen = "a prebuilt " + std::string(someKindName(a->kind));
}

ClassDef *Bookkeeper::classDefFor(const eval::ClassObj *cls) {
  auto it = classDefOf_.find(cls);
  if (it != classDefOf_.end()) return it->second;
  if (cls->builtin && cls->qualname == "object") return nullptr;
  return makeClassDef(cls);
}

ClassDef *Bookkeeper::makeClassDef(const eval::ClassObj *cls) {
  ClassDef *base = cls->bases.empty() ? nullptr : classDefFor(cls->bases[0]);
  ClassDef &cd = classDefs_.emplace_back();
  cd.cls = cls;
  cd.base = base;
  cd.order = uint32_t(classDefs_.size());
  classDefOf_[cls] = &cd;
  // A new subclass can add method overrides and attribute owners: whoever
  // looked at an ancestor's shape looks again.
  for (ClassDef *c = base; c; c = c->base) {
    if (c == base) c->subdefs.push_back(&cd);
    for (const Position &p : c->shapeReaders) reflower_.reflow(p);
  }
  return &cd;
}

Desc *Bookkeeper::functionDesc(const eval::FunctionObj *f) {
  Desc d;
  d.kind = Desc::Kind::FUNCTION;
  d.func = f;
  auto [it, fresh] = descOf_.emplace(d.key(), nullptr);
  if (fresh) it->second = &descs_.emplace_back(d);
  return it->second;
}

Desc *Bookkeeper::classDesc(const eval::ClassObj *c) {
  Desc d;
  d.kind = Desc::Kind::CLASS;
  d.cls = c;
  auto [it, fresh] = descOf_.emplace(d.key(), nullptr);
  if (fresh) it->second = &descs_.emplace_back(d);
  return it->second;
}

Desc *Bookkeeper::methodDesc(const eval::FunctionObj *f, ClassDef *self) {
  Desc d;
  d.kind = Desc::Kind::METHOD;
  d.func = f;
  d.selfClass = self;
  auto [it, fresh] = descOf_.emplace(d.key(), nullptr);
  if (fresh) it->second = &descs_.emplace_back(d);
  return it->second;
}

Desc *Bookkeeper::constantDesc(const eval::Value &v) {
  Desc d;
  d.kind = Desc::Kind::CONSTANT;
  d.value = v;
  auto [it, fresh] = descOf_.emplace(d.key(), nullptr);
  if (fresh) it->second = &descs_.emplace_back(d);
  return it->second;
}

// --- call families ------------------------------------------------------

CallFamily *CallFamily::find() {
  CallFamily *f = this;
  while (f->parent) f = f->parent;
  return f;
}

CallFamily *Bookkeeper::noteCall(const std::vector<Desc *> &descs, SrcLoc site) {
  CallFamily *fam = nullptr;
  for (Desc *d : descs) {
    CallFamily *own = d->family ? d->family->find() : nullptr;
    if (!own) {
      if (!fam) {
        fam = &families_.emplace_back();
        fam->order = uint32_t(families_.size());
      }
      d->family = fam;
      fam->members.push_back(d);
      continue;
    }
    if (!fam || own == fam) {
      fam = own;
      continue;
    }
    // Merge the younger family into the older (deterministic representative).
    CallFamily *keep = own->order < fam->order ? own : fam;
    CallFamily *gone = keep == own ? fam : own;
    gone->parent = keep;
    keep->members.insert(keep->members.end(), gone->members.begin(), gone->members.end());
    keep->callSites.insert(keep->callSites.end(), gone->callSites.begin(), gone->callSites.end());
    fam = keep;
  }
  if (!fam) return nullptr;
  std::sort(fam->members.begin(), fam->members.end(),
            [](const Desc *a, const Desc *b) { return a->key() < b->key(); });
  fam->members.erase(std::unique(fam->members.begin(), fam->members.end()), fam->members.end());
  bool known = false;
  for (SrcLoc l : fam->callSites) known |= l.file == site.file && l.line == site.line && l.col == site.col;
  if (!known) fam->callSites.push_back(site);
  return fam;
}

std::vector<const CallFamily *> Bookkeeper::callFamilies() const {
  std::vector<const CallFamily *> out;
  for (const CallFamily &f : families_)
    if (!f.parent) out.push_back(&f);
  return out;
}

ListDef *Bookkeeper::newListDef(SrcLoc loc) {
  ListDef &d = listDefs_.emplace_back();
  d.created = loc;
  d.owner = this;
  d.order = uint32_t(listDefs_.size());
  return &d;
}

DictDef *Bookkeeper::newDictDef(SrcLoc loc) {
  DictDef &d = dictDefs_.emplace_back();
  d.created = loc;
  d.owner = this;
  d.order = uint32_t(dictDefs_.size());
  return &d;
}

ListDef *Bookkeeper::listDefAt(const void *site, SrcLoc loc) {
  auto [it, fresh] = listAt_.emplace(site, nullptr);
  if (fresh) it->second = newListDef(loc);
  return it->second;
}

DictDef *Bookkeeper::dictDefAt(const void *site, SrcLoc loc) {
  auto [it, fresh] = dictAt_.emplace(site, nullptr);
  if (fresh) it->second = newDictDef(loc);
  return it->second;
}

// --- translation-time values ------------------------------------------------

Ann Bookkeeper::immutableValue(const eval::Value &v) {
  switch (v.tag()) {
  case eval::Tag::NONE:
    return someNone();
  case eval::Tag::BOOL:
    return withConst(someBool(), v);
  case eval::Tag::INT:
    return withConst(someInteger(v.asInt() >= 0), v);
  case eval::Tag::FLOAT:
    return withConst(someFloat(), v);
  case eval::Tag::OBJ:
    break;
  }
  auto it = prebuilt_.find(v.asObject());
  if (it != prebuilt_.end()) return it->second;
  Ann a = containerValue(v);
  prebuilt_[v.asObject()] = a;
  return a;
}

/// The annotation of an Object constant (computed once per object).
Ann Bookkeeper::containerValue(const eval::Value &v) {
  eval::Object *o = v.asObject();
  switch (o->kind) {
  case eval::ObjKind::STR:
    return withConst(eval::asStr(v)->value.size() == 1 ? someChar() : someString(), v);
  case eval::ObjKind::TUPLE: {
    std::vector<Ann> items;
    for (const eval::Value &x : eval::asTuple(v)->items) items.push_back(immutableValue(x));
    return withConst(someTuple(std::move(items)), v);
  }
  case eval::ObjKind::LIST: {
    ListDef *d = newListDef({});
    Ann a = someList(d);
    prebuilt_[o] = a; // before the items: a list may contain itself
    for (const eval::Value &x : eval::asList(v)->items)
      generalize(d->item, withoutConst(immutableValue(x)), {}, {}, "list item");
    return a;
  }
  case eval::ObjKind::DICT: {
    DictDef *d = newDictDef({});
    Ann a = someDict(d);
    prebuilt_[o] = a;
    for (const auto &[k, x] : eval::asDict(v)->entries) {
      generalize(d->key, withoutConst(immutableValue(k)), {}, {}, "dict key");
      generalize(d->value, withoutConst(immutableValue(x)), {}, {}, "dict value");
    }
    return a;
  }
  case eval::ObjKind::FUNCTION:
    return withConst(somePBC({functionDesc(eval::asFunction(v))}), v);
  case eval::ObjKind::CLASS:
    return withConst(somePBC({classDesc(eval::asClass(v))}), v);
  case eval::ObjKind::BUILTIN: {
    eval::BuiltinObj *b = eval::asBuiltin(v);
    if (b->hasSelf) return someBuiltinMethod(immutableValue(b->self), b->name);
    return withConst(someBuiltin(b->name), v);
  }
  case eval::ObjKind::INSTANCE: {
    eval::InstanceObj *inst = eval::asInstance(v);
    ClassDef *cd = classDefFor(inst->cls);
    Ann a = withConst(someInstance(cd), v);
    prebuilt_[o] = a;
    prebuiltInstance(inst, cd);
    return a;
  }
  case eval::ObjKind::BOUND_METHOD: {
    eval::BoundMethodObj *m = eval::asBoundMethod(v);
    Ann self = immutableValue(m->self);
    if (self->kind == SomeKind::INSTANCE && eval::asFunction(m->func))
      return withConst(somePBC({methodDesc(eval::asFunction(m->func), self->classDef)}), v);
    return withConst(somePBC({constantDesc(v)}), v);
  }
  case eval::ObjKind::SET:
  case eval::ObjKind::MODULE:
  case eval::ObjKind::CELL:
  case eval::ObjKind::ITERATOR:
    return withConst(somePBC({constantDesc(v)}), v);
  }
  return someImpossible();
}

/// A prebuilt instance's attributes become attributes of its ClassDef.
void Bookkeeper::prebuiltInstance(const eval::InstanceObj *inst, ClassDef *cd) {
  for (const auto &[name, value] : inst->attrs.entries())
    writeAttr(cd, name, withoutConst(immutableValue(value)), inst->cls->loc, inst->cls->loc);
}

// --- slots -------------------------------------------------------------------

void Bookkeeper::generalize(Slot &s, const Ann &value, SrcLoc origin, SrcLoc where,
                            const std::string &what) {
  Ann v = withoutConst(value);
  UnionResult r = unionOf(s.ann, v);
  if (!r.ok()) {
    diags_.unionError(where.known() ? where : origin, what, printType(s.ann), s.origin,
                      printType(v), origin, r.why);
    return;
  }
  if (sameAnn(r.value, s.ann)) return;
  if (isImpossible(s.ann) || sameAnn(r.value, v)) s.origin = origin;
  s.ann = r.value;
  for (const Position &p : s.readers) reflower_.reflow(p);
}

Ann Bookkeeper::readSlot(Slot &s, const Position &reader, SrcLoc *origin) {
  s.addReader(reader);
  if (origin) *origin = s.origin;
  return s.ann;
}

void Bookkeeper::unifyLists(ListDef *a, ListDef *b) {
  a = a->find();
  b = b->find();
  if (a == b) return;
  Ann oldB = b->item.ann;
  b->parent = a;
  a->mutated |= b->mutated;
  a->resized |= b->resized;
  a->range &= b->range;
  if (a->frozen.empty()) a->frozen = b->frozen;
  generalize(a->item, b->item.ann, b->item.origin, b->item.origin, "list item");
  if (!sameAnn(a->item.ann, oldB))
    for (const Position &p : b->item.readers) reflower_.reflow(p);
  for (const Position &p : b->item.readers) a->item.addReader(p);
}

void Bookkeeper::unifyDicts(DictDef *a, DictDef *b) {
  a = a->find();
  b = b->find();
  if (a == b) return;
  Ann oldK = b->key.ann, oldV = b->value.ann;
  b->parent = a;
  a->mutated |= b->mutated;
  if (a->frozen.empty()) a->frozen = b->frozen;
  generalize(a->key, b->key.ann, b->key.origin, b->key.origin, "dict key");
  generalize(a->value, b->value.ann, b->value.origin, b->value.origin, "dict value");
  if (!sameAnn(a->key.ann, oldK) || !sameAnn(a->value.ann, oldV)) {
    for (const Position &p : b->key.readers) reflower_.reflow(p);
    for (const Position &p : b->value.readers) reflower_.reflow(p);
  }
  for (const Position &p : b->key.readers) a->key.addReader(p);
  for (const Position &p : b->value.readers) a->value.addReader(p);
}

// --- attributes ----------------------------------------------------------------

Slot *Bookkeeper::findAttr(ClassDef *cd, const std::string &name) {
  for (ClassDef *c = cd; c; c = c->base) {
    auto it = c->attrs.find(name);
    if (it != c->attrs.end()) return &it->second;
  }
  return nullptr;
}

void Bookkeeper::collectFromSubclasses(ClassDef *cd, const std::string &name, Slot &into) {
  for (ClassDef *sub : cd->subdefs) {
    auto it = sub->attrs.find(name);
    if (it != sub->attrs.end()) {
      Slot moved = std::move(it->second);
      sub->attrs.erase(it);
      generalize(into, moved.ann, moved.origin, moved.origin,
                 "attribute `" + cd->name() + "." + name + "`");
      for (const Position &p : moved.readers) {
        into.addReader(p);
        reflower_.reflow(p);
      }
    }
    collectFromSubclasses(sub, name, into);
  }
}

Slot *Bookkeeper::hoistAttr(ClassDef *cd, const std::string &name) {
  if (Slot *s = findAttr(cd, name)) return s;
  Slot &s = cd->attrs[name];
  collectFromSubclasses(cd, name, s);
  return &s;
}

Ann Bookkeeper::readAttr(ClassDef *cd, const std::string &name, const Position &reader,
                         SrcLoc loc, SrcLoc *origin) {
  Slot *s = hoistAttr(cd, name);
  Ann a = readSlot(*s, reader, origin);
  if (isImpossible(a) && !cd->unknownReads.count(name)) cd->unknownReads[name] = loc;
  return a;
}

void Bookkeeper::writeAttr(ClassDef *cd, const std::string &name, const Ann &value,
                           SrcLoc origin, SrcLoc where) {
  Slot *s = hoistAttr(cd, name);
  ClassDef *owner = cd;
  while (!owner->attrs.count(name) || &owner->attrs[name] != s) owner = owner->base;
  generalize(*s, value, origin, where, "attribute `" + owner->name() + "." + name + "`");
}

const eval::Value *Bookkeeper::classAttr(ClassDef *cd, const std::string &name) const {
  return cd->cls->lookup(name);
}

void Bookkeeper::reportUnknownAttributes() {
  for (ClassDef &cd : classDefs_) {
    for (const auto &[name, loc] : cd.unknownReads) {
      Slot *s = findAttr(&cd, name);
      if (s && !isImpossible(s->ann)) continue;
      if (classAttr(&cd, name)) continue;
      std::string known, methods;
      for (ClassDef *c = &cd; c; c = c->base) {
        for (const auto &[n, slot] : c->attrs)
          if (!isImpossible(slot.ann)) known += (known.empty() ? "" : ", ") + n;
        for (const auto &[n, v] : c->cls->attrs.entries())
          if (eval::asFunction(v) && !(n.size() > 4 && n.rfind("__", 0) == 0))
            methods += (methods.empty() ? "" : ", ") + n;
      }
      std::string what = known.empty() ? "" : "its attributes: " + known;
      if (!methods.empty()) what += (what.empty() ? "" : "; ") + std::string("its methods: ") + methods;
      diags_.error(loc, "class " + cd.name() + " has no attribute '" + name + "'" +
                            (what.empty() ? " (it has no attributes)" : " (" + what + ")"));
    }
  }
}

} // namespace lathe::ann
