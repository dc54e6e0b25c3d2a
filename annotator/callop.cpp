//===- callop.cpp - Annotation rules of calls and exception matching ------===//
// simple_call / call_args: the callee's annotation decides.
//   PBC of functions   each function is called (its graph annotated with the
//                      union of all call sites' arguments); results unite
//   PBC of methods     the same with the receiver prepended
//   PBC of classes     instantiation: an instance of the class, __init__
//                      called; built-in value classes (int, str, ...) are
//                      conversion functions (builtins.cpp)
//   BUILTIN(_METHOD)   builtins.cpp
// Functions of rlib recognised by identity (hints) never have their body
// annotated (builtins.cpp, callRlib).
// exception_match(etype, C): a bool that narrows the caught exception value
// to an instance of C in the matching branch.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

namespace {

using flow::FlowOp;

/// Exception classes take any arguments (BaseException.__init__ keeps them).
bool isExceptionClass(OpContext &c, const eval::ClassObj *cls) {
  const eval::ClassObj *base = c.bk().evaluator().builtinClass("BaseException");
  return base && cls->isSubclassOf(base);
}

Binding instantiate(OpContext &c, const eval::ClassObj *cls, const CallArgs &args) {
  Binding r{someImpossible(), c.loc()};
  if (cls->constructor) {
    if (!callBuiltin(c, cls->qualname, args, r))
      c.error("calling the built-in class '" + cls->qualname + "' is not supported at run time");
    return r;
  }
  if (cls->module && callRlibName(c, cls->module->name + "." + cls->qualname, args, r)) return r;
  ClassDef *cd = c.bk().classDefFor(cls);
  if (!cd) {
    c.error("cannot instantiate '" + cls->qualname + "' at run time");
    return r;
  }
  const eval::Value *init = cls->lookup("__init__");
  const eval::FunctionObj *f = init ? eval::asFunction(*init) : nullptr;
  if (f) {
    CallArgs withSelf = args;
    withSelf.positional.insert(withSelf.positional.begin(), {someInstance(cd), c.loc()});
    Binding b = c.an.callFunction(f, withSelf, c.pos(), c.loc());
    if (isImpossible(b.ann)) return r; // __init__ not annotated yet (or raises)
  } else if (!cls->builtin && !args.positional.empty() && !isExceptionClass(c, cls)) {
    c.error(cls->qualname + "() takes no arguments");
    return r;
  }
  return {someInstance(cd), c.loc()};
}

/// `@look_inside_iff(pred)`: the tracer calls pred with the call's
/// arguments, so pred is annotated (and translated) with them too.
void annotateLookInsidePredicate(OpContext &c, const eval::FunctionObj *f, const CallArgs &args) {
  const eval::Value *p = f->attrs.find("_jit_look_inside_iff_");
  const eval::FunctionObj *pred = p ? eval::asFunction(*p) : nullptr;
  if (pred) c.an.callFunction(pred, args, c.pos(), c.loc());
}

Binding callDesc(OpContext &c, const Desc *d, const CallArgs &args) {
  Binding r{someImpossible(), c.loc()};
  switch (d->kind) {
  case Desc::Kind::FUNCTION:
    if (callRlib(c, d->func, args, r)) return r;
    annotateLookInsidePredicate(c, d->func, args);
    return c.an.callFunction(d->func, args, c.pos(), c.loc());
  case Desc::Kind::METHOD: {
    CallArgs withSelf = args;
    withSelf.positional.insert(withSelf.positional.begin(),
                               {someInstance(d->selfClass), c.loc()});
    if (callRlib(c, d->func, withSelf, r)) return r;
    annotateLookInsidePredicate(c, d->func, withSelf);
    return c.an.callFunction(d->func, withSelf, c.pos(), c.loc());
  }
  case Desc::Kind::CLASS:
    return instantiate(c, d->cls, args);
  case Desc::Kind::CONSTANT:
    c.error(eval::describe(d->value) + " is not callable");
    return r;
  }
  return r;
}

/// The Python function a call through `d` runs (null: none, or not a
/// Python function); `withSelf` when it receives the instance first.
const eval::FunctionObj *calledFunction(const Desc *d, bool &withSelf) {
  withSelf = d->kind != Desc::Kind::FUNCTION;
  switch (d->kind) {
  case Desc::Kind::FUNCTION:
  case Desc::Kind::METHOD:
    return d->func;
  case Desc::Kind::CLASS: {
    const eval::Value *init = d->cls->constructor ? nullptr : d->cls->lookup("__init__");
    return init ? eval::asFunction(*init) : nullptr;
  }
  case Desc::Kind::CONSTANT:
    return nullptr;
  }
  return nullptr;
}

/// The members of one call family must all accept a shared call site's
/// arguments; otherwise the error names one that does and one that does not.
bool checkFamilyCall(OpContext &c, const Ann &callee, const CallArgs &args) {
  const eval::FunctionObj *fits = nullptr, *misfit = nullptr;
  std::string why;
  for (const Desc *d : callee->descs) {
    bool withSelf = false;
    const eval::FunctionObj *f = calledFunction(d, withSelf);
    if (!f) continue;
    CallArgs probe = args;
    if (withSelf) probe.positional.insert(probe.positional.begin(), {someImpossible(), c.loc()});
    std::vector<Binding> out;
    std::string reason;
    if (c.an.matchArgs(f, probe, c.loc(), out, &reason)) {
      if (!fits) fits = f;
    } else if (!misfit) {
      misfit = f;
      why = reason;
    }
  }
  if (!fits || !misfit) return true;
  AnnDiagnostics &d = c.an.diags();
  c.error("incompatible signatures in one call family: " + fits->qualname + "() (" +
          d.where(fits->loc()) + ") accepts this call but " + misfit->qualname + "() (" +
          d.where(misfit->loc()) + ") does not: " + why);
  d.note(fits->loc(), fits->qualname + "() is defined here");
  d.note(misfit->loc(), misfit->qualname + "() is defined here");
  return false;
}

Binding callPBC(OpContext &c, const Ann &callee, const CallArgs &args) {
  Binding result{someImpossible(), c.loc()};
  c.bk().noteCall(callee->descs, c.loc());
  if (callee->descs.size() > 1 && !checkFamilyCall(c, callee, args)) return {someFailed(), c.loc()};
  for (const Desc *d : callee->descs) {
    Binding b = callDesc(c, d, args);
    UnionResult u = unionOf(result.ann, b.ann);
    if (!u.ok()) {
      c.an.diags().unionError(c.loc(), "the result of this call", printType(result.ann),
                              result.origin, printType(b.ann), b.origin, u.why);
      continue;
    }
    if (isImpossible(result.ann)) result.origin = b.origin;
    result.ann = u.value;
  }
  return result;
}

bool unpackArgs(OpContext &c, CallArgs &out) {
  size_t first = 1;
  const flow::CallShape *shape = nullptr;
  if (c.op.op == FlowOp::CALL_ARGS) {
    shape = c.op.args[1].cst()->shape;
    assert(shape && "call_args carries its call shape");
    first = 2;
  }
  size_t npos = shape ? shape->positional : c.args.size() - first;
  for (size_t i = 0; i < npos; ++i) out.positional.push_back({c.args[first + i], c.origins[first + i]});
  if (!shape) return true;
  size_t k = first + npos;
  for (const std::string &name : shape->keywords) {
    out.keywords.push_back({name, {c.args[k], c.origins[k]}});
    ++k;
  }
  if (shape->hasStar) {
    const Ann &star = c.args[k];
    if (star->kind != SomeKind::TUPLE) {
      c.error("*args at run time must be a tuple, not " + printType(star));
      return false;
    }
    for (const Ann &x : star->items) out.positional.push_back({x, c.origins[k]});
  }
  if (shape->hasStarStar) {
    c.error("**kwargs calls are only allowed at translation time");
    return false;
  }
  return true;
}

Ann exceptionMatch(OpContext &c) {
  const Ann &etype = c.args[0];
  const eval::Value *cv = c.constArg(1);
  std::vector<const eval::ClassObj *> classes;
  if (cv && eval::asClass(*cv)) classes.push_back(eval::asClass(*cv));
  if (cv && eval::asTuple(*cv))
    for (const eval::Value &x : eval::asTuple(*cv)->items)
      if (eval::asClass(x)) classes.push_back(eval::asClass(x));
  ClassDef *target = nullptr;
  for (const eval::ClassObj *k : classes) {
    ClassDef *cd = c.bk().classDefFor(k);
    if (!cd) return someBool();
    target = target ? ClassDef::commonBase(target, cd) : cd;
  }
  if (!target || etype->kind != SomeKind::EXCTYPE) return someBool();
  if (classes.size() == 1 && etype->classDef->isSubclassOf(target))
    return withConst(someBool(), eval::Value::boolean(true));
  auto kt = std::make_shared<KnownTypes>();
  for (const flow::Variable *v : etype->typeOf)
    if (Ann n = narrowToClass(c.gi.bindings[v->id].ann, target)) kt->ifTrue.push_back({v, n});
  if (c.op.args[0].isVar()) {
    auto narrowed = std::make_shared<SomeValue>(*someExcType(target));
    narrowed->typeOf = etype->typeOf;
    kt->ifTrue.push_back({c.op.args[0].var(), narrowed});
  }
  return withKnownTypes(someBool(), kt);
}

} // namespace

