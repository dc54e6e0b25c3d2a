//===- annotate.h - Whole-program type inference (the annotator) ----------===//
// Pipeline position: after the flow-graph builder, before the RTyper
// (DESIGN §2, §4). Input: the evaluated program and its entry point. Output:
// an annotation (model.h) for every Variable of every graph reachable from
// the entry point, plus the bookkeeper's ClassDefs/ListDefs/DictDefs.
//
// Algorithm (RPython's annrpython.py): abstract interpretation to a
// fixpoint. A FIFO of pending blocks; flowing a block computes each
// operation's result from its arguments' annotations (the per-op rules in
// unaryop/binaryop/containerop/attrop/callop/builtins.cpp), then follows
// its exits, merging (union) the link arguments into the target block's
// inputargs; a target whose inputargs changed is scheduled again.
//   * An operation whose result is IMPOSSIBLE (nothing known yet, or an
//     error) blocks the rest of its block until a re-flow.
//   * Re-flow: every shared fact (function return value, attribute, list
//     item, ...) records the blocks that read it; generalising the fact
//     schedules those blocks (bookkeeper.h).
//   * An exitswitch whose annotation is a constant bool follows only the
//     matching exit, so code under a translation-time constant `if` is never
//     annotated. Bools carry narrowing facts (KnownTypes) applied to the
//     link arguments of the corresponding exit (isinstance, `is None`,
//     exception_match, truth tests).
//
// Origins: every binding stores, next to its annotation, the source
// location where the value was made, followed through links, calls (the
// callee's return value), attributes and container items. Union errors
// print both origins (diagnostics.h).
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/bookkeeper.h"
#include "frontend/flow_builder.h"

#include <deque>
#include <optional>
#include <set>

namespace lathe::ann {

struct OpContext;

/// An annotation and where its value came from.
struct Binding {
  Ann ann;
  SrcLoc origin;
};

/// How calls to a function are specialised (`_specialize_`, specialize.cpp).
struct Specialization {
  enum class Kind : uint8_t { NONE, ARGTYPE, ARG, MEMO, CALL_LOCATION, UNSUPPORTED };
  Kind kind = Kind::NONE;
  std::string name;             // "argtype", ... as rlib spells it
  std::vector<size_t> positions; // ARGTYPE, ARG: the argument indexes
};
Specialization specializationOf(const eval::FunctionObj *f);

/// Annotation state of one graph: a function, or one specialisation of it.
struct GraphInfo {
  uint32_t order = 0; // creation order
  const eval::FunctionObj *func = nullptr;
  flow::FunctionGraph *graph = nullptr;
  std::string specKey; // the specialisation ("int, str"); empty: not specialised
  std::string name;    // graph->name, then "[specKey]" when specialised
  std::vector<Binding> bindings;         // by Variable id
  std::vector<Position> returnReaders;   // callers, re-flowed when the result grows
  std::set<const flow::Block *> reached; // lookup only
  GraphInfo *caller = nullptr;           // first caller: the call chain in diagnostics
  SrcLoc callLoc;
};

/// Arguments of a call site, after the callee.
struct CallArgs {
  std::vector<Binding> positional;
  std::vector<std::pair<std::string, Binding>> keywords;
};

class Annotator : public Reflower {
public:
  Annotator(flow::FlowGraphCache &cache, Diagnostics &sink);

  /// The recipe: annotates everything reachable from `entry` called with
  /// `args`. Returns false when errors were reported.
  bool annotate(const eval::FunctionObj *entry, const std::vector<Ann> &args);

  Bookkeeper &bookkeeper() { return bk_; }
  AnnDiagnostics &diags() { return diags_; }
  flow::FlowGraphCache &cache() { return cache_; }
  const std::deque<GraphInfo> &graphs() const { return graphs_; }
  /// The annotation bound to a value in a graph (constants included).
  Ann annotationOf(const GraphInfo &gi, const flow::Hlvalue &v);
  SrcLoc originOf(const GraphInfo &gi, const flow::Hlvalue &v) const;

