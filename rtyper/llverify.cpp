//===- llverify.cpp - Invariants of low-level graphs -------------------------===//
// verifyLLGraph: structure (final blocks, link bookkeeping), SSA (one
// definition per variable, uses only in the defining block after the
// definition, or in the args of the exception link defining them), typing
// (checkOpTypes per operation, link args against target inputargs) and
// exits (NONE: at most one plain exit; VALUE: Bool with exits False, True,
// or Signed/Char with distinct constant cases and an optional final
// default; LAST_EXCEPTION: after a can-raise op, normal exit first, then
// exception links with a case and Ptr-typed exception variables).
// Reads the graph only; reports every violation, one per line.
//===----------------------------------------------------------------------===//
#include "rtyper/llgraph.h"

#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace lathe::rtyper {

namespace {

/// Is `l`'s exitcase `want`? Also true when the case is missing or not a
/// bool: those faults are reported separately.
bool boolCaseOk(const LLLink *l, bool want) {
  const bool *v = l->exitcase ? std::get_if<bool>(&l->exitcase->value) : nullptr;
  return !v || *v == want;
}

class Verifier {
public:
  explicit Verifier(const LLGraph &g) : g_(g), blocks_(g.blocks()) {}
  std::string run();

private:
  void fail(const LLBlock *b, const std::string &msg);
  void define(const LLBlock *b, const LLVariable *v);
  void use(const LLBlock *b, const LLValue &v, const std::unordered_set<const LLVariable *> &live,
           const LLLink *link);
  void checkFinals();
  void checkBlock(const LLBlock *b);
  void checkLink(const LLBlock *b, const LLLink *l,
                 const std::unordered_set<const LLVariable *> &live);
  void checkExits(const LLBlock *b);
  void checkValueSwitch(const LLBlock *b);
  void checkExceptionExits(const LLBlock *b);

