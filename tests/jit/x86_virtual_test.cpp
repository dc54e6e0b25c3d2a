// Tests of guards with virtuals in their resume data (virtualize, issue 7)
// on the x86 backend against interp, and of materializeVirtuals
// (runtime/jit/virtuals.cpp): both backends hand back the same fail args
// (a virtual as the placeholder 0, then the virtuals' fields' values), and
// after materialisation the same objects — compared by contents, pointers
// among them named in the order they are met. A guard with virtuals is
// patched to its bridge like any other: the bridge takes the fail args as
// they are and allocates the virtuals itself.
#include <gc/gc.h>
#include <gtest/gtest.h>
#include <algorithm>
#include <cstring>
#include <functional>
#include <random>
#include <sstream>
#include "jit/interp.h"
#include "jit/opt.h"
#include "jit/virtuals.h"
#include "jit/x86/x86backend.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;

namespace {

Trace parse(const std::string& text) {
  ParseResult r = parseTrace(text, descrs());
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

std::unique_ptr<X86Code> compileOk(const Trace& t, const X86Options& o = {}) {
  std::string why;
  auto code = X86Code::compile(t, descrs(), &why, o);
  EXPECT_TRUE(code) << why;
  return code;
}

/// Names pointers: null, named constants, `known` objects (the inputs),
/// else GC blocks, numbered as met and dumped word by word.
class Dumper {
 public:
  explicit Dumper(std::vector<const void*> known) : known_(std::move(known)) {}

  std::string pointer(const void* p) {
    if (!p) return "null";
    for (size_t k = 0; k < known_.size(); k++)
      if (known_[k] == p) return "in" + std::to_string(k);
    if (const std::string* n = descrs().pointerName(p)) return *n;
    if (GC_base(const_cast<void*>(p)) != p) return "?";
    size_t k = std::find(fresh_.begin(), fresh_.end(), p) - fresh_.begin();
    if (k == fresh_.size()) fresh_.push_back(p);
    return "obj" + std::to_string(k);
  }

  std::string objects() {
    std::ostringstream s;
    for (size_t k = 0; k < fresh_.size(); k++) {
      s << "obj" << k << " [";
      size_t words = GC_size(const_cast<void*>(fresh_[k])) / 8;  // (rounded up, zeroed: trailing zeros dropped)
      while (words > 0 && static_cast<const uint64_t*>(fresh_[k])[words - 1] == 0) words--;
      for (size_t j = 0; j < words; j++) {
        uint64_t w;
        std::memcpy(&w, static_cast<const char*>(fresh_[k]) + 8 * j, 8);
        std::string name = w ? pointer(reinterpret_cast<const void*>(w)) : "0";
        s << (j ? " " : "") << (name == "?" ? std::to_string(w) : name);
      }
      s << "]\n";
    }
    return s.str();
  }

 private:
  std::vector<const void*> known_;
  std::vector<const void*> fresh_;
};

/// How a run ended, after materialisation, with every object it reaches.
std::string materialised(const Trace& t, InterpResult r, const std::vector<Value>& inputs) {
  std::ostringstream s;
  std::vector<const void*> known;
  for (size_t k = 0; k < inputs.size(); k++) known.push_back(t.inputs[k] == Kind::REF ? inputs[k].asRef() : nullptr);
  Dumper d(known);
  std::vector<Ref> refs;
  if (r.exit == Exit::GUARD_FAILED) {
    const GuardDescr& g = t.guards[r.guard];
    materializeVirtuals(g, descrs(), r.values);
    s << "guard " << g.name;
    refs = g.failArgs;
  } else if (r.exit == Exit::FINISH) {
    s << "finish";
    refs = t.ops[r.op].args;
  } else {
    return "error " + r.error;
  }
  s << " [";
  for (size_t k = 0; k < r.values.size(); k++) {
    s << (k ? ", " : "");
    if (t.kindOf(refs[k]) == Kind::REF) s << d.pointer(r.value(k).asRef());
    else s << r.values[k];
  }
  s << "]\n";
  for (size_t k = 0; k < inputs.size(); k++)
    if (t.inputs[k] == Kind::REF && inputs[k].asRef()) {
      const auto* f = static_cast<const Frame*>(inputs[k].asRef());
      s << "in" << k << " acc=" << f->acc << " next=" << d.pointer(f->next) << "\n";
    }
  return s.str() + d.objects();
}

Frame* newFrame(int64_t acc) {
  auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
  f->typeptr = &kFrameVtable;
  f->acc = acc;
  return f;
}

/// Runs `t` on interp and on its machine code with the same kind of inputs
/// (fresh objects for each) and compares the exits, then what they hand
/// back once materialised.
void checkBoth(const Trace& t, const X86Code& code, const std::function<std::vector<Value>()>& make,
               const std::string& what) {
  std::vector<Value> a = make(), b = make();
  InterpResult want = runTrace(t, descrs(), a);
  InterpResult got = code.run(b);
  ASSERT_EQ(want.exit, got.exit) << what << ": " << want.error << " / " << got.error;
  EXPECT_EQ(want.guard, got.guard) << what;
  ASSERT_EQ(want.values.size(), got.values.size()) << what;
  std::string wantText = materialised(t, std::move(want), a), gotText = materialised(t, std::move(got), b);
  EXPECT_EQ(wantText, gotText) << what;
}

}  // namespace

TEST(X86Virtuals, OptimizedLoopMatchesInterpAfterMaterialisation) {
  Trace in = parse(R"([i0, p1]
label(i0, p1, descr=outer)
i2 = getfield_i(p1, descr=Frame.acc)
i3 = int_add(i2, i0)
p4 = new_with_vtable(descr=FrameSize)
setfield(p4, i3, descr=Frame.acc)
setfield(p4, p1, descr=Frame.next)
setfield(p4, 2.5, descr=Frame.x)
setfield(p4, i0, descr=Frame.small)
p5 = new_array(3, descr=PtrArray)
setarrayitem(p5, 0, p4, descr=PtrArray)
setarrayitem(p5, 2, p5, descr=PtrArray)
p6 = new(descr=PairSize)
setfield(p6, p5, descr=Pair.head)
setfield(p6, -1, descr=Frame.acc)
i7 = int_mod(i3, 7)
i8 = int_ne(i7, 3)
guard_true(i8, descr=g0) [i0, p6, i3]
i9 = int_sub(i0, 1)
i10 = int_gt(i9, 0)
guard_true(i10, descr=g1) [i9, p4]
jump(i9, p4, descr=outer)
)");
  OptOptions opts;
  opts.verifyEachPass = true;
  Trace out = optimize(in, descrs(), optBit(OptPass::VIRTUALIZE), opts);
  ASSERT_EQ(out.guards.size(), 2u);
  EXPECT_EQ(out.guards[0].virtuals.size(), 3u);  // the pair, the array, the box
  EXPECT_EQ(out.guards[1].virtuals.size(), 1u);  // the box
  auto code = compileOk(out);
  ASSERT_TRUE(code);
  for (int64_t n : {1, 2, 3, 5, 8, 13, 40}) {
    for (int64_t acc : {0, 1, 4, -9}) {
      auto make = [&] { return std::vector<Value>{Value::i(n), Value::r(newFrame(acc))}; };
      checkBoth(out, *code, make, "n=" + std::to_string(n) + " acc=" + std::to_string(acc));
      // And the optimized trace agrees with the input trace.
      std::vector<Value> a = make(), b = make();
      EXPECT_EQ(materialised(in, runTrace(in, descrs(), a), a), materialised(out, runTrace(out, descrs(), b), b))
          << n << " " << acc;
    }
  }
}

// Placeholders are 0 in both backends' raw fail args; constants among the
// fields' values are stored by the stub too.
TEST(X86Virtuals, RawFailArgsHoldPlaceholdersAndFieldValues) {
  Trace t = parse(R"([i0, f1]
i2 = int_lt(i0, 10)
guard_true(i2, descr=g0) [i0, v0] virtuals=[v0=new_with_vtable(descr=FrameSize){Frame.acc=i0, Frame.x=f1, Frame.next=v1, Frame.small=-7}, v1=new_array(2, descr=IntArray){[1]=i0}]
finish(i0)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  std::vector<Value> in = {Value::i(12), Value::f(0.25)};
  InterpResult want = runTrace(t, descrs(), in), got = code->run(in);
  ASSERT_EQ(want.exit, Exit::GUARD_FAILED);
  ASSERT_EQ(got.exit, Exit::GUARD_FAILED);
  ASSERT_EQ(want.values.size(), 7u);  // i0, v0 | acc, x, next, small | item 1
  for (size_t k = 0; k < want.values.size(); k++) EXPECT_EQ(want.values[k], got.values[k]) << k;
  EXPECT_EQ(got.values[1], 0u);                                  // v0's placeholder
  EXPECT_EQ(got.values[4], 0u);                                  // v1's placeholder (Frame.next)
  EXPECT_EQ(static_cast<int64_t>(got.values[5]), -7);            // a constant field
  materializeVirtuals(t.guards[0], descrs(), got.values);
  ASSERT_EQ(got.values.size(), 2u);
  EXPECT_EQ(got.value(0).asInt(), 12);
  const auto* f = static_cast<const Frame*>(got.value(1).asRef());
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->typeptr, &kFrameVtable);
  EXPECT_EQ(f->acc, 12);
  EXPECT_EQ(f->x, 0.25);
  EXPECT_EQ(f->small, -7);
  EXPECT_EQ(f->reg, 0);
  const auto* a = reinterpret_cast<const int64_t*>(f->next);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a[0], 2);  // length
  EXPECT_EQ(a[1], 0);
  EXPECT_EQ(a[2], 12);
}

