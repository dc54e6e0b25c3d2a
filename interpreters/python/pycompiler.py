"""pycompiler: AST -> PyCode.

Where this sits: the last stage of the front end.  Input: a pyast.Module
(from pyparser) and its source; output: the module's PyCode, whose
constants hold the code objects of its functions, classes and
comprehensions.  The bytecode is documented in pyopcodes.py.

    compile_module(tree, source, filename) -> PyCode   (raises PySyntaxError)
    compile_source(source, filename) -> PyCode

The recipe: pysymtable.build (scopes) -> one CodeUnit per code object,
filled by the Compiler visitor (statements emit, expressions push their
value) -> pyassembler.assemble() (stack depths, dead code, jump targets,
exception table) -> PyCode.

Code generation follows CPython 3.11's Python/compile.c: the same
instruction sequences for try/except/finally, with and loops (see the top
of pyopcodes.py), the same "frame blocks" to unwind on return, break and
continue (a finally body is emitted again on each such path), and
comprehensions as nested functions.

Emission works on a list of Instr with symbolic Labels.  Exception
handlers are tracked at emission time: `setup()` pushes a Handler (and
leaves a zero-size SETUP pseudo-instruction where the stack depth of the
handler is measured), `pop_handler()` pops it, and every instruction
records the innermost Handler active when it was emitted.  assemble()
then computes the stack depth at each instruction by flow analysis (which
also gives each Handler its depth and drops unreachable instructions),
numbers the instructions and turns runs of instructions sharing a handler
into exception table entries.

Not compiled: annotations (never evaluated; `x: int` alone does nothing,
`__annotations__` is never created).  Constant folding: only tuples of
constants become one constant, and constant tests (`while True`) jump
unconditionally.
"""

import pyast
import pycode
import pysymtable
from pyast import CTX_LOAD, CTX_STORE, CTX_DEL
from pycode import (const_none, const_str, const_int, const_tuple,
                    const_code, const_key, CO_OPTIMIZED, CO_NEWLOCALS,
                    CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR,
                    CO_NOFREE)
from pysymtable import (SCOPE_LOCAL, SCOPE_GLOBAL_EXPLICIT,
                        SCOPE_GLOBAL_IMPLICIT, SCOPE_FREE, SCOPE_CELL, mangle)
from pytokenizer import make_error
import pyparser
from pyassembler import (assemble, Label, Handler, Instr, PSEUDO_SETUP,
                         InternalCompilerError)
from pyopcodes import (NOP, POP_TOP, COPY, SWAP, LOAD_CONST, LOAD_FAST,
                       STORE_FAST, DELETE_FAST, LOAD_DEREF, STORE_DEREF,
                       DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF,
                       LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME,
                       STORE_NAME, DELETE_NAME, LOAD_ATTR, STORE_ATTR,
                       DELETE_ATTR, LOAD_METHOD, BINARY_SUBSCR, STORE_SUBSCR,
                       DELETE_SUBSCR, BUILD_SLICE, UNARY_OP, BINARY_OP,
                       INPLACE_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BUILD_TUPLE,
                       BUILD_LIST, BUILD_SET, BUILD_MAP, BUILD_CONST_KEY_MAP,
                       BUILD_STRING, FORMAT_VALUE, LIST_APPEND, SET_ADD,
                       MAP_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE,
                       DICT_MERGE, LIST_TO_TUPLE, UNPACK_SEQUENCE, UNPACK_EX,
                       GET_ITER, FOR_ITER, JUMP, POP_JUMP_IF_FALSE,
                       POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP,
                       JUMP_IF_TRUE_OR_POP, CALL, CALL_KW, CALL_EX,
                       CALL_METHOD, MAKE_FUNCTION, RETURN_VALUE,
                       LOAD_BUILD_CLASS, YIELD_VALUE, GET_YIELD_FROM_ITER,
                       YIELD_FROM, RAISE_VARARGS, PUSH_EXC_INFO, POP_EXCEPT,
                       CHECK_EXC_MATCH, RERAISE, LOAD_ASSERTION_ERROR,
                       BEFORE_WITH, WITH_EXCEPT_START, IMPORT_NAME,
                       IMPORT_FROM, IMPORT_STAR)
from pyopcodes import (FVC_NONE, FVC_STR, FVC_REPR, FVC_ASCII,
                       FVS_HAVE_SPEC, MF_DEFAULTS, MF_KWDEFAULTS, MF_CLOSURE,
                       CALL_EX_KWARGS, UNARY_NOT, CMP_LT, CMP_GE)

# Kinds of frame block (what return/break/continue must undo).
FB_WHILE_LOOP = 0
FB_FOR_LOOP = 1
FB_TRY_EXCEPT = 2
FB_FINALLY_TRY = 3
FB_FINALLY_END = 4
FB_WITH = 5
FB_HANDLER_CLEANUP = 6
FB_POP_VALUE = 7
FB_EXCEPTION_HANDLER = 8

STACK_USE_GUIDELINE = 30     # build displays in chunks beyond this


class FBlock(object):
    """A frame block: `label` is a loop's continue target, `exit` its
    break target; `body` the finally body (FB_FINALLY_TRY); `name` the
    bound exception name (FB_HANDLER_CLEANUP); `handlers_outside` the
    length of the handler stack outside the construct (-1: unchanged)."""

    def __init__(self, kind, label, exit, handlers_outside):
        self.kind = kind
        self.label = label
        self.exit = exit
        self.handlers_outside = handlers_outside
        self.body = None
        self.name = None


class CodeUnit(object):
    """The state of one code object being compiled."""

    def __init__(self, scope, name, qualname, firstlineno, private):
        self.scope = scope
        self.name = name
        self.qualname = qualname
        self.firstlineno = firstlineno
        self.private = private
        self.consts = []
        self.const_index = {}
        self.names = []
        self.name_index = {}
        self.varnames = []
        self.var_index = {}
        self.cellvars = scope.cellvars()
        self.freevars = scope.freevars()
        self.cell_index = {}
        for name in self.cellvars:
            self.cell_index[name] = len(self.cell_index)
        for name in self.freevars:
            self.cell_index[name] = len(self.cell_index)
        self.instrs = []
        self.fblocks = []
        self.handlers = []
        self.argcount = 0
        self.posonlyargcount = 0
        self.kwonlyargcount = 0
        self.flags = 0
        self.docstring = None
        self.outer_lineno = 0       # the enclosing unit's current line

    def is_function(self):
        return self.scope.is_function()


def _index(table, index, name):
    if name in index:
        return index[name]
    index[name] = len(table)
    table.append(name)
    return index[name]


