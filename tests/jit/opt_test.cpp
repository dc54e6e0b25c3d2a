// Tests of runtime/jit/opt*.cpp (issue 7): golden "trace in, trace out"
// files under tests/jit/opt/<pass>/NAME.trace, each checked three ways —
// the printed output equals the expected text, it passes verify(), and it
// behaves like the input on the interp backend (the reference semantics)
// for a set of input vectors (edge values 0, -1, 1, INT64_MIN, INT64_MAX,
// small and random values; fresh objects for ref inputs, every fourth
// vector one object per role shared by all inputs of that role, so aliases
// happen): the same exit (finish values, or the same guard with the same
// frames and fail-arg values, or the same jump), the same pending
// exception, the same residual call effects and the same memory afterwards
// (the world's objects and the constant objects, which are reset before
// every run). A guard failure's virtuals (virtualize) are materialised
// first (virtuals.h), as the driver does; objects the trace allocated — or
// materialised — are compared by their contents, word by word, with
// pointers among them named in the order they are met, so the two traces'
// objects must be the same graph. One allowance: a guard exit of the
// optimized trace also matches the input trace forced to fail that guard
// at some check (a widened guard fails early; spuriousExit).
//
// File format:
//   # comments
//   <input trace>
//   === <passes: enable_opts syntax, e.g. rewrite or intbounds:rewrite or all>
//   <expected output, as printTrace prints it>
// LATHE_UPDATE_GOLDEN=1 rewrites the expected part from the actual output.
#include <gc/gc.h>
#include <gtest/gtest.h>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include "jit/interp.h"
#include "jit/opt.h"
#include "jit/params.h"
#include "jit/semantics.h"
#include "jit/trace_text.h"
#include "jit/virtuals.h"
#include "jit_test_util.h"

namespace {
using namespace jit_test;
namespace fs = std::filesystem;

// --- the descriptors of the golden traces: the JIT tests' plus a few ---------------

/// @elidable and may raise: ValueError on odd numbers (checkedHalf's behaviour).
int64_t pureHalf(int64_t a) { return checkedHalf(a); }
/// @elidable, cannot raise.
int64_t pureSquare(int64_t a) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(a)); }
/// Prebuilt constant objects (named frameA, frameB in traces). Traces may
/// write them: outcome() puts their first contents back before every run.
const Frame kFrameAInit{&kFrameVtable, 7, 8, nullptr, 1.5, -3, 200};
const Frame kFrameBInit{&kOtherVtable, -5, 0, nullptr, 0.25, 12, 1};
Frame kFrameA = kFrameAInit, kFrameB = kFrameBInit;

/// A resizable list as the rtyper lays it out: its length and an items
/// array (IntArray) with room for at least that many.
struct List {
  int64_t length;
  void* items;
};
/// The tape of a BF-like interpreter: its cells, a List (immutable, as in
/// `_immutable_fields_ = ['cells']`), and a position.
struct Tape {
  void* typeptr;
  List* cells;
  int64_t pos;
};

/// A virtualizable frame (`_virtualizable_ = ['pc', 'acc', 'locals[*]',
/// 'box']`): `depth` is an ordinary field. `locals` is a fixed-size
/// IntArray of four items.
struct VFrame {
  void* typeptr;
  int64_t pc;
  int64_t acc;
  void* locals;
  Frame* box;
  int64_t depth;
};

/// vf.acc += 1 through the frame object: a call that accesses the
/// virtualizable (its fields must be in memory first).
void bumpVAcc(void* vf) {
  if (vf) static_cast<VFrame*>(vf)->acc += 1;
}

// Residual calls with known effects (EffectInfo sets, for the heap pass).
// Null objects and bad indices do nothing: the worlds below pass them.
/// f.acc += 1: reads and writes Frame.acc only.
void bumpAcc(void* f) {
  if (f) static_cast<Frame*>(f)->acc += 1;
}
/// Returns f.acc: reads Frame.acc, writes nothing.
int64_t readAcc(void* f) { return f ? static_cast<Frame*>(f)->acc : 0; }
/// Counts a call: no field or array at all (known, empty sets).
void tally(int64_t by) { gCalls += by; }
/// arr[i] = 0: writes IntArray items only.
void clearItem(void* arr, int64_t i) {
  auto* p = static_cast<char*>(arr);
  if (p && i >= 0 && i < readInt(p, 8, true)) writeInt(p + 8 + i * 8, 8, 0);
}

