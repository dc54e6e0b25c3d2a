//===- counters.h - Hotness counters and per-green-key state --------------===//
// DESIGN §6, issue 5: when does a loop (or a function, or a guard) become
// hot. Follows RPython's jitcounter (rpython/jit/metainterp/counter.py) and
// its JitCells (warmstate.py), simplified:
//
//  * A counter is a double in a fixed-size table, found by the 64-bit hash
//    of the green key. Each tick adds an increment derived from a threshold,
//    thresholdIncrement(t) = 1 / (t - 0.001), so exactly t ticks reach 1.0;
//    reaching 1.0 means hot: tick() returns true and the counter restarts at
//    0. A threshold <= 0 gives increment 0: never hot. Loop entries
//    (threshold), portal entries (function_threshold) and guard failures
//    (trace_eagerness) all tick here, with their own increments; a guard
//    uses a key of its own.
//
//  * Decay: decayAll() multiplies every counter by 1 - decay/1000 (decay
//    clamped to [0, 1000]), so rarely-taken paths never get hot. tick()
//    calls it (a) after every `decayInterval`-th tick, counting all ticks
//    of the table — Lathe's deterministic stand-in for RPython's "every 64
//    minor collections" — and (b) whenever a tick returns hot, as RPython's
//    bound_reached does, so counters that were about to fire at the same
//    time do not all start tracing at once.
//
//  * The table: 2^log2Buckets buckets of kWays entries {hash, counter}; a
//    key's bucket is given by the top bits of its hash. A miss in a full
//    bucket evicts the entry with the smallest counter (the first such way
//    on ties), so collisions only ever lose the coldest count, and the same
//    sequence of ticks always gives the same result. Two keys with the same
//    64-bit hash share a counter (harmless: it only makes one hot sooner).
//
//  * Per-key state is exact and never evicted: a JitCell per green key
//    (created on demand, kept in creation order) holds the compiled loop
//    and the TRACING / DONT_TRACE_HERE flags. Counters are lossy, cells are
//    not: losing a count delays a trace, losing a cell would lose a loop.
//
// Determinism: the hash is a fixed function of the key's words, so the
// behaviour depends only on what the caller puts in the key. Pointer greens
// hashed by address vary between runs under ASLR; keys that must behave
// identically across runs should use stable words (a prebuilt object's
// index rather than its address).
//===----------------------------------------------------------------------===//
#pragma once
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <unordered_map>
#include <vector>

namespace lathe::jit {

/// The green values of a merge point (or a guard's identity) as words:
/// ints as themselves, floats as their bits, pointers as the caller sees
/// fit. Unused words stay zero, so == compares count and words.
struct GreenKey {
  static constexpr unsigned kMaxWords = 6;
  std::array<int64_t, kMaxWords> words{};
  uint8_t count = 0;

  GreenKey() = default;
  GreenKey(std::initializer_list<int64_t> ws) {
    for (int64_t w : ws) push(w);
  }
  void push(int64_t w) {
    assert(count < kMaxWords && "green key too long: raise GreenKey::kMaxWords");
    words[count++] = w;
  }
  /// A fixed 64-bit mix of count and words (the same on every run).
  uint64_t hash() const;
  bool operator==(const GreenKey&) const = default;
};

struct GreenKeyHash {
  size_t operator()(const GreenKey& k) const { return static_cast<size_t>(k.hash()); }
};

/// The per-tick increment that makes `threshold` ticks reach 1.0
/// (RPython's compute_threshold); 0 for threshold <= 0 (never hot).
double thresholdIncrement(int64_t threshold);

/// JitCell flags (RPython's JC_*).
enum JitCellFlag : uint8_t {
  JC_TRACING = 1,          ///< a trace from this key is being recorded
  JC_DONT_TRACE_HERE = 2,  ///< after an abort: do not inline, do not start tracing here
};

/// The exact, never-evicted state of one green key.
struct JitCell {
  GreenKey key;
  void* loop = nullptr;  ///< the compiled loop entered here (owned by the loop registry)
  uint8_t flags = 0;     ///< JitCellFlag bits
  uint8_t tooLong = 0;   ///< traces from here abandoned as too long (retried a few times)

  bool has(JitCellFlag f) const { return (flags & f) != 0; }
  void set(JitCellFlag f) { flags |= f; }
  void clear(JitCellFlag f) { flags &= static_cast<uint8_t>(~f); }
};

class JitCounters {
 public:
  static constexpr unsigned kWays = 4;
  static constexpr unsigned kDefaultLog2Buckets = 10;       ///< 1024 buckets, 64 KiB
  static constexpr uint64_t kDefaultDecayInterval = 1 << 16;  ///< ticks between decays

  /// 2^log2Buckets buckets (1..24); decayInterval 0 means no periodic
  /// decay (decay on hot ticks remains); decay is the per-mille parameter.
  explicit JitCounters(unsigned log2Buckets = kDefaultLog2Buckets,
                       uint64_t decayInterval = kDefaultDecayInterval, int64_t decay = 40);

  /// Sets the `decay` parameter (per mille, clamped to [0, 1000]).
  void setDecay(int64_t decay);
  /// Adds `increment` to the key's counter; true (and the counter back at
  /// 0) when it reaches 1.0. May decay every counter (header comment).
  bool tick(const GreenKey& key, double increment) { return tickHash(key.hash(), increment); }
  bool tickHash(uint64_t hash, double increment);
  /// Sets the key's counter to 0 (e.g. when tracing from it aborts).
  void reset(const GreenKey& key) { resetHash(key.hash()); }
  void resetHash(uint64_t hash);
  /// The key's current counter (0 when it has none).
  double value(const GreenKey& key) const { return valueHash(key.hash()); }
  double valueHash(uint64_t hash) const;
  /// Multiplies every counter by 1 - decay/1000.
  void decayAll();
  /// How many ticks so far, and how many decays.
  uint64_t ticks() const { return ticks_; }
  uint64_t decays() const { return decays_; }
  /// The bucket a hash falls in (for tests that make collisions).
  size_t bucketOf(uint64_t hash) const { return static_cast<size_t>(hash >> shift_); }
  size_t numBuckets() const { return table_.size() / kWays; }

  /// The key's cell, or null when it has none.
  JitCell* findCell(const GreenKey& key);
  /// The key's cell, created (no loop, no flags) on first use. References
  /// stay valid for the table's lifetime.
  JitCell& cell(const GreenKey& key);
  size_t numCells() const { return cells_.size(); }
  /// Calls f(JitCell&) for every cell, in creation order.
  template <class F>
  void forEachCell(F&& f) {
    for (JitCell& c : cells_) f(c);
  }

 private:
  struct Entry {
    uint64_t hash = 0;
    double counter = 0;  ///< 0 = free
  };
  Entry* find(uint64_t hash);
  const Entry* find(uint64_t hash) const;

  std::vector<Entry> table_;  // bucket b is table_[b*kWays .. b*kWays+kWays)
  unsigned shift_;
  uint64_t decayInterval_;
  double decayFactor_ = 1.0;
  uint64_t ticks_ = 0;
  uint64_t decays_ = 0;
  std::deque<JitCell> cells_;  // deque: cell references stay valid
  std::unordered_map<GreenKey, uint32_t, GreenKeyHash> cellIndex_;  // lookup only, never iterated
};

}  // namespace lathe::jit
