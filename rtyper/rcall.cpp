//===- rcall.cpp - Graph signatures, call families and call lowering ------===//
// Signatures (RPython's normalizecalls): a graph called through a call
// family with several members takes the family's unified signature (the
// union of the members' parameter and result annotations) so one function
// pointer type fits them all; the graph converts its arguments to its own
// annotations on entry (lower_graph.cpp). Other graphs take their own.
//
// Calls:
//   one function            direct_call of its graph (the specialisation the
//                           annotator chose for this call site)
//   a call family           indirect_call through the Ptr(Func) value
//   a method, one target    direct_call with the receiver first
//   a method with overrides indirect_call through the receiver's vtable slot
//   a class                 malloc + typeptr (+ msg for exceptions) + __init__
//   built-ins, rlib hints   rbuiltin.cpp
// Arguments are bound to parameters as Python does (positional, keywords,
// defaults), each converted to the parameter's representation.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cassert>
#include <set>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;

const FamilySig *RTyper::familyOfDesc(const ann::Desc *d) {
  if (!d->family) return nullptr;
  ann::CallFamily *fam = d->family->find();
  auto it = families_.find(fam);
  return it == families_.end() ? nullptr : &it->second;
}

const FamilySig *RTyper::familyOf(const Ann &pbc) {
  if (pbc->kind != SomeKind::PBC || pbc->descs.empty()) return nullptr;
  return familyOfDesc(pbc->descs[0]);
}

void RTyper::declareGraphs() {
  // Families with several functions share one signature.
  for (const ann::CallFamily *cf : bk.callFamilies()) {
    std::set<const eval::FunctionObj *> funcs;
    for (const ann::Desc *d : cf->members)
      if (d->func) funcs.insert(d->func);
    if (funcs.size() < 2) continue;
    std::vector<Ann> sig = an.familySignature(*cf);
    if (sig.empty()) continue;
    FamilySig fs;
    fs.result = sig.back();
    sig.pop_back();
    fs.params = sig;
    std::vector<const LLType *> args;
    for (const Ann &a : fs.params) args.push_back(reprOf(a));
    fs.funcType = types.func(args, reprOf(fs.result));
    for (const ann::Desc *d : cf->members) {
      if (!d->func) continue;
      ann::GraphInfo *g = an.graphOf(d->func);
      if (!g || sigs_.count(g)) continue;
      std::vector<Ann> s = fs.params;
      s.push_back(fs.result);
      sigs_[g] = s;
    }
    families_.emplace(const_cast<ann::CallFamily *>(cf), fs);
  }
  std::set<std::string> used;
  for (const ann::GraphInfo &gi : an.graphs()) {
    std::vector<Ann> &sig = sigs_[&gi];
    if (sig.empty()) {
      for (const flow::Variable *v : gi.graph->startblock->inputargs) sig.push_back(gi.bindings[v->id].ann);
      sig.push_back(gi.bindings[gi.graph->returnblock->inputargs[0]->id].ann);
    }
    std::vector<LLParam> params;
    for (size_t i = 0; i + 1 < sig.size(); ++i)
      params.push_back({gi.graph->startblock->inputargs[i]->hint, reprOf(sig[i])});
    std::string name = "fn_" + cIdentifier(gi.name);
    std::string base = name;
    for (int k = 2; used.count(name); ++k) name = base + "_" + std::to_string(k);
    used.insert(name);
    auto g = std::make_unique<LLGraph>(name, params, reprOf(sig.back()), vtablePtr(), objectPtr());
    graphs_[&gi] = g.get();
    infos_[g.get()] = &gi;
    prog.graphByName[name] = g.get();
    prog.graphFunction[name] = gi.func;
    prog.graphs.push_back(std::move(g));
  }
}

LLGraph *RTyper::graphOf(const ann::GraphInfo *gi) {
  auto it = graphs_.find(gi);
  return it == graphs_.end() ? nullptr : it->second;
}

const ann::GraphInfo *RTyper::infoOf(const LLGraph *g) const {
  auto it = infos_.find(g);
  return it == infos_.end() ? nullptr : it->second;
}

const std::vector<Ann> &RTyper::signature(const ann::GraphInfo *gi) { return sigs_[gi]; }

const LLConstant *RTyper::graphConst(const ann::GraphInfo *gi) {
  LLGraph *g = graphOf(gi);
  std::string key = "graph:" + g->name;
  auto it = voidConsts_.find(key);
  if (it != voidConsts_.end()) return it->second;
  const LLConstant *c = prog.constant(types.ptr(g->funcType(types)), LLConstant::Symbol{g->name});
  voidConsts_[key] = c;
  return c;
}

