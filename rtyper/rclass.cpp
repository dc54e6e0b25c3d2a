//===- rclass.cpp - The class hierarchy, vtables and instance operations --===//
// DESIGN §5: an instance is a GcStruct whose first field (inherited from
// OBJECT) is `typeptr`, a pointer to its class' vtable
//     OBJECT_VTABLE { subclassMin, subclassMax, name, ...slots }
// Classes are numbered in preorder of the hierarchy (the built-in exception
// classes of runtime/builtin_exceptions.def, then user classes under their
// bases): `isinstance(x, C)` is `C.min <= x.typeptr.subclassMin <= C.max`.
//
// Vtable slots (RPython's ClassRepr "methods" and class attributes):
//   m_NAME  a method called through a receiver whose class has overrides:
//           a function pointer of the call family's signature; each class'
//           vtable holds the implementation it inherits or defines;
//   c_NAME  a class attribute read through instances with different values
//           in different subclasses.
// A slot lives on the highest class of the receiver's chain that defines the
// name. Instance attributes are fields `a_NAME` of the class the annotator
// put them on (the most general one that has them); attributes that are
// always None or a single function take no space (Void).
//
// BaseException's instances carry `msg`, the str() of their arguments
// (CPython's str(e): the one argument's str, '' for none, the tuple's repr
// for several), which tracebacks print.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cassert>
#include <functional>
#include <set>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;

namespace {

struct BuiltinRow {
  const char *enumName, *name, *parent;
};
const BuiltinRow kBuiltinExcs[] = {
#define LL_BUILTIN_EXC(E, Name, Parent) {#E, #Name, #Parent},
#include "runtime/builtin_exceptions.def"
#undef LL_BUILTIN_EXC
};


} // namespace

std::string RTyper::classDisplayName(const eval::ClassObj *cls) const {
  if (cls->builtin || !cls->module) return cls->qualname;
  // As CPython's traceback: classes of the main program unqualified.
  if (cls->module->name == prog.mainModule) return cls->qualname;
  return cls->module->name + "." + cls->qualname;
}

const LLType *RTyper::objectPtr() { return objectPtr_; }
const LLType *RTyper::vtablePtr() { return vtablePtr_; }

ClassInfo *RTyper::findClassOfObj(const eval::ClassObj *cls) {
  auto it = classObjIndex_.find(cls);
  return it == classObjIndex_.end() ? nullptr : &prog.classes[it->second];
}

ClassInfo &RTyper::classOfObj(const eval::ClassObj *cls) {
  ClassInfo *ci = findClassOfObj(cls);
  assert(ci && "every class reached at run time has a ClassInfo");
  return *ci;
}

ClassInfo &RTyper::classOf(const ann::ClassDef *cd) { return classOfObj(cd->cls); }

const LLType *RTyper::instancePtr(const ann::ClassDef *cd) {
  return types.ptr(classOf(cd).instance);
}

const LLConstant *RTyper::vtableConst(const ClassInfo &ci) {
  std::string key = "vtable:" + ci.vtableSymbol;
  auto it = voidConsts_.find(key);
  if (it != voidConsts_.end()) return it->second;
  const LLConstant *c = prog.constant(types.ptr(ci.vtable), LLConstant::Symbol{ci.vtableSymbol});
  voidConsts_[key] = c;
  return c;
}

