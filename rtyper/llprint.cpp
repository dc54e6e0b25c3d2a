//===- llprint.cpp - Low-level graphs as golden text ------------------------===//
// Input: an LLGraph. Output: text; never modifies the graph. The format
// follows the flow-graph printer (frontend/flow_printer.cpp) with types at
// every definition:
//
//   graph f(n_0: Signed) -> Signed
//     block0(n_0: Signed):
//       v3: Bool = int_lt(n_0, 10)
//       switch v3
//         False --> return(n_0)
//         True --> block1(n_0)
//     block1(n_4: Signed):
//       v5: Signed = int_add_ovf(n_4, 1)
//       switch last_exception
//         --> return(v5)
//         except @OverflowError as (etype_6, evalue_7) --> except(etype_6, evalue_7)
//
// * Blocks are numbered in LLGraph::blocks() order; the return and except
//   blocks print as `return(...)` / `except(...)` targets, with no body.
// * Variables print as `hint_ID` or `vID`; their type follows `: ` where
//   they are defined (block inputargs, operation results).
// * Constants: Signed `42`, Unsigned `42u`, Float shortest round-trip with
//   a `.0` when integral (`1.5`, `2.0`, `inf`, `nan`), Bool `True`/`False`,
//   Char `'a'` / `'\x0a'`, null `null`, symbols `@name`, Void strings
//   `"name"`, Void types `<GcStruct STR>`. A Signed/Char switch's default
//   exit prints `default`.
//===----------------------------------------------------------------------===//
#include "rtyper/llgraph.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace lathe::rtyper {

namespace {

std::string floatLiteral(double d) {
  if (std::isnan(d))
    return "nan";
  if (std::isinf(d))
    return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".en") == std::string::npos)
    s += ".0";
  return s;
}

std::string charLiteral(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (c == '\'' || c == '\\')
    return std::string("'\\") + c + "'";
  if (u >= 0x20 && u < 0x7f)
    return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "'\\x%02x'", u);
  return buf;
}

std::string stringLiteral(const std::string &s) {
  std::string out = "\"";
  for (char c : s)
    out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

struct PayloadPrinter {
  std::string operator()(LLConstant::Null) const { return "null"; }
  std::string operator()(bool b) const { return b ? "True" : "False"; }
  std::string operator()(char c) const { return charLiteral(c); }
  std::string operator()(int64_t i) const { return std::to_string(i); }
  std::string operator()(uint64_t u) const { return std::to_string(u) + "u"; }
  std::string operator()(double d) const { return floatLiteral(d); }
  std::string operator()(const LLConstant::Symbol &s) const { return "@" + s.name; }
  std::string operator()(const std::string &s) const { return stringLiteral(s); }
  std::string operator()(const LLType *t) const { return "<" + t->str() + ">"; }
};

std::string varName(const LLVariable *v) {
  std::string id = std::to_string(v->id);
  return v->hint.empty() ? "v" + id : v->hint + "_" + id;
}

std::string typedVar(const LLVariable *v) { return varName(v) + ": " + v->type->str(); }

class Printer {
public:
  explicit Printer(const LLGraph &g) : g_(g) {
    for (const LLBlock *b : g.blocks())
      if (b != g.returnblock && b != g.exceptblock)
        numbers_.emplace(b, numbers_.size());
  }
  std::string run();

private:
  std::string blockName(const LLBlock *b) const;
  void printBlock(const LLBlock *b);
  void printOp(const LLOperation &op);
  void printExits(const LLBlock *b);
  std::string linkText(const LLLink *l) const;

  const LLGraph &g_;
  std::map<const LLBlock *, size_t> numbers_; // looked up only, never iterated
  std::ostringstream out_;
};

std::string Printer::blockName(const LLBlock *b) const {
  if (b == g_.returnblock)
    return "return";
  if (b == g_.exceptblock)
    return "except";
  auto it = numbers_.find(b);
  return it == numbers_.end() ? "<unreachable>" : "block" + std::to_string(it->second);
}

std::string Printer::run() {
  out_ << "graph " << g_.name << "(";
  const auto &params = g_.startblock->inputargs;
  for (size_t i = 0; i < params.size(); ++i)
    out_ << (i ? ", " : "") << typedVar(params[i]);
  out_ << ") -> " << g_.resultType()->str() << "\n";
  for (const LLBlock *b : g_.blocks())
    if (b != g_.returnblock && b != g_.exceptblock)
      printBlock(b);
  return out_.str();
}

void Printer::printBlock(const LLBlock *b) {
  out_ << "  " << blockName(b) << "(";
  for (size_t i = 0; i < b->inputargs.size(); ++i)
    out_ << (i ? ", " : "") << typedVar(b->inputargs[i]);
  out_ << "):\n";
  for (const LLOperation &op : b->operations)
    printOp(op);
  printExits(b);
}

void Printer::printOp(const LLOperation &op) {
  out_ << "    " << (op.result ? typedVar(op.result) : "?") << " = " << llOpName(op.op) << "(";
  for (size_t i = 0; i < op.args.size(); ++i)
    out_ << (i ? ", " : "") << printLLValue(op.args[i]);
  out_ << ")\n";
}

std::string Printer::linkText(const LLLink *l) const {
  std::string s = "--> " + blockName(l->target) + "(";
  for (size_t i = 0; i < l->args.size(); ++i)
    s += (i ? ", " : "") + printLLValue(l->args[i]);
  return s + ")";
}

void Printer::printExits(const LLBlock *b) {
  switch (b->switchKind) {
  case LLSwitch::NONE:
    for (const LLLink *l : b->exits)
      out_ << "    " << linkText(l) << "\n";
    return;
  case LLSwitch::VALUE:
    out_ << "    switch " << printLLValue(b->exitswitch) << "\n";
    for (const LLLink *l : b->exits)
      out_ << "      " << (l->exitcase ? printLLValue(l->exitcase) : "default") << " "
           << linkText(l) << "\n";
    return;
  case LLSwitch::LAST_EXCEPTION:
    out_ << "    switch last_exception\n";
    for (const LLLink *l : b->exits) {
      out_ << "      ";
      if (l->isException())
        out_ << "except " << (l->exitcase ? printLLValue(l->exitcase) : "?") << " as ("
             << varName(l->lastException) << ", " << varName(l->lastExcValue) << ") ";
      out_ << linkText(l) << "\n";
    }
    return;
  }
}

} // namespace

std::string printLLValue(const LLValue &v) {
  if (v.isVar())
    return varName(v.var());
  if (v.isConst())
    return std::visit(PayloadPrinter{}, v.cst()->value);
  return "<null>";
}

std::string printLLVar(const LLVariable *v) { return varName(v); }

std::string printLLGraph(const LLGraph &g) { return Printer(g).run(); }

} // namespace lathe::rtyper
