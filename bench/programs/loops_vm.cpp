// The two loops of bench/programs/loops_vm.py written directly in C++20:
// the "same loop at -O2" column of bench/jit_loops.py.  Same arguments, same
// output lines.  Built with g++ -std=c++20 -O2 -ffp-contract=off (no fused
// multiply-add, so the float loop rounds exactly as the interpreter's).
//
//     loops_vm-cpp int N [SEED]      loops_vm-cpp float N [X0]
//
// The count and the seed come from argv, so the compiler can neither run
// the loop at compile time nor, the step being a multiply-add-mask or a
// chaotic map, replace it by a closed form: it must run N iterations.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

std::int64_t intLoop(std::int64_t n, std::int64_t acc) {
  while (n > 0) {
    acc = (acc * 1103515245 + n) & 0xffffffff;
    n -= 1;
  }
  return acc;
}

void floatLoop(std::int64_t n, double& x, double& s) {
  while (n > 0) {
    x = 3.9 * x * (1.0 - x);
    s = s + x;
    n -= 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || (std::strcmp(argv[1], "int") != 0 && std::strcmp(argv[1], "float") != 0)) {
    std::fputs("usage: loops_vm int N [SEED] | float N [X0]\n", stderr);
    return 2;
  }
  std::int64_t n = std::strtoll(argv[2], nullptr, 10);
  if (std::strcmp(argv[1], "int") == 0) {
    std::int64_t seed = argc > 3 ? std::strtoll(argv[3], nullptr, 10) : 12345;
    std::printf("int: n=%lld seed=%lld acc=%lld\n", static_cast<long long>(n),
                static_cast<long long>(seed), static_cast<long long>(intLoop(n, seed)));
  } else {
    double x0 = argc > 3 ? std::strtod(argv[3], nullptr) : 0.123;
    double x = x0, s = 0.0;
    floatLoop(n, x, s);
    std::printf("float: n=%lld x0=%.17g x=%.17g s=%.17g\n", static_cast<long long>(n), x0, x, s);
  }
  return 0;
}
