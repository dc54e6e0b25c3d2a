//===- lloptype.cpp - Typing rules of low-level operations -----------------===//
// checkOpTypes: one operation against its llops.def row. The operand letters
// give the generic check; the LLCheck rule adds what letters cannot say
// (a field's type, an array's item type, a call's signature) and computes
// the `x` result type. Used by verifyLLGraph and, while lowering, by the
// RTyper to check the ops it emits.
//===----------------------------------------------------------------------===//
#include "rtyper/llgraph.h"

#include <cstring>

namespace lathe::rtyper {

namespace {

using Err = std::string;

/// Does `t` have the kind named by an operand/result letter?
bool kindMatches(char letter, const LLValue &v) {
  const LLType *t = v.type();
  switch (letter) {
  case 'i': return t->kind() == LLKind::SIGNED;
  case 'u': return t->kind() == LLKind::UNSIGNED;
  case 'f': return t->kind() == LLKind::FLOAT;
  case 'b': return t->kind() == LLKind::BOOL;
  case 'c': return t->kind() == LLKind::CHAR;
  case 'v': return t->kind() == LLKind::VOID && v.isConst();
  case 'p': return t->isPtr();
  case 'a': return true;
  }
  return false;
}

const char *letterName(char letter) {
  switch (letter) {
  case 'i': return "Signed";
  case 'u': return "Unsigned";
  case 'f': return "Float";
  case 'b': return "Bool";
  case 'c': return "Char";
  case 'v': return "a Void constant";
  case 'p': return "a Ptr";
  }
  return "any type";
}

Err operandsOk(const LLOperation &op, const LLOpInfo &info) {
  size_t n = std::strlen(info.operands);
  bool variadic = n > 0 && info.operands[n - 1] == '*';
  size_t fixed = variadic ? n - 1 : n;
  if (op.args.size() < fixed || (!variadic && op.args.size() != fixed))
    return std::to_string(op.args.size()) + " operands, expected " +
           (variadic ? "at least " : "") + std::to_string(fixed);
  for (size_t i = 0; i < op.args.size(); ++i) {
    if (op.args[i].isNull() || !op.args[i].type())
      return "operand " + std::to_string(i) + " is null";
    if (i < fixed && !kindMatches(info.operands[i], op.args[i]))
      return "operand " + std::to_string(i) + " is " + op.args[i].type()->str() +
             ", expected " + letterName(info.operands[i]);
  }
  return {};
}

Err resultIs(const LLOperation &op, const LLType *want) {
  if (op.result->type == want)
    return {};
  return "result is " + op.result->type->str() + ", expected " + want->str();
}

/// The Void constant's string payload (field name), or null.
const std::string *voidString(const LLValue &v) {
  return v.isConst() ? std::get_if<std::string>(&v.cst()->value) : nullptr;
}

/// The struct a field op reads, with the named field's type, or an error.
Err fieldOf(const LLOperation &op, const LLType *&fieldType) {
  const LLType *s = op.args[0].type()->target();
  const std::string *name = voidString(op.args[1]);
  if (!s->isStruct())
    return "field access on " + op.args[0].type()->str() + ", not a struct pointer";
  if (!name)
    return "field name operand is not a string constant";
  fieldType = s->fieldType(*name);
  if (!fieldType)
    return s->str() + " has no field '" + *name + "'";
  if (fieldType->isArray())
    return "field '" + *name + "' is an inlined array: use the array ops";
  return {};
}

/// The array an item op indexes: a GcArray/Array, or a varsized struct's
/// last field. Null when the pointer reaches no array.
const LLType *arrayOf(const LLType *ptrType) {
  const LLType *c = ptrType->target();
  if (c->isArray())
    return c;
  if (c->isVarsized())
    return c->fields().back().type;
  return nullptr;
}

Err itemOf(const LLOperation &op, const LLType *&itemType) {
  const LLType *a = arrayOf(op.args[0].type());
  if (!a)
    return "array access on " + op.args[0].type()->str() + ", which holds no array";
  itemType = a->item();
  return {};
}

Err mallocOk(const LLOperation &op, bool varsized) {
  const LLConstant *c = op.args[0].cst();
  const LLType *const *tp = std::get_if<const LLType *>(&c->value);
  if (!tp)
    return "malloc operand is not a type constant";
  const LLType *t = *tp;
  bool ok = varsized ? (t->isGc() && (t->isArray() || t->isVarsized()))
                     : (t->isGc() && t->isStruct() && !t->isVarsized());
  if (!ok)
    return std::string(varsized ? "malloc_varsize" : "malloc") + " of " + t->str() +
           (varsized ? ", not a GcArray or varsized GcStruct" : ", not a fixed-size GcStruct");
  if (!op.result->type->isPtr() || op.result->type->target() != t)
    return "result is " + op.result->type->str() + ", expected Ptr(" + t->str() + ")";
  return {};
}

Err callOk(const LLOperation &op, bool direct) {
  const LLType *f = op.args[0].type()->target();
  if (!f->isFunc())
    return "callee is " + op.args[0].type()->str() + ", not a function pointer";
  if (direct != op.args[0].isConst())
    return direct ? "direct_call callee is not a constant" : "indirect_call callee is a constant";
  if (op.args.size() - 1 != f->args().size())
    return std::to_string(op.args.size() - 1) + " call arguments, " + f->str() + " takes " +
           std::to_string(f->args().size());
  for (size_t i = 1; i < op.args.size(); ++i)
    if (op.args[i].type() != f->args()[i - 1])
      return "call argument " + std::to_string(i - 1) + " is " + op.args[i].type()->str() +
             ", expected " + f->args()[i - 1]->str();
  return resultIs(op, f->result());
}

Err fieldRule(const LLOperation &op, bool set) {
  const LLType *ft = nullptr;
  if (Err e = fieldOf(op, ft); !e.empty())
    return e;
  if (set && op.args[2].type() != ft)
    return "stored value is " + op.args[2].type()->str() + ", field is " + ft->str();
  return set ? Err{} : resultIs(op, ft);
}

Err itemRule(const LLOperation &op, bool set) {
  const LLType *it = nullptr;
  if (Err e = itemOf(op, it); !e.empty())
    return e;
  if (set && op.args[2].type() != it)
    return "stored value is " + op.args[2].type()->str() + ", item is " + it->str();
  return set ? Err{} : resultIs(op, it);
}

/// The LLCheck rule beyond the operand letters.
Err ruleOk(const LLOperation &op, LLCheck check) {
  switch (check) {
  case LLCheck::SIMPLE:
  case LLCheck::SAME_AS:
  case LLCheck::VARIADIC:
    return {};
  case LLCheck::GETFIELD: return fieldRule(op, false);
  case LLCheck::SETFIELD: return fieldRule(op, true);
  case LLCheck::GETARRAYITEM: return itemRule(op, false);
  case LLCheck::SETARRAYITEM: return itemRule(op, true);
  case LLCheck::GETARRAYSIZE: {
    const LLType *it = nullptr;
    return itemOf(op, it);
  }
  case LLCheck::MALLOC: return mallocOk(op, false);
  case LLCheck::MALLOC_VARSIZE: return mallocOk(op, true);
  case LLCheck::PTR_CMP:
    return op.args[0].type() == op.args[1].type()
               ? Err{}
               : "compares " + op.args[0].type()->str() + " with " + op.args[1].type()->str();
  case LLCheck::CAST_POINTER: {
    const LLType *from = op.args[0].type()->target(), *to = op.result->type;
    if (!to->isPtr() || !from->isStruct() || !to->target()->isStruct())
      return "casts " + op.args[0].type()->str() + " to " + to->str() + ", not struct pointers";
    if (!from->inheritsFrom(to->target()) && !to->target()->inheritsFrom(from))
      return "casts between unrelated structs " + from->str() + " and " + to->target()->str();
    return {};
  }
  case LLCheck::DIRECT_CALL: return callOk(op, true);
  case LLCheck::INDIRECT_CALL: return callOk(op, false);
  }
  return {};
}

Err resultKindOk(const LLOperation &op, char letter) {
  if (letter == 'x')
    return {}; // the rule checked it
  if (letter == '=')
    return resultIs(op, op.args[0].type());
  bool ok = letter == 'v' ? op.result->type->kind() == LLKind::VOID
                          : kindMatches(letter, LLValue(op.result));
  if (ok)
    return {};
  return "result is " + op.result->type->str() + ", expected " +
         (letter == 'v' ? "Void" : letterName(letter));
}

} // namespace

std::string checkOpTypes(const LLOperation &op) {
  const LLOpInfo &info = llOpInfo(op.op);
  if (!op.result || !op.result->type)
    return std::string(info.name) + ": no typed result";
  Err e = operandsOk(op, info);
  if (e.empty())
    e = ruleOk(op, info.check);
  if (e.empty())
    e = resultKindOk(op, info.result);
  return e.empty() ? e : std::string(info.name) + ": " + e;
}

} // namespace lathe::rtyper