DescrTable makeOptDescrs() {
  DescrTable d = makeDescrs();
  d.add(CallDescr{"pureHalf", fnPtr(pureHalf), {Kind::INT}, Kind::INT, {true, true}});
  d.add(CallDescr{"pureSquare", fnPtr(pureSquare), {Kind::INT}, Kind::INT, {false, true}});
  d.add(LoopDescr{"other", std::vector<Kind>{Kind::INT}});
  d.add(LoopDescr{"loop0.body", std::nullopt, true});  // the unroll pass's peeled loops
  d.add(LoopDescr{"loop1.body", std::nullopt, true});
  d.add(FieldDescr{"Tape.cells", offsetof(Tape, cells), Kind::REF, 8, true, true});
  d.add(FieldDescr{"Tape.pos", offsetof(Tape, pos), Kind::INT, 8, true, false});
  d.add(FieldDescr{"List.length", offsetof(List, length), Kind::INT, 8, true, false, false, false, true});
  d.add(FieldDescr{"List.items", offsetof(List, items), Kind::REF, 8, true, false});
  d.add(ArrayDescr{"ConstArray", Kind::INT, 8, true, 8, 0, true});  // items never written after construction
  uint32_t acc = *d.find("Frame.acc"), intArray = *d.find("IntArray");
  // EffectInfo: canRaise, elidable, known, readsFields, writesFields, readsArrays, writesArrays,
  // accessesVirtualizable.
  d.add(CallDescr{"bumpAcc", fnPtr(bumpAcc), {Kind::REF}, Kind::VOID,
                  {false, false, true, {acc}, {acc}, {}, {}, false}});
  d.add(CallDescr{"readAcc", fnPtr(readAcc), {Kind::REF}, Kind::INT, {false, false, true, {acc}, {}, {}, {}, false}});
  d.add(CallDescr{"tally", fnPtr(tally), {Kind::INT}, Kind::VOID, {false, false, true, {}, {}, {}, {}, false}});
  d.add(CallDescr{"clearItem", fnPtr(clearItem), {Kind::REF, Kind::INT}, Kind::VOID,
                  {false, false, true, {}, {}, {}, {intArray}, false}});
  // The virtualizable: FieldDescr{name, offset, kind, size, signed, immutable, vable, vableItems}.
  d.add(FieldDescr{"VFrame.pc", offsetof(VFrame, pc), Kind::INT, 8, true, false, true, false});
  d.add(FieldDescr{"VFrame.acc", offsetof(VFrame, acc), Kind::INT, 8, true, false, true, false});
  d.add(FieldDescr{"VFrame.locals", offsetof(VFrame, locals), Kind::REF, 8, true, false, true, true});
  d.add(FieldDescr{"VFrame.box", offsetof(VFrame, box), Kind::REF, 8, true, false, true, false});
  d.add(FieldDescr{"VFrame.depth", offsetof(VFrame, depth), Kind::INT, 8, true, false, false, false});
  uint32_t vacc = *d.find("VFrame.acc");
  d.add(CallDescr{"bumpVAcc", fnPtr(bumpVAcc), {Kind::REF}, Kind::VOID,
                  {false, false, true, {vacc}, {vacc}, {}, {}, true}});
  d.namePointer("frameA", &kFrameA);
  d.namePointer("frameB", &kFrameB);
  return d;
}

const DescrTable& optDescrs() {
  static const DescrTable d = makeOptDescrs();
  return d;
}

// --- worlds: the inputs and objects of one run -------------------------------------------

enum class ObjKind { FRAME, ARRAY, STRING, TAPE, LIST, VFRAME };

/// The role of each REF input, from how the input trace uses it.
struct RefRole {
  ObjKind kind = ObjKind::FRAME;
  uint32_t array = kNoDescr;
};

std::vector<RefRole> refRoles(const Trace& t) {
  std::vector<RefRole> roles(t.inputs.size());
  for (const TraceOp& op : t.ops) {
    if (op.args.empty() || op.args[0].tag() != Ref::INPUT) continue;
    RefRole& r = roles[op.args[0].index()];
    if (opInfo(op.op).descr == DescrKind::ARRAY && op.op != Op::NEW_ARRAY) r = {ObjKind::ARRAY, op.descr};
    if (op.op == Op::STRLEN || op.op == Op::STRGETITEM) r = {ObjKind::STRING, kNoDescr};
    if (opInfo(op.op).descr == DescrKind::FIELD) {
      const std::string& name = optDescrs().field(op.descr).name;
      if (name.starts_with("Tape.")) r = {ObjKind::TAPE, kNoDescr};
      if (name.starts_with("List.")) r = {ObjKind::LIST, kNoDescr};
      if (name.starts_with("VFrame.")) r = {ObjKind::VFRAME, kNoDescr};
    }
  }
  return roles;
}

