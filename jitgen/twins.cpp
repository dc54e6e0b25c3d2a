//===- twins.cpp - Traced twins and the JIT glue, as C++ -------------------===//
// See twins.h. The recipe (generateJit):
//   1. which graphs get a twin: the portals and every "look inside" graph
//      the tracer can reach (direct calls; indirect calls through every
//      graph of the pointer's function type); each gets a code number;
//   2. per twin (TwinEmitter): liveness inside each block, then the body —
//      ops as Recorder calls, branches as guards, calls as inlined twin
//      calls or residual calls — collecting resume points as it goes, then
//      the resume switch that restores a frame and jumps to its point;
//   3. the glue: thunks, descriptors, driver states, the portal hook; a
//      CallDescr's EffectInfo (effects.h) is written last, when every
//      field and array descr the twins use exists.
//
// Resume points (the `point` of a ResumeFrame) and what they restore:
//   switch    before a block's exit switch: the switch value and every
//             variable the exits pass on (a failing guard_true/false/value
//             resumes here and takes the other exit)
//   before    before op i: the variables live before it (ovf ops, promote,
//             guard_class on a typeptr read, an indirect call's promote):
//             the op runs again, concretely
//   after     after a residual call: the variables live after it, then the
//             call's result (the recorder appends it to the fail args); the
//             exception check that follows sees a pending exception
//   call      an inlined twin call: the variables live across it; the
//             cursor goes on to the callee's frame, then the caller
//             continues after the call with its result
//   merge     the portal just after jit_merge_point: the driver's greens
//             and reds (where traces start)
//   except    a twin's except block: the exception type and value
//
// Values: Bool, Char, Signed, Unsigned are Val<int64_t> (chars 0..255,
// bools 0/1), Float Val<double>, pointers Val<T*>.
//===----------------------------------------------------------------------===//
#include "jitgen/twins.h"

#include "backend/cpp/emit_internal.h"
#include "jitgen/effects.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <sstream>

namespace lathe::jitgen {

using namespace rtyper;
using cpp::cppType;

namespace {

enum class VK { INT, FLOAT, REF, VOID, OTHER };

VK kindOf(const LLType *t) {
  switch (t->kind()) {
  case LLKind::BOOL: case LLKind::CHAR: case LLKind::SIGNED: case LLKind::UNSIGNED: return VK::INT;
  case LLKind::FLOAT: return VK::FLOAT;
  case LLKind::PTR: return VK::REF;
  case LLKind::VOID: return VK::VOID;
  default: return VK::OTHER;
  }
}

const char *kindEnum(VK k) {
  switch (k) {
  case VK::INT: return "lathe::jit::Kind::INT";
  case VK::FLOAT: return "lathe::jit::Kind::FLOAT";
  case VK::REF: return "lathe::jit::Kind::REF";
  default: return "lathe::jit::Kind::VOID";
  }
}

/// The T of a twin's Val<T>.
std::string valType(const LLType *t) {
  switch (kindOf(t)) {
  case VK::INT: return "int64_t";
  case VK::FLOAT: return "double";
  case VK::REF: return cppType(t);
  default: return "int64_t";
  }
}

std::string valDecl(const LLType *t) { return "lathe::jit::Val<" + valType(t) + ">"; }

/// The C++ spelling of the struct or array a pointer type points to.
std::string containerSpelling(const LLType *ptr) {
  std::string s = cppType(ptr);
  if (!s.empty() && s.back() == '*') s.pop_back();
  return s;
}

std::string varName(const LLVariable *v) { return (v->hint.empty() ? "v" : v->hint + "_") + std::to_string(v->id); }

bool isVoid(const LLType *t) { return t->kind() == LLKind::VOID; }

/// Where a CallDescr's initializer takes its EffectInfo, once every twin is
/// emitted (the effect sets name descrs the twins create).
constexpr const char *kEffectHole = "@EFFECTS@";
constexpr const char *kSetsHole = "@SETS@";

/// Runtime helpers whose result depends only on their arguments (numbers;
/// strings, which are immutable; checks, which raise or not by their
/// arguments alone): elidable calls, folded on constant arguments.
bool pureHelper(const std::string &name, const LLType *fn) {
  if (name.rfind("ll_math_", 0) == 0 || name.rfind("ll_check_", 0) == 0 || name.rfind("ll_int_", 0) == 0 ||
      name.rfind("ll_float_", 0) == 0 || name == "ll_chr" || name == "ll_ord")
    return true;
  if (name.rfind("ll_str_", 0) != 0) return false;
  if (name == "ll_str_new" || name.rfind("ll_str_split", 0) == 0) return false;
  // A string helper that reads a mutable container (str.join of a list,
  // %-formatting of a tuple's items are fine; a list or dict is not) is not
  // elidable: the same list may hold other strings later.
  for (const LLType *a : fn->args()) {
    const LLType *t = a->isPtr() ? a->target() : nullptr;
    if (t && !t->isFunc() && t->name() != "STR" && !(t->isStruct() && t->name().rfind("TUPLE", 0) == 0)) return false;
  }
  const LLType *r = fn->result();
  if (r->isPtr() && r->target()->isStruct() && r->target()->name() != "STR") return false;
  if (r->isPtr() && r->target()->isArray()) return false;
  return true;
}

/// Helpers that read a list's item: elidable when the list is known
/// immutable (a `name[*]` field of _immutable_fields_).
bool listReadHelper(const std::string &name) {
  return name == "ll_list_getitem" || name == "ll_array_getitem" || name == "ll_seq_getitem_as" ||
         name == "ll_list_len" || name == "ll_seq_len";
}

// ---------------------------------------------------------------------------
// Program-wide state: twins, descriptors, thunks.

struct Marker {
  const JitMarker *m = nullptr;
  size_t index = 0;
  size_t driver = 0;
};

struct DriverGen {
  const DriverInfo *info = nullptr;
  /// The canonical order: the driver's greens then reds that are not Void
  /// at the merge point (names and LL types).
  std::vector<std::string> names;
  std::vector<const LLType *> types;
  size_t numGreens = 0;
  bool countAtMerge = true; // no can_enter_jit: jit_merge_point counts
  uint32_t mergePoint = 0;
  /// The jit_merge_point operation of the portal and its marker.
  const LLOperation *mergeOp = nullptr;
  const JitMarker *mergeMarker = nullptr;
  /// The virtualizable: its index among the canonical reds, or -1.
  int vableRed = -1;
};

/// The effect sets of the glue's CallDescr rows, each stored once: a set
/// is its length, then its items (jit/glue_descrs.h).
struct SetPool {
  std::vector<uint32_t> words;
  /// Where `set` starts in `words` (appended when new).
  uint32_t place(const std::vector<uint32_t> &set);

 private:
  std::map<std::vector<uint32_t>, uint32_t> at_;
};

class JitGen {
public:
  JitGen(const LLProgram &p, const JitInfo &info, Diagnostics &sink)
      : p_(p), info_(info), sink_(sink), syms_(p), effects_(p) {}

  bool run(cpp::JitHooks &out);
  /// Every residual call target (one per CallDescr, in descr order).
  std::vector<ResidualCall> residualCalls() const;

  // --- lookups used by the twin emitter
  const LLProgram &program() const { return p_; }
  const cpp::Symbols &syms() const { return syms_; }
  bool hasTwin(const std::string &g) const { return codes_.count(g) != 0; }
  uint32_t code(const std::string &g) const { return codes_.at(g); }
  Policy policy(const std::string &g) const {
    auto it = policy_.find(g);
    return it == policy_.end() ? Policy::DONT_LOOK_INSIDE : it->second;
  }
  /// The predicate graph of a @look_inside_iff callee, or "".
  std::string predicate(const std::string &g) const {
    auto it = predicate_.find(g);
    return it == predicate_.end() ? std::string() : it->second;
  }
  const Marker *marker(const LLOperation &op) const {
    const JitMarker *m = op.args.size() < 2 ? nullptr : markerOf(p_, op);
    auto it = m ? markers_.find(static_cast<size_t>(m - p_.jitMarkers.data())) : markers_.end();
    return it == markers_.end() ? nullptr : &it->second;
  }
  DriverGen &driver(size_t i) { return drivers_[i]; }
  const std::vector<const LLGraph *> &candidates(const LLType *fnPtr) {
    static const std::vector<const LLGraph *> none;
    auto it = byFuncType_.find(fnPtr->target());
    return it == byFuncType_.end() ? none : it->second;
  }

  uint32_t fieldDescr(const LLType *structT, const std::string &field);
  uint32_t arrayDescr(const LLType *containerPtr);
  uint32_t sizeDescr(const LLType *structT);
  /// A residual call of `callee` (its C++ spelling) of function type `fn`.
  uint32_t callDescr(const std::string &callee, const LLType *fn, bool canRaise, bool elidable);
  /// Whether items of a list read through this field are immutable.
  bool itemsImmutable(const LLType *structT, const std::string &field) const;
  /// The quasi-immutable id of a field (`name?` in _immutable_fields_), or -1.
  int quasiId(const LLType *structT, const std::string &field);
  /// The CallDescr of lathe::jit::quasiWrite (a write in a trace).
  uint32_t quasiWriteDescr() {
    TypeContext &t = const_cast<TypeContext &>(p_.types);
    return callDescr("lathe::jit::quasiWrite", t.func({t.signedType()}, t.voidType()), false, false);
  }
  bool twinnable(const LLGraph &g, std::string &why) const;

