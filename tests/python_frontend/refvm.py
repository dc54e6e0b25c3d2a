#!/usr/bin/env python3
"""refvm: a reference interpreter of the front end's bytecode, on CPython.

    python3 tests/python_frontend/refvm.py SCRIPT [ARGS...]

Test infrastructure, not part of the VM: it compiles SCRIPT with the
front end (pytokenizer -> pyparser -> pycompiler, untranslated) and runs
the PyCode with CPython's own objects standing in for the W_* objects, so
the compiler's output can be checked against CPython before, and
independently of, the real interpreter (interpreters/python/pyinterp.py).
It follows pyopcodes.py's documentation literally and checks what the
compiler promises: the stack never exceeds co_stacksize, a RETURN_VALUE
leaves nothing else on the stack, a handler never finds the stack below
its depth.

It speaks tests/e2e/pyvm_suite.py's --vm protocol (stdout, exit status,
CPython-shaped tracebacks and SyntaxError reports), so

    python3 tests/e2e/pyvm_suite.py --vm "python3 tests/python_frontend/refvm.py"

runs the VM's whole test suite through the front end.  Sibling modules
the script imports are compiled by the front end too; everything else
(sys, math, ...) is CPython's.  Known gaps, all outside the compiler:
sys.exc_info() does not see the exceptions handled by compiled code, and
frames of compiled code are not visible to CPython's introspection.
"""

import builtins
import os
import sys
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'interpreters', 'python'))
sys.path.insert(0, ROOT)

import pycode                     # noqa: E402
import pycompiler                 # noqa: E402
import pyopcodes as op            # noqa: E402
from pytokenizer import PySyntaxError   # noqa: E402


class CompilerBug(Exception):
    """The bytecode broke one of the compiler's promises."""


def from_bytes_str(s):
    """Front-end text (a str of bytes) -> a real str."""
    return s.encode('latin-1').decode('utf-8', 'surrogatepass')


def const_value(c):
    kind = c.kind
    if kind == pycode.CONST_NONE:
        return None
    if kind == pycode.CONST_TRUE:
        return True
    if kind == pycode.CONST_FALSE:
        return False
    if kind == pycode.CONST_ELLIPSIS:
        return Ellipsis
    if kind == pycode.CONST_INT:
        return c.intval
    if kind == pycode.CONST_LONG:
        return int(c.strval)
    if kind == pycode.CONST_FLOAT:
        return c.floatval
    if kind == pycode.CONST_STR:
        return from_bytes_str(c.strval)
    if kind == pycode.CONST_BYTES:
        return c.strval.encode('latin-1')
    if kind == pycode.CONST_TUPLE:
        return tuple(const_value(item) for item in c.items)
    return c.code


def consts_of(code):
    if code.w_consts is None:
        code.w_consts = [const_value(c) for c in code.co_consts]
    return code.w_consts


def text(s):
    return from_bytes_str(s)


class VMState(object):
    def __init__(self):
        self.handled = None     # the exception being handled
        self.frames = []        # running frames, innermost last
        self.script_dir = '.'


VM = VMState()


class Frame(object):
    def __init__(self, code, globs, local_dict, closure):
        self.code = code
        self.globals = globs
        self.locals = local_dict
        self.fast = [NULL] * len(code.co_varnames)
        cells = [types.CellType() for _ in code.co_cellvars]
        if closure is not None:
            cells.extend(closure)
        self.cells = cells
        self.stack = []
        self.pc = 0
        self.cur = 0            # the instruction being executed
        self.lasti = 0          # the instruction to report (RERAISE n)
        self.outer_handled = None


class _Null(object):
    def __repr__(self):
        return '<NULL>'


NULL = _Null()


# ---------------------------------------------------------------------------
# Functions.

