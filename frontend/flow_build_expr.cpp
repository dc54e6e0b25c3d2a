//===- flow_build_expr.cpp - Flow graphs: expressions ---------------------===//
// Part of the flow-graph builder (flow_build.h).
//
//   literals, globals   Constants (string literals interned per cache)
//   a + b, -a, not a    add / neg / not_ ..., folded on Constants
//   a and b, a or b     short-circuit: a branch per operand and a join block
//                       whose extra inputarg is the result
//   a < b < c           chained: lt(a, b), branch, lt(b, c) (b evaluated once)
//   a is not b          not_(is_(a, b));  a in b: contains(b, a)
//   f(a, b)             simple_call(f, a, b); len(x) with the built-in `len`
//                       becomes the `len` op; o.m(a) is getattr + simple_call
//   f(a, k=v, *s, **d)  call_args(f, shape(1, k=, *, **), a, v, s, d)
//   o.a, o[i], o[i:j]   getattr / getitem / getslice(o, i, j, None); getattr on
//                       a Constant module folds to the global's Constant
//   (a, b) [a] {k: v}   newtuple / newlist / newdict(k, v); a newtuple of
//                       Constants folds to a Constant tuple (as RPython's flow
//                       space does), so `except (A, B)` and
//                       `isinstance(x, (A, B))` see a constant
//   x if c else y       branches and a join carrying the result
//   [e for t in it if c]  desugared: l = newlist(); app = getattr(l,
//                       'append'); a for loop (iter/next) over `it` per
//                       generator, the `if`s as branches back to the header,
//                       simple_call(app, e) in the innermost body; the value
//                       is l. Targets are comprehension-local slots.
// Conditions of if/while/assert/comprehension ifs use jumping code (`cond`):
// `not`, `and`, `or` and chained comparisons branch directly, no bool join.
// Translation-time-only expressions (lambda, generator expressions, set and
// dict comprehensions, set displays) are reported as errors.
//===----------------------------------------------------------------------===//
#include "frontend/flow_build.h"

#include <cassert>

