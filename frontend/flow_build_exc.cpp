//===- flow_build_exc.cpp - Flow graphs: raise and try statements ---------===//
// Part of the flow-graph builder (flow_build.h). Follows RPython's flow
// space:
//
//   raise E(x)      v = simple_call(E, x); link to the handler / except block
//                   with (E, v) when E is a Constant class (and the call did
//                   not end its block), else (type(v), v)
//   raise E         (a Constant class) v = simple_call(E); etype is E itself
//   raise           (bare, inside an except handler) re-raises the handled
//                   exception: the handler keeps (etype, evalue) on the stack
//   raise X from Y  the cause Y is ignored (not evaluated): RPy exceptions
//                   carry no __cause__ at run time
//
// try/except: inside the body every op that can raise (flowops.def) ends its
// block with exitswitch last_exception and exits [normal link, exception
// link (exitcase Exception, fresh etype/evalue)]; an explicit `raise` jumps
// there too. All these edges meet in a dispatch block (inputargs: the live
// locals, etype, evalue) which tests `exception_match(etype, C)` for each
// handler in order (C a Constant class or tuple of classes: the `except`
// expression must be a translation-time constant). `except E as e` binds e
// to evalue and unbinds it after the handler (Python 3). A bare `except:`
// matches everything. No match: re-raise to the enclosing handler or the
// except block. `else` runs after a body without exception, outside the
// handlers' protection.
//
// try/finally (with or without handlers: try/except/finally is
// try: (try/except) finally): the finally body is duplicated on every path
// leaving the protected region — the normal exit, the exceptional exit
// (then re-raised), and each return/break/continue passing through
// (flow_build_stmt.cpp).
//===----------------------------------------------------------------------===//
#include "frontend/flow_build.h"

#include <cassert>

namespace lathe::flow::build {

using namespace lathe::ast;

void Builder::buildRaise(const Raise *s) {
  if (!s->exc) {
    for (size_t i = frames_.size(); i-- > 0;) {
      if (frames_[i]->kind != FrameKind::HANDLER) continue;
      size_t at = frames_[i]->excIndex;
      return raiseTo(state_.stack[at], state_.stack[at + 1]);
    }
    return error(s->loc, "bare 'raise' is only allowed inside an except handler");
  }
  Hlvalue v = eval(s->exc);
  if (v.isConst() && eval::asClass(v.cst()->value)) {
    Hlvalue exc = emit(FlowOp::SIMPLE_CALL, {v}, s->loc);
    return raiseTo(v, exc);
  }
  // `raise C(...)` with a constant class C: the type is C itself.
  const Operation *last = cur_->operations.empty() ? nullptr : &cur_->operations.back();
  if (last && last->result == v.var() &&
      (last->op == FlowOp::SIMPLE_CALL || last->op == FlowOp::CALL_ARGS) &&
      last->args[0].isConst() && eval::asClass(last->args[0].cst()->value))
    return raiseTo(last->args[0], v);
  Hlvalue etype = emit(FlowOp::TYPE, {v}, s->loc); // cannot raise: no block split
  raiseTo(etype, v);
}

void Builder::buildTry(const Try *s) {
  if (s->finalbody.empty()) buildTryExcept(s);
  else buildTryFinally(s);
}

void Builder::buildTryExcept(const Try *s) {
  Frame catcher{FrameKind::EXCEPT};
  catcher.numLocals = state_.locals.size();
  catcher.stackDepth = state_.stack.size();
  frames_.push_back(&catcher);
  buildBody(s->body);
  frames_.pop_back();
  Edges done;
  if (cur_) buildBody(s->orelse);
  if (cur_) done.push_back(jump());
  if (resolve(catcher.raises)) buildDispatch(s->handlers, done);
  resolve(done);
}

void Builder::buildTryFinally(const Try *s) {
  Frame fin{FrameKind::FINALLY};
  fin.numLocals = state_.locals.size();
  fin.stackDepth = state_.stack.size();
  fin.finalbody = &s->finalbody;
  frames_.push_back(&fin);
  if (s->handlers.empty()) {
    buildBody(s->body);
    if (cur_) buildBody(s->orelse);
  } else {
    buildTryExcept(s);
  }
  frames_.pop_back();
  Edges normal, after;
  if (cur_) normal.push_back(jump());
  if (resolve(normal)) {
    buildBody(s->finalbody);
    if (cur_) after.push_back(jump());
  }
  if (resolve(fin.raises)) {
    buildBody(s->finalbody);
    if (cur_) {
      Hlvalue evalue = pop();
      Hlvalue etype = pop();
      raiseTo(etype, evalue);
    }
  }
  resolve(after);
}

Hlvalue Builder::handlerClass(const Expr *type) {
  Hlvalue cls = eval(type);
  if (cls.isConst()) {
    const eval::Value &v = cls.cst()->value;
    bool ok = eval::asClass(v) != nullptr;
    if (const eval::TupleObj *t = eval::asTuple(v)) {
      ok = true;
      for (const eval::Value &item : t->items) ok = ok && eval::asClass(item);
    }
    if (ok) return cls;
  }
  error(type->loc, "the exception in 'except' must be a class or a tuple of classes "
                   "known at translation time");
  return cst(builtinClassValue("Exception"));
}

// The current block has [.., etype, evalue] on top of the stack. Each handler
// that does not end by itself adds an edge to `done`.
void Builder::buildDispatch(const std::vector<ExceptHandler> &handlers, Edges &done) {
  for (const ExceptHandler &h : handlers) {
    size_t at = state_.stack.size() - 2;
    Edges onTrue, onFalse;
    if (h.type) {
      Hlvalue cls = handlerClass(h.type);
      Hlvalue match = emit(FlowOp::EXCEPTION_MATCH, {state_.stack[at], cls}, h.loc);
      branch(match, h.loc, onTrue, onFalse);
      resolve(onTrue);
    }
    if (cur_) {
      if (!h.name.empty()) storeName(h.name, state_.stack[at + 1], h.loc);
      Frame handler{FrameKind::HANDLER};
      handler.excIndex = at;
      frames_.push_back(&handler);
      buildBody(h.body);
      frames_.pop_back();
    }
    if (cur_) {
      if (int slot = slotOf(h.name); !h.name.empty() && slot >= 0) state_.locals[size_t(slot)] = Hlvalue();
      state_.stack.resize(at);
      done.push_back(jump());
    }
    if (!h.type || !resolve(onFalse)) return; // a bare except catches everything
  }
  Hlvalue evalue = pop();
  Hlvalue etype = pop();
  raiseTo(etype, evalue);
}

} // namespace lathe::flow::build