class RefFunction(object):
    def __init__(self, code, globs, defaults, kwdefaults, closure):
        self.__code__ = code
        self.__globals__ = globs
        self.__defaults__ = defaults
        self.__kwdefaults__ = kwdefaults
        self.__closure__ = closure
        self.__name__ = text(code.co_name)
        self.__qualname__ = text(code.co_qualname)
        self.__doc__ = None
        if code.co_docstring is not None:
            self.__doc__ = text(code.co_docstring)
        self.__module__ = globs.get('__name__')

    def __repr__(self):
        return '<function %s at 0x%x>' % (self.__qualname__, id(self))

    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __call__(self, *args, **kwargs):
        code = self.__code__
        frame = Frame(code, self.__globals__, None, self.__closure__)
        bind_arguments(self, frame, args, kwargs)
        if code.co_flags & pycode.CO_GENERATOR:
            return run_generator(frame)
        return run_frame(frame)


def run_generator(frame):
    return (yield from execute(frame))


class Escape(Exception):
    """Carries a StopIteration out of a non-generator frame."""

    def __init__(self, exc):
        self.exc = exc


def run_frame(frame):
    gen = execute(frame)
    try:
        gen.send(None)
    except StopIteration as stop:
        return stop.value
    except Escape as e:
        escaped = e.exc
    else:
        raise CompilerBug("a non-generator frame yielded")
    raise escaped


def bind_arguments(func, frame, args, kwargs):
    """CPython's argument binding, with its messages."""
    code = func.__code__
    names = [text(n) for n in code.co_varnames]
    nargs = code.co_argcount
    nkw = code.co_kwonlyargcount
    fast = frame.fast
    name = func.__qualname__ + '()'
    extra = []
    for i, value in enumerate(args):
        if i < nargs:
            fast[i] = value
        else:
            extra.append(value)
    pos = nargs + nkw
    if code.co_flags & pycode.CO_VARARGS:
        fast[pos] = tuple(extra)
        pos += 1
    elif extra:
        raise TypeError("%s takes %d positional argument%s but %d %s given"
                        % (name, nargs, '' if nargs == 1 else 's', len(args),
                           'was' if len(args) == 1 else 'were'))
    kwdict = None
    if code.co_flags & pycode.CO_VARKEYWORDS:
        kwdict = {}
        fast[pos] = kwdict
    for key, value in kwargs.items():
        if key in names[code.co_posonlyargcount:nargs + nkw]:
            i = names.index(key, code.co_posonlyargcount)
            if fast[i] is not NULL:
                raise TypeError("%s got multiple values for argument '%s'" %
                                (name, key))
            fast[i] = value
        elif kwdict is not None:
            kwdict[key] = value
        else:
            raise TypeError("%s got an unexpected keyword argument '%s'" %
                            (name, key))
    defaults = func.__defaults__ or ()
    first_default = nargs - len(defaults)
    missing = []
    for i in range(nargs):
        if fast[i] is NULL:
            if i >= first_default:
                fast[i] = defaults[i - first_default]
            else:
                missing.append(names[i])
    if missing:
        raise TypeError("%s missing %d required positional argument%s: %s" %
                        (name, len(missing), '' if len(missing) == 1 else 's',
                         and_list(missing)))
    kwdefaults = func.__kwdefaults__ or {}
    for i in range(nargs, nargs + nkw):
        if fast[i] is NULL:
            if names[i] in kwdefaults:
                fast[i] = kwdefaults[names[i]]
            else:
                missing.append(names[i])
    if missing:
        raise TypeError("%s missing %d required keyword-only argument%s: %s"
                        % (name, len(missing),
                           '' if len(missing) == 1 else 's',
                           and_list(missing)))


def and_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def build_class(func, name, *bases, **kwds):
    """builtins.__build_class__ for compiled class bodies."""
    if not isinstance(func, RefFunction):
        return builtins.__build_class__(func, name, *bases, **kwds)
    orig_bases = bases
    bases = types.resolve_bases(bases)
    meta, ns, kwds = types.prepare_class(name, bases, kwds)
    code = func.__code__
    frame = Frame(code, func.__globals__, ns, func.__closure__)
    run_frame(frame)
    if bases is not orig_bases:
        ns['__orig_bases__'] = orig_bases
    return meta(name, bases, ns, **kwds)


