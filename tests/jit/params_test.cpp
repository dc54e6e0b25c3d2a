// Tests of runtime/jit/params.cpp: RPython's defaults, LATHE_JIT parsing
// (good strings, and bad ones with their exact messages), set_param.
#include <gtest/gtest.h>
#include <cstdlib>
#include <string>
#include "jit/params.h"

using namespace lathe::jit;

namespace {
/// Parses `text` over the defaults; the error, or "" when it parsed.
std::string errorOf(const char* text) {
  JitParams p;
  std::string error;
  bool ok = parseJitParams(text, p, error);
  EXPECT_EQ(ok, error.empty()) << text;
  if (!ok) {
    EXPECT_EQ(p, JitParams{}) << "a failed parse must not apply anything: " << text;
  }
  return error;
}

JitParams parsed(const char* text) {
  JitParams p;
  std::string error;
  EXPECT_TRUE(parseJitParams(text, p, error)) << text << ": " << error;
  return p;
}
}  // namespace

TEST(JitParams, RPythonDefaults) {
  JitParams p;
  EXPECT_EQ(p.threshold, 1039);
  EXPECT_EQ(p.function_threshold, 1619);
  EXPECT_EQ(p.trace_eagerness, 200);
  EXPECT_EQ(p.decay, 40);
  EXPECT_EQ(p.trace_limit, 6000);
  EXPECT_EQ(p.inlining, 1);
  EXPECT_EQ(p.loop_longevity, 1000);
  EXPECT_EQ(p.retrace_limit, 0);
  EXPECT_EQ(p.max_retrace_guards, 15);
  EXPECT_EQ(p.max_unroll_loops, 0);
  EXPECT_EQ(p.max_unroll_recursion, 7);
  EXPECT_EQ(p.disable_unrolling, 200);
  EXPECT_EQ(p.vec, 0);
  EXPECT_EQ(p.off, 0);
  EXPECT_EQ(p.fail_guards, 0);
  EXPECT_EQ(p.tree_ops, 1500);
  EXPECT_EQ(p.tree_calls, 100);
  EXPECT_EQ(p.enable_opts, kAllOpts);
  EXPECT_EQ(enableOptsText(kAllOpts), "all");
  EXPECT_EQ(jitParamsText(p),
            "threshold=1039,function_threshold=1619,trace_eagerness=200,decay=40,"
            "trace_limit=6000,inlining=1,loop_longevity=1000,retrace_limit=0,"
            "max_retrace_guards=15,max_unroll_loops=0,max_unroll_recursion=7,"
            "disable_unrolling=200,vec=0,off=0,fail_guards=0,max_code_kb=65536,tree_ops=1500,tree_calls=100,"
            "enable_opts=all,backend=x86");
}

TEST(JitParams, OptPassesInPipelineOrder) {
  std::string all;
  for (unsigned k = 0; k < kNumOptPasses; k++)
    all += std::string(k ? ":" : "") + optPassName(static_cast<OptPass>(k));
  EXPECT_EQ(all, "intbounds:rewrite:virtualize:heap:pure:unroll");
  EXPECT_EQ(enableOptsText(optBit(OptPass::HEAP) | optBit(OptPass::INTBOUNDS)), "intbounds:heap");
  EXPECT_EQ(enableOptsText(0), "");
}

TEST(JitParams, ParsesItems) {
  JitParams p = parsed("threshold=1,trace_eagerness=1, fail_guards = 7 ,decay=0");
  EXPECT_EQ(p.threshold, 1);
  EXPECT_EQ(p.trace_eagerness, 1);
  EXPECT_EQ(p.fail_guards, 7);
  EXPECT_EQ(p.decay, 0);
  EXPECT_EQ(p.function_threshold, 1619);  // untouched
  EXPECT_EQ(parsed("threshold=-1").threshold, -1);  // RPython's "never"
  EXPECT_EQ(parsed("threshold=+5").threshold, 5);
  EXPECT_EQ(parsed(""), JitParams{});
  EXPECT_EQ(parsed("  "), JitParams{});
  JitParams fromNull;
  std::string error;
  EXPECT_TRUE(parseJitParams(nullptr, fromNull, error));
  EXPECT_EQ(fromNull, JitParams{});
}

TEST(JitParams, OffAndDefaultApplyLeftToRight) {
  EXPECT_EQ(parsed("off").off, 1);
  EXPECT_EQ(parsed("off=1").off, 1);
  EXPECT_EQ(parsed("off,off=0").off, 0);
  JitParams p = parsed("threshold=3,default,trace_limit=50");
  EXPECT_EQ(p.threshold, 1039);
  EXPECT_EQ(p.trace_limit, 50);
  // `default` resets what an earlier call set, too.
  JitParams q;
  q.threshold = 9;
  std::string error;
  ASSERT_TRUE(parseJitParams("default", q, error));
  EXPECT_EQ(q, JitParams{});
}

TEST(JitParams, EnableOpts) {
  EXPECT_EQ(parsed("enable_opts=all").enable_opts, kAllOpts);
  EXPECT_EQ(parsed("enable_opts=intbounds:unroll").enable_opts,
            optBit(OptPass::INTBOUNDS) | optBit(OptPass::UNROLL));
  EXPECT_EQ(parsed("enable_opts=heap::heap:").enable_opts, optBit(OptPass::HEAP));  // as RPython
  EXPECT_EQ(parsed("enable_opts=").enable_opts, 0u);  // no passes
  JitParams p = parsed("enable_opts=pure:virtualize");
  EXPECT_TRUE(p.enabled(OptPass::PURE));
  EXPECT_TRUE(p.enabled(OptPass::VIRTUALIZE));
  EXPECT_FALSE(p.enabled(OptPass::UNROLL));
}

