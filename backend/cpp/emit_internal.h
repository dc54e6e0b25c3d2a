//===- emit_internal.h - Shared by the C++ backend's files -----------------===//
#pragma once
#include "backend/cpp/emit.h"

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lathe::cpp {

using rtyper::LLConstant;
using rtyper::LLKind;
using rtyper::LLProgram;
using rtyper::LLType;
using rtyper::LLValue;

/// What a Symbol constant names, for spelling it in C++.
class Symbols {
public:
  explicit Symbols(const LLProgram &p);
  /// The C++ expression of a constant (any kind), cast to its type.
  std::string constant(const LLConstant *c) const;
  bool isGraph(const std::string &name) const { return p_.graphByName.count(name) != 0; }
  /// Whether a direct call of this callee may raise.
  bool callCanRaise(const LLConstant *callee) const;
  /// Whether the callee is a check returning "raised" (ExternalFunc).
  bool raisesByResult(const LLConstant *callee) const;
  const LLProgram &program() const { return p_; }

private:
  const LLProgram &p_;
  std::map<std::string, const rtyper::PrebuiltObj *> prebuilt_;
  std::map<std::string, const rtyper::ClassInfo *> vtables_;
};

std::string cppType(const LLType *t);
/// `return {};` or `return;` for a function returning `t`.
std::string returnZero(const LLType *t);
/// A C string literal of `s` (octal escapes for non-printables).
std::string cString(const std::string &s);
/// A link's parallel assignment (dest, source pairs): plain assignments,
/// or through temporaries when a source names another pair's destination.
void emitParallelAssign(std::ostream &out, const std::vector<std::pair<std::string, std::string>> &assigns,
                        const std::string &indent);
/// The functions of the program, as C++ definitions.
std::string emitFunction(const rtyper::LLGraph &g, const Symbols &syms, const EmitOptions &opts);
/// The declaration (prototype) of a graph's function.
std::string functionPrototype(const rtyper::LLGraph &g);

} // namespace lathe::cpp
