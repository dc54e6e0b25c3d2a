//===- emit_project.cpp - The generated project: header, data, units ------===//
// See emit.h for the files written. Static data (data.cpp):
//   vtables      `vt_C vtable_C = {...}` constant-initialised (subclass
//                range, name, method slots, class-attribute slots)
//   strings      `LLStrData<N> str_K_data = {0, len, "..."}` — the RStr layout
//                as static, writable data (the hash is cached in place)
//   instances    `C pb_K_obj;` static objects, fields set at start-up
//   containers   `RList<T>* pb_K;` allocated and filled at start-up
// Start-up (ll_init_prebuilt, before the entry point): allocate every
// container, then fill tuples, lists and instances, then dicts last (their
// keys' hashes may read tuples). Boehm scans .data/.bss, so the pointers in
// these globals keep their heap objects alive.
//===----------------------------------------------------------------------===//
#include "backend/cpp/emit_internal.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace lathe::cpp {

using namespace rtyper;
namespace fs = std::filesystem;

std::string cppType(const LLType *t) { return cppSpelling(t); }

std::string returnZero(const LLType *t) {
  return t->kind() == LLKind::VOID ? "return;" : "return {};";
}

std::string cString(const std::string &s) {
  std::string r = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      r += '\\';
      r += char(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      r += char(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      r += buf;
    }
  }
  return r + "\"";
}

Symbols::Symbols(const LLProgram &p) : p_(p) {
  for (const PrebuiltObj &o : p.prebuilts) prebuilt_[o.symbol] = &o;
  for (const ClassInfo &c : p.classes) vtables_[c.vtableSymbol] = &c;
}

bool Symbols::callCanRaise(const LLConstant *callee) const {
  const auto &sym = std::get<LLConstant::Symbol>(callee->value);
  auto g = p_.graphCanRaise.find(sym.name);
  if (g != p_.graphCanRaise.end()) return g->second;
  auto e = p_.externals.find(sym.name + "|" + callee->type->str());
  return e == p_.externals.end() || e->second.canRaise;
}

bool Symbols::raisesByResult(const LLConstant *callee) const {
  const auto &sym = std::get<LLConstant::Symbol>(callee->value);
  auto e = p_.externals.find(sym.name + "|" + callee->type->str());
  return e != p_.externals.end() && e->second.raisesByResult;
}

namespace {

std::string floatLiteral(double d) {
  if (std::isnan(d)) return "(double)NAN";
  if (std::isinf(d)) return d < 0 ? "(-(double)INFINITY)" : "((double)INFINITY)";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", d);
  return buf;
}

} // namespace

std::string Symbols::constant(const LLConstant *c) const {
  const LLType *t = c->type;
  return std::visit(
      [&](const auto &v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, LLConstant::Null>) {
          return "((" + cppType(t) + ")nullptr)";
        } else if constexpr (std::is_same_v<V, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<V, char>) {
          return "(char)" + std::to_string(int(static_cast<unsigned char>(v)));
        } else if constexpr (std::is_same_v<V, int64_t>) {
          if (v == INT64_MIN) return "(-9223372036854775807LL - 1)";
          return "(int64_t)" + std::to_string(v) + "LL";
        } else if constexpr (std::is_same_v<V, uint64_t>) {
          return "(uint64_t)" + std::to_string(v) + "ULL";
        } else if constexpr (std::is_same_v<V, double>) {
          return floatLiteral(v);
        } else if constexpr (std::is_same_v<V, LLConstant::Symbol>) {
          if (p_.graphByName.count(v.name)) return v.name;
          auto pb = prebuilt_.find(v.name);
          if (pb != prebuilt_.end()) {
            std::string e;
            switch (pb->second->kind) {
            case PrebuiltObj::Kind::STRING: e = "((RStr*)&" + v.name + "_data)"; break;
            case PrebuiltObj::Kind::INSTANCE: e = "(&" + v.name + "_obj)"; break;
            default: e = v.name; break;
            }
            return "((" + cppType(t) + ")" + e + ")";
          }
          if (vtables_.count(v.name)) return "((" + cppType(t) + ")&" + v.name + ")";
          return v.name; // a runtime helper
        } else {
          return "/*void*/";
        }
      },
      c->value);
}

