// Hand-written C++20 counterpart of bench/programs/objects.py: the same
// trees, the same virtual calls through the base class, the same output.
// Nodes are heap-allocated one by one and owned by std::unique_ptr.
// Built by bench/run.py with g++ -O2.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

constexpr int kLongDepth = 14;
constexpr int kDepth = 12;

class Node {
 public:
  explicit Node(std::int64_t item) : item_(item) {}
  virtual ~Node() = default;
  virtual std::int64_t check() const { return item_; }
  virtual std::int64_t count() const { return 1; }

 protected:
  std::int64_t item_;
};

class Leaf : public Node {
 public:
  using Node::Node;
  std::int64_t check() const override { return item_ & 15; }
};

class Branch : public Node {
 public:
  Branch(std::int64_t item, std::unique_ptr<Node> left, std::unique_ptr<Node> right)
      : Node(item), left_(std::move(left)), right_(std::move(right)) {}
  std::int64_t check() const override {
    return (item_ & 255) + 2 * left_->check() - right_->check();
  }
  std::int64_t count() const override { return 1 + left_->count() + right_->count(); }

 private:
  std::unique_ptr<Node> left_;
  std::unique_ptr<Node> right_;
};

std::unique_ptr<Node> make(std::int64_t item, int depth) {
  if (depth == 0) return std::make_unique<Leaf>(item);
  // Left before right, as Python evaluates the arguments.
  std::unique_ptr<Node> left = make(2 * item, depth - 1);
  std::unique_ptr<Node> right = make(2 * item + 1, depth - 1);
  return std::make_unique<Branch>(item, std::move(left), std::move(right));
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t n = 600;
  if (argc > 1) n = std::strtoll(argv[1], nullptr, 10);
  std::unique_ptr<Node> longLived = make(1, kLongDepth);
  std::int64_t total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    std::unique_ptr<Node> tree = make(i, kDepth);
    total += tree->check() * 3 + tree->count();
  }
  std::printf("%lld trees of depth %d: checksum %lld\n", static_cast<long long>(n), kDepth,
              static_cast<long long>(total));
  std::printf("long-lived tree of depth %d: %lld nodes, check %lld\n", kLongDepth,
              static_cast<long long>(longLived->count()),
              static_cast<long long>(longLived->check()));
  return 0;
}
