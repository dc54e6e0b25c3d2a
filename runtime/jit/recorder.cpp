//===- recorder.cpp - The recorder the traced twins call ------------------===//
// See recorder.h. Concrete semantics are the interp backend's (interp.cpp):
// integer ops wrap, x/0 and x%0 give 0, shifts take the count mod 64,
// cast_float_to_int of NaN/out-of-range gives INT64_MIN — so a folded
// constant is exactly what the recorded op would have computed.
//===----------------------------------------------------------------------===//
#include "jit/recorder.h"
#include <algorithm>
#include "jit/semantics.h"
#include <cmath>
#include <utility>
#include "llexc.h"
#include "llgc.h"
#include "rstr.h"

namespace lathe::jit {

namespace {

int64_t s(uint64_t a) { return static_cast<int64_t>(a); }

Ref constOf(Trace& t, Kind k, uint64_t bits) {
  switch (k) {
    case Kind::INT: return t.constInt(s(bits));
    case Kind::FLOAT: return t.constFloat(AnyVal::fromBits<double>(bits));
    case Kind::REF: return t.constPtr(AnyVal::fromBits<void*>(bits));
    case Kind::VOID: break;
  }
  return Ref{};
}

bool allConst(Live vals) {
  for (const AnyVal& v : vals)
    if (!v.isConstRef()) return false;
  return true;
}

}  // namespace

const char* statusName(Recorder::Status st) {
  switch (st) {
    case Recorder::Status::IDLE: return "idle";
    case Recorder::Status::RECORDING: return "recording";
    case Recorder::Status::CLOSED: return "closed";
    case Recorder::Status::FINISHED: return "finished";
    case Recorder::Status::ABORTED: return "aborted";
    case Recorder::Status::COMPUTING: return "computing";
  }
  return "?";
}

Recorder::Recorder(const DescrTable& descrs, RecorderOptions opts) : descrs_(descrs), opts_(opts) {}

Trace Recorder::takeTrace() {
  Trace t = std::move(trace_);
  trace_ = Trace{};
  status_ = Status::IDLE;
  return t;
}

// --- recording primitives ---------------------------------------------------------

bool Recorder::canRecord() {
  if (status_ != Status::RECORDING) return false;
  if (trace_.ops.size() >= opts_.traceLimit) {
    abort("trace too long (trace_limit=" + std::to_string(opts_.traceLimit) + ")");
    return false;
  }
  return true;
}

bool Recorder::traced(const std::vector<Ref>& refs) {
  for (Ref r : refs)
    if (r.isNone()) {
      abort("an operand is not in the trace (a Val made outside the recorder, or after an abort)");
      return false;
    }
  return true;
}

Ref Recorder::emit(Op op, std::vector<Ref> args, uint32_t descr) {
  if (!canRecord() || !traced(args)) return Ref{};
  countOp();
  return trace_.emit(op, std::move(args), descr);
}

std::vector<Ref> Recorder::failArgs(std::span<const AnyVal> live, int64_t tag, Ref extra,
                                    std::vector<ResumeFrame>& frames) const {
  std::vector<Ref> fail;
  frames.clear();
  if (hasCode_) {
    for (const Frame& f : frames_) {
      fail.insert(fail.end(), f.live.begin(), f.live.end());
      frames.push_back({f.code, f.point, static_cast<uint32_t>(f.live.size())});
    }
  }
  size_t before = fail.size();
  for (const AnyVal& v : live) fail.push_back(v.ref);
  if (!extra.isNone()) fail.push_back(extra);
  if (hasCode_)
    frames.push_back({code_, static_cast<uint32_t>(tag), static_cast<uint32_t>(fail.size() - before)});
  return fail;
}

void Recorder::emitGuard(Op op, std::vector<Ref> args, Live live, int64_t tag, Ref extra) {
  emitGuard(op, std::move(args), std::span<const AnyVal>(live.begin(), live.size()), tag, extra);
}

void Recorder::emitGuard(Op op, std::vector<Ref> args, std::span<const AnyVal> live, int64_t tag, Ref extra) {
  if (!canRecord()) return;
  std::vector<ResumeFrame> frames;
  std::vector<Ref> fail = failArgs(live, tag, extra, frames);
  if (!traced(args) || !traced(fail)) return;
  countOp();
  trace_.emitGuard(op, std::move(args), std::move(fail), tag, {}, std::move(frames));
}

// --- resume frames --------------------------------------------------------------------

void Recorder::countOp() {
  if (!hasCode_) return;
  uint32_t top = frames_.empty() ? code_ : frames_.size() == 1 ? code_ : frames_[1].code;
  opsByCode_[top]++;
  if (!frames_.empty()) {
    size_t& biggest = biggestCall_[top];
    biggest = std::max(biggest, ++callOps_);
  }
}

void Recorder::enterCode(uint32_t code) {
  code_ = code;
  hasCode_ = true;
  frames_.clear();
  opsByCode_.clear();
  biggestCall_.clear();
  callOps_ = 0;
}

void Recorder::pushFrame(uint32_t point, Live live, uint32_t callee) {
  Frame f{code_, point, {}};
  for (const AnyVal& v : live) f.live.push_back(v.ref);
  frames_.push_back(std::move(f));
  code_ = callee;
  if (frames_.size() == 1) callOps_ = 0;  // a new call from the portal
}

void Recorder::popFrame() {
  if (frames_.empty()) return;
  code_ = frames_.back().code;
  frames_.pop_back();
}

void Recorder::abort(std::string reason) {
  if (status_ != Status::RECORDING) return;
  status_ = Status::ABORTED;
  abortReason_ = std::move(reason);
  // The partial trace stays until the next start (jit-abort may print it).
}

// --- merge points -------------------------------------------------------------------

void Recorder::computeOnly() {
  trace_ = Trace{};
  status_ = Status::COMPUTING;
  abortReason_.clear();
  excValue_ = Val<void*>{};
}

void Recorder::startTrace(std::span<const Kind> kinds, uint32_t label) {
  trace_ = Trace{};
  status_ = Status::RECORDING;
  abortReason_.clear();
  loopDescr_ = label;
  greenKey_.clear();
  excValue_ = Val<void*>{};
  std::vector<Ref> args;
  for (Kind k : kinds) args.push_back(trace_.addInput(k));
  if (label != kNoDescr) trace_.emit(Op::LABEL, std::move(args), label);
}

std::vector<Ref> Recorder::bridgePrologue(const GuardDescr& g, const std::vector<Ref>& refs) {
  std::vector<Ref> objs(g.virtuals.size());
  for (size_t k = 0; k < g.virtuals.size(); k++) {  // every object first: fields may point to any
    const VirtualDescr& v = g.virtuals[k];
    if (v.isWrite()) continue;
    objs[k] = v.op == Op::NEW_ARRAY ? emit(Op::NEW_ARRAY, {trace_.constInt(v.length)}, v.descr) : emit(v.op, {}, v.descr);
  }
  auto value = [&](size_t pos) { return g.failArgs[pos].isVirtual() ? objs[g.failArgs[pos].index()] : refs[pos]; };
  size_t pos = g.numFrameArgs();
  for (size_t k = 0; k < g.virtuals.size(); k++) {
    const VirtualDescr& v = g.virtuals[k];
    Ref target = v.isWrite() ? value(pos++) : objs[k];
    bool items = v.op == Op::NEW_ARRAY || v.op == Op::SETARRAYITEM;
    for (uint32_t key : v.fields) {
      Ref x = value(pos++);
      if (items) emit(Op::SETARRAYITEM, {target, trace_.constInt(key), x}, v.descr);
      else emit(Op::SETFIELD, {target, x}, key);
    }
  }
  std::vector<Ref> frame;
  for (size_t k = 0; k < g.numFrameArgs(); k++) frame.push_back(value(k));
  return frame;
}

Recorder::Status Recorder::jumpTo(uint32_t loopDescr, std::span<const AnyVal> values) {
  if (status_ != Status::RECORDING) return status_;
  std::vector<Ref> args;
  for (const AnyVal& v : values) args.push_back(v.ref);
  emit(Op::JUMP, std::move(args), loopDescr);
  if (status_ == Status::RECORDING) status_ = Status::CLOSED;
  return status_;
}

void Recorder::start(uint32_t loopDescr, std::initializer_list<ValSlot> greens, std::initializer_list<ValSlot> reds) {
  trace_ = Trace{};
  status_ = Status::RECORDING;
  abortReason_.clear();
  loopDescr_ = loopDescr;
  greenKey_.clear();
  excValue_ = Val<void*>{};
  for (const ValSlot& g : greens) {
    greenKey_.push_back(g.bits);
    *g.ref = constOf(trace_, g.kind, g.bits);
  }
  std::vector<Ref> label;
  for (const ValSlot& r : reds) {
    *r.ref = trace_.addInput(r.kind);
    label.push_back(*r.ref);
  }
  trace_.emit(Op::LABEL, std::move(label), loopDescr);
}

Recorder::Status Recorder::closeLoop(Live greens, Live reds) {
  if (status_ != Status::RECORDING) return status_;
  bool same = greens.size() == greenKey_.size();
  size_t k = 0;
  for (const AnyVal& g : greens) {
    if (!g.isConstRef()) {
      abort("a green is not constant at the merge point");
      return status_;
    }
    if (same && g.bits != greenKey_[k]) same = false;
    k++;
  }
  if (!same) return status_;
  std::vector<Ref> args;
  for (const AnyVal& r : reds) args.push_back(r.ref);
  emit(Op::JUMP, std::move(args), loopDescr_);
  if (status_ == Status::RECORDING) status_ = Status::CLOSED;
  return status_;
}

Recorder::Status Recorder::finish(std::span<const AnyVal> values) {
  std::vector<Ref> args;
  for (const AnyVal& v : values) args.push_back(v.ref);
  emit(Op::FINISH, std::move(args));
  if (status_ == Status::RECORDING) status_ = Status::FINISHED;
  return status_;
}

void Recorder::debugMergePoint(std::string text) {
  if (canRecord()) trace_.emitDebugMergePoint(std::move(text));
}

// --- constants ----------------------------------------------------------------------

Val<int64_t> Recorder::constInt(int64_t v) { return {v, trace_.constInt(v)}; }
Val<double> Recorder::constFloat(double v) { return {v, trace_.constFloat(v)}; }

// --- arithmetic -----------------------------------------------------------------------

Val<int64_t> Recorder::intOp(Op op, Val<int64_t> a, Val<int64_t> b) {
  const OpInfo& info = opInfo(op);
  if (std::string_view(info.sig) != "ii" || info.result != Kind::INT || !(info.flags & OPF_PURE)) {
    abort(std::string("intOp: ") + info.name + " is not a pure int op of two ints");
    return Val<int64_t>(0);
  }
  int64_t r = evalIntOp(op, a.v, b.v);
  if (a.isConst() && b.isConst()) return constInt(r);
  return {r, emit(op, {a.ref, b.ref})};
}

Val<int64_t> Recorder::intOp(Op op, Val<int64_t> a) {
  const OpInfo& info = opInfo(op);
  if (std::string_view(info.sig) != "i" || info.result != Kind::INT || !(info.flags & OPF_PURE) ||
      op == Op::SAME_AS_I || op == Op::STRLEN) {
    abort(std::string("intOp: ") + info.name + " is not a pure int op of one int");
    return Val<int64_t>(0);
  }
  int64_t r = evalIntOp(op, a.v, 0);
  if (a.isConst()) return constInt(r);
  return {r, emit(op, {a.ref})};
}

Val<double> Recorder::floatOp(Op op, Val<double> a, Val<double> b) {
  const OpInfo& info = opInfo(op);
  if (std::string_view(info.sig) != "ff" || info.result != Kind::FLOAT) {
    abort(std::string("floatOp: ") + info.name + " is not a float op of two floats");
    return Val<double>(0.0);
  }
  double r = evalFloatOp(op, a.v, b.v);
  if (a.isConst() && b.isConst()) return constFloat(r);
  return {r, emit(op, {a.ref, b.ref})};
}

Val<double> Recorder::floatOp(Op op, Val<double> a) {
  const OpInfo& info = opInfo(op);
  if (std::string_view(info.sig) != "f" || info.result != Kind::FLOAT || op == Op::SAME_AS_F) {
    abort(std::string("floatOp: ") + info.name + " is not a float op of one float");
    return Val<double>(0.0);
  }
  double r = evalFloatOp(op, a.v, 0);
  if (a.isConst()) return constFloat(r);
  return {r, emit(op, {a.ref})};
}

Val<int64_t> Recorder::floatCmp(Op op, Val<double> a, Val<double> b) {
  const OpInfo& info = opInfo(op);
  if (std::string_view(info.sig) != "ff" || info.result != Kind::INT) {
    abort(std::string("floatCmp: ") + info.name + " is not a float comparison");
    return Val<int64_t>(0);
  }
  int64_t r = evalFloatCmp(op, a.v, b.v);
  if (a.isConst() && b.isConst()) return constInt(r);
  return {r, emit(op, {a.ref, b.ref})};
}

Val<double> Recorder::castIntToFloat(Val<int64_t> a) {
  double r = static_cast<double>(a.v);
  if (a.isConst()) return constFloat(r);
  return {r, emit(Op::CAST_INT_TO_FLOAT, {a.ref})};
}

Val<int64_t> Recorder::castFloatToInt(Val<double> a) {
  int64_t r = floatToInt(a.v);
  if (a.isConst()) return constInt(r);
  return {r, emit(Op::CAST_FLOAT_TO_INT, {a.ref})};
}

Val<int64_t> Recorder::ptrEq(Val<const void*> a, Val<const void*> b) {
  int64_t r = a.v == b.v;
  if (a.isConst() && b.isConst()) return constInt(r);
  return {r, emit(Op::PTR_EQ, {a.ref, b.ref})};
}

Val<int64_t> Recorder::ptrNe(Val<const void*> a, Val<const void*> b) {
  int64_t r = a.v != b.v;
  if (a.isConst() && b.isConst()) return constInt(r);
  return {r, emit(Op::PTR_NE, {a.ref, b.ref})};
}

// --- overflow -------------------------------------------------------------------------

OvfResult Recorder::ovf(Op op, Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag) {
  int64_t r;
  bool over = op == Op::INT_ADD_OVF   ? __builtin_add_overflow(a.v, b.v, &r)
              : op == Op::INT_SUB_OVF ? __builtin_sub_overflow(a.v, b.v, &r)
                                      : __builtin_mul_overflow(a.v, b.v, &r);
  if (a.isConst() && b.isConst()) return {constInt(r), over};  // outcome known: no op, no guard
  Ref ref = emit(op, {a.ref, b.ref});
  emitGuard(over ? Op::GUARD_OVERFLOW : Op::GUARD_NO_OVERFLOW, {}, live, tag);
  return {{r, ref}, over};
}

OvfResult Recorder::intAddOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag) {
  return ovf(Op::INT_ADD_OVF, a, b, live, tag);
}
OvfResult Recorder::intSubOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag) {
  return ovf(Op::INT_SUB_OVF, a, b, live, tag);
}
OvfResult Recorder::intMulOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag) {
  return ovf(Op::INT_MUL_OVF, a, b, live, tag);
}

