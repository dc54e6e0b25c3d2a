//===- emit_func.cpp - One low-level graph as one C++ function ------------===//
// Layout of an emitted function (see emit.h):
//
//   int64_t fn_f(int64_t n_0) {
//     int64_t v3 = {}; ...                  every non-Void variable
//   block0:
//   #line 12 "prog.py"
//     v3 = n_0 + 1;
//     if (v5) goto block2_from0; else ...  (links: assignments + goto)
//   ...
//   block_return: return v9;
//   block_except: ll_exc_type = etype; ll_exc_value = evalue; return {};
//   }
//
// Exceptions (llgraph.h, rtyper.h): a can-raise operation ending a
// LAST_EXCEPTION block is followed by the dispatch on its exception links
// (class range checks on ll_exc_type, then ll_exc_clear()); any other
// can-raise operation is followed by `if (ll_exc_occurred()) return {};`.
// Void values do not exist in C++: Void parameters, arguments, variables
// and assignments are dropped.
//===----------------------------------------------------------------------===//
#include "backend/cpp/emit_internal.h"

#include <cassert>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace lathe::cpp {

using namespace rtyper;

namespace {

bool isVoid(const LLType *t) { return t->kind() == LLKind::VOID; }

class FuncEmitter {
public:
  FuncEmitter(const LLGraph &g, const Symbols &syms, const EmitOptions &opts)
      : g_(g), syms_(syms), opts_(opts) {}

  std::string run() {
    blocks_ = g_.blocks();
    for (size_t i = 0; i < blocks_.size(); ++i) blockIndex_[blocks_[i]] = i;
    findStackAllocations();
    out_ << functionPrototype(g_) << " {\n";
    declareVariables();
    if (opts_.jit && opts_.jit->prologue) out_ << opts_.jit->prologue(g_);
    for (const LLVariable *v : stackAllocated_)
      out_ << "  " << cppType(v->type->target()) << " " << var(v) << "_obj;\n";
    for (LLBlock *b : blocks_) emitBlock(b);
    if (opts_.jit && opts_.jit->epilogue) out_ << opts_.jit->epilogue(g_);
    out_ << "}\n";
    return out_.str();
  }

private:
  std::string var(const LLVariable *v) const {
    std::string n = v->hint.empty() ? "v" : v->hint + "_";
    return n + std::to_string(v->id);
  }

  std::string val(const LLValue &v) const {
    if (v.isVar()) return var(v.var());
    return syms_.constant(v.cst());
  }

  std::string label(const LLBlock *b) const {
    if (b == g_.returnblock) return "block_return";
    if (b == g_.exceptblock) return "block_except";
    return "block" + std::to_string(blockIndex_.at(b));
  }

  // --- stack allocation of structs that never escape --------------------
  // A `malloc` whose pointer only ever reaches getfield/setfield (as the
  // object), pointer tests and links to other such variables, and is never
  // carried back into the block that allocates it, lives in a local C++
  // object instead of the GC heap: the C++ compiler then keeps its fields in
  // registers (for-loop iterators, temporary tuples). The stack is scanned
  // by Boehm, so GC pointers in such objects stay visible.
  std::map<const LLVariable *, const LLVariable *> parent_;
  std::set<const LLVariable *> stackAllocated_;

  const LLVariable *find(const LLVariable *v) {
    auto it = parent_.find(v);
    if (it == parent_.end() || it->second == v) return v;
    const LLVariable *r = find(it->second);
    parent_[v] = r;
    return r;
  }
  void unite(const LLVariable *a, const LLVariable *b) {
    const LLVariable *ra = find(a), *rb = find(b);
    if (ra != rb) parent_[ra] = rb;
  }