namespace lathe::flow::build {

using namespace lathe::ast;

Hlvalue Builder::eval(const Expr *e) {
  switch (e->kind) {
  case ExprKind::Name: return loadName(cast<Name>(e)->id, e->loc);
  case ExprKind::IntLit: return cst(eval::Value::integer(cast<IntLit>(e)->value), e->loc);
  case ExprKind::FloatLit: return cst(eval::Value::number(cast<FloatLit>(e)->value), e->loc);
  case ExprKind::StrLit: return str(cast<StrLit>(e)->value, e->loc);
  case ExprKind::BoolLit: return cst(eval::Value::boolean(cast<BoolLit>(e)->value), e->loc);
  case ExprKind::NoneLit: return none(e->loc);
  case ExprKind::BinOp: return evalBinOp(cast<BinOp>(e));
  case ExprKind::UnaryOp: return evalUnaryOp(cast<UnaryOp>(e));
  case ExprKind::BoolOp: return evalBoolOp(cast<BoolOp>(e));
  case ExprKind::Compare: return evalCompare(cast<Compare>(e));
  case ExprKind::Call: return evalCall(cast<Call>(e));
  case ExprKind::Attribute: {
    const Attribute *a = cast<Attribute>(e);
    Hlvalue obj = eval(a->value);
    return emit(FlowOp::GETATTR, {obj, str(a->attr)}, e->loc);
  }
  case ExprKind::Subscript: return evalSubscript(cast<Subscript>(e));
  case ExprKind::Slice: error(e->loc, "a slice is only allowed as a subscript"); return none();
  case ExprKind::Starred:
    error(e->loc, "starred expressions are only allowed in calls at run time");
    return none();
  case ExprKind::Tuple: return evalDisplay(FlowOp::NEWTUPLE, cast<Tuple>(e)->elts, e->loc);
  case ExprKind::List: return evalDisplay(FlowOp::NEWLIST, cast<List>(e)->elts, e->loc);
  case ExprKind::Dict: return evalDict(cast<Dict>(e));
  case ExprKind::Set: return translationTimeOnly(e, "set displays are");
  case ExprKind::IfExp: return evalIfExp(cast<IfExp>(e));
  case ExprKind::Lambda: return translationTimeOnly(e, "lambda expressions are");
  case ExprKind::ListComp: return evalListComp(cast<ListComp>(e));
  case ExprKind::SetComp: return translationTimeOnly(e, "set comprehensions are");
  case ExprKind::DictComp: return translationTimeOnly(e, "dict comprehensions are");
  case ExprKind::GeneratorExp: return translationTimeOnly(e, "generator expressions are");
  }
  assert(false && "unknown expression kind");
  return none();
}

Hlvalue Builder::translationTimeOnly(const Expr *e, const std::string &what) {
  error(e->loc, what + " only allowed at translation time (module level)");
  return none();
}

static FlowOp binaryOp(BinOpKind k) {
  static_assert(int(FlowOp::AND) - int(FlowOp::ADD) == int(BinOpKind::BITAND),
                "ORDER BINOP: flowops.def binary rows follow ast.def's BINOP rows");
  return FlowOp(int(FlowOp::ADD) + int(k));
}

Hlvalue Builder::evalBinOp(const BinOp *e) {
  std::vector<Hlvalue> ab = evalAll({e->left, e->right});
  return emit(binaryOp(e->op), ab, e->loc);
}

Hlvalue Builder::evalUnaryOp(const UnaryOp *e) {
  Hlvalue v = eval(e->operand);
  switch (e->op) {
  case UnaryOpKind::NOT: return emit(FlowOp::NOT, {v}, e->loc);
  case UnaryOpKind::NEG: return emit(FlowOp::NEG, {v}, e->loc);
  case UnaryOpKind::POS: return emit(FlowOp::POS, {v}, e->loc);
  case UnaryOpKind::INVERT: return emit(FlowOp::INVERT, {v}, e->loc);
  }
  return v;
}

// Value of `a and b and c` / `a or b or c`: each operand but the last
// branches; the exits carrying the result meet in one join block.
Hlvalue Builder::evalBoolOp(const BoolOp *e) {
  Edges done;
  for (size_t i = 0; i < e->values.size(); ++i) {
    push(eval(e->values[i]));
    if (i + 1 == e->values.size()) {
      done.push_back(jump());
      break;
    }
    Edges onTrue, onFalse;
    branch(state_.stack.back(), e->values[i]->loc, onTrue, onFalse);
    Edges &leave = e->isAnd ? onFalse : onTrue;
    done.insert(done.end(), leave.begin(), leave.end());
    if (!resolve(e->isAnd ? onTrue : onFalse)) break;
    pop();
  }
  resolve(done);
  return pop();
}

Hlvalue Builder::compareOp(CmpOpKind op, Hlvalue a, Hlvalue b, SrcLoc loc) {
  switch (op) {
  case CmpOpKind::EQ: return emit(FlowOp::EQ, {a, b}, loc);
  case CmpOpKind::NE: return emit(FlowOp::NE, {a, b}, loc);
  case CmpOpKind::LT: return emit(FlowOp::LT, {a, b}, loc);
  case CmpOpKind::LE: return emit(FlowOp::LE, {a, b}, loc);
  case CmpOpKind::GT: return emit(FlowOp::GT, {a, b}, loc);
  case CmpOpKind::GE: return emit(FlowOp::GE, {a, b}, loc);
  case CmpOpKind::IS: return emit(FlowOp::IS, {a, b}, loc);
  case CmpOpKind::IS_NOT: return emit(FlowOp::NOT, {emit(FlowOp::IS, {a, b}, loc)}, loc);
  case CmpOpKind::IN: return emit(FlowOp::CONTAINS, {b, a}, loc);
  case CmpOpKind::NOT_IN: {
    Hlvalue c = emit(FlowOp::CONTAINS, {b, a}, loc);
    return emit(FlowOp::NOT, {c}, loc);
  }
  }
  return none();
}

// `a < b < c` as a value: the first false comparison, or the last one.
// While a comparison branches the stack holds [.., b, r]; the exits that
// leave drop b so every incoming state of the join is [.., result].
Hlvalue Builder::evalCompare(const Compare *e) {
  Edges done;
  push(eval(e->left));
  for (size_t i = 0; i < e->ops.size(); ++i) {
    Hlvalue b = eval(e->comparators[i]);
    Hlvalue a = pop();
    bool last = i + 1 == e->ops.size();
    if (!last) push(b);
    push(compareOp(e->ops[i], a, b, e->comparators[i]->loc));
    if (last) {
      if (done.empty()) return pop(); // a plain comparison: no join
      done.push_back(jump());
      break;
    }
    Edges onTrue, onFalse;
    branch(state_.stack.back(), e->loc, onTrue, onFalse);
    for (Edge &f : onFalse) {
      f.state.stack.erase(f.state.stack.end() - 2);
      done.push_back(std::move(f));
    }
    if (!resolve(onTrue)) break;
    pop();
  }
  resolve(done);
  return pop();
}

void Builder::cond(const Expr *e, Edges &onTrue, Edges &onFalse) {
  if (const UnaryOp *u = dynAs<UnaryOp>(e); u && u->op == UnaryOpKind::NOT)
    return cond(u->operand, onFalse, onTrue);
  if (const BoolOp *b = dynAs<BoolOp>(e)) {
    for (size_t i = 0; i + 1 < b->values.size(); ++i) {
      Edges next;
      if (b->isAnd) cond(b->values[i], next, onFalse);
      else cond(b->values[i], onTrue, next);
      if (!resolve(next)) return;
    }
    return cond(b->values.back(), onTrue, onFalse);
  }
  const Compare *c = dynAs<Compare>(e);
  if (!c || c->ops.size() < 2) {
    Hlvalue v = eval(e);
    return branch(v, e->loc, onTrue, onFalse);
  }
  push(eval(c->left));
  for (size_t i = 0; i < c->ops.size(); ++i) {
    Hlvalue b = eval(c->comparators[i]);
    Hlvalue a = pop();
    bool last = i + 1 == c->ops.size();
    if (!last) push(b);
    Hlvalue r = compareOp(c->ops[i], a, b, c->comparators[i]->loc);
    if (last) return branch(r, e->loc, onTrue, onFalse);
    Edges next;
    size_t before = onFalse.size();
    branch(r, e->loc, next, onFalse);
    for (size_t k = before; k < onFalse.size(); ++k) onFalse[k].state.stack.pop_back(); // b
    if (!resolve(next)) return;
  }
}

Hlvalue Builder::evalCall(const Call *e) {
  push(eval(e->func));
  size_t base = state_.stack.size() - 1;
  CallShape shape;
  const Expr *star = nullptr, *starstar = nullptr;
  for (const Expr *a : e->args) {
    if (const Starred *s = dynAs<Starred>(a)) {
      if (star) error(a->loc, "only one *args is supported in a call");
      star = s->value;
    } else if (star) {
      error(a->loc, "positional arguments after *args are not supported");
    } else {
      push(eval(a));
      ++shape.positional;
    }
  }
  if (star) push(eval(star));
  size_t starAt = state_.stack.size() - 1;
  for (const Keyword &k : e->keywords) {
    if (k.name.empty()) {
      if (starstar) error(k.loc, "only one **kwargs is supported in a call");
      starstar = k.value;
    } else if (starstar) {
      error(k.loc, "keyword arguments after **kwargs are not supported");
    } else {
      push(eval(k.value));
      shape.keywords.push_back(k.name);
    }
  }
  if (starstar) push(eval(starstar));
  std::vector<Hlvalue> args(state_.stack.begin() + long(base), state_.stack.end());
  state_.stack.resize(base);
  if (star || starstar || !shape.keywords.empty()) {
    if (star) { // evaluated before the keywords, passed after them
      Hlvalue s = args[starAt - base];
      args.erase(args.begin() + long(starAt - base));
      args.insert(args.begin() + long(1 + shape.positional + shape.keywords.size()), s);
    }
    shape.hasStar = star != nullptr;
    shape.hasStarStar = starstar != nullptr;
    args.insert(args.begin() + 1, g_->callShape(std::move(shape)));
    return emit(FlowOp::CALL_ARGS, args, e->loc);
  }
  if (args.size() == 2 && args[0].isConst())
    if (const eval::BuiltinObj *b = eval::asBuiltin(args[0].cst()->value); b && b->name == "len")
      return emit(FlowOp::LEN, {args[1]}, e->loc);
  return emit(FlowOp::SIMPLE_CALL, args, e->loc);
}

std::vector<Hlvalue> Builder::evalSliceParts(const Subscript *sub) {
  const Slice *sl = cast<Slice>(sub->index);
  push(eval(sub->value));
  for (const Expr *part : {sl->lower, sl->upper, sl->step}) push(part ? eval(part) : Hlvalue(none()));
  std::vector<Hlvalue> out(state_.stack.end() - 4, state_.stack.end());
  state_.stack.resize(state_.stack.size() - 4);
  return out;
}

Hlvalue Builder::evalSubscript(const Subscript *e) {
  if (dynAs<Slice>(e->index)) return emit(FlowOp::GETSLICE, evalSliceParts(e), e->loc);
  return emit(FlowOp::GETITEM, evalAll({e->value, e->index}), e->loc);
}

Hlvalue Builder::evalDisplay(FlowOp op, const ExprList &elts, SrcLoc loc) {
  for (const Expr *x : elts)
    if (x->kind == ExprKind::Starred) {
      error(x->loc, "starred items in displays are not supported at run time");
      return none();
    }
  std::vector<Hlvalue> items = evalAll(elts);
  return emit(op, items, loc);
}

Hlvalue Builder::evalDict(const Dict *e) {
  ExprList kv;
  for (size_t i = 0; i < e->keys.size(); ++i) {
    if (!e->keys[i]) {
      error(e->values[i]->loc, "'**' in dict displays is not supported at run time");
      return none();
    }
    kv.push_back(e->keys[i]);
    kv.push_back(e->values[i]);
  }
  std::vector<Hlvalue> items = evalAll(kv);
  return emit(FlowOp::NEWDICT, items, e->loc);
}

Hlvalue Builder::evalIfExp(const IfExp *e) {
  Edges onTrue, onFalse, done;
  cond(e->test, onTrue, onFalse);
  if (resolve(onTrue)) {
    push(eval(e->body));
    done.push_back(jump());
  }
  if (resolve(onFalse)) {
    push(eval(e->orelse));
    done.push_back(jump());
  }
  resolve(done);
  return pop();
}

// The comprehension's own locals (its targets), from the scope analysis.
std::vector<std::string> Builder::compLocals(const ListComp *e) {
  const ScopeTable *table = func_->module ? ev_.scopes(func_->module->ast) : nullptr;
  if (const Scope *cs = table ? table->find(e) : nullptr) return cs->locals;
  std::set<std::string> names;
  for (const Comprehension &g : e->generators) targetNames(g.target, names);
  return {names.begin(), names.end()};
}

Hlvalue Builder::evalListComp(const ListComp *e) {
  push(emit(FlowOp::NEWLIST, {}, e->loc));
  push(emit(FlowOp::GETATTR, {state_.stack.back(), str("append")}, e->loc));
  size_t appendIndex = state_.stack.size() - 1;
  push(eval(e->generators[0].iter)); // in the enclosing scope, as in Python 3
  size_t numLocals = state_.locals.size(), numSlots = slots_.size();
  for (const std::string &n : compLocals(e)) {
    slots_.push_back({n, state_.locals.size()});
    state_.locals.push_back(Hlvalue());
  }
  buildCompLoop(e, 0, appendIndex, numLocals);
  slots_.resize(numSlots);
  state_.locals.resize(numLocals);
  pop(); // append
  return pop();
}

void Builder::buildCompLoop(const ListComp *e, size_t gen, size_t appendIndex, size_t compBase) {
  const Comprehension &g = e->generators[gen];
  Hlvalue iterable = gen == 0 ? pop() : eval(g.iter);
  push(emit(FlowOp::ITER, {iterable}, g.iter->loc));
  // Only the comprehension's own slots change inside it.
  Frame loop = makeLoop([&](size_t i) { return i >= compBase; });
  Edges stop;
  Hlvalue item = emitNext(state_.stack.back(), g.iter->loc, stop);
  assign(g.target, item, g.target->loc);
  for (const Expr *test : g.ifs) {
    Edges onTrue, onFalse;
    cond(test, onTrue, onFalse);
    if (resolve(onFalse)) backEdge(loop);
    if (!resolve(onTrue)) break;
  }
  if (cur_ && gen + 1 < e->generators.size()) {
    buildCompLoop(e, gen + 1, appendIndex, compBase);
  } else if (cur_) {
    Hlvalue v = eval(e->elt);
    emit(FlowOp::SIMPLE_CALL, {state_.stack[appendIndex], v}, e->elt->loc);
  }
  if (cur_) backEdge(loop);
  resolve(stop);
  pop(); // the iterator
}

} // namespace lathe::flow::build
