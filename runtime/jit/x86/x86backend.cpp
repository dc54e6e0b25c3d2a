//===- x86backend.cpp - Backend `x86`: compile, map W^X, run, decode ------===//
// See x86backend.h. The recipe of compile(): check every op is supported →
// copy the pointer constants into a GC-visible table the code owns → emit
// the function (x86emit*.cpp) → register allocation and encoding (asmjit's
// finalize) → map RW, copy, flip to RX. run() fills a GC-visible frame,
// calls the code and decodes the exit code into an InterpResult exactly as
// interp builds it (which op ended the run, the guard, the label, the values,
// the error text).
//===----------------------------------------------------------------------===//
#include "jit/x86/x86backend.h"
#include <sys/mman.h>
#include <unistd.h>
#include <algorithm>
#include "jit/x86/x86emit.h"

namespace lathe::jit {

namespace {

namespace aj = asmjit;

/// Keeps asmjit's first error (asmjit reports through a handler, not exceptions).
class FirstError : public aj::ErrorHandler {
 public:
  void handleError(aj::Error err, const char* message, aj::BaseEmitter*) override {
    if (error_ == aj::kErrorOk) {
      error_ = err;
      message_ = message;
    }
  }
  bool failed() const { return error_ != aj::kErrorOk; }
  const std::string& message() const { return message_; }

