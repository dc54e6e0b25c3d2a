//===- flow_simplify.cpp - Cleanup of freshly built flow graphs -----------===//
// Input/output: a FunctionGraph (valid per verifyGraph). Requires nothing.
// Run by the builder after building every graph. The builder creates a new
// block at every join, split and loop header; this pass removes what turned
// out to be unnecessary, as RPython's simplify.py (eliminate_empty_blocks,
// join_blocks, transform_dead_op_vars' inputarg part) does:
//
//   1. Forwarding blocks: a block (not the start, return or except block)
//      with no operations and one unconditional exit is bypassed — every
//      link into it is redirected to its target, with the forwarded
//      arguments substituted. A block forwarding to itself (`while True:
//      pass`) is kept.
//   2. Block merging: when a block B ends with one unconditional exit to a
//      block T whose only incoming link is that one (and T is not the start,
//      return or except block), T's operations and exits are appended to B,
//      with T's inputargs replaced by the link's arguments. Should a boolean
//      exitswitch become a Constant by the substitution, only the exit it
//      selects is kept.
//   3. Dead inputargs: a variable is live when an operation or exitswitch
//      reads it, or a link passes it to a live inputarg (a fixpoint, so a
//      value only passed around a loop is dead); every dead inputarg of a
//      non-start, non-final block is removed together with the matching
//      argument of each incoming link.
// Operations are never removed or reordered, so side effects and source
// locations are kept. Unreachable blocks stay in the arena, unreferenced.
//===----------------------------------------------------------------------===//
#include "frontend/flowgraph.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace lathe::flow {

namespace {

using Preds = std::unordered_map<const Block *, std::vector<Link *>>;
using Subst = std::unordered_map<const Variable *, Hlvalue>;

Preds predecessors(const FunctionGraph &g) {
  Preds preds;
  for (Link *l : g.links()) preds[l->target].push_back(l);
  return preds;
}

Hlvalue substitute(const Hlvalue &v, const Subst &s) {
  if (!v.isVar()) return v;
  auto it = s.find(v.var());
  return it == s.end() ? v : it->second;
}

Subst bindInputargs(const Block &target, const Link &l) {
  Subst s;
  for (size_t i = 0; i < target.inputargs.size(); ++i) s[target.inputargs[i]] = l.args[i];
  return s;
}

bool isSpecial(const FunctionGraph &g, const Block *b) {
  return b == g.startblock || b == g.returnblock || b == g.exceptblock;
}

bool isForwarding(const FunctionGraph &g, const Block *f) {
  return !isSpecial(g, f) && f->operations.empty() && f->switchKind == SwitchKind::NONE &&
         f->exits.size() == 1 && f->exits[0]->target != f;
}

// 1. Redirects the links into every forwarding block to its target, in one
// sweep keeping the predecessor map up to date.
void bypassForwardingBlocks(FunctionGraph &g) {
  Preds preds = predecessors(g);
  for (Block *f : g.blocks()) {
    if (!isForwarding(g, f)) continue;
    Link *out = f->exits[0];
    std::vector<Link *> &into = preds[out->target];
    into.erase(std::find(into.begin(), into.end(), out));
    for (Link *in : preds[f]) {
      Subst s = bindInputargs(*f, *in);
      std::vector<Hlvalue> args;
      for (const Hlvalue &a : out->args) args.push_back(substitute(a, s));
      in->args = std::move(args);
      in->target = out->target;
      into.push_back(in);
    }
    preds[f].clear();
  }
}

// A VALUE switch on a constant keeps only the exit it selects.
void foldConstantSwitch(Block *b) {
  if (b->switchKind != SwitchKind::VALUE || !b->exitswitch.isConst()) return;
  bool truth = b->exitswitch.cst()->value.asBool();
  Link *keep = b->exits[truth ? 1 : 0];
  keep->hasExitcase = false;
  keep->exitcase = eval::Value::none();
  b->exits = {keep};
  b->switchKind = SwitchKind::NONE;
  b->exitswitch = Hlvalue();
}

void appendBlock(Block *b, Block *t, const Link *l) {
  Subst s = bindInputargs(*t, *l);
  for (Operation op : t->operations) {
    for (Hlvalue &a : op.args) a = substitute(a, s);
    b->operations.push_back(std::move(op));
  }
  b->switchKind = t->switchKind;
  b->exitswitch = substitute(t->exitswitch, s);
  b->exits = t->exits;
  for (Link *out : b->exits) {
    out->prevblock = b;
    for (Hlvalue &a : out->args) a = substitute(a, s);
  }
  t->exits.clear();
  foldConstantSwitch(b);
}

// 2. Merges blocks into their single predecessors, in one sweep. Merging
// never retargets a link, so the predecessor map stays valid (the merged
// block's only incoming link just disappears with it).
void mergeBlocks(FunctionGraph &g) {
  Preds preds = predecessors(g);
  for (Block *b : g.blocks()) {
    while (b->switchKind == SwitchKind::NONE && b->exits.size() == 1) {
      Link *l = b->exits[0];
      Block *t = l->target;
      if (t == b || isSpecial(g, t) || preds[t].size() != 1) break;
      appendBlock(b, t, l);
    }
  }
}

// Liveness of variables, to a fixpoint: a variable is live when an operation
// or an exitswitch reads it, when it is an inputarg of the start, return or
// except block, or when a link passes it to a live inputarg.
std::unordered_set<const Variable *> liveVariables(const FunctionGraph &g) {
  std::unordered_set<const Variable *> live;
  std::vector<Block *> blocks = g.blocks();
  for (const Block *b : {g.startblock, g.returnblock, g.exceptblock})
    live.insert(b->inputargs.begin(), b->inputargs.end());
  for (const Block *b : blocks) {
    for (const Operation &op : b->operations)
      for (const Hlvalue &a : op.args)
        if (a.isVar()) live.insert(a.var());
    if (b->exitswitch.isVar()) live.insert(b->exitswitch.var());
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const Block *b : blocks)
      for (const Link *l : b->exits)
        for (size_t i = 0; i < l->args.size(); ++i)
          if (l->args[i].isVar() && live.count(l->target->inputargs[i]) &&
              live.insert(l->args[i].var()).second)
            changed = true;
  }
  return live;
}

// 3. Removes every dead inputarg and the matching link arguments.
void removeDeadInputargs(FunctionGraph &g) {
  std::unordered_set<const Variable *> live = liveVariables(g);
  Preds preds = predecessors(g);
  for (Block *b : g.blocks()) {
    if (isSpecial(g, b)) continue;
    for (size_t i = b->inputargs.size(); i-- > 0;) {
      if (live.count(b->inputargs[i])) continue;
      b->inputargs.erase(b->inputargs.begin() + long(i));
      for (Link *in : preds[b]) in->args.erase(in->args.begin() + long(i));
    }
  }
}

} // namespace

void simplifyGraph(FunctionGraph &g) {
  bypassForwardingBlocks(g);
  mergeBlocks(g);
  removeDeadInputargs(g);
}

} // namespace lathe::flow
