//===- lower_graph.cpp - Lowering one annotated graph ---------------------===//
// The walk (RPython's rtyper.specialize_block, without rewriting in place):
//   * one LL block per flow block the annotator reached, its inputargs in
//     their annotations' representations; unreached blocks are dropped (a
//     branch on a translation-time constant keeps only its live exit);
//   * the LL start block takes the graph's signature (rcall.cpp) and links
//     to the lowered flow start block, converting each argument;
//   * each operation lowers by its operands' kinds (dispatch below); the
//     result is a variable or, when the annotator proved it constant and
//     the operation is pure, a constant;
//   * links convert their arguments to the target's representations; a
//     conversion that needs operations gets its own block on the link (so
//     switch exits stay plain links);
//   * a `next` guarded by a StopIteration link lowers inline when the
//     iterator has an inline form (riter.cpp): the test becomes a Bool
//     switch and StopIteration is never raised;
//   * a guarded operation whose lowering cannot raise drops its exception
//     links.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cassert>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;

Lowering::Lowering(RTyper &rt, const ann::GraphInfo &gi, LLGraph &g)
    : rt(rt), gi(gi), g(g), types(rt.types) {
  vars_.resize(gi.graph->variableCount());
}

ann::Ann Lowering::annOf(const flow::Hlvalue &v) const { return rt.an.annotationOf(gi, v); }

const eval::Value *Lowering::constArg(size_t i) const {
  const flow::Hlvalue &v = op->args[i];
  if (v.isConst()) return &v.cst()->value;
  Ann a = annOf(v);
  return a->hasConst ? &a->constValue : nullptr;
}

LLValue Lowering::valueOf(const flow::Hlvalue &v) {
  if (v.isConst()) {
    Ann a = annOf(v);
    const LLConstant *c = rt.constantOf(v.cst()->value, a, v.cst()->loc.known() ? v.cst()->loc : loc);
    if (!c) return unsupported("the constant " + eval::describe(v.cst()->value));
    return c;
  }
  LLValue x = vars_[v.var()->id];
  if (x.isNull()) {
    // A value the lowering never produced (an error was reported).
    return rt.nullConst(types.voidType());
  }
  if (x.type()->kind() == LLKind::VOID) return rt.voidConst();
  return x;
}

LLVariable *Lowering::emit(LLOp o, std::vector<LLValue> args, const LLType *result) {
  return g.addOp(cur, o, std::move(args), result, loc);
}

LLValue Lowering::call(const std::string &name, std::vector<LLValue> args, const LLType *result,
                       bool canRaise) {
  std::vector<const LLType *> types_;
  for (const LLValue &a : args) types_.push_back(a.type());
  const LLConstant *f = rt.external(name, types_, result, canRaise);
  args.insert(args.begin(), f);
  return emit(LLOp::DIRECT_CALL, std::move(args), result);
}

void Lowering::check(const std::string &name, std::vector<LLValue> args) {
  std::vector<const LLType *> ts;
  for (const LLValue &a : args) ts.push_back(a.type());
  const LLConstant *f = rt.external(name, ts, types.boolType(), true, true);
  args.insert(args.begin(), f);
  emit(LLOp::DIRECT_CALL, std::move(args), types.boolType());
}

void Lowering::raiseBuiltin(int kind, const std::string &message) {
  call("ll_raise_builtin", {cint(kind), message.empty() ? cnull(rt.strType()) : cstr(message)},
       types.voidType(), true);
}

LLValue Lowering::getfield(LLValue p, const std::string &field) {
  const LLType *t = p.type()->target()->fieldType(field);
  assert(t && "getfield of a known field");
  return emit(LLOp::GETFIELD, {p, cfield(field)}, t);
}

void Lowering::setfield(LLValue p, const std::string &field, LLValue v) {
  emit(LLOp::SETFIELD, {p, cfield(field), v}, types.voidType());
}

