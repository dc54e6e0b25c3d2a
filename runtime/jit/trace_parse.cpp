//===- trace_parse.cpp - Text to trace IR ----------------------------------===//
// See trace_text.h for the format. Hand-written, line at a time:
//   header  := '[' [var (',' var)*] ']' ['vable' '=' var]
//   line    := [var '='] opname '(' [arg (',' arg)*] ')' [failargs [virtuals]]
//   arg     := value | 'descr' '=' name | 'tag' '=' int | 'resume' '=' frames | string
//   value   := var | int | float | 'ConstPtr' '(' name ')'
//   var     := ('i' | 'p' | 'f') digits
//   failargs := '[' [fval (',' fval)*] ']'          fval := value | vname
//   virtuals := 'virtuals' '=' '[' [virtual (',' virtual)*] ']'
//   virtual  := vname '=' ('new' | 'new_with_vtable') '(' 'descr' '=' name ')' fields
//             | vname '=' 'new_array' '(' digits ',' 'descr' '=' name ')' fields
//             | 'setfield' '(' fval ')' fields            (writes, after every vname)
//             | 'setarrayitem' '(' fval ',' 'descr' '=' name ')' fields
//   fields   := '{' [key '=' fval (',' key '=' fval)*] '}'   key := name | '[' digits ']'
//   vname    := 'v' digits                           (per guard, any numbering)
// Every error is a ParseDiag with line and column; a bad line is dropped and
// the names it would define are "poisoned" so later uses do not pile up
// follow-on errors. A syntactically valid trace is then verify()d and its
// errors reported at the line of the op.
//===----------------------------------------------------------------------===//
#include "jit/trace_text.h"
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

namespace lathe::jit {

std::string ParseDiag::str() const {
  return std::to_string(line) + ":" + std::to_string(col) + ": error: " + message;
}

std::string ParseResult::errorText(std::string_view text) const {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  std::string out;
  for (const ParseDiag& d : errors) {
    out += d.str() + "\n";
    if (d.line >= 1 && static_cast<size_t>(d.line) <= lines.size()) {
      out += std::string(lines[d.line - 1]) + "\n";
      out += std::string(d.col > 1 ? d.col - 1 : 0, ' ') + "^\n";
    }
  }
  return out;
}

namespace {

/// Parses a line at a time; each step returns false at its line's first error.
class Parser {
 public:
  Parser(std::string_view text, const DescrTable& d) : text_(text), d_(d) {}

  ParseResult run(const ParseOptions& opts) {
    bool sawHeader = false;
    for (size_t start = 0, lineNo = 1; start < text_.size(); lineNo++) {
      size_t nl = text_.find('\n', start);
      if (nl == std::string_view::npos) nl = text_.size();
      line_ = text_.substr(start, nl - start);
      lineNo_ = static_cast<int>(lineNo);
      pos_ = 0;
      start = nl + 1;
      skipSpace();
      if (atEnd()) continue;  // blank or comment-only
      if (!sawHeader) {
        sawHeader = true;
        parseHeader();
      } else {
        parseLine();
      }
    }
    if (!sawHeader) error(1, 1, "empty trace: expected the input list '[...]'");
    ParseResult res;
    if (errors_.empty() && opts.verify) {
      for (const TraceError& e : verify(trace_, d_)) {
        int line = e.op < opLines_.size() ? opLines_[e.op] : (opLines_.empty() ? 1 : opLines_.back());
        errors_.push_back({line, 1, e.message});
      }
    }
    res.errors = std::move(errors_);
    if (res.errors.empty()) res.trace = std::move(trace_);
    return res;
  }

