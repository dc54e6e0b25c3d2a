//===- evaluator_impl.h - Internals of the module evaluator -----------------===//
// Shared by evaluator_*.cpp only (not a public header). The evaluator is a
// tree-walking interpreter over the AST:
//   evaluator_expr.cpp     expressions, operators, comparisons, subscripts
//   evaluator_stmt.cpp     statements, assignment targets, try/except
//   evaluator_call.cpp     calls, argument binding, functions, classes,
//                          attributes, super()
//   evaluator_builtins.cpp built-in functions and classes, exceptions
//   evaluator_methods.cpp  str / list / dict / set methods, %-formatting
//   evaluator_module.cpp   module loading, the built-in modules, the public
//                          Evaluator facade, error reporting
// Python exceptions propagate as the C++ exception `PyRaise` (the exception
// object itself is in EvalImpl::pendingExc); a reported fatal error (step
// budget, unsupported construct) unwinds as `FatalStop`. Both are caught at
// the module boundary, so no C++ exception escapes the Evaluator.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/evaluator.h"

#include <map>
#include <unordered_map>

namespace lathe::eval {

struct PyRaise {};
struct FatalStop {};

enum class Flow { NORMAL, RETURN, BREAK, CONTINUE };

/// One activation: module top level, class body, function, comprehension.
struct Frame {
  ModuleObj *module = nullptr;
  const ScopeTable *table = nullptr;
  const Scope *scope = nullptr;   // null at module top level
  std::unordered_map<std::string, Value> locals;
  std::unordered_map<std::string, CellObj *> cells; // CELL and FREE names
  NameMap *classNs = nullptr;     // class body namespace
  FunctionObj *func = nullptr;    // running function (for super())
  Value firstArg;                 // its first argument (for super())
  bool hasFirstArg = false;
  std::vector<FunctionObj *> classFuncs; // functions defined in this class body
  SrcLoc loc;                     // current statement
  std::string what;               // "'f'" / "module 'x'" for notes
  Value retval;
  Frame *parent = nullptr;
};

/// A lazily produced sequence for `for` loops and consumers of iterables.
struct IterState {
  std::vector<Value> items;
  bool isRange = false;
  int64_t cur = 0, stop = 0, step = 1;
  size_t pos = 0;
  IteratorObj *iter = nullptr;    // consuming a shared iterator object
  bool next(Value &out);
};

class EvalImpl {
public:
  EvalImpl(SourceManager &sm, Diagnostics &diags, std::vector<std::string> path);

  Evaluator *api = nullptr;
  SourceManager &sm;
  Diagnostics &diags;
  Heap heap;
  std::vector<std::string> searchPath;
  std::string mainDir;
  std::vector<ModuleObj *> modules;
  std::map<std::string, ModuleObj *> byName;
  std::vector<std::unique_ptr<ast::Module>> asts;
  std::map<const ast::Module *, std::unique_ptr<ScopeTable>> tables;
  NameMap builtins;
  std::map<std::string, ClassObj *> classes;
  std::map<std::string, std::map<std::string, BuiltinObj *>> methods; // type -> name -> impl
  Value pendingExc;
  std::vector<std::pair<SrcLoc, std::string>> pendingTrace; // innermost first
  Frame *top = nullptr;
  unsigned depth = 0, recursionLimit = 1000;
  uint64_t steps = 0, budget = 200000000;
  const char *stackBase = nullptr;

  // --- errors (evaluator_module.cpp) ---
  [[noreturn]] void throwExc(const std::string &cls, const std::string &msg);
  [[noreturn]] void throwValue(Value exc);
  [[noreturn]] void fatal(SrcLoc loc, const std::string &msg);
  void step(SrcLoc loc);
  void checkStack();
  void reportUncaught();
  std::string excMessage(Value exc);

  // --- modules (evaluator_module.cpp) ---
  ModuleObj *importModule(const std::string &dotted, SrcLoc from);
  ModuleObj *loadFile(const std::string &name, const std::string &path, bool isPackage);
  ModuleObj *runModule(ModuleObj *m, SrcLoc from);
  std::string findModuleFile(const std::string &dotted, bool &isPackage);
  Value importFrom(ModuleObj *m, const std::string &name, SrcLoc loc);
  std::string resolveRelative(const ast::ImportFrom *s, Frame &f);
  void makeBuiltinModules();

  // --- statements (evaluator_stmt.cpp) ---
  Flow execBlock(const ast::StmtList &body, Frame &f);
  Flow exec(const ast::Stmt *s, Frame &f);
  Flow execFor(const ast::For *s, Frame &f);
  Flow execWhile(const ast::While *s, Frame &f);
  Flow execTry(const ast::Try *s, Frame &f);
  Flow execHandlers(const ast::Try *s, Frame &f, bool &handled);
  void execRaise(const ast::Raise *s, Frame &f);
  void execImport(const ast::Import *s, Frame &f);
  void execImportFrom(const ast::ImportFrom *s, Frame &f);
  void execAugAssign(const ast::AugAssign *s, Frame &f);
  void assign(const ast::Expr *target, Value v, Frame &f);
  void assignSeq(const ast::ExprList &elts, Value v, Frame &f, SrcLoc loc);
  void del(const ast::Expr *target, Frame &f);
  void storeName(const std::string &n, Value v, Frame &f);
  Value loadName(const std::string &n, Frame &f, SrcLoc loc);
  void delName(const std::string &n, Frame &f);

