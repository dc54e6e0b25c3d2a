//===- params.h - The JIT's tunable parameters (LATHE_JIT, set_param) -----===//
// DESIGN §6, issue 5. RPython's JIT parameters, with its names and defaults
// (rlib/jit.py PARAMETERS), plus Lathe's `off` and `fail_guards`. Users set
// them with the environment variable LATHE_JIT, read once at start-up, and
// interpreters with rlib's `set_param(driver, name, value)`.
//
//   LATHE_JIT  := item (',' item)*
//   item       := name '=' value | 'off' | 'default'
//   enable_opts's value := 'all' | pass (':' pass)*     -- may be empty: no passes
//
// Items apply left to right (`default,threshold=5` is the default with a
// threshold of 5); `off` is `off=1`; spaces around items, names and values
// are ignored; an empty string is no item. An error (unknown name, missing
// '=', non-integer or out-of-range value, unknown pass) names the item, by
// position and text, and the reason; nothing is applied then.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::jit {

/// The integer parameters: X(name, default, min, max, help). Values outside
/// [min, max] are errors. A threshold <= 0 means "never" (RPython's rule:
/// its increment is 0); `off` is the switch that disables the JIT.
#define LATHE_JIT_INT_PARAMS(X)                                                                  \
  X(threshold, 1039, INT64_MIN, INT64_MAX, "loop iterations before tracing starts")              \
  X(function_threshold, 1619, INT64_MIN, INT64_MAX, "portal calls before tracing from its start") \
  X(trace_eagerness, 200, INT64_MIN, INT64_MAX, "guard failures before a bridge is traced")      \
  X(decay, 40, 0, 1000, "per-mille decay of the hotness counters at each decay step")           \
  X(trace_limit, 6000, 1, INT64_MAX, "recorded ops after which tracing aborts")                  \
  X(inlining, 1, 0, 1, "inline calls to the portal (recursion)")                                 \
  X(loop_longevity, 1000, 0, INT64_MAX, "generations a loop stays alive without being run (accepted, not acted on yet)") \
  X(retrace_limit, 0, 0, INT64_MAX, "retraces of a loop with a new preamble (accepted, not acted on yet)") \
  X(max_retrace_guards, 15, 0, INT64_MAX, "guards a retraced loop may have (accepted, not acted on yet)") \
  X(max_unroll_loops, 0, 0, INT64_MAX, "specialized versions of an unrolled loop (accepted, not acted on yet)") \
  X(max_unroll_recursion, 7, 0, INT64_MAX, "portal recursion levels inlined before a call")      \
  X(disable_unrolling, 200, 0, INT64_MAX, "loop length (ops) above which it is not unrolled (accepted, not acted on yet)") \
  X(vec, 0, 0, 1, "vectorize loops (accepted, not acted on yet)") \
  X(off, 0, 0, 1, "disable the JIT")                                                             \
  X(fail_guards, 0, 0, INT64_MAX, "fail every N-th guard check (deopt torture; 0 = never)") \
  X(max_code_kb, 65536, 1, INT64_MAX, "KiB of machine code after which no more traces are compiled") \
  X(tree_ops, 1500, 0, INT64_MAX, "ops of a loop and its bridges compiled into one function (0: bridges stay apart)") \
  X(tree_calls, 100, 0, INT64_MAX, "bridge calls per op of a tree before it is compiled with its bridges inlined")

/// The optimizer passes `enable_opts` chooses from, in pipeline order
/// (issue 7): X(NAME, text). ORDER: the order of `enable_opts=all`.
#define LATHE_JIT_OPT_PASSES(X) \
  X(INTBOUNDS, "intbounds")     \
  X(REWRITE, "rewrite")         \
  X(VIRTUALIZE, "virtualize")   \
  X(HEAP, "heap")               \
  X(PURE, "pure")               \
  X(UNROLL, "unroll")

enum class OptPass : uint8_t {
#define X(NAME, text) NAME,
  LATHE_JIT_OPT_PASSES(X)
#undef X
};
inline constexpr unsigned kNumOptPasses = 0
#define X(NAME, text) +1
    LATHE_JIT_OPT_PASSES(X)
#undef X
    ;
/// The bit of a pass in JitParams::enable_opts.
constexpr uint32_t optBit(OptPass p) { return uint32_t{1} << static_cast<unsigned>(p); }
inline constexpr uint32_t kAllOpts = (uint32_t{1} << kNumOptPasses) - 1;
/// "intbounds", "rewrite", ...
const char* optPassName(OptPass p);

/// Which backend runs traces (`backend=x86|interp`, issue 6): machine code,
/// or the reference interpreter of trace IR.
enum class Backend : uint8_t { X86, INTERP };
const char* backendName(Backend b);

/// The parameters of one JitDriver (RPython keeps them per driver too).
struct JitParams {
#define X(name, def, lo, hi, help) int64_t name = def;
  LATHE_JIT_INT_PARAMS(X)
#undef X
  /// The enabled optimizer passes: a set of optBit()s; default all.
  uint32_t enable_opts = kAllOpts;
  /// The backend: x86 machine code by default (a trace it cannot compile,
  /// and every trace while fail_guards is set, runs on interp).
  Backend backend = Backend::X86;

  bool enabled(OptPass p) const { return (enable_opts & optBit(p)) != 0; }
  bool operator==(const JitParams&) const = default;
};

/// Applies `text` (LATHE_JIT syntax, header comment) to `out`. On error
/// returns false, leaves `out` untouched and sets `error` to
/// "item N 'text': reason" (N counts from 1).
bool parseJitParams(const char* text, JitParams& out, std::string& error);

/// rlib's set_param with an integer value. False with a reason
/// ("unknown parameter 'x'", "'decay' must be between 0 and 1000, got 2000")
/// when the name or the value is bad; `p` is then untouched.
bool setParam(JitParams& p, std::string_view name, int64_t value, std::string& error);
/// set_param with a string value: only `enable_opts` takes one.
bool setParam(JitParams& p, std::string_view name, std::string_view value, std::string& error);
/// Resets one parameter to its default (rlib's set_param_to_default).
bool setParamToDefault(JitParams& p, std::string_view name, std::string& error);

/// "intbounds:rewrite:..." in pipeline order, "all" for every pass, "" for none.
std::string enableOptsText(uint32_t opts);
/// Every parameter as LATHE_JIT text ("threshold=1039,...,enable_opts=all"),
/// in table order; parseJitParams of it gives `p` back.
std::string jitParamsText(const JitParams& p);

/// The parameters from the environment: LATHE_JIT is read on the first call
/// only; later calls return the same object. When it is malformed, `params`
/// are the defaults and `error` says why ("LATHE_JIT: item 2 ...") — the
/// caller reports it (the generated glue prints it and exits with 2).
struct EnvJitParams {
  JitParams params;
  std::string error;  ///< empty when LATHE_JIT is unset or well formed
};
const EnvJitParams& jitParamsFromEnv();

}  // namespace lathe::jit
