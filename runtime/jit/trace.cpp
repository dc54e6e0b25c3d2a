//===- trace.cpp - Trace IR: tables, building, verify, comparison ---------===//
// See trace.h. verify() is the contract every pass (issue 7) is checked
// against in tests; its messages name the op and the operand at fault.
//===----------------------------------------------------------------------===//
#include "jit/trace.h"
#include <algorithm>
#include <cassert>
#include <cstring>

namespace lathe::jit {

const char* kindName(Kind k) {
  switch (k) {
    case Kind::INT: return "int";
    case Kind::REF: return "ref";
    case Kind::FLOAT: return "float";
    case Kind::VOID: return "void";
  }
  return "?";
}

char kindPrefix(Kind k) {
  switch (k) {
    case Kind::INT: return 'i';
    case Kind::REF: return 'p';
    case Kind::FLOAT: return 'f';
    case Kind::VOID: return 'v';
  }
  return '?';
}

std::optional<Op> opFromName(std::string_view name) {
  static const std::map<std::string_view, Op> byName = [] {
    std::map<std::string_view, Op> m;
    for (size_t i = 0; i < kNumOps; i++) m.emplace(kOpInfo[i].name, static_cast<Op>(i));
    return m;
  }();
  auto it = byName.find(name);
  if (it == byName.end()) return std::nullopt;
  return it->second;
}

// --- DescrTable ----------------------------------------------------------------

namespace {
bool inSorted(const std::vector<uint32_t>& v, uint32_t d) { return std::binary_search(v.begin(), v.end(), d); }
}  // namespace

bool EffectInfo::mayWriteField(uint32_t d) const { return !known || inSorted(writesFields, d); }
bool EffectInfo::mayWriteArray(uint32_t d) const { return !known || inSorted(writesArrays, d); }
bool EffectInfo::mayReadField(uint32_t d) const { return !known || inSorted(readsFields, d); }
bool EffectInfo::mayReadArray(uint32_t d) const { return !known || inSorted(readsArrays, d); }

uint32_t DescrTable::add(Descr d) {
  std::string n = std::visit([](const auto& x) { return x.name; }, d);
  assert(!n.empty() && "descriptors need a name");
  assert(!byName_.count(n) && "descriptor names are unique");
  auto idx = static_cast<uint32_t>(descrs_.size());
  descrs_.push_back(std::move(d));
  byName_.emplace(std::move(n), idx);
  return idx;
}

std::optional<uint32_t> DescrTable::find(std::string_view name) const {
  auto it = byName_.find(name);
  if (it == byName_.end()) return std::nullopt;
  return it->second;
}

DescrKind DescrTable::kindOf(uint32_t i) const {
  switch (descrs_[i].index()) {  // order of the Descr variant
    case 0: return DescrKind::FIELD;
    case 1: return DescrKind::ARRAY;
    case 2: return DescrKind::CALL;
    case 3: return DescrKind::SIZE;
    case 4: return DescrKind::LOOP;
  }
  return DescrKind::NONE;
}

const std::string& DescrTable::name(uint32_t i) const {
  return std::visit([](const auto& x) -> const std::string& { return x.name; }, descrs_[i]);
}

void DescrTable::namePointer(std::string name, void* p) {
  assert(name != "null" && !pointer(name) && "pointer names are unique");
  ptrNames_.push_back(std::move(name));
  ptrValues_.push(reinterpret_cast<uint64_t>(p));
}

std::optional<void*> DescrTable::pointer(std::string_view name) const {
  for (size_t i = 0; i < ptrNames_.size(); i++)
    if (ptrNames_[i] == name) return reinterpret_cast<void*>(ptrValues_[i]);
  return std::nullopt;
}

const std::string* DescrTable::pointerName(const void* p) const {
  for (size_t i = 0; i < ptrNames_.size(); i++)
    if (ptrValues_[i] == reinterpret_cast<uint64_t>(p)) return &ptrNames_[i];
  return nullptr;
}

// --- Trace building --------------------------------------------------------------

Ref Trace::addInput(Kind k) {
  assert(k != Kind::VOID && "inputs have a value");
  inputs.push_back(k);
  return Ref::input(static_cast<uint32_t>(inputs.size() - 1));
}

Ref Trace::constInt(int64_t v) {
  for (size_t i = 0; i < ints_.size(); i++)
    if (ints_[i] == v) return Ref::make(Ref::CONST_INT, static_cast<uint32_t>(i));
  ints_.push_back(v);
  return Ref::make(Ref::CONST_INT, static_cast<uint32_t>(ints_.size() - 1));
}

Ref Trace::constFloat(double v) {
  for (size_t i = 0; i < floats_.size(); i++)
    if (std::memcmp(&floats_[i], &v, sizeof v) == 0) return Ref::make(Ref::CONST_FLOAT, static_cast<uint32_t>(i));
  floats_.push_back(v);
  return Ref::make(Ref::CONST_FLOAT, static_cast<uint32_t>(floats_.size() - 1));
}

Ref Trace::constPtr(void* p, std::string name) {
  auto bits = reinterpret_cast<uint64_t>(p);
  for (size_t i = 0; i < ptrs_.size(); i++)
    if (ptrs_[i] == bits) {
      if (ptrNames_[i].empty()) ptrNames_[i] = std::move(name);
      return Ref::make(Ref::CONST_PTR, static_cast<uint32_t>(i));
    }
  ptrs_.push(bits);
  ptrNames_.push_back(std::move(name));
  return Ref::make(Ref::CONST_PTR, static_cast<uint32_t>(ptrs_.size() - 1));
}

Ref Trace::emit(Op op, std::vector<Ref> args, uint32_t descr) {
  Kind type = opInfo(op).result;
  ops.push_back(TraceOp{op, type, std::move(args), descr});
  if (type == Kind::VOID) return Ref{};
  return Ref::op(static_cast<uint32_t>(ops.size() - 1));
}

Ref Trace::emitGuard(Op op, std::vector<Ref> args, std::vector<Ref> failArgs, int64_t tag,
                     std::string name, std::vector<ResumeFrame> frames, std::vector<VirtualDescr> virtuals) {
  assert(isGuard(op) && "emitGuard takes a guard op");
  auto g = static_cast<uint32_t>(guards.size());
  if (name.empty()) name = "g" + std::to_string(g);
  guards.push_back(GuardDescr{std::move(name), std::move(failArgs), tag, std::move(frames), std::move(virtuals)});
  return emit(op, std::move(args), g);
}

void Trace::emitDebugMergePoint(std::string text) {
  texts.push_back(std::move(text));
  emit(Op::DEBUG_MERGE_POINT, {}, static_cast<uint32_t>(texts.size() - 1));
}

Kind Trace::kindOf(Ref r) const {
  switch (r.tag()) {
    case Ref::NONE: return Kind::VOID;
    case Ref::INPUT: return r.index() < inputs.size() ? inputs[r.index()] : Kind::VOID;
    case Ref::OP: return r.index() < ops.size() ? ops[r.index()].type : Kind::VOID;
    case Ref::CONST_INT: return Kind::INT;
    case Ref::CONST_FLOAT: return Kind::FLOAT;
    case Ref::CONST_PTR: return Kind::REF;
    case Ref::VIRTUAL: return Kind::REF;
  }
  return Kind::VOID;
}

// --- verify ------------------------------------------------------------------------

namespace {

class Verifier {
 public:
  Verifier(const Trace& t, const DescrTable& d)
      : t_(t), d_(d), inputVisible_(t.inputs.size(), 1), opVisible_(t.ops.size(), 0),
        guardUsed_(t.guards.size(), 0) {}

