//===- flow_build.h - Internals of the flow-graph builder -----------------===//
// Private to flow_builder.cpp and flow_build_*.cpp; users include
// flow_builder.h.
//
// The builder walks the AST of one function, keeping a *frame state*: the
// SSA value of every local (null: unbound on this path) and a stack of
// temporaries that must survive a block boundary (a call's earlier
// arguments while a later one short-circuits, a for loop's iterator, the
// current exception in a handler). Any block boundary — a join, a branch, a
// split after a raising op inside `try` — renames every value of the state,
// so code that holds an Hlvalue across the evaluation of another expression
// pushes it on the stack and pops the renamed value afterwards
// (`evalAll`, `push`/`pop`).
//
// Control flow under construction is a list of pending Edges: a Link whose
// target is not built yet plus the state it carries. `resolve` turns the
// edges into one join block: a local bound on every edge becomes an
// inputarg (or stays a Constant when every edge has the identical one), a
// local unbound on some edge is unbound after the join.
//
// A stack of control Frames routes non-local exits: loops (break/continue
// targets), catchers (try/except and try/finally collect exception edges),
// finally frames (their body is duplicated on every exit passing through),
// and handlers (where the current exception lives for a bare `raise`).
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/flow_builder.h"

#include <functional>
#include <optional>
#include <set>
#include <unordered_set>

namespace lathe::flow::build {

/// ast::dynCast for const nodes.
template <class T> const T *dynAs(const ast::Expr *e) {
  return e && e->kind == T::KIND ? static_cast<const T *>(e) : nullptr;
}

struct State {
  std::vector<Hlvalue> locals; // by slot: the function's locals, then comprehension targets
  std::vector<Hlvalue> stack;  // temporaries live across blocks
};

struct Edge {
  Link *link;
  State state;
};
using Edges = std::vector<Edge>;

enum class FrameKind : uint8_t { LOOP, EXCEPT, FINALLY, HANDLER };

struct Frame {
  explicit Frame(FrameKind k) : kind(k) {}
  FrameKind kind;
  size_t numLocals = 0;  // state shape when the frame was entered
  size_t stackDepth = 0;
  // LOOP
  Block *header = nullptr;
  State headerState;     // the header's values: its inputargs, or kept Constants
  Edges breaks;
  // EXCEPT, FINALLY: exception edges, state + [etype, evalue] on the stack
  Edges raises;
  const ast::StmtList *finalbody = nullptr; // FINALLY
  size_t excIndex = 0;   // HANDLER: stack index of etype (evalue follows)
};

class Builder {
public:
  Builder(FlowGraphCache &cache, const eval::FunctionObj *f);
  /// Builds the graph; null after reporting errors.
  std::unique_ptr<FunctionGraph> run();

  // --- core (flow_builder.cpp) ---
  void error(SrcLoc loc, const std::string &msg);
  /// A constant operand; `loc` is where the source made it (its origin).
  const Constant *cst(eval::Value v, SrcLoc loc = {}) { return g_->constant(v, loc); }
  const Constant *none(SrcLoc loc = {}) { return cst(eval::Value::none(), loc); }
  const Constant *str(const std::string &s, SrcLoc loc = {}) {
    return cst(cache_.internStr(s), loc);
  }
  eval::Value builtinClassValue(const char *name);
  void push(Hlvalue v) { state_.stack.push_back(v); }
  Hlvalue pop();
  /// Evaluates expressions left to right, keeping earlier results alive.
  std::vector<Hlvalue> evalAll(const std::vector<ast::Expr *> &es);
  Hlvalue emit(FlowOp op, std::vector<Hlvalue> args, SrcLoc loc);
  /// `next(it)`: ends the block; StopIteration edges go to `stop`.
  Hlvalue emitNext(Hlvalue it, SrcLoc loc, Edges &stop);
  /// Ends the current block with an unconditional link to a later target.
  Edge jump();
  /// Ends the current block with a switch on `v`'s truth value.
  void branch(Hlvalue v, SrcLoc loc, Edges &onTrue, Edges &onFalse);
  /// Joins `edges` into a new current block; false (no current block) if empty.
  bool resolve(Edges &edges);
  /// Builds a loop header from the current point. Locals holding a Constant
  /// stay Constants unless `reassigned(slot)`; every other bound value
  /// becomes an inputarg.
  Frame makeLoop(const std::function<bool(size_t slot)> &reassigned);
  void backEdge(Frame &loop);
  Frame *innermostCatcher();
  /// Sends (etype, evalue) to the innermost catcher or the except block.
  void raiseTo(Hlvalue etype, Hlvalue evalue);
  Hlvalue loadName(const std::string &name, SrcLoc loc);
  void storeName(const std::string &name, Hlvalue v, SrcLoc loc);
  int slotOf(const std::string &name) const;
  bool reachable() const { return cur_ != nullptr; }

