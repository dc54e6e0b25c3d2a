// Tests of runtime/io.cpp and main.cpp: os.* through pipes and files, OSError
// messages, the stdout policy (program order between print and os.write),
// ll_main's exit status and uncaught-exception report, and the stack check.
#include "runtime_test_util.h"
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>

using namespace rt_test;

namespace {
struct ChildResult { std::string out, err; int status; };

std::string drain(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

/// Runs `body` in a child whose stdout/stderr are pipes (as in the
/// differential tests); returns what it wrote and its exit status.
template <class F>
ChildResult runChild(F body) {
  int out[2], err[2];
  EXPECT_EQ(pipe(out), 0);
  EXPECT_EQ(pipe(err), 0);
  fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]); close(err[0]);
    _exit(body());
  }
  close(out[1]); close(err[1]);
  ChildResult r;
  r.out = drain(out[0]);  // small outputs: no pipe deadlock
  r.err = drain(err[0]);
  close(out[0]); close(err[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

int64_t entryOrder(RList<RStr*>* argv) {
  ll_print_str(rs("a"));
  ll_os_write(1, rs("b\n"));
  ll_print_raw(rs("c"));
  ll_print_char('\n');
  return argv->length + 256;  // exit status & 0xff
}

int64_t entryRaises(RList<RStr*>*) {
  ll_print_str(rs("before"));
  ll_raise_builtin_c(LL_EXC_KEY_ERROR, "'k'");
  return 0;
}

int64_t depth = 0;
int64_t recurse(int64_t n) {
  if (ll_stack_check()) return -1;
  depth = n;
  volatile char pad[256];
  pad[0] = static_cast<char>(n);
  int64_t r = recurse(n + 1);
  return r + pad[0] * 0;
}
int64_t entryRecurses(RList<RStr*>*) { return recurse(0); }
}  // namespace

TEST(RtIo, WriteReadThroughPipe) {
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  EXPECT_EQ(ll_os_write(p[1], rs("hello")), 5);
  EXPECT_EQ(str(ll_os_read(p[0], 3)), "hel");
  EXPECT_EQ(str(ll_os_read(p[0], 10)), "lo");
  ll_os_close(p[1]);
  EXPECT_EQ(str(ll_os_read(p[0], 10)), "");
  ll_os_close(p[0]);
  EXPECT_EQ(takeExc(), "");
}

TEST(RtIo, OSErrorMessages) {
  ll_os_write(999, rs("x"));
  EXPECT_EQ(takeExc(), "OSError: [Errno 9] Bad file descriptor");
  ll_os_open(rs("/nonexistent/x"), ll_os_flag("O_RDONLY"), 0);
  EXPECT_EQ(takeExc(), "OSError: [Errno 2] No such file or directory: '/nonexistent/x'");
  ll_os_close(999);
  EXPECT_EQ(takeExc(), "OSError: [Errno 9] Bad file descriptor");
}

TEST(RtIo, OpenWriteReadFile) {
  std::string path = testing::TempDir() + "lathe_rt_io_test.txt";
  int64_t flags = ll_os_flag("O_WRONLY") | ll_os_flag("O_CREAT") | ll_os_flag("O_TRUNC");
  int64_t fd = ll_os_open(rs(path), flags, 0644);
  ASSERT_GE(fd, 0);
  ll_os_write(fd, rs("data"));
  ll_os_close(fd);
  fd = ll_os_open(rs(path), ll_os_flag("O_RDONLY"), 0);
  EXPECT_EQ(str(ll_os_read(fd, 100)), "data");
  ll_os_close(fd);
  EXPECT_EQ(takeExc(), "");
  unlink(path.c_str());
}

TEST(RtIo, Time) {
  double t = ll_time_time();
  EXPECT_GT(t, 1.6e9);
  double a = ll_time_perf_counter(), b = ll_time_perf_counter();
  EXPECT_LE(a, b);
}

TEST(RtMain, PrintAndOsWriteInProgramOrder) {
  ChildResult r = runChild([] {
    char arg0[] = "prog", arg1[] = "x";
    char* argv[] = {arg0, arg1, nullptr};
    return ll_main(2, argv, entryOrder);
  });
  EXPECT_EQ(r.out, "a\nb\nc\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.status, 2);
}

TEST(RtMain, UncaughtExceptionExits1) {
  ChildResult r = runChild([] {
    char arg0[] = "prog";
    char* argv[] = {arg0, nullptr};
    return ll_main(1, argv, entryRaises);
  });
  EXPECT_EQ(r.out, "before\n");
  EXPECT_EQ(r.err, "Traceback (most recent call last):\n"
                   "  (frames of translated RPy code are not recorded)\n"
                   "KeyError: 'k'\n");
  EXPECT_EQ(r.status, 1);
}

TEST(RtMain, DeepRecursionRaisesRecursionError) {
  ChildResult r = runChild([] {
    char arg0[] = "prog";
    char* argv[] = {arg0, nullptr};
    return ll_main(1, argv, entryRecurses);
  });
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("\nRecursionError: maximum recursion depth exceeded\n"), std::string::npos) << r.err;
}

TEST(RtMain, StackCheckWithSmallLimit) {
  char* saved = ll_stack_limit;
  ll_stack_init(64 << 10);
  depth = 0;
  EXPECT_EQ(recurse(0), -1);
  EXPECT_EQ(takeExc(), "RecursionError: maximum recursion depth exceeded");
  EXPECT_GT(depth, 10);
  ll_stack_limit = saved;
}

TEST(RtMain, Argv) {
  char a[] = "prog", b[] = "arg one";
  char* argv[] = {a, b, nullptr};
  RList<RStr*>* l = ll_argv(2, argv);
  ASSERT_EQ(l->length, 2);
  EXPECT_EQ(str(l->items->items[1]), "arg one");
}