def is_docstring(stmt):
    """A statement that is a string constant (a docstring if first)."""
    if not isinstance(stmt, pyast.Expr):
        return False
    value = stmt.value
    if not isinstance(value, pyast.Constant):
        return False
    return value.value.kind == pycode.CONST_STR


def const_truth(c):
    """The truth value of a constant: 1, 0, or -1 if not known here."""
    kind = c.kind
    if kind == pycode.CONST_TRUE or kind == pycode.CONST_ELLIPSIS:
        return 1
    if kind == pycode.CONST_FALSE or kind == pycode.CONST_NONE:
        return 0
    if kind == pycode.CONST_INT:
        if c.intval != 0:
            return 1
        return 0
    if kind == pycode.CONST_STR or kind == pycode.CONST_BYTES:
        if len(c.strval) > 0:
            return 1
        return 0
    return -1


class Compiler(pyast.ASTVisitor):
    """Compiles one module.  Statement visitors emit code; expression
    visitors emit code that pushes the expression's value."""

    def __init__(self, table, source, filename):
        self.table = table
        self.source = source
        self.filename = filename
        self.unit = None
        self.units = []
        self.lineno = 1

    # --- errors -----------------------------------------------------------

    def error(self, msg, node):
        return make_error('SyntaxError', msg, self.filename, self.source,
                          node.lineno, node.col_offset, node.end_lineno,
                          node.end_col_offset)

    # --- units ------------------------------------------------------------

    def enter_unit(self, node, name, firstlineno):
        scope = self.table.scope_of(node)
        private = None
        if self.unit is not None:
            private = self.unit.private
        if scope.kind == pysymtable.CLASS:
            private = name
        unit = CodeUnit(scope, name, self.qualname_for(name, scope),
                        firstlineno, private)
        unit.outer_lineno = self.lineno
        if self.unit is not None:
            self.units.append(self.unit)
        self.unit = unit
        self.lineno = firstlineno
        return unit

    def qualname_for(self, name, scope):
        """CPython's __qualname__: `f`, `C.f`, `f.<locals>.g`."""
        parent = self.unit
        if parent is None or parent.scope.kind == pysymtable.MODULE:
            return name
        if scope.kind != pysymtable.MODULE and not scope.is_comprehension \
                and not scope.is_lambda:
            mangled = mangle(parent.private, name)
            if parent.scope.lookup(mangled) == SCOPE_GLOBAL_EXPLICIT:
                return name
        base = parent.qualname
        if parent.scope.is_function():
            base += '.<locals>'
        return base + '.' + name

    def leave_unit(self):
        """Assembles the current unit; returns its PyCode."""
        code = assemble(self.unit, self.filename)
        self.lineno = self.unit.outer_lineno
        if len(self.units) > 0:
            self.unit = self.units.pop()
        else:
            self.unit = None
        return code

    # --- emission ---------------------------------------------------------

    def emit(self, op, arg):
        handler = None
        if len(self.unit.handlers) > 0:
            handler = self.unit.handlers[-1]
        self.unit.instrs.append(Instr(op, arg, None, handler, self.lineno))

    def emit_jump(self, op, label):
        self.emit(op, 0)
        self.unit.instrs[-1].target = label

    def bind(self, label):
        label.position = len(self.unit.instrs)

    def setup(self, handler):
        """Start the region of `handler` here."""
        instr = Instr(PSEUDO_SETUP, 0, None, None, self.lineno)
        instr.setup = handler
        self.unit.instrs.append(instr)
        self.unit.handlers.append(handler)

    def pop_handler(self):
        self.unit.handlers.pop()

    def push_fblock(self, kind, label, exit, handlers_outside):
        fb = FBlock(kind, label, exit, handlers_outside)
        self.unit.fblocks.append(fb)
        return fb

    def pop_fblock(self):
        self.unit.fblocks.pop()

    def load_const(self, c):
        key = const_key(c)
        unit = self.unit
        if key != "" and key in unit.const_index:
            self.emit(LOAD_CONST, unit.const_index[key])
            return
        index = len(unit.consts)
        unit.consts.append(c)
        if key != "":
            unit.const_index[key] = index
        self.emit(LOAD_CONST, index)

    def load_none(self):
        self.load_const(const_none())

    def name_arg(self, name):
        return _index(self.unit.names, self.unit.name_index, name)

    def var_arg(self, name):
        return _index(self.unit.varnames, self.unit.var_index, name)

    def cell_arg(self, name):
        if name not in self.unit.cell_index:
            raise InternalCompilerError("no cell for '%s' in %s" %
                                        (name, self.unit.qualname))
        return self.unit.cell_index[name]

    def mangle(self, name):
        return mangle(self.unit.private, name)

    # --- names ------------------------------------------------------------

    def name_op(self, name, ctx):
        """Load, store or delete a variable (CPython's compiler_nameop)."""
        name = self.mangle(name)
        unit = self.unit
        scope = unit.scope.lookup(name)
        if scope == SCOPE_FREE or scope == SCOPE_CELL:
            if ctx == CTX_LOAD:
                if unit.scope.kind == pysymtable.CLASS:
                    self.emit(LOAD_CLASSDEREF, self.cell_arg(name))
                else:
                    self.emit(LOAD_DEREF, self.cell_arg(name))
            elif ctx == CTX_STORE:
                self.emit(STORE_DEREF, self.cell_arg(name))
            else:
                self.emit(DELETE_DEREF, self.cell_arg(name))
            return
        if scope == SCOPE_LOCAL and unit.is_function():
            self.emit(pick(ctx, LOAD_FAST, STORE_FAST, DELETE_FAST),
                      self.var_arg(name))
            return
        if scope == SCOPE_GLOBAL_EXPLICIT or \
                (scope == SCOPE_GLOBAL_IMPLICIT and unit.is_function()):
            self.emit(pick(ctx, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL),
                      self.name_arg(name))
            return
        self.emit(pick(ctx, LOAD_NAME, STORE_NAME, DELETE_NAME),
                  self.name_arg(name))

    # --- module ---------------------------------------------------------------

    def compile_module(self, module):
        unit = self.enter_unit(module, '<module>', 1)
        body = module.body
        start = 0
        if len(body) > 0 and is_docstring(body[0]):
            self.set_line(body[0])
            self.load_const(self.docstring_const(body[0]))
            self.name_op('__doc__', CTX_STORE)
            start = 1
        self.statements(body, start)
        self.load_none()
        self.emit(RETURN_VALUE, 0)
        return self.leave_unit()

    def docstring_const(self, stmt):
        assert isinstance(stmt, pyast.Expr)
        value = stmt.value
        assert isinstance(value, pyast.Constant)
        return value.value

    def statements(self, body, start):
        for i in range(start, len(body)):
            body[i].walkabout(self)

    def expr(self, node):
        """Compile an expression: instructions get its line (CPython
        3.11's locations), the enclosing line comes back after."""
        saved = self.lineno
        self.lineno = node.lineno
        node.walkabout(self)
        self.lineno = saved

    def set_line(self, node):
        self.lineno = node.lineno

    # --- function definitions -------------------------------------------------

    def visit_FunctionDef(self, node):
        self.set_line(node)
        for dec in node.decorator_list:
            self.expr(dec)
        flags = self.defaults(node.args)
        self.set_line(node)
        code = self.function_body(node, node.name, node.args, node.body)
        self.make_closure(code, flags)
        for i in range(len(node.decorator_list)):
            self.emit(CALL, 1)
        self.name_op(node.name, CTX_STORE)

    def visit_Lambda(self, node):
        saved = self.lineno
        self.set_line(node)
        flags = self.defaults(node.args)
        unit = self.enter_unit(node, '<lambda>', node.lineno)
        self.setup_arguments(node.args)
        unit.flags |= CO_OPTIMIZED | CO_NEWLOCALS
        self.cell_arguments()
        self.expr(node.body)
        self.emit(RETURN_VALUE, 0)
        code = self.finish_function()
        self.make_closure(code, flags)
        self.lineno = saved

    def defaults(self, args):
        """Push the defaults tuple and keyword-only defaults dict; the
        MAKE_FUNCTION flags saying which were pushed."""
        flags = 0
        if len(args.defaults) > 0:
            for default in args.defaults:
                self.expr(default)
            self.emit(BUILD_TUPLE, len(args.defaults))
            flags |= MF_DEFAULTS
        keys = []
        for i in range(len(args.kwonlyargs)):
            default = args.kw_defaults[i]
            if default is not None:
                keys.append(const_str(self.mangle(args.kwonlyargs[i].arg)))
                self.expr(default)
        if len(keys) > 0:
            self.load_const(const_tuple(keys))
            self.emit(BUILD_CONST_KEY_MAP, len(keys))
            flags |= MF_KWDEFAULTS
        return flags

    def function_body(self, node, name, args, body):
        """Compile a def's body into its own code object."""
        unit = self.enter_unit(node, name, node.lineno)
        self.setup_arguments(args)
        unit.flags |= CO_OPTIMIZED | CO_NEWLOCALS
        start = 0
        if len(body) > 0 and is_docstring(body[0]):
            unit.docstring = self.docstring_const(body[0]).strval
            start = 1
        self.cell_arguments()
        self.statements(body, start)
        self.load_none()
        self.emit(RETURN_VALUE, 0)
        return self.finish_function()

    def setup_arguments(self, args):
        unit = self.unit
        for arg in args.posonlyargs:
            self.var_arg(self.mangle(arg.arg))
        for arg in args.args:
            self.var_arg(self.mangle(arg.arg))
        for arg in args.kwonlyargs:
            self.var_arg(self.mangle(arg.arg))
        if args.vararg is not None:
            self.var_arg(self.mangle(args.vararg.arg))
            unit.flags |= CO_VARARGS
        if args.kwarg is not None:
            self.var_arg(self.mangle(args.kwarg.arg))
            unit.flags |= CO_VARKEYWORDS
        unit.posonlyargcount = len(args.posonlyargs)
        unit.argcount = len(args.posonlyargs) + len(args.args)
        unit.kwonlyargcount = len(args.kwonlyargs)

    def cell_arguments(self):
        """Arguments that are cells start in their cell: copy them."""
        unit = self.unit
        for name in unit.cellvars:
            if name in unit.var_index:
                self.emit(LOAD_FAST, unit.var_index[name])
                self.emit(STORE_DEREF, unit.cell_index[name])

    def finish_function(self):
        unit = self.unit
        if unit.scope.is_generator:
            unit.flags |= CO_GENERATOR
        if len(self.units) > 0 and self.units[-1].is_function():
            unit.flags |= CO_NESTED
        if len(unit.cellvars) == 0 and len(unit.freevars) == 0:
            unit.flags |= CO_NOFREE
        return self.leave_unit()

    def make_closure(self, code, flags):
        """Push a function of `code`: its closure tuple (the current
        unit's cells of the same names) and MAKE_FUNCTION."""
        if len(code.co_freevars) > 0:
            for name in code.co_freevars:
                self.emit(LOAD_CLOSURE, self.cell_arg(name))
            self.emit(BUILD_TUPLE, len(code.co_freevars))
            flags |= MF_CLOSURE
        self.load_const(const_code(code))
        self.emit(MAKE_FUNCTION, flags)

    # --- classes ----------------------------------------------------------------

    def visit_ClassDef(self, node):
        self.set_line(node)
        for dec in node.decorator_list:
            self.expr(dec)
        self.set_line(node)
        self.emit(LOAD_BUILD_CLASS, 0)
        code = self.class_body(node)
        self.make_closure(code, 0)
        self.load_const(const_str(node.name))
        self.call_helper(2, node.bases, node.keywords)
        for i in range(len(node.decorator_list)):
            self.emit(CALL, 1)
        self.name_op(node.name, CTX_STORE)

    def class_body(self, node):
        unit = self.enter_unit(node, node.name, node.lineno)
        self.name_op('__name__', CTX_LOAD)
        self.name_op('__module__', CTX_STORE)
        self.load_const(const_str(unit.qualname))
        self.name_op('__qualname__', CTX_STORE)
        start = 0
        if len(node.body) > 0 and is_docstring(node.body[0]):
            self.set_line(node.body[0])
            self.load_const(self.docstring_const(node.body[0]))
            self.name_op('__doc__', CTX_STORE)
            start = 1
        self.statements(node.body, start)
        if unit.scope.needs_class_closure:
            self.emit(LOAD_CLOSURE, self.cell_arg('__class__'))
            self.emit(COPY, 1)
            self.name_op('__classcell__', CTX_STORE)
        else:
            self.load_none()
        self.emit(RETURN_VALUE, 0)
        if len(unit.cellvars) == 0 and len(unit.freevars) == 0:
            unit.flags |= CO_NOFREE
        return self.leave_unit()

    # --- simple statements --------------------------------------------------------

    def visit_Expr(self, node):
        self.set_line(node)
        if isinstance(node.value, pyast.Constant):
            self.emit(NOP, 0)
            return
        self.expr(node.value)
        self.emit(POP_TOP, 0)

    def visit_Pass(self, node):
        self.set_line(node)

    def visit_Global(self, node):
        self.set_line(node)

    def visit_Nonlocal(self, node):
        self.set_line(node)

    def visit_Assign(self, node):
        self.set_line(node)
        self.expr(node.value)
        n = len(node.targets)
        for i in range(n):
            if i < n - 1:
                self.emit(COPY, 1)
            self.store(node.targets[i])

    def visit_AugAssign(self, node):
        self.set_line(node)
        target = node.target
        if isinstance(target, pyast.Name):
            self.name_op(target.id, CTX_LOAD)
            self.expr(node.value)
            self.set_line(node)
            self.emit(INPLACE_OP, node.op)
            self.name_op(target.id, CTX_STORE)
        elif isinstance(target, pyast.Attribute):
            self.expr(target.value)
            self.emit(COPY, 1)
            self.emit(LOAD_ATTR, self.name_arg(self.mangle(target.attr)))
            self.expr(node.value)
            self.set_line(node)
            self.emit(INPLACE_OP, node.op)
            self.emit(SWAP, 2)
            self.emit(STORE_ATTR, self.name_arg(self.mangle(target.attr)))
        elif isinstance(target, pyast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(COPY, 2)
            self.emit(COPY, 2)
            self.emit(BINARY_SUBSCR, 0)
            self.expr(node.value)
            self.set_line(node)
            self.emit(INPLACE_OP, node.op)
            self.emit(SWAP, 3)
            self.emit(SWAP, 2)
            self.emit(STORE_SUBSCR, 0)
        else:
            raise InternalCompilerError("bad augmented assignment target")

    def visit_AnnAssign(self, node):
        self.set_line(node)
        if node.value is not None:
            self.expr(node.value)
            self.store(node.target)
            return
        target = node.target
        if isinstance(target, pyast.Attribute):
            self.expr(target.value)
            self.emit(POP_TOP, 0)
        elif isinstance(target, pyast.Subscript):
            self.expr(target.value)
            self.emit(POP_TOP, 0)
            self.expr(target.slice)
            self.emit(POP_TOP, 0)

    def visit_Delete(self, node):
        self.set_line(node)
        for target in node.targets:
            self.delete(target)

    def delete(self, target):
        if isinstance(target, pyast.Name):
            self.name_op(target.id, CTX_DEL)
        elif isinstance(target, pyast.Attribute):
            self.expr(target.value)
            self.emit(DELETE_ATTR, self.name_arg(self.mangle(target.attr)))
        elif isinstance(target, pyast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(DELETE_SUBSCR, 0)
        elif isinstance(target, pyast.Tuple):
            for elt in target.elts:
                self.delete(elt)
        elif isinstance(target, pyast.List):
            for elt in target.elts:
                self.delete(elt)
        else:
            raise InternalCompilerError("bad del target")

    def visit_Assert(self, node):
        self.set_line(node)
        end = Label()
        self.jump_if(node.test, True, end)
        self.emit(LOAD_ASSERTION_ERROR, 0)
        if node.msg is not None:
            self.expr(node.msg)
            self.emit(CALL, 1)
        self.emit(RAISE_VARARGS, 1)
        self.bind(end)

    def visit_Raise(self, node):
        self.set_line(node)
        n = 0
        if node.exc is not None:
            self.expr(node.exc)
            n = 1
            if node.cause is not None:
                self.expr(node.cause)
                n = 2
        self.emit(RAISE_VARARGS, n)

    def visit_Return(self, node):
        self.set_line(node)
        if not self.unit.is_function():
            raise self.error("'return' outside function", node)
        saved = self.unit.handlers
        if node.value is not None:
            self.expr(node.value)
            self.unwind_fblock_stack(True, False)
        else:
            self.unwind_fblock_stack(False, False)
            self.load_none()
        self.set_line(node)
        self.emit(RETURN_VALUE, 0)
        self.unit.handlers = saved

    def visit_Break(self, node):
        self.set_line(node)
        saved = self.unit.handlers
        loop = self.unwind_fblock_stack(False, True)
        if loop is None:
            raise self.error("'break' outside loop", node)
        self.unwind_fblock(loop, False)
        self.emit_jump(JUMP, loop.exit)
        self.unit.handlers = saved

    def visit_Continue(self, node):
        self.set_line(node)
        saved = self.unit.handlers
        loop = self.unwind_fblock_stack(False, True)
        if loop is None:
            raise self.error("'continue' not properly in loop", node)
        self.emit_jump(JUMP, loop.label)
        self.unit.handlers = saved

    # --- imports ----------------------------------------------------------------

    def visit_Import(self, node):
        self.set_line(node)
        for alias in node.names:
            self.load_const(const_int(0))
            self.load_none()
            self.emit(IMPORT_NAME, self.name_arg(alias.name))
            if alias.asname is None:
                name = alias.name
                dot = name.find('.')
                if dot >= 0:
                    name = name[:dot]
                self.name_op(name, CTX_STORE)
                continue
            parts = alias.name.split('.')
            for i in range(1, len(parts)):
                self.emit(IMPORT_FROM, self.name_arg(parts[i]))
                if i < len(parts) - 1:
                    self.emit(SWAP, 2)
                    self.emit(POP_TOP, 0)
            self.name_op(alias.asname, CTX_STORE)
            if len(parts) > 1:
                self.emit(POP_TOP, 0)

    def visit_ImportFrom(self, node):
        self.set_line(node)
        names = []
        for alias in node.names:
            names.append(const_str(alias.name))
        self.load_const(const_int(node.level))
        self.load_const(const_tuple(names))
        module = node.module
        if module is None:
            module = ''
        self.emit(IMPORT_NAME, self.name_arg(module))
        if len(node.names) == 1 and node.names[0].name == '*':
            self.emit(IMPORT_STAR, 0)
            return
        for alias in node.names:
            self.emit(IMPORT_FROM, self.name_arg(alias.name))
            store = alias.asname
            if store is None:
                store = alias.name
            self.name_op(store, CTX_STORE)
        self.emit(POP_TOP, 0)

    # --- control flow -------------------------------------------------------------

    def jump_if(self, test, cond, label):
        """Jump to `label` if the truth of `test` is `cond`; else fall
        through (CPython's compiler_jump_if, for `not`, and/or and
        constants)."""
        if isinstance(test, pyast.UnaryOp) and test.op == UNARY_NOT:
            self.jump_if(test.operand, not cond, label)
            return
        if isinstance(test, pyast.BoolOp):
            self.jump_if_boolop(test, cond, label)
            return
        if isinstance(test, pyast.Constant):
            truth = const_truth(test.value)
            if truth >= 0:
                if (truth == 1) == cond:
                    self.emit_jump(JUMP, label)
                return
        self.expr(test)
        if cond:
            self.emit_jump(POP_JUMP_IF_TRUE, label)
        else:
            self.emit_jump(POP_JUMP_IF_FALSE, label)

    def jump_if_boolop(self, test, cond, label):
        # `a and b` jumps if false as soon as one is false; if true when
        # all are: all but the last jump past on the opposite outcome.
        is_or = test.op == pyast.BOOL_OR
        next_label = label
        if is_or != cond:
            next_label = Label()
        n = len(test.values)
        for i in range(n - 1):
            self.jump_if(test.values[i], is_or, next_label)
        self.jump_if(test.values[n - 1], cond, label)
        if next_label is not label:
            self.bind(next_label)

    def visit_If(self, node):
        self.set_line(node)
        end = Label()
        if len(node.orelse) == 0:
            self.jump_if(node.test, False, end)
            self.statements(node.body, 0)
        else:
            orelse = Label()
            self.jump_if(node.test, False, orelse)
            self.statements(node.body, 0)
            self.emit_jump(JUMP, end)
            self.bind(orelse)
            self.statements(node.orelse, 0)
        self.bind(end)

    def visit_While(self, node):
        self.set_line(node)
        top = Label()
        orelse = Label()
        end = Label()
        self.bind(top)
        self.jump_if(node.test, False, orelse)
        self.push_fblock(FB_WHILE_LOOP, top, end, -1)
        self.statements(node.body, 0)
        self.pop_fblock()
        self.set_line(node)
        self.emit_jump(JUMP, top)
        self.bind(orelse)
        self.statements(node.orelse, 0)
        self.bind(end)

    def visit_For(self, node):
        self.set_line(node)
        top = Label()
        cleanup = Label()
        end = Label()
        self.expr(node.iter)
        self.set_line(node)
        self.emit(GET_ITER, 0)
        self.bind(top)
        self.emit_jump(FOR_ITER, cleanup)
        self.store(node.target)
        self.push_fblock(FB_FOR_LOOP, top, end, -1)
        self.statements(node.body, 0)
        self.pop_fblock()
        self.set_line(node)
        self.emit_jump(JUMP, top)
        self.bind(cleanup)
        self.statements(node.orelse, 0)
        self.bind(end)

    # --- unwinding (return, break, continue) ----------------------------------------

    def unwind_fblock_stack(self, preserve_tos, want_loop):
        """Emit the exits of the frame blocks from the innermost out, up to
        the innermost loop if `want_loop` (returned, not unwound), or all
        of them.  The caller restores the handler stack afterwards."""
        fblocks = self.unit.fblocks
        if len(fblocks) == 0:
            return None
        top = fblocks[-1]
        if want_loop and (top.kind == FB_WHILE_LOOP or
                          top.kind == FB_FOR_LOOP):
            return top
        fblocks.pop()
        self.unwind_fblock(top, preserve_tos)
        loop = self.unwind_fblock_stack(preserve_tos, want_loop)
        fblocks.append(top)
        return loop

    def leave_handlers(self, fb):
        """The handler stack outside `fb`'s construct (a fresh list: the
        caller's saved stack stays intact)."""
        if fb.handlers_outside >= 0:
            self.unit.handlers = self.unit.handlers[:fb.handlers_outside]

    def unwind_fblock(self, fb, preserve_tos):
        kind = fb.kind
        if kind == FB_WHILE_LOOP or kind == FB_EXCEPTION_HANDLER:
            return
        if kind == FB_FOR_LOOP:
            if preserve_tos:
                self.emit(SWAP, 2)
            self.emit(POP_TOP, 0)
        elif kind == FB_TRY_EXCEPT:
            self.leave_handlers(fb)
        elif kind == FB_FINALLY_TRY:
            self.leave_handlers(fb)
            self.unwind_finally_body(fb, preserve_tos)
        elif kind == FB_FINALLY_END:
            if preserve_tos:
                self.emit(SWAP, 2)
            self.emit(POP_TOP, 0)
            if preserve_tos:
                self.emit(SWAP, 2)
            self.leave_handlers(fb)
            self.emit(POP_EXCEPT, 0)
        elif kind == FB_WITH:
            self.leave_handlers(fb)
            if preserve_tos:
                self.emit(SWAP, 2)
            self.call_exit_with_nones()
        elif kind == FB_HANDLER_CLEANUP:
            self.leave_handlers(fb)
            if preserve_tos:
                self.emit(SWAP, 2)
            self.emit(POP_EXCEPT, 0)
            if fb.name is not None:
                self.clear_name(fb.name)
        elif kind == FB_POP_VALUE:
            if preserve_tos:
                self.emit(SWAP, 2)
            self.emit(POP_TOP, 0)

    def unwind_finally_body(self, fb, preserve_tos):
        """A copy of the finally body on a return/break/continue path."""
        saved = self.lineno
        if preserve_tos:
            self.push_fblock(FB_POP_VALUE, None, None, -1)
        self.statements(fb.body, 0)
        if preserve_tos:
            self.pop_fblock()
        self.lineno = saved

    def call_exit_with_nones(self):
        self.load_none()
        self.load_none()
        self.load_none()
        self.emit(CALL, 3)
        self.emit(POP_TOP, 0)

    def clear_name(self, name):
        """`name = None; del name` (an `except ... as name` ends)."""
        self.load_none()
        self.name_op(name, CTX_STORE)
        self.name_op(name, CTX_DEL)

    # --- try ------------------------------------------------------------------------

    def visit_Try(self, node):
        self.set_line(node)
        if len(node.finalbody) > 0:
            self.try_finally(node)
        else:
            self.try_except(node)

    def try_finally(self, node):
        end = Label()
        exit = Label()
        cleanup = Label()
        outside = len(self.unit.handlers)
        self.setup(Handler(end, False, 0))
        fb = self.push_fblock(FB_FINALLY_TRY, None, None, outside)
        fb.body = node.finalbody
        if len(node.handlers) > 0:
            self.try_except(node)
        else:
            self.statements(node.body, 0)
        self.pop_fblock()
        self.pop_handler()
        self.statements(node.finalbody, 0)
        self.emit_jump(JUMP, exit)
        # The exceptional path: [exc] at `end`.
        self.bind(end)
        self.setup(Handler(cleanup, True, 0))
        self.emit(PUSH_EXC_INFO, 0)
        self.push_fblock(FB_FINALLY_END, None, None, outside)
        self.statements(node.finalbody, 0)
        self.pop_fblock()
        self.emit(RERAISE, 0)
        self.pop_handler()
        self.bind(cleanup)
        self.pop_except_and_reraise()
        self.bind(exit)

    def pop_except_and_reraise(self):
        """At a cleanup handler: [prev, lasti, exc] -> restore prev, raise
        exc again."""
        self.emit(COPY, 3)
        self.emit(POP_EXCEPT, 0)
        self.emit(RERAISE, 1)

    def try_except(self, node):
        handler_label = Label()
        end = Label()
        cleanup = Label()
        outside = len(self.unit.handlers)
        self.setup(Handler(handler_label, False, 0))
        self.push_fblock(FB_TRY_EXCEPT, None, None, outside)
        self.statements(node.body, 0)
        self.pop_fblock()
        self.pop_handler()
        self.statements(node.orelse, 0)
        self.emit_jump(JUMP, end)
        # [exc] at the handlers.
        self.bind(handler_label)
        cleanup_handler = Handler(cleanup, True, 0)
        self.setup(cleanup_handler)
        self.emit(PUSH_EXC_INFO, 0)
        self.push_fblock(FB_EXCEPTION_HANDLER, None, None, -1)
        for h in node.handlers:
            self.except_handler(h, end, cleanup_handler, outside)
        self.pop_fblock()
        self.emit(RERAISE, 0)
        self.pop_handler()
        self.bind(cleanup)
        self.pop_except_and_reraise()
        self.bind(end)

    def except_handler(self, h, end, cleanup_handler, outside):
        """One `except` clause, with [prev, exc] on the stack and
        `cleanup_handler` active."""
        self.set_line(h)
        next_except = Label()
        if h.type is not None:
            self.expr(h.type)
            self.emit(CHECK_EXC_MATCH, 0)
            self.emit_jump(POP_JUMP_IF_FALSE, next_except)
        if h.name is not None:
            self.named_handler_body(h, end, outside)
        else:
            self.emit(POP_TOP, 0)
            fb = self.push_fblock(FB_HANDLER_CLEANUP, None, None, outside)
            self.statements(h.body, 0)
            self.pop_fblock()
            self.pop_handler()
            self.emit(POP_EXCEPT, 0)
            self.emit_jump(JUMP, end)
            self.unit.handlers.append(cleanup_handler)
        self.bind(next_except)

    def named_handler_body(self, h, end, outside):
        """`except E as name:` -- name is cleared however the body ends."""
        cleanup_end = Label()
        self.name_op(h.name, CTX_STORE)
        self.setup(Handler(cleanup_end, True, 0))
        fb = self.push_fblock(FB_HANDLER_CLEANUP, None, None, outside)
        fb.name = h.name
        self.statements(h.body, 0)
        self.pop_fblock()
        self.pop_handler()
        cleanup_handler = self.unit.handlers.pop()
        self.emit(POP_EXCEPT, 0)
        self.clear_name(h.name)
        self.emit_jump(JUMP, end)
        # [prev, lasti, exc2]: clear the name, re-raise to the cleanup.
        self.unit.handlers.append(cleanup_handler)
        self.bind(cleanup_end)
        self.clear_name(h.name)
        self.emit(RERAISE, 1)

    # --- with -------------------------------------------------------------------------

    def visit_With(self, node):
        self.set_line(node)
        self.with_item(node, 0)

    def with_item(self, node, index):
        item = node.items[index]
        final = Label()
        exit = Label()
        cleanup = Label()
        suppress = Label()
        self.expr(item.context_expr)
        self.set_line(node)
        self.emit(BEFORE_WITH, 0)
        outside = len(self.unit.handlers)
        # Measured with the __enter__ result still on the stack: the
        # handler's depth is one less (just `exit`).
        self.setup(Handler(final, True, -1))
        self.push_fblock(FB_WITH, None, None, outside)
        if item.optional_vars is not None:
            self.store(item.optional_vars)
        else:
            self.emit(POP_TOP, 0)
        if index + 1 < len(node.items):
            self.with_item(node, index + 1)
        else:
            self.statements(node.body, 0)
        self.pop_fblock()
        self.pop_handler()
        self.set_line(node)
        self.call_exit_with_nones()
        self.emit_jump(JUMP, exit)
        # [exit, lasti, exc]
        self.bind(final)
        self.setup(Handler(cleanup, True, 0))
        self.emit(PUSH_EXC_INFO, 0)
        self.emit(WITH_EXCEPT_START, 0)
        self.emit_jump(POP_JUMP_IF_TRUE, suppress)
        self.emit(RERAISE, 2)
        self.pop_handler()
        self.bind(cleanup)
        self.pop_except_and_reraise()
        self.bind(suppress)
        self.emit(POP_TOP, 0)
        self.emit(POP_EXCEPT, 0)
        self.emit(POP_TOP, 0)
        self.emit(POP_TOP, 0)
        self.bind(exit)

    # --- assignment targets ---------------------------------------------------------

    def store(self, target):
        """Store the value on top of the stack into `target`."""
        if isinstance(target, pyast.Name):
            self.name_op(target.id, CTX_STORE)
        elif isinstance(target, pyast.Attribute):
            self.expr(target.value)
            self.emit(STORE_ATTR, self.name_arg(self.mangle(target.attr)))
        elif isinstance(target, pyast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(STORE_SUBSCR, 0)
        elif isinstance(target, pyast.Tuple):
            self.unpack(target, target.elts)
        elif isinstance(target, pyast.List):
            self.unpack(target, target.elts)
        elif isinstance(target, pyast.Starred):
            raise self.error("starred assignment target must be in a list "
                             "or tuple", target)
        else:
            raise InternalCompilerError("bad assignment target")

    def unpack(self, target, elts):
        star = -1
        for i in range(len(elts)):
            if isinstance(elts[i], pyast.Starred):
                if star >= 0:
                    raise self.error("multiple starred expressions in "
                                     "assignment", target)
                star = i
        if star < 0:
            self.emit(UNPACK_SEQUENCE, len(elts))
        else:
            after = len(elts) - star - 1
            if star >= 256 or after >= (1 << 24):
                raise self.error("too many expressions in star-unpacking "
                                 "assignment", target)
            self.emit(UNPACK_EX, star | (after << 8))
        for elt in elts:
            if isinstance(elt, pyast.Starred):
                self.store(elt.value)
            else:
                self.store(elt)

    # --- expressions ------------------------------------------------------------------

    def visit_Constant(self, node):
        self.load_const(node.value)

    def visit_Name(self, node):
        self.name_op(node.id, CTX_LOAD)

    def visit_Attribute(self, node):
        self.expr(node.value)
        saved = self.lineno
        self.lineno = node.end_lineno
        self.emit(LOAD_ATTR, self.name_arg(self.mangle(node.attr)))
        self.lineno = saved

    def visit_Subscript(self, node):
        self.expr(node.value)
        self.expr(node.slice)
        self.emit(BINARY_SUBSCR, 0)

    def visit_Slice(self, node):
        n = 2
        self.optional(node.lower)
        self.optional(node.upper)
        if node.step is not None:
            self.expr(node.step)
            n = 3
        self.emit(BUILD_SLICE, n)

    def optional(self, node):
        if node is None:
            self.load_none()
        else:
            self.expr(node)

    def visit_BinOp(self, node):
        self.expr(node.left)
        self.expr(node.right)
        self.emit(BINARY_OP, node.op)

    def visit_UnaryOp(self, node):
        self.expr(node.operand)
        self.emit(UNARY_OP, node.op)

    def visit_BoolOp(self, node):
        end = Label()
        if node.op == pyast.BOOL_AND:
            op = JUMP_IF_FALSE_OR_POP
        else:
            op = JUMP_IF_TRUE_OR_POP
        n = len(node.values)
        for i in range(n - 1):
            self.expr(node.values[i])
            self.emit_jump(op, end)
        self.expr(node.values[n - 1])
        self.bind(end)

    def compare_op(self, op):
        if CMP_LT <= op <= CMP_GE:
            self.emit(COMPARE_OP, op)
        elif op == pyast.CMP_IS:
            self.emit(IS_OP, 0)
        elif op == pyast.CMP_IS_NOT:
            self.emit(IS_OP, 1)
        elif op == pyast.CMP_IN:
            self.emit(CONTAINS_OP, 0)
        else:
            self.emit(CONTAINS_OP, 1)

    def visit_Compare(self, node):
        self.expr(node.left)
        n = len(node.ops)
        if n == 1:
            self.expr(node.comparators[0])
            self.compare_op(node.ops[0])
            return
        cleanup = Label()
        end = Label()
        for i in range(n - 1):
            self.expr(node.comparators[i])
            self.emit(SWAP, 2)
            self.emit(COPY, 2)
            self.compare_op(node.ops[i])
            self.emit_jump(JUMP_IF_FALSE_OR_POP, cleanup)
        self.expr(node.comparators[n - 1])
        self.compare_op(node.ops[n - 1])
        self.emit_jump(JUMP, end)
        self.bind(cleanup)
        self.emit(SWAP, 2)
        self.emit(POP_TOP, 0)
        self.bind(end)

    def visit_IfExp(self, node):
        orelse = Label()
        end = Label()
        self.jump_if(node.test, False, orelse)
        self.expr(node.body)
        self.emit_jump(JUMP, end)
        self.bind(orelse)
        self.expr(node.orelse)
        self.bind(end)

    def visit_Starred(self, node):
        raise self.error("can't use starred expression here", node)

    def visit_Yield(self, node):
        if not self.unit.is_function():
            raise self.error("'yield' outside function", node)
        self.optional(node.value)
        self.emit(YIELD_VALUE, 0)

    def visit_YieldFrom(self, node):
        if not self.unit.is_function():
            raise self.error("'yield' outside function", node)
        self.expr(node.value)
        self.emit(GET_YIELD_FROM_ITER, 0)
        self.load_none()
        self.emit(YIELD_FROM, 0)

    # --- displays -----------------------------------------------------------------------

    def visit_Tuple(self, node):
        if all_constants(node.elts):
            items = []
            for elt in node.elts:
                assert isinstance(elt, pyast.Constant)
                items.append(elt.value)
            self.load_const(const_tuple(items))
            return
        if has_starred(node.elts):
            self.starred_sequence(node.elts, BUILD_LIST, LIST_APPEND,
                                  LIST_EXTEND)
            self.emit(LIST_TO_TUPLE, 0)
            return
        for elt in node.elts:
            self.expr(elt)
        self.emit(BUILD_TUPLE, len(node.elts))

    def visit_List(self, node):
        if has_starred(node.elts):
            self.starred_sequence(node.elts, BUILD_LIST, LIST_APPEND,
                                  LIST_EXTEND)
            return
        for elt in node.elts:
            self.expr(elt)
        self.emit(BUILD_LIST, len(node.elts))

    def visit_Set(self, node):
        if has_starred(node.elts):
            self.starred_sequence(node.elts, BUILD_SET, SET_ADD, SET_UPDATE)
            return
        for elt in node.elts:
            self.expr(elt)
        self.emit(BUILD_SET, len(node.elts))

    def starred_sequence(self, elts, build, add, extend):
        """A display with `*x` items: build from the items before the
        first star, then add or extend item by item."""
        first_star = 0
        while not isinstance(elts[first_star], pyast.Starred):
            self.expr(elts[first_star])
            first_star += 1
        self.emit(build, first_star)
        for i in range(first_star, len(elts)):
            elt = elts[i]
            if isinstance(elt, pyast.Starred):
                self.expr(elt.value)
                self.emit(extend, 1)
            else:
                self.expr(elt)
                self.emit(add, 1)

    def visit_Dict(self, node):
        """CPython's compiler_dict: runs of `k: v` items become BUILD_MAP
        (or BUILD_CONST_KEY_MAP) chunks, merged with DICT_UPDATE, as are
        `**m` items."""
        n = len(node.keys)
        start = 0
        have_dict = False
        for i in range(n):
            if node.keys[i] is None:
                if i > start:
                    self.subdict(node, start, i)
                    if have_dict:
                        self.emit(DICT_UPDATE, 1)
                    have_dict = True
                if not have_dict:
                    self.emit(BUILD_MAP, 0)
                    have_dict = True
                self.expr(node.values[i])
                self.emit(DICT_UPDATE, 1)
                start = i + 1
            elif (i + 1 - start) * 2 > STACK_USE_GUIDELINE:
                self.subdict(node, start, i + 1)
                if have_dict:
                    self.emit(DICT_UPDATE, 1)
                have_dict = True
                start = i + 1
        if n > start:
            self.subdict(node, start, n)
            if have_dict:
                self.emit(DICT_UPDATE, 1)
            have_dict = True
        if not have_dict:
            self.emit(BUILD_MAP, 0)

    def subdict(self, node, begin, end):
        n = end - begin
        if n > 1 and self.constant_keys(node, begin, end):
            keys = []
            for i in range(begin, end):
                self.expr(node.values[i])
                key = node.keys[i]
                assert isinstance(key, pyast.Constant)
                keys.append(key.value)
            self.load_const(const_tuple(keys))
            self.emit(BUILD_CONST_KEY_MAP, n)
            return
        for i in range(begin, end):
            self.expr(node.keys[i])
            self.expr(node.values[i])
        self.emit(BUILD_MAP, n)

    def constant_keys(self, node, begin, end):
        for i in range(begin, end):
            if not isinstance(node.keys[i], pyast.Constant):
                return False
        return True

    def visit_JoinedStr(self, node):
        n = len(node.values)
        if n == 0:
            self.load_const(const_str(''))
            return
        for value in node.values:
            self.expr(value)
        if n > 1:
            self.emit(BUILD_STRING, n)

    def visit_FormattedValue(self, node):
        self.expr(node.value)
        flags = FVC_NONE
        if node.conversion == ord('s'):
            flags = FVC_STR
        elif node.conversion == ord('r'):
            flags = FVC_REPR
        elif node.conversion == ord('a'):
            flags = FVC_ASCII
        if node.format_spec is not None:
            self.expr(node.format_spec)
            flags |= FVS_HAVE_SPEC
        self.emit(FORMAT_VALUE, flags)

    # --- calls ----------------------------------------------------------------------------

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, pyast.Attribute) and len(node.keywords) == 0 \
                and not has_starred(node.args):
            self.expr(func.value)
            saved = self.lineno
            self.lineno = func.end_lineno
            self.emit(LOAD_METHOD, self.name_arg(self.mangle(func.attr)))
            self.lineno = saved
            for arg in node.args:
                self.expr(arg)
            self.emit(CALL_METHOD, len(node.args))
            return
        self.expr(func)
        self.call_helper(0, node.args, node.keywords)

    def call_helper(self, prefix, args, keywords):
        """Call the callable below `prefix` pushed positional arguments
        with `args` and `keywords` (CPython's compiler_call_helper)."""
        if has_starred(args) or has_double_star(keywords):
            self.call_ex(prefix, args, keywords)
            return
        for arg in args:
            self.expr(arg)
        if len(keywords) == 0:
            self.emit(CALL, prefix + len(args))
            return
        names = []
        for kw in keywords:
            self.expr(kw.value)
            names.append(const_str(kw.arg))
        self.load_const(const_tuple(names))
        self.emit(CALL_KW, prefix + len(args) + len(keywords))

    def call_ex(self, prefix, args, keywords):
        self.emit(BUILD_LIST, prefix)
        for arg in args:
            if isinstance(arg, pyast.Starred):
                self.expr(arg.value)
                self.emit(LIST_EXTEND, 1)
            else:
                self.expr(arg)
                self.emit(LIST_APPEND, 1)
        self.emit(LIST_TO_TUPLE, 0)
        if len(keywords) == 0:
            self.emit(CALL_EX, 0)
            return
        self.emit(BUILD_MAP, 0)
        start = 0
        n = len(keywords)
        for i in range(n + 1):
            if i < n and keywords[i].arg is not None:
                continue
            if i > start:
                for k in range(start, i):
                    self.load_const(const_str(keywords[k].arg))
                    self.expr(keywords[k].value)
                self.emit(BUILD_MAP, i - start)
                self.emit(DICT_MERGE, 1)
            if i < n:
                self.expr(keywords[i].value)
                self.emit(DICT_MERGE, 1)
            start = i + 1
        self.emit(CALL_EX, CALL_EX_KWARGS)

    # --- comprehensions --------------------------------------------------------------

    def visit_ListComp(self, node):
        self.comprehension(node, '<listcomp>', node.generators, node.elt,
                           None, BUILD_LIST)

    def visit_SetComp(self, node):
        self.comprehension(node, '<setcomp>', node.generators, node.elt,
                           None, BUILD_SET)

    def visit_DictComp(self, node):
        self.comprehension(node, '<dictcomp>', node.generators, node.key,
                           node.value, BUILD_MAP)

    def visit_GeneratorExp(self, node):
        self.comprehension(node, '<genexpr>', node.generators, node.elt,
                           None, -1)

    def comprehension(self, node, name, generators, elt, value, build):
        """A comprehension is a function of one argument, the iterator of
        its first iterable, called at once.  `build` is the collection's
        BUILD_* opcode, -1 for a generator expression."""
        saved = self.lineno
        self.set_line(node)
        unit = self.enter_unit(node, name, node.lineno)
        unit.argcount = 1
        self.var_arg(pysymtable.COMPREHENSION_ARG)
        unit.flags |= CO_OPTIMIZED | CO_NEWLOCALS
        self.cell_arguments()
        if build >= 0:
            self.emit(build, 0)
        self.comprehension_generator(generators, 0, elt, value, build)
        if build < 0:
            self.load_none()
        self.emit(RETURN_VALUE, 0)
        code = self.finish_function()
        self.make_closure(code, 0)
        self.expr(generators[0].iter)
        self.set_line(node)
        self.emit(GET_ITER, 0)
        self.emit(CALL, 1)
        self.lineno = saved

    def comprehension_generator(self, generators, index, elt, value, build):
        gen = generators[index]
        top = Label()
        end = Label()
        if index == 0:
            self.emit(LOAD_FAST, self.var_arg(pysymtable.COMPREHENSION_ARG))
        else:
            self.expr(gen.iter)
            self.emit(GET_ITER, 0)
        self.bind(top)
        self.emit_jump(FOR_ITER, end)
        self.store(gen.target)
        for cond in gen.ifs:
            self.jump_if(cond, False, top)
        if index + 1 < len(generators):
            self.comprehension_generator(generators, index + 1, elt, value,
                                         build)
        else:
            self.comprehension_element(len(generators), elt, value, build)
        self.emit_jump(JUMP, top)
        self.bind(end)

    def comprehension_element(self, depth, elt, value, build):
        """The innermost step: add to the collection, which sits below
        the `depth` iterators, or yield."""
        if build < 0:
            self.expr(elt)
            self.emit(YIELD_VALUE, 0)
            self.emit(POP_TOP, 0)
        elif build == BUILD_MAP:
            self.expr(elt)
            self.expr(value)
            self.emit(MAP_ADD, depth + 1)
        elif build == BUILD_SET:
            self.expr(elt)
            self.emit(SET_ADD, depth + 1)
        else:
            self.expr(elt)
            self.emit(LIST_APPEND, depth + 1)

    # --- fallbacks ------------------------------------------------------------------------

    def default_visitor(self, node):
        raise InternalCompilerError("cannot compile %s" % node.node_name())


def pick(ctx, load, store, delete):
    if ctx == CTX_LOAD:
        return load
    if ctx == CTX_STORE:
        return store
    return delete


def all_constants(elts):
    if len(elts) == 0:
        return True
    for elt in elts:
        if not isinstance(elt, pyast.Constant):
            return False
    return True


def has_starred(elts):
    for elt in elts:
        if isinstance(elt, pyast.Starred):
            return True
    return False


def has_double_star(keywords):
    for kw in keywords:
        if kw.arg is None:
            return True
    return False


# ---------------------------------------------------------------------------
# Entry points.

def compile_module(tree, source, filename):
    """The PyCode of a parsed module; raises PySyntaxError for the errors
    only the compiler finds (scopes, 'break' outside loop, ...)."""
    table = pysymtable.build(tree, source, filename)
    return Compiler(table, source, filename).compile_module(tree)


def compile_source(source, filename):
    """Parse and compile `source` (UTF-8 bytes)."""
    from_source = pyparser.prepare_source(source)
    tree = pyparser.parse_tokens(pyparser.tokenize(from_source, filename),
                                 from_source, filename)
    return compile_module(tree, from_source, filename)
