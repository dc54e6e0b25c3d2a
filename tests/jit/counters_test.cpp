// Tests of runtime/jit/counters.cpp: green keys, counters reaching hot at
// their threshold, decay, collisions in a bucket, JitCells.
#include <gtest/gtest.h>
#include <cstdint>
#include <set>
#include <vector>
#include "jit/counters.h"

using namespace lathe::jit;

namespace {
/// Ticks `key` until hot; the number of ticks it took (0 if not within `max`).
int64_t ticksToHot(JitCounters& c, const GreenKey& key, double inc, int64_t max) {
  for (int64_t n = 1; n <= max; n++)
    if (c.tick(key, inc)) return n;
  return 0;
}

/// Keys 0, 1, 2, ... whose hashes fall in `bucket` of `c`.
std::vector<GreenKey> keysInBucket(const JitCounters& c, size_t bucket, size_t n) {
  std::vector<GreenKey> keys;
  for (int64_t w = 0; keys.size() < n; w++) {
    GreenKey k{w};
    if (c.bucketOf(k.hash()) == bucket) keys.push_back(k);
  }
  return keys;
}
}  // namespace

TEST(GreenKey, ComparesAndHashesItsWords) {
  GreenKey a{3, 0x1000};
  GreenKey b;
  b.push(3);
  b.push(0x1000);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_NE(a, (GreenKey{3}));
  EXPECT_NE(a, (GreenKey{0x1000, 3}));
  EXPECT_NE(a.hash(), (GreenKey{0x1000, 3}).hash());
  EXPECT_NE((GreenKey{0}).hash(), (GreenKey{0, 0}).hash());  // the count is hashed
  EXPECT_NE((GreenKey{}).hash(), (GreenKey{0}).hash());
  // A fixed function: the same value on every run and platform.
  EXPECT_EQ((GreenKey{1, 2}).hash(), (GreenKey{1, 2}).hash());
  std::set<uint64_t> hashes;
  for (int64_t pc = 0; pc < 1000; pc++) hashes.insert(GreenKey{pc, 0x7f0012345678}.hash());
  EXPECT_EQ(hashes.size(), 1000u);
}

TEST(JitCounters, ThresholdIncrement) {
  EXPECT_EQ(thresholdIncrement(0), 0.0);
  EXPECT_EQ(thresholdIncrement(-1), 0.0);
  EXPECT_GT(thresholdIncrement(1), 1.0);
  EXPECT_DOUBLE_EQ(thresholdIncrement(1039), 1.0 / 1038.999);
}

TEST(JitCounters, HotAfterExactlyThresholdTicks) {
  for (int64_t t : {1, 2, 3, 7, 200, 1039, 1619, 6000, 100000}) {
    JitCounters c(10, /*decayInterval=*/0);
    GreenKey k{42};
    EXPECT_EQ(ticksToHot(c, k, thresholdIncrement(t), 2 * t), t) << "threshold " << t;
    EXPECT_EQ(c.value(k), 0.0) << "restarts at 0";
    EXPECT_EQ(ticksToHot(c, k, thresholdIncrement(t), 2 * t), t) << "again, threshold " << t;
  }
}

TEST(JitCounters, NeverHotWithThresholdZero) {
  JitCounters c;
  EXPECT_EQ(ticksToHot(c, GreenKey{1}, thresholdIncrement(0), 100000), 0);
}

TEST(JitCounters, MixedIncrementsShareTheCounter) {
  // Loop entries (threshold 10) and portal entries (threshold 20) of one key.
  JitCounters c(10, 0);
  GreenKey k{5};
  for (int i = 0; i < 5; i++) EXPECT_FALSE(c.tick(k, thresholdIncrement(10)));  // 0.5
  for (int i = 0; i < 9; i++) EXPECT_FALSE(c.tick(k, thresholdIncrement(20)));  // 0.95
  EXPECT_TRUE(c.tick(k, thresholdIncrement(20)));
}

TEST(JitCounters, ResetAndKeysAreIndependent) {
  JitCounters c(10, 0);
  GreenKey a{1}, b{2};
  double inc = thresholdIncrement(4);
  c.tick(a, inc);
  c.tick(a, inc);
  c.tick(b, inc);
  EXPECT_NEAR(c.value(a), 2 * inc, 1e-12);
  EXPECT_NEAR(c.value(b), inc, 1e-12);
  c.reset(a);
  EXPECT_EQ(c.value(a), 0.0);
  EXPECT_NEAR(c.value(b), inc, 1e-12);
  EXPECT_EQ(c.value(GreenKey{3}), 0.0);
  EXPECT_EQ(ticksToHot(c, a, inc, 10), 4);
}