// --- memory ---------------------------------------------------------------------------

Ref Recorder::loadField(Val<const void*> obj, uint32_t field, Kind kind, Op op, uint64_t& bits) {
  const FieldDescr& f = descrs_.field(field);
  bits = 0;
  if (f.kind != kind) {
    abort("getfield of " + f.name + " with the wrong kind");
    return Ref{};
  }
  bits = loadBits(static_cast<const char*>(obj.v) + f.offset, f.kind, f.size, f.isSigned);
  if (f.immutable && obj.isConst()) return constOf(trace_, kind, bits);
  return emit(op, {obj.ref}, field);
}

Val<int64_t> Recorder::getfieldI(Val<const void*> obj, uint32_t field) {
  uint64_t b;
  Ref r = loadField(obj, field, Kind::INT, Op::GETFIELD_I, b);
  return {AnyVal::fromBits<int64_t>(b), r};
}
Val<void*> Recorder::getfieldR(Val<const void*> obj, uint32_t field) {
  uint64_t b;
  Ref r = loadField(obj, field, Kind::REF, Op::GETFIELD_R, b);
  return {AnyVal::fromBits<void*>(b), r};
}
Val<double> Recorder::getfieldF(Val<const void*> obj, uint32_t field) {
  uint64_t b;
  Ref r = loadField(obj, field, Kind::FLOAT, Op::GETFIELD_F, b);
  return {AnyVal::fromBits<double>(b), r};
}

