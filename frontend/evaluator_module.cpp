//===- evaluator_module.cpp - Module evaluator: modules, errors, facade ------===//
// Module loading (program directory first, then the search path; packages
// are directories with __init__.py; relative imports), import cycles as in
// Python (a module is registered before its body runs), the built-in
// modules sys / os / time / math, error reporting (an uncaught exception
// becomes one error at the innermost statement plus a note per calling
// frame), the step budget and recursion guards, and the public Evaluator.
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"
#include "frontend/parser.h"

#include <chrono>
#include <cmath>
#include <climits>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace lathe::eval {

namespace fs = std::filesystem;

EvalImpl::EvalImpl(SourceManager &s, Diagnostics &d, std::vector<std::string> path)
    : sm(s), diags(d), searchPath(std::move(path)) {
  makeBuiltins();
  makeBuiltinModules();
}

// --- errors ----------------------------------------------------------------------

void EvalImpl::throwValue(Value exc) {
  pendingExc = exc;
  pendingTrace.clear();
  for (Frame *f = top; f; f = f->parent) pendingTrace.emplace_back(f->loc, f->what);
  throw PyRaise{};
}

void EvalImpl::throwExc(const std::string &cls, const std::string &msg) { throwValue(newExc(cls, msg)); }

void EvalImpl::fatal(SrcLoc loc, const std::string &msg) {
  diags.error(loc, msg);
  throw FatalStop{};
}

void EvalImpl::step(SrcLoc loc) {
  if (++steps > budget) fatal(loc, "translation-time evaluation did not finish (step budget of " +
                                       std::to_string(budget) + " exhausted)");
}

void EvalImpl::checkStack() {
  char here;
  // 4 MB of C++ stack is far below the usual 8 MB limit.
  if (stackBase && stackBase - &here > 4 * 1024 * 1024)
    throwExc("RecursionError", "maximum recursion depth exceeded");
}

std::string EvalImpl::excMessage(Value exc) {
  InstanceObj *i = asInstance(exc);
  if (!i) return "exception";
  std::string msg;
  try { msg = toStr(exc); } catch (PyRaise &) { msg = "<exception str() failed>"; }
  if (i->cls == classes["KeyError"]) {
    const Value *args = i->attrs.find("args");
    if (args && asTuple(*args) && asTuple(*args)->items.size() == 1) msg = toRepr(asTuple(*args)->items[0]);
  }
  return msg.empty() ? i->cls->name : i->cls->name + ": " + msg;
}

void EvalImpl::reportUncaught() {
  Value exc = pendingExc;
  auto trace = pendingTrace;
  pendingExc = Value();
  SrcLoc where = trace.empty() ? SrcLoc() : trace[0].first;
  diags.error(where, excMessage(exc));
  for (size_t i = 1; i < trace.size(); ++i)
    diags.note(trace[i].first, trace[i - 1].second.rfind("module ", 0) == 0
                                   ? "while importing " + trace[i - 1].second
                                   : "in call to " + trace[i - 1].second);
}

// --- module loading --------------------------------------------------------------

std::string EvalImpl::findModuleFile(const std::string &dotted, bool &isPackage) {
  std::string rel = dotted;
  for (char &c : rel) if (c == '.') c = '/';
  std::vector<std::string> dirs;
  if (!mainDir.empty()) dirs.push_back(mainDir);
  dirs.insert(dirs.end(), searchPath.begin(), searchPath.end());
  for (const std::string &d : dirs) {
    fs::path base = fs::path(d) / rel;
    std::error_code ec;
    if (fs::is_regular_file(base / "__init__.py", ec)) { isPackage = true; return (base / "__init__.py").string(); }
    fs::path file = base;
    file += ".py";
    if (fs::is_regular_file(file, ec)) { isPackage = false; return file.string(); }
  }
  return "";
}

