//===- bookkeeper.h - Shared, progressively discovered program facts -------===//
// Pipeline position: owned by the Annotator (annotate.h); read afterwards by
// the printer and the RTyper. Follows RPython's bookkeeper.py, classdesc.py,
// listdef.py and dictdef.py:
//
//   ClassDef  one per class reached at run time (user classes and built-in
//             exception classes), linked to its base. Instance attributes are
//             discovered as the fixpoint runs; an attribute lives on the most
//             general class that has it: finding it on a subclass of the class
//             being accessed moves it up (union of the annotations) and
//             re-flows every reader.
//   ListDef   the item annotation shared by every list that may be the same
//   DictDef   object at run time; two containers meeting in a union unify
//             (union-find) so they agree on one item type. They record
//             `mutated`/`resized` for the RTyper.
//   Desc      functions, classes, bound methods and frozen constants as
//             prebuilt values (the members of a SomePBC).
//   CallFamily  the Descs called at one call site (through one SomePBC)
//             share a family (union-find across call sites): the RTyper
//             gives a family one calling convention, the unified signature
//             (Annotator::familySignature).
//
// Every shared fact is a Slot: an annotation, the ORIGIN (source location)
// of the value that made it what it is, and the positions (blocks) that read
// it. Generalising a slot re-flows its readers; a clash is a user error that
// names both annotations and both origins (diagnostics.h).
//
// Determinism: objects are created in annotation order (itself deterministic)
// and kept in deques; pointer-keyed maps are used for lookup only.
//===----------------------------------------------------------------------===//
#pragma once
#include "annotator/diagnostics.h"
#include "annotator/model.h"
#include "frontend/evaluator.h"

#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace lathe::ann {

struct GraphInfo;

/// A block of an annotated graph: the unit of (re)flowing.
struct Position {
  GraphInfo *graph = nullptr;
  const flow::Block *block = nullptr;
};

/// Implemented by the Annotator: schedule a block to be flowed again.
class Reflower {
public:
  virtual ~Reflower() = default;
  virtual void reflow(const Position &p) = 0;
};

/// A shared annotation with its origin and readers.
struct Slot {
  Ann ann;
  SrcLoc origin;
  std::vector<Position> readers;
  Slot();
  void addReader(const Position &p);
};

class Bookkeeper;

class ClassDef {
public:
  const eval::ClassObj *cls = nullptr;
  ClassDef *base = nullptr;
  std::vector<ClassDef *> subdefs; // in creation order
  std::map<std::string, Slot> attrs; // instance attributes living here
  std::map<std::string, SrcLoc> unknownReads; // reads of attributes nobody writes (yet)
  std::vector<Position> shapeReaders; // re-flowed when a subclass appears
  uint32_t order = 0;                 // creation order
  /// "bf.Tape" (module-qualified; built-in classes unqualified).
  std::string name() const;
  bool isSubclassOf(const ClassDef *other) const;
  /// The nearest common base, or null.
  static ClassDef *commonBase(ClassDef *a, ClassDef *b);
};

class ListDef {
public:
  Slot item;
  bool mutated = false;
  bool resized = false;
  bool range = false;  // made by range(): items known, never mutated
  std::string frozen;  // a prebuilt module-level list: the global's name (read-only at run time)
  SrcLoc created;
  ListDef *find();
  ListDef *parent = nullptr; // union-find
  Bookkeeper *owner = nullptr;
  uint32_t order = 0;
};

class DictDef {
public:
  Slot key, value;
  bool mutated = false;
  std::string frozen;  // a prebuilt module-level dict: the global's name
  SrcLoc created;
  DictDef *find();
  DictDef *parent = nullptr;
  Bookkeeper *owner = nullptr;
  uint32_t order = 0;
};

class CallFamily;

struct Desc {
  enum class Kind : uint8_t { FUNCTION, CLASS, METHOD, CONSTANT };
  CallFamily *family = nullptr; // once called; use family->find()
  Kind kind = Kind::FUNCTION;
  const eval::FunctionObj *func = nullptr; // FUNCTION, METHOD
  const eval::ClassObj *cls = nullptr;     // CLASS
  ClassDef *selfClass = nullptr;           // METHOD: the receiver's class
  eval::Value value;                       // CONSTANT (modules, frozen objects)
  /// Deterministic sort key (kind, object serials).
  std::tuple<int, uint32_t, uint32_t> key() const;
  std::string describe() const;
};

