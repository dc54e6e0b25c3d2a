"""pyinterp: frames, the dispatch loop, calls, generators, classes, imports.

Where this sits: pyvm.py compiles the script with the front end
(pycompiler.compile_source -> PyCode) and asks `interp.run_module`; this
module executes PyCode's word code (documented in pyopcodes.py) on the
objects of the object space (pyspace.py).

* `Frame`: a code object's activation -- fast locals, the value stack,
  cells, globals and (for module and class bodies) a locals dict.  It is
  declared `_virtualizable_` for the JIT.
* `Interpreter.execute_frame` is the JIT's portal: greens `pc` and `code`,
  red `frame` (and the interpreter); `can_enter_jit` at backward jumps.
  Each opcode is a small method; the loop dispatches on the opcode with an
  if-chain (green in a trace, so it folds away).
* Exceptions: an OperationError raised by an instruction is looked up in
  the code's exception table (pyopcodes.find_handler); with no handler it
  leaves the frame, which records a traceback entry (code, line) on the
  exception object first (not for RERAISE or a bare `raise`, as CPython).
* Calls of Python functions bind arguments to a new frame (CPython's rules
  and messages); a code with CO_GENERATOR gives a generator instead, whose
  frame is resumed by `send`/`next` until it yields or returns.
* `__build_class__`, zero-argument `super()`, `globals()`, `locals()` and
  imports (built-in modules, then `NAME.py` next to the importing file)
  live here because they need frames.

The interpreter installs itself as `space.interp` (pyspace.InterpHook).
"""

import os

from rlib.jit import JitDriver, promote, elidable, hint, we_are_jitted
from rlib.objectmodel import we_are_translated

import pycode
from pycode import (PyCode, CONST_NONE, CONST_TRUE, CONST_FALSE,
                    CONST_ELLIPSIS, CONST_INT, CONST_LONG, CONST_FLOAT,
                    CONST_STR, CONST_BYTES, CONST_TUPLE, CONST_CODE,
                    CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR)
from pyopcodes import *          # the opcode constants
from pyopcodes import (find_handler, EXC_TARGET, EXC_DEPTH, EXC_LASTI,
                       FVC_MASK, FVC_STR, FVC_REPR, FVC_ASCII, FVS_HAVE_SPEC,
                       MF_DEFAULTS, MF_KWDEFAULTS, MF_CLOSURE, CALL_EX_KWARGS,
                       OPNAMES)
import pylong
from pyobjects import (W_Root, OperationError, operation_error, Arguments,
                       W_TypeObject, W_InstanceObject, W_BaseExceptionObject,
                       W_FunctionObject, W_MethodObject, W_BuiltinFunction,
                       W_CellObject, W_SuperObject, W_ModuleObject,
                       W_SliceObject, W_StaticMethod, W_ClassMethod,
                       check_args, args0, args1, args2, args3)
from pyspace import space, InterpHook
from pyint import W_IntObject
from pystr import W_StrObject, W_BytesObject, ascii_repr
from pylist import W_ListObject, W_TupleObject, list_extend_w
from pydict import W_DictObject, W_SetObject, dict_update_from
import pytypes
import pyformat
import pybuiltins
import pymodules
import pycompiler
import pytokenizer

RECURSION_LIMIT = 1000


class W_CodeObject(W_Root):
    """A code object as a Python value (a constant of MAKE_FUNCTION)."""

    _immutable_fields_ = ['code']

    def __init__(self, code):
        self.code = code

    def getclass(self, space):
        return space.w_code

    def op_repr(self, space):
        return "<code object %s at 0x%s, file \"%s\", line %d>" % (
            self.code.co_name, space.address_hex(self), self.code.co_filename,
            self.code.co_firstlineno)


class CodeInfo(object):
    """What the interpreter derives from a PyCode once (kept in its
    `w_consts` slot): the constants as objects and the names as str
    objects (their hashes cached)."""

    _immutable_fields_ = ['consts_w[*]', 'names_w[*]', 'ncellvars',
                          'nfreevars', 'varnames_w[*]']

    def __init__(self, consts_w, names_w, varnames_w, ncellvars, nfreevars):
        self.consts_w = consts_w
        self.names_w = names_w
        self.varnames_w = varnames_w
        self.ncellvars = ncellvars
        self.nfreevars = nfreevars


def const_to_object(c):
    kind = c.kind
    if kind == CONST_NONE:
        return space.w_None
    if kind == CONST_TRUE:
        return space.w_True
    if kind == CONST_FALSE:
        return space.w_False
    if kind == CONST_ELLIPSIS:
        return space.w_Ellipsis
    if kind == CONST_INT:
        return space.newint(c.intval)
    if kind == CONST_LONG:
        text = c.strval
        assert text is not None
        negative = len(text) > 0 and text[0] == '-'
        if negative:
            text = text[1:]
        num = pylong.fromstr(text, 10)
        if negative:
            num = num.neg()
        return space.newlong(num)
    if kind == CONST_FLOAT:
        return space.newfloat(c.floatval)
    if kind == CONST_STR:
        text = c.strval
        assert text is not None
        return space.newtext(text)
    if kind == CONST_BYTES:
        data = c.strval
        assert data is not None
        return space.newbytes(data)
    if kind == CONST_TUPLE:
        items_w = []
        for item in c.items:
            items_w.append(const_to_object(item))
        return space.newtuple(items_w)
    assert kind == CONST_CODE
    return W_CodeObject(c.code)


@elidable
def code_info(code):
    """The CodeInfo of a code object (made by ensure_code_info before the
    code first runs; a code object never changes after that)."""
    info = code.w_consts
    assert info is not None
    return info


def ensure_code_info(code):
    if code.w_consts is None:
        code.w_consts = make_code_info(code)


def make_code_info(code):
    consts_w = []
    for c in code.co_consts:
        consts_w.append(const_to_object(c))
    names_w = []
    for name in code.co_names:
        w_name = space.newtext(name)
        space.hash_w(w_name)
        names_w.append(w_name)
    varnames_w = []
    for name in code.co_varnames:
        varnames_w.append(space.newtext(name))
    return CodeInfo(consts_w, names_w, varnames_w, len(code.co_cellvars),
                    len(code.co_freevars))


# ---------------------------------------------------------------------------
# Frames

UNSET_CELL = W_CellObject(None)


