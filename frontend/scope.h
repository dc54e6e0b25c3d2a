//===- scope.h - Python 3 scope analysis for RPy modules --------------------===//
// Input: a parsed module (ast.h). Output: one Scope per function, lambda,
// comprehension / generator expression and class body, telling which names
// are parameters, locals, cells (locals captured by inner functions), free
// variables (taken from enclosing *function* scopes) or globals — Python 3's
// symtable rules:
//   * binding forms: assignment / augassign / annassign-with-value targets,
//     for targets, except-as names, def/class names, import names (first
//     component of `import a.b`, or the asname), del targets, and the
//     targets of a comprehension (local to the comprehension);
//   * `global` / `nonlocal` declarations; a name declared global is never
//     local; a nonlocal must be bound in an enclosing function scope;
//   * class bodies are skipped when inner functions resolve names; a class
//     body may itself have free variables;
//   * defaults, annotations, decorators, class bases and a comprehension's
//     *first* iterable are evaluated in the enclosing scope.
// Consumers: the module evaluator (how to load/store a name in a frame) and
// the flow-graph builder (a function's locals and closure). Every list is in
// a deterministic order (source order of first occurrence; params first).
// Scope errors (bad nonlocal, name both parameter and global) go to the
// Diagnostics sink when one is given.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/ast.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace lathe {

/// How a name is reached from inside a scope.
enum class NameKind : uint8_t {
  LOCAL,  // fast local (function) / class namespace entry (class body)
  CELL,   // local of this function, captured by an inner function
  FREE,   // cell of an enclosing function scope
  GLOBAL, // module global (declared or implicit), then builtins
};

enum class ScopeKind : uint8_t { FUNCTION, LAMBDA, COMPREHENSION, CLASS };

struct Scope {
  ScopeKind kind = ScopeKind::FUNCTION;
  const ast::Node *node = nullptr;  // FunctionDef, Lambda, *Comp, GeneratorExp, ClassDef
  const Scope *parent = nullptr;    // null: directly inside the module
  std::vector<std::string> params;    // positional, *vararg, kw-only, **kwarg (in that order)
  std::vector<std::string> locals;    // params first, then in order of first binding
  std::vector<std::string> globals;   // declared `global`
  std::vector<std::string> nonlocals; // declared `nonlocal`
  std::vector<std::string> cellvars;  // locals captured by inner functions (subset of locals)
  std::vector<std::string> freevars;  // names taken from enclosing function scopes
  bool hasYield = false;              // always false: the RPy AST has no yield

  bool isLocal(const std::string &name) const { return has(locals, name); }
  bool isCell(const std::string &name) const { return has(cellvars, name); }
  bool isFree(const std::string &name) const { return has(freevars, name); }
  bool isGlobalDecl(const std::string &name) const { return has(globals, name); }
  bool isNonlocalDecl(const std::string &name) const { return has(nonlocals, name); }
  /// How `name` is loaded/stored here. For class bodies LOCAL means the class
  /// namespace (a load falls back to globals when the name is not bound yet).
  NameKind kindOf(const std::string &name) const;

private:
  static bool has(const std::vector<std::string> &v, const std::string &n);
};

/// Scopes of every function/lambda/comprehension/class of one module,
/// computed once at construction.
class ScopeTable {
public:
  explicit ScopeTable(const ast::Module &m, Diagnostics *diags = nullptr);
  /// The scope of a FunctionDef, Lambda, ListComp/SetComp/DictComp/
  /// GeneratorExp or ClassDef node of this module (asserts it is one).
  const Scope &of(const ast::Node *node) const;
  /// Same, but null when the node has no scope here.
  const Scope *find(const ast::Node *node) const;
  /// Every scope in source (pre-)order.
  const std::vector<std::unique_ptr<Scope>> &all() const { return scopes_; }

private:
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const ast::Node *, Scope *> byNode_;
};

} // namespace lathe
