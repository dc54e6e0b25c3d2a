//===- gcroots.h - Word arrays the Boehm collector scans -------------------===//
// The JIT keeps GC pointers in places the collector must see: a trace's
// constant pointers (ConstPtr), the interp backend's value frame, the values
// a guard failure hands back. Memory from std::vector / new is NOT scanned
// (llgc.h), so these live in a RootTable: a growable array of 64-bit words
// allocated with GC_MALLOC_UNCOLLECTABLE — never collected, always scanned
// (conservatively: an int that looks like a pointer keeps its target alive,
// which is harmless). The table owns its block and frees it (GC_FREE) on
// destruction; copies are deep.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstddef>
#include <cstdint>

namespace lathe::jit {

/// Allocates `words` zeroed 64-bit words that the collector scans but never
/// frees (Boehm's uncollectable kind); the helper the JIT uses for roots.
uint64_t* llJitAllocRoots(size_t words);
/// Frees a block from llJitAllocRoots (null is fine).
void llJitFreeRoots(uint64_t* block);

/// A growable, GC-visible array of 64-bit words (see the file comment).
class RootTable {
 public:
  RootTable() = default;
  explicit RootTable(size_t n) { resize(n); }
  RootTable(const RootTable& other);
  RootTable& operator=(const RootTable& other);
  RootTable(RootTable&& other) noexcept;
  RootTable& operator=(RootTable&& other) noexcept;
  ~RootTable() { llJitFreeRoots(words_); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint64_t& operator[](size_t i) { return words_[i]; }
  uint64_t operator[](size_t i) const { return words_[i]; }
  const uint64_t* data() const { return words_; }
  /// Appends a word, growing the block (doubling) when full.
  void push(uint64_t w);
  /// Sets the size; new words are zero.
  void resize(size_t n);

 private:
  void reserve(size_t n);
  uint64_t* words_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace lathe::jit
