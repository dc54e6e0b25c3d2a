//===- lowering.h - The RTyper's internal interfaces ----------------------===//
// Shared by the files of the RTyper (rtyper.h gives the recipe):
//
//   RTyper    program-wide state: representations (annotation -> LLType,
//             repr.cpp), the class hierarchy (rclass.cpp), prebuilt
//             constants (prebuilt.cpp), runtime helpers (`external`), and the
//             LLGraph of every annotated graph (declared before any is
//             lowered, so calls can name their callee).
//   Lowering  one graph being lowered (lower_graph.cpp): maps flow values to
//             low-level values, appends operations to the current block and
//             lowers each flow operation by dispatching on its operands'
//             kinds to one `lower*` rule per area:
//               rint.cpp     bool/int/float arithmetic and comparisons
//               rstr.cpp     str and char operations, %-formatting
//               rlist.cpp    lists (resizable and fixed) and ranges
//               rdict.cpp    dicts
//               rtuple.cpp   tuples
//               rclass.cpp   instances, attributes, isinstance, `is`, types
//               rcall.cpp    calls of functions, methods, classes
//               rbuiltin.cpp built-in functions and methods, rlib hints
//               riter.cpp    iter/next (for loops)
//             A rule returns the result as a value of the result's
//             representation, or a null LLValue when it does not apply
//             (the dispatcher then reports "not supported").
// Representations (DESIGN §5): see repr.cpp's header.
//===----------------------------------------------------------------------===//
#pragma once
#include "rtyper/rtyper.h"

#include <functional>
#include <optional>
#include <unordered_map>

namespace lathe::rtyper {

class Lowering;

/// How a call family is called: one function type for every member.
struct FamilySig {
  std::vector<ann::Ann> params; // unified annotations
  ann::Ann result;
  const LLType *funcType = nullptr;
};

class RTyper {
public:
  RTyper(ann::Annotator &an, LLProgram &prog, Diagnostics &sink);

  ann::Annotator &an;
  ann::Bookkeeper &bk;
  LLProgram &prog;
  TypeContext &types;
  Diagnostics &sink;
  bool failed = false;
  size_t errors = 0; // reported so far

  void error(SrcLoc loc, const std::string &message);

  // --- representations (repr.cpp) ----------------------------------------
  /// The low-level type of values with annotation `a`.
  const LLType *reprOf(const ann::Ann &a);
  const LLType *strType();               // Ptr(STR)
  const LLType *builderType();           // Ptr(StringBuilder)
  /// Lists: a fixed list (never resized) is a bare Ptr(GcArray); ranges a
  /// Ptr(RANGE); others Ptr(LIST<T>).
  enum class ListKind : uint8_t { RESIZABLE, FIXED, RANGE };
  ListKind listKind(ann::ListDef *def);
  const LLType *listType(ann::ListDef *def);
  const LLType *listItemType(ann::ListDef *def);
  const LLType *dictType(ann::DictDef *def);
  /// The key-traits C++ name of a dict key type.
  std::string keyTraits(const LLType *key);
  const LLType *tupleType(const std::vector<const LLType *> &items);
  const LLType *iteratorType(const ann::Ann &it);
  /// C++ spelling of a low-level type (shared with the emitter).
  std::string cppType(const LLType *t);

  // --- classes (rclass.cpp) ---------------------------------------------
  /// Numbers the classes and declares their structs (before signatures).
  void buildClasses();
  /// Defines instance and vtable structs and fills the vtable slots (after
  /// every graph is declared).
  void finishClasses();
  ClassInfo &classOf(const ann::ClassDef *cd);
  ClassInfo &classOfObj(const eval::ClassObj *cls);
  ClassInfo *findClassOfObj(const eval::ClassObj *cls);
  const LLType *objectPtr();  // Ptr(OBJECT): any instance
  const LLType *vtablePtr();  // Ptr(OBJECT_VTABLE): any class
  const LLType *instancePtr(const ann::ClassDef *cd);
  const LLConstant *vtableConst(const ClassInfo &ci);
  int builtinClassIndex(int kind) const { return builtinIndex_[kind]; }