LLValue Lowering::castPtr(LLValue p, const LLType *to) {
  if (p.type() == to) return p;
  if (p.isConst() && std::holds_alternative<LLConstant::Null>(p.cst()->value)) return cnull(to);
  return emit(LLOp::CAST_POINTER, {p}, to);
}

namespace {

bool isOvfcheckCall(const flow::Operation &o, const flow::Variable *v) {
  if (o.op != FlowOp::SIMPLE_CALL || o.args.size() != 2 || !o.args[0].isConst()) return false;
  const eval::FunctionObj *f = eval::asFunction(o.args[0].cst()->value);
  return f && f->module && f->module->name == "rlib.rarith" && f->qualname == "ovfcheck" &&
         o.args[1].isVar() && o.args[1].var() == v;
}

} // namespace

bool Lowering::feedsOvfcheck(const flow::Variable *v) const {
  if (!curFlow_) return false;
  for (size_t i = curIndex_ + 1; i < curFlow_->operations.size(); ++i)
    if (isOvfcheckCall(curFlow_->operations[i], v)) return true;
  // In a try, the operation ends its block: look at the normal exit's target.
  for (const flow::Link *l : curFlow_->exits) {
    if (l->isException()) continue;
    for (size_t k = 0; k < l->args.size(); ++k) {
      if (!l->args[k].isVar() || l->args[k].var() != v) continue;
      const flow::Variable *w = l->target->inputargs[k];
      for (const flow::Operation &o : l->target->operations)
        if (isOvfcheckCall(o, w)) return true;
    }
  }
  return false;
}

const flow::Operation *Lowering::definingOp(const flow::Variable *v) const {
  if (!curFlow_) return nullptr;
  for (size_t i = 0; i < curIndex_ && i < curFlow_->operations.size(); ++i)
    if (curFlow_->operations[i].result == v) return &curFlow_->operations[i];
  return nullptr;
}

LLValue Lowering::unsupported(const std::string &what) {
  std::string msg;
  if (!what.empty()) {
    msg = what + " cannot be translated yet";
  } else {
    msg = std::string("'") + flow::flowOpName(op->op) + "' of ";
    for (size_t i = 0; i < op->args.size(); ++i) {
      if (op->args[i].isConst() && op->args[i].cst()->shape) continue;
      if (i) msg += ", ";
      msg += ann::printType(argAnn(i));
    }
    msg += " cannot be translated yet";
  }
  rt.error(loc, msg);
  return LLValue();
}

LLValue Lowering::truth(LLValue v, const Ann &a) {
  switch (a->kind) {
  case SomeKind::BOOL:
    return v;
  case SomeKind::INTEGER:
    return emit(a->isUnsigned ? LLOp::UINT_IS_TRUE : LLOp::INT_IS_TRUE, {v}, types.boolType());
  case SomeKind::FLOAT:
    return emit(LLOp::FLOAT_IS_TRUE, {v}, types.boolType());
  case SomeKind::CHAR:
    return cbool(true);
  case SomeKind::NONE:
    return cbool(false);
  case SomeKind::STRING:
    return call("ll_str_is_true", {v}, types.boolType());
  case SomeKind::LIST:
    if (rt.listKind(a->listDef) == RTyper::ListKind::RANGE)
      return call("ll_range_is_true", {v}, types.boolType());
    return call(rt.listKind(a->listDef) == RTyper::ListKind::FIXED ? "ll_array_is_true"
                                                                   : "ll_list_is_true",
                {v}, types.boolType());
  case SomeKind::DICT:
    return call("ll_dict_is_true", {v}, types.boolType());
  case SomeKind::TUPLE:
    return cbool(!a->items.empty());
  case SomeKind::INSTANCE:
    return a->canBeNone ? LLValue(emit(LLOp::PTR_NONZERO, {v}, types.boolType())) : cbool(true);
  case SomeKind::PBC:
    if (v.type()->isPtr()) return emit(LLOp::PTR_NONZERO, {v}, types.boolType());
    return cbool(true);
  default:
    break;
  }
  return unsupported("the truth value of " + ann::printType(a));
}

