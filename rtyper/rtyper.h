//===- rtyper.h - From annotated flow graphs to low-level graphs -----------===//
// Pipeline position: after the annotator, before the C++ emitter and jitgen
// (DESIGN §2, §5). Input: an Annotator that annotated a program from its
// entry point. Output: an LLProgram — one LLGraph per annotated graph (per
// specialisation), the class hierarchy with its vtables, the prebuilt
// constants as static data, and the runtime helpers the graphs call.
//
// The recipe (rtyper.cpp, rtype()) reads top to bottom:
//   1. classes     the whole instance hierarchy: the built-in exception
//                  classes of runtime/builtin_exceptions.def and every user
//                  ClassDef, numbered in preorder so isinstance is one range
//                  check on the vtable's [subclassMin, subclassMax]
//                  (rclass.cpp);
//   2. signatures  one function type per graph, from its parameters' and
//                  result's annotations; call families share theirs;
//   3. lowering    every graph, block by block (lower_graph.cpp), each flow
//                  operation by the rules of its operands' kinds (rint.cpp,
//                  rstr.cpp, rlist.cpp, rdict.cpp, rtuple.cpp, rclass.cpp,
//                  rcall.cpp, rbuiltin.cpp, riter.cpp);
//   4. verify      verifyLLGraph on every graph (an internal error if not).
//
// Runtime helpers: container and string operations lower to calls of the
// runtime library's `ll_*` functions (runtime/README.md), which the C++
// compiler inlines (the container ones are header templates). In the graph
// they are `direct_call` of a Symbol constant naming the C++ callee
// (`ll_list_append`, `ll_dict_new<RStr*, int64_t, LLStrKey>`); the program's
// `externals` table records each callee's function type and whether it can
// raise. jitgen reads the same table.
//
// Exceptions: a can-raise operation that ends a LAST_EXCEPTION block is the
// one guarded by a try (its exception links); every other can-raise
// operation propagates: when it raises, the function returns at once with
// the exception state set (the emitter writes that check; see llgraph.h).
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/annotate.h"
#include "rtyper/llgraph.h"

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lathe::rtyper {

/// A runtime helper called by the graphs.
struct ExternalFunc {
  std::string name;            // the C++ callee, possibly with template arguments
  const LLType *type = nullptr; // Func
  bool canRaise = false;
  /// A check (`ll_check_*`): returns a Bool that is true exactly when it
  /// raised, so callers test the result instead of the exception state.
  bool raisesByResult = false;
};

/// One class of the program's instance hierarchy.
struct ClassInfo {
  std::string name;        // as tracebacks print it: "ValueError", "__main__.MyError", "mod.C"
  std::string cname;       // C++ identifier stem: "ValueError", "bf_Tape"
  const ann::ClassDef *def = nullptr; // null for built-in exceptions never annotated
  const eval::ClassObj *cls = nullptr;
  int base = -1;           // index into LLProgram::classes, -1 for the root
  int builtinKind = -1;    // LLBuiltinExc, or -1 for user classes
  int64_t subclassMin = 0, subclassMax = 0; // preorder number and last descendant's
  const LLType *instance = nullptr; // GcStruct of instances (inherits from the base's)
  const LLType *vtable = nullptr;   // Struct of the vtable (inherits from the base's)
  std::string vtableSymbol;         // the static vtable of this class
  /// Methods called through the vtable: name -> the graph implementing it
  /// for this class (inherited or own); empty name = abstract (no body).
  std::map<std::string, std::string> methods;
  /// Class attributes read through instances (vtable slots `c_NAME`): this
  /// class' value (its own or inherited).
  std::map<std::string, const LLConstant *> classConstants;
};

/// A prebuilt constant: static data of the translated program.
struct PrebuiltObj {
  enum class Kind : uint8_t { STRING, INSTANCE, LIST, ARRAY, DICT, TUPLE };
  Kind kind = Kind::STRING;
  std::string symbol;       // the C++ name of the object's pointer
  const LLType *type = nullptr; // the Ptr type of the symbol
  std::string text;         // STRING
  int classIndex = -1;      // INSTANCE
  /// INSTANCE: one per struct field after `typeptr` (in field order);
  /// LIST/ARRAY/TUPLE: the items; DICT: key, value, key, value, ...
  std::vector<const LLConstant *> items;
};

/// A JitDriver hint met while lowering (jitgen checks and uses them).
struct JitMarker {
  std::string kind;  // jit_merge_point, can_enter_jit, loop_header
  std::string graph; // the low-level graph it is in
  const eval::InstanceObj *driver = nullptr; // the prebuilt JitDriver, if known
  std::vector<std::string> names;            // keyword names, in call order
  /// For each name: its operand index in the jit_marker operation, -1 when
  /// the value is Void (a constant with no run-time representation).
  std::vector<int> argIndex;
  SrcLoc loc;
};

/// Everything the C++ emitter and jitgen need.
struct LLProgram {
  TypeContext types;
  std::deque<std::unique_ptr<LLGraph>> graphs;    // deterministic order
  std::map<std::string, LLGraph *> graphByName;
  std::map<std::string, ExternalFunc> externals; // by C++ callee + type
  std::vector<ClassInfo> classes;                // preorder: a base before its subclasses
  std::deque<PrebuiltObj> prebuilts;             // creation order
  std::deque<LLConstant> constants;              // prebuilt data's constants
  std::string entryGraph;
  std::string mainModule; // the program's module name (tracebacks print "__main__.C")
  /// Key-traits structs for dict keys that are tuples (emitted by the backend).
  std::vector<const LLType *> tupleKeyTypes;
  /// Graphs that can raise (directly or through callees): the emitter checks
  /// the exception state only after calls to these.
  std::map<std::string, bool> graphCanRaise;
  /// The RPy function of each graph made from one (jitgen reads its hints).
  std::map<std::string, const eval::FunctionObj *> graphFunction;
  /// JitDriver markers, in lowering order.
  std::vector<JitMarker> jitMarkers;

  const LLConstant *constant(const LLType *type, LLConstant::Payload value) {
    constants.push_back({type, std::move(value)});
    return &constants.back();
  }
};

/// The recipe. Returns false when the program uses something the RTyper
/// cannot lower (reported to `sink` with a source location).
bool rtype(ann::Annotator &an, const eval::FunctionObj *entry, LLProgram &out, Diagnostics &sink);

/// The C++ spelling of a low-level type in generated code: `int64_t`,
/// `RStr*`, `RList<double>*`, `bf_Tape*`, `ll_fnptr<int64_t, RStr*>`.
std::string cppSpelling(const LLType *t);

/// Text form of every graph of the program (or of those whose name contains
/// `only`), in program order, for `lathe lltype` and golden tests.
std::string printProgram(const LLProgram &p, const std::string &only = {});

} // namespace lathe::rtyper