def zero_arg_super(*args):
    if args:
        return builtins.super(*args)
    frame = VM.frames[-1]
    code = frame.code
    freevars = [text(n) for n in code.co_freevars]
    if '__class__' not in freevars:
        raise RuntimeError("super(): __class__ cell not found")
    cell = frame.cells[len(code.co_cellvars) + freevars.index('__class__')]
    if len(code.co_varnames) == 0 or code.co_argcount == 0:
        raise RuntimeError("super(): no arguments")
    first = frame.fast[0]
    cellnames = [text(n) for n in code.co_cellvars]
    if text(code.co_varnames[0]) in cellnames:
        first = frame.cells[cellnames.index(text(code.co_varnames[0]))]
        first = first.cell_contents
    return builtins.super(cell.cell_contents, first)


BUILTINS = dict(builtins.__dict__)
BUILTINS['__build_class__'] = build_class
BUILTINS['super'] = zero_arg_super


# ---------------------------------------------------------------------------
# Modules.

def load_source(path):
    with open(path, 'rb') as f:
        return f.read().decode('latin-1')


def compile_file(path):
    return pycompiler.compile_source(load_source(path), path)


def run_module(code, module):
    globs = module.__dict__
    globs.setdefault('__builtins__', BUILTINS)
    frame = Frame(code, globs, globs, None)
    run_frame(frame)


def import_name(name, globs, fromlist, level):
    """Sibling modules of the script are compiled by the front end."""
    if level == 0 and '.' not in name and name not in sys.modules:
        path = os.path.join(VM.script_dir, name + '.py')
        if os.path.isfile(path):
            module = types.ModuleType(name)
            module.__file__ = path
            sys.modules[name] = module
            try:
                run_module(compile_file(path), module)
            except BaseException:
                del sys.modules[name]
                raise
            return module
    return __import__(name, globs, None, fromlist, level)


# ---------------------------------------------------------------------------
# The interpreter.

def cell_name(code, index):
    return text(code.cell_name(index))


def load_method(obj, name):
    """[meth, obj] for a plain function found on the type, else
    [NULL, attribute]."""
    for klass in type(obj).__mro__:
        if name in klass.__dict__:
            found = klass.__dict__[name]
            if isinstance(found, (RefFunction, types.FunctionType)) and \
                    name not in getattr(obj, '__dict__', {}):
                return found, obj
            break
    return NULL, getattr(obj, name)


def call_method(stack, n):
    args = stack[len(stack) - n:]
    del stack[len(stack) - n:]
    obj = stack.pop()
    meth = stack.pop()
    if meth is NULL:
        return obj(*args)
    return meth(obj, *args)


BINOPS = {
    op.BINOP_ADD: lambda a, b: a + b, op.BINOP_SUB: lambda a, b: a - b,
    op.BINOP_MUL: lambda a, b: a * b, op.BINOP_TRUEDIV: lambda a, b: a / b,
    op.BINOP_FLOORDIV: lambda a, b: a // b, op.BINOP_MOD: lambda a, b: a % b,
    op.BINOP_POW: lambda a, b: a ** b, op.BINOP_LSHIFT: lambda a, b: a << b,
    op.BINOP_RSHIFT: lambda a, b: a >> b, op.BINOP_AND: lambda a, b: a & b,
    op.BINOP_OR: lambda a, b: a | b, op.BINOP_XOR: lambda a, b: a ^ b,
    op.BINOP_MATMUL: lambda a, b: a @ b,
}


def _inplace(name):
    import operator
    return getattr(operator, name)


INPLACE = {
    op.BINOP_ADD: _inplace('iadd'), op.BINOP_SUB: _inplace('isub'),
    op.BINOP_MUL: _inplace('imul'), op.BINOP_TRUEDIV: _inplace('itruediv'),
    op.BINOP_FLOORDIV: _inplace('ifloordiv'), op.BINOP_MOD: _inplace('imod'),
    op.BINOP_POW: _inplace('ipow'), op.BINOP_LSHIFT: _inplace('ilshift'),
    op.BINOP_RSHIFT: _inplace('irshift'), op.BINOP_AND: _inplace('iand'),
    op.BINOP_OR: _inplace('ior'), op.BINOP_XOR: _inplace('ixor'),
    op.BINOP_MATMUL: _inplace('imatmul'),
}

UNARY = {op.UNARY_NEG: lambda x: -x, op.UNARY_POS: lambda x: +x,
         op.UNARY_INVERT: lambda x: ~x, op.UNARY_NOT: lambda x: not x}

