//===- flow_printer.cpp - Flow graphs as text and as Graphviz DOT ---------===//
// Input: a FunctionGraph. Output: text; never modifies the graph.
//
// The text format is the golden format of the flow-graph tests and of every
// later stage that prints graphs (the annotator appends annotations):
//
//   graph bf.mainloop(program_0, bracket_map_1):
//     block0(program_0, bracket_map_1):
//       v4 = simple_call(<class bf.Tape>)             # 41:12
//       --> block1(program_0, bracket_map_1, v4, 0)
//     block1(program_5, bracket_map_6, tape_7, pc_8):
//       v9 = lt(pc_8, 10)
//       switch v9
//         False --> return(None)
//         True --> block2(tape_7, pc_8)
//     block2(...):
//       v12 = next(it_11)
//       switch last_exception
//         --> block3(v12)
//         except StopIteration as (etype_13, evalue_14) --> return(None)
//
// * Blocks are numbered in FunctionGraph::blocks() order (depth-first from
//   the start block). The return block prints as `return(...)` and the except
//   block as `except(...)` in link targets; they have no body to print.
// * Variables print as `hint_ID` when they hold a named local, else `vID`.
//   Constants print with eval::repr (42, 'abc', None, <class bf.Tape>); a
//   call shape prints as `shape(2, sep=, end=, *, **)`.
// * With PrintOptions::locations, each operation is followed by
//   `# file:line:col` (file = the source's base name) or `# line:col` when no
//   SourceManager is given.
//===----------------------------------------------------------------------===//
#include "frontend/flowgraph.h"

#include <sstream>
#include <unordered_map>

namespace lathe::flow {

namespace {

std::string varName(const Variable *v) {
  std::string id = std::to_string(v->id);
  return v->hint.empty() ? "v" + id : v->hint + "_" + id;
}

std::string shapeText(const CallShape &s) {
  std::string out = "shape(" + std::to_string(s.positional);
  for (const std::string &k : s.keywords) out += ", " + k + "=";
  if (s.hasStar) out += ", *";
  if (s.hasStarStar) out += ", **";
  return out + ")";
}

std::string joinValues(const std::vector<Hlvalue> &vs) {
  std::string out;
  for (size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + printValue(vs[i]);
  return out;
}

std::string joinVars(const std::vector<Variable *> &vs) {
  std::string out;
  for (size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + varName(vs[i]);
  return out;
}

std::string exitcaseText(const Link &l) {
  if (!l.hasExitcase) return "";
  if (eval::ClassObj *c = eval::asClass(l.exitcase)) return c->qualname;
  return eval::repr(l.exitcase);
}

std::string locText(SrcLoc loc, const PrintOptions &opts) {
  if (!loc.known()) return "?";
  std::string lc = std::to_string(loc.line) + ":" + std::to_string(loc.col);
  if (!opts.sources) return lc;
  std::string path = opts.sources->file(loc.file).path();
  size_t slash = path.rfind('/');
  if (slash != std::string::npos) path = path.substr(slash + 1);
  return path + ":" + lc;
}

/// Names blocks by their position in blocks() order.
class BlockNames {
public:
  explicit BlockNames(const FunctionGraph &g) : g_(g) {
    std::vector<Block *> order = g.blocks();
    for (size_t i = 0; i < order.size(); ++i) index_[order[i]] = i;
  }
  std::string name(const Block *b) const {
    if (b == g_.returnblock) return "return";
    if (b == g_.exceptblock) return "except";
    auto it = index_.find(b);
    return it == index_.end() ? "<unreachable>" : "block" + std::to_string(it->second);
  }

private:
  const FunctionGraph &g_;
  std::unordered_map<const Block *, size_t> index_;
};

std::string opText(const Operation &op) {
  std::string out = op.result ? varName(op.result) + " = " : "";
  return out + flowOpName(op.op) + "(" + joinValues(op.args) + ")";
}

std::string linkText(const Link &l, const BlockNames &names) {
  std::string out;
  if (l.isException()) {
    out += "except " + exitcaseText(l) + " as (" + varName(l.lastException) + ", " +
           varName(l.lastExcValue) + ") ";
  } else if (l.hasExitcase) {
    out += exitcaseText(l) + " ";
  }
  std::string target = l.target ? names.name(l.target) : "<null>";
  return out + "--> " + target + "(" + joinValues(l.args) + ")";
}

void printBlock(std::ostringstream &os, const Block &b, const BlockNames &names,
                const PrintOptions &opts) {
  os << "  " << names.name(&b) << "(" << joinVars(b.inputargs) << "):\n";
  for (const Operation &op : b.operations) {
    std::string line = "    " + opText(op);
    if (opts.locations) {
      if (line.size() < 48) line.resize(48, ' ');
      line += "  # " + locText(op.loc, opts);
    }
    os << line << "\n";
  }
  bool multi = b.switchKind != SwitchKind::NONE;
  if (b.switchKind == SwitchKind::VALUE) os << "    switch " << printValue(b.exitswitch) << "\n";
  if (b.switchKind == SwitchKind::LAST_EXCEPTION) os << "    switch last_exception\n";
  for (const Link *l : b.exits) os << (multi ? "      " : "    ") << linkText(*l, names) << "\n";
}

} // namespace

std::string printValue(const Hlvalue &v) {
  if (v.isNull()) return "<undefined>";
  if (v.isVar()) return varName(v.var());
  if (v.cst()->shape) return shapeText(*v.cst()->shape);
  return eval::repr(v.cst()->value);
}

std::string printGraph(const FunctionGraph &g, const PrintOptions &opts) {
  std::ostringstream os;
  BlockNames names(g);
  os << "graph " << g.name << "(" << joinVars(g.startblock->inputargs) << "):\n";
  for (const Block *b : g.blocks()) {
    if (b == g.returnblock || b == g.exceptblock) continue;
    printBlock(os, *b, names, opts);
  }
  return os.str();
}

// DOT labels are quoted strings: escape quotes and backslashes; lines end
// with \l (left-justified).
static std::string dotEscape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string printGraphDot(const FunctionGraph &g) {
  std::ostringstream os;
  BlockNames names(g);
  os << "digraph \"" << dotEscape(g.name) << "\" {\n  node [shape=box, fontname=monospace];\n";
  for (const Block *b : g.blocks()) {
    std::string label = names.name(b) + "(" + joinVars(b->inputargs) + ")\\l";
    for (const Operation &op : b->operations) label += dotEscape(opText(op)) + "\\l";
    if (b->switchKind == SwitchKind::VALUE)
      label += "switch " + dotEscape(printValue(b->exitswitch)) + "\\l";
    if (b->switchKind == SwitchKind::LAST_EXCEPTION) label += "switch last_exception\\l";
    os << "  " << names.name(b) << " [label=\"" << label << "\"];\n";
  }
  for (const Block *b : g.blocks())
    for (const Link *l : b->exits) {
      std::string label = l->hasExitcase ? exitcaseText(*l) + ": " : "";
      label += joinValues(l->args);
      os << "  " << names.name(b) << " -> " << (l->target ? names.name(l->target) : "null")
         << " [label=\"" << dotEscape(label) << "\"];\n";
    }
  os << "}\n";
  return os.str();
}

} // namespace lathe::flow
