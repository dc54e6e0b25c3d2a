// Tests of runtime/jit/x86/ beyond single ops (x86_test.cpp): bridges
// patched into guards (the loop goes on through the bridge in machine
// code), exits marked with the code that took them, guard_not_invalidated,
// fail_guards in machine code, the frame cap, and the GC while compiled
// code runs (objects reachable only from trace values survive).
#include <gtest/gtest.h>
#include <memory>
#include <sstream>
#include <string>
#include <vector>
#include "jit/interp.h"
#include "jit/trace_text.h"
#include "jit/x86/x86backend.h"
#include "jit_test_util.h"
#include "llgc.h"

using namespace jit_test;
using Exit = InterpResult::Exit;

namespace {

/// Forces a full collection and leaves garbage behind (the GC stress call).
int64_t gCollections = 0;
void collectAndLitter(int64_t n) {
  ll_gc_collect();
  gCollections++;
  for (int64_t k = 0; k < n; k++) static_cast<Frame*>(ll_malloc(sizeof(Frame)))->acc = -1;
}

DescrTable makeBridgeDescrs() {
  DescrTable d = makeDescrs();
  d.add(CallDescr{"collect", fnPtr(collectAndLitter), {Kind::INT}, Kind::VOID, {false, false}});
  // Loops with signatures, so bridges (separate traces) can jump to them.
  d.add(LoopDescr{"sumloop", std::vector<Kind>{Kind::INT, Kind::INT}});
  d.add(LoopDescr{"listloop", std::vector<Kind>{Kind::INT, Kind::REF}});
  d.add(LoopDescr{"sumbody", std::vector<Kind>{Kind::INT, Kind::INT}});  // a peeled loop's label
  d.add(LoopDescr{"listbody", std::nullopt, true});  // unroll's peeled label
  return d;
}

const DescrTable& bd() {
  static const DescrTable d = makeBridgeDescrs();
  return d;
}

Trace parse(const std::string& text) {
  ParseResult r = parseTrace(text, bd());
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

std::unique_ptr<X86Code> compileOk(const Trace& t, const X86Options& o = {}) {
  std::string why;
  auto code = X86Code::compile(t, bd(), &why, o);
  EXPECT_TRUE(code) << why;
  return code;
}

// A loop summing i for i = n..1 whose guard fails on every multiple of 3;
// the bridge adds 100 more and jumps back to the loop's label.
const char* kLoop = R"([i0, i1]
label(i0, i1, descr=sumloop)
i2 = int_mod(i0, 3)
i3 = int_ne(i2, 0)
guard_true(i3, descr=g0) [i0, i1, i3]
i4 = int_add(i1, i0)
i5 = int_sub(i0, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=g1) [i5, i4]
jump(i5, i4, descr=sumloop)
)";
const char* kBridge = R"([i0, i1, i2]
i3 = int_add(i1, i0)
i4 = int_add(i3, 100)
i5 = int_sub(i0, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=g0) [i5, i4, i2]
jump(i5, i4, descr=sumloop)
)";

int64_t expectedSum(int64_t n) {
  int64_t s = 0;
  for (int64_t i = n; i > 0; i--) s += i + (i % 3 == 0 ? 100 : 0);
  return s;
}

}  // namespace

