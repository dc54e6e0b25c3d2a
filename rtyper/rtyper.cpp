//===- rtyper.cpp - The RTyper's recipe and program-wide helpers ----------===//
// See rtyper.h for the pipeline position and lowering.h for the parts.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <algorithm>
#include <set>

namespace lathe::rtyper {

RTyper::RTyper(ann::Annotator &an, LLProgram &prog, Diagnostics &sink)
    : an(an), bk(an.bookkeeper()), prog(prog), types(prog.types), sink(sink) {}

void RTyper::error(SrcLoc loc, const std::string &message) {
  failed = true;
  ++errors;
  sink.error(loc, message);
}

const LLConstant *RTyper::external(const std::string &name, const std::vector<const LLType *> &args,
                                   const LLType *result, bool canRaise, bool raisesByResult) {
  const LLType *ft = types.func(args, result);
  const LLType *pt = types.ptr(ft);
  std::string key = name + "|" + pt->str();
  auto it = prog.externals.find(key);
  if (it == prog.externals.end()) prog.externals[key] = {name, ft, canRaise, raisesByResult};
  std::string ckey = "ext:" + key;
  auto c = voidConsts_.find(ckey);
  if (c != voidConsts_.end()) return c->second;
  const LLConstant *k = prog.constant(pt, LLConstant::Symbol{name});
  voidConsts_[ckey] = k;
  return k;
}

const LLConstant *RTyper::voidConst(const std::string &payload) {
  std::string key = "void:" + payload;
  auto it = voidConsts_.find(key);
  if (it != voidConsts_.end()) return it->second;
  const LLConstant *c = prog.constant(types.voidType(), payload);
  voidConsts_[key] = c;
  return c;
}

const LLConstant *RTyper::intConst(int64_t v) { return prog.constant(types.signedType(), v); }
const LLConstant *RTyper::boolConst(bool b) { return prog.constant(types.boolType(), b); }
const LLConstant *RTyper::nullConst(const LLType *ptrType) {
  if (ptrType->kind() == LLKind::VOID) return voidConst();
  return prog.constant(ptrType, LLConstant::Null{});
}

namespace {

/// Which graphs can raise: a graph raises when it links to its except
/// block, or calls a raising helper or graph outside a guarded position
/// (fixpoint over the call graph).
void computeCanRaise(LLProgram &p) {
  std::map<std::string, std::set<std::string>> callees;
  std::map<std::string, bool> raises;
  for (const auto &g : p.graphs) {
    bool r = false;
    for (LLBlock *b : g->blocks()) {
      if (b == g->exceptblock) continue;
      for (const LLLink *l : b->exits) r |= l->target == g->exceptblock;
      for (const LLOperation &op : b->operations) {
        if (op.op == LLOp::DIRECT_CALL) {
          const auto &sym = std::get<LLConstant::Symbol>(op.args[0].cst()->value);
          if (p.graphByName.count(sym.name)) {
            callees[g->name].insert(sym.name);
            continue;
          }
          auto it = p.externals.find(sym.name + "|" + op.args[0].type()->str());
          r |= it != p.externals.end() && it->second.canRaise;
        } else if (llOpInfo(op.op).canRaise) {
          r = true;
        }
      }
    }
    raises[g->name] = r;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (auto &[name, r] : raises) {
      if (r) continue;
      for (const std::string &c : callees[name])
        if (raises[c]) {
          r = true;
          changed = true;
          break;
        }
    }
  }
  p.graphCanRaise = raises;
}

/// Recursion check only where recursion can happen (RPython's stack check
/// insertion does the same): a graph keeps its stack_check when it can reach
/// itself in the call graph. Indirect calls may reach any graph whose
/// address is taken (call families, vtables, prebuilt function values).
void removeNeedlessStackChecks(LLProgram &p) {
  std::set<std::string> addressTaken;
  auto noteConst = [&](const LLValue &v) {
    if (!v.isConst()) return;
    if (const auto *sym = std::get_if<LLConstant::Symbol>(&v.cst()->value))
      if (p.graphByName.count(sym->name)) addressTaken.insert(sym->name);
  };
  for (const ClassInfo &c : p.classes)
    for (const auto &[name, graph] : c.methods)
      if (!graph.empty()) addressTaken.insert(graph);
  for (const PrebuiltObj &o : p.prebuilts)
    for (const LLConstant *c : o.items) noteConst(c);
  // The call graph over graph indices. A graph can reach itself when it is
  // in a strongly connected component of more than one graph or calls
  // itself directly (Tarjan's algorithm: linear, where a search from every
  // graph was quadratic in a large interpreter).
  const size_t n = p.graphs.size();
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < n; ++k) index[p.graphs[k]->name] = k;
  std::vector<size_t> taken;
  std::vector<std::vector<size_t>> callees(n);
  std::vector<bool> indirect(n, false);
  for (size_t k = 0; k < n; ++k) {
    const LLGraph &g = *p.graphs[k];
    for (LLBlock *b : g.blocks()) {
      for (const LLOperation &op : b->operations) {
        if (op.op == LLOp::INDIRECT_CALL) indirect[k] = true;
        for (size_t i = 0; i < op.args.size(); ++i) {
          if (op.op == LLOp::DIRECT_CALL && i == 0) {
            const auto &sym = std::get<LLConstant::Symbol>(op.args[0].cst()->value);
            if (auto it = index.find(sym.name); it != index.end()) callees[k].push_back(it->second);
            continue;
          }
          noteConst(op.args[i]);
        }
      }
      for (const LLLink *l : b->exits)
        for (const LLValue &a : l->args) noteConst(a);
    }
  }
  for (const std::string &t : addressTaken) taken.push_back(index.at(t));
  for (size_t k = 0; k < n; ++k)
    if (indirect[k]) callees[k].insert(callees[k].end(), taken.begin(), taken.end());
  std::vector<bool> recursive(n, false);
  for (size_t k = 0; k < n; ++k)
    for (size_t c : callees[k]) recursive[k] = recursive[k] || c == k;
  // Iterative Tarjan.
  std::vector<int> order(n, -1), low(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<size_t> stack;
  int counter = 0;
  struct Frame { size_t v, next; };
  for (size_t root = 0; root < n; ++root) {
    if (order[root] >= 0) continue;
    std::vector<Frame> dfs{{root, 0}};
    order[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = true;
    while (!dfs.empty()) {
      Frame &f = dfs.back();
      if (f.next < callees[f.v].size()) {
        size_t w = callees[f.v][f.next++];
        if (order[w] < 0) {
          order[w] = low[w] = counter++;
          stack.push_back(w);
          onStack[w] = true;
          dfs.push_back({w, 0});
        } else if (onStack[w]) {
          low[f.v] = std::min(low[f.v], order[w]);
        }
        continue;
      }
      size_t v = f.v;
      dfs.pop_back();
      if (!dfs.empty()) low[dfs.back().v] = std::min(low[dfs.back().v], low[v]);
      if (low[v] != order[v]) continue;
      std::vector<size_t> scc;
      size_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        scc.push_back(w);
      } while (w != v);
      if (scc.size() > 1)
        for (size_t x : scc) recursive[x] = true;
    }
  }
  for (size_t k = 0; k < n; ++k) {
    if (recursive[k]) continue;
    auto &ops = p.graphs[k]->startblock->operations;
    ops.erase(std::remove_if(ops.begin(), ops.end(),
                             [](const LLOperation &op) { return op.op == LLOp::STACK_CHECK; }),
              ops.end());
  }
}

} // namespace

bool rtype(ann::Annotator &an, const eval::FunctionObj *entry, LLProgram &out, Diagnostics &sink) {
  RTyper rt(an, out, sink);
  out.mainModule = entry->module ? entry->module->name : std::string();
  rt.buildClasses();
  rt.declareGraphs();
  rt.finishClasses();
  for (const ann::GraphInfo &gi : an.graphs()) {
    LLGraph *g = rt.graphOf(&gi);
    Lowering L(rt, gi, *g);
    L.run();
  }
  if (const ann::GraphInfo *e = an.graphOf(entry)) out.entryGraph = rt.graphOf(e)->name;
  if (rt.failed) return false;
  removeNeedlessStackChecks(out);
  for (const auto &g : out.graphs) {
    std::string err = verifyLLGraph(*g);
    if (!err.empty()) {
      sink.error(entry->loc(), "internal error: low-level graph " + g->name + " is invalid:\n" + err +
                                   printLLGraph(*g));
      return false;
    }
  }
  computeCanRaise(out);
  return true;
}

std::string printProgram(const LLProgram &p, const std::string &only) {
  std::string s;
  for (const auto &g : p.graphs) {
    if (!only.empty() && g->name.find(only) == std::string::npos) continue;
    s += printLLGraph(*g);
    s += "\n";
  }
  return s;
}

} // namespace lathe::rtyper