  // --- expressions (evaluator_expr.cpp) ---
  Value eval(const ast::Expr *e, Frame &f);
  Value evalBinOp(ast::BinOpKind op, Value a, Value b, bool inplace);
  Value arith(ast::BinOpKind op, Value a, Value b, bool &handled);
  Value intArith(ast::BinOpKind op, int64_t a, int64_t b);
  Value floatArith(ast::BinOpKind op, double a, double b);
  Value seqArith(ast::BinOpKind op, Value a, Value b, bool &handled);
  Value evalUnary(ast::UnaryOpKind op, Value v);
  Value evalCompare(const ast::Compare *c, Frame &f);
  bool compareOp(ast::CmpOpKind op, Value a, Value b);
  Value evalBoolOp(const ast::BoolOp *b, Frame &f);
  Value evalSubscript(Value obj, Value idx);
  Value sliceOf(Value obj, const ast::Slice *s, Frame &f);
  void setItem(Value obj, Value idx, Value v);
  void delItem(Value obj, Value idx);
  Value evalComprehension(const ast::Expr *e, Frame &f);
  void compLoop(const ast::Expr *e, const std::vector<ast::Comprehension> &gens, size_t i,
                Frame &cf, Value &out, Frame &outer);
  Value evalDisplay(const ast::Expr *e, Frame &f);
  void extendFrom(std::vector<Value> &out, const ast::ExprList &elts, Frame &f);
  Value makeTuple(std::vector<Value> items);
  Value makeList(std::vector<Value> items);
  Value str(std::string s) { return heap.str(std::move(s)); }

  // --- Python protocol helpers (evaluator_expr.cpp) ---
  bool truthy(Value v);
  bool pyEq(Value a, Value b);
  bool pyLess(Value a, Value b);
  bool contains(Value container, Value item);
  int64_t hashOf(Value v);
  int64_t length(Value v);
  std::string toStr(Value v);
  std::string toRepr(Value v);
  std::vector<Value> toVector(Value v);
  IterState iterate(Value v);
  int64_t toIndex(Value v, const char *what);
  bool callDunder(Value self, const std::string &name, std::vector<Value> args, Value &out);

  // --- calls, functions, classes, attributes (evaluator_call.cpp) ---
  Value call(Value callee, CallArgs args, SrcLoc loc);
  Value evalCall(const ast::Call *c, Frame &f);
  Value callFunction(FunctionObj *fn, CallArgs &args, SrcLoc loc);
  void bindArgs(FunctionObj *fn, CallArgs &args, Frame &nf);
  Value instantiate(ClassObj *cls, CallArgs &args, SrcLoc loc);
  Value makeFunction(const ast::FunctionDef *d, const ast::Lambda *l, Frame &f);
  Value makeClass(const ast::ClassDef *d, Frame &f);
  ClassObj *newClass(const std::string &name, std::vector<ClassObj *> bases, ModuleObj *m);
  bool computeMro(ClassObj *c);
  Value getAttr(Value obj, const std::string &name, SrcLoc loc);
  bool findAttr(Value obj, const std::string &name, Value &out);
  Value bindClassAttr(Value attr, Value self, ClassObj *cls, bool viaInstance);
  void setAttr(Value obj, const std::string &name, Value v);
  void delAttr(Value obj, const std::string &name);
  Value superCall(CallArgs &args, SrcLoc loc);
  bool isExceptionClass(ClassObj *c);

  // --- built-ins (evaluator_builtins.cpp / evaluator_methods.cpp) ---
  void makeBuiltins();
  void makeExceptionClasses();
  void makeTypeClasses();
  void makeFunctions();
  void makeMoreFunctions();
  void makeStrMethods();
  void makeListMethods();
  void makeDictMethods();
  void makeSetMethods();
  using Impl = std::function<Value(EvalImpl &, CallArgs &, SrcLoc)>;
  BuiltinObj *newBuiltin(const std::string &name, Impl fn);
  void def(const std::string &name, Impl fn) { builtins.set(name, Value::object(newBuiltin(name, fn))); }
  void defMethod(const std::string &type, const std::string &name, Impl fn);
  ClassObj *typeOf(const Value &v) const;
  Value formatPercent(const std::string &fmt, Value args);
  Value formatMethod(const std::string &fmt, CallArgs &args);
  Value newExc(const std::string &cls, const std::string &msg);
  Value toInt(Value v, SrcLoc loc);
  Value toFloat(Value v);
};

/// Argument checking for built-ins: throws TypeError on mismatch.
void wantArgs(EvalImpl &ev, const CallArgs &a, size_t lo, size_t hi, const char *name);

} // namespace lathe::eval