LLValue Lowering::toStr(LLValue v, const Ann &a) {
  if (a->kind == SomeKind::INSTANCE) {
    // str() of an exception: its message (the str of its argument).
    const ClassInfo &base = rt.prog.classes[rt.builtinClassIndex(0)];
    const ClassInfo &ci = rt.classOf(a->classDef);
    if (ci.instance->inheritsFrom(base.instance)) {
      LLValue msg = getfield(castPtr(v, types.ptr(base.instance)), "msg");
      return call("ll_str_or_empty", {msg}, rt.strType());
    }
    return unsupported("str() of an instance of " + ci.name);
  }
  return strOf(*this, v, a, false);
}
LLValue Lowering::toRepr(LLValue v, const Ann &a) { return strOf(*this, v, a, true); }

LLValue Lowering::convert(LLValue v, const Ann &from, const Ann &to) {
  const LLType *tt = rt.reprOf(to);
  const LLType *ft = v.type();
  if (ft == tt) return v;
  if (tt->kind() == LLKind::VOID) return rt.voidConst();
  if (from->hasConst) {
    if (const LLConstant *c = rt.constantOf(from->constValue, to, loc)) return c;
  }
  switch (tt->kind()) {
  case LLKind::SIGNED:
    if (ft->kind() == LLKind::BOOL) return emit(LLOp::CAST_BOOL_TO_INT, {v}, tt);
    if (ft->kind() == LLKind::UNSIGNED) return emit(LLOp::CAST_UINT_TO_INT, {v}, tt);
    if (ft->kind() == LLKind::CHAR) return emit(LLOp::CAST_CHAR_TO_INT, {v}, tt);
    break;
  case LLKind::UNSIGNED:
    if (ft->kind() == LLKind::SIGNED) return emit(LLOp::CAST_INT_TO_UINT, {v}, tt);
    if (ft->kind() == LLKind::BOOL)
      return emit(LLOp::CAST_INT_TO_UINT, {emit(LLOp::CAST_BOOL_TO_INT, {v}, types.signedType())}, tt);
    break;
  case LLKind::FLOAT:
    if (ft->kind() == LLKind::SIGNED) return emit(LLOp::CAST_INT_TO_FLOAT, {v}, tt);
    if (ft->kind() == LLKind::BOOL) return emit(LLOp::CAST_BOOL_TO_FLOAT, {v}, tt);
    break;
  case LLKind::PTR:
    if (ft->kind() == LLKind::CHAR && tt == rt.strType())
      return call("ll_char_to_str", {v}, tt);
    if (ft->kind() == LLKind::VOID) {
      if (from->kind == SomeKind::NONE || from->kind == SomeKind::IMPOSSIBLE) return cnull(tt);
      if (from->kind == SomeKind::PBC && from->descs.size() == 1) {
        const ann::Desc *d = from->descs[0];
        if (d->kind == ann::Desc::Kind::FUNCTION && tt->target()->isFunc()) {
          const ann::GraphInfo *gi2 = rt.an.graphOf(d->func);
          if (gi2 && rt.graphOf(gi2)) {
            const LLConstant *c = rt.graphConst(gi2);
            if (c->type == tt) return c;
          }
        }
        if (d->kind == ann::Desc::Kind::CLASS)
          if (ClassInfo *ci = rt.findClassOfObj(d->cls)) return castPtr(rt.vtableConst(*ci), tt);
      }
      break;
    }
    if (ft->isPtr() && ft->target()->isStruct() && tt->target()->isStruct() &&
        (ft->target()->inheritsFrom(tt->target()) || tt->target()->inheritsFrom(ft->target())))
      return castPtr(v, tt);
    if (from->kind == SomeKind::TUPLE && to->kind == SomeKind::TUPLE &&
        from->items.size() == to->items.size()) {
      // Item by item into a new tuple of the wider representation.
      LLValue t = emit(LLOp::MALLOC, {ctype(tt->target())}, tt);
      for (size_t i = 0; i < from->items.size(); ++i) {
        std::string f = "item" + std::to_string(i);
        setfield(t, f, convert(getfield(v, f), from->items[i], to->items[i]));
      }
      return t;
    }
    break;
  default:
    break;
  }
  unsupported("converting " + ann::printType(from) + " (" + ft->str() + ") to " +
              ann::printType(to) + " (" + tt->str() + ")");
  return rt.nullConst(tt);
}