namespace {

struct CallSite {
  std::vector<flow::Hlvalue> positional;
  std::vector<std::pair<std::string, flow::Hlvalue>> keywords;
  bool ok = true;
};

CallSite unpack(Lowering &L) {
  CallSite cs;
  const flow::Operation &op = *L.op;
  size_t first = 1;
  const flow::CallShape *shape = nullptr;
  if (op.op == flow::FlowOp::CALL_ARGS) {
    shape = op.args[1].cst()->shape;
    first = 2;
  }
  size_t npos = shape ? shape->positional : op.args.size() - first;
  for (size_t i = 0; i < npos; ++i) cs.positional.push_back(op.args[first + i]);
  if (shape) {
    size_t k = first + npos;
    for (const std::string &name : shape->keywords) cs.keywords.push_back({name, op.args[k++]});
    if (shape->hasStar || shape->hasStarStar) cs.ok = false;
  }
  return cs;
}

/// Binds a call site to `f`'s parameters (after `self` when `skipSelf`):
/// the flow values, or constants for defaults. Null on a mismatch.
bool bindArgs(const eval::FunctionObj *f, const CallSite &cs, size_t nSelf,
              std::vector<std::pair<flow::Hlvalue, const eval::Value *>> &out) {
  const ast::Arguments &a = f->args();
  std::vector<std::string> names;
  for (const auto &p : a.args) names.push_back(p.name);
  if (!a.vararg.empty() || !a.kwonlyargs.empty()) return false;
  size_t n = names.size();
  if (cs.positional.size() + nSelf > n) return false;
  out.assign(n, {flow::Hlvalue(), nullptr});
  for (size_t i = 0; i < cs.positional.size(); ++i) out[nSelf + i].first = cs.positional[i];
  for (const auto &[name, v] : cs.keywords) {
    size_t k = 0;
    while (k < n && names[k] != name) ++k;
    if (k == n) return false;
    out[k].first = v;
  }
  size_t firstDefault = n - f->defaults.size();
  for (size_t i = nSelf; i < n; ++i) {
    if (!out[i].first.isNull()) continue;
    if (i < firstDefault) return false;
    out[i].second = &f->defaults[i - firstDefault];
  }
  return true;
}

/// Calls graph `gi` (signature `sig`) with `self` (already converted) and
/// the bound arguments; returns the op's result.
LLValue callGraph(Lowering &L, LLValue callee, bool direct,
                  const std::vector<Ann> &sig, std::optional<LLValue> self,
                  const std::vector<std::pair<flow::Hlvalue, const eval::Value *>> &bound) {
  RTyper &rt = L.rt;
  std::vector<LLValue> args{callee};
  size_t start = 0;
  if (self) {
    args.push_back(*self);
    start = 1;
  }
  for (size_t i = start; i < bound.size(); ++i) {
    const Ann &want = sig[i];
    if (!bound[i].first.isNull()) {
      args.push_back(L.convertTo(bound[i].first, want));
    } else {
      const LLConstant *c = rt.constantOf(*bound[i].second, want, L.loc);
      if (!c) return L.unsupported("a default argument value");
      args.push_back(c);
    }
  }
  const LLType *rtype = rt.reprOf(sig.back());
  LLVariable *r = L.emit(direct ? LLOp::DIRECT_CALL : LLOp::INDIRECT_CALL, args, rtype);
  return L.convert(r, sig.back(), L.resultAnn());
}

LLValue callFunction(Lowering &L, const ann::Desc *d, const CallSite &cs) {
  RTyper &rt = L.rt;
  const eval::FunctionObj *f = d->func;
  if (f->module && isRlibHint(f->module->name + "." + f->qualname))
    return lowerBuiltinCall(L, f->module->name + "." + f->qualname, cs.positional, cs.keywords);
  Ann res = L.resultAnn();
  if (ann::specializationOf(f).kind == ann::Specialization::Kind::MEMO) {
    if (!res->hasConst) return L.unsupported("a memo function with a non-constant result");
    const LLConstant *c = rt.constantOf(res->constValue, res, L.loc);
    return c ? LLValue(c) : L.unsupported("the memo result");
  }
  const ann::GraphInfo *gi = rt.an.calleeGraph(L.op, f);
  if (!gi) gi = rt.an.graphOf(f);
  if (!gi || !rt.graphOf(gi)) return L.unsupported("a call of " + f->qualname + " (no graph)");
  std::vector<std::pair<flow::Hlvalue, const eval::Value *>> bound;
  if (!bindArgs(f, cs, 0, bound)) return L.unsupported("this call's arguments");
  return callGraph(L, rt.graphConst(gi), true, rt.signature(gi), std::nullopt, bound);
}

} // namespace

