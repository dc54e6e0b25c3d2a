//===- twins.h - Traced twins and the JIT glue, as C++ ---------------------===//
// Pipeline position: after the analysis (jitinfo.h), feeding the C++
// backend (DESIGN §2, §6; issue 5 item 2). Input: the low-level program and
// its JitInfo. Output: cpp::JitHooks — what `translate --jit` adds to the
// generated project:
//
//   jit.h            the twins' prototypes (included by the jit units)
//   jit_twins_N.cpp  one traced twin per graph the tracer enters (the
//                    portal and every "look inside" graph): the graph's
//                    control flow over Val<T> (value + trace ref), every
//                    operation computing and recording through the
//                    Recorder, numbered resume points (twins.cpp)
//   jit_glue.cpp     call thunks (every residual call target, called with
//                    an array of words), the descriptor registration (field
//                    offsets and sizes from the generated structs; each
//                    CallDescr's effects, effects.h), one
//                    JitDriverState per driver with its portal-twin runner,
//                    and the `enter` function the normal portal calls
//
// and, in the normal portal, at the counting marker (can_enter_jit, or
// jit_merge_point when the driver has none), the call of that enter
// function, which writes the greens and reds back when compiled code, a
// trace or a deoptimisation moved the interpreter on.
//
// User errors (with the marker's location): a variable live across a
// marker that is not one of the driver's greens or reds.
//===----------------------------------------------------------------------===//
#pragma once
#include "backend/cpp/emit.h"
#include "jitgen/effects.h"
#include "jitgen/jitinfo.h"

namespace lathe::jitgen {

/// Fills `out`; false after reporting errors to `sink`. With `calls`, also
/// lists every residual call target with its effects (`lathe jitinfo`).
bool generateJit(const rtyper::LLProgram &p, const JitInfo &info, cpp::JitHooks &out, Diagnostics &sink,
                 std::vector<ResidualCall> *calls = nullptr);

/// The generated files as one text (`lathe jitinfo --twins`, golden tests):
/// each file's name on a `// ==== NAME` line, then its text.
std::string printJitFiles(const cpp::JitHooks &hooks);

} // namespace lathe::jitgen