void RTyper::buildClasses() {
  // OBJECT and its vtable: the root of every instance.
  LLType *rootVt = types.declareStruct("OBJECT_VTABLE", false);
  types.defineFields(rootVt, {{"subclassMin", types.signedType()},
                              {"subclassMax", types.signedType()},
                              {"name", strType()}});
  vtablePtr_ = types.ptr(rootVt);
  LLType *root = types.declareStruct("OBJECT", true);
  types.defineFields(root, {{"typeptr", vtablePtr_}});
  objectPtr_ = types.ptr(root);

  std::vector<ClassInfo> &cs = prog.classes;
  ClassInfo object;
  object.name = "object";
  object.cname = "object";
  object.instance = root;
  object.vtable = rootVt;
  object.vtableSymbol = "vtable_object";
  cs.push_back(object);

  // Built-in exception classes, found by name among the annotated ones.
  std::map<std::string, const ann::ClassDef *> builtinDefs;
  std::map<std::string, const eval::ClassObj *> builtinObjs;
  for (const ann::ClassDef &cd : bk.classDefs())
    if (cd.cls->builtin) builtinDefs[cd.cls->name] = &cd;
  // Every built-in exception class exists in the evaluator's builtins even
  // when unannotated: the runtime can raise it.
  std::map<std::string, int> byName;
  builtinIndex_.assign(std::size(kBuiltinExcs), -1);
  for (size_t k = 0; k < std::size(kBuiltinExcs); ++k) {
    const BuiltinRow &row = kBuiltinExcs[k];
    ClassInfo ci;
    ci.name = row.name;
    ci.cname = row.name;
    ci.builtinKind = int(k);
    ci.base = k == 0 ? 0 : byName.at(row.parent);
    auto d = builtinDefs.find(row.name);
    if (d != builtinDefs.end()) {
      ci.def = d->second;
      ci.cls = d->second->cls;
    } else {
      ci.cls = bk.evaluator().builtinClass(row.name);
    }
    byName[row.name] = int(cs.size());
    builtinIndex_[k] = int(cs.size());
    if (ci.cls) classObjIndex_[ci.cls] = int(cs.size());
    if (ci.def) classIndex_[ci.def] = int(cs.size());
    cs.push_back(ci);
  }
  // User classes (and `object` subclasses), bases first (ClassDefs are
  // created base first).
  for (const ann::ClassDef &cd : bk.classDefs()) {
    if (cd.cls->builtin) {
      if (!classIndex_.count(&cd) && cd.cls->name != "object")
        error(cd.cls->loc, "the built-in class '" + cd.cls->name + "' cannot be used at run time");
      continue;
    }
    ClassInfo ci;
    ci.def = &cd;
    ci.cls = cd.cls;
    ci.name = classDisplayName(cd.cls);
    ci.cname = cIdentifier((cd.cls->module ? cd.cls->module->name + "_" : std::string()) +
                          cd.cls->qualname);
    ci.base = 0;
    if (cd.base) {
      auto it = classObjIndex_.find(cd.base->cls);
      if (it != classObjIndex_.end()) ci.base = it->second;
    }
    classObjIndex_[cd.cls] = int(cs.size());
    classIndex_[&cd] = int(cs.size());
    cs.push_back(ci);
  }
  // Classes only used as values (never instantiated: no ClassDef) still
  // need a vtable when a variable may hold one of several classes.
  std::function<int(const eval::ClassObj *)> valueClass = [&](const eval::ClassObj *cls) -> int {
    auto it = classObjIndex_.find(cls);
    if (it != classObjIndex_.end()) return it->second;
    if (cls->builtin) return 0;
    int base = cls->bases.empty() ? 0 : valueClass(cls->bases[0]);
    ClassInfo ci;
    ci.cls = cls;
    ci.name = classDisplayName(cls);
    ci.cname = cIdentifier((cls->module ? cls->module->name + "_" : std::string()) + cls->qualname);
    ci.base = base;
    classObjIndex_[cls] = int(cs.size());
    cs.push_back(ci);
    return int(cs.size()) - 1;
  };
  for (const ann::GraphInfo &gi : an.graphs())
    for (const ann::Binding &b : gi.bindings)
      if (b.ann && b.ann->kind == SomeKind::PBC && b.ann->descs.size() > 1)
        for (const ann::Desc *d : b.ann->descs)
          if (d->kind == ann::Desc::Kind::CLASS && d->cls && !d->cls->constructor) valueClass(d->cls);

  // Unique C++ names.
  std::set<std::string> used;
  for (ClassInfo &ci : cs) {
    std::string n = ci.cname;
    for (int k = 2; used.count(n); ++k) n = ci.cname + "_" + std::to_string(k);
    ci.cname = n;
    used.insert(n);
    ci.vtableSymbol = "vtable_" + n;
  }
  // Preorder numbering.
  std::vector<std::vector<int>> children(cs.size());
  for (size_t i = 1; i < cs.size(); ++i) children[cs[i].base].push_back(int(i));
  int64_t counter = 0;
  std::function<void(int)> number = [&](int i) {
    cs[i].subclassMin = counter++;
    for (int k : children[i]) number(k);
    cs[i].subclassMax = counter - 1;
  };
  number(0);

  // Structs: declared now (so reprs can point at them), defined below.
  std::vector<LLType *> &inst = declaredInst_, &vt = declaredVt_;
  inst.assign(cs.size(), nullptr);
  vt.assign(cs.size(), nullptr);
  inst[0] = root;
  vt[0] = rootVt;
  for (size_t i = 1; i < cs.size(); ++i) {
    inst[i] = types.declareStruct(cs[i].cname, true, inst[cs[i].base]);
    vt[i] = types.declareStruct("vt_" + cs[i].cname, false, vt[cs[i].base]);
    cs[i].instance = inst[i];
    cs[i].vtable = vt[i];
  }

}

