//===- x86emit.cpp - Trace to x86-64: recipe, values, exits, control ------===//
// See x86emit.h. The function's shape:
//
//   entry:   overflow = 0; entry != 0 -> label entries (cold)
//            inputs <- frame[0..n)
//   body:    one group of instructions per op, in trace order; a `label`
//            binds an asm label, a `jump` to it does a parallel move into the
//            label's argument registers and branches back
//   cold:    guard stubs (fail args -> frame, guard index -> the tail they
//            share, which calls a patched bridge or returns the index),
//            error stubs, label entries (label args <- frame, jump to the label)
//===----------------------------------------------------------------------===//
#include "jit/x86/x86emit.h"
#include <cassert>
#include <algorithm>
#include <cstring>

namespace lathe::jit {

const char* x86Unsupported(Op op) {
  switch (op) {
    case Op::GUARD_NOT_INVALIDATED:
    case Op::INT_ADD: case Op::INT_SUB: case Op::INT_MUL: case Op::INT_FLOORDIV: case Op::INT_MOD:
    case Op::INT_AND: case Op::INT_OR: case Op::INT_XOR: case Op::INT_LSHIFT: case Op::INT_RSHIFT:
    case Op::INT_NEG: case Op::INT_INVERT: case Op::INT_LT: case Op::INT_LE: case Op::INT_EQ:
    case Op::INT_NE: case Op::INT_GT: case Op::INT_GE: case Op::INT_IS_TRUE:
    case Op::INT_ADD_OVF: case Op::INT_SUB_OVF: case Op::INT_MUL_OVF:
    case Op::UINT_LT: case Op::UINT_LE: case Op::UINT_GE: case Op::UINT_GT: case Op::UINT_RSHIFT:
    case Op::UINT_FLOORDIV: case Op::UINT_MOD:
    case Op::FLOAT_ADD: case Op::FLOAT_SUB: case Op::FLOAT_MUL: case Op::FLOAT_TRUEDIV:
    case Op::FLOAT_NEG: case Op::FLOAT_ABS: case Op::FLOAT_LT: case Op::FLOAT_LE: case Op::FLOAT_EQ:
    case Op::FLOAT_NE: case Op::FLOAT_GT: case Op::FLOAT_GE:
    case Op::CAST_INT_TO_FLOAT: case Op::CAST_FLOAT_TO_INT:
    case Op::SAME_AS_I: case Op::SAME_AS_R: case Op::SAME_AS_F: case Op::PTR_EQ: case Op::PTR_NE:
    case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: case Op::SETFIELD:
    case Op::GETARRAYITEM_I: case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: case Op::SETARRAYITEM:
    case Op::ARRAYLEN: case Op::STRLEN: case Op::STRGETITEM:
    case Op::NEW: case Op::NEW_WITH_VTABLE: case Op::NEW_ARRAY:
    case Op::CALL_I: case Op::CALL_R: case Op::CALL_F: case Op::CALL_N:
    case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F:
    case Op::GUARD_TRUE: case Op::GUARD_FALSE: case Op::GUARD_VALUE: case Op::GUARD_CLASS:
    case Op::GUARD_NONNULL: case Op::GUARD_ISNULL: case Op::GUARD_NO_EXCEPTION: case Op::GUARD_EXCEPTION:
    case Op::GUARD_NO_OVERFLOW: case Op::GUARD_OVERFLOW:
    case Op::LABEL: case Op::JUMP: case Op::FINISH: case Op::DEBUG_MERGE_POINT:
      return nullptr;
  }
  return "unknown op";
}

namespace x86emit {

bool writesNoField(Op op);  // (below, with forgetLoads)

TraceEmitter::TraceEmitter(ax::Compiler& cc, const Trace& t, const DescrTable& d, const EmitContext& ctx)
    : cc_(cc), t_(t), d_(d), ctx_(ctx), ptrPool_(ctx.ptrPool), nIn_(static_cast<uint32_t>(t.inputs.size())),
      gps_(t.inputs.size() + t.ops.size()), xmms_(t.inputs.size() + t.ops.size()), labelOf_(t.ops.size()),
      guardStubs_(t.guards.size()), nonNull_(t.inputs.size() + t.ops.size()),
      argUses_(t.inputs.size() + t.ops.size()), failUses_(t.inputs.size() + t.ops.size()),
      fusedValue_(t.inputs.size() + t.ops.size(), -1), deferredCond_(t.inputs.size() + t.ops.size(), -1),
      skip_(t.ops.size()), fusedCond_(t.ops.size(), -1) {
  auto counts = [&](Ref r) { return r.tag() == Ref::INPUT || r.tag() == Ref::OP; };
  for (const TraceOp& o : t.ops)
    for (Ref r : o.args)
      if (counts(r)) argUses_[slot(r)]++;
  for (const GuardDescr& g : t.guards)
    for (Ref r : g.failArgs)
      if (counts(r)) failUses_[slot(r)]++;
  // overflow_ is read only by a guard on the flag that is not its ovf op's
  // own jo (overflowOp); without one, nothing keeps the register up to date.
  for (size_t pc = 0; pc < t.ops.size(); pc++) {
    Op o = t.ops[pc].op;
    if (o != Op::GUARD_OVERFLOW && o != Op::GUARD_NO_OVERFLOW) continue;
    Op before = pc > 0 ? t.ops[pc - 1].op : Op::LABEL;
    bool fused = o == Op::GUARD_NO_OVERFLOW && !ctx.options.failEvery &&
                 (before == Op::INT_ADD_OVF || before == Op::INT_SUB_OVF || before == Op::INT_MUL_OVF);
    readsOverflow_ |= !fused;
  }
}

// The recipe: entry, body, cold stubs.
bool TraceEmitter::emitFunction(std::string* whyNot) {
  aj::FuncNode* fn = cc_.addFunc(aj::FuncSignatureT<uint32_t, uint64_t*, uint32_t>(aj::CallConvId::kHost));
  frame_ = cc_.newUIntPtr("frame");
  entry_ = cc_.newUInt32("entry");
  fn->setArg(0, frame_);
  fn->setArg(1, entry_);
  for (uint32_t pc = 0; pc < t_.ops.size(); pc++)
    if (op(pc).op == Op::LABEL) {
      labelOf_[pc] = cc_.newLabel();
      labelOps_.push_back(pc);
    }
  labelArgs_.resize(labelOps_.size());
  kept_.resize(labelOps_.size());
  labelEntry_.resize(labelOps_.size());
  labelBound_.assign(labelOps_.size(), false);
  if (!ctx_.options.inlined.empty()) inlined_ = &ctx_.options.inlined;
  emitEntry();
  if (!emitBody(whyNot)) return false;
  emitColdStubs();
  emitInlined(false);
  for (size_t j = 0; j < labelOps_.size(); j++)
    if (labelEntry_[j].isValid()) emitLabelEntryChecks(j);
  emitColdStubs();  // (the checks' error stubs)
  cc_.endFunc();
  if (inlineFailed_) {
    if (whyNot) *whyNot = inlineWhyNot_;
    return false;
  }
  return true;
}

bool TraceEmitter::emitBody(std::string* whyNot) {
  for (uint32_t pc = 0; pc < t_.ops.size(); pc++) {
    if (fusedCond_[pc] >= 0) {  // the guard of a fused compare: its branch, on the compare's flags
      cc_.emit(ax::Inst::jccFromCond(static_cast<ax::CondCode>(fusedCond_[pc])), guardExit(pc));
      noteLengthCheck(pc);
      continue;
    }
    if (!skip_[pc] && !emitOp(pc, whyNot)) return false;
    if (isGuard(op(pc).op)) noteLengthCheck(pc);
    if (isGuard(op(pc).op) && cold_.size() - coldDone_ >= kColdBatch) {
      // The stubs so far, jumped over: a fail arg's live range then ends
      // here, not at the end of the function. With every stub at the end,
      // each value a guard keeps lived to the end, and asmjit's register
      // allocation grew with values x blocks (minutes for a 4,000-op trace).
      aj::Label on = cc_.newLabel();
      cc_.jmp(on);
      emitColdStubs();
      emitInlined(true);
      cc_.bind(on);
    }
  }
  return true;
}

// --- bridges compiled into this function ------------------------------------------------

// A bridge is ready to be emitted once every label of the function it (or
// a bridge inlined in it) jumps to is bound: its jump moves values into
// the label's registers, which the label makes.
bool TraceEmitter::inlineReady(const X86InlineBridge& b) const {
  for (const TraceOp& o : b.trace->ops) {
    if (o.op != Op::JUMP) continue;
    uint32_t j = root_->labelIndex(o.descr);
    if (j != kNoOp && !root_->labelBound_[j]) return false;
  }
  for (const X86InlineBridge* c : b.byGuard)
    if (c && !inlineReady(*c)) return false;
  return true;
}

// A bridge's inputs are its guard's fail args as the guard hands them over
// (a virtual as its placeholder 0, the virtuals' fields as values), so
// inlined, its inputs are the values in their registers at the guard. It
// runs with its own constants, bridge slots and identity (its X86Code: its
// exits are its own), and when it jumps to a label of this function's
// trace, it enters it as any entry from outside does (labelEntryChecks).
void TraceEmitter::emitInlined(bool readyOnly) {
  for (size_t n = 0; n < pendingInline_.size(); n++) {  // (by index: emitting may not add more here)
    if (pendingInline_[n].done || (readyOnly && !inlineReady(*pendingInline_[n].bridge))) continue;
    pendingInline_[n].done = true;
    PendingInline p = pendingInline_[n];
    const X86Code& code = *p.bridge->code;
    EmitContext ctx{code.ptrPool(), code.bridgeSlotTable(), &code, code.options()};
    ctx.options.inlined.clear();
    TraceEmitter child(cc_, *p.bridge->trace, d_, ctx);
    child.root_ = root_;
    child.frame_ = frame_;
    child.inlined_ = &p.bridge->byGuard;
    child.inherited_ = &p.loads;
    child.parentRef_.assign(child.gps_.size(), Ref());
    for (size_t k = 0; k < p.failArgs.size() && k < child.nIn_; k++)
      if (p.failArgs[k].ref.tag() == Ref::OP || p.failArgs[k].ref.tag() == Ref::INPUT)
        child.parentRef_[k] = p.failArgs[k].ref;
    cc_.bind(p.at);
    std::vector<ax::Reg> inputs;
    for (const ExitValue& v : p.failArgs) {
      size_t k = inputs.size();
      if (k < child.nIn_ && child.argUses_[k] + child.failUses_[k] == 0) {
        inputs.emplace_back();  // an input the bridge never reads (a constant where it was traced)
      } else if (v.reg.isValid()) {  // (exitValues: none for a fused or deferred boolean, a virtual, a constant)
        inputs.push_back(v.reg);
      } else if (v.cond >= 0) {
        inputs.push_back(deferredBool(v));
      } else if (v.ref.tag() == Ref::OP && fusedValue_[slot(v.ref)] >= 0) {
        ax::Gp g = cc_.newInt64();
        cc_.mov(g, aj::Imm(fusedValue_[slot(v.ref)]));
        inputs.push_back(g);
      } else if (v.ref.isVirtual()) {
        ax::Gp g = cc_.newInt64();
        cc_.xor_(g.r32(), g.r32());
        inputs.push_back(g);
      } else if (t_.kindOf(v.ref) == Kind::FLOAT) {
        ax::Xmm x = cc_.newXmmSd();
        cc_.movapd(x, xmm(v.ref));
        inputs.push_back(x);
      } else {
        ax::Gp g = cc_.newInt64();
        cc_.mov(g, gp(v.ref));
        inputs.push_back(g);
      }
    }
    std::string why;
    if (!child.emitInline(inputs, &why)) {
      inlineFailed_ = true;
      inlineWhyNot_ = "inlined bridge: " + why;
    }
    if (child.inlineFailed_) {
      inlineFailed_ = true;
      inlineWhyNot_ = child.inlineWhyNot_;
    }
  }
}

bool TraceEmitter::emitInline(const std::vector<ax::Reg>& inputs, std::string* whyNot) {
  overflow_ = cc_.newInt64("overflow");
  if (readsOverflow_) cc_.xor_(overflow_.r32(), overflow_.r32());
  for (uint32_t k = 0; k < nIn_; k++) {
    if (!inputs[k].isValid()) continue;  // unused (emitInlined)
    if (t_.inputs[k] == Kind::FLOAT) {
      xmms_[k] = cc_.newXmmSd();
      if (inputs[k].isXmm()) cc_.movapd(xmms_[k], inputs[k].as<ax::Xmm>());
      else cc_.movq(xmms_[k], inputs[k].as<ax::Gp>());
    } else {
      gps_[k] = cc_.newInt64();
      if (inputs[k].isXmm()) cc_.movq(gps_[k], inputs[k].as<ax::Xmm>());
      else cc_.mov(gps_[k], inputs[k].as<ax::Gp>());
    }
  }
  if (!emitBody(whyNot)) return false;
  emitColdStubs();
  emitInlined(false);
  emitColdStubs();
  return true;
}

// --- values ---------------------------------------------------------------------------

ax::Gp TraceEmitter::address(const void* p) {
  ax::Gp r = cc_.newUIntPtr();
  cc_.mov(r, reinterpret_cast<uint64_t>(p));
  return r;
}

ax::Gp TraceEmitter::gp(Ref r) {
  switch (r.tag()) {
    case Ref::INPUT: case Ref::OP: return gps_[slot(r)];
    case Ref::CONST_INT: {
      ax::Gp g = cc_.newInt64();
      cc_.mov(g, t_.intConst(r));
      return g;
    }
    case Ref::CONST_PTR: {  // from the GC-visible pool, never an immediate
      ax::Gp g = address(&ptrPool_[r.index()]);
      cc_.mov(g, ax::qword_ptr(g));
      return g;
    }
    case Ref::CONST_FLOAT: {  // its bits (guard_value, stores)
      ax::Gp g = cc_.newInt64();
      double v = t_.floatConst(r);
      uint64_t bits;
      std::memcpy(&bits, &v, 8);
      cc_.mov(g, bits);
      return g;
    }
    case Ref::NONE: case Ref::VIRTUAL: break;
  }
  assert(false && "gp() of a void ref or a guard's virtual");
  return cc_.newInt64();
}

ax::Xmm TraceEmitter::xmm(Ref r) {
  if (r.tag() != Ref::CONST_FLOAT) return xmms_[slot(r)];
  ax::Xmm x = cc_.newXmmSd();
  cc_.movsd(x, cc_.newDoubleConst(aj::ConstPoolScope::kLocal, t_.floatConst(r)));
  return x;
}

aj::Operand TraceEmitter::gpOrImm(Ref r) {
  if (r.tag() == Ref::CONST_INT && aj::Support::isInt32(t_.intConst(r))) return aj::Imm(t_.intConst(r));
  return gp(r);
}

ax::Gp TraceEmitter::defGp(uint32_t pc) { return gps_[nIn_ + pc] = cc_.newInt64(); }
ax::Xmm TraceEmitter::defXmm(uint32_t pc) { return xmms_[nIn_ + pc] = cc_.newXmmSd(); }

void TraceEmitter::storeWord(const ax::Mem& m, Ref r) {
  if (r.tag() == Ref::CONST_INT && aj::Support::isInt32(t_.intConst(r))) {
    cc_.mov(m, aj::Imm(t_.intConst(r)));
  } else if (t_.kindOf(r) == Kind::FLOAT && !r.isConst()) {
    cc_.movsd(m, xmm(r));
  } else {
    cc_.mov(m, gp(r));
  }
}

// --- exits ----------------------------------------------------------------------------

// The stub is emitted after the body, but the values are the ones live at
// the exit: their registers are looked up now (a later label gives its
// arguments new registers).
std::vector<TraceEmitter::ExitValue> TraceEmitter::exitValues(const std::vector<Ref>& refs) const {
  std::vector<ExitValue> values;
  for (Ref r : refs) {
    ExitValue v{r, {}};
    if (r.tag() == Ref::OP && deferredCond_[slot(r)] >= 0) {
      const TraceOp& c = op(r.index());
      v.cond = deferredCond_[slot(r)];
      v.lhs = gps_[slot(c.args[0])];
      v.rhs = c.args[1].isConst() ? aj::Operand(aj::Imm(t_.intConst(c.args[1]))) : aj::Operand(gps_[slot(c.args[1])]);
    } else if ((r.tag() == Ref::INPUT || r.tag() == Ref::OP) && fusedValue_[slot(r)] < 0) {
      v.reg = t_.kindOf(r) == Kind::FLOAT ? ax::Reg(xmms_[slot(r)]) : ax::Reg(gps_[slot(r)]);
    }
    values.push_back(v);
  }
  return values;
}

ax::Gp TraceEmitter::deferredBool(const ExitValue& v) {
  ax::Gp g = zeroed(cc_.newInt64());
  cc_.emit(ax::Inst::kIdCmp, v.lhs, v.rhs);
  setBool(g, static_cast<ax::CondCode>(v.cond));
  return g;
}

aj::Label TraceEmitter::exitStub(uint32_t code, const std::vector<Ref>& values, uint32_t guard, uint32_t jumpTarget) {
  aj::Label l = cc_.newLabel();
  std::vector<ExitValue> sources = exitValues(values);
  cold_.push_back([this, l, code, guard, jumpTarget, sources = std::move(sources)] {
    cc_.bind(l);
    for (size_t k = 0; k < sources.size(); k++) {
      const ExitValue& v = sources[k];
      if (v.cond >= 0)
        cc_.mov(frameWord(k), deferredBool(v));
      else if (v.ref.tag() == Ref::OP && fusedValue_[slot(v.ref)] >= 0)
        cc_.mov(frameWord(k), aj::Imm(fusedValue_[slot(v.ref)]));
      else if (v.ref.isVirtual()) cc_.mov(frameWord(k), aj::Imm(0));  // a placeholder: materialised later (virtuals.h)
      else if (v.ref.isConst()) storeWord(frameWord(k), v.ref);
      else if (t_.kindOf(v.ref) == Kind::FLOAT) cc_.movsd(frameWord(k), v.reg.as<ax::Xmm>());
      else cc_.mov(frameWord(k), v.reg.as<ax::Gp>());
    }
    if (guard != kNoOp) {  // the rest is the same for every guard
      cc_.mov(guardIndex(), aj::Imm(guard));
      cc_.jmp(guardTail());
      return;
    }
    ax::Gp self = address(ctx_.self);
    cc_.mov(ax::qword_ptr(frame_, -8), self);
    if (jumpTarget != kNoDescr) cc_.mov(ax::qword_ptr(frame_, -16), aj::Imm(jumpTarget));
    ax::Gp r = cc_.newUInt32();
    cc_.mov(r, code);
    cc_.ret(r);
  });
  return l;
}

ax::Gp TraceEmitter::guardIndex() {
  if (!guardIndex_.isValid()) guardIndex_ = cc_.newUIntPtr("guard");
  return guardIndex_;
}

// The tail every guard's stub jumps to, with the guard's index in
// guardIndex_ (its fail args already in the frame), emitted once:
//   slot = bridgeSlots[g]; if (slot) { code = slot(frame, 0);
//     if (code == JUMP && frame[-2] is label j of this trace) { label j's
//     args <- frame; goto label j } else return code }   (the bridge's own
//   exit marks the frame)
//   frame[-1] = this code; return g
// One copy rather than one per stub: asmjit's register allocation grows
// with blocks x virtual registers, and this code is several blocks (one
// per label) and registers — per guard, it made the x86 compile time of a
// long trace quadratic in practice (a 6,800-op Python VM loop: over 20 s).
aj::Label TraceEmitter::guardTail() {
  if (guardTail_.isValid()) return guardTail_;
  guardTail_ = cc_.newLabel();
  ax::Gp g = guardIndex();
  cold_.push_back([this, g] {
    cc_.bind(guardTail_);
    aj::Label none = cc_.newLabel();
    ax::Gp target = cc_.newUIntPtr("bridge");
    cc_.mov(target, address(ctx_.bridgeSlots));
    cc_.mov(target, ax::qword_ptr(target, g, 3));
    cc_.test(target, target);
    cc_.jz(none);
    if (ctx_.options.bridgeCalls) cc_.add(ax::qword_ptr(address(ctx_.options.bridgeCalls)), 1);
    aj::InvokeNode* call;
    cc_.invoke(&call, target, aj::FuncSignatureT<uint32_t, uint64_t*, uint32_t>(aj::CallConvId::kHost));
    ax::Gp zero = cc_.newUInt32();
    cc_.xor_(zero, zero);
    call->setArg(0, frame_);
    call->setArg(1, zero);
    ax::Gp code = cc_.newUInt32("code");
    call->setRet(0, code);
    aj::Label leave = cc_.newLabel();
    cc_.cmp(code, kX86ExitJump);
    cc_.jne(leave);
    for (size_t j = 0; j < root_->labelOps_.size(); j++) {  // (an inlined bridge's: the function's labels)
      aj::Label next = cc_.newLabel();
      cc_.cmp(ax::qword_ptr(frame_, -16), aj::Imm(root_->op(root_->labelOps_[j]).descr));
      cc_.jne(next);
      root_->enterLabelFromFrame(j);
      cc_.bind(next);
    }
    cc_.bind(leave);
    cc_.ret(code);
    cc_.bind(none);
    ax::Gp self = address(ctx_.self);
    cc_.mov(ax::qword_ptr(frame_, -8), self);
    ax::Gp r = cc_.newUInt32();
    cc_.mov(r, g.r32());
    cc_.ret(r);
  });
  return guardTail_;
}

void TraceEmitter::enterLabelFromFrame(size_t j) {
  for (size_t k = 0; k < labelArgs_[j].size(); k++) {
    const ax::Reg& r = labelArgs_[j][k];
    if (r.isXmm()) cc_.movsd(r.as<ax::Xmm>(), frameWord(k));
    else cc_.mov(r.as<ax::Gp>(), frameWord(k));
  }
  cc_.jmp(labelEntryChecks(j));
}

aj::Label TraceEmitter::labelEntryChecks(size_t j) {
  if (!labelEntry_[j].isValid()) labelEntry_[j] = cc_.newLabel();
  return labelEntry_[j];
}

// In the order of the ops relying on them, so that the error is the first
// one the code after the label would have met.
void TraceEmitter::emitLabelEntryChecks(size_t j) {
  cc_.bind(labelEntry_[j]);
  const std::vector<Ref>& params = op(labelOps_[j]).args;
  auto reg = [&](Ref r) -> ax::Gp {  // the register the code after the label reads r from
    if (r.isConst()) return gp(r);
    for (size_t k = params.size(); k-- > 0;)
      if (params[k] == r) return labelArgs_[j][k].as<ax::Gp>();
    assert(false && "a kept fact about a value that is not a label argument");
    return gp(r);
  };
  std::vector<const KeptFact*> order;
  for (const KeptFact& f : kept_[j])
    if (f.consumer != kNoOp) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(),
                   [](const KeptFact* a, const KeptFact* b) { return a->consumer < b->consumer; });
  for (const KeptFact* f : order) {
    ax::Gp base = reg(f->obj);
    if (!f->obj.isConst()) {
      cc_.test(base, base);
      cc_.jz(errorExit(f->consumer, X86Error::NULL_BASE));
    }
    if (f->index.tag() == Ref::NONE) continue;
    ax::Gp index = reg(f->index), length = cc_.newInt64();
    cc_.mov(length, ax::qword_ptr(base, f->lengthOffset));
    cc_.cmp(index, length);
    cc_.jae(errorExit(f->consumer, X86Error::BAD_INDEX, index, length));
  }
  cc_.jmp(labelOf_[labelOps_[j]]);
}

void TraceEmitter::failCountdown(uint32_t pc) {
  if (!ctx_.options.failEvery) return;
  aj::Label pass = cc_.newLabel();
  ax::Gp counter = address(ctx_.options.failCountdown);
  cc_.sub(ax::qword_ptr(counter), 1);
  cc_.jnz(pass);
  cc_.mov(ax::qword_ptr(counter), aj::Imm(static_cast<int64_t>(ctx_.options.failEvery)));
  cc_.jmp(guardExit(pc));
  cc_.bind(pass);
}

aj::Label TraceEmitter::guardExit(uint32_t pc) {
  uint32_t g = op(pc).descr;
  if (guardStubs_[g].isValid()) return guardStubs_[g];
  if (inlined_ && g < inlined_->size() && (*inlined_)[g]) {
    guardStubs_[g] = cc_.newLabel();
    PendingInline p{guardStubs_[g], (*inlined_)[g], exitValues(t_.guards[g].failArgs)};
    for (KnownLoad k : knownLoads_) {
      k.reg = t_.kindOf(k.val) == Kind::FLOAT ? ax::Reg(xmms_[slot(k.val)]) : ax::Reg(gps_[slot(k.val)]);
      k.nonNull = knownNonNull(k.val);
      p.loads.push_back(k);
    }
    pendingInline_.push_back(std::move(p));
  } else {
    guardStubs_[g] = exitStub(g, t_.guards[g].failArgs, g);
  }
  return guardStubs_[g];
}

aj::Label TraceEmitter::errorExit(uint32_t pc, X86Error why, ax::Gp a, ax::Gp b) {
  aj::Label l = cc_.newLabel();
  cold_.push_back([this, l, pc, why, a, b] {
    cc_.bind(l);
    if (a.isValid()) cc_.mov(frameWord(0), a);
    if (b.isValid()) cc_.mov(frameWord(1), b);
    cc_.mov(ax::qword_ptr(frame_, -8), address(ctx_.self));  // (an inlined bridge's error is its own)
    ax::Gp r = cc_.newUInt32();
    cc_.mov(r, kX86ExitError | static_cast<uint32_t>(why) << 24 | pc);
    cc_.ret(r);
  });
  return l;
}

bool TraceEmitter::knownNonNull(Ref r) const {
  if (r.tag() == Ref::CONST_PTR) return ptrPool_[r.index()] != 0;
  return (r.tag() == Ref::INPUT || r.tag() == Ref::OP) && nonNull_[slot(r)];
}

void TraceEmitter::setNonNull(Ref r) {
  if (r.tag() == Ref::INPUT || r.tag() == Ref::OP) nonNull_[slot(r)] = true;
}

// Trace code is straight-line between labels and a guard or check leaves
// it when it fails, so a value checked once stays checked until the next
// label (where jumps bring in new values) — or beyond it (keepFacts).
void TraceEmitter::nullCheck(uint32_t pc, Ref r, const ax::Gp& base) {
  if (knownNonNull(r)) {
    if (curLabel_ != SIZE_MAX)
      for (size_t k = 0; k < kept_[curLabel_].size(); k++)
        if (kept_[curLabel_][k].obj == r && kept_[curLabel_][k].index.tag() == Ref::NONE) relyOnKept(k, pc);
    return;
  }
  cc_.test(base, base);
  cc_.jz(errorExit(pc, X86Error::NULL_BASE));
  setNonNull(r);
}

bool TraceEmitter::nonNullOnlyKept(Ref r) const {
  if (curLabel_ == SIZE_MAX) return false;
  for (const KeptFact& f : kept_[curLabel_])
    if (f.obj == r && f.index.tag() == Ref::NONE) return f.consumer == kNoOp;
  return false;
}

void TraceEmitter::relyOnKept(size_t k, uint32_t pc, int32_t lengthOffset) {
  KeptFact& f = kept_[curLabel_][k];
  if (f.consumer != kNoOp) return;
  f.consumer = pc;
  f.lengthOffset = lengthOffset;
}

// A fact true where the label is reached in trace order, about values the
// trace's own jumps to the label pass back unchanged, is true at every
// pass through the label from inside the trace: by induction, since these
// facts are about values only (null or not; an index below an array's
// length, which never changes). Keeping them drops the per-iteration null
// and bounds checks of a peeled loop's invariant arrays. Entries from
// outside (runFromLabel, a bridge jumping back) bring values of their own:
// they go through labelEntryChecks, which redo the checks the code after
// the label relies on — a value that fails one stops with that op's error
// before the loop runs, where the loop would have stopped with it at that
// op (the trace is wrong then: the optimizer proved those facts for every
// way into the label).
void TraceEmitter::keepFacts(uint32_t pc) {
  const TraceOp& l = op(pc);
  auto isValue = [](Ref r) { return r.tag() == Ref::INPUT || r.tag() == Ref::OP; };
  std::vector<bool> variant(nonNull_.size(), false);
  for (const TraceOp& o : t_.ops) {
    if (o.op != Op::JUMP || o.descr != l.descr || o.args.size() != l.args.size()) continue;
    for (size_t k = 0; k < l.args.size(); k++)
      if (o.args[k] != l.args[k] && isValue(l.args[k])) variant[slot(l.args[k])] = true;
  }
  auto invariant = [&](Ref r) {
    if (r.isConst()) return true;
    if (!isValue(r) || variant[slot(r)]) return false;
    return std::find(l.args.begin(), l.args.end(), r) != l.args.end();
  };
  std::vector<KeptFact> keep;
  for (Ref a : l.args)
    if (isValue(a) && nonNull_[slot(a)] && invariant(a) &&
        std::none_of(keep.begin(), keep.end(), [&](const KeptFact& f) { return f.obj == a; }))
      keep.push_back({a, Ref()});
  std::vector<std::pair<uint32_t, uint32_t>> items;
  for (auto [arr, idx] : checkedItems_) {
    Ref a{arr}, i{idx};
    if (!isValue(a) || !invariant(a) || !invariant(i)) continue;
    keep.push_back({a, i});
    items.push_back({arr, idx});
  }
  // Field reads stay known past a peeled loop's label (entered only from the
  // preamble and its own jump) when both values are invariant arguments
  // and the loop writes no such field and makes no call.
  bool peeled = d_.loop(l.descr).peeled;
  auto loopKeeps = [&](uint32_t descr) {
    for (uint32_t j = pc + 1; j < t_.ops.size(); j++) {
      const TraceOp& o = op(j);
      if (o.op == Op::SETFIELD ? o.descr == descr : !writesNoField(o.op)) return false;
    }
    return true;
  };
  std::erase_if(knownLoads_, [&](const KnownLoad& k) {
    return !peeled || !invariant(k.obj) || !invariant(k.val) || k.obj.isConst() || !loopKeeps(k.descr);
  });
  std::fill(nonNull_.begin(), nonNull_.end(), false);
  for (const KeptFact& f : keep) setNonNull(f.obj);
  lengthChecked_.clear();  // (the label's arguments are other values from here on)
  checkedItems_ = std::move(items);
  curLabel_ = labelIndex(l.descr);
  kept_[curLabel_] = std::move(keep);
}

bool TraceEmitter::flagNeutralStore(uint32_t pc) const {
  const TraceOp& o = op(pc);
  if (o.op == Op::SETFIELD) return knownNonNull(o.args[0]);
  if (o.op != Op::SETARRAYITEM || !knownNonNull(o.args[0])) return false;
  std::pair<uint32_t, uint32_t> key{o.args[0].bits, o.args[1].bits};
  return std::find(checkedItems_.begin(), checkedItems_.end(), key) != checkedItems_.end();
}

uint32_t TraceEmitter::fusedGuardOf(uint32_t pc) const {
  // (fail_guards fails guards whose test passed: the boolean is then not
  // the constant a fused stub would store.)
  if (ctx_.options.failEvery) return kNoOp;
  Ref me = Ref::make(Ref::OP, pc);
  if (argUses_[slot(me)] != 1) return kNoOp;
  uint32_t g = pc + 1;
  while (g < t_.ops.size() && (op(g).op == Op::DEBUG_MERGE_POINT || flagNeutralStore(g))) g++;
  if (g >= t_.ops.size()) return kNoOp;
  const TraceOp& guard = op(g);
  if ((guard.op != Op::GUARD_TRUE && guard.op != Op::GUARD_FALSE) || guard.args[0] != me) return kNoOp;
  uint32_t inGuard = 0;
  for (Ref r : t_.guards[guard.descr].failArgs) inGuard += r == me;
  return inGuard == failUses_[slot(me)] ? g : kNoOp;
}

void TraceEmitter::fusedGuardBranch(uint32_t pc, ax::CondCode whenTrue) {
  uint32_t g = fusedGuardOf(pc);
  bool failIfFalse = op(g).op == Op::GUARD_TRUE;
  fusedValue_[slot(Ref::make(Ref::OP, pc))] = failIfFalse ? 0 : 1;  // the value when the guard fails
  fusedCond_[g] = static_cast<int>(failIfFalse ? ax::negateCond(whenTrue) : whenTrue);
}

void TraceEmitter::emitColdStubs() {
  for (; coldDone_ < cold_.size(); coldDone_++) cold_[coldDone_]();  // (a stub may add stubs)
}

// --- control --------------------------------------------------------------------------

// Entry 0 loads the inputs; entry k+1 loads label k's arguments and jumps
// to it (runFromLabel), through a cold dispatch.
void TraceEmitter::emitEntry() {
  overflow_ = cc_.newInt64("overflow");
  if (readsOverflow_) cc_.xor_(overflow_.r32(), overflow_.r32());
  if (!labelOps_.empty()) {
    aj::Label dispatch = cc_.newLabel();
    cc_.test(entry_, entry_);
    cc_.jnz(dispatch);
    cold_.push_back([this, dispatch] {
      cc_.bind(dispatch);
      for (size_t j = 0; j < labelOps_.size(); j++) {
        aj::Label next = cc_.newLabel();
        cc_.cmp(entry_, static_cast<uint32_t>(j + 1));
        cc_.jne(next);
        enterLabelFromFrame(j);
        cc_.bind(next);
      }
      ax::Gp r = cc_.newUInt32();  // unreachable: X86Code checks the entry
      cc_.mov(r, kX86ExitError);
      cc_.ret(r);
    });
  }
  for (uint32_t k = 0; k < nIn_; k++) {
    if (t_.inputs[k] == Kind::FLOAT) cc_.movsd(xmms_[k] = cc_.newXmmSd(), frameWord(k));
    else cc_.mov(gps_[k] = cc_.newInt64(), frameWord(k));
  }
}

uint32_t TraceEmitter::labelIndex(uint32_t loopDescr) const {
  for (uint32_t j = 0; j < labelOps_.size(); j++)
    if (op(labelOps_[j]).descr == loopDescr) return j;
  return kNoOp;
}

// Label arguments get registers of their own, written only by the entry
// and by jumps; after the label the arguments' refs name those registers.
void TraceEmitter::label(uint32_t pc) {
  keepFacts(pc);
  std::vector<ax::Reg>& regs = labelArgs_[labelIndex(op(pc).descr)];
  for (Ref a : op(pc).args) {
    if (t_.kindOf(a) == Kind::FLOAT) {
      ax::Xmm x = cc_.newXmmSd();
      cc_.movapd(x, xmm(a));
      regs.push_back(xmms_[slot(a)] = x);
    } else {
      ax::Gp g = cc_.newInt64();
      cc_.mov(g, gp(a));
      regs.push_back(gps_[slot(a)] = g);
    }
  }
  cc_.bind(labelOf_[pc]);
  labelBound_[labelIndex(op(pc).descr)] = true;
}

/// Moves `r` (any kind) into register `dst` of the same kind.
void TraceEmitter::moveTo(const ax::Reg& dst, Ref r) {
  if (dst.isXmm()) cc_.movapd(dst.as<ax::Xmm>(), xmm(r));
  else cc_.mov(dst.as<ax::Gp>(), gp(r));
}

// A parallel move of `args` into a label's registers `regs`: read every
// operand into a temporary, then write. A value the jump passes back in
// its own place (`params`, the label's arguments when the jump is in the
// label's own trace: loop-invariant) is already there.
void TraceEmitter::moveIntoLabel(const std::vector<ax::Reg>& regs, const std::vector<Ref>& args,
                                 const std::vector<Ref>* params) {
  auto inPlace = [&](size_t k) { return params && args[k] == (*params)[k]; };
  std::vector<ax::Reg> tmp(args.size());
  for (size_t k = 0; k < args.size(); k++) {
    if (inPlace(k)) continue;
    tmp[k] = regs[k].isXmm() ? ax::Reg(cc_.newXmmSd()) : ax::Reg(cc_.newInt64());
    moveTo(tmp[k], args[k]);
  }
  for (size_t k = 0; k < args.size(); k++) {
    if (inPlace(k)) continue;
    if (regs[k].isXmm()) cc_.movapd(regs[k].as<ax::Xmm>(), tmp[k].as<ax::Xmm>());
    else cc_.mov(regs[k].as<ax::Gp>(), tmp[k].as<ax::Gp>());
  }
}

void TraceEmitter::jump(uint32_t pc) {
  const TraceOp& j = op(pc);
  if (root_ != this) {  // an inlined bridge: into the function's label, as an entry from outside
    uint32_t target = root_->labelIndex(j.descr);
    if (target != kNoOp && root_->labelArgs_[target].size() == j.args.size()) {
      moveIntoLabel(root_->labelArgs_[target], j.args, nullptr);
      cc_.jmp(root_->labelEntryChecks(target));
      return;
    }
  }
  uint32_t target = labelIndex(j.descr);
  if (target == kNoOp) {  // a label elsewhere: leave with the values
    cc_.jmp(exitStub(kX86ExitJump, j.args, kNoOp, j.descr));
    return;
  }
  moveIntoLabel(labelArgs_[target], j.args, &op(labelOps_[target]).args);
  cc_.jmp(labelOf_[labelOps_[target]]);
}

void TraceEmitter::finish(uint32_t pc) { cc_.jmp(exitStub(kX86ExitFinish, op(pc).args)); }

// --- guards ---------------------------------------------------------------------------

void TraceEmitter::guardTest(uint32_t pc, bool failIfZero) {
  ax::Gp v = gp(op(pc).args[0]);
  cc_.test(v, v);
  if (failIfZero) cc_.jz(guardExit(pc));
  else cc_.jnz(guardExit(pc));
}

// guard_value compares bit patterns (floats too, as interp does).
void TraceEmitter::guardValue(uint32_t pc) {
  Ref a = op(pc).args[0], b = op(pc).args[1];
  auto bits = [&](Ref r) -> ax::Gp {
    if (t_.kindOf(r) != Kind::FLOAT || r.isConst()) return gp(r);
    ax::Gp g = cc_.newInt64();
    cc_.movq(g, xmm(r));
    return g;
  };
  ax::Gp va = bits(a);
  if (t_.kindOf(b) == Kind::INT) cc_.emit(ax::Inst::kIdCmp, va, gpOrImm(b));
  else cc_.cmp(va, bits(b));
  cc_.jne(guardExit(pc));
}

void TraceEmitter::guardClass(uint32_t pc) {
  ax::Gp obj = gp(op(pc).args[0]);
  // (A fact kept across the label only: this guard fails on null rather
  // than stopping with an error, which an entry check cannot do for it.)
  if (!knownNonNull(op(pc).args[0]) || nonNullOnlyKept(op(pc).args[0])) {
    cc_.test(obj, obj);
    cc_.jz(guardExit(pc));
  }
  cc_.cmp(ax::qword_ptr(obj), gp(op(pc).args[1]));
  cc_.jne(guardExit(pc));
  setNonNull(op(pc).args[0]);
}

void TraceEmitter::guardNotInvalidated(uint32_t pc) {
  ax::Gp flag = address(ctx_.options.invalidated);
  cc_.cmp(ax::byte_ptr(flag), 0);
  cc_.jne(guardExit(pc));
}

void TraceEmitter::guardOverflow(uint32_t pc, bool failIfOverflow) {
  cc_.test(overflow_, overflow_);
  if (failIfOverflow) cc_.jnz(guardExit(pc));
  else cc_.jz(guardExit(pc));
}

// --- dispatch -------------------------------------------------------------------------

// Ops that write no field of an existing object (setfield writes one; any
// call, even an elidable one, may write any).
bool writesNoField(Op op) {
  switch (op) {  // a rule table
    case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: case Op::GETARRAYITEM_I:
    case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: case Op::SETARRAYITEM: case Op::NEW:
    case Op::NEW_WITH_VTABLE: case Op::NEW_ARRAY: case Op::DEBUG_MERGE_POINT: case Op::LABEL:
    case Op::JUMP: case Op::FINISH:
    // not OPF_PURE (they set the overflow flag), but they touch no memory
    case Op::INT_ADD_OVF: case Op::INT_SUB_OVF: case Op::INT_MUL_OVF:
      return true;
    case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F: return false;
    default: return isPure(op) || isGuard(op);
  }
}

// What a field read knows lasts until a write to that field or an op that
// may write any.
void TraceEmitter::forgetLoads(uint32_t pc) {
  const TraceOp& o = op(pc);
  bool keeps = writesNoField(o.op);
  if (o.op == Op::SETFIELD) {
    std::erase_if(knownLoads_, [&](const KnownLoad& k) { return k.descr == o.descr; });
    staleDescrs_.push_back(o.descr);
  } else if (!keeps) {
    knownLoads_.clear();
    inheritedStale_ = true;
  }
}

bool TraceEmitter::emitOp(uint32_t pc, std::string* whyNot) {
  namespace I = ax::Inst;
  using C = ax::CondCode;
  if (isGuard(op(pc).op)) failCountdown(pc);
  forgetLoads(pc);
  switch (op(pc).op) {
    case Op::INT_ADD: intBinary(pc, I::kIdAdd); break;
    case Op::INT_SUB: intBinary(pc, I::kIdSub); break;
    case Op::INT_MUL: intBinary(pc, I::kIdImul); break;
    case Op::INT_AND: intBinary(pc, I::kIdAnd); break;
    case Op::INT_OR: intBinary(pc, I::kIdOr); break;
    case Op::INT_XOR: intBinary(pc, I::kIdXor); break;
    case Op::INT_FLOORDIV: divMod(pc, true, false); break;
    case Op::INT_MOD: divMod(pc, true, true); break;
    case Op::UINT_FLOORDIV: divMod(pc, false, false); break;
    case Op::UINT_MOD: divMod(pc, false, true); break;
    case Op::INT_LSHIFT: shift(pc, I::kIdShl); break;
    case Op::INT_RSHIFT: shift(pc, I::kIdSar); break;
    case Op::UINT_RSHIFT: shift(pc, I::kIdShr); break;
    case Op::INT_NEG: intUnary(pc, I::kIdNeg); break;
    case Op::INT_INVERT: intUnary(pc, I::kIdNot); break;
    case Op::INT_LT: intCompare(pc, C::kL); break;
    case Op::INT_LE: intCompare(pc, C::kLE); break;
    case Op::INT_EQ: intCompare(pc, C::kE); break;
    case Op::INT_NE: intCompare(pc, C::kNE); break;
    case Op::INT_GT: intCompare(pc, C::kG); break;
    case Op::INT_GE: intCompare(pc, C::kGE); break;
    case Op::UINT_LT: intCompare(pc, C::kB); break;
    case Op::UINT_LE: intCompare(pc, C::kBE); break;
    case Op::UINT_GE: intCompare(pc, C::kAE); break;
    case Op::UINT_GT: intCompare(pc, C::kA); break;
    case Op::INT_IS_TRUE: intIsTrue(pc); break;
    case Op::INT_ADD_OVF: overflowOp(pc, I::kIdAdd); break;
    case Op::INT_SUB_OVF: overflowOp(pc, I::kIdSub); break;
    case Op::INT_MUL_OVF: overflowOp(pc, I::kIdImul); break;
    case Op::FLOAT_ADD: floatBinary(pc, I::kIdAddsd); break;
    case Op::FLOAT_SUB: floatBinary(pc, I::kIdSubsd); break;
    case Op::FLOAT_MUL: floatBinary(pc, I::kIdMulsd); break;
    case Op::FLOAT_TRUEDIV: floatBinary(pc, I::kIdDivsd); break;
    case Op::FLOAT_NEG: floatSignBit(pc, I::kIdBtc); break;
    case Op::FLOAT_ABS: floatSignBit(pc, I::kIdBtr); break;
    case Op::FLOAT_LT: case Op::FLOAT_LE: case Op::FLOAT_EQ: case Op::FLOAT_NE: case Op::FLOAT_GT:
    case Op::FLOAT_GE: floatCompare(pc); break;
    case Op::CAST_INT_TO_FLOAT: castIntToFloat(pc); break;
    case Op::CAST_FLOAT_TO_INT: castFloatToInt(pc); break;
    case Op::SAME_AS_I: case Op::SAME_AS_R: case Op::SAME_AS_F: sameAs(pc); break;
    case Op::PTR_EQ: ptrCompare(pc, C::kE); break;
    case Op::PTR_NE: ptrCompare(pc, C::kNE); break;
    case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: getfield(pc); break;
    case Op::SETFIELD: setfield(pc); break;
    case Op::GETARRAYITEM_I: case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: getarrayitem(pc); break;
    case Op::SETARRAYITEM: setarrayitem(pc); break;
    case Op::ARRAYLEN: arraylen(pc); break;
    case Op::STRLEN: strlen(pc); break;
    case Op::STRGETITEM: strgetitem(pc); break;
    case Op::NEW: allocate(pc, false); break;
    case Op::NEW_WITH_VTABLE: allocate(pc, true); break;
    case Op::NEW_ARRAY: newArray(pc); break;
    case Op::CALL_I: case Op::CALL_R: case Op::CALL_F: case Op::CALL_N:
    case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F: return call(pc, whyNot);
    case Op::GUARD_NOT_INVALIDATED: guardNotInvalidated(pc); break;
    case Op::GUARD_TRUE: guardTest(pc, true); break;
    case Op::GUARD_FALSE: guardTest(pc, false); break;
    case Op::GUARD_NONNULL: guardTest(pc, true); setNonNull(op(pc).args[0]); break;
    case Op::GUARD_ISNULL: guardTest(pc, false); break;
    case Op::GUARD_VALUE: guardValue(pc); break;
    case Op::GUARD_CLASS: guardClass(pc); break;
    case Op::GUARD_NO_EXCEPTION: guardNoException(pc); break;
    case Op::GUARD_EXCEPTION: guardException(pc); break;
    case Op::GUARD_NO_OVERFLOW: guardOverflow(pc, true); break;
    case Op::GUARD_OVERFLOW: guardOverflow(pc, false); break;
    case Op::LABEL: label(pc); break;
    case Op::JUMP: jump(pc); break;
    case Op::FINISH: finish(pc); break;
    case Op::DEBUG_MERGE_POINT: break;
  }
  return true;
}

}  // namespace x86emit
}  // namespace lathe::jit
