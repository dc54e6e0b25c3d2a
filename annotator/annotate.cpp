//===- annotate.cpp - The annotator's recipe and fixpoint -----------------===//
// Implements annotate.h: graph states, the pending-block loop, flowing a
// block (operation rules, exits, narrowing, constant-folded switches), link
// merging with origins, and argument binding for calls.
//===----------------------------------------------------------------------===//
#include "annotator/annotate.h"

#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

Annotator::Annotator(flow::FlowGraphCache &cache, Diagnostics &sink)
    : cache_(cache), diags_(sink), bk_(cache.evaluator(), *this, diags_) {}

bool Annotator::annotate(const eval::FunctionObj *entry, const std::vector<Ann> &args) {
  unsigned before = diags_.sink().errorCount();
  GraphInfo *gi = infoFor(entry, nullptr, entry->loc());
  if (!gi) return false;
  std::vector<Binding> bound;
  for (const Ann &a : args) bound.push_back({a, entry->loc()});
  if (bound.size() != gi->graph->startblock->inputargs.size()) {
    diags_.error(entry->loc(), "the entry point '" + entry->name + "' must take " +
                                   std::to_string(args.size()) + " argument(s)");
    return false;
  }
  mergeInto(*gi, gi->graph->startblock, bound);
  complete();
  bk_.reportUnknownAttributes();
  reportNoneAccesses();
  return diags_.sink().errorCount() == before;
}

// --- graphs -------------------------------------------------------------------

GraphInfo *Annotator::infoFor(const eval::FunctionObj *f, GraphInfo *caller, SrcLoc loc) {
  auto it = infoOf_.find(f->serial);
  if (it != infoOf_.end()) return it->second;
  flow::FunctionGraph *g = cache_.graphFor(f);
  if (!g) {
    noteCallChain(caller);
    infoOf_[f->serial] = nullptr;
    return nullptr;
  }
  GraphInfo &gi = graphs_.emplace_back();
  gi.order = uint32_t(graphs_.size());
  gi.func = f;
  gi.graph = g;
  gi.bindings.assign(g->variableCount(), Binding{someImpossible(), {}});
  gi.caller = caller;
  gi.callLoc = loc;
  infoOf_[f->serial] = &gi;
  return &gi;
}

void Annotator::noteCallChain(const GraphInfo *gi) {
  for (; gi; gi = gi->caller)
    diags_.note(gi->callLoc, "reached at run time from '" + gi->graph->name + "'");
}

Ann Annotator::annotationOf(const GraphInfo &gi, const flow::Hlvalue &v) {
  if (v.isVar()) return gi.bindings[v.var()->id].ann;
  assert(v.isConst() && !v.cst()->shape && "call shapes have no annotation");
  return bk_.immutableValue(v.cst()->value);
}

SrcLoc Annotator::originOf(const GraphInfo &gi, const flow::Hlvalue &v) const {
  if (v.isVar()) return gi.bindings[v.var()->id].origin;
  return currentLoc_;
}

void Annotator::reflow(const Position &p) {
  if (!scheduled_.insert({p.graph, p.block}).second) return;
  pending_.push_back(p);
}

// --- the fixpoint -----------------------------------------------------------------

void Annotator::complete() {
  while (!pending_.empty()) {
    Position p = pending_.front();
    pending_.pop_front();
    scheduled_.erase({p.graph, p.block});
    flowIn(*p.graph, p.block);
  }
}

void Annotator::flowIn(GraphInfo &gi, const flow::Block *b) {
  current_ = &gi;
  size_t n = b->operations.size();
  for (size_t i = 0; i < n; ++i) {
    if (flowOp(gi, b, b->operations[i])) continue;
    // The result is unknown: the rest of the block waits for a re-flow.
    // An op that raises still reaches the block's exception handlers.
    if (i + 1 == n && b->switchKind == flow::SwitchKind::LAST_EXCEPTION)
      followExits(gi, b, true);
    return;
  }
  followExits(gi, b, false);
}