// Without a bridge the guard's failure leaves with its fail args (the
// fused compare's boolean stored as the constant it had: 0).
TEST(X86Bridge, UnpatchedGuardLeaves) {
  Trace loop = parse(kLoop);
  auto code = compileOk(loop);
  ASSERT_TRUE(code);
  InterpResult r = code->run(std::vector<Value>{Value::i(7), Value::i(0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(r.guard, 0u);
  EXPECT_EQ(r.value(0).asInt(), 6);
  EXPECT_EQ(r.value(1).asInt(), 7);
  EXPECT_EQ(r.value(2).asInt(), 0);
  InterpResult w = runTrace(loop, bd(), std::vector<Value>{Value::i(7), Value::i(0)});
  EXPECT_EQ(w.value(2).asInt(), 0);
}

// Patched: every failure of g0 runs the bridge, which jumps back into the
// loop; the run ends at the loop's other guard, counted over all of it.
TEST(X86Bridge, PatchedBridgeJumpsBackIntoTheLoop) {
  Trace loop = parse(kLoop), bridge = parse(kBridge);
  auto code = compileOk(loop);
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(code && bcode);
  code->attachBridge(0, *bcode);
  for (int64_t n : {1, 2, 3, 4, 10, 1000, 100000}) {
    InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::i(0)});
    ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << n;
    // The last iteration (i = 1, not a multiple of 3) runs in the loop,
    // which leaves through g1 with the whole sum.
    EXPECT_EQ(r.value(1).asInt(), expectedSum(n)) << n;
    EXPECT_EQ(r.value(0).asInt(), 0) << n;
    EXPECT_EQ(r.guard, 1u) << n;
  }
}

// Every exit writes frame[-1] with the code that took it, so a failure in
// the bridge is reported as the bridge's guard, with the bridge's values.
TEST(X86Bridge, ExitsSayWhichCodeTookThem) {
  Trace loop = parse(kLoop), bridge = parse(kBridge);
  auto code = compileOk(loop);
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(code && bcode);
  code->attachBridge(0, *bcode);
  uint64_t frame[kX86FrameHeader + kX86FrameCap] = {};
  uint64_t* f = frame + kX86FrameHeader;
  f[0] = 3;  // 3 is a multiple of 3: the bridge runs first, then i = 2, 1
  f[1] = 0;
  uint32_t exit = code->function()(f, 1);  // entry 1: the label
  EXPECT_EQ(exit, 1u);                     // the loop's g1 (i reached 0)
  EXPECT_EQ(f[-1], reinterpret_cast<uint64_t>(code.get()));
  f[0] = 6;  // 6, 5, 4, 3 (bridge ... ), 2, 1
  f[1] = 0;
  code->function()(f, 1);
  EXPECT_EQ(f[1], static_cast<uint64_t>(expectedSum(6)));
  f[0] = 3;  // the bridge on its own: it has no label sumloop, so its jump leaves
  f[1] = 0;
  f[2] = 0;
  uint32_t bexit = bcode->function()(f, 0);
  EXPECT_EQ(bexit, kX86ExitJump);  // the bridge alone cannot reach loop0: it leaves
  EXPECT_EQ(f[-1], reinterpret_cast<uint64_t>(bcode.get()));
  EXPECT_EQ(f[-2], *bd().find("sumloop"));
  EXPECT_EQ(f[0], 2u);
  EXPECT_EQ(f[1], 103u);
}

// A bridge that jumps to a label of another trace leaves through the
// guard that called it, as a jump to that label.
TEST(X86Bridge, BridgeToAnotherLoopLeavesAsAJump) {
  Trace loop = parse(kLoop);
  Trace bridge = parse(R"([i0, i1, i2]
p3 = same_as_r(ConstPtr(null))
jump(i0, p3, descr=outer)
)");
  auto code = compileOk(loop);
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(code && bcode);
  code->attachBridge(0, *bcode);
  uint64_t frame[kX86FrameHeader + kX86FrameCap] = {};
  uint64_t* f = frame + kX86FrameHeader;
  f[0] = 5;
  f[1] = 0;
  EXPECT_EQ(code->function()(f, 1), kX86ExitJump);
  EXPECT_EQ(f[-1], reinterpret_cast<uint64_t>(bcode.get()));
  EXPECT_EQ(f[-2], *bd().find("outer"));
  EXPECT_EQ(f[0], 3u);  // 5, 4 in the loop, then 3 fails g0
}

// A loop trace shaped as unroll leaves it: the preamble (label sumloop)
// and the peeled loop (label sumbody), with `filler` guards that never fail
// in front of each, then kLoop's body in the peeled loop (guards g0, g1).
std::string peeledLoop(int filler) {
  std::string t = "[i0, i1]\nlabel(i0, i1, descr=sumloop)\n";
  int v = 2, g = 2;
  auto fill = [&](const std::string& x, const std::string& y) {
    for (int k = 0; k < filler; k++) {
      std::string c = "i" + std::to_string(v++);
      t += c + " = int_lt(" + x + ", " + std::to_string(1000000000 + k) + ")\n";
      t += "guard_true(" + c + ", descr=g" + std::to_string(g++) + ") [" + x + ", " + y + "]\n";
    }
  };
  fill("i0", "i1");
  std::string a = "i" + std::to_string(v++), b = "i" + std::to_string(v++);
  t += a + " = same_as_i(i0)\n" + b + " = same_as_i(i1)\n";
  t += "label(" + a + ", " + b + ", descr=sumbody)\n";
  fill(a, b);
  std::string m = "i" + std::to_string(v++), ne = "i" + std::to_string(v++), s = "i" + std::to_string(v++),
              n = "i" + std::to_string(v++), gt = "i" + std::to_string(v++);
  t += m + " = int_mod(" + a + ", 3)\n" + ne + " = int_ne(" + m + ", 0)\n";
  t += "guard_true(" + ne + ", descr=g0) [" + a + ", " + b + ", " + ne + "]\n";
  t += s + " = int_add(" + b + ", " + a + ")\n" + n + " = int_sub(" + a + ", 1)\n";
  t += gt + " = int_gt(" + n + ", 0)\n";
  t += "guard_true(" + gt + ", descr=g1) [" + n + ", " + s + "]\n";
  t += "jump(" + n + ", " + s + ", descr=sumbody)\n";
  return t;
}

// Every guard's stub ends in one shared tail that calls the bridge in the
// guard's slot and dispatches its jump back to this trace's labels. A
// guard far from the tail (stubs are emitted in batches) reaches it, and
// its bridge goes on at either label.
TEST(X86Bridge, BridgesOfAPeeledLoopJumpBackToEitherLabel) {
  Trace loop = parse(peeledLoop(100));
  auto code = compileOk(loop);
  ASSERT_TRUE(code);
  for (const char* target : {"sumbody", "sumloop"}) {
    std::string b = kBridge;
    b.replace(b.find("descr=sumloop"), 13, std::string("descr=") + target);
    auto bcode = compileOk(parse(b));
    ASSERT_TRUE(bcode);
    uint32_t g0 = 0;
    while (loop.guards[g0].name != "g0") g0++;
    code->attachBridge(g0, *bcode);
    for (int64_t n : {3, 10, 1000}) {
      InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::i(0)});
      ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << target << " " << n;
      EXPECT_EQ(loop.guards[r.guard].name, "g1") << target << " " << n;
      EXPECT_EQ(r.value(0).asInt(), 0) << target << " " << n;
      EXPECT_EQ(r.value(1).asInt(), expectedSum(n)) << target << " " << n;
    }
  }
  // Unpatched guards of both loops leave with their own index and values.
  auto fresh = compileOk(loop);
  InterpResult r = fresh->run(std::vector<Value>{Value::i(2000000000), Value::i(5)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(loop.guards[r.guard].name, "g2");
  EXPECT_EQ(r.value(0).asInt(), 2000000000);
  EXPECT_EQ(r.value(1).asInt(), 5);
  r = fresh->run(std::vector<Value>{Value::i(6), Value::i(0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(loop.guards[r.guard].name, "g0");
  EXPECT_EQ(r.value(0).asInt(), 6);
}

// A guard's stub stores its fail args and jumps to the shared tail; it
// used to carry its own copy of the bridge call and of the dispatch to
// every label — several blocks and registers per guard, which made
// asmjit's register allocation, and so the compile time of a long trace,
// grow quadratically: a 6,800-op Python VM loop (two labels, ~4,000
// guards) took over 20 s to compile and class_arith_dunders.py seemed to
// hang at threshold=1. The code per guard is now small, and a trace of
// 4,000 ops with two labels compiles in a fraction of the time.
TEST(X86Bridge, GuardStubsShareTheBridgeCall) {
  auto size = [](int filler) {
    auto code = compileOk(parse(peeledLoop(filler)));
    return code ? code->codeSize() : 0;
  };
  size_t perGuard = (size(200) - size(100)) / 200;  // 100 more guards in each loop
  EXPECT_LT(perGuard, 48u);  // the test and branch, two stores, the jump to the tail: ~31 (was 154)
  // A long peeled loop (~4,000 ops) compiles. (Its compile time, 4.3 s of
  // CPU before the shared tail and ~0.05 s after, is a figure for
  // bench/, not an assertion: tests assert no timings.)
  Trace big = parse(peeledLoop(1000));
  EXPECT_TRUE(compileOk(big)) << "compiling " << big.ops.size() << " ops";
}

// Inlined (X86Options::inlined), a bridge is part of the loop's function:
// the guard's failure branch runs the bridge's instructions and its jump
// back is a jump in the same code — no slot is patched, and the result is
// the patched bridge's. Its exits are still its own: a failure of its
// guard is reported with its code (frame[-1]), index and values.
TEST(X86Bridge, InlinedBridgeRunsInTheLoopsFunction) {
  Trace loop = parse(kLoop), bridge = parse(kBridge);
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(bcode);
  X86InlineBridge node{&bridge, bcode.get(), std::vector<const X86InlineBridge*>(bridge.guards.size())};
  X86Options o;
  o.inlined.assign(loop.guards.size(), nullptr);
  o.inlined[0] = &node;
  auto code = compileOk(loop, o);
  ASSERT_TRUE(code);
  for (int64_t n : {1, 2, 3, 4, 10, 1000, 100000}) {
    InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::i(0)});
    ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << n;
    EXPECT_EQ(r.guard, 1u) << n;
    EXPECT_EQ(r.value(0).asInt(), 0) << n;
    EXPECT_EQ(r.value(1).asInt(), expectedSum(n)) << n;
  }
  // From 0: g0 fails at once (0 is a multiple of 3) and the bridge's own
  // guard fails (0 - 1 is not > 0): the bridge's exit, with its values.
  uint64_t frame[kX86FrameHeader + kX86FrameCap] = {};
  uint64_t* f = frame + kX86FrameHeader;
  EXPECT_EQ(code->function()(f, 1), 0u);
  EXPECT_EQ(f[-1], reinterpret_cast<uint64_t>(bcode.get()));
  EXPECT_EQ(static_cast<int64_t>(f[0]), -1);
  EXPECT_EQ(f[1], 100u);
  EXPECT_EQ(f[2], 0u);  // the loop's fused boolean, passed through the bridge
  // A bridge attached to the inlined bridge's guard later is called from
  // the inlined copy (through the bridge's own slots).
  Trace sub = parse("[i0, i1, i2]\nfinish(i1)\n");
  auto scode = compileOk(sub);
  ASSERT_TRUE(scode);
  bcode->attachBridge(0, *scode);
  InterpResult r = code->run(std::vector<Value>{Value::i(0), Value::i(5)});
  ASSERT_EQ(r.exit, Exit::FINISH);
  EXPECT_EQ(r.value(0).asInt(), 105);
}

// Bridges of inlined bridges inline too (a tree of traces in one
// function); an error in an inlined bridge is the bridge's, in its words.
TEST(X86Bridge, BridgesOfInlinedBridgesInlineAndKeepTheirExits) {
  Trace loop = parse(kLoop), bridge = parse(kBridge);
  Trace sub = parse(R"([i0, i1, i2]
i3 = int_eq(i1, 100)
guard_false(i3, descr=g0) [i1]
finish(i1)
)");
  Trace bad = parse(R"([i0]
p1 = same_as_r(ConstPtr(null))
i2 = getfield_i(p1, descr=Frame.acc)
finish(i2)
)");
  auto bcode = compileOk(bridge), scode = compileOk(sub), badcode = compileOk(bad);
  ASSERT_TRUE(bcode && scode && badcode);
  X86InlineBridge badNode{&bad, badcode.get(), {}};
  X86InlineBridge subNode{&sub, scode.get(), {&badNode}};
  X86InlineBridge node{&bridge, bcode.get(), {&subNode}};
  X86Options o;
  o.inlined = {&node, nullptr};
  auto code = compileOk(loop, o);
  ASSERT_TRUE(code);
  InterpResult r = code->run(std::vector<Value>{Value::i(0), Value::i(5)});  // loop g0, bridge g0, sub finishes
  ASSERT_EQ(r.exit, Exit::FINISH);
  EXPECT_EQ(r.value(0).asInt(), 105);
  r = code->run(std::vector<Value>{Value::i(0), Value::i(0)});  // ... sub's g0 fails: `bad` runs
  ASSERT_EQ(r.exit, Exit::ERROR);
  EXPECT_EQ(r.error, runTrace(bad, bd(), std::vector<Value>{Value::i(100)}).error);
  EXPECT_EQ(r.error, "op 1 (getfield_i): null object reading Frame.acc");
}

/// A loop compiled with `bridge` inlined at its guard named `guard`; the
/// bridge's own code goes to *bcode (it must outlive the loop's).
static std::unique_ptr<X86Code> withInlinedBridge(const Trace& loop, const std::string& guard, const Trace& bridge,
                                                  std::unique_ptr<X86Code>* bcode, std::unique_ptr<X86InlineBridge>* node) {
  *bcode = compileOk(bridge);
  if (!*bcode) return nullptr;
  *node = std::make_unique<X86InlineBridge>(
      X86InlineBridge{&bridge, bcode->get(), std::vector<const X86InlineBridge*>(bridge.guards.size())});
  X86Options o;
  o.inlined.assign(loop.guards.size(), nullptr);
  for (size_t g = 0; g < loop.guards.size(); g++)
    if (loop.guards[g].name == guard) o.inlined[g] = node->get();
  return compileOk(loop, o);
}

/// A Frame whose `small` field (an int32) is `v`.
static Frame* frameWithSmall(int32_t v) {
  auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  f->typeptr = &kFrameVtable;
  f->small = v;
  return f;
}

/// Reads of a DWORD in `code` (Frame.small is the only one the tests read).
static size_t dwordReads(const X86Code& code) {
  std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code.function()), code.codeSize());
  std::istringstream lines(disasm);
  size_t n = 0;
  for (std::string line; std::getline(lines, line);)
    n += line.find("movsxd") != std::string::npos && line.find(",DWORD PTR") != std::string::npos;
  return n;
}

