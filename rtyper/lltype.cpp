//===- lltype.cpp - Low-level types: interning, struct layout, printing ----===//
// Implements lltype.h. Interning maps are keyed by pointers but only looked
// up, never iterated, so output never depends on addresses.
//===----------------------------------------------------------------------===//
#include "rtyper/lltype.h"

#include <cassert>

namespace lathe::rtyper {

// --- LLType ----------------------------------------------------------------

bool LLType::isIntegral() const {
  switch (kind_) {
  case LLKind::BOOL:
  case LLKind::CHAR:
  case LLKind::SIGNED:
  case LLKind::UNSIGNED:
    return true;
  case LLKind::VOID:
  case LLKind::FLOAT:
  case LLKind::PTR:
  case LLKind::STRUCT:
  case LLKind::ARRAY:
  case LLKind::FUNC:
    return false;
  }
  return false;
}

int LLType::fieldIndex(std::string_view field) const {
  for (size_t i = 0; i < fields_.size(); ++i)
    if (fields_[i].name == field)
      return int(i);
  return -1;
}

const LLType *LLType::fieldType(std::string_view field) const {
  int i = fieldIndex(field);
  return i < 0 ? nullptr : fields_[size_t(i)].type;
}

bool LLType::inheritsFrom(const LLType *ancestor) const {
  for (const LLType *s = this; s; s = s->parent_)
    if (s == ancestor)
      return true;
  return false;
}

bool LLType::isVarsized() const {
  return isStruct() && !fields_.empty() && fields_.back().type->isArray();
}

bool LLType::hasTypeptrPrefix() const {
  const LLType *root = this;
  while (root->parent_)
    root = root->parent_;
  return !root->fields_.empty() && root->fields_[0].name == "typeptr" &&
         root->fields_[0].type->isPtr();
}

static const char *primName(LLKind k) {
  switch (k) {
  case LLKind::VOID: return "Void";
  case LLKind::BOOL: return "Bool";
  case LLKind::CHAR: return "Char";
  case LLKind::SIGNED: return "Signed";
  case LLKind::UNSIGNED: return "Unsigned";
  case LLKind::FLOAT: return "Float";
  case LLKind::PTR:
  case LLKind::STRUCT:
  case LLKind::ARRAY:
  case LLKind::FUNC:
    break;
  }
  return "?";
}

std::string LLType::str() const {
  switch (kind_) {
  case LLKind::VOID:
  case LLKind::BOOL:
  case LLKind::CHAR:
  case LLKind::SIGNED:
  case LLKind::UNSIGNED:
  case LLKind::FLOAT:
    return primName(kind_);
  case LLKind::PTR:
    return "Ptr(" + target_->str() + ")";
  case LLKind::STRUCT:
    return (gc_ ? "GcStruct " : "Struct ") + name_;
  case LLKind::ARRAY:
    return (gc_ ? "GcArray(" : "Array(") + target_->str() + ")";
  case LLKind::FUNC: {
    std::string s = "Func(";
    for (size_t i = 0; i < args_.size(); ++i)
      s += (i ? ", " : "") + args_[i]->str();
    return s + ") -> " + result_->str();
  }
  }
  return "?";
}

std::string LLType::describe() const {
  if (!isStruct())
    return str();
  std::string s = str();
  if (parent_)
    s += " : " + parent_->name_;
  s += " {";
  for (size_t i = 0; i < fields_.size(); ++i)
    s += (i ? ", " : " ") + fields_[i].name + ": " + fields_[i].type->str();
  return s + (fields_.empty() ? "}" : " }");
}

// --- TypeContext -----------------------------------------------------------

TypeContext::TypeContext() {
  const LLKind kinds[] = {LLKind::VOID,   LLKind::BOOL,     LLKind::CHAR,
                          LLKind::SIGNED, LLKind::UNSIGNED, LLKind::FLOAT};
  for (size_t i = 0; i < 6; ++i)
    prims_[i] = make(kinds[i]);
}

LLType *TypeContext::make(LLKind kind) {
  LLType &t = arena_.emplace_back();
  t.kind_ = kind;
  t.defined_ = true;
  return &t;
}

const LLType *TypeContext::ptr(const LLType *target) {
  assert(target && (target->isStruct() || target->isArray() || target->isFunc()) &&
         "Ptr targets a container or a function type");
  auto [it, fresh] = ptrs_.try_emplace(target, nullptr);
  if (fresh) {
    LLType *t = make(LLKind::PTR);
    t->target_ = target;
    it->second = t;
  }
  return it->second;
}

const LLType *TypeContext::array(const LLType *item, bool gc) {
  assert(item && item != voidType() && !item->isFunc() && "array of a value type");
  auto [it, fresh] = arrays_.try_emplace({item, gc}, nullptr);
  if (fresh) {
    LLType *t = make(LLKind::ARRAY);
    t->gc_ = gc;
    t->target_ = item;
    it->second = t;
  }
  return it->second;
}

const LLType *TypeContext::func(std::vector<const LLType *> args, const LLType *result) {
  std::vector<const LLType *> key = args;
  key.push_back(result);
  auto [it, fresh] = funcs_.try_emplace(std::move(key), nullptr);
  if (fresh) {
    LLType *t = make(LLKind::FUNC);
    t->args_ = std::move(args);
    t->result_ = result;
    it->second = t;
  }
  return it->second;
}

LLType *TypeContext::declareStruct(std::string name, bool gc, const LLType *parent) {
  assert(!structs_.count(name) && "struct names are unique in a TypeContext");
  assert((!parent || (parent->isStruct() && parent->isGc() == gc)) &&
         "a parent is a struct of the same GC-ness");
  LLType *t = make(LLKind::STRUCT);
  t->defined_ = false;
  t->gc_ = gc;
  t->name_ = name;
  t->parent_ = parent;
  structs_.emplace(std::move(name), t);
  return t;
}

std::string TypeContext::defineFields(LLType *s, std::vector<LLField> own) {
  assert(s->isStruct() && !s->defined_ && "defineFields once per declared struct");
  if (s->parent_) {
    assert(s->parent_->isDefined() && !s->parent_->isVarsized() &&
           "a parent is defined, and fixed-size, before its children");
    s->fields_ = s->parent_->fields_;
  }
  for (size_t i = 0; i < own.size(); ++i) {
    const LLField &f = own[i];
    if (s->fieldIndex(f.name) >= 0)
      return "struct " + s->name_ + ": duplicate field '" + f.name + "'";
    if (f.type == voidType() || f.type->isFunc())
      return "struct " + s->name_ + ": field '" + f.name + "' has no storage type";
    if (f.type->isArray() && (f.type->isGc() || i + 1 != own.size()))
      return "struct " + s->name_ + ": field '" + f.name +
             "': only a non-GC Array may be inlined, as the last field";
    s->fields_.push_back(f);
  }
  s->defined_ = true;
  return {};
}

const LLType *TypeContext::gcStruct(std::string name, std::vector<LLField> own,
                                    const LLType *parent) {
  LLType *s = declareStruct(std::move(name), true, parent);
  [[maybe_unused]] std::string err = defineFields(s, std::move(own));
  assert(err.empty() && "gcStruct: invalid fields");
  return s;
}

const LLType *TypeContext::plainStruct(std::string name, std::vector<LLField> own,
                                       const LLType *parent) {
  LLType *s = declareStruct(std::move(name), false, parent);
  [[maybe_unused]] std::string err = defineFields(s, std::move(own));
  assert(err.empty() && "plainStruct: invalid fields");
  return s;
}

const LLType *TypeContext::runtimeStruct(const std::string &name, const std::string &cppName,
                                         std::vector<LLField> fields) {
  if (const LLType *t = findStruct(name))
    return t;
  LLType *s = declareStruct(name, true);
  s->cppName_ = cppName;
  [[maybe_unused]] std::string err = defineFields(s, std::move(fields));
  assert(err.empty() && "runtimeStruct: invalid fields");
  return s;
}

const LLType *TypeContext::findStruct(std::string_view name) const {
  auto it = structs_.find(name);
  return it == structs_.end() ? nullptr : it->second;
}

} // namespace lathe::rtyper