ModuleObj *EvalImpl::loadFile(const std::string &name, const std::string &path, bool isPackage) {
  auto fileId = sm.load(path);
  if (!fileId) return nullptr;
  auto *m = heap.make<ModuleObj>();
  m->name = name;
  m->path = path;
  m->file = *fileId;
  m->globals.set("__name__", str(name));
  m->globals.set("__file__", str(path));
  m->globals.set("__package__", str(isPackage ? name : name.substr(0, name.rfind('.') == std::string::npos ? 0 : name.rfind('.'))));
  return m;
}

ModuleObj *EvalImpl::runModule(ModuleObj *m, SrcLoc from) {
  std::unique_ptr<ast::Module> tree = parseModule(m->file, diags);
  // An imported module that does not parse: its errors are reported; stop
  // (the importer has nothing to bind).
  if (!tree) throw FatalStop{};
  m->ast = tree.get();
  tables[tree.get()] = std::make_unique<ScopeTable>(*tree, &diags);
  asts.push_back(std::move(tree));
  modules.push_back(m);
  byName[m->name] = m;
  Frame f;
  f.module = m;
  f.table = tables[m->ast].get();
  f.what = "module '" + m->name + "'";
  f.parent = top;
  Frame *saved = top;
  top = &f;
  struct Restore { EvalImpl &ev; Frame *saved; ~Restore() { ev.top = saved; } } restore{*this, saved};
  if (top->parent) top->parent->loc = from.known() ? from : top->parent->loc;
  try {
    execBlock(m->ast->body, f);
  } catch (PyRaise &) {
    byName.erase(m->name); // a failed import leaves no module behind, as in Python
    throw;
  }
  m->initialized = true;
  return m;
}

ModuleObj *EvalImpl::importModule(const std::string &dotted, SrcLoc from) {
  auto it = byName.find(dotted);
  if (it != byName.end()) return it->second;
  if (size_t dot = dotted.rfind('.'); dot != std::string::npos) {
    ModuleObj *parent = importModule(dotted.substr(0, dot), from);
    if (auto again = byName.find(dotted); again != byName.end()) return again->second;
    ModuleObj *child = nullptr;
    bool pkg = false;
    std::string path = findModuleFile(dotted, pkg);
    if (path.empty()) throwValue(newExc("ModuleNotFoundError", "no module named '" + dotted + "'"));
    child = loadFile(dotted, path, pkg);
    if (!child) throwValue(newExc("ImportError", "cannot read '" + path + "'"));
    parent->globals.set(dotted.substr(dot + 1), Value::object(child));
    return runModule(child, from);
  }
  bool pkg = false;
  std::string path = findModuleFile(dotted, pkg);
  if (path.empty()) throwValue(newExc("ModuleNotFoundError", "no module named '" + dotted + "'"));
  ModuleObj *m = loadFile(dotted, path, pkg);
  if (!m) throwValue(newExc("ImportError", "cannot read '" + path + "'"));
  return runModule(m, from);
}

void EvalImpl::execImport(const ast::Import *s, Frame &f) {
  for (const ast::Alias &a : s->names) {
    f.loc = a.loc.known() ? a.loc : s->loc;
    ModuleObj *m = importModule(a.name, f.loc);
    if (!a.asname.empty()) { storeName(a.asname, Value::object(m), f); continue; }
    std::string first = a.name.substr(0, a.name.find('.'));
    storeName(first, Value::object(byName[first]), f);
  }
  f.loc = s->loc;
}

std::string EvalImpl::resolveRelative(const ast::ImportFrom *s, Frame &f) {
  if (s->level == 0) return s->module;
  const Value *pkgv = f.module->globals.find("__package__");
  std::string pkg = pkgv && asStr(*pkgv) ? asStr(*pkgv)->value : "";
  for (int i = 1; i < s->level; ++i) {
    size_t dot = pkg.rfind('.');
    pkg = dot == std::string::npos ? "" : pkg.substr(0, dot);
  }
  if (pkg.empty()) return s->module; // the program directory is the root package
  return s->module.empty() ? pkg : pkg + "." + s->module;
}