  std::vector<TraceError> run() {
    for (size_t k = 0; k < t_.inputs.size(); k++)
      if (t_.inputs[k] == Kind::VOID) error(kNoOp, "input " + std::to_string(k) + " has kind void");
    if (t_.vable >= 0 && (static_cast<size_t>(t_.vable) >= t_.inputs.size() || t_.inputs[t_.vable] != Kind::REF))
      error(kNoOp, "the virtualizable (vable=) is not a ref input");
    for (uint32_t i = 0; i < t_.ops.size(); i++) checkOp(i);
    if (t_.ops.empty() || (t_.ops.back().op != Op::JUMP && t_.ops.back().op != Op::FINISH))
      error(kNoOp, "trace does not end with jump or finish");
    return std::move(errors_);
  }

 private:
  void error(uint32_t op, std::string msg) { errors_.push_back({op, std::move(msg)}); }

  std::string where(uint32_t i) const { return std::string(opName(t_.ops[i].op)); }

  /// Is `r` a defined, visible value at op `i`? Reports why not.
  bool checkUse(uint32_t i, Ref r, const std::string& what) {
    auto fail = [&](const std::string& why) { error(i, what + " of " + where(i) + " " + why); return false; };
    switch (r.tag()) {
      case Ref::NONE: return fail("is missing");
      case Ref::INPUT:
        if (r.index() >= t_.inputs.size()) return fail("refers to a nonexistent input");
        if (!inputVisible_[r.index()]) return fail("is not visible after the label (not one of its arguments)");
        return true;
      case Ref::OP:
        if (r.index() >= i) return fail("is used before its definition");
        if (t_.ops[r.index()].type == Kind::VOID) return fail("refers to an op without a result");
        if (!opVisible_[r.index()]) return fail("is not visible after the label (not one of its arguments)");
        return true;
      case Ref::CONST_INT: return r.index() < t_.numIntConsts() || fail("refers to a nonexistent constant");
      case Ref::CONST_FLOAT: return r.index() < t_.numFloatConsts() || fail("refers to a nonexistent constant");
      case Ref::CONST_PTR: return r.index() < t_.numPtrConsts() || fail("refers to a nonexistent constant");
      case Ref::VIRTUAL: return fail("is a virtual (only a guard's fail args may name one)");
    }
    return fail("is malformed");
  }