void RTyper::finishClasses() {
  std::vector<ClassInfo> &cs = prog.classes;
  std::vector<LLType *> &inst = declaredInst_, &vt = declaredVt_;
  // Vtable slots, from the method calls and class attributes the graphs use.
  std::map<int, std::set<std::string>> methodSlots, constSlots;
  auto owner = [&](const ann::ClassDef *cd, const std::string &name) {
    const ann::ClassDef *top = cd;
    for (const ann::ClassDef *k = cd; k; k = k->base)
      if (k->cls->attrs.find(name)) top = k;
    return classIndex_.count(top) ? classIndex_[top] : -1;
  };
  for (const ann::GraphInfo &gi : an.graphs()) {
    for (const flow::Block *b : gi.graph->blocks()) {
      for (const flow::Operation &op : b->operations) {
        if (op.op != flow::FlowOp::GETATTR || !op.args[1].isConst()) continue;
        Ann recv = an.annotationOf(gi, op.args[0]);
        if (recv->kind != SomeKind::INSTANCE) continue;
        Ann res = an.annotationOf(gi, op.result);
        const std::string &name = eval::asStr(op.args[1].cst()->value)->value;
        const eval::Value *cv = bk.classAttr(recv->classDef, name);
        if (!cv) continue;
        if (res->kind == SomeKind::PBC && !res->descs.empty() &&
            res->descs[0]->kind == ann::Desc::Kind::METHOD) {
          if (res->descs.size() > 1) {
            int o = owner(recv->classDef, name);
            if (o >= 0) methodSlots[o].insert(name);
          }
        } else if (!res->hasConst && !eval::asFunction(*cv)) {
          int o = owner(recv->classDef, name);
          if (o >= 0) constSlots[o].insert(name);
        }
      }
    }
  }

  // Define the structs, bases first (classes are in base-first order).
  for (size_t i = 1; i < cs.size(); ++i) {
    ClassInfo &ci = cs[i];
    std::vector<LLField> own;
    if (ci.builtinKind == 0) own.push_back({"msg", strType()});
    if (ci.def)
      for (const auto &[name, slot] : ci.def->attrs) {
        const LLType *t = reprOf(slot.ann);
        if (t->kind() != LLKind::VOID) own.push_back({"a_" + name, t});
      }
    std::string err = types.defineFields(inst[i], std::move(own));
    if (!err.empty()) error(ci.cls ? ci.cls->loc : SrcLoc{}, "internal error: " + err);
  }
  for (size_t i = 1; i < cs.size(); ++i) {
    ClassInfo &ci = cs[i];
    std::vector<LLField> own;
    for (const std::string &name : methodSlots[int(i)]) {
      const ann::GraphInfo *g = nullptr;
      if (const eval::Value *v = ci.cls->lookup(name))
        if (const eval::FunctionObj *f = eval::asFunction(*v)) g = an.graphOf(f);
      const FamilySig *fam = nullptr;
      if (g)
        for (const ann::CallFamily *cf : bk.callFamilies())
          for (const ann::Desc *d : cf->members)
            if (d->func == g->func && !fam) fam = familyOfDesc(d);
      if (!fam) continue;
      own.push_back({"m_" + name, types.ptr(fam->funcType)});
    }
    for (const std::string &name : constSlots[int(i)]) {
      // The slot's annotation: the union of the values of this class and
      // of every subclass that overrides it.
      Ann a = ann::someImpossible();
      std::vector<int> worklist{int(i)};
      while (!worklist.empty()) {
        int k = worklist.back();
        worklist.pop_back();
        if (const eval::Value *v = cs[k].cls ? cs[k].cls->lookup(name) : nullptr) {
          ann::UnionResult u = ann::unionOf(a, ann::withoutConst(bk.immutableValue(*v)));
          if (u.ok()) a = u.value;
        }
        for (size_t j = 1; j < cs.size(); ++j)
          if (cs[j].base == k) worklist.push_back(int(j));
      }
      const LLType *t = reprOf(a);
      if (t->kind() == LLKind::VOID) continue;
      own.push_back({"c_" + name, t});
      constSlotAnn_[{int(i), name}] = a;
    }
    std::string err = types.defineFields(vt[i], std::move(own));
    if (!err.empty()) error(ci.cls ? ci.cls->loc : SrcLoc{}, "internal error: " + err);
  }
  // Slot values per class: the implementation each class inherits, the
  // class attribute each class sees.
  for (size_t i = 1; i < cs.size(); ++i) {
    ClassInfo &ci = cs[i];
    for (int k = int(i); k > 0; k = cs[k].base)
      for (const auto &[key, a] : constSlotAnn_) {
        if (key.first != k) continue;
        const eval::Value *v = ci.cls ? ci.cls->lookup(key.second) : nullptr;
        const LLConstant *c = v ? constantOf(*v, a, ci.cls->loc) : nullptr;
        if (c) ci.classConstants[key.second] = c;
      }
    for (const LLField &f : ci.vtable->fields()) {
      if (f.name.rfind("m_", 0) != 0) continue;
      std::string name = f.name.substr(2);
      const eval::Value *v = ci.cls ? ci.cls->lookup(name) : nullptr;
      const eval::FunctionObj *fn = v ? eval::asFunction(*v) : nullptr;
      const ann::GraphInfo *g = fn ? an.graphOf(fn) : nullptr;
      if (g && graphOf(g) && types.ptr(graphOf(g)->funcType(types)) == f.type)
        ci.methods[name] = graphOf(g)->name;
      else
        ci.methods[name] = "";
    }
  }
}

} // namespace lathe::rtyper