struct Obj {
  void* p;
  ObjKind kind;
  uint32_t array;
};

struct World {
  std::vector<Value> inputs;
  std::vector<Obj> objs;  // every object made for the run, to name pointers and dump memory
  RootTable roots;        // the same objects, GC-visible (objs is not): they must outlive both runs
  std::vector<const void*> fresh;  // objects the run allocated, in the order the outcome met them

  void add(void* p, ObjKind kind, uint32_t array) {
    objs.push_back({p, kind, array});
    roots.push(reinterpret_cast<uint64_t>(p));
  }
};

constexpr int64_t kEdges[] = {0, -1, 1, INT64_MIN, INT64_MAX};
const double kFloatEdges[] = {0.0, -1.0, 1.0, std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity()};

class WorldMaker {
 public:
  WorldMaker(const Trace& t, uint64_t seed, int vector) : t_(t), rng_(seed * 1000003 + vector), v_(vector) {}

  World make() {
    std::vector<RefRole> roles = refRoles(t_);
    // Every fourth vector, ref inputs of the same role are one object, so
    // what the heap pass assumes about aliasing is put to the test.
    bool alias = v_ % 4 == 3;
    std::map<std::pair<ObjKind, uint32_t>, void*> shared;
    for (size_t k = 0; k < t_.inputs.size(); k++) {
      switch (t_.inputs[k]) {
        case Kind::INT: w_.inputs.push_back(Value::i(anInt())); break;
        case Kind::FLOAT: w_.inputs.push_back(Value::f(aFloat())); break;
        case Kind::REF: {
          auto role = std::pair{roles[k].kind, roles[k].array};
          auto it = shared.find(role);
          void* p = alias && it != shared.end() ? it->second : anObject(roles[k]);
          shared.emplace(role, p);
          w_.inputs.push_back(Value::r(p));
          break;
        }
        case Kind::VOID: w_.inputs.push_back(Value{}); break;
      }
    }
    return std::move(w_);
  }

 private:
  int64_t anInt() {
    if (v_ < 5) return kEdges[v_];  // the first vectors: every int the same edge value
    switch (rng_() % 4) {
      case 0: return kEdges[rng_() % 5];
      case 1: return static_cast<int64_t>(rng_() % 16) - 3;
      case 2: return static_cast<int64_t>(rng_());
      default: return static_cast<int64_t>(rng_() % 101);
    }
  }
  double aFloat() {
    if (v_ < 5) return kFloatEdges[v_];
    return rng_() % 2 ? kFloatEdges[rng_() % 5] : static_cast<double>(static_cast<int64_t>(rng_() % 2001) - 1000) / 8;
  }
  int64_t smallInt() { return static_cast<int64_t>(rng_() % 16) - 3; }

  void* anObject(const RefRole& role) {
    if (v_ % 7 == 6) return nullptr;
    switch (role.kind) {
      case ObjKind::FRAME: return aFrame(true);
      case ObjKind::ARRAY: return anArray(optDescrs().array(role.array), role.array);
      case ObjKind::STRING: return aString();
      case ObjKind::TAPE: return aTape();
      case ObjKind::LIST: return aList();
      case ObjKind::VFRAME: return aVFrame();
    }
    return nullptr;
  }

  void* aVFrame() {
    auto* f = static_cast<VFrame*>(ll_malloc(sizeof(VFrame)));
    w_.add(f, ObjKind::VFRAME, kNoDescr);
    f->typeptr = &kFrameVtable;
    f->pc = smallInt();
    f->acc = v_ < 5 ? kEdges[v_] : smallInt();
    uint32_t intArray = *optDescrs().find("IntArray");
    auto* p = static_cast<char*>(ll_malloc(8 + 4 * 8));
    writeInt(p, 8, 4);
    for (int k = 0; k < 4; k++) writeInt(p + 8 + 8 * k, 8, smallInt());
    w_.add(p, ObjKind::ARRAY, intArray);
    f->locals = p;
    f->box = v_ % 2 ? static_cast<Frame*>(aFrame(false)) : nullptr;
    f->depth = smallInt();
    return f;
  }

  void* aFrame(bool withNext) {
    auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
    w_.add(f, ObjKind::FRAME, kNoDescr);
    f->typeptr = v_ % 3 == 2 ? &kOtherVtable : &kFrameVtable;
    f->acc = v_ < 5 ? kEdges[v_] : smallInt();
    f->reg = smallInt();
    f->x = static_cast<double>(smallInt()) / 2;
    f->small = static_cast<int32_t>(smallInt());
    f->flag = static_cast<uint8_t>(rng_() % 256);
    f->next = withNext && v_ % 2 ? static_cast<Frame*>(aFrame(false)) : nullptr;
    return f;
  }

