//===- source.cpp - Source files and diagnostics ---------------------------===//
#include "frontend/source.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lathe {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size())
      lineStarts_.push_back(i + 1);
}

std::string_view SourceFile::line(uint32_t n) const {
  if (n == 0 || n > lineStarts_.size()) return {};
  uint32_t begin = lineStarts_[n - 1];
  uint32_t end = begin;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return std::string_view(text_).substr(begin, end - begin);
}

uint32_t SourceManager::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return uint32_t(files_.size());
}

std::optional<uint32_t> SourceManager::load(const std::string &path) {
  std::error_code ec;
  // A directory opens as a stream on Linux but reads as nothing.
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return add(path, ss.str());
}

std::string SourceManager::describe(SrcLoc loc) const {
  if (!loc.known() || loc.file > files_.size()) return "<unknown>";
  return file(loc.file).path() + ":" + std::to_string(loc.line) + ":" +
         std::to_string(loc.col);
}

void Diagnostics::error(SrcLoc loc, std::string message) {
  report(Severity::ERROR, loc, std::move(message));
}
void Diagnostics::warning(SrcLoc loc, std::string message) {
  report(Severity::WARNING, loc, std::move(message));
}
void Diagnostics::note(SrcLoc loc, std::string message) {
  report(Severity::NOTE, loc, std::move(message));
}

void Diagnostics::report(Severity s, SrcLoc loc, std::string message) {
  if (s == Severity::ERROR) {
    ++errors_;
    suppressing_ = errors_ > limit_;
    if (errors_ == limit_ + 1 && out_)
      *out_ << "lathe: too many errors, stopping the report here\n";
  }
  if (suppressing_) return;
  diags_.push_back({s, loc, std::move(message)});
  if (out_) *out_ << render(diags_.back()) << std::flush;
}

// Non-printable bytes in a source line would garble the terminal; show them
// as '?' (one column each, so the caret still lines up).
static std::string printableLine(std::string_view line) {
  std::string out;
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    out += (u == '\t' || (u >= 0x20 && u < 0x7f) || u >= 0x80) ? c : '?';
  }
  return out;
}

std::string Diagnostics::render(const Diagnostic &d) const {
  static const char *names[] = {"error", "warning", "note"};
  std::string out;
  if (d.loc.known()) out += sm_.describe(d.loc) + ": ";
  else out += "lathe: ";
  out += names[int(d.severity)];
  out += ": " + d.message + "\n";
  if (d.loc.known() && d.loc.line > 0) {
    std::string_view line = sm_.file(d.loc.file).line(d.loc.line);
    if (!line.empty()) {
      out += printableLine(line) + "\n";
      std::string pad;
      for (uint32_t i = 0; i + 1 < d.loc.col && i < line.size(); ++i)
        pad += line[i] == '\t' ? '\t' : ' ';
      out += pad + "^\n";
    }
  }
  return out;
}

std::string Diagnostics::renderAll() const {
  std::string out;
  for (const auto &d : diags_) out += render(d);
  return out;
}

} // namespace lathe
