//===- analyze.cpp - JitDrivers, portals, hint checks, look-inside policy --===//
// See jitinfo.h. The recipe (analyze):
//   1. drivers    group the RTyper's markers by their JitDriver object; read
//                 greens/reds from the object; name it by the global that
//                 holds it;
//   2. checks     keywords = greens + reds exactly (in any order), one
//                 portal per driver, can_enter_jit in the portal;
//   3. variables  at every marker, the variables used after it are among
//                 its greens and reds; every red is live after
//                 jit_merge_point; no green is computed from a red
//                 (data flow, cut by promote);
//   4. policy     from each portal follow direct calls to graphs: a
//                 function's rlib.jit attributes decide, then "a loop that is
//                 not @unroll_safe" makes it a residual call; elidable
//                 functions are checked for heap writes and I/O.
//===----------------------------------------------------------------------===//
#include "jitgen/jitinfo.h"

#include <algorithm>
#include <functional>
#include <set>

namespace lathe::jitgen {

using namespace rtyper;

const char *policyName(Policy p) {
  switch (p) {
  case Policy::PORTAL: return "portal";
  case Policy::LOOK_INSIDE: return "look inside";
  case Policy::ELIDABLE: return "elidable";
  case Policy::DONT_LOOK_INSIDE: return "dont look inside";
  case Policy::LOOK_INSIDE_IFF: return "look inside iff";
  }
  return "?";
}

namespace {

std::vector<std::string> nameList(const eval::InstanceObj *obj, const char *attr) {
  std::vector<std::string> out;
  const eval::Value *v = obj->attrs.find(attr);
  const eval::ListObj *l = v ? eval::asList(*v) : nullptr;
  if (l)
    for (const eval::Value &x : l->items)
      if (const eval::StrObj *s = eval::asStr(x)) out.push_back(s->value);
  return out;
}

/// The module global that holds `obj` ("bf.jitdriver"), or "".
std::string globalName(const ann::Annotator &an, const eval::Object *obj) {
  for (const eval::ModuleObj *m : const_cast<ann::Annotator &>(an).cache().evaluator().modules()) {
    if (m->builtin) continue;
    for (const auto &[name, v] : m->globals.entries())
      if (v.isObject() && v.asObject() == obj) return m->name + "." + name;
  }
  return {};
}

bool attrTrue(const eval::FunctionObj *f, const char *attr) {
  const eval::Value *v = f ? f->attrs.find(attr) : nullptr;
  return v && v->isBool() && v->asBool();
}

bool attrFalse(const eval::FunctionObj *f, const char *attr) {
  const eval::Value *v = f ? f->attrs.find(attr) : nullptr;
  return v && v->isBool() && !v->asBool();
}

/// Whether the graph has a cycle (a loop the tracer would unroll).
bool hasLoop(const LLGraph &g) {
  std::map<const LLBlock *, int> state; // 1 on the stack, 2 done
  std::function<bool(const LLBlock *)> dfs = [&](const LLBlock *b) {
    state[b] = 1;
    for (const LLLink *l : b->exits) {
      int s = state[l->target];
      if (s == 1) return true;
      if (s == 0 && dfs(l->target)) return true;
    }
    state[b] = 2;
    return false;
  };
  return dfs(g.startblock);
}

/// A side effect an @elidable function must not have, or "".
std::string sideEffect(const LLGraph &g, SrcLoc &where) {
  for (LLBlock *b : g.blocks()) {
    std::set<const LLVariable *> fresh; // allocated in this block: writes are local
    for (const LLOperation &op : b->operations) {
      if (op.op == LLOp::MALLOC || op.op == LLOp::MALLOC_VARSIZE) fresh.insert(op.result);
      if ((op.op == LLOp::SETFIELD || op.op == LLOp::SETARRAYITEM) &&
          !(op.args[0].isVar() && fresh.count(op.args[0].var()))) {
        where = op.loc;
        return "it writes to an object it did not create";
      }
      if (op.op == LLOp::DIRECT_CALL) {
        const auto &sym = std::get<LLConstant::Symbol>(op.args[0].cst()->value);
        if (sym.name.rfind("ll_print", 0) == 0 || sym.name.rfind("ll_os_", 0) == 0 ||
            sym.name.rfind("ll_list_append", 0) == 0 || sym.name.rfind("ll_dict_setitem", 0) == 0) {
          where = op.loc;
          return "it calls " + sym.name;
        }
      }
    }
  }
  return {};
}

/// The jit_marker operations of a graph, with their markers.
std::vector<std::pair<const LLBlock *, size_t>> markerOps(const LLGraph &g) {
  std::vector<std::pair<const LLBlock *, size_t>> out;
  for (const LLBlock *b : g.blocks())
    for (size_t i = 0; i < b->operations.size(); ++i)
      if (b->operations[i].op == LLOp::JIT_MARKER && b->operations[i].args.size() >= 2) out.push_back({b, i});
  return out;
}

/// The variables used after op i of b (in later operations, the exit
/// switch or the links) that are defined before it.
std::set<const LLVariable *> liveAfter(const LLBlock *b, size_t i) {
  std::set<const LLVariable *> defined(b->inputargs.begin(), b->inputargs.end());
  for (size_t j = 0; j <= i; ++j) defined.insert(b->operations[j].result);
  std::set<const LLVariable *> live;
  auto use = [&](const LLValue &x) {
    if (x.isVar() && defined.count(x.var()) && x.var()->type->kind() != LLKind::VOID) live.insert(x.var());
  };
  for (size_t j = i + 1; j < b->operations.size(); ++j)
    for (const LLValue &x : b->operations[j].args) use(x);
  if (b->switchKind == LLSwitch::VALUE) use(b->exitswitch);
  for (const LLLink *l : b->exits)
    for (const LLValue &x : l->args) use(x);
  return live;
}

/// Variables of the portal whose value derives from a red (data flow from
/// the reds at jit_merge_point through operations other than calls, and
/// links; promote cuts it): a green computed from them is not a constant in
/// a trace.
std::set<const LLVariable *> fromReds(const LLGraph &g, const std::set<const LLVariable *> &seeds) {
  std::set<const LLVariable *> t = seeds;
  bool changed = true;
  while (changed) {
    changed = false;
    for (const LLBlock *b : g.blocks()) {
      for (const LLOperation &op : b->operations) {
        // Calls are not followed: a traced callee may well return a
        // constant (the tracer checks the rest: "a green is not constant").
        if (op.op == LLOp::JIT_PROMOTE || op.op == LLOp::JIT_MARKER || op.op == LLOp::DIRECT_CALL ||
            op.op == LLOp::INDIRECT_CALL || t.count(op.result))
          continue;
        for (const LLValue &x : op.args)
          if (x.isVar() && t.count(x.var())) {
            t.insert(op.result);
            changed = true;
            break;
          }
      }
      for (const LLLink *l : b->exits)
        for (size_t k = 0; k < l->args.size(); ++k)
          if (l->args[k].isVar() && t.count(l->args[k].var()) && !t.count(l->target->inputargs[k])) {
            t.insert(l->target->inputargs[k]);
            changed = true;
          }
    }
  }
  return t;
}

/// The rules on variables at the markers of one driver (its portal):
/// every variable live across a marker is one of its greens or reds; every
/// red is live after jit_merge_point; no green is computed from a red.
void checkLiveness(const LLProgram &p, const DriverInfo &d, const std::function<void(SrcLoc, const std::string &)> &error) {
  auto gi = p.graphByName.find(d.portal);
  if (gi == p.graphByName.end()) return;
  const LLGraph &g = *gi->second;
  std::set<const LLVariable *> redSeeds;
  for (const auto &[b, i] : markerOps(g)) {
    const LLOperation &op = b->operations[i];
    const JitMarker *m = markerOf(p, op);
    if (!m || m->driver != d.obj) continue;
    std::set<const LLVariable *> named;
    for (size_t k = 1; k < op.args.size(); ++k)
      if (op.args[k].isVar()) named.insert(op.args[k].var());
    std::set<std::string> bad;
    for (const LLVariable *v : liveAfter(b, i))
      if (!named.count(v)) bad.insert(v->hint.empty() ? "a temporary" : v->hint);
    for (const std::string &n : bad)
      error(m->loc, "variable '" + n + "' is live across " + m->kind + "() but is neither a green nor a red of " + d.name);
    if (m->kind != "jit_merge_point") continue;
    std::set<const LLVariable *> live = liveAfter(b, i);
    for (const std::string &r : d.reds) {
      const LLValue *x = markerOperand(*m, op, r);
      if (!x || !x->isVar()) continue;
      redSeeds.insert(x->var());
      if (!live.count(x->var()))
        error(m->loc, "red '" + r + "' of " + d.name + " is not used after jit_merge_point(): a red must be live there");
    }
  }
  std::set<const LLVariable *> tainted = fromReds(g, redSeeds);
  for (const auto &[b, i] : markerOps(g)) {
    const LLOperation &op = b->operations[i];
    const JitMarker *m = markerOf(p, op);
    if (!m || m->driver != d.obj) continue;
    for (const std::string &gname : d.greens) {
      const LLValue *x = markerOperand(*m, op, gname);
      if (x && x->isVar() && tainted.count(x->var()))
        error(m->loc, "green '" + gname + "' at " + m->kind + "() is computed from red values, so it is not a "
                      "constant in traces: promote() it, or make it a red");
    }
  }
}

} // namespace

const LLValue *markerOperand(const JitMarker &m, const LLOperation &op, const std::string &name) {
  for (size_t k = 0; k < m.names.size(); ++k)
    if (m.names[k] == name && m.argIndex[k] >= 0) return &op.args[m.argIndex[k]];
  return nullptr;
}

const JitMarker *markerOf(const LLProgram &p, const LLOperation &op) {
  size_t idx = std::stoul(std::get<std::string>(op.args[1].cst()->value));
  return idx < p.jitMarkers.size() ? &p.jitMarkers[idx] : nullptr;
}

bool analyze(const ann::Annotator &an, const LLProgram &p, JitInfo &out, Diagnostics &sink) {
  bool ok = true;
  auto error = [&](SrcLoc loc, const std::string &msg) {
    sink.error(loc, msg);
    ok = false;
  };
  // 1. Drivers.
  std::map<const eval::InstanceObj *, size_t> index;
  for (const JitMarker &m : p.jitMarkers) {
    if (!m.driver) {
      error(m.loc, "the JitDriver of this " + m.kind + " must be a prebuilt, module-level object");
      continue;
    }
    auto it = index.find(m.driver);
    if (it == index.end()) {
      DriverInfo d;
      d.obj = m.driver;
      d.name = globalName(an, m.driver);
      if (d.name.empty()) d.name = "jitdriver";
      d.greens = nameList(m.driver, "greens");
      d.reds = nameList(m.driver, "reds");
      d.virtualizables = nameList(m.driver, "virtualizables");
      it = index.emplace(m.driver, out.drivers.size()).first;
      out.drivers.push_back(d);
    }
    out.drivers[it->second].markers.push_back(&m);
  }
  // 2. Checks.
  for (DriverInfo &d : out.drivers) {
    std::vector<std::string> expected = d.greens;
    expected.insert(expected.end(), d.reds.begin(), d.reds.end());
    std::sort(expected.begin(), expected.end());
    const JitMarker *merge = nullptr;
    for (const JitMarker *m : d.markers) {
      std::vector<std::string> got = m->names;
      std::sort(got.begin(), got.end());
      if (got != expected) {
        std::string missing, extra;
        for (const std::string &n : expected)
          if (!std::binary_search(got.begin(), got.end(), n)) missing += (missing.empty() ? "" : ", ") + n;
        for (const std::string &n : got)
          if (!std::binary_search(expected.begin(), expected.end(), n)) extra += (extra.empty() ? "" : ", ") + n;
        error(m->loc, m->kind + "() must name exactly the greens and reds of " + d.name +
                          (missing.empty() ? "" : ": missing " + missing) +
                          (extra.empty() ? "" : std::string(missing.empty() ? ": " : "; ") + "not declared " + extra));
      }
      if (m->kind == "jit_merge_point") {
        if (merge && merge->graph != m->graph)
          error(m->loc, d.name + " has jit_merge_point in two functions; the portal must be one function");
        merge = m;
      }
    }
    if (!merge) {
      error(d.markers.front()->loc, d.name + " has " + d.markers.front()->kind +
                                        " but no jit_merge_point: there is no portal");
      continue;
    }
    d.portal = merge->graph;
    for (const JitMarker *m : d.markers)
      if (m->kind == "can_enter_jit" && m->graph != d.portal)
        error(m->loc, "can_enter_jit must be in the portal, the function with jit_merge_point");
  }
  if (!ok) return false;
  // 3. Variables at the markers (liveness, reds live, greens constant).
  for (const DriverInfo &d : out.drivers) checkLiveness(p, d, error);
  // 4. Policy, from each portal along direct calls.
  std::set<std::string> seen;
  std::vector<std::string> worklist;
  for (const DriverInfo &d : out.drivers)
    if (!d.portal.empty() && seen.insert(d.portal).second) {
      out.graphs.push_back({d.portal, Policy::PORTAL, "the interpreter loop of " + d.name, {}});
      worklist.push_back(d.portal);
    }
  for (size_t k = 0; k < worklist.size(); ++k) {
    const LLGraph &g = *p.graphByName.at(worklist[k]);
    for (LLBlock *b : g.blocks())
      for (const LLOperation &op : b->operations) {
        if (op.op != LLOp::DIRECT_CALL) continue;
        const auto &sym = std::get<LLConstant::Symbol>(op.args[0].cst()->value);
        auto gi = p.graphByName.find(sym.name);
        if (gi == p.graphByName.end() || !seen.insert(sym.name).second) continue;
        auto fit = p.graphFunction.find(sym.name);
        const eval::FunctionObj *f = fit == p.graphFunction.end() ? nullptr : fit->second;
        GraphPolicy gp{sym.name, Policy::LOOK_INSIDE, "traced into", {}};
        if (attrTrue(f, "_jit_elidable_")) {
          gp = {sym.name, Policy::ELIDABLE, "@elidable: folded on constant arguments, call_pure otherwise", {}};
          SrcLoc where;
          std::string why = sideEffect(*gi->second, where);
          if (!why.empty())
            error(where.known() ? where : (f ? f->loc() : op.loc),
                  "@elidable function " + (f ? f->qualname : sym.name) + " has a side effect: " + why);
        } else if (const eval::Value *pv = f ? f->attrs.find("_jit_look_inside_iff_") : nullptr) {
          const eval::FunctionObj *pred = eval::asFunction(*pv);
          std::string predGraph;
          for (const auto &[gname, gf] : p.graphFunction)
            if (pred && gf == pred) predGraph = gname;
          if (predGraph.empty()) {
            error(f->loc(), "@look_inside_iff on " + f->qualname + ": its predicate is not a function called "
                                                                   "with the same arguments");
            continue;
          }
          gp = {sym.name, Policy::LOOK_INSIDE_IFF,
                "@look_inside_iff(" + pred->qualname + "): traced into when it holds, else a residual call",
                predGraph};
          if (seen.insert(predGraph).second) {
            out.graphs.push_back({predGraph, Policy::LOOK_INSIDE, "predicate of @look_inside_iff", {}});
            worklist.push_back(predGraph);
          }
        } else if (attrFalse(f, "_jit_look_inside_")) {
          gp = {sym.name, Policy::DONT_LOOK_INSIDE, "@dont_look_inside: a residual call", {}};
        } else if (hasLoop(*gi->second) && !attrTrue(f, "_jit_unroll_safe_") &&
                   !attrTrue(f, "_jit_look_inside_")) {
          gp = {sym.name, Policy::DONT_LOOK_INSIDE, "contains a loop and is not @unroll_safe: a residual call", {}};
        }
        out.graphs.push_back(gp);
        if (gp.policy == Policy::LOOK_INSIDE || gp.policy == Policy::LOOK_INSIDE_IFF) worklist.push_back(sym.name);
      }
  }
  return ok;
}

std::string printJitInfo(const JitInfo &info, const SourceManager &sm) {
  auto join = [](const std::vector<std::string> &v) {
    std::string s;
    for (const std::string &x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  std::string s;
  for (const DriverInfo &d : info.drivers) {
    s += "driver " + d.name + ": greens [" + join(d.greens) + "] reds [" + join(d.reds) + "]\n";
    s += "  portal " + d.portal + "\n";
    for (const JitMarker *m : d.markers) {
      std::string where = sm.describe(m->loc);
      where = where.substr(where.rfind('/') + 1);
      s += "  " + m->kind + " at " + where + "\n";
    }
  }
  if (info.drivers.empty()) s += "no JitDriver: the program has no portal\n";
  else s += "graphs the tracer may enter:\n";
  size_t width = 0;
  for (const GraphPolicy &g : info.graphs) width = std::max(width, g.graph.size());
  for (const GraphPolicy &g : info.graphs) {
    std::string pad(width - g.graph.size(), ' ');
    s += "  " + g.graph + pad + "  " + policyName(g.policy) + " (" + g.why + ")\n";
  }
  return s;
}

} // namespace lathe::jitgen
