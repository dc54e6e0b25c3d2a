//===- jitinfo.h - jitgen's analysis: drivers, portals, look-inside policy -===//
// Pipeline position: after the RTyper, before the traced twins are emitted
// (DESIGN §2, §6; issue 5 items 1–2). Input: the low-level program (its
// graphs and the JitDriver markers the RTyper recorded) and the evaluated
// program (drivers are prebuilt JitDriver instances; hints are attributes
// rlib.jit's decorators set on functions). Output: JitInfo —
//
//   drivers   each JitDriver: greens, reds, its portal (the one graph with
//             its jit_merge_point), the locations of its markers;
//   policy    for every graph the tracer may enter from a portal (following
//             direct calls): how the tracer treats a call of it —
//               portal            the interpreter loop itself
//               look inside       traced into (its twin is emitted)
//               elidable          a pure call: folded on constant
//                                 arguments, call_pure otherwise
//               dont look inside  a residual call (@dont_look_inside, or a
//                                 function containing a loop that is not
//                                 @unroll_safe, as in RPython)
//               look inside iff   @look_inside_iff(pred): traced into when
//                                 pred(args) is true while tracing (its
//                                 twin decides), else a residual call
//             with the reason, for `lathe jitinfo`.
//
// Hint misuse is a user error with the marker's location: merge-point or
// can_enter_jit keywords not exactly the driver's greens and reds, a driver
// whose markers are not in one function, can_enter_jit without
// jit_merge_point, a driver that is not a prebuilt (module-level) object,
// an @elidable function that writes to the heap or does I/O.
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/annotate.h"
#include "rtyper/rtyper.h"

#include <map>
#include <string>
#include <vector>

namespace lathe::jitgen {

struct DriverInfo {
  std::string name;                 // the global holding it ("bf.jitdriver")
  const eval::InstanceObj *obj = nullptr;
  std::vector<std::string> greens, reds;
  std::vector<std::string> virtualizables; // reds whose class declares _virtualizable_
  std::string portal;               // the graph with its jit_merge_point
  std::vector<const rtyper::JitMarker *> markers;
};

enum class Policy : uint8_t { PORTAL, LOOK_INSIDE, ELIDABLE, DONT_LOOK_INSIDE, LOOK_INSIDE_IFF };
const char *policyName(Policy p);

struct GraphPolicy {
  std::string graph;
  Policy policy = Policy::LOOK_INSIDE;
  std::string why;
  std::string predicate; // LOOK_INSIDE_IFF: the predicate's graph
};

struct JitInfo {
  std::vector<DriverInfo> drivers;
  std::vector<GraphPolicy> graphs; // reachable from the portals, in discovery order
};

/// Analyses the program; false after reporting hint errors to `sink`.
bool analyze(const ann::Annotator &an, const rtyper::LLProgram &p, JitInfo &out,
             Diagnostics &sink);

/// The JitMarker a jit_marker operation stands for (its second operand
/// is the marker's index), or null.
const rtyper::JitMarker *markerOf(const rtyper::LLProgram &p, const rtyper::LLOperation &op);
/// The marker operation's operand for driver variable `name`, or null
/// (Void there, or not named).
const rtyper::LLValue *markerOperand(const rtyper::JitMarker &m, const rtyper::LLOperation &op,
                                     const std::string &name);

/// The golden text form (`lathe jitinfo`).
std::string printJitInfo(const JitInfo &info, const SourceManager &sm);

} // namespace lathe::jitgen