// Cycles: an object whose field is itself, two pointing at each other.
TEST(X86Virtuals, MaterialisedCyclesPointAtTheRightObjects) {
  Trace t = parse(R"([i0]
guard_false(i0, descr=g0) [v1, v0, v1] virtuals=[v0=new_with_vtable(descr=FrameSize){Frame.next=v0}, v1=new(descr=PairSize){Pair.head=v2}, v2=new(descr=PairSize){Pair.head=v1, Frame.acc=i0}]
finish()
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  InterpResult r = code->run(std::vector<Value>{Value::i(5)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  materializeVirtuals(t.guards[0], descrs(), r.values);
  ASSERT_EQ(r.values.size(), 3u);
  const auto* self = static_cast<const Frame*>(r.value(1).asRef());
  EXPECT_EQ(self->next, self);
  // Pairs: Pair.head is word 0, Frame.acc word 1.
  const auto* p = static_cast<void* const*>(r.value(0).asRef());
  EXPECT_EQ(r.values[2], r.values[0]);  // the same virtual twice: one object
  const auto* q = static_cast<void* const*>(p[0]);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q[0], p);
  EXPECT_EQ(reinterpret_cast<int64_t>(q[1]), 5);
  EXPECT_NE(q, p);
}

// A guard with virtuals is patched too: its bridge takes every fail arg
// as the guard hands it over (the virtual's placeholder 0, then its
// field's value) and allocates the virtual itself, as
// Recorder::bridgePrologue makes bridges do.
TEST(X86Virtuals, GuardsWithVirtualsArePatched) {
  Trace t = parse(R"([i0]
label(i0, descr=loop1)
i1 = int_ne(i0, 5)
guard_true(i1, descr=g0) [i0, v0] virtuals=[v0=new(descr=PairSize){Frame.acc=i0}]
i2 = int_ne(i0, 3)
guard_true(i2, descr=g1) [i0]
i3 = int_sub(i0, 1)
jump(i3, descr=loop1)
)");
  Trace withBox = parse(R"([i0, p1, i2]
p3 = new(descr=PairSize)
setfield(p3, i2, descr=Frame.acc)
i4 = getfield_i(p3, descr=Frame.acc)
i5 = int_add(i4, i0)
i6 = int_add(i5, 2000)
finish(i6)
)");
  Trace plain = parse(R"([i0]
i1 = int_add(i0, 1000)
finish(i1)
)");
  auto code = compileOk(t);
  auto bbox = compileOk(withBox);
  auto bplain = compileOk(plain);
  ASSERT_TRUE(code && bbox && bplain);
  code->attachBridge(0, *bbox);
  code->attachBridge(1, *bplain);
  InterpResult r = code->runFromLabel(*descrs().find("loop1"), std::vector<Value>{Value::i(9)});
  ASSERT_EQ(r.exit, Exit::FINISH);  // g0 at i0 = 5: its bridge ran on 5, 0 and 5
  EXPECT_EQ(r.value(0).asInt(), 2010);
  r = code->runFromLabel(*descrs().find("loop1"), std::vector<Value>{Value::i(4)});
  ASSERT_EQ(r.exit, Exit::FINISH);  // g1 at i0 = 3: the other bridge ran
  EXPECT_EQ(r.value(0).asInt(), 1003);
}

// fail_guards in machine code fails guards with virtuals too; the values
// are the same as interp's.
TEST(X86Virtuals, FailGuardsWithVirtualsMatchInterp) {
  Trace in = parse(R"([i0, p1]
label(i0, p1, descr=outer)
p2 = new_with_vtable(descr=FrameSize)
setfield(p2, i0, descr=Frame.acc)
setfield(p2, p1, descr=Frame.next)
i3 = int_sub(i0, 1)
i4 = int_gt(i3, 0)
guard_true(i4, descr=g0) [i3, p2]
p5 = new(descr=PairSize)
setfield(p5, p2, descr=Pair.head)
guard_true(i4, descr=g1) [p5]
jump(i3, p2, descr=outer)
)");
  Trace out = optimize(in, descrs(), optBit(OptPass::VIRTUALIZE));
  for (uint64_t every : {1u, 2u, 3u}) {
    uint64_t countdown = every, checks = 0;
    X86Options o;
    o.failEvery = every;
    o.failCountdown = &countdown;
    auto code = compileOk(out, o);
    ASSERT_TRUE(code);
    InterpOptions io;
    io.failGuards = every;
    io.guardChecks = &checks;
    for (int run = 0; run < 6; run++) {
      auto make = [&] { return std::vector<Value>{Value::i(10 + run), Value::r(newFrame(run))}; };
      std::vector<Value> a = make(), b = make();
      InterpResult want = runTrace(out, descrs(), a, io), got = code->run(b);
      ASSERT_EQ(want.exit, got.exit) << every << " " << run;
      EXPECT_EQ(want.guard, got.guard) << every << " " << run;
      EXPECT_EQ(materialised(out, std::move(want), a), materialised(out, std::move(got), b)) << every << " " << run;
    }
  }
}