  void error(SrcLoc loc, const std::string &msg) {
    sink_.error(loc, msg);
    ok_ = false;
  }

private:
  void chooseTwins();
  bool checkMarkers();
  bool findVirtualizable(DriverGen &dg);
  std::string glueText();
  std::string markerHook(const LLGraph &g, const LLOperation &op, const cpp::JitHooks::Spell &spell) const;
  std::vector<std::string> immutableSpecs(const LLType *s) const { return classHints(p_, s, "_immutable_fields_"); }
  /// A CallDescr's EffectInfo initializer, its names as descr indices.
  std::pair<std::string, std::string> effectInit(const ResidualCall &c, SetPool &pool) const;
  uint32_t addDescr(const std::string &key, std::string init) {
    auto it = descrIndex_.find(key);
    if (it != descrIndex_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(descrInit_.size());
    descrIndex_[key] = id;
    descrInit_.push_back(std::move(init));
    return id;
  }

  const LLProgram &p_;
  const JitInfo info_; // a copy: the generator outlives the caller's JitInfo (hooks run later)
  Diagnostics &sink_;
  cpp::Symbols syms_;
  EffectAnalysis effects_;
  bool ok_ = true;
  std::map<std::string, Policy> policy_;
  std::map<std::string, std::string> predicate_; // @look_inside_iff callee -> predicate graph
  std::map<std::string, uint32_t> codes_;
  std::vector<const LLGraph *> twinGraphs_;
  std::map<size_t, Marker> markers_;
  std::vector<DriverGen> drivers_;
  // Per function of the normal code: the glue its markers keep out of line
  // (the epilogue hook), collected while the function is emitted.
  mutable std::map<const LLGraph *, std::string> coldText_;
  std::map<const LLType *, std::vector<const LLGraph *>> byFuncType_;
  std::map<std::string, int> quasi_;
  std::map<std::string, uint32_t> descrIndex_;
  std::vector<std::string> descrInit_;
  std::vector<std::string> thunks_;
  /// Field and array descrs by name (effect sets are names).
  std::map<std::string, uint32_t> fieldIds_, arrayIds_;
  /// CallDescrs: their target and effects; descrInit_ holds the text around
  /// the EffectInfo, which waits for every twin to be emitted (glueText).
  std::map<uint32_t, ResidualCall> calls_;
};

// ---------------------------------------------------------------------------
// Descriptors.

/// The struct that declares `field` (walking up the parents).
const LLType *declaringStruct(const LLType *s, const std::string &field) {
  while (s->parent() && s->parent()->fieldIndex(field) >= 0) s = s->parent();
  return s;
}

/// A field's or item's "size, flags" in a GlueDescr row: its bytes, and
/// whether narrower reads sign-extend (plus `flags`).
std::string itemFacts(const LLType *t, unsigned flags) {
  switch (t->kind()) {
  case LLKind::BOOL: case LLKind::CHAR: return "1, " + std::to_string(flags);
  case LLKind::UNSIGNED: return "8, " + std::to_string(flags);
  default: return "8, " + std::to_string(flags | 1u); // GlueDescr::kSigned
  }
}

bool JitGen::itemsImmutable(const LLType *structT, const std::string &field) const {
  if (field.rfind("a_", 0) != 0) return false;
  std::string attr = field.substr(2);
  for (const std::string &spec : immutableSpecs(structT))
    if (spec == attr + "[*]") return true;
  return false;
}

int JitGen::quasiId(const LLType *structT, const std::string &field) {
  if (field.rfind("a_", 0) != 0) return -1;
  std::string attr = field.substr(2);
  bool quasi = false;
  for (const std::string &spec : immutableSpecs(structT)) quasi |= spec == attr + "?";
  if (!quasi) return -1;
  std::string key = declaringStruct(structT, field)->name() + "." + field;
  auto it = quasi_.find(key);
  if (it != quasi_.end()) return it->second;
  int id = static_cast<int>(quasi_.size());
  quasi_[key] = id;
  return id;
}

uint32_t JitGen::fieldDescr(const LLType *structT, const std::string &field) {
  const LLType *decl = declaringStruct(structT, field);
  std::string key = "F " + decl->name() + "." + field;
  const LLType *ft = decl->fieldType(field);
  bool immutable = field == "typeptr" || (decl->name() == "STR" && field != "hash");
  bool isVtable = false;
  for (const ClassInfo &c : p_.classes) isVtable |= c.vtable == decl;
  immutable |= isVtable;
  if (!immutable && field.rfind("a_", 0) == 0) {
    std::string attr = field.substr(2);
    for (const std::string &spec : immutableSpecs(structT))
      if (spec == attr || spec == attr + "[*]") immutable = true;
  }
  // `_virtualizable_`: `attr` lives in trace values; `attr[*]` too, and so
  // do the items of the fixed-size array it points to.
  bool vable = false, vableItems = false;
  if (field.rfind("a_", 0) == 0) {
    std::string attr = field.substr(2);
    for (const std::string &spec : classHints(p_, structT, "_virtualizable_")) {
      vable |= spec == attr || spec == attr + "[*]";
      const LLType *x = ft->isPtr() ? ft->target() : nullptr;
      vableItems |= spec == attr + "[*]" && x && x->isArray();
    }
  }
  std::string s = cppType(const_cast<TypeContext &>(p_.types).ptr(decl));
  s.pop_back();
  std::ostringstream init;
  std::string name = fieldName(structT, field);
  // A resizable list's length (the rtyper's {length, items} struct) is never negative.
  bool nonneg = field == "length" && decl->fieldIndex("items") >= 0;
  // GlueDescr flags: kImmutable 2, kVable 4, kVableItems 8, kNonNeg 16.
  unsigned flags = (immutable ? 2u : 0u) | (vable ? 4u : 0u) | (vableItems ? 8u : 0u) | (nonneg ? 16u : 0u);
  // (for a list's length, the lengthOffset column holds its items field's offset: FieldDescr::itemsAt)
  std::string itemsAt = nonneg ? "(uint32_t)offsetof(" + s + ", items)" : "0";
  init << "{G::FIELD, \"" << name << "\", " << kindEnum(kindOf(ft)) << ", " << itemFacts(ft, flags)
       << ", (uint32_t)offsetof(" << s << ", " << field << "), " << itemsAt << ", nullptr, {N, N, N, N}, nullptr}";
  return fieldIds_[name] = addDescr(key, init.str());
}

uint32_t JitGen::arrayDescr(const LLType *containerPtr) {
  const LLType *c = containerPtr->target();
  std::string s = containerSpelling(containerPtr);
  std::string key = "A " + s;
  const LLType *item;
  std::string field;
  bool immutable = false;
  if (c->isArray()) {
    item = c->item();
    field = "items";
  } else {
    const LLField &last = c->fields().back();
    item = last.type->item();
    field = last.name;
    immutable = c->name() == "STR";
  }
  std::ostringstream init;
  init << "{G::ARRAY, \"" << arrayName(c) << "\", " << kindEnum(kindOf(item)) << ", "
       << itemFacts(item, immutable ? 2u : 0u) << ", (uint32_t)offsetof(" << s << ", " << field
       << "), (uint32_t)offsetof(" << s << ", length), nullptr, {N, N, N, N}, nullptr}";
  return arrayIds_[arrayName(c)] = addDescr(key, init.str());
}

uint32_t JitGen::sizeDescr(const LLType *structT) {
  std::string s = cppType(const_cast<TypeContext &>(p_.types).ptr(structT));
  s.pop_back();
  return addDescr("S " + s, "{G::SIZE, \"" + structT->name() + "\", K::VOID, 0, 0, (uint32_t)sizeof(" + s +
                                "), 0, nullptr, {N, N, N, N}, nullptr}");
}

uint32_t JitGen::callDescr(const std::string &callee, const LLType *fn, bool canRaise, bool elidable) {
  std::string key = "C " + callee + "|" + fn->str() + (elidable ? "|pure" : "");
  auto it = descrIndex_.find(key);
  if (it != descrIndex_.end()) return it->second;
  std::string thunk = "ljc_" + std::to_string(thunks_.size());
  std::ostringstream t;
  t << "static uint64_t " << thunk << "(const uint64_t* a) {\n  ";
  std::string call = callee + "(";
  size_t k = 0;
  std::string kinds;
  for (const LLType *at : fn->args()) {
    if (isVoid(at)) continue;
    if (k) call += ", ";
    call += "lathe::jit::fromWord<" + cppType(at) + ">(a[" + std::to_string(k) + "])";
    VK ak = kindOf(at);
    kinds += ak == VK::FLOAT ? 'f' : ak == VK::REF ? 'r' : 'i';
    k++;
  }
  call += ")";
  if (isVoid(fn->result())) t << call << ";\n  return 0;\n}\n";
  else t << "return lathe::jit::toWord(" << call << ");\n}\n";
  thunks_.push_back(t.str());
  // The EffectInfo fills kEffectHole in glueText.
  std::ostringstream init;
  init << "{G::CALL, \"" << callee << "\", " << kindEnum(isVoid(fn->result()) ? VK::VOID : kindOf(fn->result()))
       << ", 0, " << kEffectHole << ", 0, 0, \"" << kinds << "\", " << kSetsHole << ", &" << thunk << "}";
  uint32_t id = addDescr(key, init.str());
  calls_[id] = ResidualCall{callee, canRaise, elidable, effects_.ofCallee(callee, fn)};
  return id;
}

std::pair<std::string, std::string> JitGen::effectInit(const ResidualCall &c, SetPool &pool) const {
  // GlueDescr's CALL flags (kCanRaise 1, kElidable 2, kKnown 4,
  // kAccessesVable 8) and its four sets: readsFields, writesFields,
  // readsArrays, writesArrays, each as its place in the shared pool. A
  // name with no descr is left out: no trace reads or writes it, so
  // nothing about it is cached.
  auto set = [&pool](const std::set<std::string> &names, const std::map<std::string, uint32_t> &table) {
    std::vector<uint32_t> v;
    for (const std::string &n : names)
      if (auto it = table.find(n); it != table.end()) v.push_back(it->second);
    if (v.empty()) return std::string("N");
    std::sort(v.begin(), v.end());
    return std::to_string(pool.place(v));
  };
  const Effects &e = c.effects;
  unsigned flags = (c.canRaise ? 1u : 0u) | (c.elidable ? 2u : 0u) | (e.known ? 4u : 0u) | (e.virtualizable ? 8u : 0u);
  std::string sets = "{N, N, N, N}";
  if (e.known) {
    // (one statement each: the pool's order must not depend on the
    // compiler's order of evaluation)
    std::string rf = set(e.readsFields, fieldIds_);
    std::string wf = set(e.writesFields, fieldIds_);
    std::string ra = set(e.readsArrays, arrayIds_);
    std::string wa = set(e.writesArrays, arrayIds_);
    sets = "{" + rf + ", " + wf + ", " + ra + ", " + wa + "}";
  }
  return {std::to_string(flags), sets};
}

uint32_t SetPool::place(const std::vector<uint32_t> &set) {
  auto [it, fresh] = at_.emplace(set, static_cast<uint32_t>(words.size()));
  if (fresh) {
    words.push_back(static_cast<uint32_t>(set.size()));
    words.insert(words.end(), set.begin(), set.end());
  }
  return it->second;
}

std::vector<ResidualCall> JitGen::residualCalls() const {
  std::vector<ResidualCall> out;
  for (const auto &[id, c] : calls_) out.push_back(c);
  return out;
}

bool JitGen::twinnable(const LLGraph &g, std::string &why) const {
  for (const LLBlock *b : g.blocks())
    for (const LLOperation &op : b->operations) {
      if ((op.op == LLOp::GETARRAYITEM || op.op == LLOp::SETARRAYITEM) && op.args[0].type()->isPtr()) {
        const LLType *c = op.args[0].type()->target();
        const LLType *item = c->isArray() ? c->item() : c->fields().back().type->item();
        if (kindOf(item) == VK::OTHER || kindOf(item) == VK::VOID) {
          why = "reads or writes an array of structs";
          return false;
        }
      }
      if ((op.op == LLOp::GETFIELD || op.op == LLOp::SETFIELD) && kindOf(op.op == LLOp::GETFIELD
                                                                           ? op.result->type
                                                                           : op.args[2].type()) == VK::OTHER) {
        why = "reads or writes an inlined struct";
        return false;
      }
    }
  return true;
}

// ---------------------------------------------------------------------------
// One traced twin.

class TwinEmitter {
public:
  TwinEmitter(JitGen &J, const LLGraph &g) : J_(J), g_(g), code_(J.code(g.name)) {}

