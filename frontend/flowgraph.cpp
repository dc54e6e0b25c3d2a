//===- flowgraph.cpp - Flow-graph model: arenas, op table, traversal ------===//
// The data structures of flowgraph.h. No pass lives here: printing is
// flow_printer.cpp, checking flow_verify.cpp, cleanup flow_simplify.cpp.
//===----------------------------------------------------------------------===//
#include "frontend/flowgraph.h"

#include <unordered_set>

namespace lathe::flow {

static const FlowOpInfo kOpInfo[] = {
#define FLOWOP(NAME, name, arity, canRaise, pure) {name, arity, canRaise, pure},
#include "frontend/flowops.def"
};

const FlowOpInfo &flowOpInfo(FlowOp op) { return kOpInfo[size_t(op)]; }

bool Hlvalue::same(const Hlvalue &o) const {
  if (var_ || o.var_) return var_ == o.var_;
  if (!cst_ || !o.cst_) return cst_ == o.cst_;
  if (cst_->shape || o.cst_->shape) return cst_ == o.cst_;
  return cst_->value.identical(o.cst_->value);
}

FunctionGraph::FunctionGraph(std::string n, const eval::FunctionObj *f,
                             const std::vector<std::string> &params)
    : name(std::move(n)), func(f) {
  startblock = newBlock();
  for (const std::string &p : params) startblock->inputargs.push_back(newVar(p));
  returnblock = newBlock({newVar()});
  exceptblock = newBlock({newVar("etype"), newVar("evalue")});
}

Variable *FunctionGraph::newVar(std::string hint) {
  vars_.push_back(Variable{uint32_t(vars_.size()), std::move(hint)});
  return &vars_.back();
}

Block *FunctionGraph::newBlock(std::vector<Variable *> inputargs) {
  blocks_.emplace_back();
  blocks_.back().inputargs = std::move(inputargs);
  return &blocks_.back();
}

Link *FunctionGraph::newLink(Block *from, Block *to, std::vector<Hlvalue> args) {
  links_.emplace_back();
  Link *l = &links_.back();
  l->prevblock = from;
  l->target = to;
  l->args = std::move(args);
  if (from) from->exits.push_back(l);
  return l;
}

const Constant *FunctionGraph::constant(eval::Value v, SrcLoc loc) {
  consts_.push_back(Constant{v, nullptr, loc});
  return &consts_.back();
}

const Constant *FunctionGraph::callShape(CallShape shape) {
  shapes_.push_back(std::move(shape));
  consts_.push_back(Constant{eval::Value::none(), &shapes_.back(), {}});
  return &consts_.back();
}

std::vector<Block *> FunctionGraph::blocks() const {
  std::vector<Block *> order;
  std::unordered_set<const Block *> seen{returnblock, exceptblock};
  std::vector<Block *> stack{startblock};
  while (!stack.empty()) {
    Block *b = stack.back();
    stack.pop_back();
    if (!seen.insert(b).second) continue;
    order.push_back(b);
    // Push in reverse so exits[0] is visited first.
    for (size_t i = b->exits.size(); i-- > 0;)
      if (b->exits[i]->target) stack.push_back(b->exits[i]->target);
  }
  order.push_back(returnblock);
  order.push_back(exceptblock);
  return order;
}

std::vector<Link *> FunctionGraph::links() const {
  std::vector<Link *> out;
  for (Block *b : blocks())
    for (Link *l : b->exits) out.push_back(l);
  return out;
}

} // namespace lathe::flow