/// Functions, methods or classes called through one value (union-find).
class CallFamily {
public:
  std::vector<Desc *> members; // the representative's, in Desc order
  std::vector<SrcLoc> callSites; // the representative's, in discovery order
  CallFamily *parent = nullptr;
  uint32_t order = 0;
  CallFamily *find();
};

/// Owner of ClassDefs, ListDefs, DictDefs and Descs; applies the attribute,
/// item and unification protocols.
class Bookkeeper {
public:
  Bookkeeper(eval::Evaluator &ev, Reflower &reflower, AnnDiagnostics &diags);

  eval::Evaluator &evaluator() { return ev_; }
  AnnDiagnostics &diags() { return diags_; }

  /// The annotation of a translation-time value (constants carry the value).
  Ann immutableValue(const eval::Value &v);

  /// Marks the prebuilt list/dict `v` (read through a module global) as
  /// frozen: mutating it at run time is an error (frozen.cpp).
  void freezeGlobal(const eval::Value &v, const Ann &a);

  ClassDef *classDefFor(const eval::ClassObj *cls);
  const std::deque<ClassDef> &classDefs() const { return classDefs_; }
  Desc *functionDesc(const eval::FunctionObj *f);
  Desc *classDesc(const eval::ClassObj *c);
  Desc *methodDesc(const eval::FunctionObj *f, ClassDef *self);
  Desc *constantDesc(const eval::Value &v);

  /// One ListDef/DictDef per creation point, reused when the block re-flows.
  ListDef *listDefAt(const void *site, SrcLoc loc);
  DictDef *dictDefAt(const void *site, SrcLoc loc);
  ListDef *newListDef(SrcLoc loc);
  DictDef *newDictDef(SrcLoc loc);

  /// Reads an instance attribute of `cd` (moving it up from subclasses if
  /// needed); records the reader. IMPOSSIBLE while nobody wrote it.
  Ann readAttr(ClassDef *cd, const std::string &name, const Position &reader, SrcLoc loc,
               SrcLoc *origin);
  /// Generalises an instance attribute with a written value.
  void writeAttr(ClassDef *cd, const std::string &name, const Ann &value, SrcLoc origin,
                 SrcLoc where);
  /// The class-level value `name` seen from `cd` (methods, class constants).
  const eval::Value *classAttr(ClassDef *cd, const std::string &name) const;

  /// Generalises a slot; re-flows its readers when it changed. `what`
  /// names the slot in a clash ("list item", "attribute `A.x`").
  void generalize(Slot &s, const Ann &value, SrcLoc origin, SrcLoc where,
                  const std::string &what);
  Ann readSlot(Slot &s, const Position &reader, SrcLoc *origin);
  void unifyLists(ListDef *a, ListDef *b);
  void unifyDicts(DictDef *a, DictDef *b);

  /// Records that `descs` are called at `site`: they join one call family.
  CallFamily *noteCall(const std::vector<Desc *> &descs, SrcLoc site);
  /// The families (representatives), in creation order.
  std::vector<const CallFamily *> callFamilies() const;

  /// Attributes reads that never found a writer (reported after the fixpoint).
  void reportUnknownAttributes();

private:
  ClassDef *makeClassDef(const eval::ClassObj *cls);
  Slot *findAttr(ClassDef *cd, const std::string &name);
  Slot *hoistAttr(ClassDef *cd, const std::string &name);
  void collectFromSubclasses(ClassDef *cd, const std::string &name, Slot &into);
  void prebuiltInstance(const eval::InstanceObj *inst, ClassDef *cd);
  Ann containerValue(const eval::Value &v);

  eval::Evaluator &ev_;
  Reflower &reflower_;
  AnnDiagnostics &diags_;
  std::deque<ClassDef> classDefs_;
  std::deque<ListDef> listDefs_;
  std::deque<DictDef> dictDefs_;
  std::deque<Desc> descs_;
  std::deque<CallFamily> families_;
  std::unordered_map<const eval::ClassObj *, ClassDef *> classDefOf_;
  std::unordered_map<const void *, ListDef *> listAt_;
  std::unordered_map<const void *, DictDef *> dictAt_;
  std::map<std::tuple<int, uint32_t, uint32_t>, Desc *> descOf_;
  std::unordered_map<const eval::Object *, Ann> prebuilt_;
};

/// unionOf's side effect: the two containers are the same from now on.
void unionListDefs(ListDef *a, ListDef *b);
void unionDictDefs(DictDef *a, DictDef *b);

} // namespace lathe::ann
