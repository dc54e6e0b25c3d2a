//===- jitdriver.cpp - The JIT at run time: merge points, traces, deopt ----===//
// See jitdriver.h. The flow at a counting marker:
//
//   enter(greens+reds)
//     key has a loop ........ runCompiled: run traces (interp backend),
//                             following jumps between traces and bridges;
//                             a failing guard without a bridge either
//                             traces one (trace_eagerness) or deoptimises
//     key hot ............... traceLoop: the portal twin runs from its
//                             merge point, recording, until the key comes
//                             round again (a loop), or a key with a loop
//                             (the trace jumps into it)
//     else .................. nothing: the normal portal goes on
//
// Deoptimisation and bridge tracing both run the portal twin from a
// guard's resume data (ResumeCursor), outermost frame first; the twin stops
// at the next merge point.
//===----------------------------------------------------------------------===//
#include "jit/jitdriver.h"
#include <cstdio>
#include <algorithm>
#include <functional>
#include <cstdlib>
#include <unistd.h>
#include <optional>
#include <utility>
#include "jit/opt.h"
#include "jit/semantics.h"
#include "jit/trace_text.h"
#include "jit/virtuals.h"
#include "llsupport.h"
#include "rstr.h"

namespace lathe::jit {

namespace {

[[noreturn]] void fatal(const std::string& what) {
  flushLog();
  std::fprintf(stderr, "fatal error: JIT: %s\n", what.c_str());
  std::fflush(stderr);
  std::exit(1);
}

Ref constRef(Recorder& R, Kind k, uint64_t bits) {
  switch (k) {
    case Kind::INT: return R.constInt(AnyVal::fromBits<int64_t>(bits)).ref;
    case Kind::FLOAT: return R.constFloat(AnyVal::fromBits<double>(bits)).ref;
    case Kind::REF: return R.constPtr(AnyVal::fromBits<void*>(bits)).ref;
    case Kind::VOID: break;
  }
  return Ref{};
}

AbortReason reasonOf(const std::string& why) {
  if (why.rfind("trace too long", 0) == 0) return AbortReason::TOO_LONG;
  if (why.rfind("left the portal", 0) == 0) return AbortReason::LEFT_PORTAL;
  if (why.rfind("a green is not constant", 0) == 0) return AbortReason::BAD_LOOP;
  if (why.rfind("force quasi-immut", 0) == 0) return AbortReason::FORCE_QUASIIMMUT;
  return AbortReason::TRACER;
}

}  // namespace

void badResumePoint(uint32_t code) { fatal("twin " + std::to_string(code) + " has no such resume point"); }

// --- ResumeCursor ---------------------------------------------------------------------

uint32_t ResumeCursor::enter(uint32_t code) {
  if (next_ >= frames_.size()) fatal("resume data ran out of frames (twin " + std::to_string(code) + ")");
  const ResumeFrame& f = frames_[next_++];
  if (f.code != code)
    fatal("resume data names twin " + std::to_string(f.code) + " where twin " + std::to_string(code) + " resumes");
  base_ = end_;
  end_ = base_ + f.numValues;
  if (end_ > values_.size()) fatal("resume data holds fewer values than its frames say");
  return f.point;
}

// --- globals --------------------------------------------------------------------------

bool gJitOn = true;

JitGlobals& jitGlobals() {
  static JitGlobals* g = new JitGlobals();  // never destroyed: used by atexit handlers
  return *g;
}

namespace {
void printSummaryAtExit() {
  JitGlobals& G = jitGlobals();
  if (logEnabled(LogCat::JIT_SUMMARY)) logLine(LogCat::JIT_SUMMARY, G.summary.print());
  flushLog();
}
}  // namespace

/// rlib.jit.set_param at run time (llsupport.h's hook).
void setParamHook(RStr* name, int64_t value, RStr* text) {
  JitGlobals& G = jitGlobals();
  std::string n(name ? name->chars : "", name ? static_cast<size_t>(name->length) : 0);
  std::string err;
  bool ok = text ? setParam(G.params, n, std::string_view(text->chars, static_cast<size_t>(text->length)), err)
                 : setParam(G.params, n, value, err);
  if (!ok) {
    flushLog();
    std::fprintf(stderr, "set_param: %s\n", err.c_str());
    std::exit(1);
  }
  gJitOn = !G.params.off;
}

void jitInit(std::vector<std::string> codeNames) {
  JitGlobals& G = jitGlobals();
  const EnvJitParams& env = jitParamsFromEnv();
  if (!env.error.empty()) {
    std::fprintf(stderr, "%s\n", env.error.c_str());
    std::exit(2);
  }
  G.params = env.params;
  std::string err;
  if (!initLogFromEnv(err)) {
    std::fprintf(stderr, "%s\n", err.c_str());
    std::exit(2);
  }
  G.codeNames = std::move(codeNames);
  gJitOn = !G.params.off;
  ll_jit_set_param_hook = setParamHook;
  G.notInlinable.assign(G.codeNames.size(), 0);
  std::atexit(printSummaryAtExit);
}

// --- TwinCtx --------------------------------------------------------------------------

namespace {
template <class T>
Val<T> quasiRead(TwinCtx& C, Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point) {
  Recorder& R = C.R;
  const FieldDescr& f = R.descrs().field(field);
  uint64_t bits = loadBits(static_cast<const char*>(obj.v) + f.offset, f.kind, f.size, f.isSigned);
  T v = AnyVal::fromBits<T>(bits);
  if (!obj.isConst() || !R.recording()) {
    if constexpr (std::is_same_v<T, int64_t>) return R.getfieldI(obj, field);
    else if constexpr (std::is_same_v<T, double>) return R.getfieldF(obj, field);
    else return R.getfieldR(obj, field);
  }
  R.guardNotInvalidated(live, point);
  if (std::find(C.quasiDeps.begin(), C.quasiDeps.end(), quasi) == C.quasiDeps.end()) C.quasiDeps.push_back(quasi);
  if constexpr (std::is_same_v<T, int64_t>) return R.constInt(v);
  else if constexpr (std::is_same_v<T, double>) return R.constFloat(v);
  else return R.constPtr(v);
}
}  // namespace

Val<int64_t> TwinCtx::quasiI(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point) {
  return quasiRead<int64_t>(*this, obj, field, quasi, live, point);
}
Val<void*> TwinCtx::quasiR(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point) {
  return quasiRead<void*>(*this, obj, field, quasi, live, point);
}
Val<double> TwinCtx::quasiF(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point) {
  return quasiRead<double>(*this, obj, field, quasi, live, point);
}

void quasiWrite(int64_t quasi) {
  JitGlobals& G = jitGlobals();
  auto q = static_cast<size_t>(quasi);
  if (G.recording && std::find(G.recording->quasiDeps.begin(), G.recording->quasiDeps.end(), q) !=
                         G.recording->quasiDeps.end())
    G.recording->R.abort("force quasi-immut: a quasi-immutable field the trace folded was written");
  if (q >= G.quasiDeps.size()) return;
  for (CompiledTrace* t : G.quasiDeps[q]) {
    t->invalidated = true;
    if (t->cell && t->cell->loop == t) t->cell->loop = nullptr;
  }
  G.quasiDeps[q].clear();
}

Val<int64_t> TwinCtx::isInstance(Val<const void*> obj, Val<int64_t> lo, Val<int64_t> hi, Live live, int64_t point) {
  int64_t r = ll_isinstance(obj.v, lo.v, hi.v);
  if (!R.branchNonnull(obj, live, point)) return R.constInt(0);
  R.guardClass(obj, live, point);
  if (lo.isConst() && hi.isConst() && (obj.isConst() || R.recording())) return R.constInt(r);
  return Val<int64_t>(r);  // not traced: a later use aborts the trace
}

bool TwinCtx::inlinable(uint32_t code) const {
  const JitGlobals& G = jitGlobals();
  return code >= G.notInlinable.size() || !G.notInlinable[code];
}

bool TwinCtx::inlinePortal(uint32_t code) const {
  const JitParams& p = jitGlobals().params;
  return p.inlining && portalDepth < p.max_unroll_recursion && inlinable(code);
}

bool TwinCtx::mergePoint(Live greens, Live reds) {
  if (portalDepth > 0) {
    // An inlined recursive portal call: its merge points are positions only.
    if (R.recording()) {
      std::vector<uint64_t> g;
      for (const AnyVal& x : greens) g.push_back(x.bits);
      R.debugMergePoint(D.location(g.data()));
    }
    return false;
  }
  mergeValues.clear();
  for (const AnyVal& g : greens) mergeValues.push_back(g.bits);
  for (const AnyVal& r : reds) mergeValues.push_back(r.bits);
  if (mode == Mode::DEOPT || !R.recording()) return stopped = true;
  // A green that is not a constant here (read from a mutable object, say)
  // is promoted: guard_value on what it is now, resuming just after
  // jit_merge_point with these greens and reds when it differs.
  std::vector<AnyVal> live(greens.begin(), greens.end());
  live.insert(live.end(), reds.begin(), reds.end());
  for (const AnyVal& g : greens)
    if (!g.isConstRef()) R.promoteLive(g, live, D.spec().mergePoint);
  std::span<const uint64_t> key(mergeValues.data(), greens.size());
  if (mode == Mode::LOOP && D.keyOf(key) == D.tracingKey_) {
    R.jumpTo(D.tracingLabel_, reds);
    return stopped = true;
  }
  if (CompiledTrace* loop = D.loopAt(key)) {
    R.jumpTo(loop->label, reds);
    return stopped = true;
  }
  // No loop here: go on tracing through this merge point (a loop closes at
  // its start key; a loop or a bridge ends at any key with a compiled loop;
  // trace_limit ends the rest).
  R.debugMergePoint(D.location(mergeValues.data()));
  return false;
}

// --- JitDriverState -------------------------------------------------------------------

JitDriverState::JitDriverState(DriverSpec spec) : spec_(std::move(spec)) {}

GreenKey JitDriverState::keyOf(std::span<const uint64_t> greens) const {
  GreenKey k;
  for (uint64_t w : greens) k.push(static_cast<int64_t>(w));
  return k;
}

CompiledTrace* JitDriverState::loopAt(std::span<const uint64_t> greens) {
  JitCell* cell = counters_.findCell(keyOf(greens));
  return cell ? static_cast<CompiledTrace*>(cell->loop) : nullptr;
}

std::string JitDriverState::location(const uint64_t* greens) const {
  return spec_.printLocation ? spec_.printLocation(greens) : std::string();
}

JitDriverState::Outcome JitDriverState::enter(uint64_t* values, uint64_t* ret, bool function) {
  JitGlobals& G = jitGlobals();
  if (G.params.off) return Outcome::CONTINUE;
  if (G.params.decay != decay_) counters_.setDecay(decay_ = G.params.decay);
  std::span<const uint64_t> greens(values, spec_.greens.size());
  GreenKey key = keyOf(greens);
  JitCell* cell = counters_.findCell(key);
  if (cell && cell->loop) return runCompiled(static_cast<CompiledTrace*>(cell->loop), values, ret);
  if (G.tracing || G.codeFull || (cell && cell->has(JC_DONT_TRACE_HERE))) return Outcome::CONTINUE;
  if (!counters_.tick(key, thresholdIncrement(function ? G.params.function_threshold : G.params.threshold)))
    return Outcome::CONTINUE;
  return traceLoop(key, values, ret);
}

JitDriverState::Outcome JitDriverState::runTwin(TwinCtx& C, ResumeCursor& rs, uint64_t* values, uint64_t* ret) {
  spec_.portalTwin(C, &rs);
  if (C.stopped) {
    for (size_t k = 0; k < C.mergeValues.size(); k++) values[k] = C.mergeValues[k];
    return Outcome::AT_MERGE_POINT;
  }
  // The portal returned: a trace being recorded ends with finish(result)
  // (recorded by the portal-twin runner; compiled code leaving through it
  // returns from the portal). An exception leaving the portal aborts.
  bool raised = ll_exc_occurred();
  if (raised) C.R.abort("left the portal (an exception escaped it)");
  if (raised) return Outcome::RAISED;
  *ret = C.retBits;
  return Outcome::RETURNED;
}

void JitDriverState::aborted(const Recorder& R, const std::string& what) {
  JitGlobals& G = jitGlobals();
  G.summary.abort(reasonOf(R.abortReason()));
  if (logEnabled(LogCat::JIT_ABORT))
    logLine(LogCat::JIT_ABORT, "abort " + what + " after " + std::to_string(R.trace().ops.size()) +
                                   " ops: " + R.abortReason());
  // LATHE_JIT_ABORT_TRACES=1: also the partial trace (docs/jitgen.md).
  if (logEnabled(LogCat::JIT_ABORT) && std::getenv("LATHE_JIT_ABORT_TRACES"))
    logSection(LogCat::JIT_ABORT, printTrace(R.trace(), G.descrs));
}

namespace {
/// Aborts as too long at one key (or one guard's bridge) before it is given up.
constexpr uint8_t kTooLongRetries = 3;
}  // namespace

void JitDriverState::tooLong(const Recorder& R, std::optional<GreenKey> key, CompiledTrace* from, uint32_t guard) {
  // The inlined function with the biggest single call is no longer
  // inlined (its calls become residual), and tracing retries when the key
  // is hot again — when that one call recorded at least a quarter of
  // trace_limit (a loop unrolled into the trace, a deep recursion). Small
  // helpers called many times (an interpreter's tape or stack accessors)
  // stay inlined: making them residual would slow down every trace. With
  // nothing to disable, the key (or the guard, for a bridge) is tried again
  // when hot — by then loops inside it may have traces, which end a trace
  // early — and given up after kTooLongRetries aborts (the key is not
  // traced, the guard always deoptimises; the loops inside still run
  // compiled).
  JitGlobals& G = jitGlobals();
  uint32_t best = spec_.portalCode;
  size_t most = 0;
  size_t enough = static_cast<size_t>(G.params.trace_limit / 4);
  for (const auto& [code, n] : R.biggestCallByCode())
    if (code != spec_.portalCode && n >= enough && n > most && code < G.notInlinable.size() && !G.notInlinable[code])
      best = code, most = n;
  if (best != spec_.portalCode) {
    G.notInlinable[best] = 1;
    if (logEnabled(LogCat::JIT_ABORT))
      logLine(LogCat::JIT_ABORT, "trace too long: " + G.codeNames[best] + " (" + std::to_string(most) +
                                     " ops) is no longer inlined");
  } else if (key) {
    JitCell& cell = counters_.cell(*key);
    if (++cell.tooLong >= kTooLongRetries) cell.set(JC_DONT_TRACE_HERE);
  } else if (from) {
    if (from->bridgeTooLong.size() <= guard) from->bridgeTooLong.resize(from->trace.guards.size(), 0);
    from->bridgeTooLong[guard]++;
  }
}

void JitDriverState::registerDeps(const TwinCtx& C, CompiledTrace& ct) {
  JitGlobals& G = jitGlobals();
  for (uint32_t q : C.quasiDeps) {
    if (q >= G.quasiDeps.size()) G.quasiDeps.resize(q + 1);
    G.quasiDeps[q].push_back(&ct);
  }
}

bool JitDriverState::accept(Trace& t, const std::string& name) {
  JitGlobals& G = jitGlobals();
  std::vector<TraceError> errs = verify(t, G.descrs);
  if (!errs.empty()) {
    std::string text = printTrace(t, G.descrs);
    fatal("the recorded " + name + " is not a valid trace: op " +
          (errs[0].op == kNoOp ? std::string("-") : std::to_string(errs[0].op)) + ": " + errs[0].message + "\n" +
          text);
  }
  auto guards = [](const Trace& x) {
    uint64_t n = 0;
    for (const TraceOp& op : x.ops) n += isGuard(op.op);
    return n;
  };
  G.summary.recordedOps += t.ops.size();
  G.summary.recordedGuards += guards(t);
  if (logEnabled(LogCat::JIT_LOG_NOOPT))
    logSection(LogCat::JIT_LOG_NOOPT, "# " + name + "\n" + printTrace(t, G.descrs));
  // The optimizer (issue 7): the passes of enable_opts, in pipeline order.
  if (G.params.enable_opts) {
    ScopedTimer timer(G.summary.timeOptimising);
    std::string err;
    OptOptions opts;
    opts.error = &err;
    opts.exactGuardFailures = G.params.fail_guards == 0;  // (fail_guards fails guards whose test passed)
    Trace out = optimize(t, G.descrs, static_cast<uint32_t>(G.params.enable_opts), opts);
    if (!err.empty()) fatal("optimizing " + name + ": " + err);
    t = std::move(out);
    if (logEnabled(LogCat::JIT_LOG_OPT))
      logSection(LogCat::JIT_LOG_OPT, "# " + name + "\n" + printTrace(t, G.descrs));
  }
  G.summary.optimizedOps += t.ops.size();
  G.summary.optimizedGuards += guards(t);
  return true;
}

X86Options JitDriverState::x86Options(CompiledTrace& ct) {
  JitGlobals& G = jitGlobals();
  X86Options options;
  options.invalidated = &ct.invalidated;
  options.owner = &ct;
  options.bridgeCalls = &ct.root->bridgeCalls;
  if (G.params.fail_guards > 0) {
    options.failEvery = static_cast<uint64_t>(G.params.fail_guards);
    options.failCountdown = &G.failCountdown;
    if (G.failCountdown == 0) G.failCountdown = options.failEvery;
  }
  return options;
}

void JitDriverState::compile(CompiledTrace& ct) {
  JitGlobals& G = jitGlobals();
  if (G.params.backend != Backend::X86) return;
  ScopedTimer timer(G.summary.timeCompiling);
  std::string why;
  ct.code = X86Code::compile(ct.trace, G.descrs, &why, x86Options(ct));
  if (ct.code && ct.label != kNoDescr) ct.labelEntry = ct.code->entryOf(ct.label);
  if (ct.code && G.codeBytes + ct.code->codeSize() > static_cast<uint64_t>(G.params.max_code_kb) * 1024) {
    // The cap (issue 6): this trace runs on interp, and nothing more is traced.
    ct.code.reset();
    G.codeFull = true;
    G.summary.codeFullAtKb = static_cast<uint64_t>(G.params.max_code_kb);
    why = "max_code_kb reached";
  }
  if (!ct.code) {
    if (logEnabled(LogCat::JIT_BACKEND)) logLine(LogCat::JIT_BACKEND, ct.name + ": runs on interp (" + why + ")");
    return;
  }
  G.codeBytes += ct.code->codeSize();
  G.summary.codeBytes = G.codeBytes;
  announceCode(ct, ct.name);
}

void JitDriverState::announceCode(const CompiledTrace& ct, const std::string& name) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(ct.code->function())));
  if (logEnabled(LogCat::JIT_BACKEND))
    logLine(LogCat::JIT_BACKEND, name + ": " + std::to_string(ct.code->codeSize()) + " bytes at 0x" + addr);
  if (logEnabled(LogCat::JIT_DISASM))
    logSection(LogCat::JIT_DISASM, "# " + name + "\n" + x86Disassemble(reinterpret_cast<const void*>(ct.code->function()), ct.code->codeSize()));
  // perf's map of JIT code (/tmp/perf-PID.map: "ADDR SIZE NAME", hex), so
  // `perf report` names the time spent in traces.
  static std::FILE* perfMap = [] {
    std::string path = "/tmp/perf-" + std::to_string(static_cast<long>(getpid())) + ".map";
    return std::getenv("LATHE_PERF_MAP") ? std::fopen(path.c_str(), "a") : nullptr;
  }();
  if (perfMap) {
    std::fprintf(perfMap, "%s %zx lathe: %s\n", addr, ct.code->codeSize(), name.c_str());
    std::fflush(perfMap);
  }
}

