//===- llgraph.h - Low-level graphs: the IR of the C++ backend and jitgen ---===//
// Output of the RTyper, input of the C++ emitter and jitgen (DESIGN §2, §5).
// The shape is the flow graph's (frontend/flowgraph.h: graph, blocks with
// inputargs and operations, links carrying SSA values between blocks,
// exitswitch NONE / VALUE / LAST_EXCEPTION, return and except blocks), as in
// RPython where rtyping rewrites the same objects in place. Here:
//
//   * every LLVariable and LLConstant carries an LLType (lltype.h);
//   * operations are LLOps (llops.def), not flow ops;
//   * constants are low-level values (integers, floats, chars, null, a
//     symbol naming a function or a prebuilt object, or Void payloads: a
//     field name, a type, a message), not eval::Values;
//   * a VALUE switch is on a Bool (exits False, True) or on a Signed / Char
//     (one exit per distinct constant case, then optionally a default exit
//     whose exitcase is null).
//
// Why a parallel model rather than templating flowgraph.h: the flow model's
// Constant is an eval::Value with source-level meaning, its exitcases are
// eval::Values and its printer/verifier are written against FlowOp; a
// template over (op enum, constant, type) would touch every frontend and
// annotator file for three small structs, and the two IRs are read by
// different stages. The model below mirrors the flow graph field for field
// so the RTyper's block-by-block rewrite (flow block -> ll block, flow var
// -> ll var of its representation's type) is a direct walk, and SrcLocs are
// carried over unchanged for `#line`.
//
// Invariants (verifyLLGraph, llverify.cpp): the flow graph's SSA and
// structure rules, plus type consistency: each operation's operands and
// result agree with its llops.def row and check rule (checkOpTypes), link
// args have their target inputargs' types, exitswitches are well typed,
// only a can-raise op ends a LAST_EXCEPTION block.
//
// Storage: one arena (deques) per graph; objects never move and live as long
// as the graph. Types live in a TypeContext that must outlive the graph.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"
#include "rtyper/lltype.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lathe::rtyper {

/// Low-level operations, expanded from llops.def.
enum class LLOp : uint8_t {
#define LLOP(NAME, name, operands, result, check, canRaise, sideEffects, canFold) NAME,
#include "rtyper/llops.def"
};

/// The typing rule of an op (llops.def `check` column; see checkOpTypes).
enum class LLCheck : uint8_t {
  SIMPLE, SAME_AS, GETFIELD, SETFIELD, GETARRAYITEM, SETARRAYITEM, GETARRAYSIZE,
  MALLOC, MALLOC_VARSIZE, PTR_CMP, CAST_POINTER, DIRECT_CALL, INDIRECT_CALL, VARIADIC,
};

struct LLOpInfo {
  const char *name;     // printed form ("int_add")
  const char *operands; // kind letters, see llops.def
  char result;          // kind letter, see llops.def
  LLCheck check;
  bool canRaise;
  bool sideEffects;
  bool canFold;
};
const LLOpInfo &llOpInfo(LLOp op);
inline const char *llOpName(LLOp op) { return llOpInfo(op).name; }
/// The op printed as `name`, for text parsers and tools.
std::optional<LLOp> llOpByName(std::string_view name);

/// An SSA variable of one type; `hint` is the RPy local it holds, if any.
struct LLVariable {
  uint32_t id = 0;
  std::string hint;
  const LLType *type = nullptr;
};

/// A low-level constant. Which alternative goes with which type:
///   Bool: bool; Char: char; Signed: int64_t; Unsigned: uint64_t;
///   Float: double; Ptr: Null (null) or Symbol (a function's graph name for
///   Ptr(Func), a prebuilt object's name otherwise); Void: std::string (a
///   field name or message) or const LLType * (a type, for malloc).
struct LLConstant {
  struct Null {
    bool operator==(const Null &) const = default;
  };
  struct Symbol {
    std::string name;
    bool operator==(const Symbol &) const = default;
  };
  using Payload = std::variant<Null, bool, char, int64_t, uint64_t, double, Symbol,
                               std::string, const LLType *>;
  const LLType *type = nullptr;
  Payload value;
};

/// An operand: an LLVariable or an LLConstant (never both; null = none).
class LLValue {
public:
  LLValue() = default;
  LLValue(LLVariable *v) : var_(v) {}
  LLValue(const LLConstant *c) : cst_(c) {}
  bool isNull() const { return !var_ && !cst_; }
  bool isVar() const { return var_ != nullptr; }
  bool isConst() const { return cst_ != nullptr; }
  LLVariable *var() const { return var_; }
  const LLConstant *cst() const { return cst_; }
  const LLType *type() const { return var_ ? var_->type : cst_ ? cst_->type : nullptr; }
  bool operator==(const LLValue &o) const { return var_ == o.var_ && cst_ == o.cst_; }

private:
  LLVariable *var_ = nullptr;
  const LLConstant *cst_ = nullptr;
};

