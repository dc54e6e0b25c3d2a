"""pyopcodes: the Python VM's bytecode, defined once.

Where this sits: pycompiler.py emits it, pycode.py stores and disassembles
it, pyinterp.py executes it.  This file is the reference for all three.

Word code
---------
`PyCode.co_code` is a list of ints, two per instruction: `co_code[2*i]` is
the opcode, `co_code[2*i+1]` its argument (0 when the opcode takes none).
Instructions are numbered by their index `i` ("instruction index"), not by
their offset in the list; every jump target is an absolute instruction
index.  `co_lines[i]` is the source line of instruction `i`.  Arguments are
full ints: there is no EXTENDED_ARG.

Stack pictures
--------------
Each row of OPCODE_TABLE below gives `[before] -> [after]`, top of stack
on the right; `...` is the part of the stack the instruction leaves alone.
`NULL` is the interpreter's "no object" marker (None in RPy), never a
Python object.  The `pops`/`pushes` columns are the fixed counts; VAR means
"depends on the argument", computed by `stack_effect()`.

Exception handling: the exception table
----------------------------------------
There are no block-stack opcodes.  `co_exctable` is a flat list of ints,
EXC_ENTRY_SIZE (5) per entry:

    start, end, target, depth, lasti

meaning: an exception raised by any instruction with index in
[start, end) is handled at instruction `target`.  Entries are sorted by
`start` and never overlap (the compiler assigns every instruction its
innermost handler and merges runs), so `find_handler()` below finds the
one entry, if any.  To handle an exception raised by instruction i (for
RERAISE: the RERAISE itself) the interpreter looks up i and:

    1. pops the value stack down to `depth` items;
    2. if `lasti` is 1, pushes, as an int object, the index of the
       instruction to report for this frame: i, or the index RERAISE n
       restored (so a re-raised exception keeps its original line);
    3. pushes the exception object;
    4. jumps to `target`.

No entry: the exception leaves the frame (the interpreter adds the
frame's traceback entry at the current instruction's line).

The interpreter also keeps the "exception being handled" (what a bare
`raise` re-raises and what becomes `__context__`; `sys.exc_info()`):
PUSH_EXC_INFO saves the old one on the stack and sets the new one,
POP_EXCEPT restores the saved one.

How the compiler uses it (CPython 3.11's scheme):

    try:                         # handler H (lasti=0) covers the body
        BODY
    except E as e:               # H: [... exc]
        HANDLER                  #   PUSH_EXC_INFO        [... prev, exc]
                                 #   (cleanup C, lasti=1, depth ...prev)
                                 #   <E>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
                                 #   STORE e; HANDLER; POP_EXCEPT; e = None; del e
                                 #   JUMP end
                                 # next: RERAISE 0        (to C)
                                 # C: [... prev, lasti, exc2]
                                 #   COPY 3; POP_EXCEPT; RERAISE 1

`finally` bodies are duplicated on every exit path: after the normal end
of the try body, before every `return`, `break` or `continue` that leaves
it, and on the exceptional path (PUSH_EXC_INFO; body; RERAISE 0, with a
cleanup handler doing COPY 3; POP_EXCEPT; RERAISE 1).

`with` uses the same machinery:

    <ctx>; BEFORE_WITH            [... exit, enter_result]
    (handler W, lasti=1, depth ...exit)
    STORE target (or POP_TOP); BODY
    LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 3; POP_TOP
    JUMP end                      (normal exit: exit(None, None, None))
    W: [... exit, lasti, exc]     (cleanup C, lasti=1, depth ...exit, lasti)
       PUSH_EXC_INFO              [... exit, lasti, prev, exc]
       WITH_EXCEPT_START          [... exit, lasti, prev, exc, res]
       POP_JUMP_IF_TRUE suppress
       RERAISE 2                  (reports the instruction saved in lasti)
    C: COPY 3; POP_EXCEPT; RERAISE 1
    suppress: POP_TOP; POP_EXCEPT; POP_TOP; POP_TOP    [...]

Calls
-----
* CALL n: positional only.  CALL_KW n: the last len(names) of the n
  arguments are keywords, named by a tuple of str pushed last.
* CALL_EX flags: `f(*args, **kw)` with args already a tuple and (flag 1)
  kw a dict; the compiler builds them with BUILD_LIST/LIST_EXTEND/
  LIST_APPEND/LIST_TO_TUPLE and BUILD_MAP/DICT_MERGE.
* LOAD_METHOD name / CALL_METHOD n: `obj.name(args)` without keywords or
  stars.  LOAD_METHOD pushes [meth, obj] when `name` is found as a plain
  function on the type (an unbound method: call it with obj first), or
  [NULL, attr] otherwise; CALL_METHOD calls accordingly.

Functions, closures, classes
----------------------------
* MAKE_FUNCTION flags pops, bottom to top: defaults tuple (flag 1),
  keyword-only defaults dict (flag 2), closure tuple of cells (flag 8),
  the code object; pushes the function.  Name, qualname and docstring come
  from the code object; globals are the current frame's.  Annotations are
  never compiled (there is no flag 4).
* Cells: LOAD_DEREF/STORE_DEREF/DELETE_DEREF/LOAD_CLOSURE index the
  frame's cells: first one per `co_cellvars` name (created empty when the
  frame starts), then one per `co_freevars` name (taken from the
  function's closure, in order).  An argument that is also a cell variable
  is copied into its cell by the compiler: the code starts with
  `LOAD_FAST i; STORE_DEREF j`.
* Classes: `class C(B, metaclass=M): body` compiles to
  `LOAD_BUILD_CLASS; MAKE_FUNCTION <body code>; LOAD_CONST 'C'; <B>; <M>;
  LOAD_CONST ('metaclass',); CALL_KW 4` (or CALL n, or CALL_EX for stars).
  `__build_class__(func, name, *bases, **kw)` runs the body code with a
  fresh dict as its locals (LOAD_NAME/STORE_NAME), then creates the class.
  The body starts `__module__ = __name__; __qualname__ = '<qualname>'`;
  when a method uses `super` or `__class__`, the body owns a `__class__`
  cell and ends `LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__;
  RETURN_VALUE` (else it returns None): __build_class__ stores the new
  class in that cell.  The methods get `__class__` as a free variable, so
  zero-argument `super()` reads that cell and the frame's fast local 0.
* Comprehensions are nested functions, as in CPython 3.11: `[x for x in
  it]` compiles to MAKE_FUNCTION of a `<listcomp>` code taking one
  argument `.0` (an iterator), `<it>; GET_ITER; CALL 1`.  The code builds
  the list with BUILD_LIST 0 ... LIST_APPEND n, and returns it.  `<setcomp>`,
  `<dictcomp>` likewise; `<genexpr>` is a generator function (flag
  CO_GENERATOR) that yields each element.

Generators
----------
A code with CO_GENERATOR makes a generator when called; RETURN_VALUE in it
ends the generator (StopIteration(value)).  YIELD_VALUE suspends the frame
with the value; resuming pushes the value sent (None for next()).
`yield from x` is `<x>; GET_YIELD_FROM_ITER; LOAD_CONST None; YIELD_FROM`.
YIELD_FROM sends TOS to the iterator below it (next() when TOS is None and
the iterator is not a generator); if the iterator yields v, the frame
suspends yielding v with the program counter still on YIELD_FROM and the
iterator on the stack, and resuming pushes the sent value and runs
YIELD_FROM again; when the iterator stops with value r it pops both and
pushes r.  gen.throw()/close() while suspended at a YIELD_FROM are
delegated to the iterator first (as CPython does).

Imports
-------
`import a.b` is `LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME 'a.b'; STORE a`
(IMPORT_NAME returns the top package when the fromlist is None);
`import a.b.c as d` walks down: `IMPORT_NAME 'a.b.c'; IMPORT_FROM 'b';
SWAP 2; POP_TOP; IMPORT_FROM 'c'; STORE d; POP_TOP`; `from .m import x, y`
is `LOAD_CONST 1; LOAD_CONST ('x', 'y'); IMPORT_NAME 'm'; IMPORT_FROM 'x';
STORE x; IMPORT_FROM 'y'; STORE y; POP_TOP` (`from . import x`: the name
is ''); `from m import *` ends with IMPORT_STAR instead (module level
only).

The constants
-------------
Opcode numbers are row indexes of OPCODE_TABLE, bound as module globals
(LOAD_FAST, ...) by the loop after the table, at import time (translation
time when translated): the interpreter dispatches on them.  Do not rely
on particular numbers.  OPNAMES, OPARGKINDS, OPPOPS and OPPUSHES are the
derived lists.  Operator tables (BINOP_TABLE, UNARYOP_TABLE, CMPOP_TABLE)
work the same way for the arguments of BINARY_OP/INPLACE_OP, UNARY_OP and
COMPARE_OP.
"""