LLValue exceptionMessage(Lowering &L, const std::vector<flow::Hlvalue> &args) {
  RTyper &rt = L.rt;
  if (args.empty()) return L.cnull(rt.strType());
  if (args.size() == 1) return L.toStr(L.valueOf(args[0]), L.annOf(args[0]));
  LLValue msg = L.cstr("(");
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) msg = L.call("ll_str_concat", {msg, L.cstr(", ")}, rt.strType());
    LLValue r = L.toRepr(L.valueOf(args[i]), L.annOf(args[i]));
    msg = L.call("ll_str_concat", {msg, r}, rt.strType());
  }
  return L.call("ll_str_concat", {msg, L.cstr(")")}, rt.strType());
}

namespace {

/// An instance of `ci` with typeptr set (and msg for exceptions).
LLValue allocInstance(Lowering &L, const ClassInfo &ci, const CallSite &cs) {
  RTyper &rt = L.rt;
  LLValue obj = L.emit(LLOp::MALLOC, {L.ctype(ci.instance)}, L.types.ptr(ci.instance));
  LLValue vt = L.castPtr(rt.vtableConst(ci), rt.vtablePtr());
  L.setfield(obj, "typeptr", vt);
  if (ci.instance->fieldIndex("msg") >= 0) L.setfield(obj, "msg", exceptionMessage(L, cs.positional));
  return obj;
}

LLValue instantiate(Lowering &L, const eval::ClassObj *cls, const CallSite &cs) {
  RTyper &rt = L.rt;
  if (cls->constructor) return lowerBuiltinCall(L, cls->qualname, cs.positional, cs.keywords);
  if (cls->module && isRlibHint(cls->module->name + "." + cls->qualname))
    return lowerBuiltinCall(L, cls->module->name + "." + cls->qualname, cs.positional, cs.keywords);
  ClassInfo *ci = rt.findClassOfObj(cls);
  if (!ci) return L.unsupported("instantiating " + cls->qualname);
  LLValue obj = allocInstance(L, *ci, cs);
  const eval::Value *init = cls->lookup("__init__");
  const eval::FunctionObj *f = init ? eval::asFunction(*init) : nullptr;
  if (f) {
    const ann::GraphInfo *gi = rt.an.calleeGraph(L.op, f);
    if (!gi) gi = rt.an.graphOf(f);
    if (!gi) return L.unsupported("__init__ of " + cls->qualname);
    std::vector<std::pair<flow::Hlvalue, const eval::Value *>> bound;
    if (!bindArgs(f, cs, 1, bound)) return L.unsupported("the arguments of " + cls->qualname + "()");
    const std::vector<Ann> &sig = rt.signature(gi);
    LLValue self = L.castPtr(obj, rt.reprOf(sig[0]));
    std::vector<LLValue> args{rt.graphConst(gi), self};
    for (size_t i = 1; i < bound.size(); ++i) {
      if (!bound[i].first.isNull()) {
        args.push_back(L.convertTo(bound[i].first, sig[i]));
      } else {
        const LLConstant *c = rt.constantOf(*bound[i].second, sig[i], L.loc);
        if (!c) return L.unsupported("a default argument value");
        args.push_back(c);
      }
    }
    L.emit(LLOp::DIRECT_CALL, args, rt.reprOf(sig.back()));
  }
  return L.castPtr(obj, L.resultType());
}

/// `cls(args)` where cls is one of several classes (a Ptr to its vtable):
/// a dispatcher graph that compares the vtable with each candidate and
/// instantiates the matching class (RPython keeps an `instantiate` function
/// per class; one small graph per call site is the same code, made once).
LLValue instantiateChosen(Lowering &L, const Ann &callee, const CallSite &cs) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  if (!cs.keywords.empty()) return L.unsupported("keyword arguments to a class chosen at run time");
  const LLType *resT = L.resultType();
  std::vector<LLParam> params{{"cls", rt.vtablePtr()}};
  std::vector<LLValue> args{L.convert(L.arg(0), callee, callee)};
  for (const flow::Hlvalue &v : cs.positional) {
    params.push_back({"", rt.reprOf(L.annOf(v))});
    args.push_back(L.valueOf(v));
  }
  std::string name = "instantiate_" + std::to_string(rt.prog.graphs.size());
  auto owned = std::make_unique<LLGraph>(name, params, resT, rt.vtablePtr(), rt.objectPtr());
  LLGraph &g2 = *owned;
  Lowering D(rt, L.gi, g2);
  D.loc = L.loc;
  D.op = L.op;
  LLBlock *test = g2.startblock;
  for (size_t k = 0; k < callee->descs.size(); ++k) {
    const eval::ClassObj *cls = callee->descs[k]->cls;
    ClassInfo *ci = rt.findClassOfObj(cls);
    if (!ci) return L.unsupported("instantiating " + cls->qualname);
    // Inputargs of a block receiving (cls, args...).
    auto fresh = [&]() {
      std::vector<LLVariable *> in;
      for (const LLParam &p : params) in.push_back(g2.newVar(p.type, p.hint));
      return g2.newBlock(in);
    };
    auto pass = [](LLBlock *b) {
      std::vector<LLValue> v;
      for (LLVariable *x : b->inputargs) v.push_back(x);
      return v;
    };
    LLBlock *make = fresh();
    if (k + 1 < callee->descs.size()) {
      D.cur = test;
      LLValue vt = D.castPtr(rt.vtableConst(*ci), rt.vtablePtr());
      LLValue eq = D.emit(LLOp::PTR_EQ, {test->inputargs[0], vt}, T.boolType());
      LLBlock *next = fresh();
      test->switchKind = LLSwitch::VALUE;
      test->exitswitch = eq;
      g2.newLink(test, next, pass(test), rt.boolConst(false));
      g2.newLink(test, make, pass(test), rt.boolConst(true));
      test = next;
    } else {
      g2.newLink(test, make, pass(test));
    }
    // Allocate, set typeptr (and msg), call __init__.
    D.cur = make;
    LLValue obj = D.emit(LLOp::MALLOC, {D.ctype(ci->instance)}, T.ptr(ci->instance));
    D.setfield(obj, "typeptr", D.castPtr(rt.vtableConst(*ci), rt.vtablePtr()));
    if (ci->instance->fieldIndex("msg") >= 0) D.setfield(obj, "msg", D.cnull(rt.strType()));
    const eval::Value *init = cls->lookup("__init__");
    const eval::FunctionObj *f = init ? eval::asFunction(*init) : nullptr;
    if (f) {
      const ann::GraphInfo *gi = rt.an.graphOf(f);
      if (!gi) return L.unsupported("__init__ of " + cls->qualname);
      const std::vector<Ann> &sig = rt.signature(gi);
      if (sig.size() != cs.positional.size() + 2)
        return L.unsupported("the arguments of " + cls->qualname + "()");
      std::vector<LLValue> cargs{rt.graphConst(gi), D.castPtr(obj, rt.reprOf(sig[0]))};
      for (size_t i = 0; i < cs.positional.size(); ++i)
        cargs.push_back(D.convert(make->inputargs[i + 1], L.annOf(cs.positional[i]), sig[i + 1]));
      D.emit(LLOp::DIRECT_CALL, cargs, rt.reprOf(sig.back()));
      // An exception from __init__ propagates (the emitter's check).
    }
    g2.newLink(D.cur, g2.returnblock, {D.castPtr(obj, resT)});
  }
  std::string err = verifyLLGraph(g2);
  if (!err.empty()) return L.unsupported("instantiating a class chosen at run time (" + err + ")");
  rt.prog.graphByName[name] = &g2;
  rt.prog.graphs.push_back(std::move(owned));
  std::vector<const LLType *> ptypes;
  for (const LLParam &p : params) ptypes.push_back(p.type);
  const LLConstant *fn = rt.prog.constant(T.ptr(T.func(ptypes, resT)), LLConstant::Symbol{name});
  args.insert(args.begin(), fn);
  return L.emit(LLOp::DIRECT_CALL, args, resT);
}