LLBlock *Lowering::blockFor(const flow::Block *b) {
  if (b == gi.graph->returnblock) return g.returnblock;
  if (b == gi.graph->exceptblock) return g.exceptblock;
  auto it = blocks_.find(b);
  if (it != blocks_.end()) return it->second;
  std::vector<LLVariable *> args;
  for (const flow::Variable *v : b->inputargs)
    args.push_back(g.newVar(rt.reprOf(gi.bindings[v->id].ann), v->hint));
  LLBlock *lb = g.newBlock(args);
  blocks_[b] = lb;
  return lb;
}

namespace {

bool llOpCanRaise(const RTyper &rt, const LLOperation &op) {
  if (op.op == LLOp::DIRECT_CALL) {
    const auto *sym = std::get_if<LLConstant::Symbol>(&op.args[0].cst()->value);
    auto it = rt.prog.externals.find(sym->name + "|" + op.args[0].type()->str());
    if (it != rt.prog.externals.end()) return it->second.canRaise;
    return true; // a graph
  }
  return llOpInfo(op.op).canRaise;
}

} // namespace

void Lowering::lowerLink(LLBlock *from, const flow::Link *link, const LLConstant *exitcase) {
  const flow::Block *tb = link->target;
  if (tb != gi.graph->returnblock && tb != gi.graph->exceptblock && !gi.reached.count(tb)) return;
  LLBlock *target = blockFor(tb);
  const std::vector<Ann> &sig = rt.signature(&gi);
  // Conversions run in a block of their own, fed by the link.
  LLBlock *t = g.newBlock();
  LLBlock *saved = cur;
  cur = t;
  std::vector<LLValue> passedIn; // source values passed to t
  std::vector<LLValue> out;
  for (size_t i = 0; i < link->args.size(); ++i) {
    const flow::Hlvalue &a = link->args[i];
    Ann from_ = annOf(a);
    LLValue src;
    if (a.isConst()) {
      src = LLValue();
    } else {
      src = vars_[a.var()->id];
      if (src.isNull()) src = rt.voidConst();
    }
    LLValue inT;
    if (a.isConst()) {
      inT = LLValue();
    } else if (src.isVar()) {
      LLVariable *p = g.newVar(src.type(), src.var()->hint);
      t->inputargs.push_back(p);
      passedIn.push_back(src);
      inT = p;
    } else {
      inT = src;
    }
    LLValue conv;
    if (tb == gi.graph->exceptblock) {
      const LLType *want = target->inputargs[i]->type;
      LLValue v = inT;
      if (a.isConst()) {
        const eval::ClassObj *cls = eval::asClass(a.cst()->value);
        ClassInfo *ci = cls ? rt.findClassOfObj(cls) : nullptr;
        v = ci ? LLValue(rt.prog.constant(want, LLConstant::Symbol{ci->vtableSymbol})) : valueOf(a);
      }
      conv = v.type() == want ? v : castPtr(v, want);
    } else {
      Ann to = tb == gi.graph->returnblock ? sig.back() : gi.bindings[tb->inputargs[i]->id].ann;
      if (a.isConst()) {
        const LLConstant *c = rt.constantOf(a.cst()->value, to, loc);
        conv = c ? LLValue(c) : convert(valueOf(a), from_, to);
      } else {
        conv = convert(inT, from_, to);
      }
    }
    out.push_back(conv);
  }
  cur = saved;
  if (t->operations.empty()) {
    // No operation needed: link straight from `from`, mapping t's inputargs back.
    std::vector<LLValue> direct;
    for (LLValue v : out) {
      if (v.isVar()) {
        for (size_t k = 0; k < t->inputargs.size(); ++k)
          if (t->inputargs[k] == v.var()) v = passedIn[k];
      }
      direct.push_back(v);
    }
    g.newLink(from, target, direct, exitcase);
    return;
  }
  g.newLink(from, t, passedIn, exitcase);
  g.newLink(t, target, out);
}

