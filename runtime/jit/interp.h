//===- interp.h - Backend `interp`: executes trace IR ----------------------===//
// DESIGN §6: the reference backend. Runs a trace on concrete values — the
// semantics every optimizer pass and the x86 backend are checked against.
// Input: a verified trace, its DescrTable, input values. Output: how the
// trace left (finish, a failing guard, or an error) and the values it
// handed back. Memory ops touch real memory through the descriptors' offsets
// and kinds; calls go through CallDescr function pointers; allocation
// through ll_malloc; exceptions through the runtime's state (llexc.h).
//
// GC: the value frame and the returned values are RootTables, so objects
// that only the running trace holds (fresh `new`s, call results) stay alive.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include "jit/gcroots.h"
#include "jit/trace.h"

namespace lathe::jit {

/// One trace value: an int64, a double or a pointer, in 64 bits.
struct Value {
  uint64_t bits = 0;
  static Value i(int64_t v) { return Value{static_cast<uint64_t>(v)}; }
  static Value f(double v) {
    Value r;
    std::memcpy(&r.bits, &v, sizeof v);
    return r;
  }
  static Value r(const void* p) { return Value{reinterpret_cast<uint64_t>(p)}; }
  int64_t asInt() const { return static_cast<int64_t>(bits); }
  double asFloat() const {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  void* asRef() const { return reinterpret_cast<void*>(bits); }
};

struct InterpOptions {
  /// Stop with an error after this many ops (0 = no limit): a guard-less
  /// loop must not hang a test.
  uint64_t maxSteps = 0;
  /// guard_not_invalidated fails while *invalidated is true (null = never).
  const bool* invalidated = nullptr;
  /// Deopt torture (LATHE_JIT fail_guards=N): every N-th guard check, counted
  /// in *guardChecks across runs, fails as if its condition were false
  /// (0 = never). A guard_exception forced to fail leaves the exception pending.
  uint64_t failGuards = 0;
  uint64_t* guardChecks = nullptr;
  /// A spurious failure on purpose (tests of guard widening): the
  /// `failNth`-th check (from 1) of a guard named `failName`, or a copy of
  /// it (`failName.1` ...), fails as if its condition were false.
  std::string failName = {};
  uint64_t failNth = 0;
};

/// How a run of a trace ended.
struct InterpResult {
  /// JUMP: a jump to a label that is not in this trace (a bridge going back
  /// to its loop, a loop entering another): `label` is its LoopDescr and
  /// `values` the jump's operands; the caller continues in the trace that
  /// holds the label (runTraceFromLabel).
  enum class Exit { FINISH, GUARD_FAILED, JUMP, ERROR };
  Exit exit = Exit::ERROR;
  uint32_t op = kNoOp;        ///< index of the op that ended the run
  uint32_t guard = kNoDescr;  ///< GUARD_FAILED: index into trace.guards
  uint32_t label = kNoDescr;  ///< JUMP: the target LoopDescr
  RootTable values;           ///< finish's operands, or the guard's fail args
  std::string error;          ///< ERROR: what went wrong
  uint64_t steps = 0;         ///< ops executed

  Value value(size_t k) const { return Value{values[k]}; }
};

/// Runs `t` from its first op with `inputs` (one per trace input). A pending
/// exception after a failing guard is left pending for the caller (resume).
InterpResult runTrace(const Trace& t, const DescrTable& descrs, std::span<const Value> inputs,
                      const InterpOptions& opts = {});

/// Runs `t` from just after its label with LoopDescr `label`, the label's
/// arguments set to `values` (other slots start as 0). An ERROR when `t`
/// has no such label or the count differs.
InterpResult runTraceFromLabel(const Trace& t, const DescrTable& descrs, uint32_t label,
                               std::span<const Value> values, const InterpOptions& opts = {});

}  // namespace lathe::jit