  std::string run();

private:
  struct RP {
    uint32_t id;
    std::string label;
    std::vector<const LLVariable *> vars; // restored in this order
    const LLVariable *extra = nullptr;    // restored last (a call's result)
    bool keepCursor = false;
    /// merge point: (variable, index in the frame) pairs instead of vars
    std::vector<std::pair<const LLVariable *, uint32_t>> indexed;
  };

  std::string var(const LLVariable *v) const { return varName(v); }
  std::string val(const LLValue &v) const;
  std::string label(const LLBlock *b) const {
    if (b == g_.returnblock) return "block_return";
    if (b == g_.exceptblock) return "block_except";
    return "block" + std::to_string(blockIndex_.at(b));
  }
  std::string live(const std::vector<const LLVariable *> &vs) const {
    std::string s = "{";
    for (size_t i = 0; i < vs.size(); ++i) s += (i ? ", " : "") + var(vs[i]);
    return s + "}";
  }
  uint32_t addRP(std::string lbl, std::vector<const LLVariable *> vars, const LLVariable *extra = nullptr,
                 bool keep = false) {
    uint32_t id = static_cast<uint32_t>(rps_.size());
    rps_.push_back(RP{id, std::move(lbl), std::move(vars), extra, keep, {}});
    return id;
  }

  void computeLiveness(const LLBlock *b);
  std::vector<const LLVariable *> liveBefore(size_t i) const { return liveBefore_[i]; }
  std::vector<const LLVariable *> liveAfterMinus(size_t i, const LLVariable *result) const {
    std::vector<const LLVariable *> out;
    for (const LLVariable *v : liveBefore_[i + 1])
      if (v != result) out.push_back(v);
    return out;
  }

  void emitBlock(const LLBlock *b);
  void emitOp(const LLBlock *b, size_t i, bool guarded);
  void emitCall(const LLBlock *b, size_t i, bool guarded);
  void emitInlineCall(const LLBlock *b, size_t i, const LLGraph &callee, size_t cand, const std::string &argList);
  /// List reads and writes as bounds-checked array accesses; false when the
  /// call is not one.
  bool emitListAccess(const LLBlock *b, size_t i, const std::string &name, bool guarded, const std::string &argList);
  bool emitIndexCheck(const LLBlock *b, size_t i, const std::string &name, bool guarded, const std::string &argList);
  bool emitSeqMul(const LLBlock *b, size_t i, const std::string &name, bool guarded, const std::string &argList);
  void emitResidual(const LLBlock *b, size_t i, const std::string &callee, const LLType *fn, bool canRaise,
                    bool elidable, bool raisesByResult, bool guarded, const std::string &argList);
  void emitRaiseCheck(bool guarded);
  void emitLink(const LLLink *l, const std::string &indent);
  void emitExits(const LLBlock *b, size_t n);