void Lowering::deadEnd(LLBlock *from) {
  LLBlock *dead = g.newBlock();
  g.addOp(dead, LLOp::DEBUG_ASSERT, {rt.boolConst(false), rt.voidConst("unreachable: the call never returns")},
          types.voidType(), loc);
  g.newLink(from, dead);
  lowerLinkToReturnDefault(dead);
}

void Lowering::lowerExits(const flow::Block *b, bool skipNormal) {
  LLBlock *from = cur;
  switch (b->switchKind) {
  case flow::SwitchKind::NONE:
    if (!b->exits.empty()) lowerLink(from, b->exits[0], nullptr);
    return;
  case flow::SwitchKind::VALUE: {
    Ann a = annOf(b->exitswitch);
    LLValue v = valueOf(b->exitswitch);
    if (a->kind != SomeKind::BOOL) v = truth(v, a);
    from = cur;
    if (v.isConst()) {
      bool val = std::get<bool>(v.cst()->value);
      for (const flow::Link *l : b->exits)
        if (l->exitcase.asBool() == val) lowerLink(from, l, nullptr);
      return;
    }
    from->switchKind = LLSwitch::VALUE;
    from->exitswitch = v;
    for (const flow::Link *l : b->exits) {
      size_t before = from->exits.size();
      lowerLink(from, l, rt.boolConst(l->exitcase.asBool()));
      if (from->exits.size() == before) {
        // The annotator never followed this exit: keep the switch well
        // formed with a link to a block that cannot be reached at run time.
        LLBlock *dead = g.newBlock();
        g.addOp(dead, LLOp::DEBUG_ASSERT, {rt.boolConst(false), rt.voidConst("unreachable branch")},
                types.voidType(), loc);
        g.newLink(from, dead, {}, rt.boolConst(l->exitcase.asBool()));
        lowerLinkToReturnDefault(dead);
      }
    }
    return;
  }
  case flow::SwitchKind::LAST_EXCEPTION: {
    bool raises = !from->operations.empty() && llOpCanRaise(rt, from->operations.back());
    if (!raises) {
      lowerLink(from, b->exits[0], nullptr);
      return;
    }
    from->switchKind = LLSwitch::LAST_EXCEPTION;
    if (!skipNormal) lowerLink(from, b->exits[0], nullptr);
    if (from->exits.empty()) {
      // The normal exit was never followed (the operation always raises).
      LLBlock *dead = g.newBlock();
      g.addOp(dead, LLOp::DEBUG_ASSERT, {rt.boolConst(false), rt.voidConst("unreachable exit")},
              types.voidType(), loc);
      g.newLink(from, dead);
      lowerLinkToReturnDefault(dead);
    }
    lowerExceptionLinks(from, b, 1);
    return;
  }
  }
}

LLValue Lowering::zeroOf(const LLType *t) {
  switch (t->kind()) {
  case LLKind::VOID: return rt.voidConst();
  case LLKind::BOOL: return rt.boolConst(false);
  case LLKind::CHAR: return g.constant(t, char(0));
  case LLKind::SIGNED: return rt.intConst(0);
  case LLKind::UNSIGNED: return g.constant(t, uint64_t(0));
  case LLKind::FLOAT: return g.constant(t, 0.0);
  default: return rt.nullConst(t);
  }
}

void Lowering::lowerLinkToReturnDefault(LLBlock *dead) {
  // Unreachable: return a zero value (the verifier wants every block to end).
  g.newLink(dead, g.returnblock, {zeroOf(g.resultType())});
}

