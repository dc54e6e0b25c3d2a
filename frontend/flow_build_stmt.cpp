//===- flow_build_stmt.cpp - Flow graphs: statements ----------------------===//
// Part of the flow-graph builder (flow_build.h). Statements after a
// `return`, `raise`, `break` or `continue` are dead and not built.
//
//   x = y = v          v is evaluated once, targets assigned left to right
//   a, b = v           a = getitem(v, 0); b = getitem(v, 1) (interleaved
//                      with the assignments, RPython's unpacking; no length
//                      check; starred targets are an error)
//   o.a = v / o[i] = v setattr / setitem / setslice (missing bounds: None)
//   x += v             inplace_add; for o.a and o[i]: get, inplace op, set
//   x: T = v           as x = v; the annotation is not evaluated
//   if / while         jumping code (flow_build_expr.cpp `cond`); a Constant
//                      condition builds only the live branch
//   for t in it        it = iter(...) before the header; the header block
//                      ends with `next` and exits [normal, StopIteration]
//                      (the StopIteration link goes to the `else` / exit)
//   break / continue   to the loop exit / header, through every enclosing
//                      `finally` (its body duplicated on the way)
//   return [v]         to the return block (None when bare), same for finally
//   assert t, m        false branch: raise AssertionError(m)
//   del o[i], del o.a  delitem / delslice / delattr; `del name` is an error
// Nested def/class, import, nonlocal and assignment to globals are
// translation-time only: reported as errors.
//===----------------------------------------------------------------------===//
#include "frontend/flow_build.h"

#include <cassert>