/// Annotates one operation; false when its result is IMPOSSIBLE.
bool Annotator::flowOp(GraphInfo &gi, const flow::Block *b, const flow::Operation &op) {
  currentLoc_ = op.loc;
  OpContext c{*this, gi, b, op, {}, {}, op.loc};
  for (const flow::Hlvalue &v : op.args) {
    if (v.isConst() && v.cst()->shape) {
      c.args.push_back(someImpossible()); // the call shape: read by callop.cpp
      c.origins.push_back(op.loc);
      continue;
    }
    Ann a = annotationOf(gi, v);
    if (isImpossible(a)) return false;
    c.args.push_back(a);
    c.origins.push_back(v.isVar() ? gi.bindings[v.var()->id].origin : op.loc);
  }
  Ann r;
  switch (op.op) {
  case flow::FlowOp::POS:
  case flow::FlowOp::NEG:
  case flow::FlowOp::INVERT:
  case flow::FlowOp::BOOL:
  case flow::FlowOp::NOT:
  case flow::FlowOp::TYPE:
  case flow::FlowOp::LEN:
  case flow::FlowOp::ITER:
  case flow::FlowOp::NEXT:
    r = unaryOp(c);
    break;
  case flow::FlowOp::ADD:
  case flow::FlowOp::SUB:
  case flow::FlowOp::MUL:
  case flow::FlowOp::TRUEDIV:
  case flow::FlowOp::FLOORDIV:
  case flow::FlowOp::MOD:
  case flow::FlowOp::POW:
  case flow::FlowOp::LSHIFT:
  case flow::FlowOp::RSHIFT:
  case flow::FlowOp::OR:
  case flow::FlowOp::XOR:
  case flow::FlowOp::AND:
  case flow::FlowOp::INPLACE_ADD:
  case flow::FlowOp::INPLACE_SUB:
  case flow::FlowOp::INPLACE_MUL:
  case flow::FlowOp::INPLACE_TRUEDIV:
  case flow::FlowOp::INPLACE_FLOORDIV:
  case flow::FlowOp::INPLACE_MOD:
  case flow::FlowOp::INPLACE_POW:
  case flow::FlowOp::INPLACE_LSHIFT:
  case flow::FlowOp::INPLACE_RSHIFT:
  case flow::FlowOp::INPLACE_OR:
  case flow::FlowOp::INPLACE_XOR:
  case flow::FlowOp::INPLACE_AND:
  case flow::FlowOp::LT:
  case flow::FlowOp::LE:
  case flow::FlowOp::EQ:
  case flow::FlowOp::NE:
  case flow::FlowOp::GT:
  case flow::FlowOp::GE:
  case flow::FlowOp::IS:
    r = binaryOp(c);
    break;
  case flow::FlowOp::CONTAINS:
  case flow::FlowOp::GETITEM:
  case flow::FlowOp::SETITEM:
  case flow::FlowOp::DELITEM:
  case flow::FlowOp::GETSLICE:
  case flow::FlowOp::SETSLICE:
  case flow::FlowOp::DELSLICE:
  case flow::FlowOp::NEWTUPLE:
  case flow::FlowOp::NEWLIST:
  case flow::FlowOp::NEWDICT:
    r = containerOp(c);
    break;
  case flow::FlowOp::GETATTR:
  case flow::FlowOp::SETATTR:
  case flow::FlowOp::DELATTR:
    r = attrOp(c);
    break;
  case flow::FlowOp::SIMPLE_CALL:
  case flow::FlowOp::CALL_ARGS:
  case flow::FlowOp::EXCEPTION_MATCH:
    r = callOp(c);
    break;
  }
  if (!r || isImpossible(r)) return false;
  Binding &slot = gi.bindings[op.result->id];
  if (!isImpossible(slot.ann)) {
    UnionResult u = unionOf(slot.ann, r);
    // Narrowing facts are recomputed at every flow; the join would drop them.
    if (u.ok() && !(r->knownTypes && !r->hasConst && !u.value->hasConst)) r = u.value;
  }
  slot = {r, c.resultOrigin};
  return true;
}

void Annotator::deferNoneAccess(GraphInfo &gi, const flow::Operation &op,
                                const std::string &message) {
  for (const NoneAccess &n : noneAccesses_)
    if (n.gi == &gi && n.op == &op) return;
  noneAccesses_.push_back({&gi, &op, message});
}

/// An operation on a value that is (so far) always None waits: the value
/// may still generalise. Still None after the fixpoint: a user error.
void Annotator::reportNoneAccesses() {
  for (const NoneAccess &n : noneAccesses_)
    if (annotationOf(*n.gi, n.op->args[0])->kind == SomeKind::NONE)
      diags_.error(n.op->loc, n.message);
}