 private:
  // --- lexing within the current line -------------------------------------------
  bool atEnd() const { return pos_ >= line_.size() || line_[pos_] == '#'; }
  int col() const { return static_cast<int>(pos_) + 1; }
  void skipSpace() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t' || line_[pos_] == '\r')) pos_++;
  }
  bool peek(char c) {
    skipSpace();
    return pos_ < line_.size() && line_[pos_] == c;
  }
  bool accept(char c) {
    if (!peek(c)) return false;
    pos_++;
    return true;
  }
  bool expect(char c, const char* what) {
    if (accept(c)) return true;
    return errorHere(std::string("expected '") + c + "' " + what + ", found " + found());
  }
  std::string found() {
    skipSpace();
    if (atEnd()) return "end of line";
    size_t end = pos_ + 1;
    while (end < line_.size() && isIdent(line_[end]) && isIdent(line_[pos_])) end++;
    return "'" + std::string(line_.substr(pos_, end - pos_)) + "'";
  }
  static bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
  static bool isIdent(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }
  /// An identifier (letters, digits, '_', '.'), or "" if none here.
  std::string_view ident() {
    skipSpace();
    if (pos_ >= line_.size() || !isIdentStart(line_[pos_])) return {};
    size_t start = pos_;
    while (pos_ < line_.size() && isIdent(line_[pos_])) pos_++;
    return line_.substr(start, pos_ - start);
  }
  static bool isVarName(std::string_view s) {
    if (s.size() < 2 || (s[0] != 'i' && s[0] != 'p' && s[0] != 'f')) return false;
    for (size_t k = 1; k < s.size(); k++)
      if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    return true;
  }
  static Kind kindOfVar(std::string_view s) { return s[0] == 'i' ? Kind::INT : s[0] == 'p' ? Kind::REF : Kind::FLOAT; }

  bool error(int line, int col, std::string msg) {
    errors_.push_back({line, col, std::move(msg)});
    return false;
  }
  bool errorAt(int col, std::string msg) { return error(lineNo_, col, std::move(msg)); }
  bool errorHere(std::string msg) {
    skipSpace();
    return errorAt(col(), std::move(msg));
  }

  // --- header -----------------------------------------------------------------------
  void parseHeader() {
    if (!expect('[', "to open the input list")) return;
    if (!accept(']')) {
      do {
        int c = (skipSpace(), col());
        std::string_view name = ident();
        if (!isVarName(name)) {
          errorAt(c, "expected an input variable (i0, p1, f2...), found " + (name.empty() ? found() : "'" + std::string(name) + "'"));
          return;
        }
        if (!define(name, c, trace_.addInput(kindOfVar(name)))) return;
      } while (accept(','));
      if (!expect(']', "to close the input list")) return;
    }
    size_t save = pos_;
    int c = (skipSpace(), col());
    if (ident() == "vable" && accept('=')) {
      int vc = (skipSpace(), col());
      std::string_view name = ident();
      auto it = defs_.find(name);
      if (it == defs_.end() || it->second.ref.tag() != Ref::INPUT || kindOfVar(name) != Kind::REF) {
        errorAt(vc, "vable= names a ref input, found " + (name.empty() ? found() : "'" + std::string(name) + "'"));
        return;
      }
      trace_.vable = static_cast<int32_t>(it->second.ref.index());
    } else {
      pos_ = save;
      (void)c;
    }
    expectEndOfLine();
  }

  bool expectEndOfLine() {
    skipSpace();
    if (atEnd()) return true;
    return errorHere("unexpected " + found() + " at end of line");
  }

  bool define(std::string_view name, int c, Ref r) {
    auto it = defs_.find(name);
    if (it != defs_.end())
      return errorAt(c, std::string(name) + " is already defined on line " + std::to_string(it->second.line));
    defs_.emplace(std::string(name), Def{r, lineNo_});
    return true;
  }

