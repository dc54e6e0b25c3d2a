//===- evaluator_call.cpp - Module evaluator: calls, functions, classes ------===//
// Calls of every callable kind (functions, built-ins, bound methods,
// classes, instances with __call__), Python's argument binding (defaults,
// keywords, keyword-only, *args, **kwargs), closure creation from the
// Scope's free variables, class creation with C3 linearisation, attribute
// lookup (instance dict, class MRO, descriptors: methods, staticmethod,
// classmethod, property) and zero-argument super(). See evaluator_impl.h.
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"

#include <algorithm>

namespace lathe::eval {

using namespace ast;

Value EvalImpl::evalCall(const Call *c, Frame &f) {
  Value callee = eval(c->func, f);
  CallArgs args;
  extendFrom(args.positional, c->args, f);
  for (const Keyword &k : c->keywords) {
    Value v = eval(k.value, f);
    if (!k.name.empty()) {
      args.keywords.emplace_back(k.name, v);
      continue;
    }
    DictObj *d = asDict(v);
    if (!d) throwExc("TypeError", "argument after ** must be a mapping, not " + typeOf(v)->name);
    for (auto &kv : d->entries) {
      StrObj *s = asStr(kv.first);
      if (!s) throwExc("TypeError", "keywords must be strings");
      args.keywords.emplace_back(s->value, kv.second);
    }
  }
  // Zero-argument super() reads the calling frame.
  if (asClass(callee) && asClass(callee) == classes["super"] && args.positional.empty()) {
    if (!f.func || !f.func->definingClass || !f.hasFirstArg)
      throwExc("RuntimeError", "super(): no arguments");
    args.positional = {Value::object(f.func->definingClass), f.firstArg};
  }
  return call(callee, std::move(args), c->loc);
}

Value EvalImpl::call(Value callee, CallArgs args, SrcLoc loc) {
  if (FunctionObj *fn = asFunction(callee)) return callFunction(fn, args, loc);
  if (BuiltinObj *b = asBuiltin(callee)) {
    if (b->hasSelf) args.positional.insert(args.positional.begin(), b->self);
    Value r;
    if (!b->impl(*api, args, r, loc))
      throw PyRaise{};
    return r;
  }
  if (BoundMethodObj *m = asBoundMethod(callee)) {
    args.positional.insert(args.positional.begin(), m->self);
    return call(m->func, std::move(args), loc);
  }
  if (ClassObj *c = asClass(callee)) return instantiate(c, args, loc);
  if (asInstance(callee)) {
    Value m;
    if (findAttr(callee, "__call__", m)) return call(m, std::move(args), loc);
  }
  throwExc("TypeError", "'" + typeOf(callee)->name + "' object is not callable");
}

static std::string fnName(FunctionObj *fn) { return fn->name + "()"; }

void EvalImpl::bindArgs(FunctionObj *fn, CallArgs &args, Frame &nf) {
  const Arguments &a = fn->args();
  size_t np = a.args.size();
  std::vector<bool> set(np, false);
  auto bind = [&](const std::string &n, Value v) { nf.locals[n] = v; };
  for (size_t i = 0; i < args.positional.size() && i < np; ++i) {
    bind(a.args[i].name, args.positional[i]);
    set[i] = true;
  }
  if (args.positional.size() > np) {
    if (a.vararg.empty())
      throwExc("TypeError", fnName(fn) + " takes " + std::to_string(np) + " positional argument" +
                                (np == 1 ? "" : "s") + " but " + std::to_string(args.positional.size()) +
                                (args.positional.size() == 1 ? " was" : " were") + " given");
    bind(a.vararg, makeTuple({args.positional.begin() + long(np), args.positional.end()}));
  } else if (!a.vararg.empty()) {
    bind(a.vararg, makeTuple({}));
  }
  DictObj *kw = nullptr;
  if (!a.kwarg.empty()) {
    kw = heap.make<DictObj>();
    bind(a.kwarg, Value::object(kw));
  }
  for (auto &[name, v] : args.keywords) {
    auto it = std::find_if(a.args.begin(), a.args.end(), [&](const Arg &x) { return x.name == name; });
    if (it != a.args.end()) {
      size_t i = size_t(it - a.args.begin());
      if (set[i]) throwExc("TypeError", fnName(fn) + " got multiple values for argument '" + name + "'");
      set[i] = true;
      bind(name, v);
      continue;
    }
    auto kt = std::find_if(a.kwonlyargs.begin(), a.kwonlyargs.end(), [&](const Arg &x) { return x.name == name; });
    if (kt != a.kwonlyargs.end()) { bind(name, v); continue; }
    if (!kw) throwExc("TypeError", fnName(fn) + " got an unexpected keyword argument '" + name + "'");
    kw->set(str(name), v);
  }
  size_t firstDefault = np - std::min(np, fn->defaults.size());
  for (size_t i = 0; i < np; ++i) {
    if (set[i]) continue;
    if (i >= firstDefault) bind(a.args[i].name, fn->defaults[i - firstDefault]);
    else throwExc("TypeError", fnName(fn) + " missing required argument: '" + a.args[i].name + "'");
  }
  for (const Arg &k : a.kwonlyargs) {
    if (nf.locals.count(k.name)) continue;
    if (const Value *d = fn->kwdefaults.find(k.name)) bind(k.name, *d);
    else throwExc("TypeError", fnName(fn) + " missing required keyword-only argument: '" + k.name + "'");
  }
}

namespace {
/// Keeps EvalImpl::top / depth balanced across C++ exceptions.
struct FramePush {
  EvalImpl &ev;
  FramePush(EvalImpl &e, Frame &f) : ev(e) {
    f.parent = ev.top;
    ev.top = &f;
    ++ev.depth;
  }
  ~FramePush() {
    ev.top = ev.top->parent;
    --ev.depth;
  }
};
} // namespace

Value EvalImpl::callFunction(FunctionObj *fn, CallArgs &args, SrcLoc loc) {
  if (depth >= recursionLimit) throwExc("RecursionError", "maximum recursion depth exceeded");
  checkStack();
  Frame nf;
  nf.module = fn->module;
  nf.table = tables.count(fn->module->ast) ? tables[fn->module->ast].get() : nullptr;
  nf.scope = nf.table ? nf.table->find(fn->def ? static_cast<const Node *>(fn->def) : fn->lambda) : nullptr;
  if (!nf.scope) fatal(loc, "function without scope information");
  nf.func = fn;
  nf.what = "'" + fn->qualname + "'";
  nf.loc = fn->loc();
  if (top) top->loc = top->loc.known() ? top->loc : loc;
  SrcLoc savedCallerLoc = top ? top->loc : SrcLoc();
  if (top) top->loc = loc; // notes point at the call expression
  FramePush push(*this, nf);
  bindArgs(fn, args, nf);
  if (!args.positional.empty()) { nf.firstArg = args.positional[0]; nf.hasFirstArg = true; }
  else if (!fn->args().args.empty() && nf.locals.count(fn->args().args[0].name)) {
    nf.firstArg = nf.locals[fn->args().args[0].name];
    nf.hasFirstArg = true;
  }
  for (auto &[n, cell] : fn->freevars) nf.cells[n] = cell;
  for (const std::string &n : nf.scope->cellvars) {
    CellObj *c = heap.make<CellObj>();
    auto it = nf.locals.find(n);
    if (it != nf.locals.end()) { c->value = it->second; c->bound = true; nf.locals.erase(it); }
    nf.cells[n] = c;
  }
  Value result;
  if (fn->lambda) {
    result = eval(fn->lambda->body, nf);
  } else {
    Flow fl = execBlock(fn->def->body, nf);
    result = fl == Flow::RETURN ? nf.retval : Value::none();
  }
  if (nf.parent) nf.parent->loc = savedCallerLoc;
  return result;
}

Value EvalImpl::makeFunction(const FunctionDef *d, const Lambda *l, Frame &f) {
  const Arguments &a = d ? d->args : l->args;
  std::vector<Value> decorators;
  if (d)
    for (const Expr *x : d->decorators) decorators.push_back(eval(x, f));
  auto *fn = heap.make<FunctionObj>();
  fn->def = d;
  fn->lambda = l;
  fn->module = f.module;
  fn->name = d ? d->name : "<lambda>";
  std::string prefix;
  if (f.classNs) prefix = f.what + ".";
  else if (f.func) prefix = f.func->qualname + ".<locals>.";
  fn->qualname = prefix + fn->name;
  for (const Arg &arg : a.args)
    if (arg.defaultValue) fn->defaults.push_back(eval(arg.defaultValue, f));
  for (const Arg &arg : a.kwonlyargs)
    if (arg.defaultValue) fn->kwdefaults.set(arg.name, eval(arg.defaultValue, f));
  const Scope *sc = f.table->find(d ? static_cast<const Node *>(d) : l);
  if (!sc) fatal(d ? d->loc : l->loc, "function without scope information");
  for (const std::string &n : sc->freevars) {
    CellObj *&c = f.cells[n];
    if (!c) c = heap.make<CellObj>();
    fn->freevars.emplace_back(n, c);
  }
  if (f.classNs) f.classFuncs.push_back(fn);
  Value v = Value::object(fn);
  for (size_t i = decorators.size(); i-- > 0;) {
    CallArgs ca;
    ca.positional.push_back(v);
    v = call(decorators[i], std::move(ca), d->decorators[i]->loc);
  }
  return v;
}

// --- classes ---------------------------------------------------------------------

bool EvalImpl::computeMro(ClassObj *c) {
  std::vector<std::vector<ClassObj *>> seqs;
  for (ClassObj *b : c->bases) seqs.push_back(b->mro);
  seqs.push_back(c->bases);
  c->mro = {c};
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto &s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return true;
    ClassObj *cand = nullptr;
    for (auto &s : seqs) {
      cand = s[0];
      bool inTail = false;
      for (auto &t : seqs)
        if (std::find(t.begin() + 1, t.end(), cand) != t.end()) inTail = true;
      if (!inTail) break;
      cand = nullptr;
    }
    if (!cand) return false;
    c->mro.push_back(cand);
    for (auto &s : seqs)
      if (s[0] == cand) s.erase(s.begin());
  }
}