void Recorder::setfield(Val<const void*> obj, uint32_t field, AnyVal value) {
  const FieldDescr& f = descrs_.field(field);
  if (f.kind != value.kind) return abort("setfield of " + f.name + " with the wrong kind");
  storeBits(static_cast<char*>(const_cast<void*>(obj.v)) + f.offset, f.kind, f.size, value.bits);
  emit(Op::SETFIELD, {obj.ref, value.ref}, field);
}

Ref Recorder::loadItem(Val<const void*> arr, uint32_t array, Val<int64_t> i, Kind kind, Op op, uint64_t& bits,
                        bool immutable) {
  const ArrayDescr& a = descrs_.array(array);
  bits = 0;
  if (a.itemKind != kind) {
    abort("getarrayitem of " + a.name + " with the wrong kind");
    return Ref{};
  }
  auto* base = static_cast<const char*>(arr.v);
  bits = loadBits(base + a.baseOffset + i.v * a.itemSize, a.itemKind, a.itemSize, a.itemSigned);
  if ((immutable || a.immutable) && arr.isConst() && i.isConst()) return constOf(trace_, kind, bits);
  return emit(op, {arr.ref, i.ref}, array);
}

Val<int64_t> Recorder::getarrayitemI(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems) {
  uint64_t b;
  Ref r = loadItem(arr, array, i, Kind::INT, Op::GETARRAYITEM_I, b, immutableItems);
  return {AnyVal::fromBits<int64_t>(b), r};
}
Val<void*> Recorder::getarrayitemR(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems) {
  uint64_t b;
  Ref r = loadItem(arr, array, i, Kind::REF, Op::GETARRAYITEM_R, b, immutableItems);
  return {AnyVal::fromBits<void*>(b), r};
}
Val<double> Recorder::getarrayitemF(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems) {
  uint64_t b;
  Ref r = loadItem(arr, array, i, Kind::FLOAT, Op::GETARRAYITEM_F, b, immutableItems);
  return {AnyVal::fromBits<double>(b), r};
}