  // --- values -----------------------------------------------------------------------
  /// Parses a value; `poisoned` is set (and no error reported) when it names a
  /// variable whose defining line had an error.
  bool value(Ref& out, bool& poisoned) {
    skipSpace();
    int c = col();
    if (pos_ < line_.size() && (std::isdigit(static_cast<unsigned char>(line_[pos_])) || line_[pos_] == '-' ||
                                line_[pos_] == '+'))
      return number(out);
    std::string_view name = ident();
    if (name.empty()) return errorAt(c, "expected a value, found " + found());
    if (name == "inf" || name == "nan") {
      out = trace_.constFloat(name == "inf" ? HUGE_VAL : std::nan(""));
      return true;
    }
    if (name == "ConstPtr") return constPtr(out);
    if (!isVarName(name)) return errorAt(c, "expected a value, found '" + std::string(name) + "'");
    auto it = defs_.find(name);
    if (it != defs_.end()) {
      out = it->second.ref;
      return true;
    }
    if (poisoned_.count(std::string(name))) {
      poisoned = true;
      return false;
    }
    return errorAt(c, "undefined variable '" + std::string(name) + "'");
  }

  bool number(Ref& out) {
    int c = col();
    size_t start = pos_;
    if (line_[pos_] == '-' || line_[pos_] == '+') pos_++;
    std::string_view rest = line_.substr(pos_);
    if (rest.substr(0, 3) == "inf") {
      pos_ += 3;
      out = trace_.constFloat(line_[start] == '-' ? -HUGE_VAL : HUGE_VAL);
      return true;
    }
    bool isFloat = false;
    while (pos_ < line_.size()) {
      char ch = line_[pos_];
      if (std::isdigit(static_cast<unsigned char>(ch))) pos_++;
      else if (ch == '.' || ch == 'e' || ch == 'E') isFloat = true, pos_++;
      else if ((ch == '-' || ch == '+') && (line_[pos_ - 1] == 'e' || line_[pos_ - 1] == 'E')) pos_++;
      else break;
    }
    // Swallow trailing letters ("0x0", "12abc") so the message shows the whole token.
    while (pos_ < line_.size() && std::isalnum(static_cast<unsigned char>(line_[pos_]))) pos_++;
    std::string tok(line_.substr(start, pos_ - start));
    const char* first = tok.c_str() + (tok[0] == '+' ? 1 : 0);
    const char* last = tok.c_str() + tok.size();
    if (isFloat) {
      double v;
      auto r = std::from_chars(first, last, v);
      if (r.ec != std::errc() || r.ptr != last) return errorAt(c, "bad float constant '" + tok + "'");
      out = trace_.constFloat(v);
    } else {
      int64_t v;
      auto r = std::from_chars(first, last, v);
      if (r.ec == std::errc::result_out_of_range) return errorAt(c, "integer constant '" + tok + "' does not fit in 64 bits");
      if (r.ec != std::errc() || r.ptr != last) return errorAt(c, "bad integer constant '" + tok + "'");
      out = trace_.constInt(v);
    }
    return true;
  }

  bool constPtr(Ref& out) {
    if (!expect('(', "after ConstPtr")) return false;
    int c = (skipSpace(), col());
    std::string_view name = ident();
    if (name.empty()) return errorAt(c, "expected a pointer name in ConstPtr(...), found " + found());
    if (name == "null") {
      out = trace_.constPtr(nullptr);
    } else {
      auto p = d_.pointer(name);
      if (!p) return errorAt(c, "unknown pointer constant '" + std::string(name) + "'");
      out = trace_.constPtr(*p, std::string(name));
    }
    return expect(')', "to close ConstPtr(");
  }