// An inlined bridge starts with what its loop knew at the guard: a field
// the loop had read, of an object the guard passes, and that nothing has
// written since, is taken from the loop's register (no load, no null
// check). After the bridge's own write to that field it is read again. An
// ovf op between the read and the guard writes no memory and changes
// nothing (it once made the loop forget its reads).
TEST(X86Bridge, InlinedBridgeTakesFieldsItsLoopRead) {
  for (bool ovf : {false, true}) {
    std::string text = R"([i0, p1]
label(i0, p1, descr=listloop)
i2 = getfield_i(p1, descr=Frame.small)
i3 = int_add(i2, i0)
)";
    if (ovf) text += "i8 = int_add_ovf(i0, 7)\nguard_no_overflow(descr=g2) [i0, p1]\n";
    text += R"(i4 = int_mod(i0, 3)
i5 = int_ne(i4, 0)
guard_true(i5, descr=g0) [i0, p1]
setfield(p1, i3, descr=Frame.small)
i6 = int_sub(i0, 1)
i7 = int_gt(i6, 0)
guard_true(i7, descr=g1) [i6, p1]
jump(i6, p1, descr=listloop)
)";
    Trace loop = parse(text);
    Trace bridge = parse(R"([i0, p1]
i2 = getfield_i(p1, descr=Frame.small)
i3 = int_add(i2, 100)
setfield(p1, i3, descr=Frame.small)
i4 = getfield_i(p1, descr=Frame.small)
i5 = int_add(i4, 1)
setfield(p1, i5, descr=Frame.small)
i6 = int_sub(i0, 1)
i7 = int_gt(i6, 0)
guard_true(i7, descr=g0) [i6, p1]
jump(i6, p1, descr=listloop)
)");
    std::unique_ptr<X86Code> bcode;
    std::unique_ptr<X86InlineBridge> node;
    auto code = withInlinedBridge(loop, "g0", bridge, &bcode, &node);
    ASSERT_TRUE(code);
    for (int64_t n : {1, 2, 3, 10, 1000}) {
      Frame* f = frameWithSmall(5);
      InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::r(f)});
      ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << n;
      int64_t want = 5;
      for (int64_t i = n; i > 0; i--) want += i % 3 ? i : 101;
      EXPECT_EQ(f->small, want) << n;
    }
    // One read in the loop, one in the bridge (after its write): the
    // bridge's first read is the loop's register. (Frame.small, an int32,
    // is the only DWORD the code reads.)
    std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
    if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
    EXPECT_EQ(dwordReads(*code), 2u) << ovf << "\n" << disasm;
  }
}