TEST(JitCounters, PeriodicDecay) {
  // Every 10th tick multiplies every counter by 1 - 500/1000.
  JitCounters c(10, /*decayInterval=*/10, /*decay=*/500);
  GreenKey hot{1}, cold{2};
  double inc = 0.01;
  for (int i = 0; i < 9; i++) c.tick(hot, inc);
  c.tick(cold, inc);  // the 10th tick: decay after it
  EXPECT_EQ(c.decays(), 1u);
  EXPECT_DOUBLE_EQ(c.value(hot), 0.09 * 0.5);
  EXPECT_DOUBLE_EQ(c.value(cold), 0.01 * 0.5);
  c.decayAll();
  EXPECT_DOUBLE_EQ(c.value(cold), 0.01 * 0.25);
}

TEST(JitCounters, DecayKeepsSlowKeysCold) {
  // With decay, a key ticked once per 100 ticks of another never gets hot
  // at threshold 100: it loses 4% of its count at every decay.
  JitCounters c(10, /*decayInterval=*/50, /*decay=*/40);
  GreenKey loop{1}, rare{2};
  double inc = thresholdIncrement(100);
  int rareHot = 0;
  for (int i = 0; i < 100 * 100; i++) {
    c.tick(loop, inc);
    if (i % 100 == 0 && c.tick(rare, inc)) rareHot++;
  }
  EXPECT_EQ(rareHot, 0);
  // Without decay it does, after its 100th tick.
  JitCounters nodecay(10, 50, 0);
  for (int i = 0; i < 100 * 100; i++) {
    nodecay.tick(loop, inc);
    if (i % 100 == 0 && nodecay.tick(rare, inc)) rareHot++;
  }
  EXPECT_EQ(rareHot, 1);
}

TEST(JitCounters, HotTickDecaysTheOthers) {
  JitCounters c(10, 0, 500);  // no periodic decay
  GreenKey a{1}, b{2};
  c.tick(b, 0.5);
  EXPECT_EQ(c.decays(), 0u);
  EXPECT_TRUE(c.tick(a, 1.5));
  EXPECT_EQ(c.decays(), 1u);
  EXPECT_DOUBLE_EQ(c.value(b), 0.25);
  EXPECT_EQ(c.value(a), 0.0);
}

TEST(JitCounters, DecayParameterIsClamped) {
  JitCounters c(10, 0, 2000);  // clamped to 1000: decay wipes every counter
  c.tick(GreenKey{1}, 0.5);
  c.decayAll();
  EXPECT_EQ(c.value(GreenKey{1}), 0.0);
  c.setDecay(-5);  // clamped to 0: no decay
  c.tick(GreenKey{1}, 0.5);
  c.decayAll();
  EXPECT_EQ(c.value(GreenKey{1}), 0.5);
}

TEST(JitCounters, CollisionsEvictTheColdestWay) {
  JitCounters c(4, 0);  // 16 buckets of 4 ways
  std::vector<GreenKey> k = keysInBucket(c, 3, JitCounters::kWays + 2);
  // Fill the bucket: counters 0.4, 0.1, 0.3, 0.2.
  c.tick(k[0], 0.4);
  c.tick(k[1], 0.1);
  c.tick(k[2], 0.3);
  c.tick(k[3], 0.2);
  for (int i = 0; i < 4; i++) EXPECT_GT(c.value(k[i]), 0.0) << i;
  // A fifth key takes the way of the coldest (k[1]).
  c.tick(k[4], 0.05);
  EXPECT_EQ(c.value(k[1]), 0.0);
  EXPECT_DOUBLE_EQ(c.value(k[4]), 0.05);
  EXPECT_DOUBLE_EQ(c.value(k[0]), 0.4);
  EXPECT_DOUBLE_EQ(c.value(k[2]), 0.3);
  EXPECT_DOUBLE_EQ(c.value(k[3]), 0.2);
  // A sixth evicts k[4] (now the coldest); k[1] comes back from 0.
  c.tick(k[5], 0.06);
  EXPECT_EQ(c.value(k[4]), 0.0);
  c.tick(k[1], 0.07);  // evicts k[5] (0.06 < 0.2)
  EXPECT_EQ(c.value(k[5]), 0.0);
  EXPECT_DOUBLE_EQ(c.value(k[1]), 0.07);
  // Other buckets are untouched by all this.
  std::vector<GreenKey> other = keysInBucket(c, 4, 1);
  c.tick(other[0], 0.5);
  EXPECT_DOUBLE_EQ(c.value(other[0]), 0.5);
  EXPECT_DOUBLE_EQ(c.value(k[0]), 0.4);
}

