//===- evaluator_stmt.cpp - Module evaluator: statements ---------------------===//
// Statement execution, name binding through the frame's Scope (locals,
// cells, class namespaces, globals, builtins), assignment targets with
// starred unpacking, del, loops with else, try/except/else/finally and
// raise. Control flow (return/break/continue) is the returned Flow;
// Python exceptions are the C++ exception PyRaise. See evaluator_impl.h.
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"

namespace lathe::eval {

using namespace ast;

// --- names ---------------------------------------------------------------------

Value EvalImpl::loadName(const std::string &n, Frame &f, SrcLoc loc) {
  NameKind k = f.scope ? f.scope->kindOf(n) : NameKind::GLOBAL;
  switch (k) {
  case NameKind::LOCAL:
    if (f.classNs) {
      if (Value *v = f.classNs->find(n)) return *v;
      break; // class bodies fall back to globals
    } else {
      auto it = f.locals.find(n);
      if (it != f.locals.end()) return it->second;
      throwExc("UnboundLocalError", "local variable '" + n + "' referenced before assignment");
    }
  case NameKind::CELL:
  case NameKind::FREE: {
    auto it = f.cells.find(n);
    if (it != f.cells.end() && it->second->bound) return it->second->value;
    throwExc("NameError", "free variable '" + n + "' referenced before assignment in enclosing scope");
  }
  case NameKind::GLOBAL: break;
  }
  if (Value *v = f.module->globals.find(n)) return *v;
  if (Value *v = builtins.find(n)) return *v;
  throwExc("NameError", "name '" + n + "' is not defined");
}

void EvalImpl::storeName(const std::string &n, Value v, Frame &f) {
  NameKind k = f.scope ? f.scope->kindOf(n) : NameKind::GLOBAL;
  switch (k) {
  case NameKind::LOCAL:
    if (f.classNs) f.classNs->set(n, v);
    else f.locals[n] = v;
    return;
  case NameKind::CELL:
  case NameKind::FREE: {
    CellObj *&c = f.cells[n];
    if (!c) c = heap.make<CellObj>();
    c->value = v;
    c->bound = true;
    return;
  }
  case NameKind::GLOBAL: f.module->globals.set(n, v); return;
  }
}

void EvalImpl::delName(const std::string &n, Frame &f) {
  NameKind k = f.scope ? f.scope->kindOf(n) : NameKind::GLOBAL;
  bool ok = false;
  switch (k) {
  case NameKind::LOCAL: ok = f.classNs ? f.classNs->erase(n) : f.locals.erase(n) != 0; break;
  case NameKind::CELL:
  case NameKind::FREE: {
    auto it = f.cells.find(n);
    ok = it != f.cells.end() && it->second->bound;
    if (ok) it->second->bound = false;
    break;
  }
  case NameKind::GLOBAL: ok = f.module->globals.erase(n); break;
  }
  if (!ok) throwExc("NameError", "name '" + n + "' is not defined");
}

// --- assignment ------------------------------------------------------------------

void EvalImpl::assignSeq(const ExprList &elts, Value v, Frame &f, SrcLoc loc) {
  std::vector<Value> items = toVector(v);
  size_t star = elts.size();
  for (size_t i = 0; i < elts.size(); ++i)
    if (elts[i]->kind == ExprKind::Starred) star = i;
  if (star == elts.size()) {
    if (items.size() != elts.size())
      throwExc("ValueError", items.size() > elts.size()
                                 ? "too many values to unpack (expected " + std::to_string(elts.size()) + ")"
                                 : "not enough values to unpack (expected " + std::to_string(elts.size()) +
                                       ", got " + std::to_string(items.size()) + ")");
    for (size_t i = 0; i < elts.size(); ++i) assign(elts[i], items[i], f);
    return;
  }
  size_t after = elts.size() - star - 1;
  if (items.size() < star + after)
    throwExc("ValueError", "not enough values to unpack (expected at least " +
                               std::to_string(star + after) + ", got " + std::to_string(items.size()) + ")");
  for (size_t i = 0; i < star; ++i) assign(elts[i], items[i], f);
  std::vector<Value> mid(items.begin() + long(star), items.end() - long(after));
  assign(cast<Starred>(elts[star])->value, makeList(mid), f);
  for (size_t i = 0; i < after; ++i) assign(elts[star + 1 + i], items[items.size() - after + i], f);
}

void EvalImpl::assign(const Expr *t, Value v, Frame &f) {
  switch (t->kind) {
  case ExprKind::Name: storeName(cast<Name>(t)->id, v, f); return;
  case ExprKind::Tuple: assignSeq(cast<Tuple>(t)->elts, v, f, t->loc); return;
  case ExprKind::List: assignSeq(cast<List>(t)->elts, v, f, t->loc); return;
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(t);
    setAttr(eval(a->value, f), a->attr, v);
    return;
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(t);
    Value obj = eval(s->value, f);
    if (s->index->kind == ExprKind::Slice) fatal(t->loc, "slice assignment is not supported at translation time");
    setItem(obj, eval(s->index, f), v);
    return;
  }
  case ExprKind::Starred: fatal(t->loc, "starred assignment target must be in a list or tuple");
  default: fatal(t->loc, std::string("cannot assign to ") + exprKindName(t->kind));
  }
}