  void* anArray(const ArrayDescr& a, uint32_t descr) {
    static constexpr int64_t kLengths[] = {0, 1, 3, 8, 20};
    int64_t n = kLengths[(v_ + rng_()) % 5];
    auto* p = static_cast<char*>(ll_malloc(a.baseOffset + static_cast<size_t>(n) * a.itemSize));
    writeInt(p + a.lengthOffset, 8, n);
    for (int64_t k = 0; k < n && a.itemKind == Kind::INT; k++)
      writeInt(p + a.baseOffset + k * a.itemSize, a.itemSize, smallInt() + 3);
    w_.add(p, ObjKind::ARRAY, descr);
    return p;
  }

  void* aTape() {
    auto* t = static_cast<Tape*>(ll_malloc(sizeof(Tape)));
    w_.add(t, ObjKind::TAPE, kNoDescr);
    t->typeptr = &kFrameVtable;
    t->cells = static_cast<List*>(aList());
    t->pos = v_ < 5 ? kEdges[v_] : smallInt();
    return t;
  }

  /// A list of 0..20 items in an IntArray of that many or a few more.
  void* aList() {
    auto* l = static_cast<List*>(ll_malloc(sizeof(List)));
    w_.add(l, ObjKind::LIST, kNoDescr);
    uint32_t intArray = *optDescrs().find("IntArray");
    l->items = anArray(optDescrs().array(intArray), intArray);
    int64_t room = readInt(static_cast<const char*>(l->items), 8, true);
    l->length = room - static_cast<int64_t>(rng_() % 2) * std::min<int64_t>(room, 2);
    return l;
  }

  void* aString() {
    static constexpr const char* kTexts[] = {"", "a", "hello", "x=1;", "\xff\x01"};
    const char* s = kTexts[(v_ + rng_()) % 5];
    size_t n = std::strlen(s);
    auto* r = static_cast<RStr*>(ll_malloc(sizeof(RStr) + n + 1));
    r->length = static_cast<int64_t>(n);
    std::memcpy(r->chars, s, n + 1);
    w_.add(r, ObjKind::STRING, kNoDescr);
    return r;
  }

  const Trace& t_;
  std::mt19937_64 rng_;
  int v_;
  World w_;
};

// --- outcomes: how a run ended, as comparable text -------------------------------------------

/// A pointer's name: an object of the world, a named constant, or an
/// object the run allocated (the start of a GC block: "freshN", numbered as
/// met, dumped by freshText), else "?".
std::string pointerText(World& w, const void* p) {
  if (!p) return "null";
  for (size_t k = 0; k < w.objs.size(); k++)
    if (w.objs[k].p == p) return "obj" + std::to_string(k);
  if (const std::string* n = optDescrs().pointerName(p)) return *n;
  if (GC_base(const_cast<void*>(p)) != p) return "?";
  size_t k = std::find(w.fresh.begin(), w.fresh.end(), p) - w.fresh.begin();
  if (k == w.fresh.size()) w.fresh.push_back(p);
  return "fresh" + std::to_string(k);
}

/// The objects the run allocated, word by word (pointers named, so objects
/// they reach are dumped too), up to their last non-zero word: the GC
/// block's size is not the size asked for (it rounds up, not always the
/// same way), and what it adds is zeroed.
std::string freshText(World& w) {
  std::ostringstream s;
  for (size_t k = 0; k < w.fresh.size(); k++) {  // (grows as pointers are met)
    const void* p = w.fresh[k];
    s << "fresh" << k << " [";
    size_t words = GC_size(const_cast<void*>(p)) / 8;
    while (words > 0 && static_cast<const uint64_t*>(p)[words - 1] == 0) words--;
    for (size_t j = 0; j < words; j++) {
      uint64_t word;
      std::memcpy(&word, static_cast<const char*>(p) + 8 * j, 8);
      std::string name = word ? pointerText(w, reinterpret_cast<const void*>(word)) : "0";
      s << (j ? " " : "") << (name == "?" ? std::to_string(word) : name);
    }
    s << "]\n";
  }
  return s.str();
}

std::string valueText(World& w, Kind k, Value v) {
  switch (k) {
    case Kind::INT: return std::to_string(v.asInt());
    case Kind::FLOAT: {
      double d = v.asFloat();
      return d != d ? "nan" : std::to_string(d) + "/" + std::to_string(v.bits);
    }
    case Kind::REF: return pointerText(w, v.asRef());
    case Kind::VOID: return "void";
  }
  return "?";
}

