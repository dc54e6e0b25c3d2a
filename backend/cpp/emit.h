//===- emit.h - The C++ backend: low-level program -> C++ project ----------===//
// Pipeline position: after the RTyper (DESIGN §2, §5). Input: an LLProgram.
// Output: a directory holding a small C++ project
//
//   program.h      runtime include, struct definitions (instances inherit
//                  their base's struct, vtables likewise), tuple key traits,
//                  declarations of every function, vtable and prebuilt object
//   data.cpp       vtables, prebuilt strings (static RStr layouts), prebuilt
//                  instances and containers (filled at start-up), the
//                  runtime hooks (built-in exception factory, traceback
//                  naming) and main()
//   funcs_N.cpp    the functions, a few hundred lines of C++ per unit so the
//                  compile runs in parallel
//   CMakeLists.txt links the runtime library and Boehm; uses ccache when
//                  installed (CMAKE_CXX_COMPILER_LAUNCHER)
//
// Functions (emit_func.cpp): one C++ function per graph; every non-Void
// variable declared at the top; blocks are labels, links are assignments
// (through temporaries when they permute) and `goto`; `#line` directives
// point at the RPy source. After a call that can raise and is not guarded
// by exception links, `if (ll_exc_occurred()) return {};` propagates.
// Deterministic: same program, same bytes.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"
#include "rtyper/rtyper.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace lathe::cpp {

/// What `translate --jit` adds to the generated project; jitgen fills it
/// in (jitgen/twins.h), the backend only splices it.
struct JitHooks {
  using Spell = std::function<std::string(const rtyper::LLValue &)>;
  /// C++ statements replacing a jit_marker operation of the normal code
  /// (empty: nothing). `spell` spells a value as the normal function does.
  std::function<std::string(const rtyper::LLGraph &, const rtyper::LLOperation &, const Spell &)> marker;
  /// C++ statements after a setfield of the normal code (empty: nothing):
  /// writes to quasi-immutable fields invalidate the traces that folded them.
  std::function<std::string(const rtyper::LLOperation &)> afterSetfield;
  /// C++ statements at the start of a function of the normal code, after
  /// its variables (empty: nothing).
  std::function<std::string(const rtyper::LLGraph &)> prologue;
  /// C++ statements after the last block of a function of the normal code
  /// (empty: nothing): code kept out of the function's loops, reached only
  /// by a goto from what `marker` returned.
  std::function<std::string(const rtyper::LLGraph &)> epilogue;
  std::string declarations;                                // appended to program.h
  std::vector<std::pair<std::string, std::string>> files;  // extra units: file name, text
  std::string mainInit;                                    // statements at the start of main()
};

struct EmitOptions {
  const SourceManager *sources = nullptr; // for #line; null: none
  int opt = 2;                            // -O level of the generated build
  size_t functionsPerUnit = 0;            // 0: chosen by size
  const JitHooks *jit = nullptr;          // translate --jit; null: hints are no-ops
};

/// Writes the project into `dir` (created if needed). Returns "" or an error.
std::string emitProject(const rtyper::LLProgram &p, const std::string &dir, const EmitOptions &opts);

/// Configures and builds the project in `dir` (build tree `dir/build`),
/// then copies the executable to `output`. Returns "" or an error (with
/// the compiler's output).
std::string buildProject(const std::string &dir, const std::string &output, int opt);

/// The optimisation flags of `--opt 2` builds (the generated CMakeLists'
/// default and buildProject's): see build.cpp.
inline constexpr const char *kLatheOptFlags =
    "-O2 --param=max-inline-insns-auto=40 -Wa,-mbranches-within-32B-boundaries";

} // namespace lathe::cpp