  // --- graphs and calls (rcall.cpp) ----------------------------------------
  /// Declares an LLGraph for every annotated graph (signatures fixed here).
  void declareGraphs();
  LLGraph *graphOf(const ann::GraphInfo *gi);
  const ann::GraphInfo *infoOf(const LLGraph *g) const;
  /// A Ptr(Func) constant naming the graph.
  const LLConstant *graphConst(const ann::GraphInfo *gi);
  /// The parameter and result annotations the graph's signature uses.
  const std::vector<ann::Ann> &signature(const ann::GraphInfo *gi);
  /// The call family of a PBC annotation (its members' shared signature),
  /// or null for single functions.
  const FamilySig *familyOf(const ann::Ann &pbc);
  const FamilySig *familyOfDesc(const ann::Desc *d);

  // --- helpers and constants ----------------------------------------------
  /// A Symbol constant for calling runtime helper `name` with this type.
  const LLConstant *external(const std::string &name, const std::vector<const LLType *> &args,
                             const LLType *result, bool canRaise, bool raisesByResult = false);
  /// The ll constant of translation-time value `v` in representation
  /// `type` of annotation `a` (prebuilt.cpp); null when not representable.
  const LLConstant *constantOf(const eval::Value &v, const ann::Ann &a, SrcLoc loc);
  const LLConstant *strConst(const std::string &s);
  const LLConstant *voidConst(const std::string &payload = "None");
  const LLConstant *intConst(int64_t v);
  const LLConstant *boolConst(bool b);
  const LLConstant *nullConst(const LLType *ptrType);

  std::string classDisplayName(const eval::ClassObj *cls) const;

private:
  std::unordered_map<const ann::GraphInfo *, LLGraph *> graphs_;
  std::unordered_map<const LLGraph *, const ann::GraphInfo *> infos_;
  std::unordered_map<const ann::GraphInfo *, std::vector<ann::Ann>> sigs_;
  std::map<const ann::CallFamily *, FamilySig> families_;
  std::map<std::string, const LLConstant *> strConsts_;
  std::map<std::string, const LLConstant *> voidConsts_;
  std::map<const eval::Object *, const LLConstant *> prebuiltOf_;
  std::map<const ann::ClassDef *, int> classIndex_;
  std::map<const eval::ClassObj *, int> classObjIndex_;
  std::vector<int> builtinIndex_;
  std::map<std::vector<const LLType *>, const LLType *> tuples_;
  std::map<std::string, const LLType *> iterTypes_;
  const LLType *objectPtr_ = nullptr, *vtablePtr_ = nullptr;
  std::vector<LLType *> declaredInst_, declaredVt_; // by class index, until finishClasses
  std::map<std::pair<int, std::string>, ann::Ann> constSlotAnn_; // (owner class, name) -> slot annotation
  friend class Lowering;
  const LLConstant *prebuiltInstance(const eval::InstanceObj *inst, const ann::Ann &a, SrcLoc loc);
  const LLConstant *prebuiltContainer(const eval::Object *obj, const ann::Ann &a, SrcLoc loc);
};

/// The lowering of one graph (lower_graph.cpp).
class Lowering {
public:
  Lowering(RTyper &rt, const ann::GraphInfo &gi, LLGraph &g);
  void run();

  RTyper &rt;
  const ann::GraphInfo &gi;
  LLGraph &g;
  TypeContext &types;

  // --- the operation being lowered --------------------------------------
  const flow::Operation *op = nullptr;
  SrcLoc loc;
  LLBlock *cur = nullptr; // where operations are appended
  /// Whether this op is the one guarded by the block's exception links.
  bool guarded = false;
  size_t nargs() const { return op->args.size(); }
  ann::Ann argAnn(size_t i) const { return annOf(op->args[i]); }
  LLValue arg(size_t i) { return valueOf(op->args[i]); }
  ann::Ann resultAnn() const { return annOf(op->result); }
  const LLType *resultType() { return rt.reprOf(resultAnn()); }
  const eval::Value *constArg(size_t i) const;

  ann::Ann annOf(const flow::Hlvalue &v) const;
  /// The ll value of a flow value, in its annotation's representation.
  LLValue valueOf(const flow::Hlvalue &v);