  void expectKind(uint32_t i, Ref r, Kind want, const std::string& what) {
    Kind got = t_.kindOf(r);
    if (got != want)
      error(i, what + " of " + where(i) + " must be " + kindName(want) + ", got " + kindName(got));
  }

  void checkOperands(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    const OpInfo& info = opInfo(op.op);
    bool ok = true;
    for (size_t k = 0; k < op.args.size(); k++)
      ok &= checkUse(i, op.args[k], "operand " + std::to_string(k + 1));
    if (isVariadic(op.op) || !ok) return;
    size_t want = std::strlen(info.sig);
    if (op.args.size() != want) {
      error(i, where(i) + " takes " + std::to_string(want) + " operand" + (want == 1 ? "" : "s") +
                   ", got " + std::to_string(op.args.size()));
      return;
    }
    for (size_t k = 0; k < want; k++) {
      std::string what = "operand " + std::to_string(k + 1);
      switch (info.sig[k]) {
        case 'i': expectKind(i, op.args[k], Kind::INT, what); break;
        case 'r': expectKind(i, op.args[k], Kind::REF, what); break;
        case 'f': expectKind(i, op.args[k], Kind::FLOAT, what); break;
        default: break;  // 'a': any kind with a value (checkUse saw to that)
      }
    }
  }

