"""pycode: compiled code objects (`PyCode`), their constants (`Const`) and
the disassembler.

Where this sits: pycompiler.py builds PyCode objects; pyinterp.py runs
them.  The front end knows nothing of the interpreter's W_* objects: a
constant is a `Const` description, which the interpreter turns into an
object once per code object (`PyCode.w_consts`, filled lazily by the
interpreter).  The word code and exception table are documented in
pyopcodes.py.

`dis(code)` prints a code object and, after it, every code object among
its constants (depth first): deterministic text used by the golden tests
and by `pyfront.py dis`.

Every field is set once, by the constructor: the compiler finishes a code
object's children before the code object itself.
"""

from pyopcodes import (OPNAMES, OPARGKINDS, ARG_NONE, ARG_CONST,
                       ARG_LOCAL, ARG_NAME, ARG_CELL, ARG_JUMP, ARG_BINOP,
                       ARG_UNARYOP, ARG_CMPOP, BINOP_SYMBOLS, UNARYOP_SYMBOLS,
                       CMPOP_SYMBOLS, EXC_ENTRY_SIZE)

# ---------------------------------------------------------------------------
# Constants.

CONST_NONE = 0
CONST_TRUE = 1
CONST_FALSE = 2
CONST_ELLIPSIS = 3
CONST_INT = 4        # intval: fits a machine word
CONST_LONG = 5       # strval: decimal digits, optional '-'
CONST_FLOAT = 6      # floatval
CONST_STR = 7        # strval: UTF-8 text
CONST_BYTES = 8      # strval: the bytes
CONST_TUPLE = 9      # items: list of Const
CONST_CODE = 10      # code: a PyCode
CONST_KIND_NAMES = ['none', 'true', 'false', 'ellipsis', 'int', 'long',
                    'float', 'str', 'bytes', 'tuple', 'code']


class Const(object):
    """A constant of a code object, before it is an object.  Only the
    field(s) of its kind are meaningful; make them with the const_*
    functions below."""

    _immutable_fields_ = ['kind', 'intval', 'floatval', 'strval',
                          'items[*]', 'code']

    def __init__(self, kind, intval, floatval, strval, items, code):
        self.kind = kind
        self.intval = intval
        self.floatval = floatval
        self.strval = strval
        self.items = items
        self.code = code


def _const(kind):
    return Const(kind, 0, 0.0, None, None, None)


def const_none():
    return _const(CONST_NONE)


def const_bool(value):
    if value:
        return _const(CONST_TRUE)
    return _const(CONST_FALSE)


def const_ellipsis():
    return _const(CONST_ELLIPSIS)


def const_int(value):
    return Const(CONST_INT, value, 0.0, None, None, None)


def const_long(digits):
    """An int literal too big for a machine word: decimal `digits`."""
    return Const(CONST_LONG, 0, 0.0, digits, None, None)


def const_float(value):
    return Const(CONST_FLOAT, 0, value, None, None, None)


def const_str(text):
    return Const(CONST_STR, 0, 0.0, text, None, None)


def const_bytes(data):
    return Const(CONST_BYTES, 0, 0.0, data, None, None)


def const_tuple(items):
    return Const(CONST_TUPLE, 0, 0.0, None, items, None)


def const_code(code):
    return Const(CONST_CODE, 0, 0.0, None, None, code)


def const_key(c):
    """A string equal for two constants exactly when they may share one
    slot of co_consts: same kind and same value (1, 1.0 and True stay
    apart; so do 0.0 and -0.0).  Code objects are never shared."""
    kind = c.kind
    if kind == CONST_INT:
        return "i%d" % c.intval
    if kind == CONST_LONG:
        return "l" + c.strval
    if kind == CONST_FLOAT:
        return "f" + float_repr(c.floatval)
    if kind == CONST_STR:
        return "s" + c.strval
    if kind == CONST_BYTES:
        return "b" + c.strval
    if kind == CONST_TUPLE:
        parts = []
        items = c.items
        assert items is not None
        for item in items:
            key = const_key(item)
            if key == "":
                return ""
            parts.append("%d:%s" % (len(key), key))
        return "t" + "".join(parts)
    if kind == CONST_CODE:
        return ""
    return "k%d" % kind


# ---------------------------------------------------------------------------
# Code objects.

