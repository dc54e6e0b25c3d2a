//===- llgraph.cpp - Low-level graphs: op table and graph construction -----===//
// Expands llops.def into the info table and implements LLGraph's arena and
// block ordering (the same depth-first order as flow::FunctionGraph).
//===----------------------------------------------------------------------===//
#include "rtyper/llgraph.h"

#include <cassert>
#include <unordered_set>

namespace lathe::rtyper {

namespace {
constexpr LLOpInfo kOpInfo[] = {
#define LLOP(NAME, name, operands, result, check, canRaise, sideEffects, canFold) \
  {name, operands, result, LLCheck::check, canRaise, sideEffects, canFold},
#include "rtyper/llops.def"
};
} // namespace

const LLOpInfo &llOpInfo(LLOp op) { return kOpInfo[size_t(op)]; }

std::optional<LLOp> llOpByName(std::string_view name) {
  for (size_t i = 0; i < std::size(kOpInfo); ++i)
    if (name == kOpInfo[i].name)
      return LLOp(i);
  return std::nullopt;
}

LLGraph::LLGraph(std::string name_, const std::vector<LLParam> &params,
                 const LLType *result, const LLType *etype, const LLType *evalue)
    : name(std::move(name_)) {
  std::vector<LLVariable *> args;
  for (const LLParam &p : params)
    args.push_back(newVar(p.type, p.hint));
  startblock = newBlock(std::move(args));
  returnblock = newBlock({newVar(result)});
  exceptblock = newBlock({newVar(etype, "etype"), newVar(evalue, "evalue")});
}

const LLType *LLGraph::funcType(TypeContext &ctx) const {
  std::vector<const LLType *> args;
  for (const LLVariable *v : startblock->inputargs)
    args.push_back(v->type);
  return ctx.func(std::move(args), resultType());
}

LLVariable *LLGraph::newVar(const LLType *type, std::string hint) {
  assert(type && "every low-level variable has a type");
  return &vars_.emplace_back(LLVariable{uint32_t(vars_.size()), std::move(hint), type});
}

LLBlock *LLGraph::newBlock(std::vector<LLVariable *> inputargs) {
  LLBlock &b = blocks_.emplace_back();
  b.inputargs = std::move(inputargs);
  return &b;
}

LLLink *LLGraph::newLink(LLBlock *from, LLBlock *to, std::vector<LLValue> args,
                         const LLConstant *exitcase) {
  LLLink &l = links_.emplace_back();
  l.args = std::move(args);
  l.target = to;
  l.prevblock = from;
  l.exitcase = exitcase;
  from->exits.push_back(&l);
  return &l;
}

LLVariable *LLGraph::addOp(LLBlock *b, LLOp op, std::vector<LLValue> args,
                           const LLType *resultType, SrcLoc loc) {
  LLVariable *r = newVar(resultType);
  b->operations.push_back(LLOperation{op, std::move(args), r, loc});
  return r;
}

const LLConstant *LLGraph::constant(const LLType *type, LLConstant::Payload value) {
  assert(type && "every low-level constant has a type");
  return &consts_.emplace_back(LLConstant{type, std::move(value)});
}

std::vector<LLBlock *> LLGraph::blocks() const {
  std::vector<LLBlock *> order;
  std::unordered_set<const LLBlock *> seen{returnblock, exceptblock};
  std::vector<LLBlock *> stack{startblock};
  while (!stack.empty()) {
    LLBlock *b = stack.back();
    stack.pop_back();
    if (!b || !seen.insert(b).second)
      continue;
    order.push_back(b);
    for (auto it = b->exits.rbegin(); it != b->exits.rend(); ++it)
      stack.push_back((*it)->target);
  }
  order.push_back(returnblock);
  order.push_back(exceptblock);
  return order;
}

std::vector<LLLink *> LLGraph::links() const {
  std::vector<LLLink *> out;
  for (LLBlock *b : blocks())
    out.insert(out.end(), b->exits.begin(), b->exits.end());
  return out;
}

} // namespace lathe::rtyper