  bool stringLiteral(std::string& out) {
    int c = col();
    pos_++;  // the opening quote
    while (pos_ < line_.size() && line_[pos_] != '\'') {
      char ch = line_[pos_++];
      if (ch != '\\') {
        out += ch;
        continue;
      }
      if (pos_ >= line_.size()) break;
      char e = line_[pos_++];
      if (e == 'n') out += '\n';
      else if (e == '\\' || e == '\'') out += e;
      else if (e == 'x' && pos_ + 2 <= line_.size() && std::isxdigit(static_cast<unsigned char>(line_[pos_])) &&
               std::isxdigit(static_cast<unsigned char>(line_[pos_ + 1]))) {
        out += static_cast<char>(std::stoi(std::string(line_.substr(pos_, 2)), nullptr, 16));
        pos_ += 2;
      } else return errorAt(col() - 1, std::string("unknown escape '\\") + e + "' in string");
    }
    if (pos_ >= line_.size()) return errorAt(c, "unterminated string");
    pos_++;
    return true;
  }

  // --- op lines ---------------------------------------------------------------------
  struct Arg {
    Ref ref;
    int col;
  };
  struct OpText {
    std::string_view result;
    int resultCol = 0;
    Op op{};
    int opCol = 0;
    std::vector<Arg> args;
    std::string_view descrName;
    int descrCol = 0;
    int64_t tag = 0;
    std::vector<ResumeFrame> frames;
    std::optional<std::string> text;
    int textCol = 0;
    std::vector<Ref> failArgs;
    bool hasFailArgs = false;
    // virtuals=[...]: the virtuals in definition order; while parsing, a
    // VIRTUAL ref indexes vnames (names as used), resolved by resolveVirtuals.
    struct VirtualText {
      VirtualDescr descr;
      std::vector<Ref> values;  // one per field
    };
    std::vector<VirtualText> virtuals;
    std::vector<std::pair<std::string, int>> vnames;  // name, column of first use
    std::map<std::string, uint32_t, std::less<>> vdefs;  // name -> index in virtuals
    std::vector<VirtualDescr> virtualDescrs;          // after resolveVirtuals
  };

  void parseLine() {
    OpText o;
    bool poisoned = false;
    bool ok = parseOpText(o, poisoned) && checkOpText(o) && build(o);
    if (!ok && !o.result.empty()) poisoned_.insert(std::string(o.result));
  }

  bool parseOpText(OpText& o, bool& poisoned) {
    int c = (skipSpace(), col());
    std::string_view first = ident();
    if (first.empty()) return errorAt(c, "expected an operation, found " + found());
    if (accept('=')) {
      o.result = first;
      o.resultCol = c;
      if (!isVarName(first)) return errorAt(c, "'" + std::string(first) + "' is not a variable name (i0, p1, f2...)");
      c = (skipSpace(), col());
      first = ident();
      if (first.empty()) return errorAt(c, "expected an operation after '=', found " + found());
    }
    auto op = opFromName(first);
    if (!op) return errorAt(c, "unknown operation '" + std::string(first) + "'");
    o.op = *op;
    o.opCol = c;
    if (!expect('(', ("after " + std::string(first)).c_str())) return false;
    if (!accept(')')) {
      do {
        if (!parseArg(o, poisoned)) return false;
      } while (accept(','));
      if (!expect(')', "to close the operand list")) return false;
    }
    if (accept('[')) {
      o.hasFailArgs = true;
      if (!accept(']')) {
        do {
          Ref r;
          if (!failValue(o, r, poisoned)) return false;
          o.failArgs.push_back(r);
        } while (accept(','));
        if (!expect(']', "to close the fail args")) return false;
      }
      size_t save = pos_;
      if (ident() == "virtuals" && accept('=')) {
        if (!parseVirtuals(o, poisoned)) return false;
      } else {
        pos_ = save;
      }
      if (!resolveVirtuals(o)) return false;
    }
    return expectEndOfLine();
  }

  // --- virtuals in resume data --------------------------------------------------------
  static bool isVirtualName(std::string_view s) {
    if (s.size() < 2 || s[0] != 'v') return false;
    for (size_t k = 1; k < s.size(); k++)
      if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    return true;
  }