  /// Is op.descr a valid index of the kind the table asks for?
  bool checkDescr(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    DescrKind want = opInfo(op.op).descr;
    auto fail = [&](const std::string& why) { error(i, where(i) + " " + why); return false; };
    switch (want) {
      case DescrKind::NONE: return op.descr == kNoDescr || fail("takes no descr");
      case DescrKind::GUARD:
        if (op.descr >= t_.guards.size()) return fail("has no GuardDescr");
        if (guardUsed_[op.descr]++) return fail("shares GuardDescr " + t_.guards[op.descr].name + " with another guard");
        return true;
      case DescrKind::TEXT: return op.descr < t_.texts.size() || fail("has no text");
      case DescrKind::FIELD:
      case DescrKind::ARRAY:
      case DescrKind::CALL:
      case DescrKind::SIZE:
      case DescrKind::LOOP:
        if (op.descr >= d_.size()) return fail("has no descr");
        if (d_.kindOf(op.descr) != want) return fail("has a descr of the wrong kind (" + d_.name(op.descr) + ")");
        return true;
    }
    return false;
  }

  void checkOp(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    if (op.type != opInfo(op.op).result)
      error(i, where(i) + " has result kind " + kindName(op.type) + ", the table says " + kindName(opInfo(op.op).result));
    checkOperands(i);
    if (checkDescr(i)) checkSpecific(i);
    if ((op.op == Op::JUMP || op.op == Op::FINISH) && i + 1 != t_.ops.size())
      error(i, where(i) + " must be the last op of the trace");
    if (op.op == Op::LABEL) enterLabel(i);
    if (op.type != Kind::VOID) opVisible_[i] = 1;
  }

  /// Checks that need the descriptor: kinds of fields, items, calls, labels.
  /// (An if-chain, not a switch: most ops need nothing beyond their table row.)
  void checkSpecific(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    DescrKind dk = opInfo(op.op).descr;
    bool isSet = op.op == Op::SETFIELD || op.op == Op::SETARRAYITEM;
    if (dk == DescrKind::FIELD && !isSet) expectResult(i, d_.field(op.descr).kind, d_.field(op.descr).name);
    if (op.op == Op::SETFIELD && op.args.size() == 2) expectKind(i, op.args[1], d_.field(op.descr).kind, "the value");
    bool readsItem = op.op == Op::GETARRAYITEM_I || op.op == Op::GETARRAYITEM_R || op.op == Op::GETARRAYITEM_F;
    if (readsItem) expectResult(i, d_.array(op.descr).itemKind, d_.array(op.descr).name);
    if (op.op == Op::SETARRAYITEM && op.args.size() == 3)
      expectKind(i, op.args[2], d_.array(op.descr).itemKind, "the value");
    if (dk == DescrKind::CALL) checkCall(i);
    bool isCallAssembler = dk == DescrKind::LOOP && op.op != Op::LABEL && op.op != Op::JUMP;
    if (isCallAssembler && d_.loop(op.descr).argKinds) checkArgKinds(i, *d_.loop(op.descr).argKinds, "its loop");
    if (op.op == Op::LABEL) checkLabel(i);
    if (op.op == Op::JUMP) checkJump(i);
    if (op.op == Op::GUARD_VALUE && op.args.size() == 2 && t_.kindOf(op.args[0]) != t_.kindOf(op.args[1]))
      error(i, "guard_value compares a " + std::string(kindName(t_.kindOf(op.args[0]))) + " with a " +
                   kindName(t_.kindOf(op.args[1])));
    if (isGuard(op.op)) checkGuard(i, t_.guards[op.descr]);
  }