std::string valuesText(World& w, const Trace& t, const std::vector<Ref>& refs, const InterpResult& r) {
  std::string s = "[";
  for (size_t k = 0; k < refs.size() && k < r.values.size(); k++)
    s += (k ? ", " : "") + valueText(w, t.kindOf(refs[k]), r.value(k));
  return s + "]";
}

void frameText(std::ostream& s, World& w, const Frame* f) {
  s << '{' << pointerText(w, f->typeptr) << " acc=" << f->acc << " reg=" << f->reg
    << " next=" << pointerText(w, f->next) << " x=" << f->x << " small=" << f->small << " flag=" << int{f->flag} << "}\n";
}

std::string memoryText(World& w) {
  std::ostringstream s;  // (not string +: g++ 12 warns -Wrestrict on "lit" + std::string)
  for (size_t k = 0; k < w.objs.size(); k++) {
    const Obj& o = w.objs[k];
    s << "obj" << k << ' ';
    switch (o.kind) {
      case ObjKind::FRAME: frameText(s, w, static_cast<const Frame*>(o.p)); break;
      case ObjKind::ARRAY: {
        const ArrayDescr& a = optDescrs().array(o.array);
        auto* p = static_cast<const char*>(o.p);
        int64_t n = readInt(p + a.lengthOffset, 8, true);
        s << '[';
        for (int64_t i = 0; i < n; i++) {
          uint64_t bits = loadBits(p + a.baseOffset + i * a.itemSize, a.itemKind, a.itemSize, a.itemSigned);
          s << (i ? " " : "");
          if (a.itemKind == Kind::REF) s << pointerText(w, reinterpret_cast<const void*>(bits));
          else s << bits;
        }
        s << "]\n";
        break;
      }
      case ObjKind::STRING: s << "str\n"; break;
      case ObjKind::TAPE: {
        auto* t = static_cast<const Tape*>(o.p);
        s << "{tape cells=" << pointerText(w, t->cells) << " pos=" << t->pos << "}\n";
        break;
      }
      case ObjKind::LIST: {
        auto* l = static_cast<const List*>(o.p);
        s << "{list length=" << l->length << " items=" << pointerText(w, l->items) << "}\n";
        break;
      }
      case ObjKind::VFRAME: {
        auto* f = static_cast<const VFrame*>(o.p);
        s << "{vframe pc=" << f->pc << " acc=" << f->acc << " locals=" << pointerText(w, f->locals)
          << " box=" << pointerText(w, f->box) << " depth=" << f->depth << "}\n";
        break;
      }
    }
  }
  s << "frameA ";
  frameText(s, w, &kFrameA);
  s << "frameB ";
  frameText(s, w, &kFrameB);
  return s.str();
}

/// Runs t in w; "" when the run is not a comparison point (the input trace
/// itself fails with an error: undefined territory for optimizations).
std::string outcome(const Trace& t, World& w, bool isReference, const std::string& failName = "",
                    uint64_t failNth = 0) {
  ll_exc_clear();
  kFrameA = kFrameAInit;
  kFrameB = kFrameBInit;
  int64_t callsBefore = gCalls;
  InterpOptions io;
  io.maxSteps = 200000;
  io.failName = failName;
  io.failNth = failNth;
  InterpResult r = runTrace(t, optDescrs(), w.inputs, io);
  std::string s;
  switch (r.exit) {
    case InterpResult::Exit::ERROR:
      ll_exc_clear();
      if (isReference) return "";
      return "error: " + r.error + "\n";
    case InterpResult::Exit::FINISH: s = "finish " + valuesText(w, t, t.ops[r.op].args, r); break;
    case InterpResult::Exit::JUMP:
      s = "jump " + optDescrs().name(r.label) + " " + valuesText(w, t, t.ops[r.op].args, r);
      break;
    case InterpResult::Exit::GUARD_FAILED: {
      // As the driver does: virtuals become objects, the frames' values remain.
      const GuardDescr& g = t.guards[r.guard];
      materializeVirtuals(g, optDescrs(), r.values);
      // (unroll's copy NAME.1 of guard NAME is that guard, one iteration on)
      s = "guard " + g.name.substr(0, g.name.find('.')) + " tag=" + std::to_string(g.tag) + " frames=";
      for (const ResumeFrame& f : g.frames)
        s += std::to_string(f.code) + "." + std::to_string(f.point) + "." + std::to_string(f.numValues) + "/";
      s += " " + valuesText(w, t, g.failArgs, r);
      break;
    }
  }
  s += "\nexception: " + (ll_exc_occurred() ? pointerText(w, ll_exc_type) : std::string("none"));
  s += "\ncalls: " + std::to_string(gCalls - callsBefore) + "\n" + memoryText(w);
  s += freshText(w);  // (r still holds the values: what they reach stays alive)
  ll_exc_clear();
  return s;
}