  /// A fail arg or a virtual's field value: a value, or a virtual's name
  /// (a VIRTUAL ref indexing o.vnames until resolveVirtuals).
  bool failValue(OpText& o, Ref& out, bool& poisoned) {
    skipSpace();
    size_t save = pos_;
    int c = col();
    std::string_view name = ident();
    if (!isVirtualName(name)) {
      pos_ = save;
      return value(out, poisoned);
    }
    uint32_t k = 0;
    while (k < o.vnames.size() && o.vnames[k].first != name) k++;
    if (k == o.vnames.size()) o.vnames.push_back({std::string(name), c});
    out = Ref::virtualRef(k);
    return true;
  }

  /// digits, as a uint32_t.
  bool unsignedArg(uint32_t& out, const char* what) {
    skipSpace();
    size_t end = pos_;
    while (end < line_.size() && std::isdigit(static_cast<unsigned char>(line_[end]))) end++;
    auto r = std::from_chars(line_.data() + pos_, line_.data() + end, out);
    if (end == pos_ || r.ec != std::errc()) return errorHere(std::string("expected ") + what + ", found " + found());
    pos_ = end;
    return true;
  }

  bool parseVirtuals(OpText& o, bool& poisoned) {
    if (!expect('[', "to open the virtuals")) return false;
    if (accept(']')) return true;
    do {
      if (!parseVirtual(o, poisoned)) return false;
    } while (accept(','));
    return expect(']', "to close the virtuals");
  }

  /// vN=new(descr=S){...}, vN=new_with_vtable(descr=S){...} or vN=new_array(n, descr=A){...};
  /// or a write: setfield(target){...} or setarrayitem(target, descr=A){...}.
  bool parseVirtual(OpText& o, bool& poisoned) {
    int c = (skipSpace(), col());
    size_t save = pos_;
    std::string_view name = ident();
    if (name == "setfield" || name == "setarrayitem") return parseWrite(o, name == "setarrayitem", poisoned);
    pos_ = save;
    if (!isVirtualName(name = ident())) return errorAt(c, "expected a virtual (v0, v1...) or a write, found " + found());
    if (!o.virtuals.empty() && o.virtuals.back().descr.isWrite())
      return errorAt(c, "virtual " + std::string(name) + " comes after a write (writes come last)");
    if (o.vdefs.count(name)) return errorAt(c, "virtual " + std::string(name) + " is described twice");
    o.vdefs.emplace(std::string(name), static_cast<uint32_t>(o.virtuals.size()));
    OpText::VirtualText& v = o.virtuals.emplace_back();
    if (!expect('=', "after the virtual's name")) return false;
    int oc = (skipSpace(), col());
    std::string_view opText = ident();
    auto op = opFromName(opText);
    if (!op || (*op != Op::NEW && *op != Op::NEW_WITH_VTABLE && *op != Op::NEW_ARRAY))
      return errorAt(oc, "a virtual is new, new_with_vtable or new_array, found " +
                             (opText.empty() ? found() : "'" + std::string(opText) + "'"));
    v.descr.op = *op;
    bool isArray = *op == Op::NEW_ARRAY;
    if (!expect('(', "after the allocation")) return false;
    if (isArray && (!unsignedArg(v.descr.length, "the array's length") || !expect(',', "after the length"))) return false;
    int dc = (skipSpace(), col());
    if (ident() != "descr" || !accept('=')) return errorAt(dc, "expected descr=NAME");
    dc = (skipSpace(), col());
    std::string_view dname = ident();
    if (dname.empty()) return errorAt(dc, "expected a descr name, found " + found());
    auto idx = d_.find(dname);
    DescrKind want = isArray ? DescrKind::ARRAY : DescrKind::SIZE;
    if (!idx || d_.kindOf(*idx) != want)
      return errorAt(dc, "'" + std::string(dname) + "' is not " + descrKindName(want) + " descr");
    v.descr.descr = *idx;
    if (!expect(')', "to close the allocation")) return false;
    return parseVirtualFields(o, v, poisoned);
  }

