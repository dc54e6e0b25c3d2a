//===- source.h - Source files, locations and the diagnostics sink ---------===//
// Every stage reports user errors through a Diagnostics sink, never by
// throwing or aborting. A SrcLoc is (file id, line, column), 1-based; file id
// 0 means "no location". The SourceManager owns the text of every file read
// so the sink can print the offending line with a caret.
//
// Output format (the one users see, golden-tested):
//   path:line:col: error: lowercase message
//   <the source line>
//   <spaces>^
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace lathe {

/// A position in a source file. Lines and columns start at 1.
struct SrcLoc {
  uint32_t file = 0;  // 0: unknown
  uint32_t line = 0;
  uint32_t col = 0;
  bool known() const { return file != 0; }
};

/// The text of one source file and the offsets of its lines.
class SourceFile {
public:
  SourceFile(std::string path, std::string text);
  const std::string &path() const { return path_; }
  const std::string &text() const { return text_; }
  /// Line `n` (1-based) without its newline; empty when out of range.
  std::string_view line(uint32_t n) const;
  uint32_t lineCount() const { return uint32_t(lineStarts_.size()); }

private:
  std::string path_, text_;
  std::vector<uint32_t> lineStarts_;
};

/// Owns every source file of a run; ids start at 1.
class SourceManager {
public:
  uint32_t add(std::string path, std::string text);
  /// Reads a file from disk; nullopt when it cannot be read.
  std::optional<uint32_t> load(const std::string &path);
  const SourceFile &file(uint32_t id) const { return *files_.at(id - 1); }
  std::string describe(SrcLoc loc) const; // "path:line:col"

private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

enum class Severity { ERROR, WARNING, NOTE };

struct Diagnostic {
  Severity severity;
  SrcLoc loc;
  std::string message;
};

/// Collects user errors. Printing is immediate when a stream is attached
/// (the CLI), otherwise tests read `all()`. After `limit` errors further
/// errors are counted but not stored, so a pathological input cannot flood.
class Diagnostics {
public:
  explicit Diagnostics(const SourceManager &sm, std::ostream *out = nullptr)
      : sm_(sm), out_(out) {}
  void error(SrcLoc loc, std::string message);
  void warning(SrcLoc loc, std::string message);
  void note(SrcLoc loc, std::string message);
  unsigned errorCount() const { return errors_; }
  bool hasErrors() const { return errors_ != 0; }
  const std::vector<Diagnostic> &all() const { return diags_; }
  /// Renders one diagnostic in the user-facing format.
  std::string render(const Diagnostic &d) const;
  /// Renders every stored diagnostic, in order.
  std::string renderAll() const;
  void setLimit(unsigned n) { limit_ = n; }
  const SourceManager &sources() const { return sm_; }

private:
  void report(Severity s, SrcLoc loc, std::string message);
  const SourceManager &sm_;
  std::ostream *out_;
  std::vector<Diagnostic> diags_;
  unsigned errors_ = 0;
  unsigned limit_ = 50;
  bool suppressing_ = false; // notes after a dropped error are dropped too
};

} // namespace lathe