import pyopcodes as _self

# Argument kinds: how the disassembler explains an argument, and what the
# interpreter may assume about it.
ARG_NONE = 0      # no argument (always 0)
ARG_INT = 1       # a count, a stack position or flags
ARG_CONST = 2     # index into co_consts
ARG_LOCAL = 3     # index into co_varnames (a fast local)
ARG_NAME = 4      # index into co_names
ARG_CELL = 5      # index into cells: co_cellvars then co_freevars
ARG_JUMP = 6      # absolute instruction index
ARG_BINOP = 7     # row of BINOP_TABLE
ARG_UNARYOP = 8   # row of UNARYOP_TABLE
ARG_CMPOP = 9     # row of CMPOP_TABLE
ARG_NAMES = ['-', 'int', 'const', 'local', 'name', 'cell', 'jump', 'binop',
             'unaryop', 'cmpop']

VAR = -1          # pops/pushes depend on the argument: see stack_effect()

# ---------------------------------------------------------------------------
# The opcode table.  ORDER OP: the opcode numbers are the row indexes.
# Rows: (name, argument kind, pops, pushes, stack picture and meaning).

OPCODE_TABLE = [
    # --- stack ------------------------------------------------------------
    ('NOP', ARG_NONE, 0, 0, "[...] -> [...]; does nothing"),
    ('POP_TOP', ARG_NONE, 1, 0, "[... x] -> [...]"),
    ('COPY', ARG_INT, 0, 1,
     "[... x, (n-1 items)] -> [... x, (n-1 items), x]; n >= 1"),
    ('SWAP', ARG_INT, 0, 0,
     "[... x, (n-2 items), y] -> [... y, (n-2 items), x]; n >= 2"),
    # --- constants and variables -----------------------------------------
    ('LOAD_CONST', ARG_CONST, 0, 1, "[...] -> [... co_consts[arg]]"),
    ('LOAD_FAST', ARG_LOCAL, 0, 1,
     "[...] -> [... local]; UnboundLocalError if unset"),
    ('STORE_FAST', ARG_LOCAL, 1, 0, "[... v] -> [...]; local = v"),
    ('DELETE_FAST', ARG_LOCAL, 0, 0,
     "[...] -> [...]; unset local (UnboundLocalError if unset)"),
    ('LOAD_DEREF', ARG_CELL, 0, 1,
     "[...] -> [... cell contents]; NameError (free var) or "
     "UnboundLocalError (cell var) if empty"),
    ('STORE_DEREF', ARG_CELL, 1, 0, "[... v] -> [...]; cell contents = v"),
    ('DELETE_DEREF', ARG_CELL, 0, 0, "[...] -> [...]; empty the cell"),
    ('LOAD_CLOSURE', ARG_CELL, 0, 1,
     "[...] -> [... cell]; the cell object itself (to build a closure)"),
    ('LOAD_CLASSDEREF', ARG_CELL, 0, 1,
     "[...] -> [... v]; class body: the name of cell `arg` from the "
     "locals dict if there, else the cell's contents"),
    ('LOAD_GLOBAL', ARG_NAME, 0, 1,
     "[...] -> [... v]; globals, then builtins; NameError"),
    ('STORE_GLOBAL', ARG_NAME, 1, 0, "[... v] -> [...]; globals[name] = v"),
    ('DELETE_GLOBAL', ARG_NAME, 0, 0, "[...] -> [...]; del globals[name]"),
    ('LOAD_NAME', ARG_NAME, 0, 1,
     "[...] -> [... v]; locals dict, globals, builtins; NameError"),
    ('STORE_NAME', ARG_NAME, 1, 0, "[... v] -> [...]; locals[name] = v"),
    ('DELETE_NAME', ARG_NAME, 0, 0,
     "[...] -> [...]; del locals[name]; NameError"),
    # --- attributes and items --------------------------------------------
    ('LOAD_ATTR', ARG_NAME, 1, 1, "[... obj] -> [... obj.name]"),
    ('STORE_ATTR', ARG_NAME, 2, 0, "[... v, obj] -> [...]; obj.name = v"),
    ('DELETE_ATTR', ARG_NAME, 1, 0, "[... obj] -> [...]; del obj.name"),
    ('LOAD_METHOD', ARG_NAME, 1, 2,
     "[... obj] -> [... meth, obj] or [... NULL, obj.name]; see Calls"),
    ('BINARY_SUBSCR', ARG_NONE, 2, 1, "[... obj, key] -> [... obj[key]]"),
    ('STORE_SUBSCR', ARG_NONE, 3, 0,
     "[... v, obj, key] -> [...]; obj[key] = v"),
    ('DELETE_SUBSCR', ARG_NONE, 2, 0, "[... obj, key] -> [...]; del obj[key]"),
    ('BUILD_SLICE', ARG_INT, VAR, 1,
     "[... start, stop] or [... start, stop, step] -> [... slice]; "
     "arg 2 or 3; absent parts are None"),
    # --- operators -------------------------------------------------------
    ('UNARY_OP', ARG_UNARYOP, 1, 1, "[... x] -> [... op x]"),
    ('BINARY_OP', ARG_BINOP, 2, 1, "[... a, b] -> [... a op b]"),
    ('INPLACE_OP', ARG_BINOP, 2, 1,
     "[... a, b] -> [... a op= b]; __iop__ first, then as BINARY_OP"),
    ('COMPARE_OP', ARG_CMPOP, 2, 1, "[... a, b] -> [... a cmp b]"),
    ('IS_OP', ARG_INT, 2, 1,
     "[... a, b] -> [... bool]; a is b, negated when arg is 1"),
    ('CONTAINS_OP', ARG_INT, 2, 1,
     "[... a, b] -> [... bool]; a in b, negated when arg is 1"),
    # --- building --------------------------------------------------------
    ('BUILD_TUPLE', ARG_INT, VAR, 1, "[... x1..xn] -> [... (x1, ..., xn)]"),
    ('BUILD_LIST', ARG_INT, VAR, 1, "[... x1..xn] -> [... [x1, ..., xn]]"),
    ('BUILD_SET', ARG_INT, VAR, 1, "[... x1..xn] -> [... {x1, ..., xn}]"),
    ('BUILD_MAP', ARG_INT, VAR, 1,
     "[... k1, v1, ..., kn, vn] -> [... {k1: v1, ...}]"),
    ('BUILD_CONST_KEY_MAP', ARG_INT, VAR, 1,
     "[... v1..vn, keys] -> [... dict]; keys is a tuple of n keys"),
    ('BUILD_STRING', ARG_INT, VAR, 1,
     "[... s1..sn] -> [... s1+...+sn]; n str objects"),
    ('FORMAT_VALUE', ARG_INT, VAR, 1,
     "[... v] or [... v, spec] (flag 4) -> [... str]; f-string field; "
     "arg & 3: 0 none, 1 str(), 2 repr(), 3 ascii() first; then "
     "format(v, spec or '')"),
    ('LIST_APPEND', ARG_INT, 1, 0,
     "[... lst, (n-1 items), v] -> [... lst, (n-1 items)]; lst.append(v)"),
    ('SET_ADD', ARG_INT, 1, 0,
     "[... set, (n-1 items), v] -> [... set, (n-1 items)]; set.add(v)"),
    ('MAP_ADD', ARG_INT, 2, 0,
     "[... d, (n-1 items), k, v] -> [... d, (n-1 items)]; d[k] = v"),
    ('LIST_EXTEND', ARG_INT, 1, 0,
     "[... lst, (n-1 items), it] -> [... lst, (n-1 items)]; "
     "lst.extend(it)"),
    ('SET_UPDATE', ARG_INT, 1, 0,
     "[... set, (n-1 items), it] -> [... set, (n-1 items)]; "
     "set.update(it)"),
    ('DICT_UPDATE', ARG_INT, 1, 0,
     "[... d, (n-1 items), m] -> [... d, (n-1 items)]; d.update(m); "
     "TypeError if m is not a mapping"),
    ('DICT_MERGE', ARG_INT, 1, 0,
     "as DICT_UPDATE, for **kwargs: TypeError on a repeated key, naming "
     "the callable, found at stack[-(n+2)] after the pop (CPython's "
     "\"f() got multiple values for keyword argument 'k'\")"),
    ('LIST_TO_TUPLE', ARG_NONE, 1, 1, "[... lst] -> [... tuple(lst)]"),
    ('UNPACK_SEQUENCE', ARG_INT, 1, VAR,
     "[... seq] -> [... xn, ..., x1]; exactly n items, the first on top; "
     "ValueError otherwise"),
    ('UNPACK_EX', ARG_INT, 1, VAR,
     "[... seq] -> [... a_m..a_1, list, b_k..b_1] with k = arg & 0xff "
     "items before the starred target and m = arg >> 8 after; first on top"),
    # --- iteration and jumps ---------------------------------------------
    ('GET_ITER', ARG_NONE, 1, 1, "[... x] -> [... iter(x)]"),
    ('FOR_ITER', ARG_JUMP, VAR, VAR,
     "[... it] -> [... it, next(it)]; exhausted: [... it] -> [...] and "
     "jump to arg"),
    ('JUMP', ARG_JUMP, 0, 0, "[...] -> [...]; jump to arg"),
    ('POP_JUMP_IF_FALSE', ARG_JUMP, 1, 0,
     "[... x] -> [...]; jump to arg if not x"),
    ('POP_JUMP_IF_TRUE', ARG_JUMP, 1, 0, "[... x] -> [...]; jump to arg if x"),
    ('JUMP_IF_FALSE_OR_POP', ARG_JUMP, VAR, 0,
     "[... x] -> [... x] and jump to arg if not x; else [...]"),
    ('JUMP_IF_TRUE_OR_POP', ARG_JUMP, VAR, 0,
     "[... x] -> [... x] and jump to arg if x; else [...]"),
    # --- calls and functions ---------------------------------------------
    ('CALL', ARG_INT, VAR, 1, "[... f, a1..an] -> [... f(a1, ..., an)]"),
    ('CALL_KW', ARG_INT, VAR, 1,
     "[... f, a1..an, names] -> [... result]; the last len(names) of the "
     "n arguments are passed as keywords names[0], names[1], ..."),
    ('CALL_EX', ARG_INT, VAR, 1,
     "[... f, args] or [... f, args, kwargs] (arg & 1) -> "
     "[... f(*args, **kwargs)]; args a tuple, kwargs a dict"),
    ('CALL_METHOD', ARG_INT, VAR, 1,
     "[... meth, obj, a1..an] -> [... meth(obj, a1..an)]; "
     "[... NULL, f, a1..an] -> [... f(a1..an)]"),
    ('MAKE_FUNCTION', ARG_INT, VAR, 1,
     "[... (defaults), (kwdefaults), (closure), code] -> [... function]; "
     "flags 1, 2, 8 say which are present"),
    ('RETURN_VALUE', ARG_NONE, 1, 0, "[... v] -> return v from the frame"),
    ('LOAD_BUILD_CLASS', ARG_NONE, 0, 1, "[...] -> [... __build_class__]"),
    # --- generators ------------------------------------------------------
    ('YIELD_VALUE', ARG_NONE, 1, 1,
     "[... v] -> suspend yielding v; resumed: [... sent]"),
    ('GET_YIELD_FROM_ITER', ARG_NONE, 1, 1,
     "[... x] -> [... iter(x)] (a generator stays itself)"),
    ('YIELD_FROM', ARG_NONE, 2, 1,
     "[... it, v] -> [... result]; see Generators"),
    # --- exceptions ------------------------------------------------------
    ('RAISE_VARARGS', ARG_INT, VAR, 0,
     "0: re-raise the exception being handled (RuntimeError if none); "
     "1: [... exc] raise exc (a class is instantiated); "
     "2: [... exc, cause] raise exc from cause"),
    ('PUSH_EXC_INFO', ARG_NONE, 1, 2,
     "[... exc] -> [... prev, exc]; exc becomes the exception being "
     "handled, prev (or None) was"),
    ('POP_EXCEPT', ARG_NONE, 1, 0,
     "[... prev] -> [...]; prev becomes the exception being handled again"),
    ('CHECK_EXC_MATCH', ARG_NONE, 2, 2,
     "[... exc, type] -> [... exc, bool]; isinstance(exc, type), type a "
     "class or tuple of classes (TypeError otherwise)"),
    ('RERAISE', ARG_INT, 1, 0,
     "[... exc] -> raise exc again, traceback unchanged; if arg > 0 the "
     "int at stack[-arg] (after the pop) is the instruction index to "
     "report for this frame"),
    ('LOAD_ASSERTION_ERROR', ARG_NONE, 0, 1, "[...] -> [... AssertionError]"),
    ('BEFORE_WITH', ARG_NONE, 1, 2,
     "[... mgr] -> [... bound mgr.__exit__, mgr.__enter__()]"),
    ('WITH_EXCEPT_START', ARG_NONE, 4, 5,
     "[... exit, lasti, prev, exc] -> [... exit, lasti, prev, exc, "
     "exit(type(exc), exc, exc.__traceback__)]"),
    # --- imports ---------------------------------------------------------
    ('IMPORT_NAME', ARG_NAME, 2, 1,
     "[... level, fromlist] -> [... module]; __import__(name, globals, "
     "None, fromlist, level)"),
    ('IMPORT_FROM', ARG_NAME, 1, 2,
     "[... module] -> [... module, module.name]; ImportError if missing "
     "(a submodule is imported)"),
    ('IMPORT_STAR', ARG_NONE, 1, 0,
     "[... module] -> [...]; module's public names into the locals dict"),
]