  void findStackAllocations() {
    // Families: variables joined by links.
    for (LLBlock *b : blocks_)
      for (const LLLink *l : b->exits)
        for (size_t i = 0; i < l->args.size(); ++i)
          if (l->args[i].isVar() && l->args[i].type()->isPtr()) unite(l->args[i].var(), l->target->inputargs[i]);
    std::map<const LLVariable *, int> mallocs;   // family -> malloc sites
    std::set<const LLVariable *> bad;            // families that escape
    std::map<const LLVariable *, const LLBlock *> siteBlock;
    auto use = [&](const LLValue &v, bool ok) {
      if (v.isVar() && v.type()->isPtr() && !ok) bad.insert(find(v.var()));
    };
    for (LLBlock *b : blocks_) {
      if (b == g_.returnblock || b == g_.exceptblock || b == g_.startblock)
        for (LLVariable *v : b->inputargs)
          if (v->type->isPtr()) bad.insert(find(v)); // returned, raised or a parameter
      for (const LLOperation &op : b->operations) {
        if (op.op == LLOp::MALLOC) {
          mallocs[find(op.result)]++;
          siteBlock[op.result] = b;
        } else if (op.result->type->isPtr()) {
          bad.insert(find(op.result)); // defined by something else
        }
        for (size_t i = 0; i < op.args.size(); ++i) {
          bool ok = ((op.op == LLOp::GETFIELD || op.op == LLOp::SETFIELD) && i == 0) ||
                    op.op == LLOp::PTR_EQ || op.op == LLOp::PTR_NE || op.op == LLOp::PTR_ISZERO ||
                    op.op == LLOp::PTR_NONZERO;
          use(op.args[i], ok);
        }
      }
      if (b->switchKind == LLSwitch::VALUE) use(b->exitswitch, false);
      for (const LLLink *l : b->exits) {
        if (l->lastException) bad.insert(find(l->lastException));
        if (l->lastExcValue) bad.insert(find(l->lastExcValue));
      }
    }
    for (const auto &[v, b] : siteBlock) {
      const LLVariable *f = find(v);
      if (bad.count(f) || mallocs[f] != 1) continue;
      bool carried = false;
      for (const LLVariable *in : b->inputargs) carried |= in->type->isPtr() && find(in) == f;
      if (!carried) stackAllocated_.insert(v);
    }
  }

  void declareVariables() {
    std::map<uint32_t, const LLVariable *> vars;
    auto add = [&](const LLVariable *v) {
      if (v && !isVoid(v->type)) vars[v->id] = v;
    };
    for (LLBlock *b : blocks_) {
      for (LLVariable *v : b->inputargs)
        if (b != g_.startblock) add(v);
      for (const LLOperation &op : b->operations) add(op.result);
      for (const LLLink *l : b->exits) {
        add(l->lastException);
        add(l->lastExcValue);
      }
    }
    for (const auto &[id, v] : vars) out_ << "  " << cppType(v->type) << " " << var(v) << " = {};\n";
  }

  void line(SrcLoc loc) {
    if (!opts_.sources || !loc.known() || (loc.file == lastFile_ && loc.line == lastLine_)) return;
    lastFile_ = loc.file;
    lastLine_ = loc.line;
    out_ << "#line " << loc.line << " " << cString(opts_.sources->file(loc.file).path()) << "\n";
  }

  void emitLink(const LLLink *l, const std::string &indent) {
    const LLBlock *t = l->target;
    // Parallel assignment: through temporaries when a target inputarg is
    // read by another position of the same link.
    std::vector<std::pair<std::string, std::string>> assigns; // (dest, src)
    for (size_t i = 0; i < l->args.size(); ++i) {
      const LLVariable *dst = t->inputargs[i];
      if (isVoid(dst->type)) continue;
      std::string src = val(l->args[i]);
      if (l->args[i].isVar() && l->args[i].var() == dst) continue;
      assigns.push_back({var(dst), src});
    }
    emitParallelAssign(out_, assigns, indent);
    out_ << indent << "goto " << label(t) << ";\n";
  }

  std::string callArgs(const LLOperation &op) const {
    std::string s = "(";
    bool first = true;
    for (size_t i = 1; i < op.args.size(); ++i) {
      if (isVoid(op.args[i].type())) continue;
      if (!first) s += ", ";
      s += val(op.args[i]);
      first = false;
    }
    return s + ")";
  }

