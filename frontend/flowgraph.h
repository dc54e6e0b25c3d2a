//===- flowgraph.h - Flow graphs: the SSA IR of every run-time function ----===//
// Output of the flow-graph builder (flow_builder.h), input of the annotator,
// the RTyper and the JIT generator. The model is RPython's
// (rpython/flowspace/model.py), in C++:
//
//   FunctionGraph  startblock (inputargs = the parameters), returnblock (one
//                  inputarg, no ops, no exits), exceptblock (two inputargs:
//                  etype, evalue; no ops, no exits).
//   Block          inputargs, operations, exitswitch, exits (Links).
//                  exitswitch is NONE (0 or 1 exit), VALUE (a Variable; exits
//                  have exitcases False then True) or LAST_EXCEPTION (the
//                  last op can raise; exits[0] is the normal link, then one
//                  link per caught exception class).
//   Link           args (one per target inputarg), target, prevblock,
//                  exitcase, and for exception links two fresh Variables
//                  lastException / lastExcValue that the args may use.
//   Operation      op (flowops.def), args, result, SrcLoc.
//   Variable       id unique in the graph, in creation order (later stages
//                  index side tables by it), and a source name hint.
//   Constant       a translation-time eval::Value, or a CallShape (the
//                  second argument of call_args).
//
// SSA invariants (checked by verifyGraph, flow_verify.cpp): a Variable is
// defined once — as a block inputarg, an op result, or an exception link's
// lastException/lastExcValue — and is used only inside the block defining it
// (after its definition), or, for exception-link variables, in that link's
// args. Values cross blocks only through link arguments.
//
// Storage: every Block, Link, Variable, Constant and CallShape lives in an
// arena (a deque) owned by its FunctionGraph; objects never move and are
// never freed before the graph. Passes that unlink a block just stop
// referring to it; `blocks()` lists the reachable ones.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"
#include "frontend/value.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace lathe::flow {

/// High-level flow-graph operations, expanded from flowops.def.
enum class FlowOp : uint8_t {
#define FLOWOP(NAME, name, arity, canRaise, pure) NAME,
#include "frontend/flowops.def"
};

struct FlowOpInfo {
  const char *name; // printed form, RPython's name ("add", "simple_call")
  int arity;        // -1: variadic
  bool canRaise;
  bool pure;
};
const FlowOpInfo &flowOpInfo(FlowOp op);
inline const char *flowOpName(FlowOp op) { return flowOpInfo(op).name; }

/// An SSA variable. `hint` is the name of the local it holds (may be empty).
struct Variable {
  uint32_t id = 0;
  std::string hint;
};

/// The argument shape of a `call_args` operation: its arguments after the
/// callee and the shape are `positional` positional values, then one value
/// per keyword name, then the `*args` value if `hasStar`, then the
/// `**kwargs` value if `hasStarStar`.
struct CallShape {
  uint32_t positional = 0;
  std::vector<std::string> keywords;
  bool hasStar = false;
  bool hasStarStar = false;
};

/// A translation-time constant operand. Constants are never shared: each
/// is made where the builder met it, and `loc` is that source location
/// (the literal, the folded expression, the global or builtin name), or
/// unknown for constants the builder invents (implicit `return None`).
/// Later stages use it as the origin of the value; printing ignores it.
struct Constant {
  eval::Value value;
  const CallShape *shape = nullptr; // non-null: this constant is a call shape
  SrcLoc loc;
};

/// "A Variable or a Constant": the operand of operations, link arguments and
/// exitswitches. A null handle means "no value" (an undefined local).
class Hlvalue {
public:
  Hlvalue() = default;
  Hlvalue(Variable *v) : var_(v) {}
  Hlvalue(const Constant *c) : cst_(c) {}
  bool isNull() const { return !var_ && !cst_; }
  bool isVar() const { return var_ != nullptr; }
  bool isConst() const { return cst_ != nullptr; }
  Variable *var() const { return var_; }
  const Constant *cst() const { return cst_; }
  /// Same Variable, or Constants with identical values (and shapes).
  bool same(const Hlvalue &o) const;
  bool operator==(const Hlvalue &o) const { return var_ == o.var_ && cst_ == o.cst_; }

private:
  Variable *var_ = nullptr;
  const Constant *cst_ = nullptr;
};