TEST(JitParams, ErrorsNameTheItemAndTheReason) {
  EXPECT_EQ(errorOf("threshold=5,thresold=3"), "item 2 'thresold=3': unknown parameter 'thresold'");
  EXPECT_EQ(errorOf("threshold"), "item 1 'threshold': expected name=value, 'off' or 'default'");
  EXPECT_EQ(errorOf("threshold=abc"), "item 1 'threshold=abc': 'threshold' needs an integer, got 'abc'");
  EXPECT_EQ(errorOf("threshold=12x"), "item 1 'threshold=12x': 'threshold' needs an integer, got '12x'");
  EXPECT_EQ(errorOf("threshold="), "item 1 'threshold=': 'threshold' needs an integer, got ''");
  EXPECT_EQ(errorOf("threshold=99999999999999999999"),
            "item 1 'threshold=99999999999999999999': 'threshold' is out of range: "
            "'99999999999999999999'");
  EXPECT_EQ(errorOf("decay=1001"), "item 1 'decay=1001': 'decay' must be between 0 and 1000, got 1001");
  EXPECT_EQ(errorOf("inlining=2"), "item 1 'inlining=2': 'inlining' must be 0 or 1, got 2");
  EXPECT_EQ(errorOf("trace_limit=0"), "item 1 'trace_limit=0': 'trace_limit' must be at least 1, got 0");
  EXPECT_EQ(errorOf("fail_guards=-2"), "item 1 'fail_guards=-2': 'fail_guards' must be at least 0, got -2");
  EXPECT_EQ(errorOf("threshold=1,,decay=3"), "item 2 '': empty item");
  EXPECT_EQ(errorOf("threshold=1,"), "item 2 '': empty item");
  EXPECT_EQ(errorOf("enable_opts=intbounds:virtualise"),
            "item 1 'enable_opts=intbounds:virtualise': unknown optimization 'virtualise' "
            "(passes: intbounds, rewrite, virtualize, heap, pure, unroll; or all)");
  EXPECT_EQ(errorOf("off=yes"), "item 1 'off=yes': 'off' needs an integer, got 'yes'");
}

TEST(JitParams, TextRoundTrips) {
  JitParams p = parsed("threshold=3,decay=1000,enable_opts=rewrite:pure,fail_guards=2,off");
  JitParams q;
  q.max_unroll_recursion = 0;  // overwritten by the text
  std::string error;
  ASSERT_TRUE(parseJitParams(jitParamsText(p).c_str(), q, error)) << error;
  EXPECT_EQ(q, p);
}

TEST(JitParams, SetParam) {
  JitParams p;
  std::string error;
  EXPECT_TRUE(setParam(p, "threshold", 3, error));
  EXPECT_EQ(p.threshold, 3);
  EXPECT_TRUE(setParam(p, "enable_opts", "heap:unroll", error));
  EXPECT_EQ(p.enable_opts, optBit(OptPass::HEAP) | optBit(OptPass::UNROLL));
  EXPECT_TRUE(setParam(p, "enable_opts", "all", error));
  EXPECT_EQ(p.enable_opts, kAllOpts);

  JitParams before = p;
  EXPECT_FALSE(setParam(p, "nope", 1, error));
  EXPECT_EQ(error, "unknown parameter 'nope'");
  EXPECT_FALSE(setParam(p, "decay", -1, error));
  EXPECT_EQ(error, "'decay' must be between 0 and 1000, got -1");
  EXPECT_FALSE(setParam(p, "enable_opts", 3, error));
  EXPECT_EQ(error, "'enable_opts' takes a string, not an integer");
  EXPECT_FALSE(setParam(p, "threshold", "12", error));
  EXPECT_EQ(error, "'threshold' takes an integer, not a string");
  EXPECT_FALSE(setParam(p, "enable_opts", "fast", error));
  EXPECT_EQ(error, "unknown optimization 'fast' (passes: intbounds, rewrite, virtualize, heap, pure, "
                   "unroll; or all)");
  EXPECT_EQ(p, before);

  EXPECT_TRUE(setParamToDefault(p, "threshold", error));
  EXPECT_EQ(p.threshold, 1039);
  EXPECT_FALSE(setParamToDefault(p, "nope", error));
  EXPECT_EQ(error, "unknown parameter 'nope'");
}

// The only test that calls jitParamsFromEnv: it reads LATHE_JIT once.
TEST(JitParams, FromEnvironmentReadOnce) {
  setenv("LATHE_JIT", "threshold=7,fail_guards=3", 1);
  const EnvJitParams& env = jitParamsFromEnv();
  EXPECT_EQ(env.error, "");
  EXPECT_EQ(env.params.threshold, 7);
  EXPECT_EQ(env.params.fail_guards, 3);
  setenv("LATHE_JIT", "bogus", 1);
  const EnvJitParams& again = jitParamsFromEnv();
  EXPECT_EQ(&again, &env);
  EXPECT_EQ(again.params.threshold, 7);
  unsetenv("LATHE_JIT");
}