// Trace trees in one function. A bridge called through its guard's slot costs a
// store of every fail arg, a call, the bridge's loads, and on its jump back a
// store and reload of the label's arguments: where bridges run often (a loop
// whose body branches on data) that is most of the time. So the root of a tree
// (a loop) which has new bridges, and whose bridges were called through their
// slots, since it was compiled, 100 times (tree_calls) per op of the tree, is
// compiled again with every bridge of the tree inlined on its guard's failure
// branch (X86Options::inlined): the fail args stay in registers and the jump
// back is a jump. The driver looks when the code exits to it, or comes back to
// it to jump to another loop. Each time compiles the whole tree again, so only
// small trees (the tree_ops parameter: 1,500 ops in all), only once the bridges
// not yet inlined are half as many as those that are (1, 2, 3, 4, 6, 9, ...: a
// logarithmic number of compiles, however many bridges come), and at most
// kTreeRecompiles times per root. A bridge that does not fit keeps being called
// through its slot.
void JitDriverState::inlineBridges(CompiledTrace& rootRef) {
  constexpr uint32_t kTreeRecompiles = 12;
  JitGlobals& G = jitGlobals();
  const size_t kTreeOps = static_cast<size_t>(G.params.tree_ops);
  CompiledTrace* root = &rootRef;
  root->newBridges = false;
  uint64_t calls = root->bridgeCalls;
  root->bridgeCalls = 0;
  if (!root->code || G.codeFull || root->recompiles >= kTreeRecompiles || root->trace.ops.size() >= kTreeOps) return;
  std::deque<X86InlineBridge> nodes;  // (stable addresses)
  size_t ops = root->trace.ops.size();
  uint32_t count = 0;
  auto hasLabel = [](const Trace& t) {
    return std::any_of(t.ops.begin(), t.ops.end(), [](const TraceOp& o) { return o.op == Op::LABEL; });
  };
  std::function<std::vector<const X86InlineBridge*>(const CompiledTrace&)> tree = [&](const CompiledTrace& t) {
    std::vector<const X86InlineBridge*> byGuard(t.trace.guards.size(), nullptr);
    for (size_t g = 0; g < t.bridges.size(); g++) {
      const CompiledTrace* b = t.bridges[g];
      if (!b || !b->code || hasLabel(b->trace) || ops + b->trace.ops.size() > kTreeOps) continue;
      ops += b->trace.ops.size();
      count++;
      X86InlineBridge& n = nodes.emplace_back();
      n.trace = &b->trace;
      n.code = b->code.get();
      n.byGuard = tree(*b);
      byGuard[g] = &n;
    }
    return byGuard;
  };
  X86Options options = x86Options(*root);
  options.inlined = tree(*root);
  if (count <= root->inlinedBridges || count - root->inlinedBridges < std::max(1u, root->inlinedBridges / 2)) return;
  ScopedTimer timer(G.summary.timeCompiling);
  std::string why;
  std::unique_ptr<X86Code> code = X86Code::compile(root->trace, G.descrs, &why, options);
  if (!code || G.codeBytes + code->codeSize() > static_cast<uint64_t>(G.params.max_code_kb) * 1024) {
    if (logEnabled(LogCat::JIT_BACKEND))
      logLine(LogCat::JIT_BACKEND, root->name + ": keeps its bridges apart (" + (code ? "max_code_kb reached" : why) + ")");
    root->recompiles = kTreeRecompiles;
    return;
  }
  for (size_t g = 0; g < root->bridges.size(); g++)
    if (root->bridges[g] && root->bridges[g]->code) code->attachBridge(static_cast<uint32_t>(g), *root->bridges[g]->code);
  retired_.push_back(std::move(root->code));
  root->code = std::move(code);
  if (root->label != kNoDescr) root->labelEntry = root->code->entryOf(root->label);
  root->inlinedBridges = count;
  root->recompiles++;
  G.summary.treesInlined++;
  G.codeBytes += root->code->codeSize();
  G.summary.codeBytes = G.codeBytes;
  announceCode(*root, root->name + " with " + std::to_string(count) + " bridge" + (count == 1 ? "" : "s") + " inlined (" +
                          std::to_string(ops) + " ops; " + std::to_string(calls) + " bridge calls before)");
}

