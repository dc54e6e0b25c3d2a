//===- attrop.cpp - Annotation rules of getattr / setattr ------------------===//
// Instances: a name found at class level as a function is a method — the
// result is the SomePBC of that method and of every override in subclasses
// of the receiver's class (a virtual call); other class-level values are
// class constants; anything else is an instance attribute, whose annotation
// lives in the bookkeeper (attributes on the most general class, readers
// re-flowed). Classes give their functions (unbound) and constants; modules
// give their globals; built-in types give their methods (builtins.cpp).
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

namespace {

using flow::FlowOp;

void addShapeReader(ClassDef *cd, const Position &p) {
  for (const Position &r : cd->shapeReaders)
    if (r.graph == p.graph && r.block == p.block) return;
  cd->shapeReaders.push_back(p);
}

const eval::FunctionObj *ownFunction(const ClassDef *cd, const std::string &name) {
  const eval::Value *v = cd->cls->attrs.find(name);
  return v ? eval::asFunction(*v) : nullptr;
}

void collectOverrides(OpContext &c, ClassDef *cd, const std::string &name,
                      std::vector<Desc *> &out) {
  for (ClassDef *sub : cd->subdefs) {
    if (const eval::FunctionObj *f = ownFunction(sub, name))
      out.push_back(c.bk().methodDesc(f, sub));
    collectOverrides(c, sub, name, out);
  }
}

/// `obj.name` where `name` is a method of obj's class: a virtual call.
Ann methodOf(OpContext &c, ClassDef *cd, const eval::FunctionObj *f, const std::string &name) {
  std::vector<Desc *> descs{c.bk().methodDesc(f, cd)};
  for (ClassDef *k = cd; k; k = k->base) addShapeReader(k, c.pos());
  collectOverrides(c, cd, name, descs);
  return somePBC(std::move(descs));
}

/// A class-level constant seen from instances of `cd` (and overrides).
Ann classConstant(OpContext &c, ClassDef *cd, const eval::Value &v, const std::string &name) {
  Ann a = c.bk().immutableValue(v);
  std::vector<ClassDef *> todo(cd->subdefs.begin(), cd->subdefs.end());
  for (ClassDef *k = cd; k; k = k->base) addShapeReader(k, c.pos());
  while (!todo.empty()) {
    ClassDef *sub = todo.back();
    todo.pop_back();
    if (const eval::Value *own = sub->cls->attrs.find(name)) {
      UnionResult u = unionOf(a, c.bk().immutableValue(*own));
      if (!u.ok()) {
        c.error("class attribute '" + name + "' has different types in " + cd->name() +
                " and " + sub->name());
        return someImpossible();
      }
      a = u.value;
    }
    todo.insert(todo.end(), sub->subdefs.begin(), sub->subdefs.end());
  }
  return a;
}

Ann instanceAttr(OpContext &c, ClassDef *cd, const std::string &name) {
  if (const eval::Value *v = c.bk().classAttr(cd, name)) {
    if (const eval::FunctionObj *f = eval::asFunction(*v)) return methodOf(c, cd, f, name);
    return classConstant(c, cd, *v, name);
  }
  return c.bk().readAttr(cd, name, c.pos(), c.loc(), &c.resultOrigin);
}

Ann pbcAttr(OpContext &c, const Ann &a, const std::string &name) {
  if (a->descs.size() != 1 || !a->hasConst) {
    c.error("cannot read attribute '" + name + "' of " + printType(a));
    return someImpossible();
  }
  const eval::Value &v = a->constValue;
  if (eval::ClassObj *cls = eval::asClass(v)) {
    if (const eval::Value *x = cls->lookup(name)) return c.bk().immutableValue(*x);
    c.error("class " + cls->qualname + " has no attribute '" + name + "'");
    return someImpossible();
  }
  if (eval::ModuleObj *m = eval::asModule(v)) {
    if (const eval::Value *x = m->globals.find(name)) return c.bk().immutableValue(*x);
    c.error("module '" + m->name + "' has no attribute '" + name + "'");
    return someImpossible();
  }
  c.error("cannot read attribute '" + name + "' of " + eval::describe(v));
  return someImpossible();
}

Ann getAttr(OpContext &c) {
  const Ann &a = c.args[0];
  const eval::Value *n = c.constArg(1);
  assert(n && eval::asStr(*n) && "getattr takes a constant name");
  const std::string &name = eval::asStr(*n)->value;
  if (a->kind == SomeKind::INSTANCE) return instanceAttr(c, a->classDef, name);
  if (a->kind == SomeKind::PBC) return pbcAttr(c, a, name);
  if (a->kind == SomeKind::NONE) {
    c.an.deferNoneAccess(c.gi, c.op, c.argName(0) + " is always None here: it has no attribute '" + name + "'");
    return someImpossible();
  }
  if (hasBuiltinMethod(a, name)) return someBuiltinMethod(a, name);
  c.error(printType(a) + " has no attribute '" + name + "'");
  return someImpossible();
}

Ann setAttr(OpContext &c) {
  const Ann &a = c.args[0];
  const eval::Value *n = c.constArg(1);
  assert(n && eval::asStr(*n) && "setattr takes a constant name");
  const std::string &name = eval::asStr(*n)->value;
  if (a->kind == SomeKind::NONE) {
    // As for getattr: None so far may become an instance by the fixpoint
    // (a list's items that another function fills later).
    c.an.deferNoneAccess(c.gi, c.op, c.argName(0) + " is always None here: cannot set its attribute '" + name + "'");
    return someImpossible();
  }
  if (a->kind != SomeKind::INSTANCE) {
    c.error("cannot set attribute '" + name + "' on " + printType(a));
    return someImpossible();
  }
  const eval::Value *classLevel = c.bk().classAttr(a->classDef, name);
  if (classLevel && eval::asFunction(*classLevel)) {
    c.error("cannot assign to '" + name + "': it is a method of " + a->classDef->name());
    return someImpossible();
  }
  c.bk().writeAttr(a->classDef, name, c.args[2], c.origins[2], c.loc());
  return someNone();
}

} // namespace

Ann attrOp(OpContext &c) {
  FlowOp op = c.op.op;
  if (op == FlowOp::GETATTR) return getAttr(c);
  if (op == FlowOp::SETATTR) return setAttr(c);
  assert(op == FlowOp::DELATTR && "attrOp called with another operation");
  c.error("deleting attributes is not supported at run time");
  return someImpossible();
}

} // namespace lathe::ann