  /// Calls a Python function: binds the arguments to its parameters, records
  /// the caller for re-flow; returns its current return annotation.
  Binding callFunction(const eval::FunctionObj *f, const CallArgs &args, const Position &caller,
                       SrcLoc loc);

  /// Binds call arguments to `f`'s parameters (defaults, keywords, *args);
  /// false when they do not fit: reported, or only explained in `*why`.
  bool matchArgs(const eval::FunctionObj *f, const CallArgs &args, SrcLoc loc,
                 std::vector<Binding> &out, std::string *why = nullptr);
  /// The unified signature of a call family: per parameter position the
  /// union of its members' parameter annotations, then the union of their
  /// results (last). Empty when a member is not a function or method.
  std::vector<Ann> familySignature(const CallFamily &fam);

  /// Notes the call chain from the entry point to a call at `loc` in `gi`.
  void noteCallChain(const GraphInfo *gi, SrcLoc loc);

  /// The graph a call operation reached for function `f` (its
  /// specialisation resolved); null when none (memo functions, rlib hints).
  GraphInfo *calleeGraph(const flow::Operation *op, const eval::FunctionObj *f) const;
  /// The unspecialised graph of `f`, or null.
  GraphInfo *graphOf(const eval::FunctionObj *f) const;

  void reflow(const Position &p) override;
  /// An operation on an argument that is always None so far: reported after
  /// the fixpoint if the argument is still None then.
  void deferNoneAccess(GraphInfo &gi, const flow::Operation &op, const std::string &message);

private:
  GraphInfo *infoFor(const eval::FunctionObj *f, GraphInfo *caller, SrcLoc loc,
                     const std::string &specKey = {});
  bool specializationKey(const eval::FunctionObj *f, const Specialization &s,
                         const std::vector<Binding> &bound, SrcLoc loc, std::string &key);
  Binding callMemo(const eval::FunctionObj *f, const std::vector<Binding> &bound, SrcLoc loc);
  void complete();
  void flowIn(GraphInfo &gi, const flow::Block *b);
  bool flowOp(GraphInfo &gi, const flow::Block *b, const flow::Operation &op);
  Ann applyRule(OpContext &c);
  void followExits(GraphInfo &gi, const flow::Block *b, bool onlyExceptions);
  void followLink(GraphInfo &gi, const flow::Link *link, const std::vector<std::pair<const flow::Variable *, Ann>> *facts);
  void mergeInto(GraphInfo &gi, const flow::Block *target, const std::vector<Binding> &incoming);
  Ann excTypeOf(const Ann &a);
  std::string describeVar(const GraphInfo &gi, const flow::Block *b, size_t i) const;
  void reportNoneAccesses();

  struct NoneAccess {
    GraphInfo *gi;
    const flow::Operation *op;
    std::string message;
  };
  std::vector<NoneAccess> noneAccesses_;

  flow::FlowGraphCache &cache_;
  AnnDiagnostics diags_;
  Bookkeeper bk_;
  std::deque<GraphInfo> graphs_;
  std::map<std::pair<uint32_t, std::string>, GraphInfo *> infoOf_; // by (FunctionObj serial, specKey)
  std::set<uint32_t> hasGraph_; // FunctionObj serials whose cached graph is in use
  struct MemoResult {
    const eval::FunctionObj *func;
    std::vector<eval::Value> args;
    eval::Value result;
  };
  std::vector<MemoResult> memo_; // memo functions already evaluated (lookup only)
  std::deque<Position> pending_;
  std::set<std::pair<const GraphInfo *, const flow::Block *>> scheduled_; // lookup only
  GraphInfo *current_ = nullptr;
  SrcLoc currentLoc_;
  const flow::Operation *currentOp_ = nullptr;
  std::map<std::pair<const flow::Operation *, uint32_t>, GraphInfo *> callees_; // (op, FunctionObj serial)
};

} // namespace lathe::ann