std::vector<LLValue> Lowering::carryLive(LLBlock *from, LLBlock *to, std::vector<LLValue *> extra,
                                         std::vector<std::pair<size_t, LLValue>> &saved) {
  std::vector<LLValue> carried;
  auto local = [&](const LLValue &v) {
    bool l = false;
    for (LLVariable *a : from->inputargs) l |= a == v.var();
    for (const LLOperation &o : from->operations) l |= o.result == v.var();
    return l;
  };
  for (size_t id = 0; id < vars_.size(); ++id) {
    LLValue v = vars_[id];
    if (!v.isVar() || !local(v)) continue; // only variables of `from` are in scope
    LLVariable *p = g.newVar(v.type(), v.var()->hint);
    to->inputargs.push_back(p);
    carried.push_back(v);
    saved.push_back({id, v});
    vars_[id] = p;
  }
  for (LLValue *e : extra) {
    if (!e->isVar()) continue;
    LLVariable *p = g.newVar(e->type(), e->var()->hint);
    to->inputargs.push_back(p);
    carried.push_back(*e);
    *e = p;
  }
  return carried;
}

void Lowering::lowerExceptionLinks(LLBlock *from, const flow::Block *b, size_t first) {
  for (size_t i = first; i < b->exits.size(); ++i) {
    const flow::Link *l = b->exits[i];
    if (l->target != gi.graph->exceptblock && !gi.reached.count(l->target)) continue;
    const eval::ClassObj *cls = eval::asClass(l->exitcase);
    ClassInfo *ci = cls ? rt.findClassOfObj(cls) : nullptr;
    if (!ci) {
      unsupported("catching " + eval::describe(l->exitcase));
      continue;
    }
    LLVariable *etype = g.newVar(rt.vtablePtr(), l->lastException->hint);
    LLVariable *evalue =
        g.newVar(rt.reprOf(gi.bindings[l->lastExcValue->id].ann), l->lastExcValue->hint);
    if (evalue->type->kind() == LLKind::VOID) evalue->type = rt.objectPtr();
    vars_[l->lastException->id] = etype;
    vars_[l->lastExcValue->id] = evalue;
    size_t before = from->exits.size();
    lowerLink(from, l, rt.vtableConst(*ci));
    if (from->exits.size() > before) {
      from->exits.back()->lastException = etype;
      from->exits.back()->lastExcValue = evalue;
    }
  }
}

bool Lowering::lowerInlineNext(const flow::Block *b) {
  // for-loop `next`: exits[0] normal, exits[1] StopIteration, then the
  // handlers of an enclosing try (if any).
  if (b->exits.size() < 2) return false;
  const eval::ClassObj *cls = eval::asClass(b->exits[1]->exitcase);
  if (!cls || cls->name != "StopIteration") return false;
  Ann itAnn = argAnn(0);
  LLValue it = arg(0);
  LLValue has = iterHasNext(*this, it, itAnn);
  if (has.isNull()) return false;
  LLBlock *from = cur;
  if (b->exits.size() > 2 && !from->operations.empty() && llOpCanRaise(rt, from->operations.back())) {
    // The test itself can raise (a dict changed size during iteration):
    // its block dispatches to the enclosing try's handlers, and the Bool
    // switch moves to a block of its own.
    LLBlock *test = g.newBlock();
    std::vector<std::pair<size_t, LLValue>> saved0;
    std::vector<LLValue> carried0 = carryLive(from, test, {&has}, saved0);
    std::vector<std::pair<size_t, LLValue>> inner0;
    for (auto &[id, v] : saved0) {
      inner0.push_back({id, vars_[id]});
      vars_[id] = v;
    }
    from->switchKind = LLSwitch::LAST_EXCEPTION;
    g.newLink(from, test, carried0);
    lowerExceptionLinks(from, b, 2);
    for (auto &[id, v] : inner0) vars_[id] = v;
    from = test;
    cur = test;
  }
  // True: a block carrying every live value of this flow block, which
  // computes the item and follows the normal exit.
  std::vector<std::pair<size_t, LLValue>> saved;
  LLBlock *body = g.newBlock();
  std::vector<LLValue> carried = carryLive(from, body, {}, saved);
  from->switchKind = LLSwitch::VALUE;
  from->exitswitch = has;
  // False: the StopIteration exit, without its exception variables.
  {
    // Link args of the StopIteration exit use the *outer* values.
    std::vector<std::pair<size_t, LLValue>> inner;
    for (auto &[id, v] : saved) {
      inner.push_back({id, vars_[id]});
      vars_[id] = v;
    }
    const flow::Link *stop = b->exits[1];
    vars_[stop->lastException->id] = rt.nullConst(rt.vtablePtr());
    vars_[stop->lastExcValue->id] = rt.nullConst(rt.objectPtr());
    cur = from;
    lowerLink(from, stop, rt.boolConst(false));
    for (auto &[id, v] : inner) vars_[id] = v;
  }
  g.newLink(from, body, carried, rt.boolConst(true));
  cur = body;
  LLValue itInBody = arg(0);
  LLValue item = iterNextItem(*this, itInBody, itAnn, resultAnn());
  vars_[op->result->id] = item;
  lowerLink(cur, b->exits[0], nullptr);
  return true;
}

