//===- rules.h - Per-operation annotation rules (internal) ----------------===//
// The annotator (annotate.cpp) flows a block one operation at a time; for
// each it builds an OpContext (the operation, its arguments' annotations and
// origins) and calls the rule for that operation's group:
//   unaryop.cpp      pos neg invert bool not_ type len iter next
//   binaryop.cpp     arithmetic, in-place forms, comparisons, is_
//   containerop.cpp  newtuple newlist newdict getitem setitem delitem
//                    getslice setslice delslice contains
//   attrop.cpp       getattr setattr delattr
//   callop.cpp       simple_call call_args exception_match
//   builtins.cpp     built-in functions, str/list/dict methods, rlib hints
// A rule returns the result annotation; IMPOSSIBLE means "not known yet" or
// "error reported" and blocks the rest of the block. Rules report user
// errors through OpContext::error and set `resultOrigin` when the value
// comes from elsewhere (a callee's return, an attribute, a list item).
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/annotate.h"

namespace lathe::ann {

struct OpContext {
  Annotator &an;
  GraphInfo &gi;
  const flow::Block *block;
  const flow::Operation &op;
  std::vector<Ann> args;
  std::vector<SrcLoc> origins;
  SrcLoc resultOrigin;

  Bookkeeper &bk() { return an.bookkeeper(); }
  Position pos() const { return {&gi, block}; }
  SrcLoc loc() const { return op.loc; }
  void error(const std::string &message) { an.diags().error(op.loc, message); }
  /// A short name for argument `i` in messages: "`x`" or "the value".
  std::string argName(size_t i) const;
  /// The constant value of argument `i`, if it is one.
  const eval::Value *constArg(size_t i) const;
};

Ann unaryOp(OpContext &c);
Ann binaryOp(OpContext &c);
Ann containerOp(OpContext &c);
/// RPython's ListDef.offspring (containerop.cpp): a fresh list (one per
/// operation) whose item is the union of the sources' items; the sources are
/// generalised to it. Used by slicing, list + list and list * int.
Ann listOffspring(OpContext &c, const std::vector<Ann> &sources);
Ann attrOp(OpContext &c);
Ann callOp(OpContext &c);

/// False after reporting that the operation modifies a module-level
/// (frozen) list or dict (frozen.cpp); checked before the op's rule.
bool checkNotFrozen(OpContext &c);

/// Calls any callable annotation (shared by callop.cpp and builtins that
/// take callbacks).
Binding callAnnotation(OpContext &c, const Ann &callee, const CallArgs &args);
/// A built-in function by name; false when `name` is not known.
bool callBuiltin(OpContext &c, const std::string &name, const CallArgs &args, Binding &result);
/// A method of a built-in type (`lst.append`); `recv` is the receiver.
Binding callBuiltinMethod(OpContext &c, const Ann &recv, const std::string &name,
                          const CallArgs &args);
/// Whether type `recv` has built-in method `name`.
bool hasBuiltinMethod(const Ann &recv, const std::string &name);
/// rlib function recognised by identity ("rlib.jit.promote"); false if not.
bool callRlib(OpContext &c, const eval::FunctionObj *f, const CallArgs &args, Binding &result);
/// The same by qualified name ("rlib.rarith.r_uint" for classes).
bool callRlibName(OpContext &c, const std::string &key, const CallArgs &args, Binding &result);

/// The item annotation produced by iterating `container` (null: not iterable).
Ann iterItem(OpContext &c, const Ann &container, IterKind kind);
/// Narrowing: `a` restricted to instances of `cd` (isinstance), or null.
Ann narrowToClass(const Ann &a, ClassDef *cd);

} // namespace lathe::ann
