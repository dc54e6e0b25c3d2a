//===- x86disasm.cpp - Disassembly of compiled traces (jit-disasm log) ----===//
// Issue 6 item 4: "optionally the disassembly if a disassembler is
// available". Lathe does not ship a disassembler; it asks binutils'
// objdump (LATHE_OBJDUMP overrides the program) to decode the code bytes,
// with addresses adjusted to where the code runs, so a `perf annotate` or
// gdb session lines up with the log. Without objdump the log says so.
//===----------------------------------------------------------------------===//
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include "jit/x86/x86backend.h"

namespace lathe::jit {

std::string x86Disassemble(const void* code, size_t size) {
  const char* objdump = std::getenv("LATHE_OBJDUMP");
  if (!objdump || !*objdump) objdump = "objdump";
  char path[] = "/tmp/lathe-jit-code-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "(no disassembly: cannot create a temporary file)\n";
  const char* p = static_cast<const char*>(code);
  size_t left = size;
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<size_t>(n);
  }
  close(fd);
  char vma[32];
  std::snprintf(vma, sizeof vma, "0x%lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(code)));
  std::string cmd = std::string(objdump) + " -D -b binary -m i386:x86-64 -M intel --no-show-raw-insn --adjust-vma=" +
                    vma + " " + path + " 2>/dev/null";
  std::string out;
  if (std::FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    pclose(f);
  }
  unlink(path);
  // Keep the instructions only: objdump's header ends at "<.data>:".
  size_t start = out.find("<.data>:\n");
  if (start == std::string::npos) return std::string("(no disassembly: '") + objdump + "' is not available)\n";
  return out.substr(start + 9);
}

}  // namespace lathe::jit