JitDriverState::Outcome JitDriverState::traceLoop(const GreenKey& key, uint64_t* values, uint64_t* ret) {
  JitGlobals& G = jitGlobals();
  G.tracing = true;
  G.summary.tracing++;
  size_t nG = spec_.greens.size(), nR = spec_.reds.size();
  std::string loc = location(values);
  if (logEnabled(LogCat::JIT_TRACING)) logLine(LogCat::JIT_TRACING, "trace loop at " + loc);
  uint32_t n = G.nextLoop++;
  uint32_t label = G.descrs.add(LoopDescr{"loop" + std::to_string(n), spec_.reds});
  // The peeled loop's label (the unroll pass; its arguments vary).
  G.descrs.add(LoopDescr{"loop" + std::to_string(n) + ".body", std::nullopt, true});
  RecorderOptions ro;
  ro.traceLimit = static_cast<size_t>(G.params.trace_limit);
  Recorder R(G.descrs, ro);
  R.startTrace(spec_.reds, label);
  if (spec_.vableRed >= 0) R.setVable(spec_.vableRed);  // (a bridge's frame is an ordinary object)
  R.enterCode(spec_.portalCode);
  R.debugMergePoint(loc);
  std::vector<Ref> refs;
  for (size_t k = 0; k < nG; k++) refs.push_back(constRef(R, spec_.greens[k], values[k]));
  for (size_t k = 0; k < nR; k++) refs.push_back(Ref::input(static_cast<uint32_t>(k)));
  ResumeFrame f{spec_.portalCode, spec_.mergePoint, static_cast<uint32_t>(nG + nR)};
  ResumeCursor rs({&f, 1}, {values, nG + nR}, refs);
  TwinCtx C(R, *this, TwinCtx::Mode::LOOP);
  G.recording = &C;
  tracingKey_ = key;
  tracingLabel_ = label;
  JitCell& cell = counters_.cell(key);
  cell.set(JC_TRACING);
  Outcome o;
  {
    ScopedTimer t(G.summary.timeTracing);
    o = runTwin(C, rs, values, ret);
  }
  cell.clear(JC_TRACING);
  G.tracing = false;
  G.recording = nullptr;
  if (R.status() == Recorder::Status::CLOSED || R.status() == Recorder::Status::FINISHED) {
    std::string name = "loop " + std::to_string(n) + " at " + loc;
    Trace t = R.takeTrace();
    if (accept(t, name)) {
      CompiledTrace& ct = traces_.emplace_back();
      ct.trace = std::move(t);
      ct.name = name;
      ct.label = label;
      ct.treeOps = ct.trace.ops.size();
      ct.bridges.assign(ct.trace.guards.size(), nullptr);
      ct.failures.assign(ct.trace.guards.size(), 0);
      compile(ct);
      if (label >= labelOwner_.size()) labelOwner_.resize(label + 1, nullptr);
      labelOwner_[label] = &ct;
      ct.cell = &counters_.cell(key);
      ct.cell->loop = &ct;
      registerDeps(C, ct);
      G.summary.loops++;
    }
  } else {
    aborted(R, "loop at " + loc);
    counters_.reset(key);
    if (reasonOf(R.abortReason()) == AbortReason::TOO_LONG) tooLong(R, key);
  }
  return o;
}