void EvalImpl::del(const Expr *t, Frame &f) {
  switch (t->kind) {
  case ExprKind::Name: delName(cast<Name>(t)->id, f); return;
  case ExprKind::Tuple:
    for (const Expr *x : cast<Tuple>(t)->elts) del(x, f);
    return;
  case ExprKind::List:
    for (const Expr *x : cast<List>(t)->elts) del(x, f);
    return;
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(t);
    delAttr(eval(a->value, f), a->attr);
    return;
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(t);
    Value obj = eval(s->value, f);
    if (s->index->kind == ExprKind::Slice) fatal(t->loc, "slice deletion is not supported at translation time");
    delItem(obj, eval(s->index, f));
    return;
  }
  default: fatal(t->loc, std::string("cannot delete ") + exprKindName(t->kind));
  }
}

void EvalImpl::execAugAssign(const AugAssign *s, Frame &f) {
  const Expr *t = s->target;
  if (auto *n = dynCast<Name>(const_cast<Expr *>(t))) {
    Value cur = loadName(n->id, f, t->loc);
    storeName(n->id, evalBinOp(s->op, cur, eval(s->value, f), true), f);
  } else if (auto *a = dynCast<Attribute>(const_cast<Expr *>(t))) {
    Value obj = eval(a->value, f);
    Value cur = getAttr(obj, a->attr, t->loc);
    setAttr(obj, a->attr, evalBinOp(s->op, cur, eval(s->value, f), true));
  } else if (auto *sub = dynCast<Subscript>(const_cast<Expr *>(t))) {
    if (sub->index->kind == ExprKind::Slice) fatal(t->loc, "augmented slice assignment is not supported");
    Value obj = eval(sub->value, f);
    Value idx = eval(sub->index, f);
    Value cur = evalSubscript(obj, idx);
    setItem(obj, idx, evalBinOp(s->op, cur, eval(s->value, f), true));
  } else {
    fatal(t->loc, "illegal expression for augmented assignment");
  }
}

// --- statements ------------------------------------------------------------------

Flow EvalImpl::execBlock(const StmtList &body, Frame &f) {
  for (const Stmt *s : body) {
    Flow fl = exec(s, f);
    if (fl != Flow::NORMAL) return fl;
  }
  return Flow::NORMAL;
}

Flow EvalImpl::exec(const Stmt *s, Frame &f) {
  f.loc = s->loc;
  step(s->loc);
  switch (s->kind) {
  case StmtKind::FunctionDef: {
    auto *d = cast<FunctionDef>(s);
    storeName(d->name, makeFunction(d, nullptr, f), f);
    return Flow::NORMAL;
  }
  case StmtKind::ClassDef: storeName(cast<ClassDef>(s)->name, makeClass(cast<ClassDef>(s), f), f); return Flow::NORMAL;
  case StmtKind::Return: {
    auto *r = cast<Return>(s);
    if (!f.scope || f.scope->kind == ScopeKind::CLASS) fatal(s->loc, "'return' outside function");
    f.retval = r->value ? eval(r->value, f) : Value::none();
    return Flow::RETURN;
  }
  case StmtKind::Delete:
    for (const Expr *t : cast<Delete>(s)->targets) del(t, f);
    return Flow::NORMAL;
  case StmtKind::Assign: {
    auto *a = cast<Assign>(s);
    Value v = eval(a->value, f);
    for (const Expr *t : a->targets) assign(t, v, f);
    return Flow::NORMAL;
  }
  case StmtKind::AugAssign: execAugAssign(cast<AugAssign>(s), f); return Flow::NORMAL;
  case StmtKind::AnnAssign: {
    auto *a = cast<AnnAssign>(s);
    if (a->value) assign(a->target, eval(a->value, f), f);
    return Flow::NORMAL;
  }
  case StmtKind::For: return execFor(cast<For>(s), f);
  case StmtKind::While: return execWhile(cast<While>(s), f);
  case StmtKind::If: {
    auto *i = cast<If>(s);
    return execBlock(truthy(eval(i->test, f)) ? i->body : i->orelse, f);
  }
  case StmtKind::Raise: execRaise(cast<Raise>(s), f); return Flow::NORMAL;
  case StmtKind::Try: return execTry(cast<Try>(s), f);
  case StmtKind::Assert: {
    auto *a = cast<Assert>(s);
    if (truthy(eval(a->test, f))) return Flow::NORMAL;
    if (a->msg) throwValue(newExc("AssertionError", toStr(eval(a->msg, f))));
    auto *e = heap.make<InstanceObj>();
    e->cls = classes["AssertionError"];
    e->attrs.set("args", makeTuple({}));
    throwValue(Value::object(e));
  }
  case StmtKind::Import: execImport(cast<Import>(s), f); return Flow::NORMAL;
  case StmtKind::ImportFrom: execImportFrom(cast<ImportFrom>(s), f); return Flow::NORMAL;
  case StmtKind::Global:
  case StmtKind::Nonlocal:
  case StmtKind::Pass: return Flow::NORMAL;
  case StmtKind::ExprStmt: eval(cast<ExprStmt>(s)->value, f); return Flow::NORMAL;
  case StmtKind::Break: return Flow::BREAK;
  case StmtKind::Continue: return Flow::CONTINUE;
  }
  fatal(s->loc, "unsupported statement");
}