ClassObj *EvalImpl::newClass(const std::string &name, std::vector<ClassObj *> bases, ModuleObj *m) {
  auto *c = heap.make<ClassObj>();
  c->name = c->qualname = name;
  c->module = m;
  if (bases.empty() && classes.count("object") && name != "object") bases.push_back(classes["object"]);
  c->bases = std::move(bases);
  computeMro(c);
  return c;
}

Value EvalImpl::makeClass(const ClassDef *d, Frame &f) {
  std::vector<Value> decorators;
  for (const Expr *x : d->decorators) decorators.push_back(eval(x, f));
  std::vector<ClassObj *> bases;
  for (const Expr *b : d->bases) {
    Value v = eval(b, f);
    ClassObj *c = asClass(v);
    if (!c) throwExc("TypeError", "bases must be classes, not " + typeOf(v)->name);
    bases.push_back(c);
  }
  for (const Keyword &k : d->keywords) fatal(k.loc, "class keyword arguments (metaclasses) are not supported");
  auto *cls = heap.make<ClassObj>();
  cls->name = d->name;
  cls->qualname = f.func ? f.func->qualname + ".<locals>." + d->name : (f.classNs ? f.what + "." + d->name : d->name);
  cls->module = f.module;
  cls->loc = d->loc;
  if (bases.empty()) bases.push_back(classes["object"]);
  cls->bases = bases;
  if (!computeMro(cls))
    throwExc("TypeError", "Cannot create a consistent method resolution order (MRO) for class " + d->name);
  Frame cf;
  cf.module = f.module;
  cf.table = f.table;
  cf.scope = f.table->find(d);
  if (!cf.scope) fatal(d->loc, "class without scope information");
  cf.classNs = &cls->attrs;
  cf.what = cls->qualname;
  cf.func = f.func;
  for (const std::string &n : cf.scope->freevars) {
    CellObj *&c = f.cells[n];
    if (!c) c = heap.make<CellObj>();
    cf.cells[n] = c;
  }
  cls->attrs.set("__module__", str(f.module->name));
  cls->attrs.set("__qualname__", str(cls->qualname));
  {
    FramePush push(*this, cf);
    execBlock(d->body, cf);
  }
  for (FunctionObj *fn : cf.classFuncs) fn->definingClass = cls;
  Value v = Value::object(cls);
  for (size_t i = decorators.size(); i-- > 0;) {
    CallArgs ca;
    ca.positional.push_back(v);
    v = call(decorators[i], std::move(ca), d->decorators[i]->loc);
  }
  return v;
}