COMPARE = {op.CMP_LT: lambda a, b: a < b, op.CMP_LE: lambda a, b: a <= b,
           op.CMP_EQ: lambda a, b: a == b, op.CMP_NE: lambda a, b: a != b,
           op.CMP_GT: lambda a, b: a > b, op.CMP_GE: lambda a, b: a >= b}


def format_value(value, flags, spec):
    conv = flags & op.FVC_MASK
    if conv == op.FVC_STR:
        value = str(value)
    elif conv == op.FVC_REPR:
        value = repr(value)
    elif conv == op.FVC_ASCII:
        value = ascii(value)
    return format(value, spec)


def raise_from_stack(frame, n):
    stack = frame.stack
    if n == 0:
        if VM.handled is None:
            raise RuntimeError("No active exception to reraise")
        raise Reraise(VM.handled)
    cause = None
    if n == 2:
        cause = stack.pop()
    exc = stack.pop()
    if isinstance(exc, type) and issubclass(exc, BaseException):
        exc = exc()
    if not isinstance(exc, BaseException):
        raise TypeError("exceptions must derive from BaseException")
    if n == 2:
        if isinstance(cause, type) and issubclass(cause, BaseException):
            cause = cause()
        if cause is not None and not isinstance(cause, BaseException):
            raise TypeError("exception causes must derive from "
                            "BaseException")
        exc.__cause__ = cause
    raise exc


class Reraise(Exception):
    """Internal: re-raise `exc` without a new traceback entry."""

    def __init__(self, exc):
        self.exc = exc


def tb_entries(exc):
    if '_refvm_tb' not in exc.__dict__:
        exc.__dict__['_refvm_tb'] = []
    return exc.__dict__['_refvm_tb']


def set_context(exc):
    handled = VM.handled
    if handled is None or handled is exc:
        return
    # Avoid cycles, as CPython does.
    o = handled
    while o is not None:
        if o is exc:
            return
        o = o.__context__
    exc.__context__ = handled


def execute(frame):
    """Runs a frame; a generator (yields at YIELD_VALUE/YIELD_FROM)."""
    frame.outer_handled = VM.handled
    VM.frames.append(frame)
    try:
        return (yield from _execute(frame))
    finally:
        VM.frames.pop()
        VM.handled = frame.outer_handled


def _execute(frame):
    code = frame.code
    words = code.co_code
    while True:
        try:
            while True:
                pc = frame.pc
                opcode = words[2 * pc]
                arg = words[2 * pc + 1]
                frame.lasti = pc
                frame.cur = pc
                frame.pc = pc + 1
                if opcode == op.RETURN_VALUE:
                    if len(frame.stack) != 1:
                        raise CompilerBug("RETURN_VALUE with %d items on the "
                                          "stack in %s" % (len(frame.stack),
                                                           code.co_qualname))
                    return frame.stack.pop()
                if opcode == op.YIELD_VALUE:
                    value = frame.stack.pop()
                    inner = VM.handled
                    VM.handled = frame.outer_handled
                    VM.frames.pop()
                    try:
                        sent = yield value
                    finally:
                        VM.frames.append(frame)
                        frame.outer_handled = VM.handled
                        VM.handled = inner
                    frame.stack.append(sent)
                    continue
                if opcode == op.YIELD_FROM:
                    frame.stack.pop()           # always None: see below
                    it = frame.stack[-1]
                    inner = VM.handled
                    VM.handled = frame.outer_handled
                    VM.frames.pop()
                    try:
                        result = yield from it
                    finally:
                        VM.frames.append(frame)
                        frame.outer_handled = VM.handled
                        VM.handled = inner
                    frame.stack.pop()
                    frame.stack.append(result)
                    continue
                DISPATCH[opcode](frame, arg)
                if len(frame.stack) > code.co_stacksize:
                    raise CompilerBug("stack above co_stacksize %d in %s" %
                                      (code.co_stacksize, code.co_qualname))
        except CompilerBug:
            raise
        except Reraise as r:
            pending = r.exc
            reraised = True
        except BaseException as exc:
            pending = exc
            reraised = words[2 * frame.cur] == op.RERAISE
        # Outside the except clauses: raising from there would chain.
        handle_exception(frame, pending, reraised)