// --- exits and links ------------------------------------------------------------------

void Annotator::followExits(GraphInfo &gi, const flow::Block *b, bool onlyExceptions) {
  const std::vector<std::pair<const flow::Variable *, Ann>> *facts[2] = {nullptr, nullptr};
  int known = -1; // the constant truth value of the switch, if any
  if (b->switchKind == flow::SwitchKind::VALUE) {
    Ann s = annotationOf(gi, b->exitswitch);
    if (s->hasConst && (s->constValue.isBool() || s->constValue.isInt()))
      known = s->constValue.asInt() != 0;
    if (s->knownTypes) {
      facts[0] = &s->knownTypes->ifFalse;
      facts[1] = &s->knownTypes->ifTrue;
    }
  }
  for (size_t i = 0; i < b->exits.size(); ++i) {
    const flow::Link *l = b->exits[i];
    if (onlyExceptions && !l->isException()) continue;
    const std::vector<std::pair<const flow::Variable *, Ann>> *f = nullptr;
    if (b->switchKind == flow::SwitchKind::VALUE && l->hasExitcase) {
      bool which = l->exitcase.isBool() ? l->exitcase.asBool() : l->exitcase.asInt() != 0;
      if (known >= 0 && known != int(which)) continue;
      f = facts[which];
    }
    followLink(gi, l, f);
  }
}

namespace {

/// Link arguments lose facts about the previous block's variables, and
/// `type(v)` facts are renamed to the target's variables.
Ann crossLink(const Ann &a, const flow::Link *l) {
  if (a->knownTypes) {
    auto s = std::make_shared<SomeValue>(*a);
    s->knownTypes.reset();
    return s;
  }
  if (a->kind != SomeKind::EXCTYPE || a->typeOf.empty()) return a;
  auto s = std::make_shared<SomeValue>(*a);
  s->typeOf.clear();
  for (size_t j = 0; j < l->args.size(); ++j)
    for (const flow::Variable *v : a->typeOf)
      if (l->args[j].var() == v) s->typeOf.push_back(l->target->inputargs[j]);
  return s;
}

} // namespace

void Annotator::followLink(GraphInfo &gi, const flow::Link *l,
                           const std::vector<std::pair<const flow::Variable *, Ann>> *facts) {
  if (l->isException()) {
    ClassDef *cd = bk_.classDefFor(eval::asClass(l->exitcase));
    assert(cd && "exception links name an exception class");
    Ann etype = someExcType(cd);
    std::const_pointer_cast<SomeValue>(etype)->typeOf = {l->lastExcValue};
    gi.bindings[l->lastException->id] = {etype, currentLoc_};
    gi.bindings[l->lastExcValue->id] = {someInstance(cd), currentLoc_};
  }
  std::vector<Binding> incoming;
  for (const flow::Hlvalue &v : l->args) {
    Binding in{annotationOf(gi, v), originOf(gi, v)};
    if (facts && v.isVar())
      for (const auto &[var, narrowed] : *facts)
        if (var == v.var()) in.ann = narrowed;
    if (isImpossible(in.ann)) return; // narrowed away: this exit cannot be taken
    in.ann = crossLink(in.ann, l);
    if (l->target == gi.graph->exceptblock && incoming.empty()) in.ann = excTypeOf(in.ann);
    incoming.push_back(in);
  }
  mergeInto(gi, l->target, incoming);
}

/// `raise E(...)` passes the class E itself as the exception type.
Ann Annotator::excTypeOf(const Ann &a) {
  if (a->kind != SomeKind::PBC || !a->hasConst || !eval::asClass(a->constValue)) return a;
  ClassDef *cd = bk_.classDefFor(eval::asClass(a->constValue));
  return cd ? someExcType(cd) : a;
}

std::string Annotator::describeVar(const GraphInfo &gi, const flow::Block *b, size_t i) const {
  const flow::Variable *v = b->inputargs[i];
  if (b == gi.graph->startblock)
    return "argument `" + v->hint + "` of " + gi.graph->name + "()";
  if (b == gi.graph->returnblock) return "the return value of " + gi.graph->name + "()";
  if (!v->hint.empty()) return "`" + v->hint + "`";
  return "a value in " + gi.graph->name + "()";
}