namespace {

/// Generated structs in definition order: a struct after its parent.
std::vector<const LLType *> generatedStructs(const LLProgram &p) {
  std::vector<const LLType *> out;
  std::set<const LLType *> seen;
  std::function<void(const LLType *)> visitType;
  std::function<void(const LLType *)> visitStruct = [&](const LLType *s) {
    if (!s->cppName().empty() || seen.count(s)) return;
    seen.insert(s);
    if (s->parent()) visitStruct(s->parent());
    out.push_back(s);
  };
  visitType = [&](const LLType *t) {
    if (t->isPtr()) {
      const LLType *x = t->target();
      if (x->isStruct()) visitStruct(x);
      else if (x->isArray()) visitType(x->item());
      else if (x->isFunc()) {
        visitType(x->result());
        for (const LLType *a : x->args()) visitType(a);
      }
    }
  };
  for (const ClassInfo &c : p.classes) {
    visitStruct(c.instance);
    visitStruct(c.vtable);
  }
  // Structs reached from graphs (tuples, iterators, ranges).
  std::vector<const LLType *> pending;
  for (const auto &g : p.graphs)
    for (LLBlock *b : g->blocks()) {
      for (LLVariable *v : b->inputargs) pending.push_back(v->type);
      for (const LLOperation &op : b->operations) {
        pending.push_back(op.result->type);
        for (const LLValue &a : op.args) {
          pending.push_back(a.type());
          if (a.isConst())
            if (auto *tp = std::get_if<const LLType *>(&a.cst()->value)) {
              if ((*tp)->isStruct()) visitStruct(*tp);
            }
        }
      }
    }
  for (const PrebuiltObj &o : p.prebuilts) pending.push_back(o.type);
  for (const LLType *t : pending) visitType(t);
  // Field types of structs can reach more structs.
  for (size_t i = 0; i < out.size(); ++i)
    for (const LLField &f : out[i]->fields()) visitType(f.type);
  return out;
}

std::string structDefinition(const LLType *s) {
  std::ostringstream o;
  o << "struct " << s->name();
  size_t start = 0;
  if (s->parent()) {
    o << " : " << s->parent()->name();
    start = s->parent()->fields().size();
  }
  o << " {\n";
  for (size_t i = start; i < s->fields().size(); ++i) {
    const LLField &f = s->fields()[i];
    o << "  " << cppType(f.type) << " " << f.name << ";\n";
  }
  o << "};\n";
  return o.str();
}

std::string headerText(const LLProgram &p, const std::vector<const LLType *> &structs) {
  std::ostringstream h;
  h << "// Generated by Lathe from the RPy program; do not edit.\n"
       "#pragma once\n"
       "#include <cmath>\n"
       "#include <cstring>\n"
       "#include \"lathe_rt.h\"\n\n"
       "#define LL_UNLIKELY(x) __builtin_expect(!!(x), 0)\n"
       "template <class R, class... A> using ll_fnptr = R (*)(A...);\n"
       "template <size_t N> struct LLStrData { int64_t hash; int64_t length; char chars[N]; };\n"
       "template <class T> inline T* ll_new_struct() { return static_cast<T*>(ll_malloc(sizeof(T))); }\n"
       "template <class T> inline T* ll_new_struct_atomic() {\n"
       "  void* p = ll_malloc_atomic(sizeof(T));\n"
       "  std::memset(p, 0, sizeof(T));\n"
       "  return static_cast<T*>(p);\n"
       "}\n"
       "inline void ll_debug_assert(bool ok, const char* what) { if (!ok) ll_fatal_internal(what); }\n\n";
  for (const LLType *s : structs) h << "struct " << s->name() << ";\n";
  h << "\n";
  for (const LLType *s : structs) h << structDefinition(s);
  h << "\ntemplate <class VT> inline bool ll_exc_matches(const VT* vt) {\n"
       "  auto* t = static_cast<const OBJECT_VTABLE*>(ll_exc_type);\n"
       "  return (uint64_t)(t->subclassMin - vt->subclassMin) <= (uint64_t)(vt->subclassMax - vt->subclassMin);\n"
       "}\n\n";
  // Tuple key traits: hash and equality by items, repr as CPython prints.
  for (const LLType *k : p.tupleKeyTypes) {
    const LLType *s = k->target();
    h << "struct LLKey_" << s->name() << " {\n  static int64_t hash(" << s->name() << "* t) {\n"
      << "    uint64_t x = 0x345678ULL;\n";
    for (const LLField &f : s->fields())
      h << "    x = (x ^ (uint64_t)ll_key_hash(t->" << f.name << ")) * 1000003ULL;\n";
    h << "    return (int64_t)(x == 0 ? 1 : x);\n  }\n  static bool eq(" << s->name() << "* a, "
      << s->name() << "* b) {\n    return ";
    for (size_t i = 0; i < s->fields().size(); ++i)
      h << (i ? " && " : "") << "ll_key_eq(a->" << s->fields()[i].name << ", b->" << s->fields()[i].name << ")";
    if (s->fields().empty()) h << "true";
    h << ";\n  }\n  static RStr* repr(" << s->name() << "* t) {\n    LLStrBuilder* sb = ll_sb_new();\n"
      << "    ll_sb_append_char(sb, '(');\n";
    for (size_t i = 0; i < s->fields().size(); ++i) {
      if (i) h << "    ll_sb_append_cstr(sb, \", \");\n";
      h << "    ll_sb_append(sb, ll_key_repr(t->" << s->fields()[i].name << "));\n";
    }
    if (s->fields().size() == 1) h << "    ll_sb_append_char(sb, ',');\n";
    h << "    ll_sb_append_char(sb, ')');\n    return ll_sb_build(sb);\n  }\n};\n";
  }
  h << "\n";
  for (const ClassInfo &c : p.classes) h << "extern " << c.vtable->name() << " " << c.vtableSymbol << ";\n";
  for (const PrebuiltObj &o : p.prebuilts) {
    switch (o.kind) {
    case PrebuiltObj::Kind::STRING:
      h << "extern LLStrData<" << o.text.size() + 1 << "> " << o.symbol << "_data;\n";
      break;
    case PrebuiltObj::Kind::INSTANCE:
      h << "extern " << o.type->target()->name() << " " << o.symbol << "_obj;\n";
      break;
    default:
      h << "extern " << cppType(o.type) << " " << o.symbol << ";\n";
      break;
    }
  }
  h << "\n";
  for (const auto &g : p.graphs) h << functionPrototype(*g) << ";\n";
  return h.str();
}

/// The aggregate initialiser of a vtable (nested braces per base).
std::string vtableInit(const ClassInfo &c, const Symbols &syms) {
  std::function<std::string(const LLType *)> init = [&](const LLType *vt) -> std::string {
    std::string s = "{";
    size_t start = 0;
    if (vt->parent()) {
      s += init(vt->parent());
      start = vt->parent()->fields().size();
    }
    for (size_t i = start; i < vt->fields().size(); ++i) {
      const LLField &f = vt->fields()[i];
      if (s.size() > 1) s += ", ";
      if (f.name == "subclassMin") s += std::to_string(c.subclassMin);
      else if (f.name == "subclassMax") s += std::to_string(c.subclassMax);
      else if (f.name == "name") s += "(RStr*)&" + c.vtableSymbol + "_name";
      else if (f.name.rfind("m_", 0) == 0) {
        auto it = c.methods.find(f.name.substr(2));
        s += it != c.methods.end() && !it->second.empty() ? it->second : "nullptr";
      } else if (f.name.rfind("c_", 0) == 0) {
        auto it = c.classConstants.find(f.name.substr(2));
        s += it != c.classConstants.end() ? syms.constant(it->second) : "{}";
      } else {
        s += "{}";
      }
    }
    return s + "}";
  };
  return init(c.vtable);
}

std::string dataText(const LLProgram &p, const Symbols &syms, const EmitOptions &opts) {
  std::ostringstream d;
  d << "// Generated by Lathe: static data, runtime hooks and main().\n#include \"program.h\"\n\n";
  for (const PrebuiltObj &o : p.prebuilts) {
    if (o.kind == PrebuiltObj::Kind::STRING)
      d << "LLStrData<" << o.text.size() + 1 << "> " << o.symbol << "_data = {0, " << o.text.size()
        << ", " << cString(o.text) << "};\n";
  }
  for (const ClassInfo &c : p.classes) {
    d << "static LLStrData<" << c.name.size() + 1 << "> " << c.vtableSymbol << "_name = {0, "
      << c.name.size() << ", " << cString(c.name) << "};\n";
    d << c.vtable->name() << " " << c.vtableSymbol << " = " << vtableInit(c, syms) << ";\n";
  }
  for (const PrebuiltObj &o : p.prebuilts) {
    if (o.kind == PrebuiltObj::Kind::INSTANCE)
      d << o.type->target()->name() << " " << o.symbol << "_obj;\n";
    else if (o.kind != PrebuiltObj::Kind::STRING)
      d << cppType(o.type) << " " << o.symbol << " = nullptr;\n";
  }
  // Start-up.
  d << "\nstatic void ll_init_prebuilt() {\n";
  for (const PrebuiltObj &o : p.prebuilts) {
    const LLType *t = o.type->target();
    switch (o.kind) {
    case PrebuiltObj::Kind::LIST:
      d << "  " << o.symbol << " = ll_list_new<" << cppType(t->fieldType("items")->target()->item())
        << ">(" << o.items.size() << ");\n";
      break;
    case PrebuiltObj::Kind::ARRAY:
      d << "  " << o.symbol << " = ll_array_new<" << cppType(t->item()) << ">(" << o.items.size() << ");\n";
      break;
    case PrebuiltObj::Kind::DICT: {
      std::string c = t->cppName(); // RDict<K, V, Tr>
      d << "  " << o.symbol << " = ll_dict_new" << c.substr(5) << "();\n";
      break;
    }
    case PrebuiltObj::Kind::TUPLE:
      d << "  " << o.symbol << " = ll_new_struct<" << t->name() << ">();\n";
      break;
    default:
      break;
    }
  }
  auto fill = [&](PrebuiltObj::Kind kind) {
    for (const PrebuiltObj &o : p.prebuilts) {
      if (o.kind != kind) continue;
      const LLType *t = o.type->target();
      switch (kind) {
      case PrebuiltObj::Kind::TUPLE:
        for (size_t i = 0; i < o.items.size(); ++i)
          if (o.items[i]->type->kind() != LLKind::VOID)
            d << "  " << o.symbol << "->item" << i << " = " << syms.constant(o.items[i]) << ";\n";
        break;
      case PrebuiltObj::Kind::LIST:
        for (size_t i = 0; i < o.items.size(); ++i)
          d << "  " << o.symbol << "->items->items[" << i << "] = " << syms.constant(o.items[i]) << ";\n";
        break;
      case PrebuiltObj::Kind::ARRAY:
        for (size_t i = 0; i < o.items.size(); ++i)
          d << "  " << o.symbol << "->items[" << i << "] = " << syms.constant(o.items[i]) << ";\n";
        break;
      case PrebuiltObj::Kind::INSTANCE: {
        const ClassInfo &c = p.classes[o.classIndex];
        d << "  " << o.symbol << "_obj.typeptr = (OBJECT_VTABLE*)&" << c.vtableSymbol << ";\n";
        size_t k = 0;
        for (const LLField &f : t->fields()) {
          if (f.name == "typeptr") continue;
          d << "  " << o.symbol << "_obj." << f.name << " = " << syms.constant(o.items[k++]) << ";\n";
        }
        break;
      }
      case PrebuiltObj::Kind::DICT:
        for (size_t i = 0; i + 1 < o.items.size(); i += 2)
          d << "  ll_dict_setitem(" << o.symbol << ", " << syms.constant(o.items[i]) << ", "
            << syms.constant(o.items[i + 1]) << ");\n";
        break;
      default:
        break;
      }
    }
  };
  fill(PrebuiltObj::Kind::TUPLE);
  fill(PrebuiltObj::Kind::LIST);
  fill(PrebuiltObj::Kind::ARRAY);
  fill(PrebuiltObj::Kind::INSTANCE);
  fill(PrebuiltObj::Kind::DICT);
  d << "}\n\n";

  // Runtime hooks.
  d << "static void* ll_exc_factory_impl(LLBuiltinExc kind, RStr* msg) {\n  switch (kind) {\n";
  for (const ClassInfo &c : p.classes) {
    if (c.builtinKind < 0) continue;
    d << "  case " << c.builtinKind << ": {\n    auto* o = ll_new_struct<" << c.instance->name()
      << ">();\n    o->typeptr = (OBJECT_VTABLE*)&" << c.vtableSymbol << ";\n    o->msg = msg;\n    return o;\n  }\n";
  }
  d << "  default: return nullptr;\n  }\n}\n\n";
  d << "static LLExcInfo ll_exc_describe_impl(void* type, void* value) {\n"
       "  auto* vt = static_cast<OBJECT_VTABLE*>(type);\n"
       "  RStr* msg = nullptr;\n";
  for (const ClassInfo &c : p.classes)
    if (c.builtinKind == 0)
      d << "  if (ll_exc_matches(&" << c.vtableSymbol << ")) msg = static_cast<" << c.instance->name()
        << "*>(value)->msg;\n";
  d << "  return {vt->name->chars, msg};\n}\n\n";
  // Entry.
  const LLGraph *entry = p.graphByName.at(p.entryGraph);
  const LLType *argT = entry->startblock->inputargs.empty() ? nullptr : entry->startblock->inputargs[0]->type;
  d << "static int64_t ll_entry(RList<RStr*>* argv) {\n  ll_init_prebuilt();\n";
  std::string arg = "argv";
  if (argT && argT->isPtr() && argT->target()->isArray()) {
    d << "  RArray<RStr*>* args = ll_array_new<RStr*>(argv->length);\n"
         "  for (int64_t i = 0; i < argv->length; i++) args->items[i] = argv->items->items[i];\n";
    arg = "args";
  }
  std::string callExpr = entry->name + "(" + (argT && argT->kind() != LLKind::VOID ? arg : "") + ")";
  switch (entry->resultType()->kind()) {
  case LLKind::VOID: d << "  " << callExpr << ";\n  return 0;\n"; break;
  default: d << "  return (int64_t)" << callExpr << ";\n"; break;
  }
  d << "}\n\nint main(int argc, char** argv) {\n";
  if (opts.jit) d << opts.jit->mainInit;
  d << "  ll_builtin_exc_factory = ll_exc_factory_impl;\n"
       "  ll_exc_describe = ll_exc_describe_impl;\n"
       "  return ll_main(argc, argv, ll_entry);\n}\n";
  return d.str();
}

bool writeIfChanged(const fs::path &path, const std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::ostringstream cur;
    cur << in.rdbuf();
    if (cur.str() == text) return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  return bool(out);
}

} // namespace