namespace lathe::flow::build {

using namespace lathe::ast;

void Builder::buildBody(const StmtList &body) {
  for (const Stmt *s : body) {
    if (!cur_) return; // dead code after return/raise/break/continue
    buildStmt(s);
  }
}

void Builder::buildStmt(const Stmt *s) {
  const std::string onlyAtTT = " is only allowed at translation time (module level)";
  switch (s->kind) {
  case StmtKind::FunctionDef: { // reported, then bound to None so uses do not cascade
    const std::string &name = cast<FunctionDef>(s)->name;
    error(s->loc, "nested function '" + name + "'" + onlyAtTT);
    return storeName(name, none(), s->loc);
  }
  case StmtKind::ClassDef: {
    const std::string &name = cast<ClassDef>(s)->name;
    error(s->loc, "nested class '" + name + "'" + onlyAtTT);
    return storeName(name, none(), s->loc);
  }
  case StmtKind::Return: return buildReturn(cast<Return>(s));
  case StmtKind::Delete:
    for (const Expr *t : cast<Delete>(s)->targets) buildDelete(t);
    return;
  case StmtKind::Assign: return buildAssign(cast<Assign>(s));
  case StmtKind::AugAssign: return buildAugAssign(cast<AugAssign>(s));
  case StmtKind::AnnAssign: {
    const AnnAssign *a = cast<AnnAssign>(s);
    if (a->value) assign(a->target, eval(a->value), a->loc);
    return;
  }
  case StmtKind::For: return buildFor(cast<For>(s));
  case StmtKind::While: return buildWhile(cast<While>(s));
  case StmtKind::If: return buildIf(cast<If>(s));
  case StmtKind::Raise: return buildRaise(cast<Raise>(s));
  case StmtKind::Try: return buildTry(cast<Try>(s));
  case StmtKind::Assert: return buildAssert(cast<Assert>(s));
  case StmtKind::Import:
    error(s->loc, "import inside a function" + onlyAtTT);
    for (const Alias &a : cast<Import>(s)->names)
      storeName(a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname, none(), a.loc);
    return;
  case StmtKind::ImportFrom:
    error(s->loc, "import inside a function" + onlyAtTT);
    for (const Alias &a : cast<ImportFrom>(s)->names)
      if (a.name != "*") storeName(a.asname.empty() ? a.name : a.asname, none(), a.loc);
    return;
  case StmtKind::Global: return; // reading is fine; storeName rejects assignments
  case StmtKind::Nonlocal: return error(s->loc, "nonlocal" + onlyAtTT);
  case StmtKind::ExprStmt: eval(cast<ExprStmt>(s)->value); return;
  case StmtKind::Pass: return;
  case StmtKind::Break: return buildBreak(s);
  case StmtKind::Continue: return buildContinue(s);
  }
}

void Builder::buildAssign(const Assign *s) {
  push(eval(s->value));
  for (const Expr *t : s->targets) {
    if (!cur_) break;
    assign(t, state_.stack.back(), s->loc);
  }
  if (cur_) pop();
}

void Builder::assign(const Expr *target, Hlvalue v, SrcLoc loc) {
  switch (target->kind) {
  case ExprKind::Name: return storeName(cast<Name>(target)->id, v, target->loc);
  case ExprKind::Tuple:
  case ExprKind::List: {
    const ExprList &elts = target->kind == ExprKind::Tuple ? cast<Tuple>(target)->elts
                                                           : cast<List>(target)->elts;
    push(v);
    for (size_t i = 0; i < elts.size() && cur_; ++i) {
      if (elts[i]->kind == ExprKind::Starred) {
        error(elts[i]->loc, "starred assignment targets are not supported at run time");
        continue;
      }
      Hlvalue item = emit(FlowOp::GETITEM, {state_.stack.back(), cst(eval::Value::integer(int64_t(i)))},
                          elts[i]->loc);
      assign(elts[i], item, loc);
    }
    if (cur_) pop();
    return;
  }
  case ExprKind::Attribute: {
    const Attribute *a = cast<Attribute>(target);
    push(v);
    Hlvalue obj = eval(a->value);
    Hlvalue val = pop();
    emit(FlowOp::SETATTR, {obj, str(a->attr), val}, target->loc);
    return;
  }
  case ExprKind::Subscript: {
    const Subscript *sub = cast<Subscript>(target);
    push(v);
    if (dynAs<Slice>(sub->index)) {
      std::vector<Hlvalue> parts = evalSliceParts(sub); // obj, lower, upper, step
      parts.push_back(pop());
      emit(FlowOp::SETSLICE, parts, target->loc);
      return;
    }
    std::vector<Hlvalue> oi = evalAll({sub->value, sub->index});
    emit(FlowOp::SETITEM, {oi[0], oi[1], pop()}, target->loc);
    return;
  }
  case ExprKind::Starred:
    return error(target->loc, "starred assignment targets are not supported at run time");
  case ExprKind::IntLit: case ExprKind::FloatLit: case ExprKind::StrLit: case ExprKind::BoolLit:
  case ExprKind::NoneLit: case ExprKind::BinOp: case ExprKind::UnaryOp: case ExprKind::BoolOp:
  case ExprKind::Compare: case ExprKind::Call: case ExprKind::Slice: case ExprKind::Dict:
  case ExprKind::Set: case ExprKind::IfExp: case ExprKind::Lambda: case ExprKind::ListComp:
  case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp:
    return error(target->loc, std::string("cannot assign to ") + exprKindName(target->kind));
  }
}

static FlowOp inplaceOp(BinOpKind k) {
  static_assert(int(FlowOp::INPLACE_AND) - int(FlowOp::INPLACE_ADD) == int(BinOpKind::BITAND),
                "ORDER BINOP: flowops.def in-place rows follow ast.def's BINOP rows");
  return FlowOp(int(FlowOp::INPLACE_ADD) + int(k));
}

void Builder::buildAugAssign(const AugAssign *s) {
  FlowOp op = inplaceOp(s->op);
  const Expr *t = s->target;
  if (const Name *n = dynAs<Name>(t)) {
    push(loadName(n->id, n->loc));
    Hlvalue rhs = eval(s->value);
    Hlvalue lhs = pop();
    return storeName(n->id, emit(op, {lhs, rhs}, s->loc), n->loc);
  }
  if (const Attribute *a = dynAs<Attribute>(t)) {
    push(eval(a->value));
    push(emit(FlowOp::GETATTR, {state_.stack.back(), str(a->attr)}, a->loc));
    Hlvalue rhs = eval(s->value);
    Hlvalue lhs = pop();
    Hlvalue res = emit(op, {lhs, rhs}, s->loc);
    Hlvalue obj = pop();
    emit(FlowOp::SETATTR, {obj, str(a->attr), res}, s->loc);
    return;
  }
  if (const Subscript *sub = dynAs<Subscript>(t)) {
    const Slice *sl = dynAs<Slice>(sub->index);
    std::vector<Hlvalue> key = sl ? evalSliceParts(sub) : evalAll({sub->value, sub->index});
    for (const Hlvalue &k : key) push(k);
    Hlvalue cur = emit(sl ? FlowOp::GETSLICE : FlowOp::GETITEM, key, sub->loc);
    push(cur);
    Hlvalue rhs = eval(s->value);
    Hlvalue lhs = pop();
    Hlvalue res = emit(op, {lhs, rhs}, s->loc);
    std::vector<Hlvalue> args(state_.stack.end() - long(key.size()), state_.stack.end());
    state_.stack.resize(state_.stack.size() - key.size());
    args.push_back(res);
    emit(sl ? FlowOp::SETSLICE : FlowOp::SETITEM, args, s->loc);
    return;
  }
  error(t->loc, std::string("cannot assign to ") + exprKindName(t->kind));
}

void Builder::buildDelete(const Expr *target) {
  if (!cur_) return;
  if (const Subscript *sub = dynAs<Subscript>(target)) {
    if (dynAs<Slice>(sub->index)) {
      emit(FlowOp::DELSLICE, evalSliceParts(sub), target->loc);
      return;
    }
    emit(FlowOp::DELITEM, evalAll({sub->value, sub->index}), target->loc);
    return;
  }
  if (const Attribute *a = dynAs<Attribute>(target)) {
    emit(FlowOp::DELATTR, {eval(a->value), str(a->attr)}, target->loc);
    return;
  }
  if (const Tuple *t = dynAs<Tuple>(target)) {
    for (const Expr *e : t->elts) buildDelete(e);
    return;
  }
  if (const Name *n = dynAs<Name>(target)) {
    error(target->loc, "'del " + n->id + "' of a variable is not supported at run time");
    return;
  }
  error(target->loc, std::string("cannot delete ") + exprKindName(target->kind));
}

void Builder::buildIf(const If *s) {
  Edges onTrue, onFalse, done;
  cond(s->test, onTrue, onFalse);
  if (resolve(onTrue)) {
    buildBody(s->body);
    if (cur_) done.push_back(jump());
  }
  if (resolve(onFalse)) {
    buildBody(s->orelse);
    if (cur_) done.push_back(jump());
  }
  resolve(done);
}

void Builder::buildWhile(const While *s) {
  std::set<std::string> assigned;
  assignedNames(s->body, assigned);
  Frame loop = makeLoop([&](size_t i) { return assigned.count(slots_[i].first) != 0; });
  frames_.push_back(&loop);
  Edges onTrue, onFalse;
  cond(s->test, onTrue, onFalse);
  if (resolve(onTrue)) {
    buildBody(s->body);
    if (cur_) backEdge(loop);
  }
  frames_.pop_back();
  if (resolve(onFalse)) {
    buildBody(s->orelse);
    if (cur_) loop.breaks.push_back(jump());
  }
  resolve(loop.breaks);
}

void Builder::buildFor(const For *s) {
  Hlvalue iterable = eval(s->iter);
  if (!cur_) return;
  push(emit(FlowOp::ITER, {iterable}, s->iter->loc));
  std::set<std::string> assigned;
  assignedNames(s->body, assigned);
  targetNames(s->target, assigned);
  Frame loop = makeLoop([&](size_t i) { return assigned.count(slots_[i].first) != 0; });
  loop.stackDepth -= 1; // `break` leaves the iterator behind
  frames_.push_back(&loop);
  Edges stop;
  Hlvalue item = emitNext(state_.stack.back(), s->loc, stop);
  assign(s->target, item, s->target->loc);
  if (cur_) buildBody(s->body);
  if (cur_) backEdge(loop);
  frames_.pop_back();
  if (resolve(stop)) {
    pop(); // the iterator
    buildBody(s->orelse);
    if (cur_) loop.breaks.push_back(jump());
  }
  resolve(loop.breaks);
}

// Builds the body of frames_[frameIndex] (a FINALLY frame) at the current
// point, as seen from outside that frame.
void Builder::inlineFinally(size_t frameIndex) {
  std::vector<Frame *> saved = frames_;
  const StmtList *body = frames_[frameIndex]->finalbody;
  frames_.resize(frameIndex);
  buildBody(*body);
  frames_ = std::move(saved);
}

void Builder::buildBreak(const Stmt *s) {
  for (size_t i = frames_.size(); i-- > 0 && cur_;) {
    Frame *f = frames_[i];
    if (f->kind == FrameKind::FINALLY) inlineFinally(i);
    if (f->kind != FrameKind::LOOP || !cur_) continue;
    Edge e = jump();
    e.state.locals.resize(f->numLocals);
    e.state.stack.resize(f->stackDepth);
    f->breaks.push_back(std::move(e));
    return;
  }
  if (cur_) error(s->loc, "'break' outside loop");
}

void Builder::buildContinue(const Stmt *s) {
  for (size_t i = frames_.size(); i-- > 0 && cur_;) {
    Frame *f = frames_[i];
    if (f->kind == FrameKind::FINALLY) inlineFinally(i);
    if (f->kind != FrameKind::LOOP || !cur_) continue;
    return backEdge(*f);
  }
  if (cur_) error(s->loc, "'continue' not properly in loop");
}

void Builder::buildReturn(const Return *s) {
  push(s->value ? eval(s->value) : Hlvalue(none()));
  for (size_t i = frames_.size(); i-- > 0 && cur_;)
    if (frames_[i]->kind == FrameKind::FINALLY) inlineFinally(i);
  if (!cur_) return; // the finally body left by itself
  g_->newLink(cur_, g_->returnblock, {pop()});
  cur_ = nullptr;
}

void Builder::buildAssert(const Assert *s) {
  Edges onTrue, onFalse;
  cond(s->test, onTrue, onFalse);
  if (resolve(onFalse)) {
    eval::Value cls = builtinClassValue("AssertionError");
    std::vector<Hlvalue> args{cst(cls)};
    if (s->msg) args.push_back(eval(s->msg));
    if (cur_) {
      Hlvalue exc = emit(FlowOp::SIMPLE_CALL, args, s->loc);
      if (cur_) raiseTo(cst(cls), exc);
    }
  }
  resolve(onTrue);
}

void Builder::targetNames(const Expr *target, std::set<std::string> &out) {
  if (const Name *n = dynAs<Name>(target)) out.insert(n->id);
  if (const Tuple *t = dynAs<Tuple>(target))
    for (const Expr *e : t->elts) targetNames(e, out);
  if (const List *l = dynAs<List>(target))
    for (const Expr *e : l->elts) targetNames(e, out);
  if (const Starred *st = dynAs<Starred>(target)) targetNames(st->value, out);
}

// Names a statement list may (re)bind: what a loop header must not keep as
// a Constant.
void Builder::assignedNames(const StmtList &body, std::set<std::string> &out) {
  for (const Stmt *s : body) {
    switch (s->kind) {
    case StmtKind::Assign:
      for (const Expr *t : cast<Assign>(s)->targets) targetNames(t, out);
      break;
    case StmtKind::AugAssign: targetNames(cast<AugAssign>(s)->target, out); break;
    case StmtKind::AnnAssign: targetNames(cast<AnnAssign>(s)->target, out); break;
    case StmtKind::For:
      targetNames(cast<For>(s)->target, out);
      assignedNames(cast<For>(s)->body, out);
      assignedNames(cast<For>(s)->orelse, out);
      break;
    case StmtKind::While:
      assignedNames(cast<While>(s)->body, out);
      assignedNames(cast<While>(s)->orelse, out);
      break;
    case StmtKind::If:
      assignedNames(cast<If>(s)->body, out);
      assignedNames(cast<If>(s)->orelse, out);
      break;
    case StmtKind::Try: {
      const Try *t = cast<Try>(s);
      assignedNames(t->body, out);
      for (const ExceptHandler &h : t->handlers) {
        if (!h.name.empty()) out.insert(h.name);
        assignedNames(h.body, out);
      }
      assignedNames(t->orelse, out);
      assignedNames(t->finalbody, out);
      break;
    }
    case StmtKind::FunctionDef: case StmtKind::ClassDef: case StmtKind::Return:
    case StmtKind::Delete: case StmtKind::Raise: case StmtKind::Assert: case StmtKind::Import:
    case StmtKind::ImportFrom: case StmtKind::Global: case StmtKind::Nonlocal:
    case StmtKind::ExprStmt: case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue:
      break;
    }
  }
}

} // namespace lathe::flow::build
