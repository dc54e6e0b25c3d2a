//===- x86backend.h - Backend `x86`: trace IR to x86-64 machine code ------===//
// DESIGN §6, issue 6. Compiles a verified trace into one native function
// with asmjit's x86::Compiler (which allocates the registers) and runs it,
// giving exactly the InterpResult the reference backend (interp.h) gives —
// interp is this backend's oracle (tests/jit/x86_test.cpp).
//
// Calling convention of the compiled code (see X86TraceFn):
//
//   uint32_t trace(uint64_t* frame, uint32_t entry)
//
//   frame  in:  the trace's inputs (entry 0) or the label's arguments
//               (entry k+1 = the k-th label of the trace, in op order),
//               one 64-bit word each (ints, pointers, doubles' bits);
//          out: the exit's values — finish's or jump's operands, or the
//               failing guard's fail args — from frame[0] on; error exits
//               leave their details in frame[0], frame[1].
//   result the exit code (below).
//
// Guards branch to cold stubs at the end of the function that store the
// fail args and go to one tail shared by the trace's guards: it returns the
// guard's index — or, once a bridge is attached to the guard
// (attachBridge), calls the bridge in the same frame; when the bridge ends
// by jumping to a label of the calling trace, the tail loads the label's
// arguments and the loop goes on, all in machine code. (A guard whose
// resume data has virtuals passes their fields as fail args; a bridge
// allocates the virtuals itself, Recorder::bridgePrologue.) A jump
// to a label of the same trace loops in machine code; a jump to any other
// label exits (the driver enters the trace holding it).
//
// Memory: the code lives in its own mapping, written while RW and then
// flipped to RX (W^X; never writable and executable at once). Pointer
// constants are loaded from a GC-visible RootTable the code owns, never
// embedded in instructions, so the collector sees (and keeps) them.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>
#include "jit/gcroots.h"
#include "jit/interp.h"
#include "jit/trace.h"

namespace lathe::jit {

/// The compiled function (see the file comment).
using X86TraceFn = uint32_t (*)(uint64_t* frame, uint32_t entry);

/// The two words before frame[0], written by every exit: frame[-1] the
/// X86Code that took it (a patched bridge's exit reaches the caller
/// through the guard that called it), frame[-2] a jump's LoopDescr.
inline constexpr size_t kX86FrameHeader = 2;
/// Frame words after the header. Every run gets this many (bridges run in
/// their caller's frame); a trace that needs more is refused (interp runs it).
inline constexpr size_t kX86FrameCap = 1024;

class X86Code;

/// A bridge compiled into the code of the trace it hangs off (a trace
/// tree in one function; X86Options::inlined): the bridge's trace, its own
/// compiled code — whose constants, bridge slots and identity the inlined
/// copy uses, so its exits are its own — and, per guard of the bridge, the
/// bridge inlined there in turn (or null).
struct X86InlineBridge {
  const Trace* trace = nullptr;
  const X86Code* code = nullptr;
  std::vector<const X86InlineBridge*> byGuard;
};

/// How a trace is compiled beyond its ops (the driver's part).
struct X86Options {
  /// guard_not_invalidated fails once *invalidated is true (null: the trace
  /// cannot compile guard_not_invalidated).
  const bool* invalidated = nullptr;
  /// fail_guards (testing): every guard first decrements *failCountdown and
  /// fails when it reaches 0, resetting it to failEvery. 0: off.
  uint64_t failEvery = 0;
  uint64_t* failCountdown = nullptr;
  /// Opaque back pointer for the driver (its CompiledTrace).
  void* owner = nullptr;
  /// Counts the calls of bridges through guard slots (null: none), so
  /// the driver sees which trees run their bridges often.
  uint64_t* bridgeCalls = nullptr;
  /// Per guard of the trace: a bridge to compile into this code, on the
  /// guard's failure branch, or null (empty: none). A guard failing goes
  /// straight into the bridge's instructions, its fail args in registers,
  /// and the bridge's jump to a label of this trace is a jump in the same
  /// function: no frame stores, no call. The bridges' X86Codes must
  /// outlive this code.
  std::vector<const X86InlineBridge*> inlined;
};

/// Exit codes returned by an X86TraceFn:
///
///   0 .. 0x3fffffff    a guard failed: its index in trace.guards
///   kX86ExitFinish     the trace's finish
///   kX86ExitJump       its jump to a label outside the trace
///   kX86ExitError | reason << 24 | op
///                      an op met a null base, a bad index or array length
///                      (interp stops with an ERROR there too)
inline constexpr uint32_t kX86ExitFinish = 0xffffffffu;
inline constexpr uint32_t kX86ExitJump = 0xfffffffeu;
inline constexpr uint32_t kX86ExitError = 0x80000000u;
/// Why an error exit was taken (bits 24..30 of the code).
enum class X86Error : uint32_t {
  NULL_BASE = 1,   ///< null object / array / string
  BAD_INDEX = 2,   ///< frame[0] = index, frame[1] = length
  BAD_LENGTH = 3,  ///< new_array: frame[0] = the length
};
inline constexpr uint32_t kX86ErrorOpMask = 0x00ffffffu;

/// The disassembly of `size` bytes of machine code at `code` (objdump's
/// Intel syntax, addresses as they run), or a one-line note saying why
/// there is none (x86disasm.cpp; the jit-disasm log).
std::string x86Disassemble(const void* code, size_t size);

/// Why `op` cannot be compiled yet, or null when the backend supports it.
const char* x86Unsupported(Op op);

/// A compiled trace: owns its executable memory and its pointer constants.
class X86Code {
 public:
  /// Compiles `t` (verified; `descrs` its table, which must outlive the
  /// code: it is the program's, shared by all its traces). Returns null and sets
  /// *whyNot (when given) for a trace this backend cannot compile yet
  /// (unsupported op, call without function) or when asmjit fails.
  static std::unique_ptr<X86Code> compile(const Trace& t, const DescrTable& descrs, std::string* whyNot,
                                          const X86Options& options = {});
  ~X86Code();
  X86Code(const X86Code&) = delete;
  X86Code& operator=(const X86Code&) = delete;