void Recorder::setarrayitem(Val<const void*> arr, uint32_t array, Val<int64_t> i, AnyVal value) {
  const ArrayDescr& a = descrs_.array(array);
  if (a.itemKind != value.kind) return abort("setarrayitem of " + a.name + " with the wrong kind");
  auto* base = static_cast<char*>(const_cast<void*>(arr.v));
  storeBits(base + a.baseOffset + i.v * a.itemSize, a.itemKind, a.itemSize, value.bits);
  emit(Op::SETARRAYITEM, {arr.ref, i.ref, value.ref}, array);
}

Val<int64_t> Recorder::arraylen(Val<const void*> arr, uint32_t array) {
  int64_t n = readInt(static_cast<const char*>(arr.v) + descrs_.array(array).lengthOffset, 8, true);
  if (arr.isConst()) return constInt(n);
  return {n, emit(Op::ARRAYLEN, {arr.ref}, array)};
}

Val<int64_t> Recorder::strlen(Val<const void*> str) {
  int64_t n = static_cast<const RStr*>(str.v)->length;
  if (str.isConst()) return constInt(n);
  return {n, emit(Op::STRLEN, {str.ref})};
}

Val<int64_t> Recorder::strgetitem(Val<const void*> str, Val<int64_t> i) {
  int64_t c = static_cast<unsigned char>(static_cast<const RStr*>(str.v)->chars[i.v]);
  if (str.isConst() && i.isConst()) return constInt(c);
  return {c, emit(Op::STRGETITEM, {str.ref, i.ref})};
}

