//===- trace_text.h - The textual trace format: printer and parser --------===//
// DESIGN §6: optimizer tests are "this trace in, that trace out", logs dump
// traces, so the text format round-trips: print(parse(text)) == text for
// text in canonical form, and parse(print(trace)) is the same trace
// (traceDifference() == ""). The format follows RPython's resoperation
// printing (docs/jit-trace-ir.md has the grammar):
//
//   [i0, p1]                                   inputs, in order
//   label(i0, p1, descr=loop0)
//   debug_merge_point('pc=3 ADD')
//   i2 = int_add(i0, 1)
//   i3 = getfield_i(p1, descr=Frame.acc)
//   guard_true(i3, descr=g0) [i0, p1]          fail args in brackets
//   jump(i2, p1, descr=loop0)
//
// Values are named by kind (i int, p ref, f float) and numbered in
// definition order — that numbering is the canonical form; the parser
// accepts any numbers. Constants: 1, -7, 2.5, inf, nan, ConstPtr(name) or
// ConstPtr(null). Descriptors are named from the DescrTable; guard descrs
// are named by the text (unique per trace) and carry tag=N when N != 0.
// `#` starts a comment (dropped by the parser).
//===----------------------------------------------------------------------===//
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "jit/trace.h"

namespace lathe::jit {

/// Prints a trace in canonical form, one op per line, "\n"-terminated.
std::string printTrace(const Trace& t, const DescrTable& descrs);

/// A user error in trace text, at a 1-based line and column.
struct ParseDiag {
  int line;
  int col;
  std::string message;
  /// "line:col: error: message".
  std::string str() const;
};

struct ParseOptions {
  bool verify = true;  ///< run verify() on a syntactically valid trace
};

/// A parsed trace, or the errors (the trace is then absent).
struct ParseResult {
  std::optional<Trace> trace;
  std::vector<ParseDiag> errors;
  /// All errors, one str() per line, each followed by the source line and a
  /// caret under the column.
  std::string errorText(std::string_view text) const;
};

/// Parses trace text; never crashes on bad input. Keeps going after an
/// error on one line, so one run reports every bad line.
ParseResult parseTrace(std::string_view text, const DescrTable& descrs, const ParseOptions& opts = {});

}  // namespace lathe::jit