OPNAMES = [row[0] for row in OPCODE_TABLE]
OPARGKINDS = [row[1] for row in OPCODE_TABLE]
OPPOPS = [row[2] for row in OPCODE_TABLE]
OPPUSHES = [row[3] for row in OPCODE_TABLE]
OPDOCS = [row[4] for row in OPCODE_TABLE]
NUM_OPCODES = len(OPCODE_TABLE)

for _i in range(NUM_OPCODES):
    setattr(_self, OPCODE_TABLE[_i][0], _i)

# ---------------------------------------------------------------------------
# Operators: the argument of BINARY_OP and INPLACE_OP.
# Rows: (name, symbol, method, reflected method, in-place method).

BINOP_TABLE = [
    ('BINOP_ADD', '+', '__add__', '__radd__', '__iadd__'),
    ('BINOP_SUB', '-', '__sub__', '__rsub__', '__isub__'),
    ('BINOP_MUL', '*', '__mul__', '__rmul__', '__imul__'),
    ('BINOP_TRUEDIV', '/', '__truediv__', '__rtruediv__', '__itruediv__'),
    ('BINOP_FLOORDIV', '//', '__floordiv__', '__rfloordiv__',
     '__ifloordiv__'),
    ('BINOP_MOD', '%', '__mod__', '__rmod__', '__imod__'),
    ('BINOP_POW', '**', '__pow__', '__rpow__', '__ipow__'),
    ('BINOP_LSHIFT', '<<', '__lshift__', '__rlshift__', '__ilshift__'),
    ('BINOP_RSHIFT', '>>', '__rshift__', '__rrshift__', '__irshift__'),
    ('BINOP_AND', '&', '__and__', '__rand__', '__iand__'),
    ('BINOP_OR', '|', '__or__', '__ror__', '__ior__'),
    ('BINOP_XOR', '^', '__xor__', '__rxor__', '__ixor__'),
    ('BINOP_MATMUL', '@', '__matmul__', '__rmatmul__', '__imatmul__'),
]
BINOP_NAMES = [row[0] for row in BINOP_TABLE]
BINOP_SYMBOLS = [row[1] for row in BINOP_TABLE]
BINOP_METHODS = [row[2] for row in BINOP_TABLE]
BINOP_RMETHODS = [row[3] for row in BINOP_TABLE]
BINOP_IMETHODS = [row[4] for row in BINOP_TABLE]
for _i in range(len(BINOP_TABLE)):
    setattr(_self, BINOP_TABLE[_i][0], _i)