void Annotator::mergeInto(GraphInfo &gi, const flow::Block *target,
                          const std::vector<Binding> &incoming) {
  assert(incoming.size() == target->inputargs.size() && "one link argument per inputarg");
  bool changed = gi.reached.insert(target).second;
  for (size_t j = 0; j < incoming.size(); ++j) {
    Binding &old = gi.bindings[target->inputargs[j]->id];
    Binding in = incoming[j];
    if (old.ann->kind == SomeKind::EXCTYPE || in.ann->kind == SomeKind::EXCTYPE) {
      old.ann = excTypeOf(old.ann);
      in.ann = excTypeOf(in.ann);
    }
    UnionResult u = unionOf(old.ann, in.ann);
    if (!u.ok()) {
      diags_.unionError(in.origin, describeVar(gi, target, j), printType(old.ann), old.origin,
                        printType(in.ann), in.origin, u.why);
      continue;
    }
    if (sameAnn(u.value, old.ann)) continue;
    if (isImpossible(old.ann) || sameAnn(u.value, in.ann)) old.origin = in.origin;
    old.ann = u.value;
    changed = true;
  }
  if (!changed) return;
  if (target == gi.graph->returnblock) {
    for (const Position &p : gi.returnReaders) reflow(p);
    return;
  }
  if (target != gi.graph->exceptblock) reflow({&gi, target});
}

// --- calls ------------------------------------------------------------------------------

bool Annotator::matchArgs(const eval::FunctionObj *f, const CallArgs &args, SrcLoc loc,
                          std::vector<Binding> &out) {
  const ast::Arguments &a = f->args();
  std::string fname = f->qualname + "()";
  size_t npos = a.args.size();
  if (!a.kwonlyargs.empty() || !a.kwarg.empty()) {
    diags_.error(loc, "calling " + fname + ": keyword-only and ** parameters are only "
                      "allowed at translation time");
    return false;
  }
  out.assign(npos, Binding{nullptr, {}});
  size_t given = args.positional.size();
  if (given > npos && a.vararg.empty()) {
    diags_.error(loc, fname + " takes " + std::to_string(npos) + " argument" +
                          (npos == 1 ? "" : "s") + " but " + std::to_string(given) +
                          (given == 1 ? " was" : " were") + " given");
    return false;
  }
  for (size_t i = 0; i < std::min(given, npos); ++i) out[i] = args.positional[i];
  for (const auto &[name, b] : args.keywords) {
    size_t k = 0;
    while (k < npos && a.args[k].name != name) ++k;
    if (k == npos) {
      diags_.error(loc, fname + " got an unexpected keyword argument '" + name + "'");
      return false;
    }
    if (out[k].ann) {
      diags_.error(loc, fname + " got multiple values for argument '" + name + "'");
      return false;
    }
    out[k] = b;
  }
  size_t firstDefault = npos - f->defaults.size();
  for (size_t i = 0; i < npos; ++i) {
    if (out[i].ann) continue;
    if (i >= firstDefault) {
      out[i] = {bk_.immutableValue(f->defaults[i - firstDefault]), a.args[i].loc};
      continue;
    }
    diags_.error(loc, fname + " missing required argument '" + a.args[i].name + "'");
    return false;
  }
  if (!a.vararg.empty()) {
    std::vector<Ann> rest;
    for (size_t i = npos; i < given; ++i) rest.push_back(args.positional[i].ann);
    out.push_back({someTuple(std::move(rest)), loc});
  }
  return true;
}

Binding Annotator::callFunction(const eval::FunctionObj *f, const CallArgs &args,
                                const Position &caller, SrcLoc loc) {
  GraphInfo *gi = infoFor(f, caller.graph, loc);
  if (!gi) return {someImpossible(), loc};
  std::vector<Binding> bound;
  if (!matchArgs(f, args, loc, bound)) return {someImpossible(), loc};
  assert(bound.size() == gi->graph->startblock->inputargs.size() && "parameters match");
  GraphInfo *saved = current_;
  SrcLoc savedLoc = currentLoc_;
  mergeInto(*gi, gi->graph->startblock, bound);
  current_ = saved;
  currentLoc_ = savedLoc;
  bool known = false;
  for (const Position &p : gi->returnReaders) known |= p.graph == caller.graph && p.block == caller.block;
  if (!known) gi->returnReaders.push_back(caller);
  return gi->bindings[gi->graph->returnblock->inputargs[0]->id];
}

} // namespace lathe::ann