LLValue callMethod(Lowering &L, const Ann &callee, const CallSite &cs) {
  RTyper &rt = L.rt;
  LLValue recv = L.arg(0);
  // Several method descs of one function (an inherited method, seen on a
  // receiver whose class was first a subclass, then the base) are one
  // target: a direct call.
  bool oneFunction = true;
  for (const ann::Desc *d : callee->descs) oneFunction &= d->func == callee->descs[0]->func;
  if (callee->descs.size() == 1 || oneFunction) {
    const ann::Desc *d = callee->descs[0];
    if (d->func->module && isRlibHint(d->func->module->name + "." + d->func->qualname))
      return lowerBuiltinCall(L, d->func->module->name + "." + d->func->qualname, cs.positional,
                              cs.keywords);
    const ann::GraphInfo *gi = rt.an.calleeGraph(L.op, d->func);
    if (!gi) gi = rt.an.graphOf(d->func);
    if (!gi) return L.unsupported("a call of " + d->func->qualname);
    std::vector<std::pair<flow::Hlvalue, const eval::Value *>> bound;
    if (!bindArgs(d->func, cs, 1, bound)) return L.unsupported("this call's arguments");
    const std::vector<Ann> &sig = rt.signature(gi);
    LLValue self = L.castPtr(recv, rt.reprOf(sig[0]));
    return callGraph(L, rt.graphConst(gi), true, sig, self, bound);
  }
  // Virtual call through the vtable slot.
  const FamilySig *fam = rt.familyOf(callee);
  const std::string &name = callee->descs[0]->func->name;
  if (!fam) return L.unsupported("a method call with several targets");
  const ClassInfo *owner = nullptr;
  ann::ClassDef *common = callee->descs[0]->selfClass;
  for (const ann::Desc *d : callee->descs) common = ann::ClassDef::commonBase(common, d->selfClass);
  for (const ann::ClassDef *k = common; k; k = k->base) {
    const ClassInfo &ci = rt.classOf(k);
    if (ci.vtable->fieldIndex("m_" + name) >= 0) owner = &ci;
  }
  if (!owner) return L.unsupported("a virtual call of '" + name + "' (no vtable slot)");
  LLValue tp = L.getfield(L.castPtr(recv, rt.objectPtr()), "typeptr");
  LLValue vt = L.castPtr(tp, L.types.ptr(owner->vtable));
  LLValue fp = L.getfield(vt, "m_" + name);
  std::vector<std::pair<flow::Hlvalue, const eval::Value *>> bound;
  if (!bindArgs(callee->descs[0]->func, cs, 1, bound)) return L.unsupported("this call's arguments");
  std::vector<Ann> sig = fam->params;
  sig.push_back(fam->result);
  LLValue self = L.castPtr(recv, rt.reprOf(sig[0]));
  return callGraph(L, fp, false, sig, self, bound);
}

} // namespace

