//===- lathe.cpp - The `lathe` command-line driver -------------------------===//
// Reads the command line, runs the pipeline stages a command needs, prints
// their output. Exit status: 0 on success, 1 on a user error (diagnostics on
// stderr), 2 on an internal error. Never a signal on bad input.
//
// Commands are one table (COMMANDS below); each is a function from the
// parsed options to an exit status.
//===----------------------------------------------------------------------===//
#include "annotator/annotate.h"
#include "annotator/printer.h"
#include "backend/cpp/emit.h"
#include "jitgen/jitinfo.h"
#include "jitgen/twins.h"
#include "rtyper/rtyper.h"
#include "frontend/evaluator.h"
#include "frontend/flow_builder.h"
#include "frontend/parser.h"
#include "frontend/source.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {

using namespace lathe;

/// Parsed command line: positional arguments and flags.
struct Options {
  std::vector<std::string> positional;
  bool dot = false;
  bool noLoc = false;
  bool time = false;
  bool jit = false;                  // --jit
  bool twins = false;                // --twins (jitinfo)
  std::string entry = "entry_point"; // --entry NAME
  std::string func;                  // --func NAME
  std::string output;                // -o OUT
  std::string keepCpp;               // --keep-cpp DIR
  int opt = 2;                       // --opt 0|2
};

struct Command {
  const char *name;
  const char *usage;
  const char *help;
  int (*run)(const Options &);
};

int cmdParse(const Options &o);
int cmdGraph(const Options &o);
int cmdAnnotate(const Options &o);
int cmdLltype(const Options &o);
int cmdTranslate(const Options &o);
int cmdJitinfo(const Options &o);

const Command COMMANDS[] = {
    {"parse", "parse FILE [--no-loc]", "print the AST of FILE", cmdParse},
    {"graph", "graph FILE [FUNC] [--dot] [--no-loc] [--time]",
     "print the flow graph of every function of FILE (or of FUNC)", cmdGraph},
    {"annotate", "annotate FILE [--entry NAME] [--func NAME] [--time]",
     "infer the type of every variable reachable from entry_point(argv) and print them",
     cmdAnnotate},
    {"lltype", "lltype FILE [--entry NAME] [--func NAME]",
     "print the low-level graphs the RTyper makes (every function, or those matching NAME)",
     cmdLltype},
    {"translate", "translate FILE [-o OUT] [--jit] [--opt 0|2] [--keep-cpp DIR] [--entry NAME] [--time]",
     "translate FILE to a native executable (default OUT: FILE's stem with -c); --jit: with its tracing JIT", cmdTranslate},
    {"jitinfo", "jitinfo FILE [--entry NAME] [--twins]",
     "the JitDrivers, their portals, what the tracer looks inside (hints checked) and the effects of each residual call", cmdJitinfo},
};

void printHelp(std::ostream &out) {
  out << "usage: lathe COMMAND [ARGS]\n\n"
         "Lathe translates interpreters written in RPy (a restricted Python 3)\n"
         "into native VMs with a meta-tracing JIT.\n\ncommands:\n";
  for (const Command &c : COMMANDS)
    out << "  lathe " << c.usage << "\n      " << c.help << "\n";
  out << "  lathe --help | --version\n\n"
         "exit status: 0 success, 1 user error (file:line:col: error: ...), "
         "2 internal error\n";
}

