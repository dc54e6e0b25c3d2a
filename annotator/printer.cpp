//===- printer.cpp - Golden text of an annotated program -------------------===//
// Format (one block per function in source order, then one per class):
//
//   function bf.get_location(pc: int>=0, program: bf.Program) -> str
//     code_2: str
//     v3: int
//   family {function m.add | function m.mul}: (int, int) -> int
//   class bf.Tape
//     cells: list[int]
//
// Call families (bookkeeper.h) with two or more members print with their
// unified signature, in creation order.
// Variables print as the flow printer names them (`hint_ID` or `vID`), in id
// order, parameters only in the signature; variables never reached are
// omitted. Annotations print with printAnn (model.h): constants as
// `int>=0 = 3`, lists as `list[...]` when resized, `fixedlist[...]` when
// never resized, `range[...]` for range().
//===----------------------------------------------------------------------===//
#include "annotator/printer.h"

#include <algorithm>
#include <tuple>

namespace lathe::ann {

namespace {

std::string varName(const flow::Variable *v) {
  std::string id = std::to_string(v->id);
  return v->hint.empty() ? "v" + id : v->hint + "_" + id;
}

std::string signature(const GraphInfo &gi) {
  const flow::Block *start = gi.graph->startblock;
  std::string out = "function " + gi.name + "(";
  for (size_t i = 0; i < start->inputargs.size(); ++i) {
    const flow::Variable *v = start->inputargs[i];
    out += (i ? ", " : "") + v->hint + ": " + printAnn(gi.bindings[v->id].ann);
  }
  const Ann &r = gi.bindings[gi.graph->returnblock->inputargs[0]->id].ann;
  return out + ") -> " + printAnn(r) + "\n";
}

std::string variables(const GraphInfo &gi) {
  std::vector<const flow::Variable *> vars;
  for (const flow::Block *b : gi.graph->blocks()) {
    bool own = b != gi.graph->startblock && b != gi.graph->returnblock &&
               b != gi.graph->exceptblock;
    if (own)
      for (const flow::Variable *v : b->inputargs) vars.push_back(v);
    for (const flow::Operation &op : b->operations)
      if (op.result) vars.push_back(op.result);
    for (const flow::Link *l : b->exits)
      if (l->isException()) vars.insert(vars.end(), {l->lastException, l->lastExcValue});
  }
  std::sort(vars.begin(), vars.end(),
            [](const flow::Variable *a, const flow::Variable *b) { return a->id < b->id; });
  vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
  std::string out;
  for (const flow::Variable *v : vars) {
    const Ann &a = gi.bindings[v->id].ann;
    if (!isImpossible(a)) out += "  " + varName(v) + ": " + printAnn(a) + "\n";
  }
  return out;
}

bool matches(const GraphInfo &gi, const std::string &name) {
  return name.empty() || gi.func->qualname == name || gi.func->name == name ||
         gi.graph->name == name || gi.name == name;
}

/// Call families of two or more members, with their unified signature.
std::string families(Annotator &an) {
  std::string out;
  for (const CallFamily *fam : an.bookkeeper().callFamilies()) {
    if (fam->members.size() < 2) continue;
    out += "family {";
    for (size_t i = 0; i < fam->members.size(); ++i)
      out += (i ? " | " : "") + fam->members[i]->describe();
    out += "}";
    std::vector<Ann> sig = an.familySignature(*fam);
    if (!sig.empty()) {
      out += ": (";
      for (size_t i = 0; i + 1 < sig.size(); ++i) out += (i ? ", " : "") + printAnn(sig[i]);
      out += ") -> " + printAnn(sig.back());
    }
    out += "\n";
  }
  return out;
}

std::string classes(Bookkeeper &bk) {
  std::vector<const ClassDef *> cds;
  for (const ClassDef &cd : bk.classDefs()) cds.push_back(&cd);
  std::sort(cds.begin(), cds.end(),
            [](const ClassDef *a, const ClassDef *b) { return a->name() < b->name(); });
  std::string out;
  for (const ClassDef *cd : cds) {
    out += "class " + cd->name();
    if (cd->base) out += "(" + cd->base->name() + ")";
    out += "\n";
    for (const auto &[name, slot] : cd->attrs)
      if (!isImpossible(slot.ann)) out += "  " + name + ": " + printAnn(slot.ann) + "\n";
  }
  return out;
}

} // namespace

std::string printAnnotations(Annotator &an, const AnnPrintOptions &opts) {
  std::vector<const GraphInfo *> gis;
  for (const GraphInfo &gi : an.graphs())
    if (matches(gi, opts.onlyFunction)) gis.push_back(&gi);
  auto key = [](const GraphInfo *g) {
    SrcLoc l = g->func->loc();
    return std::make_tuple(l.file, l.line, l.col, g->name);
  };
  std::sort(gis.begin(), gis.end(),
            [&](const GraphInfo *a, const GraphInfo *b) { return key(a) < key(b); });
  std::string out;
  for (const GraphInfo *gi : gis) {
    out += signature(*gi);
    if (opts.variables) out += variables(*gi);
  }
  if (opts.onlyFunction.empty()) out += families(an) + classes(an.bookkeeper());
  return out;
}

} // namespace lathe::ann
