// Hand-written C++20 counterpart of bench/programs/intloop.py: the same
// algorithm and the same output.  Built by bench/run.py with g++ -O2.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr std::int64_t kMask31 = 2147483647;
constexpr std::int64_t kMask40 = 1099511627775;

std::vector<std::int64_t> sieve(std::int64_t limit) {
  std::vector<bool> flags(limit, true);
  flags[0] = false;
  flags[1] = false;
  std::vector<std::int64_t> primes;
  for (std::int64_t i = 2; i < limit; ++i) {
    if (flags[i]) {
      primes.push_back(i);
      for (std::int64_t j = i * i; j < limit; j += i) flags[j] = false;
    }
  }
  return primes;
}

std::int64_t lcg(std::int64_t x) { return (x * 1103515245 + 12345) & kMask31; }

std::int64_t run(std::int64_t n, const std::vector<std::int64_t>& primes) {
  // 128 table entries: the primes from the 41st on (all above 170).
  std::vector<std::int64_t> table(primes.begin() + 40, primes.begin() + 168);
  std::int64_t x = 12345;
  std::int64_t acc = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    x = lcg(x);
    std::int64_t p = table[(x >> 9) & 127];
    std::int64_t q = x / 1009;  // x >= 0: truncation is floor
    std::int64_t r = x % 61;
    if ((r & 1) == 0) {
      acc += q + p * r;
    } else {
      acc ^= (r << 13) | (i & 8191) | p;
    }
    acc &= kMask40;
  }
  return acc;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t n = 9000000;
  if (argc > 1) n = std::strtoll(argv[1], nullptr, 10);
  std::vector<std::int64_t> primes = sieve(1000);
  std::printf("primes: %zu, last %lld\n", primes.size(), static_cast<long long>(primes.back()));
  std::printf("checksum: %lld\n", static_cast<long long>(run(n, primes)));
  return 0;
}