  // --- building --------------------------------------------------------
  LLVariable *emit(LLOp o, std::vector<LLValue> args, const LLType *result);
  /// Calls runtime helper `name`; returns its result (a Void variable when
  /// `result` is Void).
  LLValue call(const std::string &name, std::vector<LLValue> args, const LLType *result,
               bool canRaise = false);
  /// Calls a runtime check `name` (bool ll_check_*(...), true when it
  /// raised: ExternalFunc::raisesByResult), e.g. an index check.
  void check(const std::string &name, std::vector<LLValue> args);
  /// Raises built-in exception `kind` (LLBuiltinExc) with a message.
  void raiseBuiltin(int kind, const std::string &message);
  LLValue cint(int64_t v) { return rt.intConst(v); }
  LLValue cbool(bool b) { return rt.boolConst(b); }
  LLValue cfloat(double d) { return g.constant(types.floatType(), d); }
  LLValue cchar(char c) { return g.constant(types.charType(), c); }
  LLValue cstr(const std::string &s) { return rt.strConst(s); }
  LLValue cvoid(const std::string &s = "None") { return rt.voidConst(s); }
  LLValue cnull(const LLType *ptr) { return rt.nullConst(ptr); }
  LLValue cfield(const std::string &name) { return rt.voidConst(name); }
  LLValue ctype(const LLType *t) { return g.constant(types.voidType(), t); }
  LLValue getfield(LLValue p, const std::string &field);
  void setfield(LLValue p, const std::string &field, LLValue v);
  LLValue castPtr(LLValue p, const LLType *to);

  /// `v` (annotation `from`) in the representation of annotation `to`.
  LLValue convert(LLValue v, const ann::Ann &from, const ann::Ann &to);
  /// The same for a flow value.
  LLValue convertTo(const flow::Hlvalue &v, const ann::Ann &to) {
    return convert(valueOf(v), annOf(v), to);
  }
  /// Bool truth value of a value (`if x`, `bool(x)`, `not x`).
  LLValue truth(LLValue v, const ann::Ann &a);
  /// str(v) as a Ptr(STR) (print, str(), %s).
  LLValue toStr(LLValue v, const ann::Ann &a);
  /// repr(v) as a Ptr(STR) (%r, KeyError text, exception args).
  LLValue toRepr(LLValue v, const ann::Ann &a);

  /// The operation of the block being lowered that defines `v` (before the
  /// current one), or null.
  const flow::Operation *definingOp(const flow::Variable *v) const;

  /// Whether `v`, the result of the operation being lowered, is the
  /// argument of rlib's ovfcheck (then the operation checks overflow).
  bool feedsOvfcheck(const flow::Variable *v) const;

  /// The zero value of a type (0, False, null, ...).
  LLValue zeroOf(const LLType *t);

  /// Reports that this operation on these operands cannot be translated.
  LLValue unsupported(const std::string &what = {});

private:
  void lowerBlock(const flow::Block *b);
  LLValue lowerOp();
  LLValue lowerOpRules();
  void lowerExits(const flow::Block *b, bool skipNormal = false);
  void deadEnd(LLBlock *from);
  void lowerLink(LLBlock *from, const flow::Link *link, const LLConstant *exitcase);
  bool lowerInlineNext(const flow::Block *b);
  /// Makes `to` receive every value `from` defines that vars_ maps (and
  /// `extra`, updated in place); returns the link arguments. vars_ then
  /// names to's inputargs; `saved` records the previous mapping.
  std::vector<LLValue> carryLive(LLBlock *from, LLBlock *to, std::vector<LLValue *> extra,
                                 std::vector<std::pair<size_t, LLValue>> &saved);
  /// The exception links b->exits[first..] from `from`.
  void lowerExceptionLinks(LLBlock *from, const flow::Block *b, size_t first);
  void lowerLinkToReturnDefault(LLBlock *dead);
  LLBlock *blockFor(const flow::Block *b);

