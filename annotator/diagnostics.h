//===- diagnostics.h - The annotator's user errors -------------------------===//
// Every annotation error goes through here to the shared Diagnostics sink
// (frontend/source.h): `file:line:col: error: message`, source line, caret.
// This layer adds what makes the annotator's errors explain themselves:
//   * union errors name the thing that clashed (variable, attribute, list
//     item, dict key/value), both annotations, and the ORIGIN of each side
//     (where the value was made, followed through links, calls and
//     attributes), as notes pointing at those lines;
//   * duplicates are dropped: re-flowing a block must not repeat an error;
//   * a note with the call chain from the entry point when asked.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace lathe::ann {

class AnnDiagnostics {
public:
  explicit AnnDiagnostics(Diagnostics &sink) : sink_(sink) {}
  Diagnostics &sink() { return sink_; }

  /// A plain error; dropped if the same (location, message) was reported.
  void error(SrcLoc loc, const std::string &message);
  /// A note attached to the last error (dropped with it).
  void note(SrcLoc loc, const std::string &message);
  /// "`x` is int here (f.py:10) and str there (f.py:14)" at `at`, with one
  /// note per origin.
  void unionError(SrcLoc at, const std::string &what, const std::string &typeA, SrcLoc originA,
                  const std::string &typeB, SrcLoc originB, const std::string &why);
  /// "f.py:10" (base name and line), or "unknown location".
  std::string where(SrcLoc loc) const;
  bool hasErrors() const { return sink_.hasErrors(); }
  /// Errors reported so far, duplicates included: a rule that reported one
  /// (even a repeat on re-flow) has failed.
  unsigned attempts() const { return attempts_; }

private:
  Diagnostics &sink_;
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, std::string>> seen_;
  bool lastDropped_ = false;
  unsigned attempts_ = 0;
};

} // namespace lathe::ann
