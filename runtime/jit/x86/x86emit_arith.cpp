//===- x86emit_arith.cpp - Trace to x86-64: arithmetic and comparisons ----===//
// See x86emit.h. Each op computes exactly what semantics.cpp defines:
// integer ops wrap (x86 does), shift counts are taken mod 64 (x86 masks a
// 64-bit shift's count to 6 bits), x/0 and x%0 give 0 and INT64_MIN/-1
// wraps (explicit branches around idiv, which would trap), and
// cast_float_to_int of NaN or out-of-range doubles gives INT64_MIN
// (cvttsd2si's "integer indefinite" — why interp chose that value).
// Floats: SSE2 scalar doubles; neg/abs flip/clear the sign bit as C does.
//===----------------------------------------------------------------------===//
#include "jit/x86/x86emit.h"
#include <utility>

namespace lathe::jit::x86emit {

// --- integers -------------------------------------------------------------------------

// setcc writes 8 bits only: the register is zeroed before the compare (an
// xor after it would clobber the flags), so it is fully defined, and the
// allocator does not treat setcc as reading an undefined register.
ax::Gp TraceEmitter::zeroed(const ax::Gp& dst) {
  cc_.xor_(dst.r32(), dst.r32());
  return dst;
}

void TraceEmitter::setBool(const ax::Gp& dst, ax::CondCode cond) {
  cc_.emit(ax::Inst::setccFromCond(cond), dst.r8());
}

// res = a; res OP= b
void TraceEmitter::intBinary(uint32_t pc, aj::InstId inst) {
  const TraceOp& o = op(pc);
  aj::Operand b = gpOrImm(o.args[1]);  // before res: a constant operand loads first
  ax::Gp a = gp(o.args[0]);
  ax::Gp res = defGp(pc);
  cc_.mov(res, a);
  cc_.emit(inst, res, b);
}

void TraceEmitter::intUnary(uint32_t pc, aj::InstId inst) {
  ax::Gp a = gp(op(pc).args[0]);
  ax::Gp res = defGp(pc);
  cc_.mov(res, a);
  cc_.emit(inst, res);
}

// a << (b & 63): the hardware masks the count; a variable count lives in cl.
void TraceEmitter::shift(uint32_t pc, aj::InstId inst) {
  const TraceOp& o = op(pc);
  ax::Gp a = gp(o.args[0]);
  if (o.args[1].tag() == Ref::CONST_INT) {
    ax::Gp res = defGp(pc);
    cc_.mov(res, a);
    cc_.emit(inst, res, aj::Imm(t_.intConst(o.args[1]) & 63));
    return;
  }
  ax::Gp count = cc_.newInt64();
  cc_.mov(count, gp(o.args[1]));
  ax::Gp res = defGp(pc);
  cc_.mov(res, a);
  cc_.emit(inst, res, count.r8());
}

// A comparison whose result only guards' fail args use (the interpreter's
// branch condition, kept for resuming after a guard that tests something
// else, e.g. a widened one) is computed at the exits instead
// (exitValues), from its operands' registers there.
bool TraceEmitter::deferrable(uint32_t pc) const {
  const TraceOp& o = op(pc);
  Ref me = Ref::make(Ref::OP, pc), x = o.args[0], y = o.args[1];
  auto plain = [&](Ref r) {
    return (r.tag() == Ref::INPUT || r.tag() == Ref::OP) && fusedValue_[slot(r)] < 0 && deferredCond_[slot(r)] < 0;
  };
  bool yOk = plain(y) || (y.tag() == Ref::CONST_INT && aj::Support::isInt32(t_.intConst(y)));
  return argUses_[slot(me)] == 0 && failUses_[slot(me)] > 0 && plain(x) && yOk;
}

void TraceEmitter::intCompare(uint32_t pc, ax::CondCode cond) {
  const TraceOp& o = op(pc);
  if (deferrable(pc)) {
    deferredCond_[slot(Ref::make(Ref::OP, pc))] = static_cast<int8_t>(cond);
    return;
  }
  aj::Operand b = gpOrImm(o.args[1]);
  ax::Gp a = gp(o.args[0]);
  if (fusesWithGuard(pc)) {
    cc_.emit(ax::Inst::kIdCmp, a, b);
    fusedGuardBranch(pc, cond);
    return;
  }
  ax::Gp res = zeroed(defGp(pc));
  cc_.emit(ax::Inst::kIdCmp, a, b);
  setBool(res, cond);
}

void TraceEmitter::ptrCompare(uint32_t pc, ax::CondCode cond) {
  ax::Gp a = gp(op(pc).args[0]), b = gp(op(pc).args[1]);
  if (fusesWithGuard(pc)) {
    cc_.cmp(a, b);
    fusedGuardBranch(pc, cond);
    return;
  }
  ax::Gp res = zeroed(defGp(pc));
  cc_.cmp(a, b);
  setBool(res, cond);
}

void TraceEmitter::intIsTrue(uint32_t pc) {
  ax::Gp a = gp(op(pc).args[0]);
  if (fusesWithGuard(pc)) {
    cc_.test(a, a);
    fusedGuardBranch(pc, ax::CondCode::kNE);
    return;
  }
  ax::Gp res = zeroed(defGp(pc));
  cc_.test(a, a);
  setBool(res, ax::CondCode::kNE);
}

// semantics.cpp:  b == 0       -> 0
//                 b == -1      -> floordiv: -a (wraps), mod: 0   (signed only)
//                 otherwise    -> idiv / div
void TraceEmitter::divMod(uint32_t pc, bool isSigned, bool wantRemainder) {
  const TraceOp& o = op(pc);
  ax::Gp a = gp(o.args[0]), b = gp(o.args[1]);
  ax::Gp res = defGp(pc);
  aj::Label zero = cc_.newLabel(), done = cc_.newLabel(), minusOne;
  if (isSigned) minusOne = cc_.newLabel();
  cc_.test(b, b);
  cc_.jz(zero);
  if (isSigned) {
    cc_.cmp(b, -1);
    cc_.je(minusOne);
  }
  ax::Gp lo = cc_.newInt64(), hi = cc_.newInt64();
  cc_.mov(lo, a);
  if (isSigned) {
    cc_.cqo(hi, lo);
    cc_.idiv(hi, lo, b);
  } else {
    cc_.xor_(hi.r32(), hi.r32());
    cc_.div(hi, lo, b);
  }
  cc_.mov(res, wantRemainder ? hi : lo);
  cc_.jmp(done);
  if (isSigned) {
    cc_.bind(minusOne);
    if (!wantRemainder) {
      cc_.mov(res, a);
      cc_.neg(res);
      cc_.jmp(done);
    }
  }
  cc_.bind(zero);
  cc_.xor_(res.r32(), res.r32());
  cc_.bind(done);
}

// The result wraps; the overflow flag (interp's overflow_) is OF.
void TraceEmitter::overflowOp(uint32_t pc, aj::InstId inst) {
  if (readsOverflow_) zeroed(overflow_);
  intBinary(pc, inst);
  // Followed by its guard_no_overflow (the usual shape): branch on the flag
  // itself; on the way on there was no overflow, so overflow_ stays 0.
  if (pc + 1 < t_.ops.size() && op(pc + 1).op == Op::GUARD_NO_OVERFLOW && !ctx_.options.failEvery) {
    cc_.jo(guardExit(pc + 1));
    skip_[pc + 1] = true;
    return;
  }
  if (readsOverflow_) setBool(overflow_, ax::CondCode::kO);
}

// --- floats ---------------------------------------------------------------------------

void TraceEmitter::floatBinary(uint32_t pc, aj::InstId inst) {
  ax::Xmm a = xmm(op(pc).args[0]), b = xmm(op(pc).args[1]);
  ax::Xmm res = defXmm(pc);
  cc_.movapd(res, a);
  cc_.emit(inst, res, b);
}

// float_neg: btc (flip) bit 63; float_abs: btr (clear) bit 63.
void TraceEmitter::floatSignBit(uint32_t pc, aj::InstId inst) {
  ax::Xmm a = xmm(op(pc).args[0]);
  ax::Gp bits = cc_.newInt64();
  cc_.movq(bits, a);
  cc_.emit(inst, bits, aj::Imm(63));
  cc_.movq(defXmm(pc), bits);
}

// ucomisd sets ZF, PF, CF all to 1 on unordered (NaN): `above` and
// `above or equal` (CF = 0) are false then, which is C's answer for < <= > >=
// once the operands are ordered so the question is "x > y". == needs ZF and
// not PF; != is ZF clear or PF set.
void TraceEmitter::floatCompare(uint32_t pc) {
  const TraceOp& o = op(pc);
  ax::Xmm a = xmm(o.args[0]), b = xmm(o.args[1]);
  ax::Gp res = zeroed(defGp(pc));
  if (o.op == Op::FLOAT_LT || o.op == Op::FLOAT_LE) std::swap(a, b);  // a < b  <=>  b > a
  if (o.op != Op::FLOAT_EQ && o.op != Op::FLOAT_NE) {
    cc_.ucomisd(a, b);
    bool strict = o.op == Op::FLOAT_LT || o.op == Op::FLOAT_GT;
    setBool(res, strict ? ax::CondCode::kA : ax::CondCode::kAE);
    return;
  }
  bool eq = o.op == Op::FLOAT_EQ;
  ax::Gp parity = zeroed(cc_.newInt64());
  cc_.ucomisd(a, b);
  setBool(res, eq ? ax::CondCode::kE : ax::CondCode::kNE);
  setBool(parity, eq ? ax::CondCode::kNP : ax::CondCode::kP);
  if (eq) cc_.and_(res, parity);
  else cc_.or_(res, parity);
}

void TraceEmitter::castIntToFloat(uint32_t pc) {
  ax::Gp a = gp(op(pc).args[0]);
  ax::Xmm res = defXmm(pc);
  cc_.xorps(res, res);  // breaks the dependency on res's old value
  cc_.cvtsi2sd(res, a);
}

void TraceEmitter::castFloatToInt(uint32_t pc) {
  ax::Xmm a = xmm(op(pc).args[0]);
  cc_.cvttsd2si(defGp(pc), a);
}

// A new name for a value: the same register (values are never written,
// except label arguments, which get registers of their own).
void TraceEmitter::sameAs(uint32_t pc) {
  Ref a = op(pc).args[0];
  if (op(pc).type == Kind::FLOAT) xmms_[nIn_ + pc] = xmm(a);
  else gps_[nIn_ + pc] = gp(a);
}

}  // namespace lathe::jit::x86emit
