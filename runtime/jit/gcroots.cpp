//===- gcroots.cpp - Word arrays the Boehm collector scans -----------------===//
// See gcroots.h. The only place the JIT talks to Boehm directly; everything
// else allocates GC objects through ll_malloc (llgc.h).
//===----------------------------------------------------------------------===//
#include "jit/gcroots.h"
#include "llgc.h"
#include <gc/gc.h>
#include <cstring>
#include <utility>

namespace lathe::jit {

uint64_t* llJitAllocRoots(size_t words) {
  if (words == 0) return nullptr;
  void* p = GC_MALLOC_UNCOLLECTABLE(words * sizeof(uint64_t));  // zeroed, scanned
  if (!p) ll_fatal_oom();
  return static_cast<uint64_t*>(p);
}

void llJitFreeRoots(uint64_t* block) {
  if (block) GC_FREE(block);
}

RootTable::RootTable(const RootTable& other) {
  reserve(other.size_);
  if (other.size_) std::memcpy(words_, other.words_, other.size_ * sizeof(uint64_t));
  size_ = other.size_;
}

RootTable& RootTable::operator=(const RootTable& other) {
  if (this != &other) {
    RootTable copy(other);
    *this = std::move(copy);
  }
  return *this;
}

RootTable::RootTable(RootTable&& other) noexcept
    : words_(std::exchange(other.words_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

RootTable& RootTable::operator=(RootTable&& other) noexcept {
  if (this != &other) {
    llJitFreeRoots(words_);
    words_ = std::exchange(other.words_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void RootTable::reserve(size_t n) {
  if (n <= capacity_) return;
  size_t cap = capacity_ ? capacity_ : 8;
  while (cap < n) cap *= 2;
  uint64_t* bigger = llJitAllocRoots(cap);  // zeroed
  if (size_) std::memcpy(bigger, words_, size_ * sizeof(uint64_t));
  llJitFreeRoots(words_);
  words_ = bigger;
  capacity_ = cap;
}

void RootTable::push(uint64_t w) {
  reserve(size_ + 1);
  words_[size_++] = w;
}

void RootTable::resize(size_t n) {
  reserve(n);
  // Zero both ways: new words start at 0, dropped words stop keeping objects alive.
  if (n > size_) std::memset(words_ + size_, 0, (n - size_) * sizeof(uint64_t));
  else if (n < size_) std::memset(words_ + n, 0, (size_ - n) * sizeof(uint64_t));
  size_ = n;
}

}  // namespace lathe::jit