constexpr int kVectors = 40;

/// Guard widening (opt_widen.cpp) lets a guard fail where the input's would
/// have held, a few steps early: the optimized trace then leaves at that
/// guard with the state the input trace had there, and the interpreter
/// redoes the steps. So when `got` is a guard exit, it is also right if the
/// input trace, made to fail the same guard at its n-th check (an
/// InterpOptions::failNth run), ends exactly so.
bool spuriousExit(const Trace& in, const std::string& got, uint64_t seed, int v) {
  if (got.rfind("guard ", 0) != 0) return false;
  std::string name = got.substr(6, got.find(' ', 6) - 6);
  for (uint64_t n = 1; n <= 64; n++) {
    World a = WorldMaker(in, seed, v).make();
    if (outcome(in, a, true, name, n) == got) return true;
  }
  return false;
}

/// Runs `in` and `out` side by side; returns the first difference ("" if
/// none) and counts the vectors that were compared.
std::string behaviourDifference(const Trace& in, const Trace& out, uint64_t seed, int* compared) {
  *compared = 0;
  for (int v = 0; v < kVectors; v++) {
    World a = WorldMaker(in, seed, v).make();
    World b = WorldMaker(in, seed, v).make();
    std::string want = outcome(in, a, true);
    if (want.empty()) continue;
    std::string got = outcome(out, b, false);
    if (got != want && spuriousExit(in, got, seed, v)) got = want;
    if (got != want) {
      std::ostringstream s;
      s << "vector " << v << " (inputs";
      for (size_t k = 0; k < in.inputs.size(); k++) s << ' ' << valueText(a, in.inputs[k], a.inputs[k]);
      s << "):\n--- input trace\n" << want << "--- optimized trace\n" << got;
      return s.str();
    }
    ++*compared;
  }
  return "";
}

// --- golden files ---------------------------------------------------------------------------------

std::string readFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Golden {
  std::string input;     // everything before the === line (comments included)
  std::string passes;    // enable_opts text
  std::string expected;  // everything after it
  bool ok = false;
};

Golden splitGolden(const std::string& text) {
  Golden g;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (text.compare(pos, 4, "=== ") == 0) {
      g.input = text.substr(0, pos);
      g.passes = text.substr(pos + 4, end - pos - 4);
      g.expected = end < text.size() ? text.substr(end + 1) : "";
      g.ok = true;
      return g;
    }
    pos = end + 1;
  }
  return g;
}

std::string goldenDir() { return std::string(LATHE_TESTS_DIR) + "/jit/opt"; }

std::vector<std::string> goldenFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(goldenDir(), ec))
    if (e.is_regular_file() && e.path().extension() == ".trace") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

uint64_t seedOf(const std::string& s) {
  uint64_t h = 1469598103934665603u;  // FNV-1a: stable across runs and platforms
  for (unsigned char c : s) h = (h ^ c) * 1099511628211u;
  return h;
}

class OptGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(OptGolden, Run) {
  const std::string path = GetParam();
  std::string text = readFile(path);
  Golden g = splitGolden(text);
  ASSERT_TRUE(g.ok) << path << ": no '=== passes' line";
  JitParams p;
  std::string err;
  ASSERT_TRUE(parseJitParams(("enable_opts=" + g.passes).c_str(), p, err)) << path << ": " << err;
  ParseResult pr = parseTrace(g.input, optDescrs());
  ASSERT_TRUE(pr.trace) << path << ":\n" << pr.errorText(g.input);
  const Trace& in = *pr.trace;

  OptOptions opts;
  opts.verifyEachPass = true;
  std::string passError;
  opts.error = &passError;
  Trace out = optimize(in, optDescrs(), p.enable_opts, opts);
  ASSERT_EQ(passError, "") << path;
  std::vector<TraceError> errs = verify(out, optDescrs());
  ASSERT_TRUE(errs.empty()) << path << ": " << errs[0].message;
  std::string printed = printTrace(out, optDescrs());

  const char* update = std::getenv("LATHE_UPDATE_GOLDEN");
  if (update && *update) std::ofstream(path) << g.input << "=== " << g.passes << "\n" << printed;
  else EXPECT_EQ(g.expected, printed) << "golden: " << path;

