//===- frozen.cpp - Module-level lists and dicts are constants at run time -===//
// Part of flowing an operation (annotate.cpp, before the op's rule). A list
// or dict reached through a module global was built at translation time and
// becomes static data: at run time it is read-only (DESIGN §3; prebuilt
// instances, by contrast, stay mutable). The bookkeeper marks such
// containers `frozen` (with the global's name) when a graph reads them; this
// file rejects every operation that would modify one:
//   setitem delitem setslice delslice   TABLE[i] = x, del D[k]
//   inplace_add inplace_mul             TABLE += [x]
//   mutating methods                    TABLE.append(x), D.update(E), ...
// The error names the global and the call chain from entry_point.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

namespace lathe::ann {

namespace {

const std::string *frozenName(const Ann &a) {
  if (a->kind == SomeKind::LIST && !a->listDef->find()->frozen.empty())
    return &a->listDef->find()->frozen;
  if (a->kind == SomeKind::DICT && !a->dictDef->find()->frozen.empty())
    return &a->dictDef->find()->frozen;
  return nullptr;
}

bool mutatingMethod(const Ann &recv, const std::string &name) {
  static const char *const listMethods[] = {"append", "extend", "insert", "pop",
                                            "remove", "reverse", "sort", "clear"};
  static const char *const dictMethods[] = {"update", "pop", "popitem", "setdefault", "clear"};
  if (recv->kind == SomeKind::LIST)
    for (const char *m : listMethods)
      if (name == m) return true;
  if (recv->kind == SomeKind::DICT)
    for (const char *m : dictMethods)
      if (name == m) return true;
  return false;
}

bool report(OpContext &c, const Ann &container, const std::string &how) {
  const std::string *name = frozenName(container);
  if (!name) return true;
  c.error("`" + *name + "` is a module-level constant: it cannot be modified at run time (" +
          how + "); keep mutable state in a prebuilt instance");
  c.an.noteCallChain(c.gi.caller, c.gi.callLoc);
  return false;
}

} // namespace

bool checkNotFrozen(OpContext &c) {
  // Only a few of the ops can modify a container: an if-chain, not a
  // switch over every FlowOp.
  using flow::FlowOp;
  FlowOp op = c.op.op;
  if (op == FlowOp::SETITEM) return report(c, c.args[0], "item assignment");
  if (op == FlowOp::DELITEM) return report(c, c.args[0], "item deletion");
  if (op == FlowOp::SETSLICE) return report(c, c.args[0], "slice assignment");
  if (op == FlowOp::DELSLICE) return report(c, c.args[0], "slice deletion");
  if (op == FlowOp::INPLACE_ADD || op == FlowOp::INPLACE_MUL)
    return c.args[0]->kind != SomeKind::LIST || report(c, c.args[0], "in-place resize");
  if (op != FlowOp::SIMPLE_CALL && op != FlowOp::CALL_ARGS) return true;
  const Ann &callee = c.args[0];
  if (callee->kind != SomeKind::BUILTIN_METHOD || !mutatingMethod(callee->items[0], callee->name))
    return true;
  return report(c, callee->items[0], "." + callee->name + "()");
}

} // namespace lathe::ann
