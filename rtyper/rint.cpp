//===- rint.cpp - Lowering of bool, int and float operations ---------------===//
// Python semantics on 64-bit machine numbers (DESIGN §3):
//   + - * & | ^ ~ << >> on ints wrap (-fwrapv); `//` and `%` floor and raise
//   ZeroDivisionError (runtime helpers ll_int_floordiv/ll_int_mod, inlined
//   to C's operators when the divisor is a positive constant and the
//   dividend non-negative); `/` is true division (a float); `**` by the
//   runtime; shifts check their count. Mixed int/float operands convert
//   the int. Bools act as ints. Unsigned (r_uint) uses the uint_* ops.
// Overflow checking: an int operation whose result is the argument of
// rlib.rarith.ovfcheck calls ll_int_ovf_* instead (raising OverflowError);
// the ovfcheck call itself is then the identity (rbuiltin.cpp).
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;

namespace {

enum class NumKind { INT, UINT, FLOAT };

NumKind numKind(const Ann &a) {
  if (a->kind == SomeKind::FLOAT) return NumKind::FLOAT;
  if (a->kind == SomeKind::INTEGER && a->isUnsigned) return NumKind::UINT;
  return NumKind::INT;
}

FlowOp baseOp(FlowOp o) {
  switch (o) {
  case FlowOp::INPLACE_ADD: return FlowOp::ADD;
  case FlowOp::INPLACE_SUB: return FlowOp::SUB;
  case FlowOp::INPLACE_MUL: return FlowOp::MUL;
  case FlowOp::INPLACE_TRUEDIV: return FlowOp::TRUEDIV;
  case FlowOp::INPLACE_FLOORDIV: return FlowOp::FLOORDIV;
  case FlowOp::INPLACE_MOD: return FlowOp::MOD;
  case FlowOp::INPLACE_POW: return FlowOp::POW;
  case FlowOp::INPLACE_LSHIFT: return FlowOp::LSHIFT;
  case FlowOp::INPLACE_RSHIFT: return FlowOp::RSHIFT;
  case FlowOp::INPLACE_OR: return FlowOp::OR;
  case FlowOp::INPLACE_XOR: return FlowOp::XOR;
  case FlowOp::INPLACE_AND: return FlowOp::AND;
  default: return o;
  }
}

/// A value as the number kind `k` (ints widen to float, bools to int).
LLValue asKind(Lowering &L, LLValue v, const Ann &a, NumKind k) {
  const LLType *t = k == NumKind::FLOAT ? L.types.floatType()
                    : k == NumKind::UINT ? L.types.unsignedType()
                                         : L.types.signedType();
  if (v.type() == t) return v;
  Ann to = k == NumKind::FLOAT ? ann::someFloat()
           : k == NumKind::UINT ? ann::someInteger(false, true)
                                : ann::someInteger();
  return L.convert(v, a, to);
}

bool positiveConst(const Lowering &L, size_t i) {
  const eval::Value *c = L.constArg(i);
  return c && c->isInt() && c->asInt() > 0;
}

LLValue compare(Lowering &L, FlowOp o, NumKind k, LLValue a, LLValue b) {
  static const LLOp intOps[] = {LLOp::INT_LT, LLOp::INT_LE, LLOp::INT_EQ, LLOp::INT_NE, LLOp::INT_GT, LLOp::INT_GE};
  static const LLOp uintOps[] = {LLOp::UINT_LT, LLOp::UINT_LE, LLOp::UINT_EQ, LLOp::UINT_NE, LLOp::UINT_GT, LLOp::UINT_GE};
  static const LLOp floatOps[] = {LLOp::FLOAT_LT, LLOp::FLOAT_LE, LLOp::FLOAT_EQ, LLOp::FLOAT_NE, LLOp::FLOAT_GT, LLOp::FLOAT_GE};
  int idx = int(o) - int(FlowOp::LT);
  const LLOp *ops = k == NumKind::FLOAT ? floatOps : k == NumKind::UINT ? uintOps : intOps;
  return L.emit(ops[idx], {a, b}, L.types.boolType());
}

} // namespace