  void checkGuard(uint32_t i, const GuardDescr& g) {
    for (size_t k = 0; k < g.failArgs.size(); k++) {
      Ref r = g.failArgs[k];
      if (!r.isVirtual()) checkUse(i, r, "fail arg " + std::to_string(k + 1));
      else if (r.index() >= g.virtuals.size() || g.virtuals[r.index()].isWrite())
        error(i, "fail arg " + std::to_string(k + 1) + " of " + g.name + " names virtual v" +
                     std::to_string(r.index()) + ", which it does not describe");
    }
    if (g.numVirtualFields() > g.failArgs.size())
      error(i, "the virtuals of " + g.name + " have " + std::to_string(g.numVirtualFields()) +
                   " fields, the guard has " + std::to_string(g.failArgs.size()) + " fail args");
    else
      for (size_t k = 0, pos = g.numFrameArgs(); k < g.virtuals.size(); pos += g.virtuals[k++].numArgs()) {
        if (g.virtuals[k].isWrite()) checkWrite(i, g, k, pos);
        else if (k > 0 && g.virtuals[k - 1].isWrite())
          error(i, "virtual v" + std::to_string(k) + " of " + g.name + " comes after a write (writes come last)");
        else checkVirtual(i, g, k, pos);
      }
    if (!g.frames.empty()) {
      size_t n = 0;
      for (const ResumeFrame& f : g.frames) n += f.numValues;
      if (n != g.numFrameArgs())
        error(i, "resume frames of " + g.name + " hold " + std::to_string(n) + " values, the guard has " +
                     std::to_string(g.numFrameArgs()) + " fail args" +
                     (g.virtuals.empty() ? "" : " for them (and " + std::to_string(g.numVirtualFields()) +
                                                    " for its virtuals' fields)"));
    }
  }

  /// Virtual k of guard g, whose field values start at fail arg `pos`: what
  /// it allocates, and each field or item (the right descr, once, in
  /// bounds, a value of its kind).
  void checkVirtual(uint32_t i, const GuardDescr& g, size_t k, size_t pos) {
    const VirtualDescr& v = g.virtuals[k];
    std::string who = "virtual v" + std::to_string(k) + " of " + g.name;
    bool isArray = v.op == Op::NEW_ARRAY;
    if (v.op != Op::NEW && v.op != Op::NEW_WITH_VTABLE && !isArray)
      return error(i, who + " is a " + opName(v.op) + ", not an allocation");
    DescrKind want = isArray ? DescrKind::ARRAY : DescrKind::SIZE;
    if (v.descr >= d_.size() || d_.kindOf(v.descr) != want)
      return error(i, who + " needs " + (isArray ? "an array" : "a size") + " descr");
    for (size_t f = 0; f < v.fields.size(); f++) {
      uint32_t key = v.fields[f];
      for (size_t e = 0; e < f; e++)
        if (v.fields[e] == key) error(i, who + " sets " + keyName(v, key) + " twice");
      Kind kind;
      if (isArray) {
        if (key >= v.length) {
          error(i, who + " has " + std::to_string(v.length) + " items, not item " + std::to_string(key));
          continue;
        }
        kind = d_.array(v.descr).itemKind;
      } else {
        if (key >= d_.size() || d_.kindOf(key) != DescrKind::FIELD) {
          error(i, who + " has a field whose descr is not a field");
          continue;
        }
        kind = d_.field(key).kind;
      }
      Kind got = t_.kindOf(g.failArgs[pos + f]);
      if (got != kind)
        error(i, keyName(v, key) + " of " + who + " must be " + kindName(kind) + ", got " + kindName(got));
    }
  }

  /// Write k of guard g (a delayed setfield or setarrayitem), whose target
  /// is fail arg `pos`: a ref, then each field or item once, of its kind.
  void checkWrite(uint32_t i, const GuardDescr& g, size_t k, size_t pos) {
    const VirtualDescr& v = g.virtuals[k];
    std::string who = std::string(opName(v.op)) + " #" + std::to_string(k) + " of " + g.name;
    bool items = v.op == Op::SETARRAYITEM;
    if (items && (v.descr >= d_.size() || d_.kindOf(v.descr) != DescrKind::ARRAY))
      return error(i, who + " needs an array descr");
    if (t_.kindOf(g.failArgs[pos]) != Kind::REF) error(i, who + " writes into a value that is not a ref");
    for (size_t f = 0; f < v.fields.size(); f++) {
      uint32_t key = v.fields[f];
      for (size_t e = 0; e < f; e++)
        if (v.fields[e] == key) error(i, who + " sets " + keyName(v, key) + " twice");
      if (!items && (key >= d_.size() || d_.kindOf(key) != DescrKind::FIELD)) {
        error(i, who + " has a field whose descr is not a field");
        continue;
      }
      Kind kind = items ? d_.array(v.descr).itemKind : d_.field(key).kind;
      Kind got = t_.kindOf(g.failArgs[pos + 1 + f]);
      if (got != kind)
        error(i, keyName(v, key) + " of " + who + " must be " + kindName(kind) + ", got " + kindName(got));
    }
  }