bool EvalImpl::isExceptionClass(ClassObj *c) {
  return c && c->isSubclassOf(classes["BaseException"]);
}

Value EvalImpl::instantiate(ClassObj *cls, CallArgs &args, SrcLoc loc) {
  if (cls->constructor) {
    Value r;
    if (!cls->constructor->impl(*api, args, r, loc)) throw PyRaise{};
    return r;
  }
  if (cls == classes["object"] && (!args.positional.empty() || !args.keywords.empty()))
    throwExc("TypeError", "object() takes no arguments");
  auto *inst = heap.make<InstanceObj>();
  inst->cls = cls;
  Value self = Value::object(inst);
  if (isExceptionClass(cls)) inst->attrs.set("args", makeTuple(args.positional));
  const Value *init = cls->lookup("__init__");
  if (init && asFunction(*init)) {
    args.positional.insert(args.positional.begin(), self);
    Value r = callFunction(asFunction(*init), args, loc);
    if (!r.isNone()) throwExc("TypeError", "__init__() should return None, not '" + typeOf(r)->name + "'");
  } else if (!isExceptionClass(cls) && (!args.positional.empty() || !args.keywords.empty())) {
    throwExc("TypeError", cls->name + "() takes no arguments");
  }
  return self;
}

// --- attributes ------------------------------------------------------------------