def handle_exception(frame, exc, reraised):
    """Unwind to the handler of the current instruction, or re-raise."""
    code = frame.code
    if not reraised:
        set_context(exc)
        tb_entries(exc).append((text(code.co_filename),
                                code.line_of(frame.lasti),
                                text(code.co_name)))
    entry = op.find_handler(code.co_exctable, frame.cur)
    if entry < 0:
        if isinstance(exc, StopIteration) and \
                not code.co_flags & pycode.CO_GENERATOR:
            # Out of _execute, a Python generator, it would become a
            # RuntimeError (PEP 479): carried past, see run_frame.
            raise Escape(exc)
        raise exc.with_traceback(None)
    table = code.co_exctable
    depth = table[entry + op.EXC_DEPTH]
    if len(frame.stack) < depth:
        raise CompilerBug("handler depth %d above the stack (%d) in %s" %
                          (depth, len(frame.stack), code.co_qualname))
    del frame.stack[depth:]
    if table[entry + op.EXC_LASTI]:
        frame.stack.append(frame.lasti)
    frame.stack.append(exc)
    frame.pc = table[entry + op.EXC_TARGET]


# --- opcode implementations: (frame, arg) ---------------------------------

def op_nop(f, arg):
    pass


def op_pop_top(f, arg):
    f.stack.pop()


def op_copy(f, arg):
    f.stack.append(f.stack[-arg])


def op_swap(f, arg):
    s = f.stack
    s[-1], s[-arg] = s[-arg], s[-1]


def op_load_const(f, arg):
    f.stack.append(consts_of(f.code)[arg])


def varname(f, arg):
    return text(f.code.co_varnames[arg])


def op_load_fast(f, arg):
    value = f.fast[arg]
    if value is NULL:
        raise UnboundLocalError("cannot access local variable '%s' where it "
                                "is not associated with a value" %
                                varname(f, arg))
    f.stack.append(value)


def op_store_fast(f, arg):
    f.fast[arg] = f.stack.pop()


def op_delete_fast(f, arg):
    if f.fast[arg] is NULL:
        raise UnboundLocalError("cannot access local variable '%s' where it "
                                "is not associated with a value" %
                                varname(f, arg))
    f.fast[arg] = NULL


def deref(f, arg):
    try:
        return f.cells[arg].cell_contents
    except ValueError:
        name = cell_name(f.code, arg)
        if arg < len(f.code.co_cellvars):
            raise UnboundLocalError("cannot access local variable '%s' where "
                                    "it is not associated with a value" %
                                    name)
        raise NameError("cannot access free variable '%s' where it is not "
                        "associated with a value in enclosing scope" % name)


def op_load_deref(f, arg):
    f.stack.append(deref(f, arg))


def op_store_deref(f, arg):
    f.cells[arg].cell_contents = f.stack.pop()


def op_delete_deref(f, arg):
    deref(f, arg)
    del f.cells[arg].cell_contents


def op_load_closure(f, arg):
    f.stack.append(f.cells[arg])


def op_load_classderef(f, arg):
    name = cell_name(f.code, arg)
    if name in f.locals:
        f.stack.append(f.locals[name])
    else:
        f.stack.append(deref(f, arg))


def name_of(f, arg):
    return text(f.code.co_names[arg])


def lookup_global(f, name):
    if name in f.globals:
        return f.globals[name]
    if name in BUILTINS:
        return BUILTINS[name]
    raise NameError("name '%s' is not defined" % name)


def op_load_global(f, arg):
    f.stack.append(lookup_global(f, name_of(f, arg)))


def op_store_global(f, arg):
    f.globals[name_of(f, arg)] = f.stack.pop()


def op_delete_global(f, arg):
    name = name_of(f, arg)
    if name not in f.globals:
        raise NameError("name '%s' is not defined" % name)
    del f.globals[name]


def op_load_name(f, arg):
    name = name_of(f, arg)
    if name in f.locals:
        f.stack.append(f.locals[name])
    else:
        f.stack.append(lookup_global(f, name))