JitDriverState::Outcome JitDriverState::deoptimise(const CompiledTrace& from, uint32_t guard, const RootTable& values,
                                                   uint64_t* out, uint64_t* ret) {
  JitGlobals& G = jitGlobals();
  Recorder R(G.descrs);
  R.computeOnly();
  const GuardDescr& g = from.trace.guards[guard];
  if (g.frames.empty()) fatal("guard " + g.name + " of " + from.name + " has no resume data");
  ResumeCursor rs(g.frames, {values.data(), values.size()}, {});
  TwinCtx C(R, *this, TwinCtx::Mode::DEOPT);

  return runTwin(C, rs, out, ret);
}

JitDriverState::Outcome JitDriverState::traceBridge(CompiledTrace& from, uint32_t guard, const RootTable& raw,
                                                    const RootTable& values, uint64_t* out, uint64_t* ret) {
  JitGlobals& G = jitGlobals();
  const GuardDescr& g = from.trace.guards[guard];
  if (g.frames.empty()) fatal("guard " + g.name + " of " + from.name + " has no resume data");
  G.tracing = true;
  G.summary.tracing++;
  std::string name = "bridge of " + from.name + " guard " + g.name;
  if (logEnabled(LogCat::JIT_TRACING)) logLine(LogCat::JIT_TRACING, "trace " + name);
  // The inputs are every fail arg as the guard hands them over (`raw`:
  // a virtual's placeholder, the virtuals' fields); the bridge allocates
  // the virtuals and redoes the writes itself (Recorder::bridgePrologue),
  // so the guard can be patched to it. `values` are the frames' values,
  // materialised, for the interpreter that runs while it is traced.
  std::vector<Kind> kinds;
  for (Ref a : g.failArgs) kinds.push_back(a.isVirtual() ? Kind::REF : from.trace.kindOf(a));
  RecorderOptions ro;
  ro.traceLimit = static_cast<size_t>(G.params.trace_limit);
  Recorder R(G.descrs, ro);
  R.startTrace(kinds, kNoDescr);
  R.enterCode(spec_.portalCode);
  std::vector<Ref> all;
  for (size_t k = 0; k < kinds.size(); k++) {
    Ref a = g.failArgs[k];
    all.push_back(a.isVirtual() ? Ref{} : a.isConst() ? constRef(R, kinds[k], raw[k]) : Ref::input(static_cast<uint32_t>(k)));
  }
  std::vector<Ref> refs = R.bridgePrologue(g, all);
  ResumeCursor rs(g.frames, {values.data(), values.size()}, refs);
  TwinCtx C(R, *this, TwinCtx::Mode::BRIDGE);
  G.recording = &C;
  Op failed = Op::GUARD_TRUE;
  for (const TraceOp& op : from.trace.ops)
    if (isGuard(op.op) && op.descr == guard) failed = op.op;
  if (failed == Op::GUARD_NO_EXCEPTION || failed == Op::GUARD_EXCEPTION) {
    // The bridge starts in the exception state it is traced in (a call
    // raised, or fail_guards failed the guard with nothing pending).
    bool pending = ll_exc_occurred();
    C.excValue = R.catchPending(refs, g.frames, g.tag);
    if (pending) C.excType = R.constPtr(ll_exc_type);
  }
  Outcome o;
  {
    ScopedTimer t(G.summary.timeTracing);
    o = runTwin(C, rs, out, ret);
  }
  G.tracing = false;
  G.recording = nullptr;
  from.failures[guard] = 0;
  if (R.status() == Recorder::Status::CLOSED || R.status() == Recorder::Status::FINISHED) {
    Trace t = R.takeTrace();
    if (accept(t, name)) {
      CompiledTrace& ct = traces_.emplace_back();
      ct.trace = std::move(t);
      ct.name = name;
      ct.bridges.assign(ct.trace.guards.size(), nullptr);
      ct.failures.assign(ct.trace.guards.size(), 0);
      ct.parent = &from;
      ct.root = from.root;
      compile(ct);
      from.bridges[guard] = &ct;
      // Patch the guard's exit so machine code goes straight into the
      // bridge (which takes the guard's fail args as they are); the root
      // may compile it in later (inlineBridges).
      if (from.code && ct.code) {
        from.code->attachBridge(guard, *ct.code);
        ct.root->newBridges = true;
        ct.root->treeOps += ct.trace.ops.size();
      }
      registerDeps(C, ct);
      G.summary.bridges++;
    }
  } else {
    aborted(R, name);
    if (reasonOf(R.abortReason()) == AbortReason::TOO_LONG) tooLong(R, std::nullopt, &from, guard);
  }
  return o;
}