// An inlined bridge's inputs come from its guard's fail args; one it never
// reads (a constant where it was traced: the bridge uses the constant) is
// not materialised. Here a float and a pointer constant: nothing else in
// the function touches an XMM register.
TEST(X86Bridge, InlinedBridgeSkipsInputsItNeverReads) {
  Trace loop = parse(R"([i0, p1]
label(i0, p1, descr=listloop)
i2 = int_mod(i0, 3)
i3 = int_ne(i2, 0)
guard_true(i3, descr=g0) [i0, p1, 2.5, ConstPtr(null)]
i4 = int_sub(i0, 1)
i5 = int_gt(i4, 0)
guard_true(i5, descr=g1) [i4, p1]
jump(i4, p1, descr=listloop)
)");
  Trace bridge = parse(R"([i0, p1, f2, p3]
i4 = getfield_i(p1, descr=Frame.small)
i5 = int_add(i4, 1)
setfield(p1, i5, descr=Frame.small)
i6 = int_sub(i0, 1)
i7 = int_gt(i6, 0)
guard_true(i7, descr=g0) [i6, p1]
jump(i6, p1, descr=listloop)
)");
  std::unique_ptr<X86Code> bcode;
  std::unique_ptr<X86InlineBridge> node;
  auto code = withInlinedBridge(loop, "g0", bridge, &bcode, &node);
  ASSERT_TRUE(code);
  for (int64_t n : {1, 3, 10, 100}) {
    Frame* f = frameWithSmall(0);
    InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::r(f)});
    ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << n;
    EXPECT_EQ(f->small, n / 3) << n;
  }
  std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
  if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
  EXPECT_EQ(disasm.find("xmm"), std::string::npos) << disasm;
}