TEST(JitCounters, CollisionsOnTiesTakeTheFirstWay) {
  JitCounters c(4, 0);
  std::vector<GreenKey> k = keysInBucket(c, 7, 5);
  for (int i = 0; i < 4; i++) c.tick(k[i], 0.25);
  c.tick(k[4], 0.25);
  EXPECT_EQ(c.value(k[0]), 0.0);  // way 0 lost
  for (int i = 1; i < 5; i++) EXPECT_DOUBLE_EQ(c.value(k[i]), 0.25) << i;
  // A reset key's way is the first free one.
  c.reset(k[2]);
  c.tick(k[0], 0.5);
  EXPECT_EQ(c.value(k[2]), 0.0);
  EXPECT_DOUBLE_EQ(c.value(k[0]), 0.5);
  EXPECT_DOUBLE_EQ(c.value(k[1]), 0.25);
}

TEST(JitCounters, HotLoopSurvivesAStormOfColdKeys) {
  // Many keys, each ticked once, in the hot key's bucket: the hot key is
  // never the coldest way, so it still gets hot after its threshold.
  JitCounters c(4, 0);
  std::vector<GreenKey> k = keysInBucket(c, 0, 200);
  double inc = thresholdIncrement(100);
  int64_t n = 0;
  bool hot = false;
  for (size_t i = 1; !hot && n < 1000; i = i % 199 + 1) {
    n++;
    hot = c.tick(k[0], inc);
    c.tick(k[i], inc);
  }
  EXPECT_TRUE(hot);
  EXPECT_EQ(n, 100);
}

TEST(JitCounters, SameTicksSameResult) {
  auto run = [] {
    JitCounters c(3, 7, 40);
    std::vector<int> hot;
    for (int i = 0; i < 5000; i++)
      if (c.tick(GreenKey{i % 37, i % 5}, thresholdIncrement(1 + i % 13))) hot.push_back(i);
    return hot;
  };
  std::vector<int> first = run();
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(run(), first);
}

TEST(JitCells, ExactStatePerKey) {
  JitCounters c(2, 0);  // 4 buckets: counters collide, cells never do
  GreenKey a{1, 2}, b{2, 1};
  EXPECT_EQ(c.findCell(a), nullptr);
  JitCell& ca = c.cell(a);
  EXPECT_EQ(ca.key, a);
  EXPECT_EQ(ca.loop, nullptr);
  EXPECT_EQ(ca.flags, 0);
  int loop;
  ca.loop = &loop;
  ca.set(JC_TRACING);
  JitCell& cb = c.cell(b);
  cb.set(JC_DONT_TRACE_HERE);
  for (int64_t i = 0; i < 1000; i++) c.cell(GreenKey{i, i});  // many more cells
  EXPECT_EQ(&c.cell(a), &ca) << "references stay valid";
  EXPECT_EQ(c.findCell(a)->loop, &loop);
  EXPECT_TRUE(ca.has(JC_TRACING));
  EXPECT_FALSE(ca.has(JC_DONT_TRACE_HERE));
  EXPECT_TRUE(c.findCell(b)->has(JC_DONT_TRACE_HERE));
  ca.clear(JC_TRACING);
  EXPECT_EQ(ca.flags, 0);
  // Counter traffic does not touch cells.
  for (int i = 0; i < 10000; i++) c.tick(GreenKey{i}, 0.3);
  EXPECT_EQ(c.findCell(a)->loop, &loop);
  EXPECT_EQ(c.numCells(), 1002u);
}

TEST(JitCells, IterateInCreationOrder) {
  JitCounters c;
  for (int64_t i : {5, 3, 9, 3, 1}) c.cell(GreenKey{i});
  std::vector<int64_t> order;
  c.forEachCell([&](JitCell& cell) { order.push_back(cell.key.words[0]); });
  EXPECT_EQ(order, (std::vector<int64_t>{5, 3, 9, 1}));
}