void Lowering::lowerBlock(const flow::Block *b) {
  cur = blockFor(b);
  for (size_t i = 0; i < b->inputargs.size(); ++i) vars_[b->inputargs[i]->id] = cur->inputargs[i];
  curFlow_ = b;
  size_t n = b->operations.size();
  for (size_t i = 0; i < n; ++i) {
    op = &b->operations[i];
    loc = op->loc;
    curIndex_ = i;
    guarded = b->switchKind == flow::SwitchKind::LAST_EXCEPTION && i + 1 == n;
    if (guarded && op->op == FlowOp::NEXT && lowerInlineNext(b)) return;
    // An operation the annotator never saw return (e.g. a call of a
    // function that always raises or recurses forever): the rest of the
    // block is unreachable.
    bool neverReturns = ann::isImpossible(resultAnn()) && !ann::isFailed(resultAnn());
    if (neverReturns && !(op->op == FlowOp::SIMPLE_CALL || op->op == FlowOp::CALL_ARGS)) {
      deadEnd(cur);
      return;
    }
    LLValue r = lowerOp();
    if (r.isNull()) r = zeroOf(rt.reprOf(resultAnn())); // an error was reported
    vars_[op->result->id] = r;
    if (neverReturns) {
      if (guarded) {
        lowerExits(b, /*skipNormal=*/true);
        return;
      }
      deadEnd(cur);
      return;
    }
  }
  if (n == 0) {
    op = nullptr;
  }
  lowerExits(b);
}

void Lowering::run() {
  const flow::FunctionGraph &fg = *gi.graph;
  const std::vector<Ann> &sig = rt.signature(&gi);
  loc = fg.func ? fg.func->loc() : SrcLoc{};
  cur = g.startblock;
  emit(LLOp::STACK_CHECK, {}, types.voidType());
  // Entry: convert the signature's parameters to the graph's own annotations.
  {
    LLBlock *first = blockFor(fg.startblock);
    std::vector<LLValue> args;
    for (size_t i = 0; i < fg.startblock->inputargs.size(); ++i) {
      Ann own = gi.bindings[fg.startblock->inputargs[i]->id].ann;
      LLValue p = g.startblock->inputargs[i];
      if (p.type()->kind() == LLKind::VOID) p = rt.voidConst();
      args.push_back(convert(p, sig[i], own));
    }
    g.newLink(cur, first, args);
  }
  for (const flow::Block *b : fg.blocks()) {
    if (b == fg.returnblock || b == fg.exceptblock) continue;
    if (!gi.reached.count(b)) continue;
    lowerBlock(b);
  }
}

// --- dispatch ----------------------------------------------------------------

