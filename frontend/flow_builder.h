//===- flow_builder.h - Flow graphs from function ASTs --------------------===//
// Pipeline position: after the module evaluator (evaluator.h), before the
// annotator. Input: a FunctionObj made at translation time (its AST, its
// module's final globals, its closure cells). Output: its SSA FunctionGraph
// (flowgraph.h), simplified (flow_simplify.cpp) and verified.
//
// The annotator asks for graphs on demand through FlowGraphCache::graphFor;
// each function is built once. User errors (undefined names, constructs
// only allowed at translation time, ...) go to the evaluator's Diagnostics
// with source locations; a function with errors has no graph (null), and
// building continues after an error where safe so one run reports several.
//
// How the AST maps to the graph (the builder files say more):
//   flow_builder.cpp     the cache, name resolution, frame states, joins,
//                        loop headers, operation emission and block splits
//   flow_build_stmt.cpp  statements: assignment forms, if/while/for,
//                        break/continue/return, assert, del
//   flow_build_expr.cpp  expressions: operators, short-circuits, chained
//                        comparisons, calls, displays, list comprehensions
//   flow_build_exc.cpp   raise, try/except/else/finally
//   flow_build_fold.cpp  constant folding of pure operations
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/evaluator.h"
#include "frontend/flowgraph.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace lathe::flow {

/// Builds, caches and owns the flow graph of each run-time function.
class FlowGraphCache {
public:
  explicit FlowGraphCache(eval::Evaluator &ev);
  ~FlowGraphCache();
  FlowGraphCache(const FlowGraphCache &) = delete;
  FlowGraphCache &operator=(const FlowGraphCache &) = delete;

  /// The graph of `f`, built on the first request. Null when `f` has errors
  /// (reported once, to the evaluator's Diagnostics, on the first request).
  FunctionGraph *graphFor(const eval::FunctionObj *f);

  /// A new, separate graph of `f` (same text as graphFor's), owned by the
  /// cache: the annotator's specialisations (`@specialize.argtype`) each
  /// annotate their own copy. Null when `f` has errors (reported once, by
  /// the graphFor this makes first).
  FunctionGraph *buildFresh(const eval::FunctionObj *f);

  /// Whether graphFor runs simplifyGraph after building (default: yes).
  /// Tests switch it off to see and verify the builder's raw output.
  void setSimplify(bool on) { simplify_ = on; }
  bool simplify() const { return simplify_; }

  /// Interned string constant (one StrObj per distinct literal text).
  eval::Value internStr(const std::string &s);
  eval::Evaluator &evaluator() { return ev_; }

private:
  eval::Evaluator &ev_;
  std::unordered_map<const eval::FunctionObj *, std::unique_ptr<FunctionGraph>> graphs_;
  std::vector<std::unique_ptr<FunctionGraph>> fresh_; // buildFresh's copies
  std::unordered_map<std::string, eval::Value> strings_;
  bool simplify_ = true;
};

/// The run-time functions of a module in definition order (source position):
/// module-level functions and the methods of its classes.
std::vector<const eval::FunctionObj *> moduleFunctions(const eval::ModuleObj *m);

/// Why `f` can only run at translation time — it defines a nested function,
/// class, lambda, generator expression or set/dict comprehension, or declares
/// `global`/`nonlocal` — or an empty string when it can have a run-time graph.
/// Such functions (decorator factories, table builders) are fine in a
/// program; they are an error only when run-time code reaches them.
std::string translationTimeOnlyReason(const eval::Evaluator &ev, const eval::FunctionObj *f);

/// printGraph of every function of `m` that builds, in definition order,
/// separated by blank lines.
std::string printModuleGraphs(FlowGraphCache &cache, const eval::ModuleObj *m,
                              const PrintOptions &opts = {});

} // namespace lathe::flow