  const LLGraph &g_;
  std::vector<LLBlock *> blocks_;
  std::unordered_map<const LLBlock *, size_t> index_;
  std::unordered_set<const LLVariable *> defined_;
  std::ostringstream out_;
};

void Verifier::fail(const LLBlock *b, const std::string &msg) {
  std::string where = b == g_.returnblock   ? "return"
                      : b == g_.exceptblock ? "except"
                                            : "block" + std::to_string(index_[b]);
  out_ << g_.name << ": " << where << ": " << msg << "\n";
}

void Verifier::define(const LLBlock *b, const LLVariable *v) {
  if (!v) {
    fail(b, "null variable definition");
    return;
  }
  if (!v->type)
    fail(b, printLLVar(v) + " has no type");
  if (!defined_.insert(v).second)
    fail(b, printLLVar(v) + " is defined twice");
}

void Verifier::use(const LLBlock *b, const LLValue &v,
                   const std::unordered_set<const LLVariable *> &live, const LLLink *link) {
  if (v.isNull()) {
    fail(b, "null operand");
    return;
  }
  if (v.isConst()) {
    if (!v.cst()->type)
      fail(b, "constant " + printLLValue(v) + " has no type");
    return;
  }
  bool fromLink = link && (v.var() == link->lastException || v.var() == link->lastExcValue);
  if (!fromLink && !live.count(v.var()))
    fail(b, printLLValue(v) + " is used outside the block defining it, or before");
}

void Verifier::checkFinals() {
  if (g_.returnblock->inputargs.size() != 1)
    fail(g_.returnblock, "the return block takes exactly one inputarg");
  if (g_.exceptblock->inputargs.size() != 2)
    fail(g_.exceptblock, "the except block takes exactly two inputargs");
  for (const LLVariable *v : g_.exceptblock->inputargs)
    if (v && v->type && !v->type->isPtr())
      fail(g_.exceptblock, "exception inputarg is " + v->type->str() + ", not a Ptr");
  for (const LLBlock *b : {g_.returnblock, g_.exceptblock})
    if (!b->operations.empty() || !b->exits.empty())
      fail(b, "a final block has no operations and no exits");
}

void Verifier::checkBlock(const LLBlock *b) {
  std::unordered_set<const LLVariable *> live;
  for (const LLVariable *v : b->inputargs) {
    define(b, v);
    live.insert(v);
  }
  for (const LLOperation &op : b->operations) {
    for (const LLValue &a : op.args)
      use(b, a, live, nullptr);
    std::string err = checkOpTypes(op);
    if (!err.empty())
      fail(b, err);
    define(b, op.result);
    live.insert(op.result);
  }
  if (b->switchKind == LLSwitch::VALUE)
    use(b, b->exitswitch, live, nullptr);
  for (const LLLink *l : b->exits)
    checkLink(b, l, live);
  checkExits(b);
}

void Verifier::checkLink(const LLBlock *b, const LLLink *l,
                         const std::unordered_set<const LLVariable *> &live) {
  if (l->prevblock != b)
    fail(b, "link's prevblock is not the block it leaves");
  if (!l->target) {
    fail(b, "link has no target");
    return;
  }
  if (l->isException()) {
    define(b, l->lastException);
    define(b, l->lastExcValue);
  }
  const auto &params = l->target->inputargs;
  if (l->args.size() != params.size()) {
    fail(b, "link passes " + std::to_string(l->args.size()) + " args to " +
                std::to_string(params.size()) + " inputargs");
    return;
  }
  for (size_t i = 0; i < params.size(); ++i) {
    use(b, l->args[i], live, l);
    const LLType *t = l->args[i].type();
    if (t && params[i] && params[i]->type && t != params[i]->type)
      fail(b, "link arg " + std::to_string(i) + " (" + printLLValue(l->args[i]) + ") is " +
                  t->str() + ", target inputarg is " + params[i]->type->str());
  }
}

void Verifier::checkExits(const LLBlock *b) {
  switch (b->switchKind) {
  case LLSwitch::NONE:
    if (b->exits.size() > 1)
      fail(b, "several exits without an exitswitch");
    for (const LLLink *l : b->exits)
      if (l->exitcase || l->isException())
        fail(b, "an unconditional exit has an exitcase");
    if (b->exits.empty() && b != g_.returnblock && b != g_.exceptblock)
      fail(b, "a non-final block has no exits");
    return;
  case LLSwitch::VALUE:
    checkValueSwitch(b);
    return;
  case LLSwitch::LAST_EXCEPTION:
    checkExceptionExits(b);
    return;
  }
}

void Verifier::checkValueSwitch(const LLBlock *b) {
  const LLType *t = b->exitswitch.type();
  if (!t)
    return; // reported by use()
  bool isBool = t->kind() == LLKind::BOOL;
  if (!isBool && t->kind() != LLKind::SIGNED && t->kind() != LLKind::CHAR) {
    fail(b, "exitswitch is " + t->str() + ", not Bool, Signed or Char");
    return;
  }
  if (isBool && b->exits.size() != 2) {
    fail(b, "a Bool switch has exactly two exits (False, True)");
    return;
  }
  std::set<std::string> seen; // printed cases: distinct values print distinctly
  for (size_t i = 0; i < b->exits.size(); ++i) {
    const LLConstant *c = b->exits[i]->exitcase;
    bool last = i + 1 == b->exits.size();
    if (!c && (isBool || !last))
      fail(b, "exit " + std::to_string(i) + " has no case (only a final default may)");
    else if (c && c->type != t)
      fail(b, "exit " + std::to_string(i) + " case is " + c->type->str() + ", switch is " + t->str());
    else if (c && !seen.insert(printLLValue(c)).second)
      fail(b, "duplicate switch case " + printLLValue(c));
  }
  if (isBool && (!boolCaseOk(b->exits[0], false) || !boolCaseOk(b->exits[1], true)))
    fail(b, "Bool switch exits are False then True");
}

void Verifier::checkExceptionExits(const LLBlock *b) {
  if (b->operations.empty() || !llOpInfo(b->operations.back().op).canRaise) {
    fail(b, "switch last_exception after an operation that cannot raise");
    return;
  }
  if (b->exits.empty() || b->exits[0]->isException() || b->exits[0]->exitcase)
    fail(b, "the first exit of switch last_exception is the plain normal exit");
  for (size_t i = 1; i < b->exits.size(); ++i) {
    const LLLink *l = b->exits[i];
    if (!l->isException() || !l->lastExcValue || !l->exitcase)
      fail(b, "exit " + std::to_string(i) + " is not an exception link with a case");
    else if (!l->lastException->type->isPtr() || !l->lastExcValue->type->isPtr())
      fail(b, "exit " + std::to_string(i) + " exception variables are not Ptrs");
  }
}

std::string Verifier::run() {
  for (size_t i = 0; i < blocks_.size(); ++i)
    index_.emplace(blocks_[i], i);
  checkFinals();
  for (const LLBlock *b : blocks_)
    if (b != g_.returnblock && b != g_.exceptblock)
      checkBlock(b);
  for (const LLBlock *b : {g_.returnblock, g_.exceptblock})
    for (const LLVariable *v : b->inputargs)
      define(b, v);
  return out_.str();
}

} // namespace

std::string verifyLLGraph(const LLGraph &g) { return Verifier(g).run(); }

} // namespace lathe::rtyper
