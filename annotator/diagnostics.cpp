//===- diagnostics.cpp - The annotator's user errors -----------------------===//
// Implements diagnostics.h: de-duplication (re-flowed blocks repeat their
// checks) and the two-origin union error format.
//===----------------------------------------------------------------------===//
#include "annotator/diagnostics.h"

namespace lathe::ann {

void AnnDiagnostics::error(SrcLoc loc, const std::string &message) {
  ++attempts_;
  if (!seen_.insert({loc.file, loc.line, loc.col, message}).second) {
    lastDropped_ = true;
    return;
  }
  lastDropped_ = false;
  sink_.error(loc, message);
}

void AnnDiagnostics::note(SrcLoc loc, const std::string &message) {
  if (!lastDropped_) sink_.note(loc, message);
}

std::string AnnDiagnostics::where(SrcLoc loc) const {
  if (!loc.known()) return "unknown location";
  std::string path = sink_.sources().file(loc.file).path();
  size_t slash = path.rfind('/');
  if (slash != std::string::npos) path = path.substr(slash + 1);
  return path + ":" + std::to_string(loc.line);
}

void AnnDiagnostics::unionError(SrcLoc at, const std::string &what, const std::string &typeA,
                                SrcLoc originA, const std::string &typeB, SrcLoc originB,
                                const std::string &why) {
  std::string msg = what + " is " + typeA + " here (" + where(originA) + ") and " + typeB +
                    " there (" + where(originB) + ")";
  if (!why.empty()) msg += ": " + why;
  error(at.known() ? at : originB, msg);
  if (originA.known()) note(originA, what + " gets " + typeA + " here");
  if (originB.known()) note(originB, what + " gets " + typeB + " here");
}

} // namespace lathe::ann