  JitGen &J_;
  const LLGraph &g_;
  uint32_t code_;
  std::vector<LLBlock *> blocks_;
  std::map<const LLBlock *, size_t> blockIndex_;
  std::vector<RP> rps_;
  std::ostringstream out_;
  std::vector<std::vector<const LLVariable *>> liveBefore_; // per op index, and [n] = at the exits
  std::set<const LLVariable *> immutableContainers_;
  size_t bi_ = 0; // index of the block being emitted
};

std::string TwinEmitter::val(const LLValue &v) const {
  if (v.isVar()) return var(v.var());
  const LLConstant *c = v.cst();
  const LLType *t = c->type;
  switch (kindOf(t)) {
  case VK::INT:
    if (t->kind() == LLKind::CHAR)
      return "R.constInt(" + std::to_string(int(static_cast<unsigned char>(std::get<char>(c->value)))) + ")";
    if (t->kind() == LLKind::BOOL) return std::string("R.constInt(") + (std::get<bool>(c->value) ? "1" : "0") + ")";
    return "R.constInt((int64_t)" + J_.syms().constant(c) + ")";
  case VK::FLOAT: return "R.constFloat(" + J_.syms().constant(c) + ")";
  case VK::REF: return "C.cref<" + cppType(t) + ">(" + J_.syms().constant(c) + ")";
  default: return "/*void*/";
  }
}

void TwinEmitter::computeLiveness(const LLBlock *b) {
  std::set<const LLVariable *> defined(b->inputargs.begin(), b->inputargs.end());
  for (const LLOperation &op : b->operations) defined.insert(op.result);
  auto sorted = [](const std::set<const LLVariable *> &s) {
    std::vector<const LLVariable *> v(s.begin(), s.end());
    std::sort(v.begin(), v.end(), [](auto *a, auto *b) { return a->id < b->id; });
    return v;
  };
  std::set<const LLVariable *> live;
  auto use = [&](const LLValue &x) {
    if (x.isVar() && !isVoid(x.var()->type) && defined.count(x.var())) live.insert(x.var());
  };
  if (b->switchKind == LLSwitch::VALUE) use(b->exitswitch);
  for (const LLLink *l : b->exits)
    for (const LLValue &a : l->args) use(a);
  size_t n = b->operations.size();
  liveBefore_.assign(n + 1, {});
  liveBefore_[n] = sorted(live);
  for (size_t i = n; i-- > 0;) {
    const LLOperation &op = b->operations[i];
    live.erase(op.result);
    for (const LLValue &a : op.args) use(a);
    liveBefore_[i] = sorted(live);
  }
}

void TwinEmitter::emitLink(const LLLink *l, const std::string &indent) {
  const LLBlock *t = l->target;
  std::vector<std::pair<std::string, std::string>> assigns;
  for (size_t i = 0; i < l->args.size(); ++i) {
    const LLVariable *dst = t->inputargs[i];
    if (isVoid(dst->type)) continue;
    if (l->args[i].isVar() && l->args[i].var() == dst) continue;
    assigns.push_back({var(dst), val(l->args[i])});
  }
  cpp::emitParallelAssign(out_, assigns, indent);
  out_ << indent << "goto " << label(t) << ";\n";
}

void TwinEmitter::emitRaiseCheck(bool guarded) {
  if (!guarded) out_ << "  if (LL_UNLIKELY(ll_exc_occurred())) return {};\n";
}

std::string TwinEmitter::run() {
  blocks_ = g_.blocks();
  for (size_t i = 0; i < blocks_.size(); ++i) blockIndex_[blocks_[i]] = i;
  for (bi_ = 0; bi_ < blocks_.size(); ++bi_) emitBlock(blocks_[bi_]);

  std::ostringstream f;
  f << "// twin of " << g_.name << "\n";
  f << valDecl(g_.resultType()) << " ljt_" << g_.name << "(lathe::jit::TwinCtx& C, lathe::jit::ResumeCursor* rs";
  for (const LLVariable *v : g_.startblock->inputargs)
    if (!isVoid(v->type)) f << ", " << valDecl(v->type) << " " << var(v);
  f << ") {\n  lathe::jit::Recorder& R = C.R;\n  (void)R;\n  bool lj_iff = false;\n  (void)lj_iff;\n"
    << "  lathe::jit::Val<int64_t> lj_n;  // list accesses: length\n  lathe::jit::Val<void*> lj_a;    // and items\n";
  std::map<uint32_t, const LLVariable *> vars;
  for (const LLBlock *b : blocks_) {
    for (const LLVariable *v : b->inputargs)
      if (b != g_.startblock && !isVoid(v->type)) vars[v->id] = v;
    for (const LLOperation &op : b->operations)
      if (!isVoid(op.result->type)) vars[op.result->id] = op.result;
    for (const LLLink *l : b->exits) {
      if (l->lastException && !isVoid(l->lastException->type)) vars[l->lastException->id] = l->lastException;
      if (l->lastExcValue && !isVoid(l->lastExcValue->type)) vars[l->lastExcValue->id] = l->lastExcValue;
    }
  }
  for (const auto &[id, v] : vars) f << "  " << valDecl(v->type) << " " << var(v) << ";\n";
  f << "  if (rs) {\n    switch (rs->enter(" << code_ << ")) {\n";
  for (const RP &rp : rps_) {
    f << "    case " << rp.id << ":";
    uint32_t k = 0;
    if (!rp.indexed.empty()) {
      for (const auto &[v, idx] : rp.indexed)
        f << " " << var(v) << " = rs->get<" << valType(v->type) << ">(" << idx << ");";
    } else {
      for (const LLVariable *v : rp.vars) f << " " << var(v) << " = rs->get<" << valType(v->type) << ">(" << k++ << ");";
      if (rp.extra) f << " " << var(rp.extra) << " = rs->get<" << valType(rp.extra->type) << ">(" << k++ << ");";
    }
    if (!rp.keepCursor) f << " rs = nullptr;";
    f << " goto " << rp.label << ";\n";
  }
  f << "    default: lathe::jit::badResumePoint(" << code_ << ");\n    }\n  }\n";
  f << out_.str() << "}\n";
  return f.str();
}

void TwinEmitter::emitBlock(const LLBlock *b) {
  out_ << label(b) << ":;\n";
  if (b == g_.returnblock) {
    const LLVariable *r = b->inputargs[0];
    out_ << "  return " << (isVoid(r->type) ? "{}" : var(r)) << ";\n";
    return;
  }
  if (b == g_.exceptblock) {
    const LLVariable *et = b->inputargs[0], *ev = b->inputargs[1];
    uint32_t rp = addRP("block_except", {et, ev});
    out_ << "  C.raise(" << var(et) << ", " << var(ev) << ", {" << var(et) << ", " << var(ev) << "}, " << rp
         << ");\n";
    out_ << "  ll_exc_type = (void*)" << var(et) << ".v;\n  ll_exc_value = (void*)" << var(ev) << ".v;\n";
    out_ << "  return {};\n";
    return;
  }
  computeLiveness(b);
  size_t n = b->operations.size();
  for (size_t i = 0; i < n; ++i) {
    bool guarded = b->switchKind == LLSwitch::LAST_EXCEPTION && i + 1 == n;
    emitOp(b, i, guarded);
  }
  emitExits(b, n);
}

void TwinEmitter::emitExits(const LLBlock *b, size_t n) {
  switch (b->switchKind) {
  case LLSwitch::NONE:
    if (!b->exits.empty()) emitLink(b->exits[0], "  ");
    return;
  case LLSwitch::VALUE: {
    std::string lbl = "sw_" + std::to_string(bi_);
    uint32_t rp = addRP(lbl, liveBefore_[n]);
    out_ << lbl << ":;\n";
    const LLType *t = b->exitswitch.type();
    if (t->kind() == LLKind::BOOL) {
      const LLLink *onTrue = nullptr, *onFalse = nullptr;
      for (const LLLink *l : b->exits) (std::get<bool>(l->exitcase->value) ? onTrue : onFalse) = l;
      out_ << "  if (R.branch(" << val(b->exitswitch) << ", " << live(liveBefore_[n]) << ", " << rp << ")) {\n";
      if (onTrue) emitLink(onTrue, "    ");
      out_ << "  } else {\n";
      if (onFalse) emitLink(onFalse, "    ");
      out_ << "  }\n";
    } else {
      out_ << "  R.guardValue(" << val(b->exitswitch) << ", " << live(liveBefore_[n]) << ", " << rp << ");\n";
      out_ << "  switch (" << val(b->exitswitch) << ".v) {\n";
      for (const LLLink *l : b->exits) {
        if (!l->exitcase) {
          out_ << "  default: {\n";
        } else if (t->kind() == LLKind::CHAR) {
          out_ << "  case " << int(static_cast<unsigned char>(std::get<char>(l->exitcase->value))) << ": {\n";
        } else {
          out_ << "  case " << J_.syms().constant(l->exitcase) << ": {\n";
        }
        emitLink(l, "    ");
        out_ << "  }\n";
      }
      out_ << "  }\n";
    }
    return;
  }
  case LLSwitch::LAST_EXCEPTION: {
    out_ << "  if (LL_UNLIKELY(ll_exc_occurred())) {\n";
    for (size_t i = 1; i < b->exits.size(); ++i) {
      const LLLink *l = b->exits[i];
      const auto &sym = std::get<LLConstant::Symbol>(l->exitcase->value);
      out_ << "    if (ll_exc_matches(&" << sym.name << ")) {\n";
      if (!isVoid(l->lastException->type)) out_ << "      " << var(l->lastException) << " = C.takeExcType();\n";
      if (!isVoid(l->lastExcValue->type)) out_ << "      " << var(l->lastExcValue) << " = C.takeExcValue();\n";
      out_ << "      ll_exc_clear();\n      C.clearExc();\n";
      emitLink(l, "      ");
      out_ << "    }\n";
    }
    out_ << "    return {};\n  }\n";
    if (!b->exits.empty()) emitLink(b->exits[0], "  ");
    return;
  }
  }
}

void TwinEmitter::emitOp(const LLBlock *b, size_t i, bool guarded) {
  const LLOperation &op = b->operations[i];
  auto a = [&](size_t k) { return val(op.args[k]); };
  std::string r = isVoid(op.result->type) ? "" : var(op.result);
  auto assign = [&](const std::string &e) { out_ << "  " << r << " = " << e << ";\n"; };
  auto bin = [&](const char *m) { assign(std::string("R.") + m + "(" + a(0) + ", " + a(1) + ")"); };
  auto un = [&](const char *m) { assign(std::string("R.") + m + "(" + a(0) + ")"); };
  auto before = [&]() {
    std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
    uint32_t rp = addRP(lbl, liveBefore_[i]);
    out_ << lbl << ":;\n";
    return rp;
  };
  switch (op.op) {
  case LLOp::INT_ADD: case LLOp::UINT_ADD: return bin("intAdd");
  case LLOp::INT_SUB: case LLOp::UINT_SUB: return bin("intSub");
  case LLOp::INT_MUL: case LLOp::UINT_MUL: return bin("intMul");
  case LLOp::INT_FLOORDIV: return bin("intFloordiv");
  case LLOp::UINT_FLOORDIV: return bin("uintFloordiv");
  case LLOp::INT_MOD: return bin("intMod");
  case LLOp::UINT_MOD: return bin("uintMod");
  case LLOp::INT_LT: case LLOp::CHAR_LT: return bin("intLt");
  case LLOp::INT_LE: case LLOp::CHAR_LE: return bin("intLe");
  case LLOp::INT_EQ: case LLOp::UINT_EQ: case LLOp::CHAR_EQ: return bin("intEq");
  case LLOp::INT_NE: case LLOp::UINT_NE: case LLOp::CHAR_NE: return bin("intNe");
  case LLOp::INT_GT: case LLOp::CHAR_GT: return bin("intGt");
  case LLOp::INT_GE: case LLOp::CHAR_GE: return bin("intGe");
  case LLOp::UINT_LT: return bin("uintLt");
  case LLOp::UINT_LE: return bin("uintLe");
  case LLOp::UINT_GT: return bin("uintGt");
  case LLOp::UINT_GE: return bin("uintGe");
  case LLOp::INT_AND: case LLOp::UINT_AND: return bin("intAnd");
  case LLOp::INT_OR: case LLOp::UINT_OR: return bin("intOr");
  case LLOp::INT_XOR: case LLOp::UINT_XOR: return bin("intXor");
  case LLOp::INT_LSHIFT: case LLOp::UINT_LSHIFT: return bin("intLshift");
  case LLOp::INT_RSHIFT: return bin("intRshift");
  case LLOp::UINT_RSHIFT: return bin("uintRshift");
  case LLOp::INT_NEG: return un("intNeg");
  case LLOp::INT_INVERT: case LLOp::UINT_INVERT: return un("intInvert");
  case LLOp::INT_IS_TRUE: case LLOp::UINT_IS_TRUE: return un("intIsTrue");
  case LLOp::INT_ABS: {
    uint32_t d = J_.callDescr("ll_int_abs", const_cast<TypeContext &>(J_.program().types)
                                                .func({op.args[0].type()}, op.result->type),
                              false, true);
    return assign("R.callPureI(" + std::to_string(d) + ", {" + a(0) + "}, {}, 0)");
  }
  case LLOp::FLOAT_ADD: return bin("floatAdd");
  case LLOp::FLOAT_SUB: return bin("floatSub");
  case LLOp::FLOAT_MUL: return bin("floatMul");
  case LLOp::FLOAT_TRUEDIV: return bin("floatTruediv");
  case LLOp::FLOAT_LT: return bin("floatLt");
  case LLOp::FLOAT_LE: return bin("floatLe");
  case LLOp::FLOAT_EQ: return bin("floatEq");
  case LLOp::FLOAT_NE: return bin("floatNe");
  case LLOp::FLOAT_GT: return bin("floatGt");
  case LLOp::FLOAT_GE: return bin("floatGe");
  case LLOp::FLOAT_NEG: return un("floatNeg");
  case LLOp::FLOAT_ABS: return un("floatAbs");
  case LLOp::FLOAT_IS_TRUE: return assign("R.floatNe(" + a(0) + ", R.constFloat(0.0))");
  case LLOp::BOOL_NOT: return assign("R.intXor(" + a(0) + ", R.constInt(1))");
  case LLOp::CAST_INT_TO_FLOAT: case LLOp::CAST_BOOL_TO_FLOAT: return un("castIntToFloat");
  case LLOp::CAST_FLOAT_TO_INT: return un("castFloatToInt");
  case LLOp::CAST_BOOL_TO_INT: case LLOp::CAST_CHAR_TO_INT: case LLOp::CAST_INT_TO_CHAR:
  case LLOp::CAST_INT_TO_UINT: case LLOp::CAST_UINT_TO_INT: case LLOp::SAME_AS: case LLOp::CAST_POINTER:
    if (op.op == LLOp::CAST_POINTER || op.op == LLOp::SAME_AS)
      if (op.args[0].isVar() && immutableContainers_.count(op.args[0].var())) immutableContainers_.insert(op.result);
    if (r.empty()) return;
    return assign(a(0));
  case LLOp::INT_ADD_OVF: case LLOp::INT_SUB_OVF: case LLOp::INT_MUL_OVF: {
    const char *m = op.op == LLOp::INT_ADD_OVF ? "Add" : op.op == LLOp::INT_SUB_OVF ? "Sub" : "Mul";
    const char *helper = op.op == LLOp::INT_ADD_OVF ? "ll_int_ovf_add"
                         : op.op == LLOp::INT_SUB_OVF ? "ll_int_ovf_sub"
                                                      : "ll_int_ovf_mul";
    uint32_t rp = before();
    out_ << "  {\n    lathe::jit::OvfResult o = R.int" << m << "Ovf(" << a(0) << ", " << a(1) << ", "
         << live(liveBefore_[i]) << ", " << rp << ");\n    " << r << " = o.value;\n"
         << "    if (o.overflowed) { " << r << ".v = " << helper << "(" << a(0) << ".v, " << a(1)
         << ".v); C.concreteExc(); }\n  }\n";
    return emitRaiseCheck(guarded);
  }
  case LLOp::JIT_WE_ARE_JITTED: return assign("R.constInt(1)");
  case LLOp::JIT_ISCONSTANT: return assign("R.constInt(" + a(0) + ".isConst() ? 1 : 0)");
  case LLOp::JIT_RECORD_EXACT_CLASS: {
    if (!op.args[0].isVar()) return;
    uint32_t rp = before();
    out_ << "  R.guardClass(" << a(0) << ", " << live(liveBefore_[i]) << ", " << rp << ");\n";
    return;
  }
  case LLOp::JIT_PROMOTE: {
    uint32_t rp = before();
    if (r.empty()) return;
    return assign("R.guardValue(" + a(0) + ", " + live(liveBefore_[i]) + ", " + std::to_string(rp) + ")");
  }
  case LLOp::GETFIELD: {
    const std::string &field = std::get<std::string>(op.args[1].cst()->value);
    const LLType *st = op.args[0].type()->target();
    if (r.empty()) return;
    if (J_.itemsImmutable(st, field)) immutableContainers_.insert(op.result);
    if (op.args[0].isVar() && immutableContainers_.count(op.args[0].var())) immutableContainers_.insert(op.result);
    if (field == "typeptr" && op.args[0].isVar()) {
      uint32_t rp = before();
      return assign("R.guardClass(" + a(0) + ", " + live(liveBefore_[i]) + ", " + std::to_string(rp) + ")");
    }
    uint32_t d = J_.fieldDescr(st, field);
    const char *k = kindOf(op.result->type) == VK::INT ? "I" : kindOf(op.result->type) == VK::FLOAT ? "F" : "R";
    int q = J_.quasiId(st, field);
    if (q >= 0) {
      uint32_t rp = before();
      return assign(std::string("C.quasi") + k + "(" + a(0) + ", " + std::to_string(d) + ", " + std::to_string(q) +
                    ", " + live(liveBefore_[i]) + ", " + std::to_string(rp) + ")");
    }
    return assign(std::string("R.getfield") + k + "(" + a(0) + ", " + std::to_string(d) + ")");
  }
  case LLOp::SETFIELD: {
    const std::string &field = std::get<std::string>(op.args[1].cst()->value);
    if (isVoid(op.args[2].type())) return;
    uint32_t d = J_.fieldDescr(op.args[0].type()->target(), field);
    out_ << "  R.setfield(" << a(0) << ", " << d << ", " << a(2) << ");\n";
    int q = J_.quasiId(op.args[0].type()->target(), field);
    if (q >= 0) out_ << "  R.callN(" << J_.quasiWriteDescr() << ", {R.constInt(" << q << ")}, {}, 0);\n";
    return;
  }
  case LLOp::GETARRAYITEM: {
    if (r.empty()) return;
    uint32_t d = J_.arrayDescr(op.args[0].type());
    bool imm = op.args[0].isVar() && immutableContainers_.count(op.args[0].var());
    const char *m = kindOf(op.result->type) == VK::INT ? "getarrayitemI" : kindOf(op.result->type) == VK::FLOAT ? "getarrayitemF" : "getarrayitemR";
    return assign(std::string("R.") + m + "(" + a(0) + ", " + std::to_string(d) + ", " + a(1) + (imm ? ", true" : "") + ")");
  }
  case LLOp::SETARRAYITEM: {
    if (isVoid(op.args[2].type())) return;
    uint32_t d = J_.arrayDescr(op.args[0].type());
    out_ << "  R.setarrayitem(" << a(0) << ", " << d << ", " << a(1) << ", " << a(2) << ");\n";
    return;
  }
  case LLOp::GETARRAYSIZE: {
    uint32_t d = J_.arrayDescr(op.args[0].type());
    return assign("R.arraylen(" + a(0) + ", " + std::to_string(d) + ")");
  }
  case LLOp::MALLOC: {
    const LLType *t = std::get<const LLType *>(op.args[0].cst()->value);
    return assign("R.newStruct(" + std::to_string(J_.sizeDescr(t)) + ")");
  }
  case LLOp::MALLOC_VARSIZE: {
    const LLType *t = std::get<const LLType *>(op.args[0].cst()->value);
    if (t->isArray())
      return assign("R.newArray(" + std::to_string(J_.arrayDescr(op.result->type)) + ", " + a(1) + ")");
    uint32_t d = J_.callDescr("ll_str_new", const_cast<TypeContext &>(J_.program().types)
                                                .func({op.args[1].type()}, op.result->type),
                              false, false);
    return assign("R.callR(" + std::to_string(d) + ", {" + a(1) + "}, {}, 0)");
  }
  case LLOp::PTR_EQ: return bin("ptrEq");
  case LLOp::PTR_NE: return bin("ptrNe");
  case LLOp::PTR_ISZERO: return assign("R.ptrEq(" + a(0) + ", C.cref<void*>(nullptr))");
  case LLOp::PTR_NONZERO: return assign("R.ptrNe(" + a(0) + ", C.cref<void*>(nullptr))");
  case LLOp::DIRECT_CALL: case LLOp::INDIRECT_CALL: return emitCall(b, i, guarded);
  case LLOp::DEBUG_ASSERT:
    out_ << "  ll_debug_assert(" << a(0) << ".v, " << cpp::cString(std::get<std::string>(op.args[1].cst()->value))
         << ");\n";
    return;
  case LLOp::STACK_CHECK:
    out_ << "  if (LL_UNLIKELY(ll_stack_check())) { C.concreteExc(); return {}; }\n";
    return;
  case LLOp::JIT_MARKER: {
    const Marker *mk = J_.marker(op);
    if (!mk || mk->m->kind != "jit_merge_point") return;
    DriverGen &d = J_.driver(mk->driver);
    if (mk->m->graph != g_.name) return;
    // greens and reds in canonical order, from this marker's operands
    std::vector<std::string> vals;
    RP rp{static_cast<uint32_t>(rps_.size()), "mp_" + std::to_string(bi_) + "_" + std::to_string(i), {}, nullptr,
          false, {}};
    for (size_t k = 0; k < d.names.size(); ++k) {
      const LLValue &x = *markerOperand(*mk->m, op, d.names[k]);
      vals.push_back(val(x));
      if (x.isVar()) rp.indexed.push_back({x.var(), static_cast<uint32_t>(k)});
    }
    d.mergePoint = rp.id;
    std::string lbl = rp.label;
    rps_.push_back(std::move(rp));
    out_ << "  if (C.mergePoint({";
    for (size_t k = 0; k < d.numGreens; ++k) out_ << (k ? ", " : "") << vals[k];
    out_ << "}, {";
    for (size_t k = d.numGreens; k < vals.size(); ++k) out_ << (k > d.numGreens ? ", " : "") << vals[k];
    out_ << "})) return {};\n" << lbl << ":;\n";
    return;
  }
  }
  out_ << "  R.abort(\"unsupported operation " << llOpInfo(op.op).name << "\");\n";
}

void TwinEmitter::emitCall(const LLBlock *b, size_t i, bool guarded) {
  const LLOperation &op = b->operations[i];
  std::string argList;
  for (size_t k = 1; k < op.args.size(); ++k) {
    if (isVoid(op.args[k].type())) continue;
    argList += (argList.empty() ? "" : ", ") + val(op.args[k]);
  }
  const LLType *fnPtr = op.args[0].type();
  const LLType *fn = fnPtr->target();
  if (op.op == LLOp::DIRECT_CALL) {
    const LLConstant *callee = op.args[0].cst();
    const std::string &name = std::get<LLConstant::Symbol>(callee->value).name;
    if (name == "ll_isinstance" && op.args.size() == 4 && !isVoid(op.result->type)) {
      // The class check folds once the object's class is known (guard_class).
      std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
      uint32_t rp = addRP(lbl, liveBefore_[i]);
      out_ << lbl << ":;\n  " << var(op.result) << " = C.isInstance(" << val(op.args[1]) << ", " << val(op.args[2])
           << ", " << val(op.args[3]) << ", " << live(liveBefore_[i]) << ", " << rp << ");\n";
      return;
    }
    bool canRaise = J_.syms().callCanRaise(callee);
    bool byResult = J_.syms().raisesByResult(callee);
    if (J_.hasTwin(name)) return emitInlineCall(b, i, *J_.program().graphByName.at(name), 0, argList);
    bool elidable = J_.policy(name) == Policy::ELIDABLE && J_.program().graphByName.count(name);
    if (!J_.program().graphByName.count(name)) {
      elidable = pureHelper(name, fn) ||
                 (listReadHelper(name) && op.args.size() > 1 && op.args[1].isVar() &&
                  immutableContainers_.count(op.args[1].var()));
    }
    if (elidable && isVoid(fn->result())) elidable = false;
    if (!elidable && emitListAccess(b, i, name, guarded, argList)) return;
    if (emitSeqMul(b, i, name, guarded, argList)) return;
    if (emitIndexCheck(b, i, name, guarded, argList)) return;
    return emitResidual(b, i, J_.syms().constant(callee), fn, canRaise, elidable, byResult, guarded, argList);
  }
  // An indirect call: promote the function pointer, then call the twin of
  // the graph it is (or that graph's function, residually).
  std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
  uint32_t rp = addRP(lbl, liveBefore_[i]);
  out_ << lbl << ":;\n  R.guardValue(" << val(op.args[0]) << ", " << live(liveBefore_[i]) << ", " << rp << ");\n";
  const auto &cands = J_.candidates(fnPtr);
  size_t k = 0;
  for (const LLGraph *c : cands) {
    out_ << "  " << (k ? "else if" : "if") << " (" << val(op.args[0]) << ".v == (" << cppType(fnPtr) << ")&" << c->name
         << ") {\n";
    if (J_.hasTwin(c->name)) {
      emitInlineCall(b, i, *c, k, argList);
    } else {
      bool canRaise = J_.program().graphCanRaise.count(c->name) ? J_.program().graphCanRaise.at(c->name) : true;
      emitResidual(b, i, c->name, fn, canRaise, J_.policy(c->name) == Policy::ELIDABLE && !isVoid(fn->result()),
                   false, true, argList);
    }
    out_ << "  }\n";
    k++;
  }
  // Not a known graph: run it, stop recording.
  out_ << "  " << (k ? "else " : "") << "{\n    R.abort(\"indirect call of an unknown function\");\n    ";
  std::string concreteArgs;
  for (size_t j = 1; j < op.args.size(); ++j) {
    if (isVoid(op.args[j].type())) continue;
    concreteArgs += (concreteArgs.empty() ? "" : ", ") + val(op.args[j]) + ".v";
  }
  std::string r = isVoid(op.result->type) ? "" : var(op.result);
  if (!r.empty())
    out_ << r << " = " << valDecl(op.result->type) << "(lathe::jit::fromWord<" << valType(op.result->type)
         << ">(lathe::jit::toWord(" << val(op.args[0]) << ".v(" << concreteArgs << "))));\n";
  else
    out_ << val(op.args[0]) << ".v(" << concreteArgs << ");\n";
  out_ << "    C.concreteExc();\n  }\n";
  bool canRaise = llOpInfo(op.op).canRaise;
  if (canRaise) emitRaiseCheck(guarded);
}

bool TwinEmitter::emitListAccess(const LLBlock *b, size_t i, const std::string &name, bool guarded,
                                 const std::string &argList) {
  // l[i] / l[i] = v on a list (RList: length + items array) or a fixed list
  // (RArray): in the trace, an unsigned bounds check guarded (a negative or
  // out-of-range index fails it and the call runs for real, raising or
  // wrapping) and a direct array access; while tracing, an index that is
  // not in range takes the residual call.
  const LLOperation &op = b->operations[i];
  bool get = name == "ll_list_getitem" || name == "ll_array_getitem";
  bool set = name == "ll_list_setitem" || name == "ll_seq_setitem";
  if ((!get && !set) || op.args.size() != (get ? 3u : 4u) || !op.args[1].type()->isPtr()) return false;
  const LLType *cont = op.args[1].type()->target();
  const LLType *arrPtr = nullptr;
  bool isList = cont->isStruct() && cont->fieldIndex("items") >= 0 && cont->fieldIndex("length") >= 0;
  if (isList) arrPtr = cont->fieldType("items");
  else if (cont->isArray()) arrPtr = op.args[1].type();
  else return false;
  const LLType *item = arrPtr->target()->item();
  VK k = kindOf(item);
  if (k != VK::INT && k != VK::FLOAT && k != VK::REF) return false;
  if (get && (isVoid(op.result->type) || kindOf(op.result->type) != k)) return false;
  if (set && kindOf(op.args[3].type()) != k) return false;
  uint32_t ad = J_.arrayDescr(arrPtr);
  std::string l = val(op.args[1]), idx = val(op.args[2]);
  std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
  uint32_t rp = addRP(lbl, liveBefore_[i]);
  out_ << lbl << ":;\n  {\n";
  out_ << "    lj_n = "
       << (isList ? "R.getfieldI(" + l + ", " + std::to_string(J_.fieldDescr(cont, "length")) + ")"
                  : "R.arraylen(" + l + ", " + std::to_string(ad) + ")")
       << ";\n";
  out_ << "    if ((uint64_t)" << idx << ".v < (uint64_t)lj_n.v) {\n";
  out_ << "      R.guardTrue(R.uintLt(" << idx << ", lj_n), " << live(liveBefore_[i]) << ", " << rp << ");\n";
  std::string arr = l;
  if (isList) {
    out_ << "      lj_a = R.getfieldR(" << l << ", " << J_.fieldDescr(cont, "items") << ");\n";
    arr = "lj_a";
  }
  const char *m = k == VK::INT ? "I" : k == VK::FLOAT ? "F" : "R";
  if (get) out_ << "      " << var(op.result) << " = R.getarrayitem" << m << "(" << arr << ", " << ad << ", " << idx << ");\n";
  else out_ << "      R.setarrayitem(" << arr << ", " << ad << ", " << idx << ", " << val(op.args[3]) << ");\n";
  out_ << "    } else {\n";
  const LLConstant *callee = op.args[0].cst();
  emitResidual(b, i, J_.syms().constant(callee), op.args[0].type()->target(), J_.syms().callCanRaise(callee), false,
               false, guarded, argList);
  out_ << "    }\n  }\n";
  return true;
}

bool TwinEmitter::emitIndexCheck(const LLBlock *b, size_t i, const std::string &name, bool guarded,
                                 const std::string &argList) {
  // The bounds checks the RTyper puts before an inline item access of a
  // fixed-size list (ll_check_index_nonneg / ll_check_setindex_nonneg,
  // "raised?" by result): in the trace, an unsigned compare guarded, with
  // the call's result the constant false; the guard resumes before the
  // check, which then runs for real (and raises). While tracing, an index
  // out of range takes the residual call.
  const LLOperation &op = b->operations[i];
  if (name != "ll_check_index_nonneg" && name != "ll_check_setindex_nonneg") return false;
  if (op.args.size() != 3 || isVoid(op.result->type) || kindOf(op.result->type) != VK::INT) return false;
  std::string idx = val(op.args[1]), len = val(op.args[2]);
  std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
  uint32_t rp = addRP(lbl, liveBefore_[i]);
  out_ << lbl << ":;\n  if ((uint64_t)" << idx << ".v < (uint64_t)" << len << ".v) {\n";
  out_ << "    R.guardTrue(R.uintLt(" << idx << ", " << len << "), " << live(liveBefore_[i]) << ", " << rp << ");\n";
  out_ << "    " << var(op.result) << " = R.constInt(0);\n  } else {\n";
  const LLConstant *callee = op.args[0].cst();
  emitResidual(b, i, J_.syms().constant(callee), op.args[0].type()->target(), J_.syms().callCanRaise(callee), false,
               J_.syms().raisesByResult(callee), guarded, argList);
  out_ << "  }\n";
  return true;
}

bool TwinEmitter::emitSeqMul(const LLBlock *b, size_t i, const std::string &name, bool guarded,
                             const std::string &argList) {
  // `[x] * n` into a fixed-size list (ll_seq_mul of a one-item array): in
  // the trace a new_array — zeroed memory when x is zero or None (any n up
  // to kMaxZeroed), else n stores of x (n up to kMaxStored, promoted) — so
  // the virtualize pass can keep a small one virtual (an interpreter's
  // frame arrays, `[None] * nlocals`). The guards make the trace check
  // what tracing saw: one item, zero (when it was), n in range. Otherwise,
  // and while tracing a case outside these, the residual call.
  const LLOperation &op = b->operations[i];
  if (name.rfind("ll_seq_mul<", 0) != 0 || op.args.size() != 3 || isVoid(op.result->type)) return false;
  const LLType *src = op.args[1].type(), *dst = op.result->type;
  if (!src->isPtr() || !dst->isPtr() || !src->target()->isArray() || !dst->target()->isArray()) return false;
  const LLType *item = src->target()->item();
  VK k = kindOf(item);
  if (item != dst->target()->item() || (k != VK::INT && k != VK::REF)) return false;
  constexpr int kMaxZeroed = 4096, kMaxStored = 16;
  uint32_t sd = J_.arrayDescr(src), dd = J_.arrayDescr(dst);
  std::string s = val(op.args[1]), n = val(op.args[2]), r = var(op.result);
  std::string lbl = "bo_" + std::to_string(bi_) + "_" + std::to_string(i);
  uint32_t rp = addRP(lbl, liveBefore_[i]);
  std::string lv = live(liveBefore_[i]);
  const char *m = k == VK::INT ? "I" : "R";
  out_ << lbl << ":;\n  lj_n = R.arraylen(" << s << ", " << sd << ");\n  lj_iff = false;\n"
       << "  if (lj_n.v == 1 && (uint64_t)" << n << ".v <= " << kMaxZeroed << ") {\n"
       << "    R.guardTrue(R.intEq(lj_n, R.constInt(1)), " << lv << ", " << rp << ");\n"
       << "    auto lj_x = R.getarrayitem" << m << "(" << s << ", " << sd << ", R.constInt(0));\n"
       << "    if (lj_x.v == 0) {\n"
       << "      R.guardValue(lj_x, " << lv << ", " << rp << ");\n"
       << "      R.guardTrue(R.uintLe(" << n << ", R.constInt(" << kMaxZeroed << ")), " << lv << ", " << rp << ");\n"
       << "      " << r << " = R.newArray(" << dd << ", " << n << ");\n"
       << "      lj_iff = true;\n"
       << "    } else if (" << n << ".v <= " << kMaxStored << ") {\n"
       << "      auto lj_k = R.guardValue(" << n << ", " << lv << ", " << rp << ");\n"
       << "      " << r << " = R.newArray(" << dd << ", lj_k);\n"
       << "      for (int64_t lj_j = 0; lj_j < lj_k.v; lj_j++) R.setarrayitem(" << r << ", " << dd
       << ", R.constInt(lj_j), lj_x);\n"
       << "      lj_iff = true;\n"
       << "    }\n  }\n  if (!lj_iff) {\n";  // (lj_iff: the twin's scratch flag, free here)
  const LLConstant *callee = op.args[0].cst();
  emitResidual(b, i, J_.syms().constant(callee), op.args[0].type()->target(), J_.syms().callCanRaise(callee), false,
               false, guarded, argList);
  out_ << "  }\n";
  return true;
}

void TwinEmitter::emitInlineCall(const LLBlock *b, size_t i, const LLGraph &callee, size_t cand,
                                 const std::string &argList) {
  const LLOperation &op = b->operations[i];
  std::vector<const LLVariable *> across = liveAfterMinus(i, op.result);
  std::string lbl = "cs_" + std::to_string(bi_) + "_" + std::to_string(i) + "_" + std::to_string(cand);
  uint32_t rp = addRP(lbl, across, nullptr, true);
  uint32_t code = J_.code(callee.name);
  bool portal = J_.policy(callee.name) == Policy::PORTAL;
  std::string r = isVoid(op.result->type) ? "" : var(op.result);
  bool guarded = b->switchKind == LLSwitch::LAST_EXCEPTION && i + 1 == b->operations.size();
  bool canRaise = J_.program().graphCanRaise.count(callee.name) ? J_.program().graphCanRaise.at(callee.name) : true;
  // Inlined unless it made a trace too long (C.inlinable), or it is the
  // portal recursing deeper than max_unroll_recursion, or its
  // @look_inside_iff predicate is false now; a frame being resumed is
  // always re-entered.
  std::string pred = J_.predicate(callee.name);
  if (!pred.empty() && J_.hasTwin(pred)) {
    std::string plbl = "cp_" + std::to_string(bi_) + "_" + std::to_string(i) + "_" + std::to_string(cand);
    uint32_t prp = addRP(plbl, liveBefore_[i], nullptr, true);
    uint32_t pcode = J_.code(pred);
    out_ << plbl << ":;\n  R.pushFrame(" << prp << ", " << live(liveBefore_[i]) << ", " << pcode << ");\n"
         << "  lj_iff = ljt_" << pred << "(C, rs" << (argList.empty() ? "" : ", " + argList) << ").v != 0;\n"
         << "  R.popFrame();\n  rs = nullptr;\n";
  }
  std::string cond = std::string("C.") + (portal ? "inlinePortal" : "inlinable") + "(" + std::to_string(code) + ")";
  if (!pred.empty()) cond = J_.hasTwin(pred) ? "(" + cond + " && lj_iff)" : "false";
  out_ << lbl << ":;\n";
  out_ << "  if (rs || " << cond << ") {\n";
  out_ << "    R.pushFrame(" << rp << ", " << live(across) << ", " << code << ");\n";
  if (portal) out_ << "    C.portalDepth++;\n";
  out_ << "    " << (r.empty() ? "" : r + " = ") << "ljt_" << callee.name << "(C, rs"
       << (argList.empty() ? "" : ", " + argList) << ");\n";
  if (portal) out_ << "    C.portalDepth--;\n";
  out_ << "    R.popFrame();\n    rs = nullptr;\n  } else {\n";
  emitResidual(b, i, callee.name, callee.funcType(const_cast<TypeContext &>(J_.program().types)), canRaise, false,
               false, guarded, argList);
  out_ << "  }\n";
  if (canRaise) emitRaiseCheck(guarded || op.op == LLOp::INDIRECT_CALL);
}

void TwinEmitter::emitResidual(const LLBlock *b, size_t i, const std::string &callee, const LLType *fn, bool canRaise,
                               bool elidable, bool raisesByResult, bool guarded, const std::string &argList) {
  const LLOperation &op = b->operations[i];
  uint32_t d = J_.callDescr(callee, fn, canRaise, elidable);
  std::string r = isVoid(op.result->type) ? "" : var(op.result);
  std::vector<const LLVariable *> after = liveAfterMinus(i, op.result);
  std::string lbl = "ac_" + std::to_string(bi_) + "_" + std::to_string(i) + "_" + std::to_string(rps_.size());
  uint32_t rp = canRaise ? addRP(lbl, after, r.empty() ? nullptr : op.result) : 0;
  VK rk = isVoid(fn->result()) ? VK::VOID : kindOf(fn->result());
  std::string m = rk == VK::INT ? "I" : rk == VK::FLOAT ? "F" : rk == VK::REF ? "R" : "N";
  std::string call = std::string("R.call") + (elidable ? "Pure" : "") + m + "(" + std::to_string(d) + ", {" + argList +
                     "}, " + (canRaise ? live(after) : "{}") + ", " + std::to_string(rp) + ")";
  if (!r.empty()) out_ << "  " << r << " = " << call << ";\n";
  else out_ << "  " << call << ";\n";
  if (canRaise) {
    out_ << lbl << ":;\n  C.noteCallException();\n";
    if (raisesByResult && !guarded && !r.empty()) {
      out_ << "  if (LL_UNLIKELY(" << r << ".v)) return {};\n";
      return;
    }
    if (op.op == LLOp::INDIRECT_CALL) return; // checked after the candidates
    emitRaiseCheck(guarded);
  }
}

// ---------------------------------------------------------------------------
// The program: twins, markers, glue.

void JitGen::chooseTwins() {
  TypeContext &types = const_cast<TypeContext &>(p_.types);
  for (const auto &g : p_.graphs) byFuncType_[g->funcType(types)].push_back(g.get());
  for (const GraphPolicy &gp : info_.graphs) {
    policy_[gp.graph] = gp.policy;
    if (gp.policy == Policy::LOOK_INSIDE_IFF) predicate_[gp.graph] = gp.predicate;
  }
  // Follow indirect calls too: every graph of the pointer's type.
  std::vector<std::string> work;
  for (const GraphPolicy &gp : info_.graphs)
    if (gp.policy == Policy::PORTAL || gp.policy == Policy::LOOK_INSIDE || gp.policy == Policy::LOOK_INSIDE_IFF)
      work.push_back(gp.graph);
  std::set<std::string> seen(work.begin(), work.end());
  for (size_t k = 0; k < work.size(); ++k) {
    const LLGraph &g = *p_.graphByName.at(work[k]);
    std::string why;
    if (!twinnable(g, why)) {
      if (policy_[g.name] == Policy::PORTAL) {
        error(SrcLoc{}, "the portal " + g.name + " cannot be traced: it " + why);
        continue;
      }
      policy_[g.name] = Policy::DONT_LOOK_INSIDE;
      continue;
    }
    codes_[g.name] = static_cast<uint32_t>(twinGraphs_.size());
    twinGraphs_.push_back(&g);
    for (const LLBlock *b : g.blocks())
      for (const LLOperation &op : b->operations) {
        std::vector<const LLGraph *> targets;
        if (op.op == LLOp::DIRECT_CALL) {
          const auto &sym = std::get<LLConstant::Symbol>(op.args[0].cst()->value);
          auto it = p_.graphByName.find(sym.name);
          if (it != p_.graphByName.end()) targets.push_back(it->second);
        } else if (op.op == LLOp::INDIRECT_CALL) {
          targets = candidates(op.args[0].type());
        }
        for (const LLGraph *t : targets) {
          if (!policy_.count(t->name)) {
            // reached only through an indirect call: decide as analyze does
            auto fit = p_.graphFunction.find(t->name);
            const eval::FunctionObj *f = fit == p_.graphFunction.end() ? nullptr : fit->second;
            auto attr = [&](const char *a) -> int {
              const eval::Value *v = f ? f->attrs.find(a) : nullptr;
              return v && v->isBool() ? (v->asBool() ? 1 : 0) : -1;
            };
            Policy pol = Policy::LOOK_INSIDE;
            if (attr("_jit_elidable_") == 1) pol = Policy::ELIDABLE;
            else if (attr("_jit_look_inside_") == 0) pol = Policy::DONT_LOOK_INSIDE;
            else {
              bool loop = false;
              std::map<const LLBlock *, int> st;
              std::function<bool(const LLBlock *)> dfs = [&](const LLBlock *x) {
                st[x] = 1;
                for (const LLLink *l : x->exits) {
                  int s = st[l->target];
                  if (s == 1 || (s == 0 && dfs(l->target))) return true;
                }
                st[x] = 2;
                return false;
              };
              loop = dfs(t->startblock);
              if (loop && attr("_jit_unroll_safe_") != 1 && attr("_jit_look_inside_") != 1)
                pol = Policy::DONT_LOOK_INSIDE;
            }
            policy_[t->name] = pol;
          }
          if ((policy_[t->name] == Policy::LOOK_INSIDE || policy_[t->name] == Policy::LOOK_INSIDE_IFF) &&
              seen.insert(t->name).second)
            work.push_back(t->name);
        }
      }
  }
}

bool JitGen::checkMarkers() {
  bool ok = true;
  for (size_t di = 0; di < info_.drivers.size(); ++di) {
    const DriverInfo &d = info_.drivers[di];
    DriverGen dg;
    dg.info = &d;
    const JitMarker *merge = nullptr;
    for (const JitMarker *m : d.markers) {
      size_t idx = static_cast<size_t>(m - p_.jitMarkers.data());
      markers_[idx] = Marker{m, idx, di};
      if (m->kind == "jit_merge_point") merge = m;
      if (m->kind == "can_enter_jit") dg.countAtMerge = false;
    }
    if (!merge) continue;
    std::vector<std::string> order = d.greens;
    order.insert(order.end(), d.reds.begin(), d.reds.end());
    for (size_t k = 0; k < order.size(); ++k) {
      size_t pos = std::find(merge->names.begin(), merge->names.end(), order[k]) - merge->names.begin();
      if (pos == merge->names.size() || merge->argIndex[pos] < 0) continue; // Void at the merge point
      dg.names.push_back(order[k]);
      if (k < d.greens.size()) dg.numGreens++;
    }
    drivers_.push_back(dg);
  }
  // Every marker has a run-time value for each canonical variable; the
  // merge point's give the canonical types (the liveness rules are the
  // analysis's, analyze.cpp).
  for (const auto &[idx, mk] : markers_) {
    const LLGraph &g = *p_.graphByName.at(mk.m->graph);
    DriverGen &dg = drivers_[mk.driver];
    for (const LLBlock *b : g.blocks())
      for (const LLOperation &op : b->operations) {
        if (op.op != LLOp::JIT_MARKER || marker(op) != &mk) continue;
        std::vector<const LLType *> types;
        for (const std::string &n : dg.names) {
          const LLValue *x = markerOperand(*mk.m, op, n);
          if (!x) {
            error(mk.m->loc, mk.m->kind + "(): " + n + " has no run-time value here but has one at jit_merge_point");
            ok = false;
            continue;
          }
          types.push_back(x->type());
        }
        if (mk.m->kind == "jit_merge_point") {
          dg.types = types;
          dg.mergeOp = &op;
          dg.mergeMarker = mk.m;
        }
      }
  }
  for (DriverGen &dg : drivers_) ok &= findVirtualizable(dg);
  return ok;
}

// The driver's virtualizable (RPython's `virtualizables=['frame']`): a red
// whose class declares `_virtualizable_`. One per driver; its index among
// the canonical reds tells the runtime which loop input it is.
bool JitGen::findVirtualizable(DriverGen &dg) {
  const std::vector<std::string> &v = dg.info->virtualizables;
  if (v.empty() || !dg.mergeMarker) return true;
  if (v.size() > 1) {
    error(dg.mergeMarker->loc, dg.info->name + " declares " + std::to_string(v.size()) +
                                   " virtualizables; Lathe supports one per JitDriver");
    return false;
  }
  auto at = std::find(dg.names.begin(), dg.names.end(), v[0]);
  size_t k = static_cast<size_t>(at - dg.names.begin());
  const LLType *t = k < dg.types.size() ? dg.types[k] : nullptr;
  const LLType *obj = t && t->isPtr() ? t->target() : nullptr;
  if (!obj || !obj->isStruct() || classHints(p_, obj, "_virtualizable_").empty()) {
    error(dg.mergeMarker->loc, "virtualizable '" + v[0] + "' of " + dg.info->name +
                                   " must be an instance of a class that declares _virtualizable_");
    return false;
  }
  dg.vableRed = static_cast<int>(k - dg.numGreens);
  return true;
}

std::string JitGen::markerHook(const LLGraph &g, const LLOperation &op, const cpp::JitHooks::Spell &spell) const {
  const Marker *mk = marker(op);
  if (!mk) return "";
  const DriverGen &dg = drivers_[mk->driver];
  bool isMerge = mk->m->kind == "jit_merge_point";
  std::string d = std::to_string(mk->driver);
  std::string mpLabel = "lj_mp_" + d;
  if (dg.types.size() != dg.names.size()) return isMerge ? mpLabel + ":;" : "";
  // Whatever ran stopped at a merge point, so the normal code goes on just
  // after it, with its greens and reds (the merge point's variables).
  if (!dg.mergeOp) return "";
  auto operand = [&](const JitMarker *m, const LLOperation &o, size_t k) -> const LLValue & {
    return *markerOperand(*m, o, dg.names[k]);
  };
  const LLOperation *merge = dg.mergeOp;
  const JitMarker *mm = dg.mergeMarker;
  // Calls `enter` with this marker's greens and reds; returns or raises
  // when the portal call ended; at a merge point, takes its values and
  // goes on after jit_merge_point (`jump`: goto its label).
  auto callEnter = [&](const std::string &enter, bool jump) {
    std::ostringstream s;
    s << "    uint64_t lj_v[" << std::max<size_t>(dg.names.size(), 1) << "] = {";
    for (size_t k = 0; k < dg.names.size(); ++k)
      s << (k ? ", " : "") << "lathe::jit::toWord(" << spell(operand(mk->m, op, k)) << ")";
    s << "};\n    uint64_t lj_r = 0;\n    int lj_o = " << enter << "(lj_v, &lj_r);\n";
    const LLType *rt = g.resultType();
    s << "    if (LL_UNLIKELY(lj_o == 1 || lj_o == 2)) {\n";
    if (isVoid(rt)) s << "      return;\n";
    else s << "      if (lj_o == 1) return lathe::jit::fromWord<" << cppType(rt) << ">(lj_r);\n      return {};\n";
    s << "    }\n    if (lj_o == 3) {\n";
    for (size_t k = 0; k < dg.names.size(); ++k) {
      const LLValue &x = operand(mm, *merge, k);
      if (x.isVar())
        s << "      " << spell(x) << " = lathe::jit::fromWord<" << cppType(x.type()) << ">(lj_v[" << k << "]);\n";
    }
    if (jump) s << "      goto " << mpLabel << ";\n";
    s << "    }\n";
    return s.str();
  };
  // With the JIT off (lathe::jit::gJitOn), one load and a branch.
  if (mk->m->kind == "can_enter_jit" || (isMerge && dg.countAtMerge))
    return "if (lathe::jit::gJitOn) {\n" + callEnter("lathe_jit_enter_" + d, true) + "  }" +
           (isMerge ? "\n" + mpLabel + ":;" : "");
  if (!isMerge) return "";
  // The driver counts at can_enter_jit; the first merge point of each
  // portal call counts towards function_threshold (RPython's rule). The
  // call is out of line, after the function's blocks (the epilogue hook):
  // in the loop, a call on a path taken once per portal call made g++
  // keep the loop's values where the call could not clobber them, and
  // the BF interpreter's loop ran 30% slower with the JIT off (60% on
  // mandel.b) than without the glue.
  coldText_[&g] += "lj_first_block_" + d + ":;\n  lj_first_" + d + " = false;\n  if (lathe::jit::gJitOn) {\n" +
                   callEnter("lathe_jit_enter_function_" + d, false) + "  }\n  goto " + mpLabel + ";\n";
  return "if (LL_UNLIKELY(lj_first_" + d + ")) goto lj_first_block_" + d + ";\n" + mpLabel + ":;";
}

std::string JitGen::glueText() {
  std::ostringstream s;
  s << "// Generated by Lathe: the JIT's glue (translate --jit): call thunks,\n"
       "// descriptors, driver states.\n#include \"jit.h\"\n#include \"jit/glue_descrs.h\"\n#include <cstddef>\n\n";
  for (const std::string &t : thunks_) s << t;
  s << "\n";
  for (size_t di = 0; di < drivers_.size(); ++di) {
    const DriverGen &dg = drivers_[di];
    const LLGraph &portal = *p_.graphByName.at(dg.info->portal);
    s << "static void ljp_" << di << "(lathe::jit::TwinCtx& C, lathe::jit::ResumeCursor* rs) {\n  auto r = ljt_"
      << portal.name << "(C, rs";
    for (const LLVariable *v : portal.startblock->inputargs)
      if (!isVoid(v->type)) s << ", " << valDecl(v->type) << "{}";
    s << ");\n  if (!C.stopped && !ll_exc_occurred()) {\n    C.retBits = lathe::jit::AnyVal::toBits(r.v);\n"
      << "    C.portalReturned(" << (isVoid(portal.resultType()) ? "{}" : "{r}") << ");\n  }\n}\n\n";
    // get_printable_location (annotated with the greens: annotator's rMergePoint)
    std::string locFn = "nullptr";
    const eval::Value *lv = dg.info->obj ? dg.info->obj->attrs.find("get_printable_location") : nullptr;
    const eval::FunctionObj *lf = lv ? eval::asFunction(*lv) : nullptr;
    for (const auto &[gname, f] : p_.graphFunction) {
      if (!lf || f != lf) continue;
      const LLGraph &lg = *p_.graphByName.at(gname);
      std::vector<const LLVariable *> params;
      for (const LLVariable *v : lg.startblock->inputargs)
        if (!isVoid(v->type)) params.push_back(v);
      const LLType *rt = lg.resultType();
      if (params.size() != dg.numGreens || !rt->isPtr() || rt->target()->name() != "STR") break;
      s << "static std::string ljl_" << di << "(const uint64_t* g) {\n"
        << "  void* et = ll_exc_type; void* ev = ll_exc_value;\n  ll_exc_clear();\n  RStr* s = " << gname << "(";
      for (size_t k = 0; k < params.size(); ++k)
        s << (k ? ", " : "") << "lathe::jit::fromWord<" << cppType(params[k]->type) << ">(g[" << k << "])";
      s << ");\n  ll_exc_type = et;\n  ll_exc_value = ev;\n"
        << "  return s ? std::string(s->chars, s->length) : std::string();\n}\n\n";
      locFn = "&ljl_" + std::to_string(di);
      break;
    }
    s << "static lathe::jit::JitDriverState& ljd_" << di << "() {\n"
      << "  static lathe::jit::JitDriverState* d = new lathe::jit::JitDriverState(lathe::jit::DriverSpec{\""
      << dg.info->name << "\", {";
    for (size_t k = 0; k < dg.numGreens; ++k) s << (k ? ", " : "") << kindEnum(kindOf(dg.types[k]));
    s << "}, {";
    for (size_t k = dg.numGreens; k < dg.types.size(); ++k)
      s << (k > dg.numGreens ? ", " : "") << kindEnum(kindOf(dg.types[k]));
    s << "}, &ljp_" << di << ", " << locFn << ", " << codes_.at(portal.name) << ", " << dg.mergePoint << ", "
      << dg.vableRed << "});\n"
      << "  return *d;\n}\n\n";
    s << "int lathe_jit_enter_" << di << "(uint64_t* values, uint64_t* ret) {\n"
      << "  return static_cast<int>(ljd_" << di << "().enter(values, ret));\n}\n\n";
    s << "int lathe_jit_enter_function_" << di << "(uint64_t* values, uint64_t* ret) {\n"
      << "  return static_cast<int>(ljd_" << di << "().enter(values, ret, true));\n}\n\n";
  }
  // The descriptors: one constant row each (jit/glue_descrs.h), their
  // effect sets in a shared pool.
  SetPool pool;
  std::ostringstream rows;
  for (size_t k = 0; k < descrInit_.size(); ++k) {
    std::string init = descrInit_[k];
    if (auto c = calls_.find(static_cast<uint32_t>(k)); c != calls_.end()) {
      auto [flags, sets] = effectInit(c->second, pool);
      init.replace(init.find(kEffectHole), std::string_view(kEffectHole).size(), flags);
      init.replace(init.find(kSetsHole), std::string_view(kSetsHole).size(), sets);
    }
    rows << "  " << init << ", // " << k << "\n";
  }
  s << "namespace {\nusing G = lathe::jit::GlueDescr;\nusing K = lathe::jit::Kind;\n"
       "constexpr uint32_t N = G::kNoSet;\nconst uint32_t ljs[] = {";
  for (size_t k = 0; k < pool.words.size(); ++k) s << (k % 20 ? ", " : k ? ",\n  " : "\n  ") << pool.words[k];
  s << (pool.words.empty() ? "0};\n" : "\n};\n");
  s << "const G ljdescrs[] = {\n" << rows.str() << (descrInit_.empty() ? "  {}\n" : "") << "};\n}  // namespace\n\n";
  s << "void lathe_jit_setup() {\n  lathe::jit::addGlueDescrs(lathe::jit::jitGlobals().descrs, ljdescrs, "
    << descrInit_.size() << ", ljs);\n";
  s << "  lathe::jit::jitInit({";
  for (size_t k = 0; k < twinGraphs_.size(); ++k) s << (k ? ", " : "") << "\"" << twinGraphs_[k]->name << "\"";
  s << "});\n}\n";
  return s.str();
}

bool JitGen::run(cpp::JitHooks &out) {
  chooseTwins();
  if (!checkMarkers() || !ok_) return false;
  // Twins, in units of ~60 KB.
  std::vector<std::string> units;
  std::string cur;
  std::ostringstream protos;
  for (const LLGraph *g : twinGraphs_) {
    protos << valDecl(g->resultType()) << " ljt_" << g->name << "(lathe::jit::TwinCtx& C, lathe::jit::ResumeCursor* rs";
    for (const LLVariable *v : g->startblock->inputargs)
      if (!isVoid(v->type)) protos << ", " << valDecl(v->type);
    protos << ");\n";
    cur += TwinEmitter(*this, *g).run() + "\n";
    // Big units: each parses jit.h (the program's header and the JIT
    // runtime's, ~2 s of g++ for a large program), so fewer is faster. At
    // -O0 (emit_project.cpp) a 500 KB unit compiles in ~6 s, and a large
    // VM still has a dozen of them to share between cores.
    if (cur.size() > 500000) {
      units.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) units.push_back(cur);
  out.files.push_back({"jit.h", "// Generated by Lathe: traced twins' prototypes (translate --jit).\n#pragma once\n"
                                "#include \"program.h\"\n#include \"jit/jitdriver.h\"\n\n" +
                                    protos.str()});
  for (size_t k = 0; k < units.size(); ++k)
    out.files.push_back({"jit_twins_" + std::to_string(k) + ".cpp",
                         "// Generated by Lathe: traced twins (DESIGN §6).\n#include \"jit.h\"\n\n" + units[k]});
  out.files.push_back({"jit_glue.cpp", glueText()});
  std::ostringstream decl;
  decl << "#include \"jit/glue.h\"\n";
  for (size_t di = 0; di < drivers_.size(); ++di)
    decl << "int lathe_jit_enter_" << di << "(uint64_t* values, uint64_t* ret);\n"
         << "int lathe_jit_enter_function_" << di << "(uint64_t* values, uint64_t* ret);\n";
  decl << "void lathe_jit_setup();\n";
  out.declarations = decl.str();
  out.mainInit = "  lathe_jit_setup();\n";
  out.marker = [this](const LLGraph &g, const LLOperation &op, const cpp::JitHooks::Spell &spell) {
    return markerHook(g, op, spell);
  };
  out.prologue = [this](const LLGraph &g) -> std::string {
    std::string s;
    for (size_t di = 0; di < drivers_.size(); ++di)
      if (!drivers_[di].countAtMerge && drivers_[di].info->portal == g.name)
        s += "  bool lj_first_" + std::to_string(di) + " = true;\n";
    return s;
  };
  out.epilogue = [this](const LLGraph &g) -> std::string {
    auto it = coldText_.find(&g);
    if (it == coldText_.end()) return "";
    std::string s = it->second;
    coldText_.erase(it);
    return s;
  };
  out.afterSetfield = [this](const LLOperation &op) -> std::string {
    int q = quasiId(op.args[0].type()->target(), std::get<std::string>(op.args[1].cst()->value));
    return q < 0 ? "" : " lathe::jit::quasiWrite(" + std::to_string(q) + ");";
  };
  return true;
}

} // namespace

std::string printJitFiles(const cpp::JitHooks &hooks) {
  std::string s;
  for (const auto &[name, text] : hooks.files) s += "// ==== " + name + "\n" + text + "\n";
  return s;
}

bool generateJit(const LLProgram &p, const JitInfo &info, cpp::JitHooks &out, Diagnostics &sink,
                 std::vector<ResidualCall> *calls) {
  // The generator must outlive `out.marker` (the backend calls it while emitting).
  static std::deque<std::unique_ptr<JitGen>> keep;
  keep.push_back(std::make_unique<JitGen>(p, info, sink));
  bool ok = keep.back()->run(out);
  if (ok && calls) *calls = keep.back()->residualCalls();
  return ok;
}

} // namespace lathe::jitgen