# The argument of UNARY_OP.  Rows: (name, symbol, method or '').
UNARYOP_TABLE = [
    ('UNARY_NEG', '-', '__neg__'),
    ('UNARY_POS', '+', '__pos__'),
    ('UNARY_INVERT', '~', '__invert__'),
    ('UNARY_NOT', 'not', ''),       # truth value, negated: never a method
]
UNARYOP_NAMES = [row[0] for row in UNARYOP_TABLE]
UNARYOP_SYMBOLS = [row[1] for row in UNARYOP_TABLE]
UNARYOP_METHODS = [row[2] for row in UNARYOP_TABLE]
for _i in range(len(UNARYOP_TABLE)):
    setattr(_self, UNARYOP_TABLE[_i][0], _i)

# The argument of COMPARE_OP.  Rows: (name, symbol, method, reflected
# method: what the right operand is asked when the left one returns
# NotImplemented).  ORDER CMP: CPython's Py_LT..Py_GE.
CMPOP_TABLE = [
    ('CMP_LT', '<', '__lt__', '__gt__'),
    ('CMP_LE', '<=', '__le__', '__ge__'),
    ('CMP_EQ', '==', '__eq__', '__eq__'),
    ('CMP_NE', '!=', '__ne__', '__ne__'),
    ('CMP_GT', '>', '__gt__', '__lt__'),
    ('CMP_GE', '>=', '__ge__', '__le__'),
]
CMPOP_NAMES = [row[0] for row in CMPOP_TABLE]
CMPOP_SYMBOLS = [row[1] for row in CMPOP_TABLE]
CMPOP_METHODS = [row[2] for row in CMPOP_TABLE]
CMPOP_RMETHODS = [row[3] for row in CMPOP_TABLE]
for _i in range(len(CMPOP_TABLE)):
    setattr(_self, CMPOP_TABLE[_i][0], _i)

