//===- params.cpp - Parsing and setting the JIT parameters ----------------===//
// LATHE_JIT text and rlib's set_param over the tables of params.h. Every
// check goes through checkInt/parseOpts, so the environment and set_param
// give the same reasons.
//===----------------------------------------------------------------------===//
#include "jit/params.h"
#include <charconv>
#include <cstdlib>

namespace lathe::jit {

namespace {

struct IntParamInfo {
  const char* name;
  int64_t def, lo, hi;
  int64_t JitParams::*field;
};

constexpr IntParamInfo kIntParams[] = {
#define X(name, def, lo, hi, help) {#name, def, lo, hi, &JitParams::name},
    LATHE_JIT_INT_PARAMS(X)
#undef X
};

constexpr const char* kOptNames[] = {
#define X(NAME, text) text,
    LATHE_JIT_OPT_PASSES(X)
#undef X
};

const IntParamInfo* findIntParam(std::string_view name) {
  for (const IntParamInfo& info : kIntParams)
    if (name == info.name) return &info;
  return nullptr;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// Checks `value` against the range of `info`; empty string when it fits.
std::string checkRange(const IntParamInfo& info, int64_t value) {
  if (value >= info.lo && value <= info.hi) return {};
  std::string why = quoted(info.name) + " must be ";
  if (info.lo == 0 && info.hi == 1)
    why += "0 or 1";
  else if (info.hi == INT64_MAX)
    why += "at least " + std::to_string(info.lo);
  else
    why += "between " + std::to_string(info.lo) + " and " + std::to_string(info.hi);
  return why + ", got " + std::to_string(value);
}

/// Parses an `enable_opts` value into a set of pass bits; false with a reason.
bool parseOpts(std::string_view value, uint32_t& opts, std::string& why) {
  value = trim(value);
  if (value == "all") {
    opts = kAllOpts;
    return true;
  }
  uint32_t bits = 0;
  while (true) {
    size_t colon = value.find(':');
    std::string_view name = trim(value.substr(0, colon));
    if (!name.empty()) {  // RPython skips empty names: "" is no pass at all
      unsigned k = 0;
      while (k < kNumOptPasses && name != kOptNames[k]) k++;
      if (k == kNumOptPasses) {
        why = "unknown optimization " + quoted(name) + " (passes: ";
        for (unsigned j = 0; j < kNumOptPasses; j++) why += std::string(j ? ", " : "") + kOptNames[j];
        why += "; or all)";
        return false;
      }
      bits |= uint32_t{1} << k;
    }
    if (colon == std::string_view::npos) break;
    value.remove_prefix(colon + 1);
  }
  opts = bits;
  return true;
}

/// Parses a decimal int64 (optional sign); false when it is not one or overflows.
bool parseInt(std::string_view s, int64_t& out, bool& overflow) {
  overflow = false;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec == std::errc::result_out_of_range) {
    overflow = true;
    return false;
  }
  return ec == std::errc() && end == s.data() + s.size();
}

/// Applies one `name=value` item (already split) to `p`; false with a reason.
bool applyItem(JitParams& p, std::string_view name, std::string_view value, std::string& why) {
  if (name == "enable_opts" || name == "backend") return setParam(p, name, value, why);
  const IntParamInfo* info = findIntParam(name);
  if (!info) {
    why = "unknown parameter " + quoted(name);
    return false;
  }
  int64_t v;
  bool overflow;
  if (!parseInt(value, v, overflow)) {
    why = quoted(name) + (overflow ? " is out of range: " : " needs an integer, got ") +
          quoted(value);
    return false;
  }
  return setParam(p, name, v, why);
}

}  // namespace

const char* optPassName(OptPass p) { return kOptNames[static_cast<unsigned>(p)]; }

bool setParam(JitParams& p, std::string_view name, int64_t value, std::string& error) {
  const IntParamInfo* info = findIntParam(name);
  if (!info) {
    error = name == "enable_opts" || name == "backend" ? quoted(name) + " takes a string, not an integer"
                                                       : "unknown parameter " + quoted(name);
    return false;
  }
  std::string why = checkRange(*info, value);
  if (!why.empty()) {
    error = why;
    return false;
  }
  p.*(info->field) = value;
  return true;
}

bool setParam(JitParams& p, std::string_view name, std::string_view value, std::string& error) {
  if (name == "backend") {
    if (value == "x86") p.backend = Backend::X86;
    else if (value == "interp") p.backend = Backend::INTERP;
    else {
      error = "'backend' is x86 or interp, not " + quoted(value);
      return false;
    }
    return true;
  }
  if (name != "enable_opts") {
    error = findIntParam(name) ? quoted(name) + " takes an integer, not a string"
                               : "unknown parameter " + quoted(name);
    return false;
  }
  return parseOpts(value, p.enable_opts, error);
}

bool setParamToDefault(JitParams& p, std::string_view name, std::string& error) {
  static const JitParams kDefaults;
  if (name == "enable_opts") {
    p.enable_opts = kDefaults.enable_opts;
    return true;
  }
  if (name == "backend") {
    p.backend = kDefaults.backend;
    return true;
  }
  const IntParamInfo* info = findIntParam(name);
  if (!info) {
    error = "unknown parameter " + quoted(name);
    return false;
  }
  p.*(info->field) = info->def;
  return true;
}

bool parseJitParams(const char* text, JitParams& out, std::string& error) {
  JitParams p = out;
  std::string_view rest = text ? text : "";
  if (trim(rest).empty()) return true;
  for (unsigned itemNo = 1;; itemNo++) {
    size_t comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    std::string why;
    size_t eq = item.find('=');
    if (item.empty()) {
      why = "empty item";
    } else if (item == "off") {
      p.off = 1;
    } else if (item == "default") {
      p = JitParams{};
    } else if (eq == std::string_view::npos) {
      why = "expected name=value, 'off' or 'default'";
    } else {
      applyItem(p, trim(item.substr(0, eq)), trim(item.substr(eq + 1)), why);
    }
    if (!why.empty()) {
      error = "item " + std::to_string(itemNo) + " " + quoted(item) + ": " + why;
      return false;
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  out = p;
  return true;
}

std::string enableOptsText(uint32_t opts) {
  if ((opts & kAllOpts) == kAllOpts) return "all";
  std::string s;
  for (unsigned k = 0; k < kNumOptPasses; k++)
    if (opts & (uint32_t{1} << k)) s += std::string(s.empty() ? "" : ":") + kOptNames[k];
  return s;
}

std::string jitParamsText(const JitParams& p) {
  std::string s;
  for (const IntParamInfo& info : kIntParams)
    s += std::string(info.name) + "=" + std::to_string(p.*(info.field)) + ",";
  return s + "enable_opts=" + enableOptsText(p.enable_opts) + ",backend=" + backendName(p.backend);
}

const char* backendName(Backend b) { return b == Backend::X86 ? "x86" : "interp"; }

const EnvJitParams& jitParamsFromEnv() {
  static const EnvJitParams env = [] {
    EnvJitParams e;
    std::string why;
    if (!parseJitParams(std::getenv("LATHE_JIT"), e.params, why)) e.error = "LATHE_JIT: " + why;
    return e;
  }();
  return env;
}

}  // namespace lathe::jit