Ann narrowToClass(const Ann &a, ClassDef *cd) {
  if (a->kind == SomeKind::NONE) return someImpossible();
  if (a->kind != SomeKind::INSTANCE) return nullptr;
  if (a->classDef->isSubclassOf(cd)) return withNone(a, false);
  if (cd->isSubclassOf(a->classDef)) return someInstance(cd);
  return someImpossible();
}

Binding callAnnotation(OpContext &c, const Ann &callee, const CallArgs &args) {
  Binding r{someImpossible(), c.loc()};
  switch (callee->kind) {
  case SomeKind::PBC:
    return callPBC(c, callee, args);
  case SomeKind::BUILTIN:
    if (!callBuiltin(c, callee->name, args, r))
      c.error("the built-in function '" + callee->name + "' is not supported at run time");
    return r;
  case SomeKind::BUILTIN_METHOD:
    return callBuiltinMethod(c, callee->items[0], callee->name, args);
  default:
    break; // nothing else is callable
  }
  c.error(c.argName(0) + " is not callable (it is " + printType(callee) + ")");
  return r;
}

Ann callOp(OpContext &c) {
  if (c.op.op == FlowOp::EXCEPTION_MATCH) return exceptionMatch(c);
  CallArgs args;
  if (!unpackArgs(c, args)) return someImpossible();
  Binding r = callAnnotation(c, c.args[0], args);
  c.resultOrigin = r.origin.known() ? r.origin : c.loc();
  return r.ann;
}

} // namespace lathe::ann