// Past a peeled loop's label (entered only from the preamble and its own
// jump), a field read in the preamble stays known when the object and the
// value are arguments the jump passes back unchanged and the loop writes no
// such field; an inlined bridge of the loop then takes it from there. If
// the loop writes the field (here after the guard: the next iteration's
// guard would otherwise see the preamble's stale value), the bridge reads
// memory.
TEST(X86Bridge, InlinedBridgeTakesFieldsReadBeforeThePeeledLabel) {
  for (bool loopWrites : {false, true}) {
    std::string text = R"([i0, p1]
label(i0, p1, descr=listloop)
i2 = getfield_i(p1, descr=Frame.small)
i3 = int_gt(i0, 0)
guard_true(i3, descr=g0) [i0, p1]
label(i0, p1, i2, descr=listbody)
i4 = int_mod(i0, 3)
i5 = int_ne(i4, 0)
guard_true(i5, descr=g1) [i0, p1]
WRITE
i6 = int_sub(i0, 1)
i7 = int_gt(i6, 0)
guard_true(i7, descr=g2) [i6, p1]
jump(i6, p1, i2, descr=listbody)
)";
    text.replace(text.find("WRITE"), 5, loopWrites ? "setfield(p1, i0, descr=Frame.small)" : "");
    Trace loop = parse(text);
    Trace bridge = parse(R"([i0, p1]
i2 = getfield_i(p1, descr=Frame.small)
i3 = int_add(i2, i0)
finish(i3)
)");
    std::unique_ptr<X86Code> bcode;
    std::unique_ptr<X86InlineBridge> node;
    auto code = withInlinedBridge(loop, "g1", bridge, &bcode, &node);
    ASSERT_TRUE(code);
    for (int64_t n : {3, 5, 10}) {
      Frame* f = frameWithSmall(7);
      InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::r(f)});
      ASSERT_EQ(r.exit, Exit::FINISH) << loopWrites << " " << n;
      int64_t i = n - n % 3;  // the first multiple of 3 the loop meets, after writing i + 1
      EXPECT_EQ(r.value(0).asInt(), (loopWrites && i != n ? i + 1 : 7) + i) << loopWrites << " " << n;
    }
    std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
    if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
    EXPECT_EQ(dwordReads(*code), loopWrites ? 2u : 1u) << loopWrites << "\n" << disasm;
  }
}