/// The directory holding the project's `rlib/` package: $LATHE_HOME if
/// set, else the source tree this binary was built from.
std::string projectRoot() {
  const char *home = std::getenv("LATHE_HOME");
  return home && *home ? home : LATHE_SOURCE_DIR;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int usageError(const std::string &msg) {
  std::cerr << "lathe: error: " << msg << "\n(run `lathe --help` for usage)\n";
  return 1;
}

int cmdParse(const Options &o) {
  if (o.positional.size() != 1) return usageError("usage: lathe parse FILE");
  SourceManager sm;
  Diagnostics diags(sm, &std::cerr);
  auto id = sm.load(o.positional[0]);
  if (!id) return usageError("cannot read '" + o.positional[0] + "'");
  auto module = parseModule(*id, diags);
  if (!module) return 1;
  std::cout << ast::printModule(*module, !o.noLoc);
  return 0;
}

/// Finds FUNC among the module's run-time functions by name or qualname.
const eval::FunctionObj *findFunction(const std::vector<const eval::FunctionObj *> &fns,
                                      const std::string &name) {
  for (const eval::FunctionObj *f : fns)
    if (f->qualname == name) return f;
  for (const eval::FunctionObj *f : fns)
    if (f->name == name) return f;
  return nullptr;
}

/// The first stages every program command shares: sources, the diagnostics
/// sink (printing to stderr), and the module evaluator run on FILE.
struct LoadedProgram {
  SourceManager sm;
  Diagnostics diags{sm, &std::cerr};
  eval::Evaluator ev{sm, diags, {projectRoot()}};
  eval::ModuleObj *main = nullptr;
  explicit LoadedProgram(const std::string &path) { main = ev.loadMain(path); }
};

int cmdGraph(const Options &o) {
  if (o.positional.empty() || o.positional.size() > 2)
    return usageError("usage: lathe graph FILE [FUNC] [--dot] [--no-loc]");
  auto t0 = std::chrono::steady_clock::now();
  LoadedProgram p(o.positional[0]);
  if (!p.main) return 1;
  eval::Evaluator &ev = p.ev;
  eval::ModuleObj *main = p.main;
  double tLoad = secondsSince(t0);

  auto t1 = std::chrono::steady_clock::now();
  flow::FlowGraphCache cache(ev);
  std::vector<const eval::FunctionObj *> fns = flow::moduleFunctions(main);
  if (o.positional.size() == 2) {
    const eval::FunctionObj *f = findFunction(fns, o.positional[1]);
    if (!f) {
      std::string known;
      for (const eval::FunctionObj *g : fns) known += (known.empty() ? "" : ", ") + g->qualname;
      return usageError("no function '" + o.positional[1] + "' in " + o.positional[0] +
                        (known.empty() ? "" : " (it has: " + known + ")"));
    }
    fns = {f};
  }
  flow::PrintOptions popts;
  popts.locations = !o.noLoc;
  popts.sources = &p.sm;
  bool first = true;
  for (const eval::FunctionObj *f : fns) {
    if (o.positional.size() == 1) {
      // Listing a whole program: translation-time helpers have no graph.
      std::string why = flow::translationTimeOnlyReason(ev, f);
      if (!why.empty()) {
        std::cout << (first ? "" : "\n") << (o.dot ? "// " : "# ") << main->name << "."
                  << f->qualname << ": translation-time only (" << why << "), no graph\n";
        first = false;
        continue;
      }
    }
    flow::FunctionGraph *g = cache.graphFor(f);
    if (!g) continue;
    if (!first) std::cout << "\n";
    first = false;
    std::cout << (o.dot ? flow::printGraphDot(*g) : flow::printGraph(*g, popts));
  }
  if (o.time)
    std::cerr << "lathe: parse+evaluate " << tLoad * 1000 << " ms, flow graphs "
              << secondsSince(t1) * 1000 << " ms (" << fns.size() << " functions)\n";
  return p.diags.hasErrors() ? 1 : 0;
}

/// Loads, annotates and RTypes a program: the shared front of `lltype` and
/// `translate`. Phase times go to `times` (seconds).
struct TypedProgram {
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  LoadedProgram loaded;
  std::unique_ptr<flow::FlowGraphCache> cache;
  std::unique_ptr<ann::Annotator> an;
  rtyper::LLProgram ll;
  double tFrontend = 0, tAnnotate = 0, tRtype = 0;
  bool ok = false;
  int status = 1;

  TypedProgram(const std::string &path, const std::string &entryName) : loaded(path) {
    if (!loaded.main) return;
    const eval::Value *entry = loaded.main->globals.find(entryName);
    const eval::FunctionObj *f = entry ? eval::asFunction(*entry) : nullptr;
    if (!f) {
      status = usageError("no function '" + entryName + "' in " + path);
      return;
    }
    cache = std::make_unique<flow::FlowGraphCache>(loaded.ev);
    tFrontend = secondsSince(t0);
    auto t1 = std::chrono::steady_clock::now();
    an = std::make_unique<ann::Annotator>(*cache, loaded.diags);
    ann::ListDef *argv = an->bookkeeper().newListDef(f->loc());
    an->bookkeeper().generalize(argv->item, ann::someString(), f->loc(), f->loc(), "list item");
    if (!an->annotate(f, {ann::someList(argv)}) || loaded.diags.hasErrors()) return;
    tAnnotate = secondsSince(t1);
    auto t2 = std::chrono::steady_clock::now();
    if (!rtyper::rtype(*an, f, ll, loaded.diags)) return;
    tRtype = secondsSince(t2);
    ok = true;
    status = 0;
  }
};

int cmdLltype(const Options &o) {
  if (o.positional.size() != 1) return usageError("usage: lathe lltype FILE [--entry NAME] [--func NAME]");
  TypedProgram p(o.positional[0], o.entry);
  if (!p.ok) return p.status;
  std::cout << rtyper::printProgram(p.ll, o.func);
  return 0;
}

int cmdJitinfo(const Options &o) {
  if (o.positional.size() != 1) return usageError("usage: lathe jitinfo FILE [--entry NAME] [--twins]");
  TypedProgram p(o.positional[0], o.entry);
  if (!p.ok) return p.status;
  jitgen::JitInfo info;
  bool ok = jitgen::analyze(*p.an, p.ll, info, p.loaded.diags);
  if (!ok) return 1;
  if (o.twins) {
    cpp::JitHooks hooks;
    if (!jitgen::generateJit(p.ll, info, hooks, p.loaded.diags)) return 1;
    std::cout << jitgen::printJitFiles(hooks);
    return 0;
  }
  std::cout << jitgen::printJitInfo(info, p.loaded.sm);
  if (info.drivers.empty()) return 0;
  // What each residual call of the generated JIT may read and write.
  cpp::JitHooks hooks;
  std::vector<jitgen::ResidualCall> calls;
  if (!jitgen::generateJit(p.ll, info, hooks, p.loaded.diags, &calls)) return 1;
  std::cout << jitgen::printEffects(calls);
  return 0;
}

int cmdTranslate(const Options &o) {
  if (o.positional.size() != 1)
    return usageError("usage: lathe translate FILE [-o OUT] [--jit] [--opt 0|2] [--keep-cpp DIR]");
  if (o.opt != 0 && o.opt != 2) return usageError("--opt takes 0 or 2");
  namespace fs = std::filesystem;
  auto t0 = std::chrono::steady_clock::now();
  const std::string &file = o.positional[0];
  TypedProgram p(file, o.entry);
  if (!p.ok) return p.status;
  std::string out = o.output.empty() ? fs::path(file).stem().string() + "-c" : o.output;
  // The generated project: --keep-cpp DIR, else a directory next to OUT
  // that is reused (so rebuilds are incremental) and left for inspection.
  std::string dir = o.keepCpp.empty() ? out + ".cpp.d" : o.keepCpp;
  auto t1 = std::chrono::steady_clock::now();
  cpp::EmitOptions eo;
  eo.sources = &p.loaded.sm;
  eo.opt = o.opt;
  // --jit: the hints drive a tracing JIT (DESIGN §6); without it they are no-ops.
  cpp::JitHooks hooks;
  double tJitgen = 0;
  if (o.jit) {
    jitgen::JitInfo info;
    if (!jitgen::analyze(*p.an, p.ll, info, p.loaded.diags)) return 1;
    if (info.drivers.empty()) {
      std::cerr << "lathe: error: --jit: " << file << " has no JitDriver (no jit_merge_point)\n";
      return 1;
    }
    if (!jitgen::generateJit(p.ll, info, hooks, p.loaded.diags)) return 1;
    eo.jit = &hooks;
    tJitgen = secondsSince(t1);
  }
  std::string err = cpp::emitProject(p.ll, dir, eo);
  if (!err.empty()) {
    std::cerr << "lathe: error: " << err << "\n";
    return 1;
  }
  double tEmit = secondsSince(t1) - tJitgen;
  auto t2 = std::chrono::steady_clock::now();
  err = cpp::buildProject(dir, out, o.opt);
  double tBuild = secondsSince(t2);
  if (!err.empty()) {
    std::cerr << "lathe: internal error: " << err << "\n";
    return 2;
  }
  if (o.time) {
    std::cerr << "time: frontend " << p.tFrontend << "\n"
              << "time: annotate " << p.tAnnotate << "\n"
              << "time: rtype " << p.tRtype << "\n"
              << (o.jit ? "time: jitgen " + std::to_string(tJitgen) + "\n" : std::string())
              << "time: emit " << tEmit << "\n"
              << "time: cxx-build " << tBuild << "\n"
              << "time: total " << secondsSince(t0) << "\n";
  }
  return 0;
}

int cmdAnnotate(const Options &o) {
  if (o.positional.size() != 1)
    return usageError("usage: lathe annotate FILE [--entry NAME] [--func NAME]");
  auto t0 = std::chrono::steady_clock::now();
  LoadedProgram p(o.positional[0]);
  if (!p.main) return 1;
  eval::Evaluator &ev = p.ev;
  eval::ModuleObj *main = p.main;
  Diagnostics &diags = p.diags;
  const eval::Value *entry = main->globals.find(o.entry);
  const eval::FunctionObj *f = entry ? eval::asFunction(*entry) : nullptr;
  if (!f) return usageError("no function '" + o.entry + "' in " + o.positional[0]);
  flow::FlowGraphCache cache(ev);
  ann::Annotator an(cache, diags);
  ann::ListDef *argv = an.bookkeeper().newListDef(f->loc());
  an.bookkeeper().generalize(argv->item, ann::someString(), f->loc(), f->loc(), "list item");
  bool ok = an.annotate(f, {ann::someList(argv)});
  if (ok) {
    ann::AnnPrintOptions popts;
    popts.onlyFunction = o.func;
    std::cout << ann::printAnnotations(an, popts);
  }
  if (o.time)
    std::cerr << "lathe: load+annotate " << secondsSince(t0) * 1000 << " ms ("
              << an.graphs().size() << " functions)\n";
  return ok && !diags.hasErrors() ? 0 : 1;
}

int run(int argc, char **argv) {
  if (argc < 2) {
    printHelp(std::cerr);
    return 1;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    printHelp(std::cout);
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "lathe " << LATHE_VERSION << "\n";
    return 0;
  }
  Options o;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dot") o.dot = true;
    else if (a == "--no-loc") o.noLoc = true;
    else if (a == "--time") o.time = true;
    else if (a == "--jit") o.jit = true;
    else if (a == "--twins") o.twins = true;
    else if ((a == "--entry" || a == "--func") && i + 1 < argc) (a == "--entry" ? o.entry : o.func) = argv[++i];
    else if (a == "-o" && i + 1 < argc) o.output = argv[++i];
    else if (a == "--keep-cpp" && i + 1 < argc) o.keepCpp = argv[++i];
    else if (a == "--opt" && i + 1 < argc) {
      std::string v = argv[++i];
      if (v != "0" && v != "2") return usageError("--opt takes 0 or 2");
      o.opt = v[0] - '0';
    }
    else if (a.size() > 1 && a[0] == '-') return usageError("unknown option '" + a + "'");
    else o.positional.push_back(a);
  }
  for (const Command &c : COMMANDS)
    if (cmd == c.name) return c.run(o);
  return usageError("unknown command '" + cmd + "'");
}

} // namespace

int main(int argc, char **argv) {
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc &) {
    std::cerr << "lathe: error: out of memory\n";
    return 1;
  } catch (const std::exception &e) {
    std::cerr << "lathe: internal error: " << e.what() << "\n";
    return 2;
  }
}