LLValue lowerCallOp(Lowering &L) {
  RTyper &rt = L.rt;
  Ann callee = L.argAnn(0);
  CallSite cs = unpack(L);
  if (!cs.ok) return L.unsupported("*args or **kwargs in a call at run time");
  switch (callee->kind) {
  case SomeKind::BUILTIN:
    return lowerBuiltinCall(L, callee->name, cs.positional, cs.keywords);
  case SomeKind::BUILTIN_METHOD:
    return lowerBuiltinMethod(L, L.arg(0), callee->items[0], callee->name, cs.positional);
  case SomeKind::PBC:
    break;
  default:
    return LLValue();
  }
  if (callee->descs.empty()) return LLValue();
  switch (callee->descs[0]->kind) {
  case ann::Desc::Kind::FUNCTION: {
    if (callee->descs.size() == 1) return callFunction(L, callee->descs[0], cs);
    const FamilySig *fam = rt.familyOf(callee);
    if (!fam) return L.unsupported("a call through several functions");
    std::vector<std::pair<flow::Hlvalue, const eval::Value *>> bound;
    for (const flow::Hlvalue &v : cs.positional) bound.push_back({v, nullptr});
    if (bound.size() != fam->params.size() || !cs.keywords.empty())
      return L.unsupported("a call family called with keywords or defaults");
    std::vector<Ann> sig = fam->params;
    sig.push_back(fam->result);
    return callGraph(L, L.arg(0), false, sig, std::nullopt, bound);
  }
  case ann::Desc::Kind::METHOD:
    return callMethod(L, callee, cs);
  case ann::Desc::Kind::CLASS:
    if (callee->descs.size() == 1) return instantiate(L, callee->descs[0]->cls, cs);
    return instantiateChosen(L, callee, cs);
  case ann::Desc::Kind::CONSTANT:
    break;
  }
  return LLValue();
}

} // namespace lathe::rtyper