namespace {

bool isStrKind(const Ann &a) { return a->kind == SomeKind::STRING || a->kind == SomeKind::CHAR; }
bool isNum(const Ann &a) {
  return a->kind == SomeKind::BOOL || a->kind == SomeKind::INTEGER || a->kind == SomeKind::FLOAT;
}

} // namespace

LLValue Lowering::lowerOp() {
  // A rule that reported its own, precise error returns null: no second,
  // generic message for the same operation.
  size_t before = rt.errors;
  LLValue r = lowerOpRules();
  if (r.isNull() && rt.errors == before) return unsupported();
  return r;
}

LLValue Lowering::lowerOpRules() {
  FlowOp o = op->op;
  Ann res = resultAnn();
  const flow::FlowOpInfo &info = flow::flowOpInfo(o);
  // Results the annotator proved constant need no code when pure.
  if (res->hasConst && (info.pure || o == FlowOp::GETATTR) && o != FlowOp::NEWLIST &&
      o != FlowOp::NEWDICT) {
    if (const LLConstant *c = rt.constantOf(res->constValue, res, loc)) return c;
  }
  if (rt.reprOf(res)->kind() == LLKind::VOID && o == FlowOp::GETATTR) return rt.voidConst();
  // `s.join`, `lst.append` as values: the receiver (called by rbuiltin.cpp).
  if (o == FlowOp::GETATTR && res->kind == SomeKind::BUILTIN_METHOD) return arg(0);
  switch (o) {
  case FlowOp::SIMPLE_CALL:
  case FlowOp::CALL_ARGS: {
    LLValue r = lowerCallOp(*this);
    return r;
  }
  case FlowOp::ITER:
  case FlowOp::NEXT: {
    LLValue r = lowerIterOp(*this);
    return r;
  }
  case FlowOp::BOOL:
    return truth(arg(0), argAnn(0));
  case FlowOp::LEN:
    return lenOf(*this, arg(0), argAnn(0));
  case FlowOp::NOT:
    return emit(LLOp::BOOL_NOT, {truth(arg(0), argAnn(0))}, types.boolType());
  case FlowOp::NEWTUPLE:
  case FlowOp::NEWLIST:
  case FlowOp::NEWDICT: {
    LLValue r = o == FlowOp::NEWTUPLE ? lowerTupleOp(*this)
                : o == FlowOp::NEWLIST ? lowerListOp(*this)
                                       : lowerDictOp(*this);
    return r;
  }
  case FlowOp::TYPE:
  case FlowOp::IS:
  case FlowOp::EXCEPTION_MATCH:
  case FlowOp::GETATTR:
  case FlowOp::SETATTR:
  case FlowOp::DELATTR: {
    LLValue r = lowerInstanceOp(*this);
    return r;
  }
  default:
    break;
  }
  // By the kind of the primary operand.
  Ann a0 = argAnn(0);
  Ann a1 = nargs() > 1 ? argAnn(1) : nullptr;
  LLValue r;
  if ((o == FlowOp::MUL || o == FlowOp::INPLACE_MUL) && a1 &&
      (isStrKind(a1) || a1->kind == SomeKind::LIST || a1->kind == SomeKind::TUPLE) && isNum(a0))
    a0 = a1; // 3 * "ab"
  if (isNum(a0) && (!a1 || isNum(a1)))
    r = lowerNumberOp(*this);
  else if (isStrKind(a0))
    r = lowerStrOp(*this);
  else if (a0->kind == SomeKind::LIST)
    r = lowerListOp(*this);
  else if (a0->kind == SomeKind::DICT)
    r = lowerDictOp(*this);
  else if (a0->kind == SomeKind::TUPLE)
    r = lowerTupleOp(*this);
  else if (a0->kind == SomeKind::INSTANCE || a0->kind == SomeKind::NONE || a0->kind == SomeKind::PBC)
    r = lowerInstanceOp(*this);
  return r;
}

} // namespace lathe::rtyper