  /// setfield(target){F=x, ...} or setarrayitem(target, descr=A){[k]=x, ...}:
  /// a delayed write into an existing object.
  bool parseWrite(OpText& o, bool items, bool& poisoned) {
    OpText::VirtualText& v = o.virtuals.emplace_back();
    v.descr.op = items ? Op::SETARRAYITEM : Op::SETFIELD;
    Ref target;
    if (!expect('(', "after the write") || !failValue(o, target, poisoned)) return false;
    v.values.push_back(target);
    if (items) {
      int dc = (skipSpace(), col());
      if (!expect(',', "after the target")) return false;
      dc = (skipSpace(), col());
      if (ident() != "descr" || !accept('=')) return errorAt(dc, "expected descr=NAME");
      dc = (skipSpace(), col());
      std::string_view dname = ident();
      auto idx = d_.find(dname);
      if (!idx || d_.kindOf(*idx) != DescrKind::ARRAY)
        return errorAt(dc, "'" + std::string(dname) + "' is not " + descrKindName(DescrKind::ARRAY) + " descr");
      v.descr.descr = *idx;
    }
    if (!expect(')', "to close the write")) return false;
    return parseVirtualFields(o, v, poisoned);
  }

  /// {key=value, ...}: field descrs, or [index] for an array.
  bool parseVirtualFields(OpText& o, OpText::VirtualText& v, bool& poisoned) {
    bool isArray = v.descr.op == Op::NEW_ARRAY || v.descr.op == Op::SETARRAYITEM;
    if (!expect('{', "to open the fields")) return false;
    if (accept('}')) return true;
    do {
      int kc = (skipSpace(), col());
      uint32_t key;
      if (isArray) {
        if (!expect('[', "before an item index") || !unsignedArg(key, "an item index") || !expect(']', "after the index"))
          return false;
      } else {
        std::string_view fname = ident();
        auto f = d_.find(fname);
        if (!f || d_.kindOf(*f) != DescrKind::FIELD)
          return errorAt(kc, "expected a field descr, found " + (fname.empty() ? found() : "'" + std::string(fname) + "'"));
        key = *f;
      }
      Ref r;
      if (!expect('=', "after the field") || !failValue(o, r, poisoned)) return false;
      v.descr.fields.push_back(key);
      v.values.push_back(r);
    } while (accept(','));
    return expect('}', "to close the fields");
  }

  /// Names to indices, and the fail args completed with the fields' values
  /// (trace.h: frame values, then each virtual's fields in order).
  bool resolveVirtuals(OpText& o) {
    std::vector<Ref> map;
    for (const auto& [name, c] : o.vnames) {
      auto it = o.vdefs.find(name);
      if (it == o.vdefs.end()) return errorAt(c, "virtual " + name + " is not described (virtuals=[" + name + "=...])");
      map.push_back(Ref::virtualRef(it->second));
    }
    auto resolve = [&](Ref r) { return r.isVirtual() ? map[r.index()] : r; };
    for (Ref& r : o.failArgs) r = resolve(r);
    for (OpText::VirtualText& v : o.virtuals) {
      for (Ref r : v.values) o.failArgs.push_back(resolve(r));
      o.virtualDescrs.push_back(std::move(v.descr));
    }
    return true;
  }