  /// The C++ expression of an op (without assignment), or a statement when
  /// `*statement` is set.
  std::string expr(const LLOperation &op, bool *statement) const {
    auto a = [&](size_t i) { return val(op.args[i]); };
    auto bin = [&](const char *o) { return a(0) + " " + o + " " + a(1); };
    auto cmpu = [&](const char *o) {
      return "(unsigned char)" + a(0) + " " + o + " (unsigned char)" + a(1);
    };
    *statement = false;
    switch (op.op) {
    case LLOp::INT_ADD: case LLOp::UINT_ADD: case LLOp::FLOAT_ADD: return bin("+");
    case LLOp::INT_SUB: case LLOp::UINT_SUB: case LLOp::FLOAT_SUB: return bin("-");
    case LLOp::INT_MUL: case LLOp::UINT_MUL: case LLOp::FLOAT_MUL: return bin("*");
    case LLOp::INT_FLOORDIV: case LLOp::UINT_FLOORDIV: case LLOp::FLOAT_TRUEDIV: return bin("/");
    case LLOp::INT_MOD: case LLOp::UINT_MOD: return bin("%");
    case LLOp::INT_LT: case LLOp::UINT_LT: case LLOp::FLOAT_LT: return bin("<");
    case LLOp::INT_LE: case LLOp::UINT_LE: case LLOp::FLOAT_LE: return bin("<=");
    case LLOp::INT_EQ: case LLOp::UINT_EQ: case LLOp::FLOAT_EQ: return bin("==");
    case LLOp::INT_NE: case LLOp::UINT_NE: case LLOp::FLOAT_NE: return bin("!=");
    case LLOp::INT_GT: case LLOp::UINT_GT: case LLOp::FLOAT_GT: return bin(">");
    case LLOp::INT_GE: case LLOp::UINT_GE: case LLOp::FLOAT_GE: return bin(">=");
    case LLOp::INT_AND: case LLOp::UINT_AND: return bin("&");
    case LLOp::INT_OR: case LLOp::UINT_OR: return bin("|");
    case LLOp::INT_XOR: case LLOp::UINT_XOR: return bin("^");
    case LLOp::INT_LSHIFT: case LLOp::UINT_LSHIFT: return bin("<<");
    case LLOp::INT_RSHIFT: case LLOp::UINT_RSHIFT: return bin(">>");
    case LLOp::INT_NEG: case LLOp::FLOAT_NEG: return "-" + a(0);
    case LLOp::INT_ABS: return "ll_int_abs(" + a(0) + ")";
    case LLOp::FLOAT_ABS: return "std::fabs(" + a(0) + ")";
    case LLOp::INT_INVERT: case LLOp::UINT_INVERT: return "~" + a(0);
    case LLOp::INT_IS_TRUE: case LLOp::UINT_IS_TRUE: return a(0) + " != 0";
    case LLOp::FLOAT_IS_TRUE: return a(0) + " != 0.0";
    case LLOp::INT_ADD_OVF: return "ll_int_ovf_add(" + a(0) + ", " + a(1) + ")";
    case LLOp::INT_SUB_OVF: return "ll_int_ovf_sub(" + a(0) + ", " + a(1) + ")";
    case LLOp::INT_MUL_OVF: return "ll_int_ovf_mul(" + a(0) + ", " + a(1) + ")";
    case LLOp::CHAR_LT: return cmpu("<");
    case LLOp::CHAR_LE: return cmpu("<=");
    case LLOp::CHAR_EQ: return bin("==");
    case LLOp::CHAR_NE: return bin("!=");
    case LLOp::CHAR_GT: return cmpu(">");
    case LLOp::CHAR_GE: return cmpu(">=");
    case LLOp::BOOL_NOT: return "!" + a(0);
    case LLOp::CAST_INT_TO_FLOAT: case LLOp::CAST_BOOL_TO_FLOAT: return "(double)" + a(0);
    case LLOp::CAST_FLOAT_TO_INT: case LLOp::CAST_BOOL_TO_INT: case LLOp::CAST_UINT_TO_INT:
      return "(int64_t)" + a(0);
    case LLOp::CAST_CHAR_TO_INT: return "(int64_t)(unsigned char)" + a(0);
    case LLOp::CAST_INT_TO_CHAR: return "(char)" + a(0);
    case LLOp::CAST_INT_TO_UINT: return "(uint64_t)" + a(0);
    case LLOp::SAME_AS: case LLOp::JIT_PROMOTE: return a(0);
    case LLOp::JIT_WE_ARE_JITTED: case LLOp::JIT_ISCONSTANT: return "false";
    case LLOp::JIT_RECORD_EXACT_CLASS:
      *statement = true;
      return ";";
    case LLOp::GETFIELD: return a(0) + "->" + std::get<std::string>(op.args[1].cst()->value);
    case LLOp::SETFIELD: {
      *statement = true;
      std::string set = a(0) + "->" + std::get<std::string>(op.args[1].cst()->value) + " = " + a(2) + ";";
      if (opts_.jit && opts_.jit->afterSetfield) set += opts_.jit->afterSetfield(op);
      return set;
    }
    case LLOp::GETARRAYITEM: return a(0) + "->" + arrayField(op.args[0].type()) + "[" + a(1) + "]";
    case LLOp::SETARRAYITEM:
      *statement = true;
      return a(0) + "->" + arrayField(op.args[0].type()) + "[" + a(1) + "] = " + a(2) + ";";
    case LLOp::GETARRAYSIZE: return a(0) + "->length";
    case LLOp::MALLOC: {
      const LLType *t = std::get<const LLType *>(op.args[0].cst()->value);
      if (stackAllocated_.count(op.result)) {
        *statement = true;
        return var(op.result) + "_obj = " + cppType(t) + "{}; " + var(op.result) + " = &" +
               var(op.result) + "_obj;";
      }
      // Structs without GC pointers are never scanned (GC_MALLOC_ATOMIC).
      bool hasGc = false;
      for (const LLField &f : t->fields()) hasGc |= f.type->isGcPointer();
      return std::string(hasGc ? "ll_new_struct<" : "ll_new_struct_atomic<") + cppType(t) + ">()";
    }
    case LLOp::MALLOC_VARSIZE: {
      const LLType *t = std::get<const LLType *>(op.args[0].cst()->value);
      if (t->isArray()) return "ll_array_new<" + cppType(t->item()) + ">(" + a(1) + ")";
      return "ll_str_new(" + a(1) + ")";
    }
    case LLOp::PTR_EQ: return bin("==");
    case LLOp::PTR_NE: return bin("!=");
    case LLOp::PTR_ISZERO: return a(0) + " == nullptr";
    case LLOp::PTR_NONZERO: return a(0) + " != nullptr";
    case LLOp::CAST_POINTER: return "(" + cppType(op.result->type) + ")" + a(0);
    case LLOp::DIRECT_CALL: return a(0) + callArgs(op);
    case LLOp::INDIRECT_CALL: return a(0) + callArgs(op);
    case LLOp::DEBUG_ASSERT:
      *statement = true;
      return "ll_debug_assert(" + a(0) + ", " +
             cString(std::get<std::string>(op.args[1].cst()->value)) + ");";
    case LLOp::STACK_CHECK:
      *statement = true;
      return "if (LL_UNLIKELY(ll_stack_check())) " + returnZero(g_.resultType());
    case LLOp::JIT_MARKER:
      *statement = true;
      if (opts_.jit && opts_.jit->marker) {
        std::string code = opts_.jit->marker(g_, op, [this](const LLValue &v) { return val(v); });
        if (!code.empty()) return code;
      }
      return ";";
    }
    *statement = true;
    return ";";
  }

