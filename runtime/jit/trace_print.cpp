//===- trace_print.cpp - Trace IR to text -------------------------------===//
// See trace_text.h for the format. The printer never fails: a broken trace
// (one verify() rejects) still prints, with <bad> for refs it cannot name,
// so verify errors can be shown next to the trace.
//===----------------------------------------------------------------------===//
#include "jit/trace_text.h"
#include <charconv>
#include <cstdio>

namespace lathe::jit {

namespace {

class Printer {
 public:
  Printer(const Trace& t, const DescrTable& d) : t_(t), d_(d) { nameValues(); }

  std::string run() {
    std::string out = "[";
    for (size_t k = 0; k < t_.inputs.size(); k++) out += (k ? ", " : "") + inputNames_[k];
    out += "]";
    if (t_.vable >= 0 && static_cast<size_t>(t_.vable) < t_.inputs.size()) out += " vable=" + inputNames_[t_.vable];
    out += "\n";
    for (size_t i = 0; i < t_.ops.size(); i++) out += line(i) + "\n";
    return out;
  }

 private:
  /// Canonical numbering: inputs, then op results, in definition order.
  void nameValues() {
    int n = 0;
    for (Kind k : t_.inputs) inputNames_.push_back(kindPrefix(k) + std::to_string(n++));
    for (const TraceOp& op : t_.ops)
      opNames_.push_back(op.type == Kind::VOID ? std::string() : kindPrefix(op.type) + std::to_string(n++));
  }

  std::string ref(Ref r) const {
    switch (r.tag()) {
      case Ref::NONE: return "<bad>";
      case Ref::INPUT: return r.index() < inputNames_.size() ? inputNames_[r.index()] : "<bad>";
      case Ref::OP:
        return r.index() < opNames_.size() && !opNames_[r.index()].empty() ? opNames_[r.index()] : "<bad>";
      case Ref::CONST_INT: return r.index() < t_.numIntConsts() ? std::to_string(t_.intConst(r)) : "<bad>";
      case Ref::CONST_FLOAT: return r.index() < t_.numFloatConsts() ? floatText(t_.floatConst(r)) : "<bad>";
      case Ref::CONST_PTR: return r.index() < t_.numPtrConsts() ? ptrText(r) : "<bad>";
      case Ref::VIRTUAL: return "v" + std::to_string(r.index());
    }
    return "<bad>";
  }

  /// Shortest text that reads back as the same double; always has a '.',
  /// an exponent, or is inf/nan, so it never reads back as an int.
  static std::string floatText(double v) {
    if (v != v) return "nan";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, res.ptr);
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    return s;
  }

  std::string ptrText(Ref r) const {
    void* p = t_.ptrConst(r);
    if (!p) return "ConstPtr(null)";
    if (!t_.ptrConstName(r).empty()) return "ConstPtr(" + t_.ptrConstName(r) + ")";
    if (const std::string* n = d_.pointerName(p)) return "ConstPtr(" + *n + ")";
    return "ConstPtr(ptr" + std::to_string(r.index()) + ")";
  }

  static std::string quote(const std::string& s) {
    std::string out = "'";
    for (unsigned char c : s) {
      if (c == '\'' || c == '\\') out += '\\', out += static_cast<char>(c);
      else if (c == '\n') out += "\\n";
      else if (c < 0x20 || c >= 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else out += static_cast<char>(c);
    }
    return out + "'";
  }

  std::string descrText(const TraceOp& op) const {
    switch (opInfo(op.op).descr) {
      case DescrKind::NONE: return "";
      case DescrKind::TEXT: return op.descr < t_.texts.size() ? quote(t_.texts[op.descr]) : "'<bad>'";
      case DescrKind::GUARD: {
        if (op.descr >= t_.guards.size()) return "descr=<bad>";
        const GuardDescr& g = t_.guards[op.descr];
        std::string s = "descr=" + g.name + (g.tag ? ", tag=" + std::to_string(g.tag) : "");
        for (size_t k = 0; k < g.frames.size(); k++) {
          const ResumeFrame& f = g.frames[k];
          s += (k ? "/" : ", resume=") + std::to_string(f.code) + "." + std::to_string(f.point) + "." +
               std::to_string(f.numValues);
        }
        return s;
      }
      case DescrKind::FIELD: case DescrKind::ARRAY: case DescrKind::CALL: case DescrKind::SIZE: case DescrKind::LOOP:
        return op.descr < d_.size() ? "descr=" + d_.name(op.descr) : "descr=<bad>";
    }
    return "";
  }

  std::string line(size_t i) const {
    const TraceOp& op = t_.ops[i];
    std::string s;
    if (!opNames_[i].empty()) s = opNames_[i] + " = ";
    s += opName(op.op);
    s += '(';
    std::string sep;
    for (Ref r : op.args) s += sep + ref(r), sep = ", ";
    if (std::string d = descrText(op); !d.empty()) s += sep + d;
    s += ')';
    if (isGuard(op.op) && op.descr < t_.guards.size()) s += failArgsText(t_.guards[op.descr]);
    return s;
  }

  /// " [frame values]", then the virtuals with their fields' values and
  /// the delayed writes: " virtuals=[v0=new_with_vtable(descr=FrameSize){Frame.acc=i3,
  /// Frame.next=v1}, v1=..., setfield(p0){VFrame.acc=v0}]".
  std::string failArgsText(const GuardDescr& g) const {
    size_t n = g.numFrameArgs();
    std::string s = " [";
    for (size_t k = 0; k < n; k++) s += (k ? ", " : "") + ref(g.failArgs[k]);
    s += ']';
    if (g.virtuals.empty()) return s;
    s += " virtuals=[";
    size_t pos = n;
    for (size_t k = 0; k < g.virtuals.size(); k++) {
      const VirtualDescr& v = g.virtuals[k];
      s += k ? ", " : "";
      if (v.isWrite()) {  // setfield(p1){F=i2} or setarrayitem(p1, descr=A){[0]=i2}
        s += std::string(opName(v.op)) + "(" + (pos < g.failArgs.size() ? ref(g.failArgs[pos]) : std::string("<bad>"));
        pos++;
        if (v.op == Op::SETARRAYITEM) s += ", descr=" + (v.descr < d_.size() ? d_.name(v.descr) : std::string("<bad>"));
        s += "){";
      } else {
        s += "v" + std::to_string(k) + "=" + opName(v.op) + "(";
        if (v.op == Op::NEW_ARRAY) s += std::to_string(v.length) + ", ";
        s += "descr=" + (v.descr < d_.size() ? d_.name(v.descr) : std::string("<bad>")) + "){";
      }
      bool items = v.op == Op::NEW_ARRAY || v.op == Op::SETARRAYITEM;
      for (size_t f = 0; f < v.fields.size(); f++, pos++) {
        uint32_t key = v.fields[f];
        s += f ? ", " : "";
        if (items) s += "[" + std::to_string(key) + "]";
        else s += key < d_.size() ? d_.name(key) : "<bad>";
        s += "=" + (pos < g.failArgs.size() ? ref(g.failArgs[pos]) : std::string("<bad>"));
      }
      s += "}";
    }
    return s + "]";
  }

  const Trace& t_;
  const DescrTable& d_;
  std::vector<std::string> inputNames_, opNames_;
};

}  // namespace

std::string printTrace(const Trace& t, const DescrTable& descrs) { return Printer(t, descrs).run(); }

}  // namespace lathe::jit