// --- instance operations -------------------------------------------------------

namespace lathe::rtyper {

namespace {

const ann::Slot *findAttrSlot(const ann::ClassDef *cd, const std::string &name) {
  for (const ann::ClassDef *k = cd; k; k = k->base) {
    auto it = k->attrs.find(name);
    if (it != k->attrs.end()) return &it->second;
  }
  return nullptr;
}

/// `isinstance`-style range check of a vtable pointer against class `ci`.
LLValue classRangeCheck(Lowering &L, LLValue vtable, const ClassInfo &ci) {
  TypeContext &T = L.types;
  LLValue n = L.getfield(vtable, "subclassMin");
  LLValue d = L.emit(LLOp::INT_SUB, {n, L.cint(ci.subclassMin)}, T.signedType());
  LLValue u = L.emit(LLOp::CAST_INT_TO_UINT, {d}, T.unsignedType());
  return L.emit(LLOp::UINT_LE, {u, L.g.constant(T.unsignedType(), uint64_t(ci.subclassMax - ci.subclassMin))},
                T.boolType());
}


} // namespace

std::vector<const eval::ClassObj *> classesOf(const eval::Value &v) {
  std::vector<const eval::ClassObj *> out;
  if (const eval::ClassObj *c = eval::asClass(v)) out.push_back(c);
  if (const eval::TupleObj *t = eval::asTuple(v))
    for (const eval::Value &x : t->items)
      if (const eval::ClassObj *c = eval::asClass(x)) out.push_back(c);
  return out;
}

LLValue classMatch(Lowering &L, LLValue vtable, const eval::Value &classes) {
  LLValue result;
  for (const eval::ClassObj *c : classesOf(classes)) {
    ClassInfo *ci = L.rt.findClassOfObj(c);
    if (!ci) return L.unsupported("matching against " + c->qualname);
    LLValue m = classRangeCheck(L, vtable, *ci);
    if (result.isNull()) {
      result = m;
    } else {
      LLValue a = L.emit(LLOp::CAST_BOOL_TO_INT, {result}, L.types.signedType());
      LLValue b = L.emit(LLOp::CAST_BOOL_TO_INT, {m}, L.types.signedType());
      result = L.emit(LLOp::INT_IS_TRUE, {L.emit(LLOp::INT_OR, {a, b}, L.types.signedType())},
                      L.types.boolType());
    }
  }
  return result.isNull() ? L.cbool(false) : result;
}

LLValue lowerInstanceOp(Lowering &L) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  flow::FlowOp o = L.op->op;
  switch (o) {
  case flow::FlowOp::TYPE: {
    Ann a = L.argAnn(0);
    if (a->kind != SomeKind::INSTANCE) return LLValue();
    return L.getfield(L.castPtr(L.arg(0), rt.objectPtr()), "typeptr");
  }
  case flow::FlowOp::EXCEPTION_MATCH: {
    const eval::Value *c = L.constArg(1);
    if (!c) return LLValue();
    return classMatch(L, L.arg(0), *c);
  }
  case flow::FlowOp::IS:
  case flow::FlowOp::EQ:
  case flow::FlowOp::NE: {
    LLValue a = L.arg(0), b = L.arg(1);
    bool ne = o == flow::FlowOp::NE;
    auto finish = [&](LLValue eq) {
      return ne ? LLValue(L.emit(LLOp::BOOL_NOT, {eq}, T.boolType())) : eq;
    };
    bool va = a.type()->kind() == LLKind::VOID, vb = b.type()->kind() == LLKind::VOID;
    // A single function or class (Void) against a value that may be one of
    // several: compare with its pointer.
    if (va != vb) {
      Ann ca = L.argAnn(va ? 0 : 1), other = L.argAnn(va ? 1 : 0);
      if (ca->kind == SomeKind::PBC && !ca->descs.empty() && (va ? b : a).type()->isPtr()) {
        LLValue c = L.convert(va ? a : b, ca, other);
        (va ? a : b) = c;
        va = vb = false;
      }
    }
    if (va && vb) {
      Ann x = L.argAnn(0), y = L.argAnn(1);
      bool same = x->kind == y->kind && (x->kind != SomeKind::PBC || x->descs == y->descs);
      return finish(L.cbool(same));
    }
    if (va || vb) {
      LLValue p = va ? b : a;
      if (!p.type()->isPtr()) return finish(L.cbool(false));
      return finish(L.emit(LLOp::PTR_ISZERO, {p}, T.boolType()));
    }
    if (a.type()->isPtr() && b.type()->isPtr()) {
      if (a.type() != b.type()) {
        if (a.type()->target()->isStruct() && b.type()->target()->isStruct() &&
            a.type()->target()->hasTypeptrPrefix() && b.type()->target()->hasTypeptrPrefix()) {
          a = L.castPtr(a, rt.objectPtr());
          b = L.castPtr(b, rt.objectPtr());
        } else {
          return LLValue();
        }
      }
      return finish(L.emit(LLOp::PTR_EQ, {a, b}, T.boolType()));
    }
    if (a.type() == b.type()) {
      switch (a.type()->kind()) {
      case LLKind::SIGNED: return finish(L.emit(LLOp::INT_EQ, {a, b}, T.boolType()));
      case LLKind::BOOL:
        return finish(L.emit(LLOp::INT_EQ,
                             {L.emit(LLOp::CAST_BOOL_TO_INT, {a}, T.signedType()),
                              L.emit(LLOp::CAST_BOOL_TO_INT, {b}, T.signedType())},
                             T.boolType()));
      case LLKind::CHAR: return finish(L.emit(LLOp::CHAR_EQ, {a, b}, T.boolType()));
      default: break;
      }
    }
    return LLValue();
  }
  case flow::FlowOp::GETATTR: {
    Ann a = L.argAnn(0);
    if (a->kind != SomeKind::INSTANCE) return LLValue();
    const std::string &name = eval::asStr(*L.constArg(1))->value;
    Ann res = L.resultAnn();
    LLValue obj = L.arg(0);
    if (res->kind == SomeKind::PBC && !res->descs.empty() &&
        res->descs[0]->kind == ann::Desc::Kind::METHOD)
      return L.castPtr(obj, L.resultType());
    if (rt.bk.classAttr(a->classDef, name)) {
      // A class attribute with per-class values: the vtable slot.
      for (const ann::ClassDef *k = a->classDef; k; k = k->base) {
        const ClassInfo &ci = rt.classOf(k);
        if (ci.vtable->fieldIndex("c_" + name) < 0) continue;
        LLValue tp = L.getfield(L.castPtr(obj, rt.objectPtr()), "typeptr");
        LLValue vt = L.castPtr(tp, T.ptr(ci.vtable));
        LLValue v = L.getfield(vt, "c_" + name);
        return v;
      }
      return LLValue();
    }
    const ann::Slot *slot = findAttrSlot(a->classDef, name);
    if (!slot) return LLValue();
    const LLType *ft = obj.type()->target()->fieldType("a_" + name);
    if (!ft) return rt.voidConst();
    LLValue v = L.getfield(obj, "a_" + name);
    return L.convert(v, slot->ann, res);
  }
  case flow::FlowOp::SETATTR: {
    Ann a = L.argAnn(0);
    if (a->kind != SomeKind::INSTANCE) return LLValue();
    const std::string &name = eval::asStr(*L.constArg(1))->value;
    const ann::Slot *slot = findAttrSlot(a->classDef, name);
    if (!slot) return LLValue();
    LLValue obj = L.arg(0);
    if (obj.type()->target()->fieldType("a_" + name)) {
      LLValue v = L.convertTo(L.op->args[2], slot->ann);
      L.setfield(obj, "a_" + name, v);
    }
    return rt.voidConst();
  }
  default:
    return LLValue();
  }
}

} // namespace lathe::rtyper