  bool parseArg(OpText& o, bool& poisoned) {
    skipSpace();
    int c = col();
    if (pos_ < line_.size() && line_[pos_] == '\'') {
      if (o.text) return errorAt(c, "a second string operand");
      o.text.emplace();
      o.textCol = c;
      return stringLiteral(*o.text);
    }
    size_t save = pos_;
    std::string_view kw = ident();
    if (kw == "resume" && accept('=')) {
      // resume=code.point.count/code.point.count...
      int vc = (skipSpace(), col());
      if (!o.frames.empty()) return errorAt(c, "a second resume=");
      do {
        uint32_t parts[3];
        for (int k = 0; k < 3; k++) {
          if (k && !accept('.')) return errorAt(col(), "resume= takes code.point.count frames separated by '/'");
          size_t end = pos_;
          while (end < line_.size() && std::isdigit(static_cast<unsigned char>(line_[end]))) end++;
          auto r = std::from_chars(line_.data() + pos_, line_.data() + end, parts[k]);
          if (end == pos_ || r.ec != std::errc()) return errorAt(vc, "resume= takes code.point.count frames separated by '/'");
          pos_ = end;
        }
        o.frames.push_back({parts[0], parts[1], parts[2]});
      } while (accept('/'));
      return true;
    }
    if ((kw == "descr" || kw == "tag") && accept('=')) {
      int vc = (skipSpace(), col());
      if (kw == "descr") {
        if (!o.descrName.empty()) return errorAt(c, "a second descr=");
        o.descrName = ident();
        o.descrCol = vc;
        if (o.descrName.empty()) return errorAt(vc, "expected a descr name, found " + found());
        return true;
      }
      // Parsed here, not by number(): a tag is not a trace constant.
      size_t end = pos_ + (pos_ < line_.size() && line_[pos_] == '-');
      while (end < line_.size() && std::isalnum(static_cast<unsigned char>(line_[end]))) end++;
      auto r = std::from_chars(line_.data() + pos_, line_.data() + end, o.tag);
      if (end == pos_ || r.ec != std::errc() || r.ptr != line_.data() + end) return errorAt(vc, "tag= takes an integer");
      pos_ = end;
      return true;
    }
    pos_ = save;
    if (!o.descrName.empty()) return errorAt(c, "operands come before descr=");
    Ref r;
    if (!value(r, poisoned)) return false;
    o.args.push_back({r, c});
    return true;
  }

  /// Checks that need the op table: arity, operand kinds, descr, result name.
  bool checkOpText(const OpText& o) {
    const OpInfo& info = opInfo(o.op);
    std::string name = info.name;
    if (!isVariadic(o.op)) {
      size_t want = std::strlen(info.sig);
      if (o.args.size() != want)
        return errorAt(o.opCol, name + " takes " + std::to_string(want) + " operand" + (want == 1 ? "" : "s") +
                                    ", got " + std::to_string(o.args.size()));
      for (size_t k = 0; k < want; k++) {
        Kind got = trace_.kindOf(o.args[k].ref);
        Kind need = info.sig[k] == 'i' ? Kind::INT : info.sig[k] == 'r' ? Kind::REF : info.sig[k] == 'f' ? Kind::FLOAT : got;
        if (got != need)
          return errorAt(o.args[k].col, "operand " + std::to_string(k + 1) + " of " + name + " must be " +
                                            kindName(need) + ", got " + kindName(got));
      }
    }
    if (info.result == Kind::VOID && !o.result.empty())
      return errorAt(o.resultCol, name + " has no result");
    if (info.result != Kind::VOID && o.result.empty())
      return errorAt(o.opCol, name + " has a " + kindName(info.result) + " result: write '" + kindPrefix(info.result) +
                                  "N = " + name + "(...)'");
    if (!o.result.empty() && kindOfVar(o.result) != info.result)
      return errorAt(o.resultCol, std::string(o.result) + " names a " + kindName(kindOfVar(o.result)) + ", but " + name +
                                      " returns a " + kindName(info.result));
    if (o.hasFailArgs && !isGuard(o.op)) return errorAt(o.opCol, name + " is not a guard: it takes no fail args");
    if (o.text && info.descr != DescrKind::TEXT) return errorAt(o.textCol, name + " takes no string operand");
    if (info.descr == DescrKind::TEXT && !o.text) return errorAt(o.opCol, name + " needs a string operand");
    if (o.tag && info.descr != DescrKind::GUARD) return errorAt(o.opCol, "only guards take tag=");
    if (!o.frames.empty() && info.descr != DescrKind::GUARD) return errorAt(o.opCol, "only guards take resume=");
    if (info.descr == DescrKind::NONE || info.descr == DescrKind::TEXT)
      return o.descrName.empty() || errorAt(o.descrCol, name + " takes no descr");
    if (info.descr == DescrKind::GUARD) return checkGuardName(o);
    return true;
  }