// A peeled loop's bridge that jumps back to the peeled label enters it as
// any entry from outside: through the checks of the facts the loop keeps.
TEST(X86Bridge, InlinedBridgesJumpBackToEitherLabel) {
  Trace loop = parse(peeledLoop(3));
  uint32_t g0 = 0;
  while (loop.guards[g0].name != "g0") g0++;
  for (const char* target : {"sumbody", "sumloop"}) {
    std::string b = kBridge;
    b.replace(b.find("descr=sumloop"), 13, std::string("descr=") + target);
    Trace bridge = parse(b);
    auto bcode = compileOk(bridge);
    ASSERT_TRUE(bcode);
    X86InlineBridge node{&bridge, bcode.get(), std::vector<const X86InlineBridge*>(bridge.guards.size())};
    X86Options o;
    o.inlined.assign(loop.guards.size(), nullptr);
    o.inlined[g0] = &node;
    auto code = compileOk(loop, o);
    ASSERT_TRUE(code);
    for (int64_t n : {3, 10, 1000}) {
      InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::i(0)});
      ASSERT_EQ(r.exit, Exit::GUARD_FAILED) << target << " " << n;
      EXPECT_EQ(loop.guards[r.guard].name, "g1") << target << " " << n;
      EXPECT_EQ(r.value(1).asInt(), expectedSum(n)) << target << " " << n;
    }
  }
}