// --- allocation -----------------------------------------------------------------------

Val<void*> Recorder::newStruct(uint32_t size) {
  const SizeDescr& sd = descrs_.sizeDescr(size);
  void* p = ll_malloc(sd.size ? sd.size : 1);
  return {p, emit(Op::NEW, {}, size)};
}

Val<void*> Recorder::newWithVtable(uint32_t size) {
  const SizeDescr& sd = descrs_.sizeDescr(size);
  void* p = ll_malloc(sd.size ? sd.size : 1);
  std::memcpy(p, &sd.vtable, sizeof(void*));
  return {p, emit(Op::NEW_WITH_VTABLE, {}, size)};
}

Val<void*> Recorder::newArray(uint32_t array, Val<int64_t> n) {
  const ArrayDescr& a = descrs_.array(array);
  int64_t len = n.v < 0 ? 0 : n.v;
  auto* p = static_cast<char*>(ll_malloc(a.baseOffset + static_cast<size_t>(len) * a.itemSize));
  writeInt(p + a.lengthOffset, 8, len);
  return {p, emit(Op::NEW_ARRAY, {n.ref}, array)};
}

// --- calls ----------------------------------------------------------------------------

uint64_t Recorder::doCall(uint32_t call, Kind result, bool pure, Live args, Live live, int64_t tag, Ref& out) {
  out = Ref{};
  const CallDescr& c = descrs_.call(call);
  if (c.result != result) {
    abort("call of " + c.name + " with the wrong result kind");
    return 0;
  }
  if (pure && !c.effect.elidable) {
    abort("call_pure of " + c.name + ", which is not elidable");
    return 0;
  }
  uint64_t small[kMaxThunkArgs] = {};
  std::vector<uint64_t> big(args.size() > kMaxThunkArgs ? args.size() : 0);
  uint64_t* argv = big.empty() ? small : big.data();
  std::vector<Ref> refs;
  size_t k = 0;
  for (const AnyVal& a : args) {
    argv[k] = a.bits;
    refs.push_back(a.ref);
    k++;
  }
  uint64_t r = 0;
  bool wasPending = ll_exc_occurred();
  if (k != c.argKinds.size() || !callDescrBits(c, argv, r)) {
    abort("cannot call " + c.name + " (unsupported signature or wrong argument count)");
    return 0;
  }
  bool raised = !wasPending && ll_exc_occurred();
  if (pure && allConst(args)) {
    // Folded: same arguments, same result (and the same exception, which
    // stays pending for the twin: constant in, constant out).
    out = constOf(trace_, result, r);
    return r;
  }
  Op op;
  switch (result) {
    case Kind::INT: op = pure ? Op::CALL_PURE_I : Op::CALL_I; break;
    case Kind::REF: op = pure ? Op::CALL_PURE_R : Op::CALL_R; break;
    case Kind::FLOAT: op = pure ? Op::CALL_PURE_F : Op::CALL_F; break;
    default: op = Op::CALL_N; break;
  }
  out = emit(op, std::move(refs), call);
  if (c.effect.canRaise) {
    if (raised) {
      excValue_ = Val<void*>(ll_exc_value);
      Ref type = trace_.constPtr(ll_exc_type);
      std::vector<ResumeFrame> frames;
      std::vector<Ref> fail = failArgs(std::span<const AnyVal>(live.begin(), live.size()), tag, out, frames);
      if (canRecord() && traced(fail))
        excValue_.ref = trace_.emitGuard(Op::GUARD_EXCEPTION, {type}, std::move(fail), tag, {}, std::move(frames));
    } else {
      emitGuard(Op::GUARD_NO_EXCEPTION, {}, live, tag, out);
    }
  }
  return r;
}