std::string emitProject(const LLProgram &p, const std::string &dir, const EmitOptions &opts) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "cannot create " + dir + ": " + ec.message();
  Symbols syms(p);
  std::vector<const LLType *> structs = generatedStructs(p);
  std::string header = headerText(p, structs);
  if (opts.jit) header += "\n// --- translate --jit ---\n" + opts.jit->declarations;
  if (!writeIfChanged(fs::path(dir) / "program.h", header))
    return "cannot write " + dir + "/program.h";
  if (!writeIfChanged(fs::path(dir) / "data.cpp", dataText(p, syms, opts)))
    return "cannot write " + dir + "/data.cpp";
  // Units of roughly equal size.
  std::vector<std::string> units;
  std::string cur;
  const size_t target = 300000; // bytes of C++ per unit (each also parses program.h, ~0.5 s)
  for (const auto &g : p.graphs) {
    cur += emitFunction(*g, syms, opts) + "\n";
    if (cur.size() > target) {
      units.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty() || units.empty()) units.push_back(cur);
  std::vector<std::string> names{"data.cpp"};
  for (size_t i = 0; i < units.size(); ++i) {
    std::string name = "funcs_" + std::to_string(i) + ".cpp";
    names.push_back(name);
    if (!writeIfChanged(fs::path(dir) / name,
                        "// Generated by Lathe: translated functions.\n#include \"program.h\"\n\n" + units[i]))
      return "cannot write " + dir + "/" + name;
  }
  if (opts.jit)
    for (const auto &[name, text] : opts.jit->files) {
      names.push_back(name);
      if (!writeIfChanged(fs::path(dir) / name, text)) return "cannot write " + dir + "/" + name;
    }
  // Stale units of a previous, larger translation.
  for (size_t i = units.size();; ++i) {
    fs::path stale = fs::path(dir) / ("funcs_" + std::to_string(i) + ".cpp");
    if (!fs::exists(stale)) break;
    fs::remove(stale);
  }
  std::string twinUnits;  // (the JIT's traced twins: compiled at -O0, below)
  for (const std::string &n : names)
    if (n.rfind("jit_twins_", 0) == 0) twinUnits += (twinUnits.empty() ? "" : " ") + n;
  std::ostringstream cm;
  cm << "# Generated by Lathe: builds the translated program.\n"
        "cmake_minimum_required(VERSION 3.16)\n"
        "project(lathe_program CXX)\n"
        "set(CMAKE_CXX_STANDARD 20)\n"
        "set(CMAKE_CXX_STANDARD_REQUIRED ON)\n"
        "find_program(LATHE_CCACHE ccache)\n"
        "if(LATHE_CCACHE)\n  set(CMAKE_CXX_COMPILER_LAUNCHER ${LATHE_CCACHE})\nendif()\n"
        "set(LATHE_OPT \"" << kLatheOptFlags << "\" CACHE STRING \"optimisation flags\")\n"
        "add_executable(program";
  for (const std::string &n : names) cm << " " << n;
  cm << ")\n"
        "separate_arguments(LATHE_OPT_LIST UNIX_COMMAND \"${LATHE_OPT}\")\n"
        "target_compile_options(program PRIVATE ${LATHE_OPT_LIST} -fwrapv -fno-strict-aliasing -w)\n";
  // data.cpp runs once, at startup: ll_init_prebuilt() is one statement
  // per prebuilt field or item (45,000 for the Python VM), which g++ -O2
  // takes three minutes to optimise and -O0 compiles in three seconds.
  cm << "# data.cpp runs once (static data and the prebuilt objects' setup).\n"
        "set_source_files_properties(data.cpp PROPERTIES COMPILE_OPTIONS -O0)\n";
  if (!twinUnits.empty())
    cm << "# The traced twins run only while a trace is recorded, where the time\n"
          "# goes to the recorder and the optimiser (compiled -O2 in liblathe_jit):\n"
          "# -O0 compiles them in a third of the time of -O2 and traces as fast.\n"
          "set_source_files_properties(" + twinUnits + " PROPERTIES COMPILE_OPTIONS -O0)\n";
  cm << "target_include_directories(program PRIVATE \"" LATHE_RUNTIME_INCLUDE "\")\n"
        "target_link_libraries(program PRIVATE " +
            std::string(opts.jit ? "\"" LATHE_JIT_LIB "\" " : "") + "\"" LATHE_RUNTIME_LIB "\" gc)\n";
  // The JIT's x86 backend uses Debian's static asmjit (its CMake package
  // adds ASMJIT_STATIC, pthread and rt).
  if (opts.jit)
    cm << "find_package(asmjit CONFIG REQUIRED)\ntarget_link_libraries(program PRIVATE asmjit::asmjit)\n";
  if (!writeIfChanged(fs::path(dir) / "CMakeLists.txt", cm.str())) return "cannot write CMakeLists.txt";
  return {};
}

} // namespace lathe::cpp
