//===- printer.h - Golden text of an annotated program ---------------------===//
// Output of `lathe annotate` and of the annotator's golden tests.
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/annotate.h"

namespace lathe::ann {

struct AnnPrintOptions {
  std::string onlyFunction; // qualname or name; empty: everything
  bool variables = true;    // the annotation of every variable, not only signatures
};

/// Deterministic text: every annotated function (in source order) with its
/// signature and variables, then every class with its attributes. See
/// printer.cpp for the format.
std::string printAnnotations(Annotator &an, const AnnPrintOptions &opts = {});

} // namespace lathe::ann