# co_flags bits (CPython's values).
CO_OPTIMIZED = 0x1      # fast locals (a function, not a module/class body)
CO_NEWLOCALS = 0x2      # a new locals namespace per call (functions)
CO_VARARGS = 0x4        # *args: one extra local after the named arguments
CO_VARKEYWORDS = 0x8    # **kwargs: one extra local after *args (if any)
CO_NESTED = 0x10        # defined inside a function
CO_GENERATOR = 0x20     # calling it makes a generator
CO_NOFREE = 0x40        # no cell and no free variables
CO_FLAG_NAMES = [(CO_OPTIMIZED, 'OPTIMIZED'), (CO_NEWLOCALS, 'NEWLOCALS'),
                 (CO_VARARGS, 'VARARGS'), (CO_VARKEYWORDS, 'VARKEYWORDS'),
                 (CO_NESTED, 'NESTED'), (CO_GENERATOR, 'GENERATOR'),
                 (CO_NOFREE, 'NOFREE')]


class PyCode(object):
    """A compiled code object.

    Arguments are the first locals of co_varnames: co_argcount positional
    ones (the first co_posonlyargcount of them positional-only), then
    co_kwonlyargcount keyword-only ones, then `*args` if CO_VARARGS, then
    `**kwargs` if CO_VARKEYWORDS.

    `w_consts` is the interpreter's: None until it has built the objects
    of co_consts."""

    _immutable_fields_ = ['co_name', 'co_qualname', 'co_filename',
                          'co_firstlineno', 'co_argcount',
                          'co_posonlyargcount', 'co_kwonlyargcount',
                          'co_flags', 'co_varnames[*]', 'co_cellvars[*]',
                          'co_freevars[*]', 'co_names[*]', 'co_consts[*]',
                          'co_code[*]', 'co_lines[*]', 'co_exctable[*]',
                          'co_stacksize', 'co_docstring']

    def __init__(self, name, qualname, filename, firstlineno, argcount,
                 posonlyargcount, kwonlyargcount, flags, varnames, cellvars,
                 freevars, names, consts, code, lines, exctable, stacksize,
                 docstring):
        self.co_name = name
        self.co_qualname = qualname
        self.co_filename = filename
        self.co_firstlineno = firstlineno
        self.co_argcount = argcount
        self.co_posonlyargcount = posonlyargcount
        self.co_kwonlyargcount = kwonlyargcount
        self.co_flags = flags
        self.co_varnames = varnames
        self.co_cellvars = cellvars
        self.co_freevars = freevars
        self.co_names = names
        self.co_consts = consts
        self.co_code = code
        self.co_lines = lines
        self.co_exctable = exctable
        self.co_stacksize = stacksize
        self.co_docstring = docstring
        self.w_consts = None

    def num_instructions(self):
        return len(self.co_code) // 2

    def cell_name(self, index):
        """The name of cell `index` (co_cellvars, then co_freevars)."""
        if index < len(self.co_cellvars):
            return self.co_cellvars[index]
        return self.co_freevars[index - len(self.co_cellvars)]

    def line_of(self, index):
        """The source line of instruction `index`."""
        if 0 <= index < len(self.co_lines):
            return self.co_lines[index]
        return self.co_firstlineno


# ---------------------------------------------------------------------------
# Text: reprs as CPython prints them.

def float_repr(value):
    """CPython's repr of a float."""
    return repr(value)


def _hex2(n):
    digits = "0123456789abcdef"
    return digits[(n >> 4) & 15] + digits[n & 15]


def _utf8_char_len(c):
    """The number of bytes of the UTF-8 sequence led by byte `c`."""
    if c < 0x80:
        return 1
    if c >= 0xf0:
        return 4
    if c >= 0xe0:
        return 3
    return 2


def _code_point(s, i, n):
    """The code point of the `n`-byte UTF-8 sequence at s[i]."""
    c = ord(s[i])
    if n == 1:
        return c
    if n == 2:
        cp = c & 0x1f
    elif n == 3:
        cp = c & 0x0f
    else:
        cp = c & 0x07
    for k in range(1, n):
        if i + k < len(s):
            cp = (cp << 6) | (ord(s[i + k]) & 0x3f)
    return cp