  std::string keyName(const VirtualDescr& v, uint32_t key) const {
    if (v.op == Op::NEW_ARRAY || v.op == Op::SETARRAYITEM) return "item " + std::to_string(key);
    return key < d_.size() ? d_.name(key) : "field #" + std::to_string(key);
  }

  void expectResult(uint32_t i, Kind want, const std::string& descrName) {
    if (t_.ops[i].type != want)
      error(i, where(i) + " reads " + descrName + " of kind " + kindName(want));
  }

  void checkArgKinds(uint32_t i, const std::vector<Kind>& kinds, const std::string& whose) {
    const TraceOp& op = t_.ops[i];
    if (op.args.size() != kinds.size()) {
      error(i, where(i) + " passes " + std::to_string(op.args.size()) + " values, " + whose + " takes " +
                   std::to_string(kinds.size()));
      return;
    }
    for (size_t k = 0; k < kinds.size(); k++) expectKind(i, op.args[k], kinds[k], "operand " + std::to_string(k + 1));
  }

  void checkCall(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    const CallDescr& c = d_.call(op.descr);
    checkArgKinds(i, c.argKinds, c.name);
    if (c.result != op.type)
      error(i, where(i) + " expects a " + kindName(op.type) + " result, " + c.name + " returns " + kindName(c.result));
    if (isPure(op.op) && !c.effect.elidable) error(i, where(i) + " calls " + c.name + ", which is not elidable");
  }

  void checkLabel(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    for (size_t k = 0; k < op.args.size(); k++) {
      Ref r = op.args[k];
      if (r.isConst()) error(i, "operand " + std::to_string(k + 1) + " of label is a constant, not a value");
      for (size_t j = 0; j < k; j++)
        if (op.args[j] == r) error(i, "operand " + std::to_string(k + 1) + " of label repeats operand " + std::to_string(j + 1));
    }
    for (uint32_t j = 0; j < i; j++)
      if (t_.ops[j].op == Op::LABEL && t_.ops[j].descr == op.descr)
        error(i, "a second label with descr " + d_.name(op.descr));
    if (auto& kinds = d_.loop(op.descr).argKinds) checkArgKinds(i, *kinds, d_.name(op.descr));
  }

  void checkJump(uint32_t i) {
    const TraceOp& op = t_.ops[i];
    for (uint32_t j = 0; j < i; j++) {
      if (t_.ops[j].op != Op::LABEL || t_.ops[j].descr != op.descr) continue;
      std::vector<Kind> kinds;
      for (Ref r : t_.ops[j].args) kinds.push_back(t_.kindOf(r));
      return checkArgKinds(i, kinds, "label " + d_.name(op.descr));
    }
    if (auto& kinds = d_.loop(op.descr).argKinds) return checkArgKinds(i, *kinds, d_.name(op.descr));
    error(i, "jump to " + d_.name(op.descr) + ", which has no label in this trace and no declared signature");
  }

  /// After a label only its arguments (and later definitions) are visible.
  void enterLabel(uint32_t i) {
    std::fill(inputVisible_.begin(), inputVisible_.end(), 0);
    std::fill(opVisible_.begin(), opVisible_.end(), 0);
    for (Ref r : t_.ops[i].args) {
      if (r.tag() == Ref::INPUT && r.index() < inputVisible_.size()) inputVisible_[r.index()] = 1;
      if (r.tag() == Ref::OP && r.index() < i) opVisible_[r.index()] = 1;
    }
  }