def op_store_name(f, arg):
    f.locals[name_of(f, arg)] = f.stack.pop()


def op_delete_name(f, arg):
    name = name_of(f, arg)
    if name not in f.locals:
        raise NameError("name '%s' is not defined" % name)
    del f.locals[name]


def op_load_attr(f, arg):
    f.stack.append(getattr(f.stack.pop(), name_of(f, arg)))


def op_store_attr(f, arg):
    obj = f.stack.pop()
    setattr(obj, name_of(f, arg), f.stack.pop())


def op_delete_attr(f, arg):
    delattr(f.stack.pop(), name_of(f, arg))


def op_load_method(f, arg):
    meth, obj = load_method(f.stack.pop(), name_of(f, arg))
    f.stack.append(meth)
    f.stack.append(obj)


def op_binary_subscr(f, arg):
    key = f.stack.pop()
    obj = f.stack.pop()
    f.stack.append(obj[key])


def op_store_subscr(f, arg):
    key = f.stack.pop()
    obj = f.stack.pop()
    obj[key] = f.stack.pop()


def op_delete_subscr(f, arg):
    key = f.stack.pop()
    obj = f.stack.pop()
    del obj[key]


def pop_n(f, n):
    if n == 0:
        return []
    items = f.stack[-n:]
    del f.stack[-n:]
    return items


def op_build_slice(f, arg):
    f.stack.append(slice(*pop_n(f, arg)))


def op_unary_op(f, arg):
    f.stack.append(UNARY[arg](f.stack.pop()))


def op_binary_op(f, arg):
    b = f.stack.pop()
    a = f.stack.pop()
    f.stack.append(BINOPS[arg](a, b))


def op_inplace_op(f, arg):
    b = f.stack.pop()
    a = f.stack.pop()
    f.stack.append(INPLACE[arg](a, b))


def op_compare_op(f, arg):
    b = f.stack.pop()
    a = f.stack.pop()
    f.stack.append(COMPARE[arg](a, b))


def op_is_op(f, arg):
    b = f.stack.pop()
    a = f.stack.pop()
    f.stack.append((a is b) != bool(arg))


def op_contains_op(f, arg):
    b = f.stack.pop()
    a = f.stack.pop()
    f.stack.append((a in b) != bool(arg))


def op_build_tuple(f, arg):
    f.stack.append(tuple(pop_n(f, arg)))


def op_build_list(f, arg):
    f.stack.append(pop_n(f, arg))


def op_build_set(f, arg):
    f.stack.append(set(pop_n(f, arg)))


def op_build_map(f, arg):
    items = pop_n(f, 2 * arg)
    d = {}
    for i in range(arg):
        d[items[2 * i]] = items[2 * i + 1]
    f.stack.append(d)


def op_build_const_key_map(f, arg):
    keys = f.stack.pop()
    values = pop_n(f, arg)
    f.stack.append(dict(zip(keys, values)))


def op_build_string(f, arg):
    f.stack.append(''.join(pop_n(f, arg)))


def op_format_value(f, arg):
    spec = ''
    if arg & op.FVS_HAVE_SPEC:
        spec = f.stack.pop()
    f.stack.append(format_value(f.stack.pop(), arg, spec))


def op_list_append(f, arg):
    v = f.stack.pop()
    f.stack[-arg].append(v)


def op_set_add(f, arg):
    v = f.stack.pop()
    f.stack[-arg].add(v)


def op_map_add(f, arg):
    v = f.stack.pop()
    k = f.stack.pop()
    f.stack[-arg][k] = v


def op_list_extend(f, arg):
    v = f.stack.pop()
    f.stack[-arg].extend(v)


def op_set_update(f, arg):
    v = f.stack.pop()
    f.stack[-arg].update(v)


def op_dict_update(f, arg):
    v = f.stack.pop()
    if not hasattr(v, 'keys'):
        raise TypeError("'%s' object is not a mapping" % type(v).__name__)
    f.stack[-arg].update(v)