# ---------------------------------------------------------------------------
# Argument flags.

FVC_MASK = 3            # FORMAT_VALUE: conversion
FVC_NONE = 0
FVC_STR = 1
FVC_REPR = 2
FVC_ASCII = 3
FVS_HAVE_SPEC = 4       # FORMAT_VALUE: a format spec is on the stack

MF_DEFAULTS = 1         # MAKE_FUNCTION: a tuple of positional defaults
MF_KWDEFAULTS = 2       # MAKE_FUNCTION: a dict of keyword-only defaults
MF_CLOSURE = 8          # MAKE_FUNCTION: a tuple of cells

CALL_EX_KWARGS = 1      # CALL_EX: a dict of keyword arguments

# The exception table: EXC_ENTRY_SIZE ints per entry, at these offsets.
EXC_START = 0
EXC_END = 1
EXC_TARGET = 2
EXC_DEPTH = 3
EXC_LASTI = 4
EXC_ENTRY_SIZE = 5


def find_handler(exctable, index):
    """The offset in `exctable` of the entry covering instruction `index`,
    or -1.  Entries are sorted and disjoint: binary search."""
    lo = 0
    hi = len(exctable) // EXC_ENTRY_SIZE
    while lo < hi:
        mid = (lo + hi) // 2
        base = mid * EXC_ENTRY_SIZE
        if index < exctable[base + EXC_START]:
            hi = mid
        elif index >= exctable[base + EXC_END]:
            lo = mid + 1
        else:
            return base
    return -1