  // The output reads back as itself.
  ParseResult back = parseTrace(printed, optDescrs());
  ASSERT_TRUE(back.trace) << back.errorText(printed);
  EXPECT_EQ(traceDifference(*back.trace, out), "");

  int compared = 0;
  std::string diff = behaviourDifference(in, out, seedOf(fs::path(path).filename().string()), &compared);
  EXPECT_EQ(diff, "") << path;
  if (diff.empty()) {
    EXPECT_GT(compared, 0) << path << ": no input vector ran the input trace without an error";
  }
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  fs::path p(info.param);
  std::string s = p.parent_path().filename().string() + "_" + p.stem().string();
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Opt, OptGolden, ::testing::ValuesIn(goldenFiles()), testName);

// --- the harness and the pipeline themselves --------------------------------------------------------

Trace parseOpt(const std::string& text) {
  ParseResult r = parseTrace(text, optDescrs());
  EXPECT_TRUE(r.trace) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

size_t goldenCount(const std::string& pass) {
  size_t n = 0;
  for (const std::string& f : goldenFiles()) n += fs::path(f).parent_path().filename() == pass;
  return n;
}

TEST(OptPipeline, EnoughGoldenTestsPerPass) {
  EXPECT_GE(goldenCount("rewrite"), 15u);
  EXPECT_GE(goldenCount("intbounds"), 15u);
  EXPECT_GE(goldenCount("pure"), 8u);
  EXPECT_GE(goldenCount("heap"), 18u);
  EXPECT_GE(goldenCount("virtualize"), 16u);
}

const char* kCountdown = R"([i0, i1]
label(i0, i1, descr=loop0)
i2 = int_gt(i0, 0)
guard_true(i2, descr=g0, tag=1) [i0, i1]
i3 = int_add(i1, i0)
i4 = int_sub(i0, 1)
jump(i4, i3, descr=loop0)
)";

TEST(OptPipeline, PassesRunInPipelineOrder) {
  Trace in = parseOpt(kCountdown);
  std::vector<OptPass> seen;
  OptOptions opts;
  opts.afterPass = [&](OptPass p, const Trace&) { seen.push_back(p); };
  optimize(in, optDescrs(), kAllOpts, opts);
  // unroll peels the countdown loop; the peeled loop then meets the other
  // passes once more, in the same order.
  std::vector<OptPass> want = {OptPass::INTBOUNDS, OptPass::REWRITE, OptPass::VIRTUALIZE, OptPass::HEAP,
                               OptPass::PURE,      OptPass::UNROLL,  OptPass::INTBOUNDS,  OptPass::REWRITE,
                               OptPass::VIRTUALIZE, OptPass::HEAP,   OptPass::PURE};
  EXPECT_EQ(seen, want);
  // Without unroll nothing is peeled, and the passes still run twice: a
  // later pass's findings are news to an earlier one (bridge_second_round).
  seen.clear();
  optimize(in, optDescrs(), optBit(OptPass::PURE) | optBit(OptPass::INTBOUNDS), opts);
  EXPECT_EQ(seen, (std::vector<OptPass>{OptPass::INTBOUNDS, OptPass::PURE, OptPass::INTBOUNDS, OptPass::PURE}));
  // One pass alone runs once (the per-pass goldens).
  seen.clear();
  optimize(in, optDescrs(), optBit(OptPass::HEAP), opts);
  EXPECT_EQ(seen, (std::vector<OptPass>{OptPass::HEAP}));
  seen.clear();
  Trace same = optimize(in, optDescrs(), 0, opts);
  EXPECT_TRUE(seen.empty());
  EXPECT_EQ(traceDifference(same, in), "");
}

// A guard's own condition among its fail args becomes the constant it
// fails with (conditionsInFailArgs), unless guards may fail whatever their
// test says (the driver's fail_guards): then a failure can come with the
// condition true, and the fail arg must stay the value.
TEST(OptPipeline, ConditionsInFailArgsOnlyForExactFailures) {
  Trace in = parseOpt(R"([i0, i1]
i2 = int_lt(i0, i1)
guard_true(i2, descr=g0) [i0, i2]
i3 = int_eq(i0, 5)
guard_false(i3, descr=g1) [i1, i3]
finish(i0)
)");
  for (bool exact : {true, false}) {
    OptOptions opts;
    opts.exactGuardFailures = exact;
    Trace out = optimize(in, optDescrs(), optBit(OptPass::INTBOUNDS), opts);
    std::string text = printTrace(out, optDescrs());
    EXPECT_EQ(text.find("[i0, 0]") != std::string::npos, exact) << text;
    EXPECT_EQ(text.find("[i1, 1]") != std::string::npos, exact) << text;
  }
}