  // --- statements (flow_build_stmt.cpp) ---
  void buildBody(const ast::StmtList &body);
  void buildStmt(const ast::Stmt *s);
  void assign(const ast::Expr *target, Hlvalue v, SrcLoc loc);
  void buildAssign(const ast::Assign *s);
  void buildAugAssign(const ast::AugAssign *s);
  void buildDelete(const ast::Expr *target);
  void buildIf(const ast::If *s);
  void buildWhile(const ast::While *s);
  void buildFor(const ast::For *s);
  void buildBreak(const ast::Stmt *s);
  void buildContinue(const ast::Stmt *s);
  void buildReturn(const ast::Return *s);
  void buildAssert(const ast::Assert *s);
  void inlineFinally(size_t frameIndex);
  static void assignedNames(const ast::StmtList &body, std::set<std::string> &out);
  static void targetNames(const ast::Expr *target, std::set<std::string> &out);

  // --- expressions (flow_build_expr.cpp) ---
  Hlvalue eval(const ast::Expr *e);
  /// Jumping code for a condition: edges taken when it is true / false.
  void cond(const ast::Expr *e, Edges &onTrue, Edges &onFalse);
  Hlvalue evalBinOp(const ast::BinOp *e);
  Hlvalue evalUnaryOp(const ast::UnaryOp *e);
  Hlvalue evalBoolOp(const ast::BoolOp *e);
  Hlvalue evalCompare(const ast::Compare *e);
  Hlvalue compareOp(ast::CmpOpKind op, Hlvalue a, Hlvalue b, SrcLoc loc);
  Hlvalue evalCall(const ast::Call *e);
  Hlvalue evalSubscript(const ast::Subscript *e);
  /// obj, lower, upper, step of `obj[lower:upper:step]` (None when absent).
  std::vector<Hlvalue> evalSliceParts(const ast::Subscript *sub);
  Hlvalue evalIfExp(const ast::IfExp *e);
  Hlvalue evalDict(const ast::Dict *e);
  Hlvalue evalDisplay(FlowOp op, const ast::ExprList &elts, SrcLoc loc);
  Hlvalue evalListComp(const ast::ListComp *e);
  std::vector<std::string> compLocals(const ast::ListComp *e);
  void buildCompLoop(const ast::ListComp *e, size_t gen, size_t appendIndex, size_t compBase);
  Hlvalue translationTimeOnly(const ast::Expr *e, const std::string &what);

  // --- exceptions (flow_build_exc.cpp) ---
  void buildRaise(const ast::Raise *s);
  void buildTry(const ast::Try *s);
  void buildTryExcept(const ast::Try *s);
  void buildTryFinally(const ast::Try *s);
  void buildDispatch(const std::vector<ast::ExceptHandler> &handlers, Edges &done);
  Hlvalue handlerClass(const ast::Expr *type);

  // --- constant folding (flow_build_fold.cpp) ---
  std::optional<eval::Value> fold(FlowOp op, const std::vector<Hlvalue> &args);
  std::optional<eval::Value> foldUnary(FlowOp op, const eval::Value &a);
  std::optional<eval::Value> foldBinary(FlowOp op, const eval::Value &a, const eval::Value &b);
  std::optional<eval::Value> foldStr(FlowOp op, const eval::Value &a, const eval::Value &b);
  std::optional<eval::Value> foldGetItem(const eval::Value &a, const eval::Value &b);
  std::optional<eval::Value> foldExceptionMatch(const eval::Value &etype, const eval::Value &cls);

  FlowGraphCache &cache_;
  eval::Evaluator &ev_;
  const eval::FunctionObj *func_;
  const Scope *scope_ = nullptr;
  std::unique_ptr<FunctionGraph> g_;
  Block *cur_ = nullptr;       // null: the current point is unreachable
  State state_;
  std::vector<std::pair<std::string, size_t>> slots_; // name -> slot; searched from the back
  std::vector<Frame *> frames_;
  std::unordered_set<const Variable *> bools_; // known to hold a bool: no bool() before a switch
  unsigned errors_ = 0;
};

} // namespace lathe::flow::build
