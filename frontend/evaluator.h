//===- evaluator.h - The module evaluator (translation-time interpreter) ----===//
// Pipeline position: after the parser, before the flow-graph builder
// (DESIGN §2-3). Input: the main program's path. Output: every module's
// top-level code has run; the ModuleObjs (modules()) hold the prebuilt
// functions, classes, instances and tables that later stages read.
//
// Semantics: a dynamic interpreter of the Python 3 subset of DESIGN §3 plus
// comprehensions, decorators, *args/**kwargs, closures, classes with C3
// multiple inheritance, exceptions. Translation-time simplifications, all
// deliberate:
//   * bytes literals are plain str (strings are byte strings throughout);
//   * generator expressions are evaluated eagerly into lists; `yield` does
//     not exist in RPy;
//   * ints are int64: overflow raises OverflowError("integer overflow at
//     translation time") instead of growing into a big int;
//   * iteration takes a snapshot of the container (range is lazy).
// The main module runs under its own name (the file stem), so
// `if __name__ == "__main__":` blocks do not run.
//
// Errors: an uncaught exception is reported as
//   file:line:col: error: ZeroDivisionError: division by zero
// at the innermost statement, followed by one `note:` per calling frame.
// A step budget (default 200M) and a recursion limit (1000 frames, and a
// C++ stack guard) stop runaway programs with an error, never a crash.
//
// Consumers:
//   * flow-graph builder: FunctionObj::def/lambda/module/defaults/kwdefaults/
//     freevars/definingClass, `scopeOf(fn)`, module globals
//     (ModuleObj::globals), `builtin(name)`.
//   * annotator: modules(), builtinClass(name), typeOf(value).
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/scope.h"
#include "frontend/value.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lathe::eval {

struct Frame;
class EvalImpl;

class Evaluator {
public:
  /// `searchPath`: directories searched after the main program's directory
  /// (the driver passes LATHE_SOURCE_DIR so `from rlib import jit` works).
  Evaluator(SourceManager &sm, Diagnostics &diags, std::vector<std::string> searchPath);
  ~Evaluator();
  Evaluator(const Evaluator &) = delete;
  Evaluator &operator=(const Evaluator &) = delete;

  /// Loads and runs the main program. Returns null after reporting errors.
  ModuleObj *loadMain(const std::string &path);
  /// Imports a module by dotted name (absolute), running it on first import.
  /// Returns null after reporting errors at `from`.
  ModuleObj *importModule(const std::string &dotted, SrcLoc from);

  Heap &heap();
  SourceManager &sources();
  Diagnostics &diags();
  /// A built-in by name (len, range, ValueError, ...); None when unknown.
  Value builtin(const std::string &name) const;
  /// True when `name` is a built-in.
  bool hasBuiltin(const std::string &name) const;
  /// A built-in class (object, int, str, Exception, ValueError, ...); null
  /// when unknown.
  ClassObj *builtinClass(const std::string &name) const;
  /// The class of any value (int for ints, the user class for instances...).
  ClassObj *typeOf(const Value &v) const;
  /// Scope analysis of a module loaded by this evaluator (null if unknown).
  const ScopeTable *scopes(const ast::Module *m) const;
  /// The Scope of a function or lambda made by this evaluator.
  const Scope &scopeOf(const FunctionObj *f) const;
  /// Every module, built-in ones first, in the order loading began (a module
  /// is registered before its body runs, so the main module precedes its imports).
  const std::vector<ModuleObj *> &modules() const;

  /// For BuiltinObj implementations: sets the pending exception to
  /// `cls(message)` and returns false (`return ev.raise(...)`).
  bool raise(const std::string &cls, const std::string &message);
  /// Calls any callable. On a Python exception returns false with the
  /// exception pending (as BuiltinObj::impl does).
  bool call(Value callee, const CallArgs &args, Value &result, SrcLoc loc);
  /// The pending exception (an instance), None when there is none.
  Value pendingException() const;
  /// Python's str() / repr() of a value (user __str__/__repr__ not called).
  std::string toStr(const Value &v) const;

  /// Limits (tests lower them).
  void setStepBudget(uint64_t steps);
  void setRecursionLimit(unsigned frames);

private:
  std::unique_ptr<EvalImpl> impl_;
};

} // namespace lathe::eval