/// A broken "pass": drops the label, so the jump has no target.
Trace dropLabel(const Trace& in, const DescrTable& d) {
  TraceRewriter rw(in, d);
  for (uint32_t i = 0; i < in.ops.size(); i++)
    if (in.ops[i].op != Op::LABEL) rw.copy(i);
  return rw.take();
}

TEST(OptPipeline, APassThatBreaksTheTraceIsNamed) {
  Trace in = parseOpt(kCountdown);
  std::string err;
  OptOptions opts;
  opts.verifyEachPass = true;
  opts.error = &err;
  Trace out = runPasses(in, optDescrs(), {{OptPass::REWRITE, passRewrite}, {OptPass::HEAP, dropLabel}}, opts);
  EXPECT_NE(err.find("pass 'heap' broke the trace: op 4: jump to loop0, which has no label"), std::string::npos)
      << err;
  EXPECT_EQ(traceDifference(out, passRewrite(in, optDescrs())), "");  // the last valid trace
}

/// A wrong "optimization": every int_add becomes int_sub.
Trace addToSub(const Trace& in, const DescrTable& d) {
  TraceRewriter rw(in, d);
  for (uint32_t i = 0; i < in.ops.size(); i++) {
    if (in.ops[i].op == Op::LABEL) rw.emitLabel(i);
    else rw.emitAs(i, in.ops[i].op == Op::INT_ADD ? Op::INT_SUB : in.ops[i].op, rw.mapArgs(i));
  }
  return rw.take();
}

/// A wrong "optimization": drops the fail args' remapping (every fail arg
/// becomes the first input).
Trace clobberFailArgs(const Trace& in, const DescrTable& d) {
  Trace t = in;
  for (GuardDescr& g : t.guards)
    for (Ref& r : g.failArgs) r = Ref::input(0);
  return t;
}

TEST(OptPipeline, TheBehaviourCheckCatchesWrongRewrites) {
  Trace in = parseOpt(kCountdown);
  int compared = 0;
  EXPECT_EQ(behaviourDifference(in, in, 1, &compared), "");
  EXPECT_GT(compared, 0);
  EXPECT_NE(behaviourDifference(in, addToSub(in, optDescrs()), 1, &compared), "");
  EXPECT_NE(behaviourDifference(in, clobberFailArgs(in, optDescrs()), 1, &compared), "");
}

TEST(OptPipeline, TheBehaviourCheckComparesMaterialisedVirtuals) {
  Trace in = parseOpt(R"([i0, i1]
p2 = new_with_vtable(descr=FrameSize)
setfield(p2, i0, descr=Frame.acc)
p3 = new(descr=PairSize)
setfield(p3, p2, descr=Pair.head)
i4 = int_lt(i0, i1)
guard_true(i4, descr=g0) [i1, p3]
finish(i0)
)");
  Trace out = passVirtualize(in, optDescrs());
  ASSERT_EQ(out.guards[0].virtuals.size(), 2u);
  int compared = 0;
  EXPECT_EQ(behaviourDifference(in, out, 1, &compared), "");
  EXPECT_GT(compared, 0);
  // A wrong field value in the resume data: the nested box's acc.
  Trace bad = out;
  bad.guards[0].failArgs.back() = bad.constInt(12345);
  EXPECT_NE(behaviourDifference(in, bad, 1, &compared), "");
  // The wrong class for the box.
  bad = out;
  bad.guards[0].virtuals[1].op = Op::NEW;
  EXPECT_NE(behaviourDifference(in, bad, 1, &compared), "");
}

TEST(OptPipeline, LabelArgumentsThatBecomeConstantsGetASameAs) {
  // i1 is 8 before the loop; the label still needs a value of its own.
  Trace in = parseOpt(R"([i0]
i1 = int_add(3, 5)
i2 = int_add(i0, 0)
label(i0, i1, i2, descr=loop0)
i3 = int_add(i1, i2)
guard_true(i3, descr=g0) [i0, i1, i2]
jump(i0, i3, i0, descr=loop0)
)");
  Trace out = passRewrite(in, optDescrs());
  EXPECT_EQ(printTrace(out, optDescrs()), R"([i0]
i1 = same_as_i(8)
i2 = same_as_i(i0)
label(i0, i1, i2, descr=loop0)
i3 = int_add(i1, i2)
guard_true(i3, descr=g0) [i0, i1, i2]
jump(i0, i3, i0, descr=loop0)
)");
  EXPECT_TRUE(verify(out, optDescrs()).empty());
}

}  // namespace