LLValue lowerNumberOp(Lowering &L) {
  FlowOp o = baseOp(L.op->op);
  TypeContext &T = L.types;
  if (L.nargs() == 1) {
    Ann a = L.argAnn(0);
    NumKind k = a->kind == SomeKind::BOOL ? NumKind::INT : numKind(a);
    LLValue v = asKind(L, L.arg(0), a, k);
    switch (o) {
    case FlowOp::POS:
      return v;
    case FlowOp::NEG:
      if (k == NumKind::FLOAT) return L.emit(LLOp::FLOAT_NEG, {v}, T.floatType());
      if (k == NumKind::INT && L.feedsOvfcheck(L.op->result))
        return L.call("ll_int_ovf_neg", {v}, T.signedType(), true);
      if (k == NumKind::UINT)
        return L.emit(LLOp::UINT_SUB, {L.g.constant(T.unsignedType(), uint64_t(0)), v}, T.unsignedType());
      return L.emit(LLOp::INT_NEG, {v}, T.signedType());
    case FlowOp::INVERT:
      if (k == NumKind::UINT) return L.emit(LLOp::UINT_INVERT, {v}, T.unsignedType());
      if (k == NumKind::INT) return L.emit(LLOp::INT_INVERT, {v}, T.signedType());
      return LLValue();
    case FlowOp::LEN:
      return LLValue();
    default:
      return LLValue();
    }
  }
  Ann a0 = L.argAnn(0), a1 = L.argAnn(1);
  NumKind k = NumKind::INT;
  if (numKind(a0) == NumKind::FLOAT || numKind(a1) == NumKind::FLOAT)
    k = NumKind::FLOAT;
  else if (numKind(a0) == NumKind::UINT || numKind(a1) == NumKind::UINT)
    k = NumKind::UINT;
  bool bothBool = a0->kind == SomeKind::BOOL && a1->kind == SomeKind::BOOL;
  // bool & | ^ bool stay bools.
  if (bothBool && (o == FlowOp::AND || o == FlowOp::OR || o == FlowOp::XOR)) {
    LLValue x = L.arg(0), y = L.arg(1);
    LLValue xi = L.emit(LLOp::CAST_BOOL_TO_INT, {x}, T.signedType());
    LLValue yi = L.emit(LLOp::CAST_BOOL_TO_INT, {y}, T.signedType());
    LLOp op = o == FlowOp::AND ? LLOp::INT_AND : o == FlowOp::OR ? LLOp::INT_OR : LLOp::INT_XOR;
    return L.emit(LLOp::INT_IS_TRUE, {L.emit(op, {xi, yi}, T.signedType())}, T.boolType());
  }
  if (o == FlowOp::TRUEDIV) {
    if (k == NumKind::FLOAT)
      return L.call("ll_float_truediv", {asKind(L, L.arg(0), a0, k), asKind(L, L.arg(1), a1, k)},
                    T.floatType(), true);
    LLValue x = asKind(L, L.arg(0), a0, NumKind::INT), y = asKind(L, L.arg(1), a1, NumKind::INT);
    return L.call("ll_int_truediv", {x, y}, T.floatType(), true);
  }
  LLValue x = asKind(L, L.arg(0), a0, k), y = asKind(L, L.arg(1), a1, k);
  const LLType *t = x.type();
  if (o >= FlowOp::LT && o <= FlowOp::GE) return compare(L, o, k, x, y);
  if (k == NumKind::FLOAT) {
    switch (o) {
    case FlowOp::ADD: return L.emit(LLOp::FLOAT_ADD, {x, y}, t);
    case FlowOp::SUB: return L.emit(LLOp::FLOAT_SUB, {x, y}, t);
    case FlowOp::MUL: return L.emit(LLOp::FLOAT_MUL, {x, y}, t);
    case FlowOp::FLOORDIV: return L.call("ll_float_floordiv", {x, y}, t, true);
    case FlowOp::MOD: return L.call("ll_float_mod", {x, y}, t, true);
    case FlowOp::POW: return L.call("ll_float_pow", {x, y}, t, true);
    default: return LLValue();
    }
  }
  if (k == NumKind::UINT) {
    switch (o) {
    case FlowOp::ADD: return L.emit(LLOp::UINT_ADD, {x, y}, t);
    case FlowOp::SUB: return L.emit(LLOp::UINT_SUB, {x, y}, t);
    case FlowOp::MUL: return L.emit(LLOp::UINT_MUL, {x, y}, t);
    case FlowOp::AND: return L.emit(LLOp::UINT_AND, {x, y}, t);
    case FlowOp::OR: return L.emit(LLOp::UINT_OR, {x, y}, t);
    case FlowOp::XOR: return L.emit(LLOp::UINT_XOR, {x, y}, t);
    case FlowOp::FLOORDIV: return L.call("ll_uint_floordiv", {x, y}, t, true);
    case FlowOp::MOD: return L.call("ll_uint_mod", {x, y}, t, true);
    case FlowOp::LSHIFT:
      return L.call("ll_uint_lshift", {x, asKind(L, L.arg(1), a1, NumKind::INT)}, t, true);
    case FlowOp::RSHIFT:
      return L.call("ll_uint_rshift", {x, asKind(L, L.arg(1), a1, NumKind::INT)}, t, true);
    default: return LLValue();
    }
  }
  if (L.feedsOvfcheck(L.op->result)) {
    // ovfcheck(x op y): the checked operation (OverflowError).
    switch (o) {
    case FlowOp::ADD: return L.call("ll_int_ovf_add", {x, y}, t, true);
    case FlowOp::SUB: return L.call("ll_int_ovf_sub", {x, y}, t, true);
    case FlowOp::MUL: return L.call("ll_int_ovf_mul", {x, y}, t, true);
    case FlowOp::FLOORDIV: return L.call("ll_int_ovf_floordiv", {x, y}, t, true);
    case FlowOp::MOD: return L.call("ll_int_ovf_mod", {x, y}, t, true);
    case FlowOp::LSHIFT: return L.call("ll_int_ovf_lshift", {x, y}, t, true);
    case FlowOp::POW: return L.call("ll_int_ovf_pow", {x, y}, t, true);
    default: break;
    }
  }
  switch (o) {
  case FlowOp::ADD: return L.emit(LLOp::INT_ADD, {x, y}, t);
  case FlowOp::SUB: return L.emit(LLOp::INT_SUB, {x, y}, t);
  case FlowOp::MUL: return L.emit(LLOp::INT_MUL, {x, y}, t);
  case FlowOp::AND: return L.emit(LLOp::INT_AND, {x, y}, t);
  case FlowOp::OR: return L.emit(LLOp::INT_OR, {x, y}, t);
  case FlowOp::XOR: return L.emit(LLOp::INT_XOR, {x, y}, t);
  case FlowOp::FLOORDIV:
    // C's truncating division is Python's floor division when the dividend
    // is non-negative and the divisor a positive constant.
    if (a0->nonneg && positiveConst(L, 1)) return L.emit(LLOp::INT_FLOORDIV, {x, y}, t);
    return L.call("ll_int_floordiv", {x, y}, t, true);
  case FlowOp::MOD:
    if (a0->nonneg && positiveConst(L, 1)) return L.emit(LLOp::INT_MOD, {x, y}, t);
    return L.call("ll_int_mod", {x, y}, t, true);
  case FlowOp::POW:
    return L.call("ll_int_pow", {x, y}, t, true);
  case FlowOp::LSHIFT: {
    const eval::Value *c = L.constArg(1);
    if (c && c->isInt() && c->asInt() >= 0 && c->asInt() < 64) return L.emit(LLOp::INT_LSHIFT, {x, y}, t);
    return L.call("ll_int_lshift", {x, y}, t, true);
  }
  case FlowOp::RSHIFT: {
    const eval::Value *c = L.constArg(1);
    if (c && c->isInt() && c->asInt() >= 0 && c->asInt() < 64) return L.emit(LLOp::INT_RSHIFT, {x, y}, t);
    return L.call("ll_int_rshift", {x, y}, t, true);
  }
  default:
    return LLValue();
  }
}

} // namespace lathe::rtyper