def op_dict_merge(f, arg):
    v = f.stack.pop()
    target = f.stack[-arg]
    if not hasattr(v, 'keys'):
        raise TypeError("argument after ** must be a mapping, not %s" %
                        type(v).__name__)
    for k in v.keys():
        if k in target:
            func = f.stack[-(arg + 2)]
            name = getattr(func, '__qualname__', type(func).__name__)
            module = getattr(func, '__module__', None)
            if module not in (None, 'builtins'):
                name = module + '.' + name
            raise TypeError("%s() got multiple values for keyword argument "
                            "'%s'" % (name, k))
        target[k] = v[k]


def op_list_to_tuple(f, arg):
    f.stack.append(tuple(f.stack.pop()))


def op_unpack_sequence(f, arg):
    seq = f.stack.pop()
    items = list(seq)
    if len(items) != arg:
        if len(items) > arg:
            raise ValueError("too many values to unpack (expected %d)" % arg)
        raise ValueError("not enough values to unpack (expected %d, got %d)"
                         % (arg, len(items)))
    f.stack.extend(reversed(items))


def op_unpack_ex(f, arg):
    before = arg & 0xff
    after = arg >> 8
    items = list(f.stack.pop())
    if len(items) < before + after:
        raise ValueError("not enough values to unpack (expected at least %d, "
                         "got %d)" % (before + after, len(items)))
    middle = items[before:len(items) - after]
    out = items[:before] + [middle] + items[len(items) - after:]
    f.stack.extend(reversed(out))


def op_get_iter(f, arg):
    f.stack.append(iter(f.stack.pop()))


def op_for_iter(f, arg):
    it = f.stack[-1]
    try:
        value = next(it)
    except StopIteration:
        f.stack.pop()
        f.pc = arg
        return
    f.stack.append(value)


def op_jump(f, arg):
    f.pc = arg


def op_pop_jump_if_false(f, arg):
    if not f.stack.pop():
        f.pc = arg


def op_pop_jump_if_true(f, arg):
    if f.stack.pop():
        f.pc = arg


def op_jump_if_false_or_pop(f, arg):
    if not f.stack[-1]:
        f.pc = arg
    else:
        f.stack.pop()


def op_jump_if_true_or_pop(f, arg):
    if f.stack[-1]:
        f.pc = arg
    else:
        f.stack.pop()


def op_call(f, arg):
    args = pop_n(f, arg)
    func = f.stack.pop()
    f.stack.append(func(*args))


def op_call_kw(f, arg):
    names = f.stack.pop()
    args = pop_n(f, arg)
    func = f.stack.pop()
    npos = arg - len(names)
    kwargs = dict(zip(names, args[npos:]))
    f.stack.append(func(*args[:npos], **kwargs))


def op_call_ex(f, arg):
    kwargs = {}
    if arg & op.CALL_EX_KWARGS:
        kwargs = f.stack.pop()
    args = f.stack.pop()
    if type(args) is not tuple:
        raise CompilerBug("CALL_EX without a tuple")
    func = f.stack.pop()
    f.stack.append(func(*args, **kwargs))


def op_call_method(f, arg):
    f.stack.append(call_method(f.stack, arg))


def op_make_function(f, arg):
    code = f.stack.pop()
    closure = None
    kwdefaults = None
    defaults = None
    if arg & op.MF_CLOSURE:
        closure = f.stack.pop()
    if arg & op.MF_KWDEFAULTS:
        kwdefaults = f.stack.pop()
    if arg & op.MF_DEFAULTS:
        defaults = f.stack.pop()
    if len(code.co_freevars) != (len(closure) if closure else 0):
        raise CompilerBug("closure of %d cells for %d free variables" %
                          (len(closure or ()), len(code.co_freevars)))
    f.stack.append(RefFunction(code, f.globals, defaults, kwdefaults,
                               closure))


def op_load_build_class(f, arg):
    f.stack.append(build_class)


def op_get_yield_from_iter(f, arg):
    x = f.stack.pop()
    if not isinstance(x, types.GeneratorType):
        x = iter(x)
    f.stack.append(x)


def op_raise_varargs(f, arg):
    raise_from_stack(f, arg)


def op_push_exc_info(f, arg):
    exc = f.stack.pop()
    f.stack.append(VM.handled)
    f.stack.append(exc)
    VM.handled = exc


def op_pop_except(f, arg):
    VM.handled = f.stack.pop()