static bool isA(EvalImpl &ev, Value v, const char *cls) {
  InstanceObj *i = asInstance(v);
  return i && i->cls == ev.classes[cls];
}

Value EvalImpl::bindClassAttr(Value attr, Value self, ClassObj *cls, bool viaInstance) {
  if (isA(*this, attr, "staticmethod")) return *asInstance(attr)->attrs.find("__func__");
  if (isA(*this, attr, "classmethod")) {
    auto *m = heap.make<BoundMethodObj>();
    m->self = Value::object(cls);
    m->func = *asInstance(attr)->attrs.find("__func__");
    return Value::object(m);
  }
  if (!viaInstance) return attr;
  if (isA(*this, attr, "property")) {
    Value getter = *asInstance(attr)->attrs.find("fget");
    if (getter.isNone()) throwExc("AttributeError", "unreadable attribute");
    CallArgs ca;
    ca.positional.push_back(self);
    return call(getter, std::move(ca), top ? top->loc : SrcLoc());
  }
  if (asFunction(attr) || asBuiltin(attr)) {
    auto *m = heap.make<BoundMethodObj>();
    m->self = self;
    m->func = attr;
    return Value::object(m);
  }
  return attr;
}

bool EvalImpl::findAttr(Value obj, const std::string &name, Value &out) {
  if (InstanceObj *i = asInstance(obj); i && i->cls == classes["super"]) {
    Value self = *i->attrs.find("__self__");
    ClassObj *start = asClass(*i->attrs.find("__thisclass__"));
    ClassObj *t = asClass(self) ? asClass(self) : typeOf(self);
    bool after = false;
    for (ClassObj *c : t->mro) {
      if (after)
        if (const Value *v = c->attrs.find(name)) {
          out = bindClassAttr(*v, self, t, !asClass(self));
          return true;
        }
      if (c == start) after = true;
    }
    return false;
  }
  if (InstanceObj *i = asInstance(obj)) {
    if (Value *v = i->attrs.find(name)) { out = *v; return true; }
    if (const Value *v = i->cls->lookup(name)) { out = bindClassAttr(*v, obj, i->cls, true); return true; }
    if (name == "__class__") { out = Value::object(i->cls); return true; }
    return false;
  }
  if (ClassObj *c = asClass(obj)) {
    if (const Value *v = c->lookup(name)) { out = bindClassAttr(*v, obj, c, false); return true; }
    if (name == "__name__") { out = str(c->name); return true; }
    if (name == "__mro__") {
      std::vector<Value> m;
      for (ClassObj *x : c->mro) m.push_back(Value::object(x));
      out = makeTuple(m);
      return true;
    }
    if (name == "__bases__") {
      std::vector<Value> m;
      for (ClassObj *x : c->bases) m.push_back(Value::object(x));
      out = makeTuple(m);
      return true;
    }
    return false;
  }
  if (ModuleObj *m = asModule(obj)) {
    if (Value *v = m->globals.find(name)) { out = *v; return true; }
    return false;
  }
  if (FunctionObj *fn = asFunction(obj)) {
    if (Value *v = fn->attrs.find(name)) { out = *v; return true; }
    if (name == "__name__") { out = str(fn->name); return true; }
    if (name == "__qualname__") { out = str(fn->qualname); return true; }
    return false;
  }
  if (BoundMethodObj *bm = asBoundMethod(obj)) {
    if (name == "__self__") { out = bm->self; return true; }
    if (name == "__func__") { out = bm->func; return true; }
    return findAttr(bm->func, name, out);
  }
  if (BuiltinObj *b = asBuiltin(obj)) {
    if (name == "__name__") { out = str(b->name); return true; }
    return false;
  }
  ClassObj *t = typeOf(obj);
  auto mt = methods.find(t->name);
  if (mt != methods.end()) {
    auto it = mt->second.find(name);
    if (it != mt->second.end()) {
      auto *bm = heap.make<BoundMethodObj>();
      bm->self = obj;
      bm->func = Value::object(it->second);
      out = Value::object(bm);
      return true;
    }
  }
  return false;
}