  static std::string arrayField(const LLType *ptr) {
    const LLType *c = ptr->target();
    return c->isArray() ? "items" : c->fields().back().name;
  }

  bool canRaise(const LLOperation &op) const {
    if (op.op == LLOp::DIRECT_CALL) return syms_.callCanRaise(op.args[0].cst());
    if (op.op == LLOp::STACK_CHECK) return false; // returns by itself
    return llOpInfo(op.op).canRaise;
  }

  void emitOp(const LLOperation &op) {
    line(op.loc);
    bool statement = false;
    std::string e = expr(op, &statement);
    if (statement || isVoid(op.result->type))
      out_ << "  " << e << (statement ? "" : ";") << "\n";
    else
      out_ << "  " << var(op.result) << " = " << e << ";\n";
  }

  void emitBlock(const LLBlock *b) {
    out_ << label(b) << ":;\n";
    if (b == g_.returnblock) {
      const LLVariable *r = b->inputargs[0];
      out_ << "  return" << (isVoid(r->type) ? "" : " " + var(r)) << ";\n";
      return;
    }
    if (b == g_.exceptblock) {
      out_ << "  ll_exc_type = (void*)" << var(b->inputargs[0]) << ";\n";
      out_ << "  ll_exc_value = (void*)" << var(b->inputargs[1]) << ";\n";
      out_ << "  " << returnZero(g_.resultType()) << "\n";
      return;
    }
    size_t n = b->operations.size();
    bool guardedCheck = false; // the guarded op is a check: dispatch on its result
    for (size_t i = 0; i < n; ++i) {
      const LLOperation &op = b->operations[i];
      bool guarded = b->switchKind == LLSwitch::LAST_EXCEPTION && i + 1 == n;
      if (op.op == LLOp::DIRECT_CALL && syms_.raisesByResult(op.args[0].cst())) {
        // A check: its result says whether it raised.
        line(op.loc);
        bool st = false;
        std::string e = expr(op, &st);
        if (guarded) {
          out_ << "  " << var(op.result) << " = " << e << ";\n";
          guardedCheck = true;
        } else {
          out_ << "  if (LL_UNLIKELY(" << e << ")) " << returnZero(g_.resultType()) << "\n";
        }
        continue;
      }
      emitOp(op);
      if (!guarded && canRaise(op))
        out_ << "  if (LL_UNLIKELY(ll_exc_occurred())) " << returnZero(g_.resultType()) << "\n";
    }
    switch (b->switchKind) {
    case LLSwitch::NONE:
      if (!b->exits.empty()) emitLink(b->exits[0], "  ");
      break;
    case LLSwitch::VALUE: {
      const LLType *t = b->exitswitch.type();
      if (t->kind() == LLKind::BOOL) {
        const LLLink *onTrue = nullptr, *onFalse = nullptr;
        for (const LLLink *l : b->exits) (std::get<bool>(l->exitcase->value) ? onTrue : onFalse) = l;
        out_ << "  if (" << val(b->exitswitch) << ") {\n";
        if (onTrue) emitLink(onTrue, "    ");
        out_ << "  } else {\n";
        if (onFalse) emitLink(onFalse, "    ");
        out_ << "  }\n";
      } else {
        out_ << "  switch (" << val(b->exitswitch) << ") {\n";
        for (const LLLink *l : b->exits) {
          if (l->exitcase) out_ << "  case " << syms_.constant(l->exitcase) << ": {\n";
          else out_ << "  default: {\n";
          emitLink(l, "    ");
          out_ << "  }\n";
        }
        out_ << "  }\n";
      }
      break;
    }
    case LLSwitch::LAST_EXCEPTION: {
      if (guardedCheck)
        out_ << "  if (LL_UNLIKELY(" << var(b->operations.back().result) << ")) {\n";
      else
        out_ << "  if (LL_UNLIKELY(ll_exc_occurred())) {\n";
      for (size_t i = 1; i < b->exits.size(); ++i) {
        const LLLink *l = b->exits[i];
        const auto &sym = std::get<LLConstant::Symbol>(l->exitcase->value);
        out_ << "    if (ll_exc_matches(&" << sym.name << ")) {\n";
        if (!isVoid(l->lastException->type))
          out_ << "      " << var(l->lastException) << " = (" << cppType(l->lastException->type)
               << ")ll_exc_type;\n";
        if (!isVoid(l->lastExcValue->type))
          out_ << "      " << var(l->lastExcValue) << " = (" << cppType(l->lastExcValue->type)
               << ")ll_exc_value;\n";
        out_ << "      ll_exc_clear();\n";
        emitLink(l, "      ");
        out_ << "    }\n";
      }
      out_ << "    " << returnZero(g_.resultType()) << "\n";
      out_ << "  }\n";
      if (!b->exits.empty()) emitLink(b->exits[0], "  ");
      break;
    }
    }
  }