def op_check_exc_match(f, arg):
    typ = f.stack.pop()
    exc = f.stack[-1]
    types_ = typ if isinstance(typ, tuple) else (typ,)
    for t in types_:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from "
                            "BaseException is not allowed")
    f.stack.append(isinstance(exc, typ))


def op_reraise(f, arg):
    exc = f.stack.pop()
    if arg:
        f.lasti = f.stack[-arg]
    raise Reraise(exc)


def op_load_assertion_error(f, arg):
    f.stack.append(AssertionError)


def op_before_with(f, arg):
    mgr = f.stack.pop()
    enter = type(mgr).__enter__
    exit_ = type(mgr).__exit__
    f.stack.append(types.MethodType(exit_, mgr))
    f.stack.append(enter(mgr))


def op_with_except_start(f, arg):
    exc = f.stack[-1]
    exit_ = f.stack[-4]
    f.stack.append(exit_(type(exc), exc, exc.__traceback__))


def op_import_name(f, arg):
    fromlist = f.stack.pop()
    level = f.stack.pop()
    f.stack.append(import_name(name_of(f, arg), f.globals, fromlist, level))


def op_import_from(f, arg):
    module = f.stack[-1]
    name = name_of(f, arg)
    try:
        f.stack.append(getattr(module, name))
    except AttributeError:
        raise ImportError("cannot import name '%s' from '%s'" %
                          (name, module.__name__))


def op_import_star(f, arg):
    module = f.stack.pop()
    names = getattr(module, '__all__', None)
    if names is None:
        names = [n for n in module.__dict__ if not n.startswith('_')]
    for name in names:
        f.locals[name] = getattr(module, name)


DISPATCH = [None] * op.NUM_OPCODES
for _name in op.OPNAMES:
    _impl = globals().get('op_' + _name.lower())
    if _impl is not None:
        DISPATCH[getattr(op, _name)] = _impl


# ---------------------------------------------------------------------------
# Reports.

def print_exception(exc, out):
    """CPython's report of an uncaught exception, with chaining."""
    seen = set()
    chain = []
    cur = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        chain.append(cur)
        if cur.__cause__ is not None:
            cur = cur.__cause__
        elif cur.__context__ is not None and not cur.__suppress_context__:
            cur = cur.__context__
        else:
            cur = None
    for i in range(len(chain) - 1, -1, -1):
        e = chain[i]
        out.write('Traceback (most recent call last):\n')
        for filename, line, name in reversed(tb_entries(e)):
            out.write('  File "%s", line %d, in %s\n' % (filename, line,
                                                           name))
        out.write(''.join(traceback.format_exception_only(type(e), e)))
        if i > 0:
            if e is chain[i - 1].__cause__:
                out.write('\nThe above exception was the direct cause of the '
                          'following exception:\n\n')
            else:
                out.write('\nDuring handling of the above exception, another '
                          'exception occurred:\n\n')


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: refvm.py SCRIPT [ARGS...]\n")
        return 2
    path = argv[1]
    VM.script_dir = os.path.dirname(os.path.abspath(path))
    sys.argv = argv[1:]
    sys.path[0:0] = [VM.script_dir]
    module = types.ModuleType('__main__')
    module.__file__ = path
    sys.modules['__main__'] = module
    try:
        code = compile_file(path)
        run_module(code, module)
    except PySyntaxError as e:
        sys.stdout.flush()
        entries = tb_entries(e)
        if entries:
            sys.stderr.write('Traceback (most recent call last):\n')
            for filename, line, name in reversed(entries):
                sys.stderr.write('  File "%s", line %d, in %s\n' %
                                 (filename, line, name))
        sys.stderr.write(from_bytes_str(e.format()))
        return 1
    except SystemExit as e:
        sys.stdout.flush()
        if e.code is None:
            return 0
        if isinstance(e.code, int):
            return e.code
        sys.stderr.write(str(e.code) + '\n')
        return 1
    except CompilerBug:
        raise
    except BaseException as e:
        sys.stdout.flush()
        print_exception(e, sys.stderr)
        return 1
    sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.setrecursionlimit(20000)
    sys.exit(main(sys.argv))