class Frame(object):
    """The activation of a code object."""

    _virtualizable_ = ['pc', 'stackdepth', 'locals_w[*]', 'valuestack_w[*]']

    def __init__(self, code, w_globals, w_locals):
        self.code = code
        self.w_globals = w_globals
        self.w_locals = w_locals
        self.locals_w = [None] * len(code.co_varnames)
        self.valuestack_w = [None] * (code.co_stacksize + 2)
        self.stackdepth = 0
        self.pc = 0
        # filled by Interpreter.init_cells; typed by a prebuilt cell from
        # the start (the annotator rejects attribute writes on list items
        # that are None so far: /tmp/lathe-bugs/setattr_none_sofar.py)
        ncells = len(code.co_cellvars) + len(code.co_freevars)
        if ncells == 0:
            self.cells = None
        else:
            self.cells = [UNSET_CELL] * ncells
        self.f_back = None
        self.w_result = None
        self.yielded = False
        self.reraising = False
        self.w_pending = None
        self.w_generator = None

    def push(self, w_value):
        depth = self.stackdepth
        self.valuestack_w[depth] = w_value
        self.stackdepth = depth + 1

    def pop(self):
        depth = self.stackdepth - 1
        w_value = self.valuestack_w[depth]
        self.valuestack_w[depth] = None
        self.stackdepth = depth
        return w_value

    def top(self):
        return self.valuestack_w[self.stackdepth - 1]

    def peek(self, n):
        """The item n below the top (peek(0) is the top)."""
        return self.valuestack_w[self.stackdepth - 1 - n]

    def settop(self, w_value):
        self.valuestack_w[self.stackdepth - 1] = w_value

    def popn(self, n):
        """The top n items, bottom first, removed from the stack."""
        depth = self.stackdepth - n
        result = [None] * n
        i = 0
        while i < n:
            result[i] = self.valuestack_w[depth + i]
            self.valuestack_w[depth + i] = None
            i += 1
        self.stackdepth = depth
        return result

    def drop_to(self, depth):
        while self.stackdepth > depth:
            self.pop()

    def lineno(self):
        return self.code.line_of(self.pc)


def get_location(pc, code):
    if pc < 0 or 2 * pc >= len(code.co_code):
        return "%s:%d" % (code.co_name, pc)
    return "%s:%d %s (line %d)" % (code.co_name, pc,
                                   OPNAMES[code.co_code[2 * pc]],
                                   code.line_of(pc))


driver = JitDriver(greens=['pc', 'code'], reds=['frame', 'interp'],
                   virtualizables=['frame'],
                   get_printable_location=get_location, name='pyvm',
                   is_recursive=True)


def is_call(op):
    return op == CALL or op == CALL_KW or op == CALL_METHOD or op == CALL_EX


def dispatch_loop(interp, frame):
    """The JIT's portal: run frame's instructions from frame.pc until
    the frame returns or yields (frame.w_result)."""
    # (hint(frame, access_directly=True) once the translator supports it)
    code = frame.code
    pc = frame.pc
    if frame.w_pending is not None:
        pc = interp.throw_into(frame, code, pc)
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame, interp=interp)
        prev = pc
        try:
            pc = interp.dispatch(frame, code, pc)
        except OperationError as operr:
            pc = interp.handle_error(frame, code, prev, operr)
        except RecursionError:
            # the machine stack ran out in RPy code (a deeply nested repr,
            # say): a Python RecursionError, as CPython raises
            pc = interp.handle_error(frame, code, prev, space.error(
                space.w_RecursionError, "maximum recursion depth exceeded"))
        if pc < 0:
            return frame.w_result
        if pc <= prev:
            driver.can_enter_jit(pc=pc, code=code, frame=frame,
                                 interp=interp)


# ---------------------------------------------------------------------------
# Generators


class W_GeneratorObject(W_Root):
    """A suspended generator frame.  `frame` is None once finished."""

    def __init__(self, frame, name, qualname):
        self.frame = frame
        self.name = name
        self.qualname = qualname
        self.started = False
        self.running = False
        self.w_return_value = None
        # made by `for x in f():` (a call's result straight into GET_ITER):
        # nothing else refers to it, see Interpreter.close_temporary
        self.temporary = False

    def getclass(self, space):
        return space.w_generator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        return space.interp.gen_resume(self, space.w_None, None)

    def op_repr(self, space):
        return "<generator object %s at 0x%s>" % (self.qualname,
                                                  space.address_hex(self))


# ---------------------------------------------------------------------------
# The interpreter