  const Trace& t_;
  const DescrTable& d_;
  std::vector<char> inputVisible_, opVisible_, guardUsed_;
  std::vector<TraceError> errors_;
};

/// A description of what `r` denotes, independent of pool order.
std::string refKey(const Trace& t, Ref r) {
  switch (r.tag()) {
    case Ref::NONE: return "none";
    case Ref::INPUT: return "input " + std::to_string(r.index());
    case Ref::OP: return "op " + std::to_string(r.index());
    case Ref::CONST_INT: return "int " + std::to_string(t.intConst(r));
    case Ref::CONST_FLOAT: {
      double v = t.floatConst(r);
      uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      return "float bits " + std::to_string(bits);
    }
    case Ref::CONST_PTR: return "ptr " + std::to_string(reinterpret_cast<uint64_t>(t.ptrConst(r)));
    case Ref::VIRTUAL: return "virtual " + std::to_string(r.index());
  }
  return "?";
}

std::string refsDifference(const Trace& a, const std::vector<Ref>& ra, const Trace& b, const std::vector<Ref>& rb) {
  if (ra.size() != rb.size()) return std::to_string(ra.size()) + " vs " + std::to_string(rb.size()) + " values";
  for (size_t k = 0; k < ra.size(); k++) {
    std::string ka = refKey(a, ra[k]), kb = refKey(b, rb[k]);
    if (ka != kb) return "value " + std::to_string(k + 1) + ": " + ka + " vs " + kb;
  }
  return "";
}

std::string opDifference(const Trace& a, const Trace& b, size_t i) {
  const TraceOp &x = a.ops[i], &y = b.ops[i];
  std::string at = "op " + std::to_string(i) + " (" + opName(x.op) + "): ";
  if (x.op != y.op) return at + "vs " + opName(y.op);
  if (x.type != y.type) return at + "result kinds differ";
  if (std::string d = refsDifference(a, x.args, b, y.args); !d.empty()) return at + "operands differ, " + d;
  switch (opInfo(x.op).descr) {
    case DescrKind::NONE: return "";
    case DescrKind::GUARD: {
      const GuardDescr &g = a.guards[x.descr], &h = b.guards[y.descr];
      if (g.name != h.name || g.tag != h.tag) return at + "guard descr " + g.name + " vs " + h.name;
      if (g.frames != h.frames) return at + "resume frames of " + g.name + " differ";
      if (g.virtuals != h.virtuals) return at + "virtuals of " + g.name + " differ";
      if (std::string d = refsDifference(a, g.failArgs, b, h.failArgs); !d.empty()) return at + "fail args differ, " + d;
      return "";
    }
    case DescrKind::TEXT: return a.texts[x.descr] == b.texts[y.descr] ? "" : at + "texts differ";
    case DescrKind::FIELD: case DescrKind::ARRAY: case DescrKind::CALL: case DescrKind::SIZE: case DescrKind::LOOP:
      return x.descr == y.descr ? "" : at + "descrs differ";
  }
  return "";
}

}  // namespace

std::vector<TraceError> verify(const Trace& t, const DescrTable& descrs) { return Verifier(t, descrs).run(); }

std::string traceDifference(const Trace& a, const Trace& b) {
  if (a.inputs != b.inputs) return "inputs differ";
  if (a.vable != b.vable) return "virtualizables differ";
  if (a.ops.size() != b.ops.size())
    return std::to_string(a.ops.size()) + " vs " + std::to_string(b.ops.size()) + " ops";
  for (size_t i = 0; i < a.ops.size(); i++)
    if (std::string d = opDifference(a, b, i); !d.empty()) return d;
  return "";
}

}  // namespace lathe::jit