def _escape_code_point(cp):
    if cp < 0x100:
        return "\\x" + _hex2(cp)
    if cp < 0x10000:
        return "\\u" + _hex2(cp >> 8) + _hex2(cp)
    return "\\U" + _hex2(cp >> 24) + _hex2(cp >> 16) + _hex2(cp >> 8) + \
        _hex2(cp)


# Non-ASCII code points that repr() escapes: Unicode's control, format,
# separator, surrogate, private-use and noncharacter code points, for the
# ranges that occur in practice (the full Unicode database is not here).
NONPRINTABLE_RANGES = [(0x80, 0xa0), (0xad, 0xad), (0x600, 0x605),
                       (0x61c, 0x61c), (0x6dd, 0x6dd), (0x70f, 0x70f),
                       (0x1680, 0x1680), (0x180e, 0x180e), (0x2000, 0x200f),
                       (0x2028, 0x202f), (0x205f, 0x2064), (0x2066, 0x206f),
                       (0x3000, 0x3000), (0xd800, 0xf8ff), (0xfeff, 0xfeff),
                       (0xfff9, 0xfffb), (0xfffe, 0xffff),
                       (0xe0000, 0xe0fff), (0xf0000, 0x10ffff)]


def _nonprintable(cp):
    for lo, hi in NONPRINTABLE_RANGES:
        if lo <= cp <= hi:
            return True
    return False


def _pick_quote(s):
    if "'" in s and '"' not in s:
        return '"'
    return "'"


def str_repr(s):
    """repr() of a str given as UTF-8."""
    quote = _pick_quote(s)
    out = [quote]
    i = 0
    while i < len(s):
        c = s[i]
        o = ord(c)
        if o >= 0x80:
            n = _utf8_char_len(o)
            cp = _code_point(s, i, n)
            if _nonprintable(cp):
                out.append(_escape_code_point(cp))
            else:
                out.append(s[i:i + n])
            i += n
            continue
        out.append(_escape_ascii(c, quote))
        i += 1
    out.append(quote)
    return "".join(out)


def _escape_ascii(c, quote):
    if c == quote or c == '\\':
        return '\\' + c
    if c == '\n':
        return '\\n'
    if c == '\r':
        return '\\r'
    if c == '\t':
        return '\\t'
    o = ord(c)
    if o < 0x20 or o == 0x7f:
        return "\\x" + _hex2(o)
    return c


def bytes_repr(s):
    """repr() of a bytes object."""
    quote = _pick_quote(s)
    out = ["b", quote]
    for c in s:
        if ord(c) >= 0x7f:
            out.append("\\x" + _hex2(ord(c)))
        else:
            out.append(_escape_ascii(c, quote))
    out.append(quote)
    return "".join(out)


def const_repr(c):
    """A constant as CPython's repr() would print it (code objects as
    `<code NAME, line N>`)."""
    kind = c.kind
    if kind == CONST_NONE:
        return "None"
    if kind == CONST_TRUE:
        return "True"
    if kind == CONST_FALSE:
        return "False"
    if kind == CONST_ELLIPSIS:
        return "Ellipsis"
    if kind == CONST_INT:
        return "%d" % c.intval
    if kind == CONST_LONG:
        return c.strval
    if kind == CONST_FLOAT:
        return float_repr(c.floatval)
    if kind == CONST_STR:
        return str_repr(c.strval)
    if kind == CONST_BYTES:
        return bytes_repr(c.strval)
    if kind == CONST_TUPLE:
        items = c.items
        assert items is not None
        parts = [const_repr(item) for item in items]
        if len(parts) == 1:
            return "(" + parts[0] + ",)"
        return "(" + ", ".join(parts) + ")"
    code = c.code
    assert code is not None
    return "<code %s, line %d>" % (code.co_name, code.co_firstlineno)


# ---------------------------------------------------------------------------
# The disassembler.

def flags_text(flags):
    names = []
    for bit, name in CO_FLAG_NAMES:
        if flags & bit:
            names.append(name)
    if len(names) == 0:
        return "0"
    return "|".join(names)


def _name_list(names):
    if len(names) == 0:
        return "-"
    return ", ".join(names)