  /// Runs from the first op; the same result as interp's runTrace (except
  /// `steps`, which stays 0).
  InterpResult run(std::span<const Value> inputs) const;
  /// Runs from just after the label with LoopDescr `label`; interp's
  /// runTraceFromLabel.
  InterpResult runFromLabel(uint32_t label, std::span<const Value> values) const;

  /// The entry point and the size of the machine code (jit-backend log).
  X86TraceFn function() const { return fn_; }
  size_t codeSize() const { return codeSize_; }
  /// The entry that starts at the label with LoopDescr `loop` (k+1 for the
  /// k-th label), or 0 when the trace has no such label.
  uint32_t entryOf(uint32_t loop) const;
  void* owner() const { return owner_; }
  /// How many fail args guard `g` stores (all of them: a virtual's
  /// placeholder 0 and its fields' values too; materializeVirtuals() turns
  /// them into the frames' values) / a finish or jump exit stores.
  uint32_t guardNumArgs(uint32_t g) const { return guardNumArgs_[g]; }
  uint32_t exitNumArgs() const { return ops_.back().numArgs; }
  /// Attaches a bridge to guard `g`: from now on a failure of `g` calls the
  /// bridge's code in the same frame, and when the bridge jumps to one of
  /// this trace's labels the loop goes on in machine code. The guard's
  /// exit slot (data, not code: the code stays W^X) is what is patched.
  /// Guards with virtuals too: the bridge takes the fail args as they are.
  void attachBridge(uint32_t g, const X86Code& bridge);
  /// The error text of an error exit (interp's words), from the frame.
  std::string errorText(uint32_t code, const uint64_t* frame) const;
  /// What a copy of this code inlined into another's uses: the pointer
  /// constants, the bridge slots, the options it was compiled with.
  const uint64_t* ptrPool() const { return ptrConsts_.data(); }
  const uint64_t* bridgeSlotTable() const { return bridgeSlots_.data(); }
  const X86Options& options() const { return options_; }

 private:
  X86Code() = default;
  InterpResult enter(uint32_t entry, std::span<const Value> values) const;
  InterpResult decode(uint32_t code, const uint64_t* frame) const;

  // What decoding an exit needs from the trace (the code does not keep the
  // Trace itself alive).
  struct Label {
    uint32_t descr, op, numArgs;
  };
  struct OpSummary {
    Op op;
    uint32_t descr;
    uint32_t numArgs;
  };
  std::vector<OpSummary> ops_;
  std::vector<uint32_t> guardOps_;      // guard index -> op index
  std::vector<uint32_t> guardNumArgs_;  // guard index -> number of fail args
  std::vector<Label> labels_;           // in op order (entry k+1)
  const DescrTable* descrs_ = nullptr;  // names in error texts
  size_t numInputs_ = 0;
  size_t frameWords_ = 0;
  RootTable ptrConsts_;  // the trace's ConstPtr values; the code loads them from here
  std::vector<uint64_t> bridgeSlots_;  // per guard: the attached bridge's entry, or 0
  void* owner_ = nullptr;
  X86Options options_;  // as compiled, without `inlined`

  void* mem_ = nullptr;  // the RX mapping
  size_t mapSize_ = 0;
  size_t codeSize_ = 0;
  X86TraceFn fn_ = nullptr;
};

}  // namespace lathe::jit