 private:
  aj::Error error_ = aj::kErrorOk;
  std::string message_;
};

bool fail(std::string* whyNot, std::string why) {
  if (whyNot) *whyNot = std::move(why);
  return false;
}

/// W^X: the code is written into a private RW mapping which is then made
/// read+execute; it is never writable and executable at once.
void* mapCode(aj::CodeHolder& code, size_t& mapSize, size_t& codeSize, std::string* whyNot) {
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t estimate = code.codeSize();
  mapSize = (estimate + page - 1) / page * page;
  void* mem = mmap(nullptr, mapSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return fail(whyNot, "cannot map code memory"), nullptr;
  auto base = reinterpret_cast<uint64_t>(mem);
  if (code.relocateToBase(base) != aj::kErrorOk ||
      code.copyFlattenedData(mem, mapSize, aj::CopySectionFlags::kPadTargetBuffer) != aj::kErrorOk ||
      mprotect(mem, mapSize, PROT_READ | PROT_EXEC) != 0) {
    munmap(mem, mapSize);
    return fail(whyNot, "cannot relocate or protect the code"), nullptr;
  }
  codeSize = code.codeSize();
  return mem;
}

/// The number of frame words a run needs: entry values and exit values.
size_t frameWords(const Trace& t) {
  size_t n = std::max<size_t>(t.inputs.size(), 2);  // 2: error details
  for (const TraceOp& o : t.ops)
    if (o.op == Op::LABEL || o.op == Op::JUMP || o.op == Op::FINISH) n = std::max(n, o.args.size());
  for (const GuardDescr& g : t.guards) n = std::max(n, g.failArgs.size());
  return n;
}

}  // namespace

X86Code::~X86Code() {
  if (mem_) munmap(mem_, mapSize_);
}

std::unique_ptr<X86Code> X86Code::compile(const Trace& t, const DescrTable& descrs, std::string* whyNot,
                                          const X86Options& options) {
  for (uint32_t pc = 0; pc < t.ops.size(); pc++)
    if (const char* why = x86Unsupported(t.ops[pc].op))
      return fail(whyNot, "op " + std::to_string(pc) + ": " + why), nullptr;
  if (t.ops.empty()) return fail(whyNot, "empty trace"), nullptr;
  if (frameWords(t) > kX86FrameCap)
    return fail(whyNot, "needs " + std::to_string(frameWords(t)) + " frame words (the cap is " +
                            std::to_string(kX86FrameCap) + ")"),
           nullptr;
  for (const TraceOp& o : t.ops)
    if (o.op == Op::GUARD_NOT_INVALIDATED && !options.invalidated)
      return fail(whyNot, "guard_not_invalidated without an invalidation flag"), nullptr;

  std::unique_ptr<X86Code> c(new X86Code());
  c->descrs_ = &descrs;
  c->numInputs_ = t.inputs.size();
  c->frameWords_ = frameWords(t);
  c->owner_ = options.owner;
  c->options_ = options;
  c->options_.inlined.clear();
  c->bridgeSlots_.assign(t.guards.size(), 0);  // before emitting: the code embeds their addresses
  c->ptrConsts_.resize(t.numPtrConsts());  // before emitting: the code embeds its address
  for (uint32_t k = 0; k < t.numPtrConsts(); k++)
    c->ptrConsts_[k] = reinterpret_cast<uint64_t>(t.ptrConst(Ref::make(Ref::CONST_PTR, k)));
  for (uint32_t pc = 0; pc < t.ops.size(); pc++) {
    const TraceOp& o = t.ops[pc];
    c->ops_.push_back({o.op, o.descr, static_cast<uint32_t>(o.args.size())});
    if (o.op == Op::LABEL) c->labels_.push_back({o.descr, pc, static_cast<uint32_t>(o.args.size())});
    if (isGuard(o.op)) {
      c->guardOps_.resize(t.guards.size(), kNoOp);
      c->guardOps_[o.descr] = pc;
    }
  }
  for (const GuardDescr& g : t.guards) c->guardNumArgs_.push_back(static_cast<uint32_t>(g.failArgs.size()));

  aj::CodeHolder code;
  code.init(aj::Environment::host());
  FirstError errors;
  code.setErrorHandler(&errors);
  aj::x86::Compiler cc(&code);
  x86emit::EmitContext ctx{c->ptrConsts_.data(), c->bridgeSlots_.data(), c.get(), options};
  x86emit::TraceEmitter emitter(cc, t, descrs, ctx);
  if (!emitter.emitFunction(whyNot)) return nullptr;
  cc.finalize();
  if (errors.failed()) return fail(whyNot, "asmjit: " + errors.message()), nullptr;
  code.flatten();
  code.resolveUnresolvedLinks();
  c->mem_ = mapCode(code, c->mapSize_, c->codeSize_, whyNot);
  if (!c->mem_) return nullptr;
  c->fn_ = reinterpret_cast<X86TraceFn>(c->mem_);
  return c;
}

// --- running --------------------------------------------------------------------------

namespace {
InterpResult errorResult(uint32_t op, std::string why) {
  InterpResult r;
  r.exit = InterpResult::Exit::ERROR;
  r.op = op;
  r.error = std::move(why);
  return r;
}
}  // namespace

InterpResult X86Code::run(std::span<const Value> inputs) const {
  if (inputs.size() != numInputs_)
    return errorResult(kNoOp, "the trace takes " + std::to_string(numInputs_) + " inputs, got " +
                                  std::to_string(inputs.size()));
  return enter(0, inputs);
}

InterpResult X86Code::runFromLabel(uint32_t label, std::span<const Value> values) const {
  for (uint32_t k = 0; k < labels_.size(); k++) {
    if (labels_[k].descr != label) continue;
    if (labels_[k].numArgs != values.size())
      return errorResult(labels_[k].op, "the label takes " + std::to_string(labels_[k].numArgs) + " values, got " +
                                            std::to_string(values.size()));
    return enter(k + 1, values);
  }
  return errorResult(kNoOp, "no label " + descrs_->name(label) + " in this trace");
}

uint32_t X86Code::entryOf(uint32_t loop) const {
  for (uint32_t k = 0; k < labels_.size(); k++)
    if (labels_[k].descr == loop) return k + 1;
  return 0;
}

void X86Code::attachBridge(uint32_t g, const X86Code& bridge) {
  // (A guard with virtuals too: the bridge takes its fail args as they are
  // and allocates the virtuals itself, Recorder::bridgePrologue.)
  bridgeSlots_[g] = reinterpret_cast<uint64_t>(bridge.fn_);
}

InterpResult X86Code::enter(uint32_t entry, std::span<const Value> values) const {
  RootTable frame(kX86FrameHeader + kX86FrameCap);  // GC-visible while the code runs and after
  uint64_t* f = &frame[kX86FrameHeader];
  for (size_t k = 0; k < values.size(); k++) f[k] = values[k].bits;
  uint32_t code = fn_(f, entry);
  // A patched bridge may have taken the exit: decode with the code that did.
  const X86Code* who = reinterpret_cast<const X86Code*>(f[-1]);
  return (who ? who : this)->decode(code, f);
}

InterpResult X86Code::decode(uint32_t code, const uint64_t* frame) const {
  InterpResult r;
  uint32_t numValues = 0;
  if (code == kX86ExitFinish || code == kX86ExitJump) {
    r.exit = code == kX86ExitFinish ? InterpResult::Exit::FINISH : InterpResult::Exit::JUMP;
    r.op = static_cast<uint32_t>(ops_.size() - 1);
    if (code == kX86ExitJump) r.label = ops_.back().descr;
    numValues = ops_.back().numArgs;
  } else if (code & kX86ExitError) {
    return errorResult(code & kX86ErrorOpMask, errorText(code, frame));
  } else {
    r.exit = InterpResult::Exit::GUARD_FAILED;
    r.guard = code;
    r.op = guardOps_[code];
    numValues = guardNumArgs_[code];
  }
  for (uint32_t k = 0; k < numValues; k++) r.values.push(frame[k]);
  return r;
}

// interp's messages, word for word.
std::string X86Code::errorText(uint32_t code, const uint64_t* frame) const {
  uint32_t pc = code & kX86ErrorOpMask;
  Op op = ops_[pc].op;
  auto why = static_cast<X86Error>((code & ~kX86ExitError) >> 24);
  std::string text;
  auto num = [&](size_t k) { return std::to_string(static_cast<int64_t>(frame[k])); };
  bool isString = op == Op::STRLEN || op == Op::STRGETITEM;
  switch (why) {
    case X86Error::NULL_BASE:
      if (op == Op::GETFIELD_I || op == Op::GETFIELD_R || op == Op::GETFIELD_F) text = "null object reading " + descrs_->field(ops_[pc].descr).name;
      else if (op == Op::SETFIELD) text = "null object writing " + descrs_->field(ops_[pc].descr).name;
      else text = isString ? "null string" : "null array";
      break;
    case X86Error::BAD_INDEX:
      text = "index " + num(0) + " out of bounds" + (isString ? "" : " (length " + num(1) + ")");
      break;
    case X86Error::BAD_LENGTH: text = "bad array length " + num(0); break;
  }
  return "op " + std::to_string(pc) + " (" + opName(op) + "): " + text;
}

}  // namespace lathe::jit
