//===- effects.cpp - What a residual call may read and write ---------------===//
// See effects.h. The recipe (EffectAnalysis's constructor):
//   1. indexProgram        runtime structs by C++ spelling (a dict iterator
//                          reads its dict), and the graphs an indirect call
//                          may reach: those whose address is taken
//                          (vtables, class attributes, prebuilt data,
//                          constants in graphs — the RTyper's own rule for
//                          stack checks), by function type;
//   2. findVirtualizables  the fields and arrays `_virtualizable_` names;
//   3. solve               each graph's own operations (local):
//                          getfield/getarrayitem/getarraysize read,
//                          setfield/setarrayitem write, a runtime helper
//                          call adds its row of helpers.def, a call of a
//                          graph or an indirect call records edges; then a
//                          graph's effects are its own plus its callees'
//                          (recursion included), iterated to a fixpoint:
//                          sets only grow;
//   4. finish              `virtualizable` from the sets (or, when unknown,
//                          whether the program has a virtualizable class).
//
// The sets say "may": a write into an object the callee allocated itself
// still counts (conservative, and simple), allocation alone does not.
//===----------------------------------------------------------------------===//
#include "jitgen/effects.h"

#include "annotator/annotate.h"

#include <algorithm>

namespace lathe::jitgen {

using namespace rtyper;

namespace {

enum class Match : uint8_t { EXACT, PREFIX };
enum class Reads : uint8_t { NONE, ARGS, DEEP, ANY };
enum class Writes : uint8_t { NONE, FIRST, ANY };
enum HelperFlag : uint8_t { HASH = 1, IO = 2 };

struct HelperRow {
  const char *stem;
  Match match;
  Reads reads;
  Writes writes;
  uint8_t flags;
};

const HelperRow kHelpers[] = {
#define HELPER(stem, match, reads, writes, flags) {stem, Match::match, Reads::reads, Writes::writes, flags},
#include "jitgen/helpers.def"
};

/// The row for helper `stem`: an EXACT row, else the longest PREFIX row.
const HelperRow *helperRow(const std::string &stem) {
  const HelperRow *best = nullptr;
  for (const HelperRow &r : kHelpers) {
    std::string_view s = r.stem;
    if (r.match == Match::EXACT && stem == s) return &r;
    if (r.match == Match::PREFIX && stem.compare(0, s.size(), s) == 0 &&
        (!best || s.size() > std::string_view(best->stem).size()))
      best = &r;
  }
  return best;
}

/// Containers a runtime helper never enters: instances (addresses and a
/// typeptr to the runtime) and non-GC structs (vtables: immutable).
bool opaqueToRuntime(const LLType *c) { return c->isStruct() && (c->hasTypeptrPrefix() || !c->isGc()); }

/// The container a pointer type points to, or null (not a pointer, or a
/// function pointer).
const LLType *containerOf(const LLType *t) {
  if (!t->isPtr() || t->target()->isFunc()) return nullptr;
  return t->target();
}

} // namespace

std::string fieldName(const LLType *s, const std::string &field) {
  while (s->parent() && s->parent()->fieldIndex(field) >= 0) s = s->parent();
  return s->name() + "." + field;
}

std::string arrayName(const LLType *container) {
  return container->isArray() ? "Array(" + container->item()->str() + ")" : container->name();
}

std::vector<std::string> classHints(const LLProgram &p, const LLType *s, const char *attr) {
  std::vector<std::string> out;
  const ClassInfo *c = nullptr;
  for (const ClassInfo &ci : p.classes)
    if (ci.instance == s) c = &ci;
  for (; c; c = c->base >= 0 ? &p.classes[c->base] : nullptr) {
    if (!c->cls) continue;
    const eval::Value *v = c->cls->attrs.find(attr);
    if (!v) continue;
    std::vector<eval::Value> items;
    if (const eval::ListObj *l = eval::asList(*v)) items = l->items;
    else if (const eval::TupleObj *t = eval::asTuple(*v)) items = t->items;
    for (const eval::Value &x : items)
      if (const eval::StrObj *str = eval::asStr(x)) out.push_back(str->value);
  }
  return out;
}

void Effects::merge(const Effects &o) {
  if (!o.known) {
    if (known || o.unknownWhy < unknownWhy) unknownWhy = o.unknownWhy;
    known = false;
  }
  readsFields.insert(o.readsFields.begin(), o.readsFields.end());
  writesFields.insert(o.writesFields.begin(), o.writesFields.end());
  readsArrays.insert(o.readsArrays.begin(), o.readsArrays.end());
  writesArrays.insert(o.writesArrays.begin(), o.writesArrays.end());
  virtualizable |= o.virtualizable;
  io |= o.io;
  quasiWrite |= o.quasiWrite;
}

namespace {

Effects unknown(const std::string &why) {
  Effects e;
  e.known = false;
  e.unknownWhy = why;
  return e;
}

} // namespace

const LLType *EffectAnalysis::dictOf(const LLType *c) const {
  // RDictIter<K, V, Tr> iterates an RDict<K, V, Tr> (and checks its size).
  const std::string &cpp = c->cppName();
  if (cpp.rfind("RDictIter<", 0) != 0) return nullptr;
  auto it = runtimeStructs_.find("RDict" + cpp.substr(9));
  return it == runtimeStructs_.end() ? nullptr : it->second;
}

void EffectAnalysis::oneLevel(const LLType *c, std::set<std::string> &fields, std::set<std::string> &arrays,
                              bool withDict) const {
  if (opaqueToRuntime(c)) return;
  if (c->isArray()) {
    arrays.insert(arrayName(c));
    return;
  }
  for (const LLField &f : c->fields()) {
    if (f.type->isArray()) { // inlined (a string's chars): the struct's array descr
      arrays.insert(arrayName(c));
      continue;
    }
    fields.insert(fieldName(c, f.name));
    if (const LLType *x = containerOf(f.type); x && x->isArray()) arrays.insert(arrayName(x));
  }
  if (const LLType *d = withDict ? dictOf(c) : nullptr) oneLevel(d, fields, arrays, false);
}

std::vector<const LLType *> EffectAnalysis::reachable(std::vector<const LLType *> roots) const {
  for (size_t k = 0; k < roots.size(); ++k) {
    const LLType *c = roots[k];
    if (opaqueToRuntime(c)) continue;
    std::vector<const LLType *> next;
    if (c->isArray()) next.push_back(c->item());
    else
      for (const LLField &f : c->fields()) next.push_back(f.type->isArray() ? f.type->item() : f.type);
    if (const LLType *d = dictOf(c)) next.push_back(d);
    if (auto it = dictItems_.find(c); it != dictItems_.end()) next.insert(next.end(), it->second.begin(), it->second.end());
    for (const LLType *t : next) {
      const LLType *x = t->isStruct() ? t : containerOf(t);
      if (x && std::find(roots.begin(), roots.end(), x) == roots.end()) roots.push_back(x);
    }
  }
  return roots;
}

Effects EffectAnalysis::ofHelper(const std::string &name, const LLType *fn) const {
  std::string stem = name.substr(0, name.find('<'));
  std::vector<const LLType *> args; // the arguments' containers
  for (const LLType *a : fn->args()) {
    if (a->isPtr() && a->target()->isFunc()) return unknown(stem + " takes a function");
    if (const LLType *c = containerOf(a)) args.push_back(c);
  }
  const HelperRow *row = helperRow(stem);
  if (!row || row->reads == Reads::ANY || row->writes == Writes::ANY) return unknown(stem);
  const LLType *first = fn->args().empty() ? nullptr : containerOf(fn->args()[0]);
  if (row->writes == Writes::FIRST && !first) return unknown(stem + " without a container to write");
  Effects e;
  std::vector<const LLType *> all = row->reads == Reads::DEEP || (row->flags & HASH) ? reachable(args) : args;
  const std::vector<const LLType *> &read = row->reads == Reads::DEEP ? all : args;
  if (row->reads != Reads::NONE)
    for (const LLType *c : read) oneLevel(c, e.readsFields, e.readsArrays, true);
  // The first argument's container; an iterator's steps do not write its dict.
  if (row->writes == Writes::FIRST) oneLevel(first, e.writesFields, e.writesArrays, false);
  if (row->flags & HASH)
    for (const LLType *c : all)
      if (c->isStruct() && c->name() == "STR") e.writesFields.insert(fieldName(c, "hash"));
  e.io = (row->flags & IO) != 0;
  return e;
}

Effects EffectAnalysis::local(const LLGraph &g, std::vector<const LLGraph *> &callees) const {
  Effects e;
  auto fieldOf = [](const LLOperation &op) {
    return fieldName(op.args[0].type()->target(), std::get<std::string>(op.args[1].cst()->value));
  };
  for (const LLBlock *b : g.blocks())
    for (const LLOperation &op : b->operations) {
      switch (op.op) {
      case LLOp::GETFIELD: e.readsFields.insert(fieldOf(op)); break;
      case LLOp::SETFIELD: {
        if (op.args[2].type()->kind() == LLKind::VOID) break;
        e.writesFields.insert(fieldOf(op));
        const std::string &field = std::get<std::string>(op.args[1].cst()->value);
        if (field.rfind("a_", 0) == 0)
          for (const std::string &spec : classHints(p_, op.args[0].type()->target(), "_immutable_fields_"))
            e.quasiWrite |= spec == field.substr(2) + "?";
        break;
      }
      case LLOp::GETARRAYITEM: case LLOp::GETARRAYSIZE:
        e.readsArrays.insert(arrayName(op.args[0].type()->target()));
        break;
      case LLOp::SETARRAYITEM:
        if (op.args[2].type()->kind() != LLKind::VOID) e.writesArrays.insert(arrayName(op.args[0].type()->target()));
        break;
      case LLOp::DIRECT_CALL: {
        const std::string &name = std::get<LLConstant::Symbol>(op.args[0].cst()->value).name;
        auto it = p_.graphByName.find(name);
        if (it != p_.graphByName.end()) callees.push_back(it->second);
        else e.merge(ofHelper(name, op.args[0].type()->target()));
        break;
      }
      case LLOp::INDIRECT_CALL: {
        const auto &ts = targets(op.args[0].type());
        if (ts.empty()) e.merge(unknown("an indirect call with no known target"));
        callees.insert(callees.end(), ts.begin(), ts.end());
        break;
      }
      // Allocation touches no existing object. A jit_marker enters the JIT,
      // which runs this same portal's code (traces, deoptimisation), so its
      // effects are the graph's own. The rest computes on values.
      case LLOp::MALLOC: case LLOp::MALLOC_VARSIZE: case LLOp::JIT_MARKER: case LLOp::DEBUG_ASSERT:
      case LLOp::STACK_CHECK: case LLOp::JIT_PROMOTE: case LLOp::JIT_WE_ARE_JITTED: case LLOp::JIT_ISCONSTANT:
      case LLOp::JIT_RECORD_EXACT_CLASS: case LLOp::CAST_POINTER: case LLOp::PTR_EQ: case LLOp::PTR_NE:
      case LLOp::PTR_ISZERO: case LLOp::PTR_NONZERO: case LLOp::SAME_AS:
      case LLOp::INT_ADD: case LLOp::INT_SUB: case LLOp::INT_MUL: case LLOp::INT_FLOORDIV: case LLOp::INT_MOD:
      case LLOp::INT_LT: case LLOp::INT_LE: case LLOp::INT_EQ: case LLOp::INT_NE: case LLOp::INT_GT:
      case LLOp::INT_GE: case LLOp::INT_NEG: case LLOp::INT_ABS: case LLOp::INT_INVERT: case LLOp::INT_IS_TRUE:
      case LLOp::INT_LSHIFT: case LLOp::INT_RSHIFT: case LLOp::INT_AND: case LLOp::INT_OR: case LLOp::INT_XOR:
      case LLOp::INT_ADD_OVF: case LLOp::INT_SUB_OVF: case LLOp::INT_MUL_OVF:
      case LLOp::UINT_ADD: case LLOp::UINT_SUB: case LLOp::UINT_MUL: case LLOp::UINT_FLOORDIV:
      case LLOp::UINT_MOD: case LLOp::UINT_LT: case LLOp::UINT_LE: case LLOp::UINT_EQ: case LLOp::UINT_NE:
      case LLOp::UINT_GT: case LLOp::UINT_GE: case LLOp::UINT_INVERT: case LLOp::UINT_IS_TRUE:
      case LLOp::UINT_LSHIFT: case LLOp::UINT_RSHIFT: case LLOp::UINT_AND: case LLOp::UINT_OR: case LLOp::UINT_XOR:
      case LLOp::FLOAT_ADD: case LLOp::FLOAT_SUB: case LLOp::FLOAT_MUL: case LLOp::FLOAT_TRUEDIV:
      case LLOp::FLOAT_LT: case LLOp::FLOAT_LE: case LLOp::FLOAT_EQ: case LLOp::FLOAT_NE: case LLOp::FLOAT_GT:
      case LLOp::FLOAT_GE: case LLOp::FLOAT_NEG: case LLOp::FLOAT_ABS: case LLOp::FLOAT_IS_TRUE:
      case LLOp::CHAR_LT: case LLOp::CHAR_LE: case LLOp::CHAR_EQ: case LLOp::CHAR_NE: case LLOp::CHAR_GT:
      case LLOp::CHAR_GE: case LLOp::BOOL_NOT:
      case LLOp::CAST_INT_TO_FLOAT: case LLOp::CAST_FLOAT_TO_INT: case LLOp::CAST_BOOL_TO_INT:
      case LLOp::CAST_BOOL_TO_FLOAT: case LLOp::CAST_CHAR_TO_INT: case LLOp::CAST_INT_TO_CHAR:
      case LLOp::CAST_INT_TO_UINT: case LLOp::CAST_UINT_TO_INT:
        break;
      }
    }
  return e;
}

const std::vector<const LLGraph *> &EffectAnalysis::targets(const LLType *fnPtr) const {
  static const std::vector<const LLGraph *> none;
  auto it = byFuncType_.find(fnPtr->target());
  return it == byFuncType_.end() ? none : it->second;
}

void EffectAnalysis::findVirtualizables() {
  for (const ClassInfo &c : p_.classes) {
    if (!c.instance) continue;
    bool declared = false;
    for (const ClassInfo *k = &c; k; k = k->base >= 0 ? &p_.classes[k->base] : nullptr)
      declared |= k->cls && k->cls->attrs.find("_virtualizable_");
    if (!declared) continue;
    hasVirtualizable_ = true;
    std::vector<std::string> specs = classHints(p_, c.instance, "_virtualizable_");
    bool resolved = !specs.empty();
    for (std::string spec : specs) {
      bool items = spec.size() > 3 && spec.compare(spec.size() - 3, 3, "[*]") == 0;
      if (items) spec.resize(spec.size() - 3);
      if (!spec.empty() && spec.back() == '?') spec.pop_back();
      const LLType *ft = c.instance->fieldType("a_" + spec);
      if (!ft) {
        resolved = false;
        continue;
      }
      virtFields_.insert(fieldName(c.instance, "a_" + spec));
      const LLType *x = items ? containerOf(ft) : nullptr;
      if (x && x->isArray()) virtArrays_.insert(arrayName(x));
      if (x && x->isStruct() && x->fieldIndex("items") >= 0) { // a resizable list: its storage
        virtFields_.insert(fieldName(x, "items"));
        virtFields_.insert(fieldName(x, "length"));
        if (const LLType *a = containerOf(x->fieldType("items"))) virtArrays_.insert(arrayName(a));
      }
    }
    // A spec naming no field of the class (or none at all): every field.
    if (!resolved)
      for (const LLField &f : c.instance->fields())
        if (f.name != "typeptr") virtFields_.insert(fieldName(c.instance, f.name));
  }
}

void EffectAnalysis::finish(Effects &e) const {
  if (!e.known) {
    e.virtualizable = hasVirtualizable_;
    return;
  }
  auto any = [](const std::set<std::string> &a, const std::set<std::string> &b) {
    for (const std::string &x : a)
      if (b.count(x)) return true;
    return false;
  };
  e.virtualizable = any(e.readsFields, virtFields_) || any(e.writesFields, virtFields_) ||
                    any(e.readsArrays, virtArrays_) || any(e.writesArrays, virtArrays_);
}

void EffectAnalysis::indexProgram() {
  std::set<std::string> taken;
  auto note = [&](const LLValue &v) {
    if (!v.isConst()) return;
    if (const auto *sym = std::get_if<LLConstant::Symbol>(&v.cst()->value))
      if (p_.graphByName.count(sym->name)) taken.insert(sym->name);
  };
  auto noteType = [&](const LLType *t) {
    if (const LLType *c = containerOf(t); c && c->isStruct() && !c->cppName().empty())
      runtimeStructs_.emplace(c->cppName(), c);
  };
  for (const ClassInfo &c : p_.classes) {
    for (const auto &[name, graph] : c.methods)
      if (!graph.empty()) taken.insert(graph);
    for (const auto &[name, k] : c.classConstants) note(k);
  }
  // What a dict holds (its struct has only `length`): the types its
  // helpers are called with and return, and its prebuilt items.
  auto noteDict = [&](const LLType *d, const LLType *t) {
    const LLType *dc = containerOf(d);
    if (!dc || dc->cppName().rfind("RDict<", 0) != 0 || t->kind() == LLKind::VOID) return;
    if (const LLType *tc = containerOf(t); tc && tc->cppName().rfind("RDictIter<", 0) == 0) return; // iter(d)
    auto &v = dictItems_[dc];
    if (t != d && std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
  };
  for (const PrebuiltObj &o : p_.prebuilts)
    for (const LLConstant *k : o.items) {
      note(k);
      if (o.kind == PrebuiltObj::Kind::DICT) noteDict(o.type, k->type);
    }
  for (const auto &g : p_.graphs)
    for (const LLBlock *b : g->blocks()) {
      for (const LLVariable *v : b->inputargs) noteType(v->type);
      for (const LLOperation &op : b->operations) {
        noteType(op.result->type);
        for (size_t i = op.op == LLOp::DIRECT_CALL ? 1 : 0; i < op.args.size(); ++i) {
          note(op.args[i]);
          noteType(op.args[i].type());
        }
        if (op.op != LLOp::DIRECT_CALL || op.args.size() < 2) continue;
        if (std::get<LLConstant::Symbol>(op.args[0].cst()->value).name.rfind("ll_dict_", 0) != 0) continue;
        for (size_t i = 2; i < op.args.size(); ++i) noteDict(op.args[1].type(), op.args[i].type());
        noteDict(op.args[1].type(), op.result->type);
      }
      for (const LLLink *l : b->exits)
        for (const LLValue &a : l->args) note(a);
    }
  TypeContext &tc = const_cast<TypeContext &>(p_.types);
  for (const auto &g : p_.graphs)
    if (taken.count(g->name)) byFuncType_[g->funcType(tc)].push_back(g.get());
}

void EffectAnalysis::solve() {
  // A graph's effects are its own and its callees', recursion included:
  // the call graph's strongly connected components (Tarjan), callees'
  // components first, so each component is merged once from its members
  // and the finished components it calls. (Sweeping every graph until
  // nothing changed took a minute on the Python VM: thousands of graphs,
  // long call chains, large sets.)
  size_t n = p_.graphs.size();
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < n; ++k) index[p_.graphs[k]->name] = k;
  std::vector<Effects> own(n);
  std::vector<std::vector<size_t>> edges(n);
  for (size_t k = 0; k < n; ++k) {
    std::vector<const LLGraph *> cs;
    own[k] = local(*p_.graphs[k], cs);
    for (const LLGraph *c : cs)
      if (auto it = index.find(c->name); it != index.end()) edges[k].push_back(it->second);
  }
  // Tarjan's algorithm, iteratively (call chains can be deep).
  std::vector<int> num(n, -1), low(n, 0), comp(n, -1);
  std::vector<char> onStack(n, 0);
  std::vector<size_t> stack;
  std::vector<std::vector<size_t>> comps;  // in reverse topological order: callees first
  int counter = 0;
  for (size_t root = 0; root < n; ++root) {
    if (num[root] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> dfs{{root, 0}};  // (graph, next edge)
    num[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = 1;
    while (!dfs.empty()) {
      auto &[v, e] = dfs.back();
      if (e < edges[v].size()) {
        size_t w = edges[v][e++];
        if (num[w] < 0) {
          num[w] = low[w] = counter++;
          stack.push_back(w);
          onStack[w] = 1;
          dfs.push_back({w, 0});
        } else if (onStack[w]) {
          low[v] = std::min(low[v], num[w]);
        }
        continue;
      }
      if (low[v] == num[v]) {
        std::vector<size_t> members;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          onStack[w] = 0;
          comp[w] = static_cast<int>(comps.size());
          members.push_back(w);
        } while (w != v);
        comps.push_back(std::move(members));
      }
      size_t done = v;
      dfs.pop_back();
      if (!dfs.empty()) low[dfs.back().first] = std::min(low[dfs.back().first], low[done]);
    }
  }
  std::vector<Effects> ofComp(comps.size());
  for (size_t c = 0; c < comps.size(); ++c) {
    Effects &u = ofComp[c];
    std::set<int> merged;  // callee components merged already
    for (size_t g : comps[c]) {
      u.merge(own[g]);
      for (size_t w : edges[g])
        if (comp[w] != static_cast<int>(c) && merged.insert(comp[w]).second) u.merge(ofComp[comp[w]]);
    }
  }
  for (size_t k = 0; k < n; ++k) graphs_[p_.graphs[k]->name] = ofComp[comp[k]];
}

EffectAnalysis::EffectAnalysis(const LLProgram &p) : p_(p) {
  indexProgram();
  findVirtualizables();
  solve();
  for (auto &[name, e] : graphs_) finish(e);
}

Effects EffectAnalysis::ofCallee(const std::string &callee, const LLType *fn) const {
  auto it = graphs_.find(callee);
  if (it != graphs_.end()) return it->second;
  Effects e = ofHelper(callee, fn);
  finish(e);
  return e;
}

std::string printEffects(const std::vector<ResidualCall> &calls) {
  auto list = [](const std::set<std::string> &s) {
    std::string out = "[";
    for (const std::string &x : s) out += (out.size() > 1 ? ", " : "") + x;
    return out + "]";
  };
  auto yes = [](bool b) { return b ? "yes" : "no"; };
  std::set<std::string> lines;
  for (const ResidualCall &c : calls) {
    const Effects &e = c.effects;
    std::string s = "effects " + c.callee + ": raises=" + yes(c.canRaise) + " elidable=" + yes(c.elidable);
    if (e.known)
      s += " reads=" + list(e.readsFields) + " writes=" + list(e.writesFields) + " arrays-read=" +
           list(e.readsArrays) + " arrays-written=" + list(e.writesArrays);
    else
      s += " unknown (" + e.unknownWhy + ")";
    s += std::string(" virtualizable=") + yes(e.virtualizable);
    std::set<std::string> notes;
    if (e.io) notes.insert("io");
    if (e.quasiWrite) notes.insert("quasi-immutable write");
    if (!notes.empty()) s += " notes=" + list(notes);
    lines.insert(s + "\n");
  }
  std::string out;
  for (const std::string &l : lines) out += l;
  return out;
}

} // namespace lathe::jitgen