Value EvalImpl::getAttr(Value obj, const std::string &name, SrcLoc loc) {
  Value out;
  if (findAttr(obj, name, out)) return out;
  if (InstanceObj *i = asInstance(obj)) {
    if (const Value *ga = i->cls->lookup("__getattr__"); ga && asFunction(*ga)) {
      CallArgs ca;
      ca.positional = {obj, str(name)};
      return call(*ga, std::move(ca), loc);
    }
  }
  if (ModuleObj *m = asModule(obj))
    throwExc("AttributeError", "module '" + m->name + "' has no attribute '" + name + "'");
  if (ClassObj *c = asClass(obj))
    throwExc("AttributeError", "type object '" + c->name + "' has no attribute '" + name + "'");
  throwExc("AttributeError", "'" + typeOf(obj)->name + "' object has no attribute '" + name + "'");
}

void EvalImpl::setAttr(Value obj, const std::string &name, Value v) {
  if (InstanceObj *i = asInstance(obj)) {
    if (const Value *p = i->cls->lookup(name); p && isA(*this, *p, "property")) {
      Value setter = *asInstance(*p)->attrs.find("fset");
      if (setter.isNone()) throwExc("AttributeError", "can't set attribute '" + name + "'");
      CallArgs ca;
      ca.positional = {obj, v};
      call(setter, std::move(ca), top ? top->loc : SrcLoc());
      return;
    }
    i->attrs.set(name, v);
    return;
  }
  if (ClassObj *c = asClass(obj); c && !c->builtin) { c->attrs.set(name, v); return; }
  if (ModuleObj *m = asModule(obj)) { m->globals.set(name, v); return; }
  if (FunctionObj *fn = asFunction(obj)) { fn->attrs.set(name, v); return; }
  throwExc("AttributeError", "'" + typeOf(obj)->name + "' object attribute '" + name + "' is read-only");
}

void EvalImpl::delAttr(Value obj, const std::string &name) {
  bool ok = false;
  if (InstanceObj *i = asInstance(obj)) ok = i->attrs.erase(name);
  else if (ClassObj *c = asClass(obj); c && !c->builtin) ok = c->attrs.erase(name);
  else if (ModuleObj *m = asModule(obj)) ok = m->globals.erase(name);
  else if (FunctionObj *fn = asFunction(obj)) ok = fn->attrs.erase(name);
  if (!ok) throwExc("AttributeError", name);
}

/// super(cls, obj): an object whose attribute lookup starts after `cls` in
/// type(obj)'s MRO. Represented as an instance of the built-in `super`
/// class; getAttr on it is handled by the `__getattr__`-free path below.
Value EvalImpl::superCall(CallArgs &args, SrcLoc loc) {
  if (args.positional.size() != 2) throwExc("TypeError", "super() takes 0 or 2 arguments");
  auto *s = heap.make<InstanceObj>();
  s->cls = classes["super"];
  s->attrs.set("__thisclass__", args.positional[0]);
  s->attrs.set("__self__", args.positional[1]);
  return Value::object(s);
}

bool EvalImpl::callDunder(Value self, const std::string &name, std::vector<Value> args, Value &out) {
  InstanceObj *i = asInstance(self);
  if (!i) return false;
  const Value *m = i->cls->lookup(name);
  if (!m || !(asFunction(*m) || asBuiltin(*m))) return false;
  CallArgs ca;
  ca.positional.push_back(self);
  for (Value &a : args) ca.positional.push_back(a);
  out = call(*m, std::move(ca), top ? top->loc : SrcLoc());
  return true;
}

} // namespace lathe::eval