def has_jump(op):
    """True if `op` takes an instruction index as its argument."""
    return OPARGKINDS[op] == ARG_JUMP


def stack_effect(op, arg, jump):
    """Net change of the stack depth done by `op` with `arg`; `jump` says
    whether the instruction jumps (for the few opcodes whose effect
    differs on their two exits)."""
    if op == FOR_ITER:
        if jump:
            return -1
        return 1
    if op == JUMP_IF_FALSE_OR_POP or op == JUMP_IF_TRUE_OR_POP:
        if jump:
            return 0
        return -1
    pops = OPPOPS[op]
    pushes = OPPUSHES[op]
    if pops == VAR:
        pops = _var_pops(op, arg)
    if pushes == VAR:
        pushes = _var_pushes(op, arg)
    return pushes - pops


def _var_pops(op, arg):
    if op == BUILD_MAP:
        return 2 * arg
    if op == BUILD_CONST_KEY_MAP:
        return arg + 1
    if op == FORMAT_VALUE:
        if arg & FVS_HAVE_SPEC:
            return 2
        return 1
    if op == CALL:
        return arg + 1
    if op == CALL_KW:
        return arg + 2
    if op == CALL_EX:
        if arg & CALL_EX_KWARGS:
            return 3
        return 2
    if op == CALL_METHOD:
        return arg + 2
    if op == MAKE_FUNCTION:
        return 1 + _popcount(arg)
    # BUILD_SLICE, BUILD_TUPLE/LIST/SET/STRING, RAISE_VARARGS: arg items.
    return arg


def _var_pushes(op, arg):
    if op == UNPACK_SEQUENCE:
        return arg
    if op == UNPACK_EX:
        return (arg & 0xff) + (arg >> 8) + 1
    raise ValueError("no variable push count for %s" % OPNAMES[op])


def _popcount(flags):
    n = 0
    while flags:
        n += flags & 1
        flags >>= 1
    return n


def reference():
    """The opcode table as text (`pyfront.py opcodes` prints it)."""
    lines = []
    for i in range(NUM_OPCODES):
        lines.append("%3d %-22s %-8s %s" % (i, OPNAMES[i],
                                            ARG_NAMES[OPARGKINDS[i]],
                                            OPDOCS[i]))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import os
    os.write(1, reference().encode())