  bool checkGuardName(const OpText& o) {
    if (o.descrName.empty()) return true;  // named g<N> by emitGuard
    for (const GuardDescr& g : trace_.guards)
      if (g.name == o.descrName)
        return errorAt(o.descrCol, "guard descr '" + std::string(o.descrName) + "' is already used in this trace");
    if (d_.find(o.descrName))
      return errorAt(o.descrCol, "'" + std::string(o.descrName) + "' names a descriptor of the table, not a guard");
    return true;
  }

  static const char* descrKindName(DescrKind k) {
    switch (k) {
      case DescrKind::NONE: return "no";
      case DescrKind::FIELD: return "a field";
      case DescrKind::ARRAY: return "an array";
      case DescrKind::CALL: return "a call";
      case DescrKind::SIZE: return "a size";
      case DescrKind::LOOP: return "a loop";
      case DescrKind::GUARD: return "a guard";
      case DescrKind::TEXT: return "a text";
    }
    return "?";
  }

  /// Resolves a table descr (FIELD, ARRAY, CALL, SIZE, LOOP) by name.
  bool tableDescr(const OpText& o, uint32_t& out) {
    DescrKind want = opInfo(o.op).descr;
    std::string name = opName(o.op);
    if (o.descrName.empty())
      return errorAt(o.opCol, name + " needs " + descrKindName(want) + " descr (descr=NAME)");
    auto idx = d_.find(o.descrName);
    if (!idx) return errorAt(o.descrCol, "unknown descr '" + std::string(o.descrName) + "'");
    if (d_.kindOf(*idx) != want)
      return errorAt(o.descrCol, std::string(o.descrName) + " is " + descrKindName(d_.kindOf(*idx)) + " descr; " + name +
                                     " needs " + descrKindName(want) + " descr");
    out = *idx;
    return true;
  }

  bool build(const OpText& o) {
    std::vector<Ref> args;
    for (const Arg& a : o.args) args.push_back(a.ref);
    Ref result;
    switch (opInfo(o.op).descr) {
      case DescrKind::NONE: result = trace_.emit(o.op, std::move(args)); break;
      case DescrKind::TEXT: trace_.emitDebugMergePoint(*o.text); break;
      case DescrKind::GUARD:
        result = trace_.emitGuard(o.op, std::move(args), o.failArgs, o.tag, std::string(o.descrName), o.frames,
                                  o.virtualDescrs);
        break;
      case DescrKind::FIELD: case DescrKind::ARRAY: case DescrKind::CALL: case DescrKind::SIZE: case DescrKind::LOOP: {
        uint32_t idx = kNoDescr;
        if (!tableDescr(o, idx)) return false;
        result = trace_.emit(o.op, std::move(args), idx);
        break;
      }
    }
    opLines_.push_back(lineNo_);
    return o.result.empty() || define(o.result, o.resultCol, result);
  }

  struct Def {
    Ref ref;
    int line;
  };

  std::string_view text_;
  const DescrTable& d_;
  std::string_view line_;
  int lineNo_ = 0;
  size_t pos_ = 0;
  Trace trace_;
  std::map<std::string, Def, std::less<>> defs_;
  std::set<std::string> poisoned_;
  std::vector<int> opLines_;
  std::vector<ParseDiag> errors_;
};

}  // namespace

ParseResult parseTrace(std::string_view text, const DescrTable& descrs, const ParseOptions& opts) {
  return Parser(text, descrs).run(opts);
}

}  // namespace lathe::jit