Val<int64_t> Recorder::callI(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::INT, false, args, live, tag, r);
  return {AnyVal::fromBits<int64_t>(b), r};
}
Val<void*> Recorder::callR(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::REF, false, args, live, tag, r);
  return {AnyVal::fromBits<void*>(b), r};
}
Val<double> Recorder::callF(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::FLOAT, false, args, live, tag, r);
  return {AnyVal::fromBits<double>(b), r};
}
void Recorder::callN(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  doCall(call, Kind::VOID, false, args, live, tag, r);
}
Val<int64_t> Recorder::callPureI(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::INT, true, args, live, tag, r);
  return {AnyVal::fromBits<int64_t>(b), r};
}
Val<void*> Recorder::callPureR(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::REF, true, args, live, tag, r);
  return {AnyVal::fromBits<void*>(b), r};
}
Val<double> Recorder::callPureF(uint32_t call, Live args, Live live, int64_t tag) {
  Ref r;
  uint64_t b = doCall(call, Kind::FLOAT, true, args, live, tag, r);
  return {AnyVal::fromBits<double>(b), r};
}

Val<void*> Recorder::catchPending(std::vector<Ref> failArgs, std::vector<ResumeFrame> frames, int64_t tag) {
  excValue_ = Val<void*>(ll_exc_value);
  if (!canRecord() || !traced(failArgs)) return excValue_;
  if (!ll_exc_occurred()) {
    countOp();
    trace_.emitGuard(Op::GUARD_NO_EXCEPTION, {}, std::move(failArgs), tag, {}, std::move(frames));
    return excValue_;
  }
  Ref type = trace_.constPtr(ll_exc_type);
  excValue_.ref = trace_.emitGuard(Op::GUARD_EXCEPTION, {type}, std::move(failArgs), tag, {}, std::move(frames));
  return excValue_;
}