struct LLOperation {
  LLOp op;
  std::vector<LLValue> args;
  LLVariable *result = nullptr; // always present; Void-typed for no value
  SrcLoc loc;
};

struct LLBlock;

struct LLLink {
  std::vector<LLValue> args; // one per target->inputargs, same types
  LLBlock *target = nullptr;
  LLBlock *prevblock = nullptr;
  /// Bool/Signed/Char case of a VALUE switch (null: the default exit), or
  /// the exception class (a Ptr to its vtable) of an exception link.
  const LLConstant *exitcase = nullptr;
  LLVariable *lastException = nullptr; // exception links only
  LLVariable *lastExcValue = nullptr;
  bool isException() const { return lastException != nullptr; }
};

enum class LLSwitch : uint8_t {
  NONE,           // at most one exit, unconditional
  VALUE,          // on a Bool (exits False, True) or a Signed/Char (cases)
  LAST_EXCEPTION, // last op can raise: exits[0] normal, then exception links
};

struct LLBlock {
  std::vector<LLVariable *> inputargs;
  std::vector<LLOperation> operations;
  LLSwitch switchKind = LLSwitch::NONE;
  LLValue exitswitch; // set when switchKind == VALUE
  std::vector<LLLink *> exits;
  bool isFinal() const { return exits.empty(); }
};

struct LLParam {
  std::string hint;
  const LLType *type = nullptr;
};

/// One function's low-level graph; owns everything it refers to except types.
class LLGraph {
public:
  /// Makes the start block (one inputarg per parameter, ids 0..n-1), the
  /// return block (one inputarg of `result`) and the except block (etype: a
  /// Ptr to the vtable struct, evalue: a Ptr to the instance struct).
  LLGraph(std::string name, const std::vector<LLParam> &params, const LLType *result,
          const LLType *etype, const LLType *evalue);
  LLGraph(const LLGraph &) = delete;
  LLGraph &operator=(const LLGraph &) = delete;

  std::string name;
  LLBlock *startblock = nullptr;
  LLBlock *returnblock = nullptr;
  LLBlock *exceptblock = nullptr;

  const LLType *resultType() const { return returnblock->inputargs[0]->type; }
  /// FuncType of this graph (parameter types -> result type).
  const LLType *funcType(TypeContext &ctx) const;

  LLVariable *newVar(const LLType *type, std::string hint = {});
  LLBlock *newBlock(std::vector<LLVariable *> inputargs = {});
  LLLink *newLink(LLBlock *from, LLBlock *to, std::vector<LLValue> args = {},
                  const LLConstant *exitcase = nullptr);
  /// Appends `op(args)` to `b` with a fresh result of `resultType`.
  LLVariable *addOp(LLBlock *b, LLOp op, std::vector<LLValue> args,
                    const LLType *resultType, SrcLoc loc = {});
  const LLConstant *constant(const LLType *type, LLConstant::Payload value);
  uint32_t variableCount() const { return uint32_t(vars_.size()); }

  /// Reachable blocks: depth-first preorder from the start block following
  /// exits in order, then the return and the except block (in that order).
  std::vector<LLBlock *> blocks() const;
  /// Every link leaving a reachable block, in blocks() order.
  std::vector<LLLink *> links() const;

private:
  std::deque<LLVariable> vars_;
  std::deque<LLBlock> blocks_;
  std::deque<LLLink> links_;
  std::deque<LLConstant> consts_;
};

// --- typing rules (lloptype.cpp) -------------------------------------------

/// Checks one operation against its llops.def row and check rule: operand
/// count and kinds, Void constants' payloads, field and item types, call
/// signatures, and the result's type. Returns "" or one message.
std::string checkOpTypes(const LLOperation &op);

// --- printing (llprint.cpp) -------------------------------------------------

/// The golden text form of a graph (format: llprint.cpp's header comment).
std::string printLLGraph(const LLGraph &g);
/// How an operand prints: `hint_N` / `vN`, or the constant's literal.
std::string printLLValue(const LLValue &v);
/// A variable's name alone: `hint_N` or `vN`.
std::string printLLVar(const LLVariable *v);

// --- checking (llverify.cpp) ------------------------------------------------

/// Every structural, SSA and typing invariant of the header comment; one
/// message per line, empty when valid. Violations are internal bugs.
std::string verifyLLGraph(const LLGraph &g);

} // namespace lathe::rtyper