  const LLGraph &g_;
  const Symbols &syms_;
  const EmitOptions &opts_;
  std::vector<LLBlock *> blocks_;
  std::map<const LLBlock *, size_t> blockIndex_;
  std::ostringstream out_;
  uint32_t lastFile_ = 0, lastLine_ = 0;
};

} // namespace

void emitParallelAssign(std::ostream &out, const std::vector<std::pair<std::string, std::string>> &assigns,
                        const std::string &indent) {
  bool clash = false;
  for (size_t i = 0; i < assigns.size() && !clash; ++i)
    for (size_t j = i + 1; j < assigns.size(); ++j)
      if (assigns[j].second == assigns[i].first) clash = true;
  if (!clash) {
    for (const auto &[d, s] : assigns) out << indent << d << " = " << s << ";\n";
    return;
  }
  out << indent << "{\n";
  for (size_t i = 0; i < assigns.size(); ++i) out << indent << "  auto tmp" << i << " = " << assigns[i].second << ";\n";
  for (size_t i = 0; i < assigns.size(); ++i) out << indent << "  " << assigns[i].first << " = tmp" << i << ";\n";
  out << indent << "}\n";
}

std::string functionPrototype(const LLGraph &g) {
  std::string s = cppType(g.resultType()) + " " + g.name + "(";
  bool first = true;
  for (const LLVariable *v : g.startblock->inputargs) {
    if (v->type->kind() == LLKind::VOID) continue;
    if (!first) s += ", ";
    s += cppType(v->type) + " " + (v->hint.empty() ? "v" : v->hint + "_") + std::to_string(v->id);
    first = false;
  }
  return s + ")";
}

std::string emitFunction(const LLGraph &g, const Symbols &syms, const EmitOptions &opts) {
  return FuncEmitter(g, syms, opts).run();
}

} // namespace lathe::cpp