Value EvalImpl::importFrom(ModuleObj *m, const std::string &name, SrcLoc loc) {
  if (Value *v = m->globals.find(name)) return *v;
  bool pkg = false;
  if (!m->builtin && !findModuleFile(m->name + "." + name, pkg).empty())
    return Value::object(importModule(m->name + "." + name, loc));
  throwValue(newExc("ImportError", "cannot import name '" + name + "' from '" + m->name + "'"));
}

void EvalImpl::execImportFrom(const ast::ImportFrom *s, Frame &f) {
  std::string target = resolveRelative(s, f);
  ModuleObj *m = nullptr;
  if (target.empty()) { // `from . import x` at the top of the program directory
    for (const ast::Alias &a : s->names) {
      ModuleObj *sub = importModule(a.name, s->loc);
      storeName(a.asname.empty() ? a.name : a.asname, Value::object(sub), f);
    }
    return;
  }
  m = importModule(target, s->loc);
  for (const ast::Alias &a : s->names) {
    if (a.name == "*") {
      for (auto &[n, v] : m->globals.entries())
        if (n[0] != '_') storeName(n, v, f);
      continue;
    }
    storeName(a.asname.empty() ? a.name : a.asname, importFrom(m, a.name, s->loc), f);
  }
}

// --- built-in modules ------------------------------------------------------------

static ModuleObj *builtinModule(EvalImpl &ev, const std::string &name) {
  auto *m = ev.heap.make<ModuleObj>();
  m->name = name;
  m->builtin = true;
  m->initialized = true;
  m->globals.set("__name__", ev.str(name));
  ev.modules.push_back(m);
  ev.byName[name] = m;
  return m;
}

static void fn(EvalImpl &ev, ModuleObj *m, const std::string &name, EvalImpl::Impl impl) {
  m->globals.set(name, Value::object(ev.newBuiltin(m->name + "." + name, impl)));
}

static void makeMath(EvalImpl &ev) {
  ModuleObj *m = builtinModule(ev, "math");
  m->globals.set("pi", Value::number(M_PI));
  m->globals.set("e", Value::number(M_E));
  m->globals.set("inf", Value::number(INFINITY));
  m->globals.set("nan", Value::number(NAN));
  static const std::pair<const char *, double (*)(double)> unary[] = {
      {"sqrt", std::sqrt}, {"exp", std::exp}, {"log10", std::log10}, {"sin", std::sin},
      {"cos", std::cos}, {"tan", std::tan}, {"asin", std::asin}, {"acos", std::acos},
      {"atan", std::atan}, {"fabs", std::fabs}, {"log2", std::log2}};
  for (auto &[name, f] : unary) {
    auto *op = f;
    std::string n = name;
    fn(ev, m, name, [op, n](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 1, 1, n.c_str());
      double x = ev.toFloat(a.positional[0]).asFloat();
      if ((n == "sqrt" && x < 0) || ((n == "asin" || n == "acos") && std::fabs(x) > 1))
        ev.throwExc("ValueError", "math domain error");
      return Value::number(op(x));
    });
  }
  fn(ev, m, "log", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "log");
    double x = ev.toFloat(a.positional[0]).asFloat();
    if (x <= 0) ev.throwExc("ValueError", "math domain error");
    double r = std::log(x);
    if (a.positional.size() > 1) r /= std::log(ev.toFloat(a.positional[1]).asFloat());
    return Value::number(r);
  });
  static const std::pair<const char *, double (*)(double, double)> binary[] = {
      {"pow", std::pow}, {"atan2", std::atan2}, {"hypot", std::hypot}, {"fmod", std::fmod}};
  for (auto &[name, f] : binary) {
    auto *op = f;
    std::string n = name;
    fn(ev, m, name, [op, n](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 2, 2, n.c_str());
      double x = ev.toFloat(a.positional[0]).asFloat(), y = ev.toFloat(a.positional[1]).asFloat();
      if (n == "fmod" && (y == 0 || std::isinf(x)) && !std::isnan(x) && !std::isnan(y))
        ev.throwExc("ValueError", "math domain error");
      return Value::number(op(x, y));
    });
  }
  fn(ev, m, "floor", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 1, 1, "floor");
    return ev.toInt(Value::number(std::floor(ev.toFloat(a.positional[0]).asFloat())), loc);
  });
  fn(ev, m, "ceil", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 1, 1, "ceil");
    return ev.toInt(Value::number(std::ceil(ev.toFloat(a.positional[0]).asFloat())), loc);
  });
  fn(ev, m, "isinf", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "isinf");
    return Value::boolean(std::isinf(ev.toFloat(a.positional[0]).asFloat()));
  });
  fn(ev, m, "isnan", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "isnan");
    return Value::boolean(std::isnan(ev.toFloat(a.positional[0]).asFloat()));
  });
}