  std::vector<LLValue> vars_; // by flow Variable id
  std::unordered_map<const flow::Block *, LLBlock *> blocks_;
  /// Live flow variables of the block being lowered (for block splits).
  const flow::Block *curFlow_ = nullptr;
  size_t curIndex_ = 0;
  friend class RTyper;
};

// --- per-area rules (one file each) ----------------------------------------
LLValue lowerNumberOp(Lowering &L);
LLValue lowerStrOp(Lowering &L);
LLValue lowerListOp(Lowering &L);
LLValue lowerDictOp(Lowering &L);
LLValue lowerTupleOp(Lowering &L);
LLValue lowerInstanceOp(Lowering &L);
LLValue lowerCallOp(Lowering &L);
LLValue lowerIterOp(Lowering &L);
/// simple_call of a built-in function / method (rbuiltin.cpp); `args` are
/// the call's positional arguments (flow values), keywords by name.
LLValue lowerBuiltinCall(Lowering &L, const std::string &name,
                         const std::vector<flow::Hlvalue> &args,
                         const std::vector<std::pair<std::string, flow::Hlvalue>> &kwargs);
LLValue lowerBuiltinMethod(Lowering &L, LLValue recv, const ann::Ann &recvAnn,
                           const std::string &name, const std::vector<flow::Hlvalue> &args);
/// An exception's message from its constructor arguments, as CPython's
/// str(e): the one argument's str, null for none, the tuple's repr for
/// several (rcall.cpp).
LLValue exceptionMessage(Lowering &L, const std::vector<flow::Hlvalue> &args);
/// len(x) (rbuiltin.cpp).
LLValue lenOf(Lowering &L, LLValue v, const ann::Ann &a);
/// Whether `name` ("rlib.rarith.ovfcheck") is an rlib hint rbuiltin.cpp lowers.
bool isRlibHint(const std::string &name);
/// Methods of built-in types, one per area file.
LLValue lowerStrMethod(Lowering &L, LLValue recv, const ann::Ann &recvAnn, const std::string &name,
                       const std::vector<flow::Hlvalue> &args);
LLValue lowerListMethod(Lowering &L, LLValue recv, const ann::Ann &recvAnn, const std::string &name,
                        const std::vector<flow::Hlvalue> &args);
LLValue lowerDictMethod(Lowering &L, LLValue recv, const ann::Ann &recvAnn, const std::string &name,
                        const std::vector<flow::Hlvalue> &args);
/// The C++ equality functor for items of annotation `item` in searches
/// (`in`, index, count, remove, ==) (rlist.cpp).
std::string listItemEq(Lowering &L, const ann::Ann &item);
/// list(x) (rlist.cpp).
LLValue lowerListConstructor(Lowering &L, const std::vector<flow::Hlvalue> &args);
/// `s` with every character that cannot appear in a C++ identifier as `_`
/// (graph and struct names: "bf.Tape.get" -> "bf_Tape_get").
std::string cIdentifier(const std::string &s);
/// The classes of an isinstance/except argument: a class or a tuple of them.
std::vector<const eval::ClassObj *> classesOf(const eval::Value &v);
/// Whether a vtable pointer's class is one of `classes` (a class or a tuple
/// of classes): isinstance and except clauses (rclass.cpp).
LLValue classMatch(Lowering &L, LLValue vtable, const eval::Value &classes);
/// str() / repr() of a string-like, number or other value (rstr.cpp).
LLValue strOf(Lowering &L, LLValue v, const ann::Ann &a, bool repr);
/// The inline `next` of a for loop (riter.cpp), in two steps: `iterHasNext`
/// emits the test (a Bool; null when `it` has no inline form and `next`
/// is a helper call), then, in the block where the test was true,
/// `iterNextItem` emits the item and advances the iterator.
/// A new iterator (ITERATOR annotation `it`) over `container`.
LLValue makeIterator(Lowering &L, LLValue container, const ann::Ann &it);
LLValue iterHasNext(Lowering &L, LLValue it, const ann::Ann &itAnn);
LLValue iterNextItem(Lowering &L, LLValue it, const ann::Ann &itAnn, const ann::Ann &itemAnn);
/// The union of a tuple's item annotations (iterating over a tuple).
ann::Ann tupleItemAnn(const ann::Ann &tuple);

} // namespace lathe::rtyper