struct Operation {
  FlowOp op;
  std::vector<Hlvalue> args;
  Variable *result = nullptr;
  SrcLoc loc;
};

struct Block;

struct Link {
  std::vector<Hlvalue> args; // one per target->inputargs
  Block *target = nullptr;
  Block *prevblock = nullptr;
  bool hasExitcase = false;
  eval::Value exitcase;      // bool for VALUE switches, a class for exception links
  Variable *lastException = nullptr; // exception links only
  Variable *lastExcValue = nullptr;
  bool isException() const { return lastException != nullptr; }
};

enum class SwitchKind : uint8_t {
  NONE,           // at most one exit, unconditional
  VALUE,          // exitswitch: a Variable; exits False, True
  LAST_EXCEPTION, // last op can raise: exits[0] normal, then exception links
};

struct Block {
  std::vector<Variable *> inputargs;
  std::vector<Operation> operations;
  SwitchKind switchKind = SwitchKind::NONE;
  Hlvalue exitswitch; // set when switchKind == VALUE
  std::vector<Link *> exits;
  bool isFinal() const { return exits.empty(); }
};

/// One function's flow graph; owns everything it refers to.
class FunctionGraph {
public:
  /// Creates the start block with one inputarg per parameter name (ids
  /// 0..n-1), then the return and except blocks.
  FunctionGraph(std::string name, const eval::FunctionObj *func,
                const std::vector<std::string> &params = {});
  FunctionGraph(const FunctionGraph &) = delete;
  FunctionGraph &operator=(const FunctionGraph &) = delete;

  std::string name;                       // qualified: "bf.mainloop", "Tape.advance"
  const eval::FunctionObj *func = nullptr;
  Block *startblock = nullptr;
  Block *returnblock = nullptr;
  Block *exceptblock = nullptr;

  Variable *newVar(std::string hint = {});
  /// A fresh variable with the same hint as `v`.
  Variable *copyVar(const Variable *v) { return newVar(v->hint); }
  Block *newBlock(std::vector<Variable *> inputargs = {});
  /// A link from `from` (appended to its exits) to `to` (may be null while
  /// the target is not known yet).
  Link *newLink(Block *from, Block *to, std::vector<Hlvalue> args = {});
  const Constant *constant(eval::Value v, SrcLoc loc = {});
  const Constant *callShape(CallShape shape);
  uint32_t variableCount() const { return uint32_t(vars_.size()); }

  /// Reachable blocks in a deterministic order: depth-first preorder from
  /// the start block following exits in order, then the return block and
  /// the except block (always last, in that order).
  std::vector<Block *> blocks() const;
  /// Every link between reachable blocks, in blocks() order.
  std::vector<Link *> links() const;

private:
  std::deque<Variable> vars_;
  std::deque<Block> blocks_;
  std::deque<Link> links_;
  std::deque<Constant> consts_;
  std::deque<CallShape> shapes_;
};

// --- printing (flow_printer.cpp) -------------------------------------------

struct PrintOptions {
  bool locations = false; // append "# file:line:col" to operations
  const SourceManager *sources = nullptr; // to render locations; null: "line:col"
};

/// The golden text form of a graph (see flow_printer.cpp for the format).
std::string printGraph(const FunctionGraph &g, const PrintOptions &opts = {});
/// Graphviz DOT: one node per block, edges labeled by exitcase.
std::string printGraphDot(const FunctionGraph &g);
/// How an operand prints: `name_N`, `vN`, or the constant's repr.
std::string printValue(const Hlvalue &v);

// --- checking (flow_verify.cpp) --------------------------------------------

/// Checks every structural and SSA invariant listed in the header comment.
/// Returns the violations, one message per line; empty when the graph is
/// well formed. Violations are internal bugs, never user errors.
std::string verifyGraph(const FunctionGraph &g);
/// Asserts (debug builds) that verifyGraph finds nothing.
void assertValid(const FunctionGraph &g, const char *afterWhat);

// --- cleanup (flow_simplify.cpp) -------------------------------------------

/// Block merging, forwarding-block removal and dead inputarg removal; see
/// flow_simplify.cpp for the exact contract.
void simplifyGraph(FunctionGraph &g);

} // namespace lathe::flow