JitDriverState::Outcome JitDriverState::runCompiled(CompiledTrace* loop, uint64_t* values, uint64_t* ret) {
  JitGlobals& G = jitGlobals();
  size_t nG = spec_.greens.size(), nR = spec_.reds.size();
  CompiledTrace* cur = loop;
  uint32_t label = loop->label;
  RootTable in(nR);  // GC-visible while the trace runs
  for (size_t k = 0; k < nR; k++) in[k] = values[nG + k];
  InterpOptions opts;
  opts.failGuards = static_cast<uint64_t>(G.params.fail_guards);
  opts.guardChecks = &G.guardChecks;
  for (;;) {
    CompiledTrace* exited = cur;  // the trace whose exit is handled below
    InterpResult r;
    if (cur->code) {
      // Machine code, in a frame of the frame stack (a residual call in the
      // trace may enter the portal again); jumps between loops with machine
      // code and patched bridges stay in the inner loop.
      if (frameDepth_ == frames_.size()) frames_.push_back(std::make_unique<RootTable>(kX86FrameHeader + kX86FrameCap));
      RootTable& frame = *frames_[frameDepth_++];
      uint64_t* f = &frame[kX86FrameHeader];
      for (size_t k = 0; k < in.size(); k++) f[k] = in[k];
      uint32_t entry = label == kNoDescr ? 0 : cur->code->entryOf(label);
      uint32_t code;
      const X86Code* who;
      // A tree whose bridges run often is compiled again with them inlined
      // (inlineBridges); looked at whenever its code comes back here, also
      // on a jump to another loop (loops that jump to each other may never
      // leave machine code otherwise).
      auto maybeInline = [&G](const X86Code* w) {
        const CompiledTrace* root = static_cast<const CompiledTrace*>(w->owner())->root;
        return root->newBridges && root->bridgeCalls >= static_cast<uint64_t>(G.params.tree_calls) * root->treeOps;
      };
      for (;;) {
        code = cur->code->function()(f, entry);
        who = reinterpret_cast<const X86Code*>(f[-1]);
        if (code != kX86ExitJump) break;
        if (maybeInline(who)) inlineBridges(*static_cast<CompiledTrace*>(who->owner())->root);
        label = static_cast<uint32_t>(f[-2]);
        cur = ownerOf(label);
        if (!cur)
          fatal(static_cast<CompiledTrace*>(who->owner())->name + " jumps to an unknown loop " + G.descrs.name(label));
        if (!cur->code) break;
        entry = cur->labelEntry;
      }
      frameDepth_--;
      exited = static_cast<CompiledTrace*>(who->owner());
      if (maybeInline(who)) inlineBridges(*exited->root);
      if (code == kX86ExitJump) {  // into a loop that runs on interp
        in = RootTable(who->exitNumArgs());
        for (size_t k = 0; k < in.size(); k++) in[k] = f[k];
        continue;
      }
      if (code == kX86ExitFinish) {
        r.exit = InterpResult::Exit::FINISH;
        if (who->exitNumArgs()) r.values.push(f[0]);
      } else if (code & kX86ExitError) {
        fatal("running " + exited->name + ": " + who->errorText(code, f));
      } else {
        r.exit = InterpResult::Exit::GUARD_FAILED;
        r.guard = code;
        for (uint32_t k = 0; k < who->guardNumArgs(code); k++) r.values.push(f[k]);
      }
    } else {
      opts.invalidated = &cur->invalidated;
      std::span<const Value> inputs(reinterpret_cast<const Value*>(in.data()), in.size());
      r = label == kNoDescr ? runTrace(cur->trace, G.descrs, inputs, opts)
                            : runTraceFromLabel(cur->trace, G.descrs, label, inputs, opts);
    }
    switch (r.exit) {
      case InterpResult::Exit::JUMP: {
        CompiledTrace* owner = ownerOf(r.label);
        if (!owner) fatal(cur->name + " jumps to an unknown loop " + G.descrs.name(r.label));
        cur = owner;
        label = r.label;
        in = std::move(r.values);
        continue;
      }
      case InterpResult::Exit::FINISH:
        // The portal returned (finish carries its result, if any).
        *ret = r.values.empty() ? 0 : r.values[0];
        return Outcome::RETURNED;
      case InterpResult::Exit::GUARD_FAILED: {
        // (Failures that go into a patched bridge never get here.)
        G.summary.guardFailures++;
        uint32_t g = r.guard;
        if (CompiledTrace* b = exited->bridges[g]) {  // a bridge not patched in (interp): the fail args as they are
          cur = b;
          label = kNoDescr;
          in = std::move(r.values);
          continue;
        }
        // Virtuals in the resume data become objects: from here on the
        // values are the frames' (deoptimisation, tracing a bridge).
        RootTable raw = r.values;
        materializeVirtuals(exited->trace.guards[g], G.descrs, r.values);
        bool bridgeGivenUp = g < exited->bridgeTooLong.size() && exited->bridgeTooLong[g] >= kTooLongRetries;
        if (!G.tracing && !G.codeFull && !bridgeGivenUp && G.params.trace_eagerness > 0 &&
            ++exited->failures[g] >= static_cast<uint64_t>(G.params.trace_eagerness))
          return traceBridge(*exited, g, raw, r.values, values, ret);
        return deoptimise(*exited, g, r.values, values, ret);
      }
      case InterpResult::Exit::ERROR:
        fatal("running " + cur->name + ": " + r.error);
    }
  }
}

}  // namespace lathe::jit
