//===- flow_verify.cpp - Structural and SSA checks of flow graphs ---------===//
// Input: a FunctionGraph; output: a list of violations (empty when valid).
// Run by tests after every pass and, in debug builds, by the builder after
// building and after simplification. A violation is an internal bug.
//
// Checked, for every block reachable from the start block:
//   * final blocks: the return block has 1 inputarg, the except block 2, both
//     no operations and no exits; every other block has at least one exit;
//   * each link: prevblock is its block, target set and reachable, args count
//     == target inputargs count, no null arg;
//   * exitswitch NONE: at most one exit, no exitcase;
//     VALUE: a Variable defined in the block, exits False then True;
//     LAST_EXCEPTION: block ends with a canRaise op, exits[0] is a normal
//     link without exitcase, every other exit is an exception link whose
//     exitcase is a class and whose lastException/lastExcValue are fresh;
//   * SSA: every Variable is defined once in the whole graph; operations use
//     only the block's inputargs and earlier results; link args use those or
//     the link's own exception variables (a normal link of a LAST_EXCEPTION
//     block may use the last op's result; an exception link may not);
//   * operation arity matches flowops.def.
//===----------------------------------------------------------------------===//
#include "frontend/flowgraph.h"

#include <cassert>
#include <cstdio>
#include <unordered_set>

namespace lathe::flow {

namespace {

class Verifier {
public:
  explicit Verifier(const FunctionGraph &g) : g_(g) {}

  std::string run() {
    std::vector<Block *> blocks = g_.blocks();
    reachable_.insert(blocks.begin(), blocks.end());
    checkFinalBlocks();
    for (size_t i = 0; i < blocks.size(); ++i) {
      where_ = "block" + std::to_string(i);
      if (blocks[i] != g_.returnblock && blocks[i] != g_.exceptblock) checkBlock(*blocks[i]);
    }
    return errors_;
  }

private:
  void fail(const std::string &msg) { errors_ += where_ + ": " + msg + "\n"; }

  void define(Variable *v, std::unordered_set<const Variable *> &local) {
    if (!v) return fail("null variable definition");
    if (!defined_.insert(v).second) fail("variable v" + std::to_string(v->id) + " defined twice");
    local.insert(v);
  }

  void use(const Hlvalue &v, const std::unordered_set<const Variable *> &local,
           const char *what) {
    if (v.isNull()) return fail(std::string("null operand in ") + what);
    if (v.isVar() && !local.count(v.var()))
      fail(std::string(what) + " uses " + printValue(v) + " which is not defined there");
  }

  void checkFinalBlocks() {
    where_ = "return block";
    const Block *r = g_.returnblock;
    if (r->inputargs.size() != 1 || !r->operations.empty() || !r->exits.empty())
      fail("must have 1 inputarg, no operations, no exits");
    where_ = "except block";
    const Block *e = g_.exceptblock;
    if (e->inputargs.size() != 2 || !e->operations.empty() || !e->exits.empty())
      fail("must have 2 inputargs, no operations, no exits");
    std::unordered_set<const Variable *> ignored;
    for (Variable *v : r->inputargs) define(v, ignored);
    for (Variable *v : e->inputargs) define(v, ignored);
  }

  void checkOps(const Block &b, std::unordered_set<const Variable *> &local) {
    for (const Operation &op : b.operations) {
      int arity = flowOpInfo(op.op).arity;
      if (arity >= 0 && size_t(arity) != op.args.size())
        fail(std::string("wrong arity for ") + flowOpName(op.op));
      for (const Hlvalue &a : op.args) use(a, local, flowOpName(op.op));
      if (!op.result) fail(std::string("no result for ") + flowOpName(op.op));
      else define(op.result, local);
    }
  }

  void checkSwitch(const Block &b, const std::unordered_set<const Variable *> &local) {
    switch (b.switchKind) {
    case SwitchKind::NONE:
      if (b.exits.size() > 1) fail("several exits without an exitswitch");
      for (const Link *l : b.exits)
        if (l->hasExitcase || l->isException()) fail("unconditional exit has an exitcase");
      break;
    case SwitchKind::VALUE:
      if (!b.exitswitch.isVar()) fail("exitswitch is not a Variable");
      else use(b.exitswitch, local, "exitswitch");
      if (b.exits.size() != 2 || !isBoolCase(*b.exits[0], false) || !isBoolCase(*b.exits[1], true))
        fail("a boolean switch needs exits False, True");
      break;
    case SwitchKind::LAST_EXCEPTION:
      checkRaisingSwitch(b);
      break;
    }
  }

  static bool isBoolCase(const Link &l, bool value) {
    return l.hasExitcase && !l.isException() && l.exitcase.isBool() && l.exitcase.asBool() == value;
  }

  void checkRaisingSwitch(const Block &b) {
    if (b.operations.empty() || !flowOpInfo(b.operations.back().op).canRaise)
      fail("last_exception switch after an operation that cannot raise");
    if (b.exits.size() < 2) fail("last_exception switch needs a normal and an exception exit");
    for (size_t i = 0; i < b.exits.size(); ++i) {
      const Link *l = b.exits[i];
      if (i == 0 && (l->hasExitcase || l->isException())) fail("exits[0] must be the normal link");
      if (i > 0 && (!l->isException() || !eval::asClass(l->exitcase)))
        fail("exception exit without a class exitcase or exception variables");
    }
  }

  void checkLinks(const Block &b, const std::unordered_set<const Variable *> &local) {
    for (const Link *l : b.exits) {
      if (l->prevblock != &b) fail("link prevblock is wrong");
      if (!l->target) { fail("link without target"); continue; }
      if (!reachable_.count(l->target)) fail("link target is not in the graph");
      if (l->args.size() != l->target->inputargs.size())
        fail("link passes " + std::to_string(l->args.size()) + " args to a block with " +
             std::to_string(l->target->inputargs.size()) + " inputargs");
      std::unordered_set<const Variable *> scope = local;
      if (l->isException()) {
        // The raising op's result does not exist on the exception path.
        if (!b.operations.empty()) scope.erase(b.operations.back().result);
        define(l->lastException, scope);
        define(l->lastExcValue, scope);
      }
      for (const Hlvalue &a : l->args) use(a, scope, "link");
    }
  }

  void checkBlock(const Block &b) {
    if (b.exits.empty()) fail("a non-final block has no exits");
    std::unordered_set<const Variable *> local;
    for (Variable *v : b.inputargs) define(v, local);
    checkOps(b, local);
    checkSwitch(b, local);
    checkLinks(b, local);
  }

  const FunctionGraph &g_;
  std::unordered_set<const Block *> reachable_;
  std::unordered_set<const Variable *> defined_;
  std::string where_;
  std::string errors_;
};

} // namespace

std::string verifyGraph(const FunctionGraph &g) { return Verifier(g).run(); }

void assertValid(const FunctionGraph &g, const char *afterWhat) {
#ifndef NDEBUG
  std::string errors = verifyGraph(g);
  if (!errors.empty()) {
    std::fprintf(stderr, "invalid flow graph %s after %s:\n%s%s", g.name.c_str(), afterWhat,
                 errors.c_str(), printGraph(g).c_str());
    assert(false && "flow graph failed verification");
  }
#else
  (void)g;
  (void)afterWhat;
#endif
}

} // namespace lathe::flow