static void makeOs(EvalImpl &ev) {
  ModuleObj *m = builtinModule(ev, "os");
  for (auto [n, v] : {std::pair{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
                      {"O_CREAT", O_CREAT}, {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND}})
    m->globals.set(n, Value::integer(v));
  m->globals.set("sep", ev.str("/"));
  fn(ev, m, "write", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "write");
    StrObj *s = asStr(a.positional[1]);
    if (!s) ev.throwExc("TypeError", "os.write() argument 2 must be str or bytes");
    ssize_t n = ::write(int(ev.toIndex(a.positional[0], "fd")), s->value.data(), s->value.size());
    if (n < 0) ev.throwExc("OSError", "write failed");
    return Value::integer(n);
  });
  for (const char *name : {"read", "open", "close"})
    fn(ev, m, name, [name](EvalImpl &ev, CallArgs &, SrcLoc) -> Value {
      ev.throwExc("OSError", std::string("os.") + name + " is not available at translation time");
    });
}

static void makeSysTime(EvalImpl &ev) {
  ModuleObj *sys = builtinModule(ev, "sys");
  sys->globals.set("argv", ev.makeList({}));
  sys->globals.set("maxsize", Value::integer(INT64_MAX));
  sys->globals.set("maxint", Value::integer(INT64_MAX));
  sys->globals.set("byteorder", ev.str("little"));
  sys->globals.set("platform", ev.str("linux"));
  fn(ev, sys, "exit", [](EvalImpl &ev, CallArgs &a, SrcLoc) -> Value {
    ev.throwValue(ev.newExc("SystemExit", a.positional.empty() ? "" : ev.toStr(a.positional[0])));
  });
  fn(ev, sys, "setrecursionlimit", [](EvalImpl &, CallArgs &, SrcLoc) { return Value(); });
  ModuleObj *time = builtinModule(ev, "time");
  auto now = [](EvalImpl &, CallArgs &, SrcLoc) {
    return Value::number(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
  };
  fn(ev, time, "time", now);
  fn(ev, time, "perf_counter", [](EvalImpl &, CallArgs &, SrcLoc) {
    return Value::number(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
  });
  fn(ev, time, "clock", now);
}

void EvalImpl::makeBuiltinModules() {
  makeSysTime(*this);
  makeOs(*this);
  makeMath(*this);
}

// --- public facade ---------------------------------------------------------------

Evaluator::Evaluator(SourceManager &sm, Diagnostics &diags, std::vector<std::string> searchPath)
    : impl_(std::make_unique<EvalImpl>(sm, diags, std::move(searchPath))) {
  impl_->api = this;
}
Evaluator::~Evaluator() = default;

/// Runs `body` with the exception guards of a top-level entry.
template <class F> static ModuleObj *guarded(EvalImpl &ev, F body) {
  char base;
  const char *savedBase = ev.stackBase;
  if (!ev.top) ev.stackBase = &base;
  ModuleObj *result = nullptr;
  try {
    result = body();
  } catch (PyRaise &) {
    ev.reportUncaught();
  } catch (FatalStop &) {
  }
  ev.stackBase = savedBase;
  return result;
}

ModuleObj *Evaluator::loadMain(const std::string &path) {
  EvalImpl &ev = *impl_;
  fs::path p(path);
  ev.mainDir = p.parent_path().empty() ? "." : p.parent_path().string();
  std::string name = p.stem().string();
  unsigned before = ev.diags.errorCount();
  ModuleObj *m = guarded(ev, [&]() -> ModuleObj * {
    if (auto it = ev.byName.find(name); it != ev.byName.end()) {
      // Only built-in modules exist before the main program: a main file
      // named like one would silently become that module.
      ev.diags.error(SrcLoc(), "the program's file name '" + p.filename().string() +
                                   "' is the name of the built-in module '" + name +
                                   "'; rename the file");
      return nullptr;
    }
    ModuleObj *mod = ev.loadFile(name, path, false);
    if (!mod) {
      ev.diags.error(SrcLoc(), "cannot read '" + path + "'");
      return nullptr;
    }
    return ev.runModule(mod, SrcLoc());
  });
  return ev.diags.errorCount() != before ? nullptr : m;
}

ModuleObj *Evaluator::importModule(const std::string &dotted, SrcLoc from) {
  unsigned before = impl_->diags.errorCount();
  ModuleObj *m = guarded(*impl_, [&] { return impl_->importModule(dotted, from); });
  return impl_->diags.errorCount() != before ? nullptr : m;
}

Heap &Evaluator::heap() { return impl_->heap; }
SourceManager &Evaluator::sources() { return impl_->sm; }
Diagnostics &Evaluator::diags() { return impl_->diags; }
Value Evaluator::builtin(const std::string &name) const {
  const Value *v = impl_->builtins.find(name);
  return v ? *v : Value();
}
bool Evaluator::hasBuiltin(const std::string &name) const { return impl_->builtins.find(name) != nullptr; }
ClassObj *Evaluator::builtinClass(const std::string &name) const {
  auto it = impl_->classes.find(name);
  return it == impl_->classes.end() ? nullptr : it->second;
}
ClassObj *Evaluator::typeOf(const Value &v) const { return impl_->typeOf(v); }
const ScopeTable *Evaluator::scopes(const ast::Module *m) const {
  auto it = impl_->tables.find(m);
  return it == impl_->tables.end() ? nullptr : it->second.get();
}
const Scope &Evaluator::scopeOf(const FunctionObj *f) const {
  const ScopeTable *t = scopes(f->module->ast);
  assert(t && "function of a module this evaluator did not load");
  return t->of(f->def ? static_cast<const ast::Node *>(f->def) : f->lambda);
}
const std::vector<ModuleObj *> &Evaluator::modules() const { return impl_->modules; }

bool Evaluator::raise(const std::string &cls, const std::string &message) {
  impl_->pendingExc = impl_->newExc(cls, message);
  impl_->pendingTrace.clear();
  return false;
}
bool Evaluator::call(Value callee, const CallArgs &args, Value &result, SrcLoc loc) {
  try {
    result = impl_->call(callee, args, loc);
    return true;
  } catch (PyRaise &) {
    return false;
  }
}
Value Evaluator::pendingException() const { return impl_->pendingExc; }
std::string Evaluator::toStr(const Value &v) const {
  if (auto *s = asStr(v)) return s->value;
  return repr(v);
}
void Evaluator::setStepBudget(uint64_t steps) { impl_->budget = steps; }
void Evaluator::setRecursionLimit(unsigned frames) { impl_->recursionLimit = frames; }

} // namespace lathe::eval