TEST(X86Bridge, GuardNotInvalidatedReadsTheFlag) {
  Trace t = parse("[i0]\nguard_not_invalidated(descr=g0) [i0]\ni1 = int_add(i0, 1)\nfinish(i1)\n");
  bool invalidated = false;
  X86Options o;
  o.invalidated = &invalidated;
  auto code = compileOk(t, o);
  ASSERT_TRUE(code);
  InterpResult r = code->run(std::vector<Value>{Value::i(41)});
  ASSERT_EQ(r.exit, Exit::FINISH);
  EXPECT_EQ(r.value(0).asInt(), 42);
  invalidated = true;
  r = code->run(std::vector<Value>{Value::i(41)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(r.value(0).asInt(), 41);
  // Same as interp with the flag set.
  InterpOptions io;
  io.invalidated = &invalidated;
  InterpResult w = runTrace(t, bd(), std::vector<Value>{Value::i(41)}, io);
  EXPECT_EQ(w.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(w.guard, r.guard);
}

// fail_guards in machine code: every guard check counts down a shared
// counter and the N-th fails, as interp's failGuards does.
TEST(X86Bridge, FailGuardsEveryNthCheck) {
  Trace loop = parse(kLoop);
  for (uint64_t every : {1u, 2u, 3u, 7u}) {
    uint64_t countdown = every;
    X86Options o;
    o.failEvery = every;
    o.failCountdown = &countdown;
    auto code = compileOk(loop, o);
    ASSERT_TRUE(code);
    uint64_t checks = 0;
    InterpOptions io;
    io.failGuards = every;
    io.guardChecks = &checks;
    for (int run = 0; run < 5; run++) {
      std::vector<Value> in = {Value::i(20 + run), Value::i(run)};
      InterpResult want = runTrace(loop, bd(), in, io);
      InterpResult got = code->run(in);
      ASSERT_EQ(want.exit, got.exit) << every << " run " << run;
      EXPECT_EQ(want.guard, got.guard) << every << " run " << run;
      ASSERT_EQ(want.values.size(), got.values.size());
      for (size_t k = 0; k < want.values.size(); k++) EXPECT_EQ(want.values[k], got.values[k]) << every << " " << k;
    }
  }
}

TEST(X86Bridge, TracesNeedingMoreFrameThanTheCapAreRefused) {
  std::string text = "[";
  for (size_t k = 0; k <= kX86FrameCap; k++) text += (k ? ", i" : "i") + std::to_string(k);
  text += "]\nfinish(i0)\n";
  Trace t = parse(text);
  std::string why;
  EXPECT_EQ(X86Code::compile(t, bd(), &why), nullptr);
  EXPECT_NE(why.find("frame words"), std::string::npos) << why;
}

// The GC stress test: a loop builds a linked list of fresh objects that
// only the trace's values reach (registers, spill slots, the frame), and
// forces a full collection plus garbage every iteration. Every node must
// survive with its contents, through a patched bridge too.
TEST(X86Bridge, CollectionsWhileCompiledCodeRunsKeepTraceObjects) {
  Trace loop = parse(R"([i0, p1]
label(i0, p1, descr=listloop)
p2 = new_with_vtable(descr=FrameSize)
setfield(p2, i0, descr=Frame.acc)
setfield(p2, p1, descr=Frame.next)
call_n(200, descr=collect)
i3 = int_mod(i0, 5)
i4 = int_ne(i3, 0)
guard_true(i4, descr=g0) [i0, p2]
i5 = int_sub(i0, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=g1) [i5, p2]
jump(i5, p2, descr=listloop)
)");
  // The bridge (i a multiple of 5) adds a node holding a float, then loops.
  Trace bridge = parse(R"([i0, p1]
p2 = new_with_vtable(descr=FrameSize)
setfield(p2, -1, descr=Frame.acc)
setfield(p2, 2.5, descr=Frame.x)
setfield(p2, p1, descr=Frame.next)
call_n(50, descr=collect)
i3 = int_sub(i0, 1)
i4 = int_gt(i3, 0)
guard_true(i4, descr=g0) [i3, p2]
jump(i3, p2, descr=listloop)
)");
  auto code = compileOk(loop);
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(code && bcode);
  code->attachBridge(0, *bcode);
  const int64_t n = 60;
  gCollections = 0;
  InterpResult r = code->run(std::vector<Value>{Value::i(n), Value::r(nullptr)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(gCollections, n + n / 5);
  // Walk the list: newest first, i = 1 .. n, a float node after each multiple of 5.
  ll_gc_collect();
  const Frame* node = static_cast<const Frame*>(r.value(1).asRef());
  for (int64_t i = 1; i <= n; i++) {
    if (i % 5 == 0) {
      ASSERT_NE(node, nullptr) << i;
      EXPECT_EQ(node->acc, -1) << i;
      EXPECT_EQ(node->x, 2.5) << i;
      node = node->next;
    }
    ASSERT_NE(node, nullptr) << i;
    EXPECT_EQ(node->acc, i);
    EXPECT_EQ(node->typeptr, &kFrameVtable);
    node = node->next;
  }
  EXPECT_EQ(node, nullptr);
}