// --- guards ---------------------------------------------------------------------------

void Recorder::guardTrue(Val<int64_t> cond, Live live, int64_t tag) {
  if (cond.v == 0) return abort("guardTrue on a value that is false now");
  if (!cond.isConst()) emitGuard(Op::GUARD_TRUE, {cond.ref}, live, tag);
}

void Recorder::guardFalse(Val<int64_t> cond, Live live, int64_t tag) {
  if (cond.v != 0) return abort("guardFalse on a value that is true now");
  if (!cond.isConst()) emitGuard(Op::GUARD_FALSE, {cond.ref}, live, tag);
}

bool Recorder::branch(Val<int64_t> cond, Live live, int64_t tag) {
  if (cond.v) guardTrue(cond, live, tag);
  else guardFalse(cond, live, tag);
  return cond.v != 0;
}

Ref Recorder::promoteLive(AnyVal x, std::span<const AnyVal> live, int64_t tag) {
  if (x.isConstRef()) return x.ref;
  Ref c = constOf(trace_, x.kind, x.bits);
  emitGuard(Op::GUARD_VALUE, {x.ref, c}, live, tag);
  return c;
}

Ref Recorder::promoteRef(AnyVal x, Live live, int64_t tag) {
  return promoteLive(x, std::span<const AnyVal>(live.begin(), live.size()), tag);
}

Val<void*> Recorder::guardClass(Val<const void*> obj, Live live, int64_t tag) {
  void* typeptr = nullptr;
  if (!obj.v) {
    abort("guardClass on null");
    return Val<void*>(nullptr);
  }
  std::memcpy(&typeptr, obj.v, sizeof typeptr);  // first word: typeptr
  Ref c = trace_.constPtr(typeptr);
  if (!obj.isConst()) emitGuard(Op::GUARD_CLASS, {obj.ref, c}, live, tag);
  return {typeptr, c};
}

void Recorder::guardNonnull(Val<const void*> obj, Live live, int64_t tag) {
  if (!obj.v) return abort("guardNonnull on null");
  if (!obj.isConst()) emitGuard(Op::GUARD_NONNULL, {obj.ref}, live, tag);
}

void Recorder::guardIsnull(Val<const void*> obj, Live live, int64_t tag) {
  if (obj.v) return abort("guardIsnull on a non-null pointer");
  if (!obj.isConst()) emitGuard(Op::GUARD_ISNULL, {obj.ref}, live, tag);
}

bool Recorder::branchNonnull(Val<const void*> obj, Live live, int64_t tag) {
  if (obj.v) guardNonnull(obj, live, tag);
  else guardIsnull(obj, live, tag);
  return obj.v != nullptr;
}

}  // namespace lathe::jit
