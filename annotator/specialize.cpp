//===- specialize.cpp - rlib.objectmodel.specialize at call sites ---------===//
// Part of the annotator's call protocol (annotate.cpp, callFunction). A
// function decorated with `@specialize.*` carries
// `_specialize_ = (kind, [positions])` (rlib/objectmodel.py); a call to it
// is routed to one graph per specialisation key:
//
//   argtype(i, ...)  key: the type of each listed argument (int, str, a
//                    class name, ...; None-ability and constants ignored,
//                    as RPython's knowntype), so describe(1) and
//                    describe("a") annotate separate copies of the graph
//   arg(i, ...)      key: the constant value of each listed argument
//                    (an error if one is not a translation-time constant)
//   call_location()  key: the call site
//   memo()           no graph at all: every argument must be a prebuilt
//                    constant, and the module evaluator runs the function
//                    at translation time; the result is a constant
//
// Each key's GraphInfo has its own copy of the flow graph
// (FlowGraphCache::buildFresh) and prints as `mod.f[int]`.
//===----------------------------------------------------------------------===//
#include "annotator/annotate.h"

#include <algorithm>

namespace lathe::ann {

namespace {

/// RPython's knowntype of an annotation, as a short deterministic name.
std::string typeKey(const Ann &a) {
  switch (a->kind) {
  case SomeKind::IMPOSSIBLE: return "impossible";
  case SomeKind::BOOL: return "bool";
  case SomeKind::INTEGER: return a->isUnsigned ? "r_uint" : "int";
  case SomeKind::FLOAT: return "float";
  case SomeKind::CHAR:
  case SomeKind::STRING: return "str";
  case SomeKind::TUPLE: {
    std::string out = "(";
    for (size_t i = 0; i < a->items.size(); ++i) out += (i ? ", " : "") + typeKey(a->items[i]);
    return out + ")";
  }
  case SomeKind::LIST: return "list";
  case SomeKind::DICT: return "dict";
  case SomeKind::INSTANCE: return a->classDef->name();
  case SomeKind::PBC: return printType(a);
  case SomeKind::NONE: return "None";
  case SomeKind::ITERATOR: return "iterator";
  case SomeKind::EXCTYPE: return "type";
  case SomeKind::BUILTIN:
  case SomeKind::BUILTIN_METHOD: return printType(a);
  }
  return "?";
}

} // namespace

Specialization specializationOf(const eval::FunctionObj *f) {
  Specialization s;
  const eval::Value *v = f->attrs.find("_specialize_");
  const eval::TupleObj *t = v ? eval::asTuple(*v) : nullptr;
  if (!t || t->items.size() != 2 || !eval::asStr(t->items[0])) return s;
  const std::string &kind = eval::asStr(t->items[0])->value;
  if (kind == "argtype") s.kind = Specialization::Kind::ARGTYPE;
  else if (kind == "arg") s.kind = Specialization::Kind::ARG;
  else if (kind == "memo") s.kind = Specialization::Kind::MEMO;
  else if (kind == "call_location") s.kind = Specialization::Kind::CALL_LOCATION;
  else s.kind = Specialization::Kind::UNSUPPORTED;
  s.name = kind;
  if (const eval::ListObj *l = eval::asList(t->items[1]))
    for (const eval::Value &i : l->items)
      if (i.isInt() && i.asInt() >= 0) s.positions.push_back(size_t(i.asInt()));
  return s;
}

/// The specialisation key of a call with bound arguments `bound`; false
/// after reporting an error.
bool Annotator::specializationKey(const eval::FunctionObj *f, const Specialization &s,
                                  const std::vector<Binding> &bound, SrcLoc loc,
                                  std::string &key) {
  key.clear();
  switch (s.kind) {
  case Specialization::Kind::NONE:
  case Specialization::Kind::MEMO:
    return true;
  case Specialization::Kind::UNSUPPORTED:
    diags_.error(loc, "@specialize." + s.name + " (on " + f->qualname +
                          "()) is not supported by this translator");
    return false;
  case Specialization::Kind::CALL_LOCATION:
    key = diags_.where(loc) + ":" + std::to_string(loc.col);
    return true;
  case Specialization::Kind::ARGTYPE:
  case Specialization::Kind::ARG:
    break;
  }
  for (size_t i : s.positions) {
    if (i >= bound.size()) {
      diags_.error(loc, "@specialize." + s.name + " of " + f->qualname + "() names argument " +
                            std::to_string(i) + ", which it does not have");
      return false;
    }
    const Ann &a = bound[i].ann;
    if (s.kind == Specialization::Kind::ARG && !a->hasConst) {
      diags_.error(loc, "argument " + std::to_string(i) + " of " + f->qualname +
                            "() must be a translation-time constant (@specialize.arg), not " +
                            printType(a));
      return false;
    }
    key += (key.empty() ? "" : ", ") +
           (s.kind == Specialization::Kind::ARG ? eval::repr(a->constValue) : typeKey(a));
  }
  return true;
}

/// `@specialize.memo()`: evaluates the call at translation time.
Binding Annotator::callMemo(const eval::FunctionObj *f, const std::vector<Binding> &bound,
                            SrcLoc loc) {
  eval::CallArgs args;
  for (size_t i = 0; i < bound.size(); ++i) {
    if (!bound[i].ann->hasConst) {
      diags_.error(loc, "the memo function " + f->qualname + "() needs translation-time "
                        "constant arguments, but argument '" + f->args().args[i].name +
                        "' is " + printType(bound[i].ann));
      return {someFailed(), loc};
    }
    args.positional.push_back(bound[i].ann->constValue);
  }
  // Evaluated once per argument combination: a re-flow must see the same
  // constant (a memo function may build a new object each time).
  for (const MemoResult &m : memo_)
    if (m.func == f && std::equal(m.args.begin(), m.args.end(), args.positional.begin(),
                                  args.positional.end(),
                                  [](const eval::Value &a, const eval::Value &b) {
                                    return a.identical(b);
                                  }))
      return {bk_.immutableValue(m.result), loc};
  eval::Value result;
  eval::Evaluator &ev = bk_.evaluator();
  if (!ev.call(eval::Value::object(const_cast<eval::FunctionObj *>(f)), args, result, loc)) {
    diags_.error(loc, "calling the memo function " + f->qualname +
                          "() at translation time raised " +
                          eval::describe(ev.pendingException()));
    return {someFailed(), loc};
  }
  memo_.push_back({f, args.positional, result});
  return {bk_.immutableValue(result), loc};
}

} // namespace lathe::ann
