//===- counters.cpp - Hotness counters and JitCells -----------------------===//
// See counters.h for the rules (increments, decay, eviction). The table is
// small and scanned linearly per bucket; decayAll() is one pass over it.
//===----------------------------------------------------------------------===//
#include "jit/counters.h"

namespace lathe::jit {

namespace {
/// MurmurHash3's 64-bit finalizer: every input bit reaches the top bits,
/// which choose the bucket.
uint64_t fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
}  // namespace

uint64_t GreenKey::hash() const {
  uint64_t h = 0x9e3779b97f4a7c15ULL * (count + 1u);
  for (unsigned i = 0; i < count; i++) h = fmix64(h ^ static_cast<uint64_t>(words[i])) + i;
  return fmix64(h);
}

double thresholdIncrement(int64_t threshold) {
  if (threshold <= 0) return 0.0;
  // The 0.001 keeps rounding from needing a (threshold+1)-th tick.
  return 1.0 / (static_cast<double>(threshold) - 0.001);
}

JitCounters::JitCounters(unsigned log2Buckets, uint64_t decayInterval, int64_t decay)
    : table_(size_t{kWays} << log2Buckets),
      shift_(64 - log2Buckets),
      decayInterval_(decayInterval) {
  assert(log2Buckets >= 1 && log2Buckets <= 24 && "counter table size out of range");
  setDecay(decay);
}

void JitCounters::setDecay(int64_t decay) {
  if (decay < 0) decay = 0;
  if (decay > 1000) decay = 1000;
  decayFactor_ = 1.0 - static_cast<double>(decay) * 0.001;
}

JitCounters::Entry* JitCounters::find(uint64_t hash) {
  Entry* bucket = &table_[bucketOf(hash) * kWays];
  for (unsigned w = 0; w < kWays; w++)
    if (bucket[w].hash == hash) return &bucket[w];
  return nullptr;
}

const JitCounters::Entry* JitCounters::find(uint64_t hash) const {
  return const_cast<JitCounters*>(this)->find(hash);
}

bool JitCounters::tickHash(uint64_t hash, double increment) {
  Entry* e = find(hash);
  if (!e) {  // evict the coldest way of the bucket (the first on ties)
    Entry* bucket = &table_[bucketOf(hash) * kWays];
    e = bucket;
    for (unsigned w = 1; w < kWays; w++)
      if (bucket[w].counter < e->counter) e = &bucket[w];
    *e = Entry{hash, 0.0};
  }
  double c = e->counter + increment;
  bool hot = c >= 1.0;
  e->counter = hot ? 0.0 : c;
  ticks_++;
  if (hot || (decayInterval_ != 0 && ticks_ % decayInterval_ == 0)) decayAll();
  return hot;
}

void JitCounters::resetHash(uint64_t hash) {
  if (Entry* e = find(hash)) e->counter = 0.0;
}

double JitCounters::valueHash(uint64_t hash) const {
  const Entry* e = find(hash);
  return e ? e->counter : 0.0;
}

void JitCounters::decayAll() {
  decays_++;
  if (decayFactor_ == 1.0) return;
  for (Entry& e : table_) e.counter *= decayFactor_;
}

JitCell* JitCounters::findCell(const GreenKey& key) {
  auto it = cellIndex_.find(key);
  return it == cellIndex_.end() ? nullptr : &cells_[it->second];
}

JitCell& JitCounters::cell(const GreenKey& key) {
  auto [it, fresh] = cellIndex_.try_emplace(key, static_cast<uint32_t>(cells_.size()));
  if (fresh) cells_.push_back(JitCell{key, nullptr, 0});
  return cells_[it->second];
}

}  // namespace lathe::jit