Flow EvalImpl::execFor(const For *s, Frame &f) {
  IterState it = iterate(eval(s->iter, f));
  Value v;
  while (it.next(v)) {
    step(s->loc);
    assign(s->target, v, f);
    Flow fl = execBlock(s->body, f);
    if (fl == Flow::BREAK) return Flow::NORMAL;
    if (fl == Flow::RETURN) return fl;
  }
  return execBlock(s->orelse, f);
}

Flow EvalImpl::execWhile(const While *s, Frame &f) {
  while (truthy(eval(s->test, f))) {
    Flow fl = execBlock(s->body, f);
    if (fl == Flow::BREAK) return Flow::NORMAL;
    if (fl == Flow::RETURN) return fl;
  }
  return execBlock(s->orelse, f);
}

void EvalImpl::execRaise(const Raise *s, Frame &f) {
  if (!s->exc) {
    Value *cur = f.locals.count("$exc") ? &f.locals["$exc"] : nullptr;
    for (Frame *p = &f; !cur && p; p = p->parent)
      if (p->locals.count("$exc")) cur = &p->locals["$exc"];
    if (!cur || cur->isNone()) throwExc("RuntimeError", "No active exception to reraise");
    throwValue(*cur);
  }
  Value e = eval(s->exc, f);
  if (s->cause) eval(s->cause, f);
  if (ClassObj *c = asClass(e)) {
    if (!isExceptionClass(c)) throwExc("TypeError", "exceptions must derive from BaseException");
    CallArgs none;
    e = instantiate(c, none, s->loc);
  }
  InstanceObj *i = asInstance(e);
  if (!i || !isExceptionClass(i->cls)) throwExc("TypeError", "exceptions must derive from BaseException");
  throwValue(e);
}

static bool matches(EvalImpl &ev, Value exc, Value spec) {
  ClassObj *ec = asInstance(exc)->cls;
  if (ClassObj *c = asClass(spec)) return ec->isSubclassOf(c);
  if (TupleObj *t = asTuple(spec)) {
    for (Value &x : t->items)
      if (matches(ev, exc, x)) return true;
    return false;
  }
  ev.throwExc("TypeError", "catching classes that do not inherit from BaseException is not allowed");
}

Flow EvalImpl::execHandlers(const Try *s, Frame &f, bool &handled) {
  Value exc = pendingExc;
  handled = false;
  for (const ExceptHandler &h : s->handlers) {
    if (h.type && !matches(*this, exc, eval(h.type, f))) continue;
    handled = true;
    pendingExc = Value();
    pendingTrace.clear();
    if (!h.name.empty()) storeName(h.name, exc, f);
    Value saved = f.locals.count("$exc") ? f.locals["$exc"] : Value();
    f.locals["$exc"] = exc; // for a bare `raise`
    Flow fl;
    try {
      fl = execBlock(h.body, f);
    } catch (...) {
      f.locals["$exc"] = saved;
      throw;
    }
    f.locals["$exc"] = saved;
    if (!h.name.empty()) {
      try { delName(h.name, f); } catch (PyRaise &) { pendingExc = Value(); }
    }
    return fl;
  }
  pendingExc = exc;
  return Flow::NORMAL;
}

Flow EvalImpl::execTry(const Try *s, Frame &f) {
  Flow fl = Flow::NORMAL;
  bool raised = false;
  try {
    bool inBody = true;
    try {
      fl = execBlock(s->body, f);
      inBody = false;
      if (fl == Flow::NORMAL) fl = execBlock(s->orelse, f);
    } catch (PyRaise &) {
      if (!inBody || s->handlers.empty()) throw;
      bool handled = false;
      Value exc = pendingExc;
      auto trace = pendingTrace;
      fl = execHandlers(s, f, handled);
      if (!handled) {
        pendingExc = exc;
        pendingTrace = trace;
        throw;
      }
    }
  } catch (PyRaise &) {
    if (s->finalbody.empty()) throw;
    raised = true;
  }
  if (s->finalbody.empty()) return fl;
  Value exc = pendingExc;
  auto trace = pendingTrace;
  Value ret = f.retval;
  Flow ff = execBlock(s->finalbody, f);
  if (ff != Flow::NORMAL) { pendingExc = Value(); return ff; } // finally's jump wins
  f.retval = ret;
  if (raised) {
    pendingExc = exc;
    pendingTrace = trace;
    throw PyRaise{};
  }
  return fl;
}

} // namespace lathe::eval