def _argument_detail(code, op, arg):
    """What `arg` of `op` means, for the comment column ('' if nothing)."""
    kind = OPARGKINDS[op]
    if kind == ARG_CONST and 0 <= arg < len(code.co_consts):
        return const_repr(code.co_consts[arg])
    if kind == ARG_LOCAL and 0 <= arg < len(code.co_varnames):
        return code.co_varnames[arg]
    if kind == ARG_NAME and 0 <= arg < len(code.co_names):
        return code.co_names[arg]
    if kind == ARG_CELL and \
            0 <= arg < len(code.co_cellvars) + len(code.co_freevars):
        return code.cell_name(arg)
    if kind == ARG_BINOP and 0 <= arg < len(BINOP_SYMBOLS):
        return BINOP_SYMBOLS[arg]
    if kind == ARG_UNARYOP and 0 <= arg < len(UNARYOP_SYMBOLS):
        return UNARYOP_SYMBOLS[arg]
    if kind == ARG_CMPOP and 0 <= arg < len(CMPOP_SYMBOLS):
        return CMPOP_SYMBOLS[arg]
    if kind == ARG_JUMP:
        return "to %d" % arg
    return ""


def _jump_targets(code):
    n = code.num_instructions()
    targets = [False] * (n + 1)
    for i in range(n):
        op = code.co_code[2 * i]
        arg = code.co_code[2 * i + 1]
        if 0 <= op < len(OPARGKINDS) and OPARGKINDS[op] == ARG_JUMP and \
                0 <= arg <= n:
            targets[arg] = True
    table = code.co_exctable
    k = 0
    while k + EXC_ENTRY_SIZE <= len(table):
        t = table[k + 2]
        if 0 <= t <= n:
            targets[t] = True
        k += EXC_ENTRY_SIZE
    return targets


def instruction_text(code, i):
    """One instruction: `LOAD_FAST 1 (x)`."""
    op = code.co_code[2 * i]
    arg = code.co_code[2 * i + 1]
    if op < 0 or op >= len(OPNAMES):
        return "<bad opcode %d> %d" % (op, arg)
    name = OPNAMES[op]
    if OPARGKINDS[op] == ARG_NONE:
        return name
    text = "%-20s %d" % (name, arg)
    detail = _argument_detail(code, op, arg)
    if detail != "":
        text += " (" + detail + ")"
    return text


def _header(code, out):
    out.append("code %s (qualname %s, file %s, line %d)" %
               (code.co_name, code.co_qualname, code.co_filename,
                code.co_firstlineno))
    out.append("  argcount %d, posonly %d, kwonly %d, flags %s, "
               "stacksize %d" % (code.co_argcount, code.co_posonlyargcount,
                                 code.co_kwonlyargcount,
                                 flags_text(code.co_flags),
                                 code.co_stacksize))
    out.append("  varnames: " + _name_list(code.co_varnames))
    out.append("  cellvars: " + _name_list(code.co_cellvars))
    out.append("  freevars: " + _name_list(code.co_freevars))
    out.append("  names: " + _name_list(code.co_names))
    consts = []
    for k in range(len(code.co_consts)):
        consts.append("%d=%s" % (k, const_repr(code.co_consts[k])))
    out.append("  consts: " + _name_list(consts))
    if code.co_docstring is not None:
        out.append("  docstring: " + str_repr(code.co_docstring))


def _body(code, out):
    targets = _jump_targets(code)
    last_line = -1
    for i in range(code.num_instructions()):
        line = code.line_of(i)
        line_col = ""
        if line != last_line:
            line_col = "%d" % line
            last_line = line
        mark = "  "
        if targets[i]:
            mark = ">>"
        out.append("%5s %s %4d %s" % (line_col, mark, i,
                                      instruction_text(code, i)))


def _exception_table(code, out):
    table = code.co_exctable
    if len(table) == 0:
        return
    out.append("  exception table:")
    k = 0
    while k + EXC_ENTRY_SIZE <= len(table):
        lasti = ""
        if table[k + 4]:
            lasti = " lasti"
        out.append("    %d to %d -> %d [%d]%s" %
                   (table[k], table[k + 1], table[k + 2], table[k + 3],
                    lasti))
        k += EXC_ENTRY_SIZE


def _dis_into(code, out):
    _header(code, out)
    _body(code, out)
    _exception_table(code, out)
    for c in code.co_consts:
        if c.kind == CONST_CODE:
            out.append("")
            _dis_into(c.code, out)


def dis(code):
    """The disassembly of `code` and of the code objects in its constants,
    one text, ending with a newline."""
    out = []
    _dis_into(code, out)
    return "\n".join(out) + "\n"
