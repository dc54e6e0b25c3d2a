//===- effects.h - What a residual call may read and write -----------------===//
// Pipeline position: jitgen, beside the analysis (jitinfo.h) and feeding the
// twins' glue (twins.cpp) and `lathe jitinfo` (DESIGN §6; issue 7 item 2).
// Input: the low-level program (every graph, the runtime helpers it calls,
// its classes' hints). Output: for every residual call target, its Effects —
//
//   reads / writes            the struct fields it may read and write, named
//                             as jitgen names FieldDescrs: the struct that
//                             declares the field, a dot, the field
//                             ("LIST<Signed>.length", "bf_Tape.a_pos");
//   arrays read / written     the arrays whose items it may read and write,
//                             named as ArrayDescrs ("Array(Signed)", "STR");
//   known                     false: it may touch anything (it reaches a
//                             runtime helper that is not in the table, or an
//                             indirect call with no known target);
//   virtualizable             it may read or write a field a class lists in
//                             `_virtualizable_` (or anything, when unknown
//                             and the program has such a class);
//   io, quasi-immutable write notes for `lathe jitinfo`.
//
// Graphs: each operation's own effect, then a fixpoint over the call graph
// (direct calls; indirect calls through every graph whose address is taken
// and whose function type is the pointer's). Runtime helpers, whose C++ jitgen
// cannot see: the table in helpers.def, by argument types. The contract the
// runtime keeps (runtime/README.md): a helper reaches the program's memory
// only through its arguments, and never reads or writes an instance's
// fields (instances are addresses and a typeptr to it).
//
// The twins' glue turns the names into DescrTable indices (EffectInfo in
// runtime/jit/trace.h); names with no descriptor are left out — no trace
// reads or writes them, so no optimizer holds anything about them.
//===----------------------------------------------------------------------===//
#pragma once
#include "rtyper/rtyper.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace lathe::jitgen {

/// The FieldDescr name of `field` of struct `s`: the struct that declares it
/// (walking up the parents), ".", the field.
std::string fieldName(const rtyper::LLType *s, const std::string &field);
/// The ArrayDescr name of the items of `container` (a GcArray: "Array(T)";
/// a struct ending in an inlined array: the struct's name).
std::string arrayName(const rtyper::LLType *container);
/// The strings of class attribute `attr` (`_immutable_fields_`,
/// `_virtualizable_`) on the class whose instances are struct `s` and on
/// its bases, most derived first.
std::vector<std::string> classHints(const rtyper::LLProgram &p, const rtyper::LLType *s, const char *attr);

/// What a call may do to the program's memory (names, not descr indices).
struct Effects {
  bool known = true;
  std::set<std::string> readsFields, writesFields, readsArrays, writesArrays;
  bool virtualizable = false;
  bool io = false;         // I/O, or the clock
  bool quasiWrite = false; // writes a quasi-immutable field (invalidates traces)
  std::string unknownWhy;  // !known: what is opaque ("ll_jit_set_param")

  /// Adds everything `o` may do.
  void merge(const Effects &o);
  bool operator==(const Effects &) const = default;
};

/// The effects of every graph of a program, and of the helpers it calls.
class EffectAnalysis {
public:
  explicit EffectAnalysis(const rtyper::LLProgram &p);

  /// The effects of calling `callee` (a graph's name, or a runtime helper's
  /// C++ spelling) of function type `fn`.
  Effects ofCallee(const std::string &callee, const rtyper::LLType *fn) const;
  /// Whether some class declares `_virtualizable_`.
  bool hasVirtualizable() const { return hasVirtualizable_; }

private:
  void indexProgram();
  void findVirtualizables();
  /// Each graph's own effects, then the fixpoint over the call graph.
  void solve();
  Effects local(const rtyper::LLGraph &g, std::vector<const rtyper::LLGraph *> &callees) const;
  Effects ofHelper(const std::string &name, const rtyper::LLType *fn) const;
  /// A container as a helper sees it at one level: its fields and the
  /// arrays it holds (a list's items; a string's chars); with `withDict`, a
  /// dict iterator's dict too.
  void oneLevel(const rtyper::LLType *c, std::set<std::string> &fields, std::set<std::string> &arrays,
                bool withDict) const;
  /// Every container reachable from `roots` as the runtime sees them.
  std::vector<const rtyper::LLType *> reachable(std::vector<const rtyper::LLType *> roots) const;
  /// The dict a dict iterator struct iterates, or null.
  const rtyper::LLType *dictOf(const rtyper::LLType *c) const;
  void finish(Effects &e) const;
  /// The graphs an indirect call through a pointer of this type may reach.
  const std::vector<const rtyper::LLGraph *> &targets(const rtyper::LLType *fnPtr) const;

  const rtyper::LLProgram &p_;
  std::map<std::string, Effects> graphs_;
  std::map<const rtyper::LLType *, std::vector<const rtyper::LLGraph *>> byFuncType_; // address-taken only
  std::map<std::string, const rtyper::LLType *> runtimeStructs_;                      // by C++ spelling
  /// A dict struct's key and value types (what its helpers take and give).
  std::map<const rtyper::LLType *, std::vector<const rtyper::LLType *>> dictItems_;
  std::set<std::string> virtFields_, virtArrays_;
  bool hasVirtualizable_ = false;
};

/// A residual call target of the generated JIT (one per CallDescr).
struct ResidualCall {
  std::string callee;
  bool canRaise = true;
  bool elidable = false;
  Effects effects;
};

/// One line per target, sorted (`lathe jitinfo`; docs/jitgen.md):
///   effects NAME: raises=no elidable=no reads=[..] writes=[..]
///     arrays-read=[..] arrays-written=[..] virtualizable=no [notes=[..]]
/// or, for a target that may touch anything,
///   effects NAME: raises=yes elidable=no unknown (WHY) virtualizable=yes
std::string printEffects(const std::vector<ResidualCall> &calls);

} // namespace lathe::jitgen