class Interpreter(InterpHook):
    def __init__(self):
        self.depth = 0
        self.topframe = None
        self.w_current_exc = None
        self.script_dir = "."

    # -- calling functions -------------------------------------------------

    def call_function(self, w_func, args):
        code = w_func.code
        frame = Frame(code, w_func.w_globals, None)
        self.bind_arguments(frame, w_func, args)
        self.init_cells(frame, w_func)
        if code.co_flags & CO_GENERATOR:
            return W_GeneratorObject(frame, w_func.name, w_func.qualname)
        return self.execute_frame(frame)

    def init_cells(self, frame, w_func):
        code = frame.code
        ncell = len(code.co_cellvars)
        nfree = len(code.co_freevars)
        if ncell + nfree == 0:
            return
        cells = frame.cells
        i = 0
        while i < ncell:
            cells[i] = W_CellObject(None)
            i += 1
        closure = w_func.closure
        i = 0
        while i < nfree:
            if i < len(closure):
                cells[ncell + i] = closure[i]
            else:
                cells[ncell + i] = W_CellObject(None)
            i += 1

    def bind_arguments(self, frame, w_func, args):
        code = frame.code
        locals_w = frame.locals_w
        args_w = args.args_w
        argcount = code.co_argcount
        n = len(args_w)
        flags = code.co_flags
        if n == argcount and code.co_kwonlyargcount == 0 and \
                not args.has_keywords() and \
                flags & (CO_VARARGS | CO_VARKEYWORDS) == 0:
            i = 0
            while i < n:
                locals_w[i] = args_w[i]
                i += 1
            return
        self.bind_arguments_slow(frame, w_func, args)

    def bind_arguments_slow(self, frame, w_func, args):
        code = frame.code
        locals_w = frame.locals_w
        args_w = args.args_w
        argcount = code.co_argcount
        kwonly = code.co_kwonlyargcount
        flags = code.co_flags
        n = len(args_w)
        nextra = argcount + kwonly
        if n > argcount:
            if flags & CO_VARARGS == 0:
                raise self.too_many_positional(w_func, n, args)
            i = 0
            while i < argcount:
                locals_w[i] = args_w[i]
                i += 1
            locals_w[nextra] = space.newtuple(args_w[argcount:])
        else:
            i = 0
            while i < n:
                locals_w[i] = args_w[i]
                i += 1
            if flags & CO_VARARGS:
                locals_w[nextra] = space.w_empty_tuple
        w_kwdict = None
        if flags & CO_VARKEYWORDS:
            w_kwdict = space.newdict()
            index = nextra
            if flags & CO_VARARGS:
                index += 1
            locals_w[index] = w_kwdict
        if args.keywords is not None:
            self.bind_keywords(frame, w_func, args, w_kwdict)
        self.fill_defaults(frame, w_func, n)

    def bind_keywords(self, frame, w_func, args, w_kwdict):
        code = frame.code
        locals_w = frame.locals_w
        posonly = code.co_posonlyargcount
        limit = code.co_argcount + code.co_kwonlyargcount
        k = 0
        while k < len(args.keywords):
            name = args.keywords[k]
            w_value = args.keywords_w[k]
            index = -1
            i = posonly
            while i < limit:
                if code.co_varnames[i] == name:
                    index = i
                    break
                i += 1
            if index >= 0:
                if locals_w[index] is not None:
                    raise space.error(space.w_TypeError,
                                      "%s() got multiple values for argument "
                                      "'%s'" % (w_func.qualname, name))
                locals_w[index] = w_value
            elif w_kwdict is not None:
                space.setitem(w_kwdict, space.newtext(name), w_value)
            else:
                i = 0
                while i < posonly:
                    if code.co_varnames[i] == name:
                        raise space.error(
                            space.w_TypeError,
                            "%s() got some positional-only arguments passed "
                            "as keyword arguments: '%s'" % (w_func.qualname,
                                                            name))
                    i += 1
                raise space.error(space.w_TypeError,
                                  "%s() got an unexpected keyword argument "
                                  "'%s'" % (w_func.qualname, name))
            k += 1

    def fill_defaults(self, frame, w_func, n):
        code = frame.code
        locals_w = frame.locals_w
        argcount = code.co_argcount
        defaults_w = w_func.defaults_w
        ndefaults = len(defaults_w)
        missing = []
        i = n
        while i < argcount:
            if locals_w[i] is None:
                d = i - (argcount - ndefaults)
                if d >= 0:
                    locals_w[i] = defaults_w[d]
                else:
                    missing.append(code.co_varnames[i])
            i += 1
        if len(missing) > 0:
            raise self.missing_arguments(w_func, missing, "positional")
        i = argcount
        while i < argcount + code.co_kwonlyargcount:
            if locals_w[i] is None:
                w_default = None
                if w_func.w_kwdefaults is not None:
                    w_default = space.finditem_str(w_func.w_kwdefaults,
                                                   code.co_varnames[i])
                if w_default is not None:
                    locals_w[i] = w_default
                else:
                    missing.append(code.co_varnames[i])
            i += 1
        if len(missing) > 0:
            raise self.missing_arguments(w_func, missing, "keyword-only")

    def missing_arguments(self, w_func, names, kind):
        quoted = []
        for name in names:
            quoted.append("'" + name + "'")
        if len(quoted) == 1:
            text = quoted[0]
        elif len(quoted) == 2:
            text = quoted[0] + " and " + quoted[1]
        else:
            text = ", ".join(quoted[:len(quoted) - 1]) + ", and " + \
                quoted[len(quoted) - 1]
        plural = "s"
        if len(names) == 1:
            plural = ""
        return space.error(space.w_TypeError,
                           "%s() missing %d required %s argument%s: %s" %
                           (w_func.qualname, len(names), kind, plural, text))

    def too_many_positional(self, w_func, n, args):
        code = w_func.code
        argcount = code.co_argcount
        ndefaults = len(w_func.defaults_w)
        if ndefaults > 0:
            takes = "from %d to %d positional arguments" % (
                argcount - ndefaults, argcount)
        elif argcount == 1:
            takes = "1 positional argument"
        else:
            takes = "%d positional arguments" % argcount
        given = "were"
        if n == 1:
            given = "was"
        return space.error(space.w_TypeError,
                           "%s() takes %s but %d %s given" %
                           (w_func.qualname, takes, n, given))

    # -- the dispatch loop -------------------------------------------------

    def current_exception(self):
        return self.w_current_exc

    def execute_frame(self, frame):
        """Run `frame` from frame.pc until it returns or yields; the
        result (or the yielded value) comes back."""
        if self.depth >= space.interp_recursion_limit:
            raise space.error(space.w_RecursionError,
                              "maximum recursion depth exceeded")
        self.depth += 1
        frame.f_back = self.topframe
        self.topframe = frame
        try:
            return dispatch_loop(self, frame)
        finally:
            self.topframe = frame.f_back
            self.depth -= 1

    def throw_into(self, frame, code, pc):
        """Resume a generator frame by raising frame.w_pending at the
        instruction where it was suspended."""
        w_exc = frame.w_pending
        frame.w_pending = None
        operr = operation_error(w_exc)
        at = pc - 1
        if at >= 0 and code.co_code[2 * at] != YIELD_VALUE and \
                code.co_code[2 * pc] == YIELD_FROM:
            at = pc
        return self.handle_error(frame, code, at, operr)

    def handle_error(self, frame, code, pc, operr):
        """Find the handler of instruction pc for operr; its index, or the
        error leaves the frame."""
        w_exc = operr.w_value
        assert isinstance(w_exc, W_BaseExceptionObject)
        if frame.reraising:
            frame.reraising = False
        else:
            w_exc.add_traceback(code, code.line_of(pc))
            self.set_context(w_exc)
        entry = find_handler(code.co_exctable, pc)
        if entry < 0:
            frame.pc = pc
            raise operr
        table = code.co_exctable
        depth = table[entry + EXC_DEPTH]
        while frame.stackdepth > depth:
            w_top = frame.pop()
            if isinstance(w_top, W_GeneratorObject) and w_top.temporary:
                self.close_temporary(w_top)
        if table[entry + EXC_LASTI]:
            frame.push(space.newint(pc))
        frame.push(w_exc)
        return table[entry + EXC_TARGET]

    def set_context(self, w_exc):
        """CPython's implicit chaining: an exception raised while another
        is being handled gets it as __context__ (once)."""
        w_current = self.w_current_exc
        if w_current is None or w_current is w_exc or \
                w_exc.w_context is not None:
            return
        # avoid cycles: cut the chain where it reaches w_exc
        w_x = w_current
        while isinstance(w_x, W_BaseExceptionObject):
            w_next = w_x.w_context
            if w_next is w_exc:
                w_x.w_context = None
                break
            w_x = w_next
        w_exc.w_context = w_current

    def dispatch(self, frame, code, pc):
        """Execute the instruction at pc; the next pc, or -1 when the frame
        returns or yields (frame.w_result)."""
        op = code.co_code[2 * pc]
        arg = code.co_code[2 * pc + 1]
        next_pc = pc + 1
        if op == LOAD_FAST:
            self.LOAD_FAST(frame, arg)
        elif op == STORE_FAST:
            frame.locals_w[arg] = frame.pop()
        elif op == LOAD_CONST:
            frame.push(code_info(code).consts_w[arg])
        elif op == LOAD_GLOBAL:
            self.LOAD_GLOBAL(frame, code, arg)
        elif op == BINARY_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(space.binop(arg, w_a, w_b))
        elif op == COMPARE_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(space.compare(arg, w_a, w_b))
        elif op == POP_JUMP_IF_FALSE:
            if not space.is_true(frame.pop()):
                return arg
        elif op == POP_JUMP_IF_TRUE:
            if space.is_true(frame.pop()):
                return arg
        elif op == JUMP:
            return arg
        elif op == FOR_ITER:
            return self.FOR_ITER(frame, arg, next_pc)
        elif op == LOAD_ATTR:
            w_obj = frame.pop()
            frame.push(space.getattr_str(w_obj, code.co_names[arg]))
        elif op == STORE_ATTR:
            w_obj = frame.pop()
            w_value = frame.pop()
            space.setattr_str(w_obj, code.co_names[arg], w_value)
        elif op == LOAD_METHOD:
            self.LOAD_METHOD(frame, code, arg)
        elif op == CALL_METHOD:
            self.CALL_METHOD(frame, arg)
        elif op == CALL:
            self.CALL(frame, arg)
        elif op == RETURN_VALUE:
            frame.w_result = frame.pop()
            frame.yielded = False
            return -1
        elif op == POP_TOP:
            w_top = frame.pop()
            if isinstance(w_top, W_GeneratorObject) and w_top.temporary:
                self.close_temporary(w_top)
        elif op == BINARY_SUBSCR:
            w_key = frame.pop()
            w_obj = frame.pop()
            frame.push(space.getitem(w_obj, w_key))
        elif op == STORE_SUBSCR:
            w_key = frame.pop()
            w_obj = frame.pop()
            w_value = frame.pop()
            space.setitem(w_obj, w_key, w_value)
        elif op == INPLACE_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(space.inplace_binop(arg, w_a, w_b))
        elif op == GET_ITER:
            w_iter = space.iter(frame.pop())
            if isinstance(w_iter, W_GeneratorObject) and pc > 0 and \
                    is_call(code.co_code[2 * pc - 2]):
                w_iter.temporary = True
            frame.push(w_iter)
        elif op == LOAD_DEREF:
            self.LOAD_DEREF(frame, code, arg)
        elif op == STORE_DEREF:
            frame.cells[arg].w_value = frame.pop()
        elif op == UNARY_OP:
            frame.push(space.unaryop(arg, frame.pop()))
        elif op == IS_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(space.newbool(space.is_same(w_a, w_b) != (arg == 1)))
        elif op == CONTAINS_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(space.newbool(space.contains(w_b, w_a) != (arg == 1)))
        elif op == LOAD_NAME:
            self.LOAD_NAME(frame, code, arg)
        elif op == STORE_NAME:
            self.STORE_NAME(frame, code, arg)
        else:
            return self.dispatch2(frame, code, pc, op, arg)
        return next_pc

    def dispatch2(self, frame, code, pc, op, arg):
        """The less frequent opcodes."""
        next_pc = pc + 1
        if op == BUILD_TUPLE:
            frame.push(space.newtuple(frame.popn(arg)))
        elif op == BUILD_LIST:
            frame.push(space.newlist(frame.popn(arg)))
        elif op == LIST_APPEND:
            w_value = frame.pop()
            w_list = frame.peek(arg - 1)
            assert isinstance(w_list, W_ListObject)
            w_list.items_w.append(w_value)
        elif op == JUMP_IF_FALSE_OR_POP:
            if not space.is_true(frame.top()):
                return arg
            frame.pop()
        elif op == JUMP_IF_TRUE_OR_POP:
            if space.is_true(frame.top()):
                return arg
            frame.pop()
        elif op == COPY:
            frame.push(frame.peek(arg - 1))
        elif op == SWAP:
            self.SWAP(frame, arg)
        elif op == UNPACK_SEQUENCE:
            self.UNPACK_SEQUENCE(frame, arg)
        elif op == UNPACK_EX:
            self.UNPACK_EX(frame, arg)
        elif op == BUILD_MAP:
            self.BUILD_MAP(frame, arg)
        elif op == BUILD_CONST_KEY_MAP:
            self.BUILD_CONST_KEY_MAP(frame, arg)
        elif op == BUILD_SET:
            self.BUILD_SET(frame, arg)
        elif op == BUILD_STRING:
            self.BUILD_STRING(frame, arg)
        elif op == BUILD_SLICE:
            self.BUILD_SLICE(frame, arg)
        elif op == FORMAT_VALUE:
            self.FORMAT_VALUE(frame, arg)
        elif op == SET_ADD:
            w_value = frame.pop()
            w_set = frame.peek(arg - 1)
            assert isinstance(w_set, W_SetObject)
            w_set.add(space, w_value)
        elif op == MAP_ADD:
            w_value = frame.pop()
            w_key = frame.pop()
            space.setitem(frame.peek(arg - 1), w_key, w_value)
        elif op == LIST_EXTEND:
            w_iterable = frame.pop()
            w_list = frame.peek(arg - 1)
            assert isinstance(w_list, W_ListObject)
            list_extend_w(space, w_list, w_iterable)
        elif op == SET_UPDATE:
            w_iterable = frame.pop()
            w_set = frame.peek(arg - 1)
            assert isinstance(w_set, W_SetObject)
            w_set.update(space, w_iterable)
        elif op == DICT_UPDATE:
            self.DICT_UPDATE(frame, arg, False)
        elif op == DICT_MERGE:
            self.DICT_UPDATE(frame, arg, True)
        elif op == LIST_TO_TUPLE:
            w_list = frame.pop()
            assert isinstance(w_list, W_ListObject)
            frame.push(space.newtuple(list(w_list.items_w)))
        elif op == CALL_KW:
            self.CALL_KW(frame, arg)
        elif op == CALL_EX:
            self.CALL_EX(frame, arg)
        elif op == MAKE_FUNCTION:
            self.MAKE_FUNCTION(frame, arg)
        elif op == LOAD_CLOSURE:
            frame.push(frame.cells[arg])
        elif op == LOAD_CLASSDEREF:
            self.LOAD_CLASSDEREF(frame, code, arg)
        elif op == DELETE_DEREF:
            self.DELETE_DEREF(frame, code, arg)
        elif op == DELETE_FAST:
            self.DELETE_FAST(frame, code, arg)
        elif op == STORE_GLOBAL:
            space.setitem(frame.w_globals, code_info(code).names_w[arg],
                          frame.pop())
        elif op == DELETE_GLOBAL:
            self.DELETE_GLOBAL(frame, code, arg)
        elif op == DELETE_NAME:
            self.DELETE_NAME(frame, code, arg)
        elif op == DELETE_ATTR:
            space.delattr_str(frame.pop(), code.co_names[arg])
        elif op == DELETE_SUBSCR:
            w_key = frame.pop()
            w_obj = frame.pop()
            space.delitem(w_obj, w_key)
        elif op == LOAD_BUILD_CLASS:
            frame.push(space.w_build_class)
        elif op == NOP:
            pass
        else:
            return self.dispatch3(frame, code, pc, op, arg)
        return next_pc

    def dispatch3(self, frame, code, pc, op, arg):
        """Exceptions, generators, with and imports."""
        next_pc = pc + 1
        if op == PUSH_EXC_INFO:
            w_exc = frame.pop()
            w_prev = self.w_current_exc
            if w_prev is None:
                frame.push(space.w_None)
            else:
                frame.push(w_prev)
            frame.push(w_exc)
            self.w_current_exc = w_exc
        elif op == POP_EXCEPT:
            w_prev = frame.pop()
            if space.is_none(w_prev):
                self.w_current_exc = None
            else:
                self.w_current_exc = w_prev
        elif op == CHECK_EXC_MATCH:
            w_type = frame.pop()
            w_exc = frame.top()
            frame.push(space.newbool(self.exception_match(w_exc, w_type)))
        elif op == RERAISE:
            self.RERAISE(frame, arg)
        elif op == RAISE_VARARGS:
            self.RAISE_VARARGS(frame, arg)
        elif op == LOAD_ASSERTION_ERROR:
            frame.push(space.w_AssertionError)
        elif op == BEFORE_WITH:
            self.BEFORE_WITH(frame)
        elif op == WITH_EXCEPT_START:
            self.WITH_EXCEPT_START(frame)
        elif op == YIELD_VALUE:
            frame.w_result = frame.pop()
            frame.yielded = True
            frame.pc = next_pc
            return -1
        elif op == GET_YIELD_FROM_ITER:
            w_obj = frame.pop()
            if isinstance(w_obj, W_GeneratorObject):
                frame.push(w_obj)
            else:
                frame.push(space.iter(w_obj))
        elif op == YIELD_FROM:
            return self.YIELD_FROM(frame, pc)
        elif op == IMPORT_NAME:
            self.IMPORT_NAME(frame, code, arg)
        elif op == IMPORT_FROM:
            self.IMPORT_FROM(frame, code, arg)
        elif op == IMPORT_STAR:
            self.IMPORT_STAR(frame)
        else:
            raise space.error(space.w_SystemError,
                              "unknown opcode %d" % op)
        return next_pc

    # -- variables -------------------------------------------------------------

    def LOAD_FAST(self, frame, arg):
        w_value = frame.locals_w[arg]
        if w_value is None:
            raise space.error(space.w_UnboundLocalError,
                              "cannot access local variable '%s' where it is "
                              "not associated with a value" %
                              frame.code.co_varnames[arg])
        frame.push(w_value)

    def DELETE_FAST(self, frame, code, arg):
        if frame.locals_w[arg] is None:
            raise space.error(space.w_UnboundLocalError,
                              "cannot access local variable '%s' where it is "
                              "not associated with a value" %
                              code.co_varnames[arg])
        frame.locals_w[arg] = None

    def LOAD_GLOBAL(self, frame, code, arg):
        w_name = code_info(code).names_w[arg]
        w_value = self.lookup_global(frame, w_name)
        if w_value is None:
            raise space.error(space.w_NameError,
                              "name '%s' is not defined" % code.co_names[arg])
        frame.push(w_value)

    def lookup_global(self, frame, w_name):
        w_globals = frame.w_globals
        assert isinstance(w_globals, W_DictObject)
        w_value = w_globals.getitem(space, w_name)
        if w_value is None:
            w_value = space.w_builtins_dict.getitem(space, w_name)
        return w_value

    def DELETE_GLOBAL(self, frame, code, arg):
        w_globals = frame.w_globals
        assert isinstance(w_globals, W_DictObject)
        if not w_globals.delitem(space, code_info(code).names_w[arg]):
            raise space.error(space.w_NameError,
                              "name '%s' is not defined" % code.co_names[arg])

    def LOAD_NAME(self, frame, code, arg):
        w_name = code_info(code).names_w[arg]
        w_locals = frame.w_locals
        w_value = None
        if w_locals is not None and w_locals is not frame.w_globals:
            w_value = space.getitem_or_none(w_locals, w_name)
        if w_value is None:
            w_value = self.lookup_global(frame, w_name)
        if w_value is None:
            raise space.error(space.w_NameError,
                              "name '%s' is not defined" % code.co_names[arg])
        frame.push(w_value)

    def STORE_NAME(self, frame, code, arg):
        w_value = frame.pop()
        w_locals = frame.w_locals
        if w_locals is None:
            w_locals = frame.w_globals
        space.setitem(w_locals, code_info(code).names_w[arg], w_value)

    def DELETE_NAME(self, frame, code, arg):
        w_locals = frame.w_locals
        if w_locals is None:
            w_locals = frame.w_globals
        try:
            space.delitem(w_locals, code_info(code).names_w[arg])
        except OperationError as e:
            if not space.exception_matches(e, space.w_KeyError):
                raise
            raise space.error(space.w_NameError,
                              "name '%s' is not defined" % code.co_names[arg])

    def LOAD_DEREF(self, frame, code, arg):
        w_value = frame.cells[arg].w_value
        if w_value is None:
            raise self.unbound_cell(code, arg)
        frame.push(w_value)

    def unbound_cell(self, code, arg):
        name = code.cell_name(arg)
        if arg < len(code.co_cellvars):
            return space.error(space.w_UnboundLocalError,
                               "cannot access local variable '%s' where it "
                               "is not associated with a value" % name)
        return space.error(space.w_NameError,
                           "cannot access free variable '%s' where it is not "
                           "associated with a value in enclosing scope" % name)

    def DELETE_DEREF(self, frame, code, arg):
        cell = frame.cells[arg]
        if cell.w_value is None:
            raise self.unbound_cell(code, arg)
        cell.w_value = None

    def LOAD_CLASSDEREF(self, frame, code, arg):
        w_name = space.newtext(code.cell_name(arg))
        w_value = None
        if frame.w_locals is not None:
            w_value = space.getitem_or_none(frame.w_locals, w_name)
        if w_value is None:
            w_value = frame.cells[arg].w_value
            if w_value is None:
                raise self.unbound_cell(code, arg)
        frame.push(w_value)

    # -- stack and building ---------------------------------------------------

    def SWAP(self, frame, arg):
        top = frame.stackdepth - 1
        other = top - (arg - 1)
        w_a = frame.valuestack_w[top]
        frame.valuestack_w[top] = frame.valuestack_w[other]
        frame.valuestack_w[other] = w_a

    def UNPACK_SEQUENCE(self, frame, arg):
        items_w = space.unpack_sequence(frame.pop(), arg)
        i = arg - 1
        while i >= 0:
            frame.push(items_w[i])
            i -= 1

    def UNPACK_EX(self, frame, arg):
        before = arg & 0xff
        after = arg >> 8
        items_w = space.listview(frame.pop())
        n = len(items_w)
        if n < before + after:
            raise space.error(space.w_ValueError,
                              "not enough values to unpack (expected at "
                              "least %d, got %d)" % (before + after, n))
        i = n - 1
        while i >= n - after:
            frame.push(items_w[i])
            i -= 1
        frame.push(space.newlist(items_w[before:n - after]))
        i = before - 1
        while i >= 0:
            frame.push(items_w[i])
            i -= 1

    def BUILD_MAP(self, frame, arg):
        items_w = frame.popn(2 * arg)
        w_dict = space.newdict()
        i = 0
        while i < arg:
            space.setitem(w_dict, items_w[2 * i], items_w[2 * i + 1])
            i += 1
        frame.push(w_dict)

    def BUILD_CONST_KEY_MAP(self, frame, arg):
        w_keys = frame.pop()
        keys_w = space.fixedview(w_keys)
        values_w = frame.popn(arg)
        w_dict = space.newdict()
        i = 0
        while i < arg:
            space.setitem(w_dict, keys_w[i], values_w[i])
            i += 1
        frame.push(w_dict)

    def BUILD_SET(self, frame, arg):
        items_w = frame.popn(arg)
        w_set = space.newset(False)
        for w_item in items_w:
            w_set.add(space, w_item)
        frame.push(w_set)

    def BUILD_STRING(self, frame, arg):
        items_w = frame.popn(arg)
        parts = []
        length = 0
        for w_item in items_w:
            assert isinstance(w_item, W_StrObject)
            parts.append(w_item.value)
            length += w_item.length
        frame.push(W_StrObject("".join(parts), length))

    def BUILD_SLICE(self, frame, arg):
        w_step = space.w_None
        if arg == 3:
            w_step = frame.pop()
        w_stop = frame.pop()
        w_start = frame.pop()
        frame.push(W_SliceObject(w_start, w_stop, w_step))

    def FORMAT_VALUE(self, frame, arg):
        spec = ""
        if arg & FVS_HAVE_SPEC:
            spec = space.str_w(frame.pop())
        w_value = frame.pop()
        conv = arg & FVC_MASK
        if conv == FVC_STR:
            w_value = space.str(w_value)
        elif conv == FVC_REPR:
            w_value = space.repr(w_value)
        elif conv == FVC_ASCII:
            w_value = space.newtext(ascii_repr(space.repr_str(w_value)))
        if spec == "" and isinstance(w_value, W_StrObject):
            frame.push(w_value)
        else:
            frame.push(space.format(w_value, spec))

    def DICT_UPDATE(self, frame, arg, merge):
        w_other = frame.pop()
        w_dict = frame.peek(arg - 1)
        assert isinstance(w_dict, W_DictObject)
        w_o = space.unwrap_base(w_other)
        if not isinstance(w_o, W_DictObject) and \
                space.lookup_type_attr(w_other, "keys") is None:
            if merge:
                raise space.error(space.w_TypeError,
                                  "argument after ** must be a mapping, not %s"
                                  % space.type_name(w_other))
            raise space.error(space.w_TypeError,
                              "'%s' object is not a mapping" %
                              space.type_name(w_other))
        if merge:
            for w_key in space.listview(w_other):
                if w_dict.getitem(space, w_key) is not None:
                    raise space.error(space.w_TypeError,
                                      "got multiple values for keyword "
                                      "argument '%s'" % space.str_str(w_key))
                w_dict.setitem(space, w_key, space.getitem(w_other, w_key))
        else:
            dict_update_from(space, w_dict, w_other)

    # -- iteration -------------------------------------------------------------

    def FOR_ITER(self, frame, arg, next_pc):
        w_iter = frame.top()
        w_item = w_iter.op_next(space)
        if w_item is None:
            frame.pop()
            return arg
        frame.push(w_item)
        return next_pc

    # -- attributes and calls ---------------------------------------------------

    def LOAD_METHOD(self, frame, code, arg):
        w_obj = frame.pop()
        name = code.co_names[arg]
        if not isinstance(w_obj, W_TypeObject) and \
                not isinstance(w_obj, W_SuperObject) and \
                not isinstance(w_obj, W_ModuleObject):
            w_type = space.type(w_obj)
            if not w_type.has_user_getattribute:
                w_descr = w_type.lookup(name)
                if (isinstance(w_descr, W_FunctionObject) or
                        (isinstance(w_descr, W_BuiltinFunction) and
                         w_descr.binds)) and \
                        w_obj.getdictvalue(space, name) is None:
                    frame.push(w_descr)
                    frame.push(w_obj)
                    return
        frame.push(None)
        frame.push(space.getattr_str(w_obj, name))

    def CALL_METHOD(self, frame, arg):
        w_meth = frame.peek(arg + 1)
        if w_meth is None:
            w_callable = frame.peek(arg)
            if isinstance(w_callable, W_FunctionObject) and \
                    self.simple_call(w_callable.code, arg):
                self.call_from_stack(frame, w_callable, arg, 1)
                return
            args_w = frame.popn(arg)
            frame.pop()
            frame.pop()
            frame.push(space.call_args(w_callable, Arguments(args_w, None,
                                                             None)))
            return
        if isinstance(w_meth, W_FunctionObject) and \
                self.simple_call(w_meth.code, arg + 1):
            self.call_from_stack(frame, w_meth, arg + 1, 0)
            return
        all_w = frame.popn(arg + 1)
        frame.pop()
        frame.push(space.call_args(w_meth, Arguments(all_w, None, None)))

    def CALL(self, frame, arg):
        w_func = frame.peek(arg)
        if isinstance(w_func, W_FunctionObject) and \
                self.simple_call(w_func.code, arg):
            self.call_from_stack(frame, w_func, arg, 0)
            return
        args_w = frame.popn(arg)
        frame.pop()
        frame.push(space.call_args(w_func, Arguments(args_w, None, None)))

    def simple_call(self, code, nargs):
        """A call that binds nargs positional arguments one to one."""
        return code.co_argcount == nargs and code.co_kwonlyargcount == 0 \
            and code.co_flags & (CO_VARARGS | CO_VARKEYWORDS |
                                 CO_GENERATOR) == 0

    def call_from_stack(self, frame, w_func, nargs, extra):
        """Call w_func with the top nargs stack items as its arguments,
        without building an argument list; pops them, the item below them
        (the callable, or the method for CALL_METHOD) and `extra` more
        (the NULL of CALL_METHOD), then pushes the result."""
        code = w_func.code
        new_frame = Frame(code, w_func.w_globals, None)
        locals_w = new_frame.locals_w
        base = frame.stackdepth - nargs
        i = 0
        while i < nargs:
            locals_w[i] = frame.valuestack_w[base + i]
            i += 1
        frame.drop_to(base - 1 - extra)
        self.init_cells(new_frame, w_func)
        frame.push(self.execute_frame(new_frame))

    def CALL_KW(self, frame, arg):
        w_names = frame.pop()
        names_w = space.fixedview(w_names)
        all_w = frame.popn(arg)
        w_func = frame.pop()
        nkw = len(names_w)
        npos = arg - nkw
        keywords = []
        for w_name in names_w:
            keywords.append(space.str_w(w_name))
        args = Arguments(all_w[:npos], keywords, all_w[npos:])
        frame.push(space.call_args(w_func, args))

    def CALL_EX(self, frame, arg):
        w_kwargs = None
        if arg & CALL_EX_KWARGS:
            w_kwargs = frame.pop()
        w_args = frame.pop()
        w_func = frame.pop()
        args_w = space.listview(w_args)
        keywords = None
        keywords_w = None
        if w_kwargs is not None:
            w_kw = space.unwrap_base(w_kwargs)
            assert isinstance(w_kw, W_DictObject)
            keywords = []
            keywords_w = []
            for w_key in w_kw.live_keys():
                w_k = space.unwrap_base(w_key)
                if not isinstance(w_k, W_StrObject):
                    raise space.error(space.w_TypeError,
                                      "keywords must be strings")
                keywords.append(w_k.value)
                keywords_w.append(w_kw.getitem(space, w_key))
        frame.push(space.call_args(w_func, Arguments(args_w, keywords,
                                                     keywords_w)))

    def MAKE_FUNCTION(self, frame, arg):
        w_code = frame.pop()
        assert isinstance(w_code, W_CodeObject)
        code = w_code.code
        ensure_code_info(code)
        closure = []
        if arg & MF_CLOSURE:
            for w_cell in space.fixedview(frame.pop()):
                assert isinstance(w_cell, W_CellObject)
                closure.append(w_cell)
        w_kwdefaults = None
        if arg & MF_KWDEFAULTS:
            w_kwd = frame.pop()
            assert isinstance(w_kwd, W_DictObject)
            w_kwdefaults = w_kwd
        defaults_w = []
        if arg & MF_DEFAULTS:
            defaults_w = list(space.fixedview(frame.pop()))
        w_func = W_FunctionObject(code, frame.w_globals, defaults_w,
                                  w_kwdefaults, closure, code.co_name,
                                  code.co_qualname)
        doc = code.co_docstring
        if doc is not None:
            w_func.w_doc = space.newtext(doc)
        frame.push(w_func)

    # -- exceptions ------------------------------------------------------------

    def exception_match(self, w_exc, w_type):
        w_exc_type = space.type(w_exc)
        if isinstance(w_type, W_TupleObject):
            for w_t in w_type.items_w:
                if self.exception_match(w_exc, w_t):
                    return True
            return False
        if not isinstance(w_type, W_TypeObject) or \
                not w_type.issubtype(space.w_BaseException):
            raise space.error(space.w_TypeError,
                              "catching classes that do not inherit from "
                              "BaseException is not allowed")
        return w_exc_type.issubtype(w_type)

    def RERAISE(self, frame, arg):
        w_exc = frame.pop()
        frame.reraising = True
        assert isinstance(w_exc, W_BaseExceptionObject)
        raise operation_error(w_exc)

    def RAISE_VARARGS(self, frame, arg):
        if arg == 0:
            w_exc = self.w_current_exc
            if w_exc is None:
                raise space.error(space.w_RuntimeError,
                                  "No active exception to reraise")
            frame.reraising = True
            assert isinstance(w_exc, W_BaseExceptionObject)
            raise operation_error(w_exc)
        w_cause = None
        if arg == 2:
            w_cause = frame.pop()
        w_exc = self.make_exception(frame.pop())
        if w_cause is not None:
            if space.is_none(w_cause):
                w_exc.w_cause = None
            else:
                w_exc.w_cause = self.make_cause(w_cause)
            w_exc.suppress_context = True
        raise operation_error(w_exc)

    def make_exception(self, w_value):
        """The exception object `raise w_value` raises."""
        if isinstance(w_value, W_TypeObject):
            if w_value.issubtype(space.w_BaseException):
                w_value = space.call_function0(w_value)
            else:
                raise space.error(space.w_TypeError,
                                  "exceptions must derive from BaseException")
        if not isinstance(w_value, W_BaseExceptionObject):
            raise space.error(space.w_TypeError,
                              "exceptions must derive from BaseException")
        return w_value

    def make_cause(self, w_cause):
        if isinstance(w_cause, W_TypeObject):
            if w_cause.issubtype(space.w_BaseException):
                return space.call_function0(w_cause)
        if not isinstance(w_cause, W_BaseExceptionObject):
            raise space.error(space.w_TypeError,
                              "exception causes must derive from "
                              "BaseException")
        return w_cause

    def BEFORE_WITH(self, frame):
        w_mgr = frame.pop()
        w_type = space.type(w_mgr)
        w_enter = w_type.lookup("__enter__")
        w_exit = w_type.lookup("__exit__")
        if w_enter is None:
            raise space.error(space.w_TypeError,
                              "'%s' object does not support the context "
                              "manager protocol" % w_type.name)
        if w_exit is None:
            raise space.error(space.w_TypeError,
                              "'%s' object does not support the context "
                              "manager protocol (missed __exit__ method)" %
                              w_type.name)
        frame.push(space.descr_get(w_exit, w_mgr, w_type))
        frame.push(space.call_descr(w_enter, w_mgr, args0()))

    def WITH_EXCEPT_START(self, frame):
        w_exc = frame.top()
        w_exit = frame.peek(3)
        w_tb = space.w_None
        if isinstance(w_exc, W_BaseExceptionObject) and \
                w_exc.w_traceback is not None:
            w_tb = w_exc.w_traceback
        frame.push(space.call_function3(w_exit, space.type(w_exc), w_exc,
                                        w_tb))

    # -- generators -------------------------------------------------------------

    def gen_resume(self, w_gen, w_sent, w_throw):
        """Resume a generator with a sent value (or an exception to throw):
        the next yielded value, or None when it finished (its return value
        in w_gen.w_return_value)."""
        frame = w_gen.frame
        if frame is None:
            if w_throw is not None:
                raise operation_error(w_throw)
            return None
        if w_gen.running:
            raise space.error(space.w_ValueError,
                              "generator already executing")
        if not w_gen.started:
            if w_throw is None and not space.is_none(w_sent):
                raise space.error(space.w_TypeError,
                                  "can't send non-None value to a "
                                  "just-started generator")
            w_gen.started = True
            if w_throw is not None:
                w_gen.frame = None
                raise operation_error(w_throw)
        elif w_throw is None:
            frame.push(w_sent)
        else:
            frame.w_pending = w_throw
        w_gen.running = True
        try:
            w_result = self.execute_frame(frame)
        except OperationError as e:
            w_gen.running = False
            w_gen.frame = None
            if space.exception_matches(e, space.w_StopIteration):
                w_err = W_BaseExceptionObject(
                    space.w_RuntimeError,
                    [space.newtext("generator raised StopIteration")])
                w_err.w_cause = e.w_value
                w_err.w_context = e.w_value
                w_err.suppress_context = True
                raise operation_error(w_err)
            raise
        w_gen.running = False
        if frame.yielded:
            return w_result
        w_gen.frame = None
        w_gen.w_return_value = w_result
        return None

    def gen_send(self, w_gen, w_value):
        w_res = self.gen_resume(w_gen, w_value, None)
        if w_res is None:
            w_ret = w_gen.w_return_value
            w_gen.w_return_value = None
            raise space.stop_iteration(w_ret)
        return w_res

    def gen_throw(self, w_gen, w_exc):
        """gen.throw(exc): delegated to a sub-iterator when suspended in a
        `yield from`."""
        frame = w_gen.frame
        if frame is not None and w_gen.started and not w_gen.running:
            code = frame.code
            pc = frame.pc
            if 2 * pc < len(code.co_code) and \
                    code.co_code[2 * pc] == YIELD_FROM:
                w_inner = frame.top()
                if isinstance(w_inner, W_GeneratorObject):
                    return self.throw_delegated(w_gen, frame, w_inner, w_exc)
        w_res = self.gen_resume(w_gen, space.w_None, w_exc)
        if w_res is None:
            w_ret = w_gen.w_return_value
            w_gen.w_return_value = None
            raise space.stop_iteration(w_ret)
        return w_res

    def throw_delegated(self, w_gen, frame, w_inner, w_exc):
        try:
            if space.type(w_exc).issubtype(space.w_GeneratorExit):
                self.gen_close(w_inner)
                raise operation_error(w_exc)
            w_value = self.gen_throw(w_inner, w_exc)
        except OperationError as e:
            if space.exception_matches(e, space.w_StopIteration):
                # the sub-generator returned: continue after YIELD_FROM
                frame.pop()
                w_stop = e.w_value
                assert isinstance(w_stop, W_BaseExceptionObject)
                w_ret = space.w_None
                if len(w_stop.args_w) > 0:
                    w_ret = w_stop.args_w[0]
                frame.push(w_ret)
                frame.pc += 1
                return self.resume_after_delegation(w_gen)
            return self.gen_throw_at(w_gen, e.w_value)
        return w_value

    def resume_after_delegation(self, w_gen):
        """Continue the frame whose YIELD_FROM just received its result
        (already on the stack)."""
        frame = w_gen.frame
        assert frame is not None
        w_gen.running = True
        try:
            w_result = self.execute_frame(frame)
        except OperationError:
            w_gen.running = False
            w_gen.frame = None
            raise
        w_gen.running = False
        if frame.yielded:
            return w_result
        w_gen.frame = None
        raise space.stop_iteration(w_result)

    def gen_throw_at(self, w_gen, w_exc):
        w_res = self.gen_resume(w_gen, space.w_None, w_exc)
        if w_res is None:
            w_ret = w_gen.w_return_value
            w_gen.w_return_value = None
            raise space.stop_iteration(w_ret)
        return w_res

    def close_temporary(self, w_gen):
        """A generator made for a for loop (`for x in gen():`) that the
        loop leaves early: CPython's reference counting closes it at once
        (its finally blocks run), so we close it here.  Errors are ignored,
        as CPython ignores those of a generator being freed."""
        w_gen.temporary = False
        if w_gen.frame is None:
            return
        try:
            self.gen_close(w_gen)
        except OperationError:
            pass

    def gen_close(self, w_gen):
        if w_gen.frame is None:
            return
        if not w_gen.started:
            w_gen.frame = None
            return
        w_exit = W_BaseExceptionObject(space.w_GeneratorExit, [])
        try:
            w_res = self.gen_throw(w_gen, w_exit)
        except OperationError as e:
            if space.exception_matches(e, space.w_GeneratorExit) or \
                    space.exception_matches(e, space.w_StopIteration):
                w_gen.frame = None
                return
            raise
        raise space.error(space.w_RuntimeError,
                          "generator ignored GeneratorExit")

    def YIELD_FROM(self, frame, pc):
        w_value = frame.pop()
        w_iter = frame.top()
        try:
            if isinstance(w_iter, W_GeneratorObject):
                w_res = self.gen_resume(w_iter, w_value, None)
                if w_res is None:
                    w_ret = w_iter.w_return_value
                    w_iter.w_return_value = None
                    frame.pop()
                    if w_ret is None:
                        w_ret = space.w_None
                    frame.push(w_ret)
                    return pc + 1
            elif space.is_none(w_value):
                w_res = w_iter.op_next(space)
                if w_res is None:
                    frame.pop()
                    frame.push(space.w_None)
                    return pc + 1
            else:
                w_res = space.call_method1(w_iter, "send", w_value)
        except OperationError as e:
            if not space.exception_matches(e, space.w_StopIteration):
                raise
            w_stop = e.w_value
            assert isinstance(w_stop, W_BaseExceptionObject)
            w_ret = space.w_None
            if len(w_stop.args_w) > 0:
                w_ret = w_stop.args_w[0]
            frame.pop()
            frame.push(w_ret)
            return pc + 1
        frame.w_result = w_res
        frame.yielded = True
        frame.pc = pc
        return -1

    # -- imports ----------------------------------------------------------------

    def IMPORT_NAME(self, frame, code, arg):
        w_fromlist = frame.pop()
        w_level = frame.pop()
        name = code.co_names[arg]
        level = space.int_w(w_level)
        fromlist_empty = space.is_none(w_fromlist) or \
            space.len_w(w_fromlist) == 0
        frame.push(pymodules.import_module(self, name, level, fromlist_empty,
                                           frame.w_globals))

    def IMPORT_FROM(self, frame, code, arg):
        w_module = frame.top()
        name = code.co_names[arg]
        w_value = space.getattr_or_none(w_module, name)
        if w_value is None and isinstance(w_module, W_ModuleObject):
            w_value = pymodules.import_submodule(self, w_module, name)
        if w_value is None:
            where = ""
            if isinstance(w_module, W_ModuleObject):
                if w_module.filename != "":
                    where = " (%s)" % w_module.filename
                else:
                    where = " (unknown location)"
                raise space.error(space.w_ImportError,
                                  "cannot import name '%s' from '%s'%s" %
                                  (name, w_module.name, where))
            raise space.error(space.w_ImportError,
                              "cannot import name '%s'" % name)
        frame.push(w_value)

    def IMPORT_STAR(self, frame):
        w_module = frame.pop()
        if not isinstance(w_module, W_ModuleObject):
            raise space.error(space.w_TypeError, "import * of a non-module")
        w_locals = frame.w_locals
        if w_locals is None:
            w_locals = frame.w_globals
        w_all = space.finditem_str(w_module.w_dict, "__all__")
        if w_all is not None:
            for w_name in space.listview(w_all):
                space.setitem(w_locals, w_name,
                              space.getattr(w_module, w_name))
            return
        w_dict = w_module.w_dict
        assert isinstance(w_dict, W_DictObject)
        for w_key in w_dict.live_keys():
            key = space.str_w(w_key)
            if not key.startswith("_"):
                space.setitem(w_locals, w_key, w_dict.getitem(space, w_key))

    # -- running code ---------------------------------------------------------

    def run_module_code(self, code, w_globals):
        """Execute a module's code in its globals dict."""
        ensure_code_info(code)
        frame = Frame(code, w_globals, w_globals)
        return self.execute_frame(frame)

    def run_class_body(self, w_func, w_namespace):
        """Run a class body (the code of w_func) with its own namespace."""
        code = w_func.code
        frame = Frame(code, w_func.w_globals, w_namespace)
        self.init_cells(frame, w_func)
        return self.execute_frame(frame)


interp = Interpreter()
space.interp = interp
