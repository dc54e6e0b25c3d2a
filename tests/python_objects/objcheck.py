"""objcheck: run object-space checks from a case file (an RPy program).

    python3 tests/python_objects/objcheck.py CASES        (untranslated)
    lathe translate tests/python_objects/objcheck.py -o objcheck && ./objcheck CASES

Each line of CASES is one operation, tab-separated: an operation name and
its operands, each operand typed by a prefix:

    i:123   int (any size)       f:0.1   float (repr; inf, -inf, nan)
    s:6869  str (UTF-8, hex)     n:      None       b:1 / b:0   bool
    l:i:1,i:2   list of scalars  t:...   tuple of scalars

Operations:  bin OP A B | cmp OP A B | un OP A | repr A | str A | hash A |
fmt A SPEC | pct FMT A... | meth A NAME ARGS... | call TYPE ARGS... |
set A... (a set built by adding A... in order, then its repr) |
setop OP n1 A... | sorted A... | round A [N] | divmod A B | pow A B [M]

For each line the program prints the repr of the result, or
`!ExceptionName: message`.  gen_cases.py writes the cases together with
CPython's answers; run.py compares (untranslated, and translated with
--translated).  Operators are numbered as in pyopcodes.py.
"""

import os
import sys

if __name__ == "__main__":
    HERE = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(HERE, "..", "..", "interpreters",
                                    "python"))
    sys.path.insert(0, os.path.join(HERE, "..", ".."))

from rlib.objectmodel import we_are_translated
from pyobjects import OperationError, Arguments
from pyspace import space
import pylong
import pyformat
from pydict import W_SetObject
from pylist import do_sort
from pystr import W_StrObject
from pyobjects import (W_FunctionObject, W_CellObject, W_SuperObject,
                       W_BaseExceptionObject)


def from_hex(h):
    out = []
    i = 0
    while i + 1 < len(h):
        out.append(chr(pylong.digit_value(h[i]) * 16 +
                       pylong.digit_value(h[i + 1])))
        i += 2
    return "".join(out)


def parse_value(text):
    kind = text[0]
    body = text[2:]
    if kind == 'i':
        negative = len(body) > 0 and body[0] == '-'
        if negative:
            body = body[1:]
        num = pylong.fromstr(body, 10)
        if negative:
            num = num.neg()
        return space.newlong(num)
    if kind == 'f':
        if body == "inf":
            return space.newfloat(pylong_inf())
        if body == "-inf":
            return space.newfloat(-pylong_inf())
        if body == "nan":
            return space.newfloat(pylong_inf() - pylong_inf())
        return space.newfloat(float(body))
    if kind == 's':
        return space.newtext(from_hex(body))
    if kind == 'n':
        return space.w_None
    if kind == 'b':
        return space.newbool(body == "1")
    if kind == 'l' or kind == 't':
        items_w = []
        if len(body) > 0:
            for part in body.split(","):
                items_w.append(parse_value(part))
        if kind == 'l':
            return space.newlist(items_w)
        return space.newtuple(items_w)
    raise ValueError


def pylong_inf():
    return 1e300 * 1e300


def run_case(fields):
    op = fields[0]
    if op == "bin":
        return space.binop(int(fields[1]), parse_value(fields[2]),
                           parse_value(fields[3]))
    if op == "cmp":
        return space.compare(int(fields[1]), parse_value(fields[2]),
                             parse_value(fields[3]))
    if op == "un":
        return space.unaryop(int(fields[1]), parse_value(fields[2]))
    if op == "repr":
        return space.repr(parse_value(fields[1]))
    if op == "str":
        return space.str(parse_value(fields[1]))
    if op == "hash":
        return space.hash(parse_value(fields[1]))
    if op == "fmt":
        w_spec = parse_value(fields[2])
        return space.format(parse_value(fields[1]), space.str_w(w_spec))
    if op == "pct":
        args_w = []
        for f in fields[2:]:
            args_w.append(parse_value(f))
        w_fmt = parse_value(fields[1])
        assert isinstance(w_fmt, W_StrObject)
        if len(args_w) == 1:
            return pyformat.format_percent(space, w_fmt, args_w[0])
        return pyformat.format_percent(space, w_fmt, space.newtuple(args_w))
    if op == "meth":
        w_obj = parse_value(fields[1])
        name = space.str_w(parse_value(fields[2]))
        args_w = []
        for f in fields[3:]:
            args_w.append(parse_value(f))
        w_meth = space.getattr_str(w_obj, name)
        return space.call_args(w_meth, Arguments(args_w, None, None))
    if op == "call":
        w_type = space.builtin_type_by_name(fields[1])
        args_w = []
        for f in fields[2:]:
            args_w.append(parse_value(f))
        return space.call_args(w_type, Arguments(args_w, None, None))
    if op == "set":
        w_set = W_SetObject(False)
        for f in fields[1:]:
            w_set.add(space, parse_value(f))
        return w_set
    if op == "setop":
        return run_setop(fields)
    if op == "sorted":
        items_w = []
        for f in fields[1:]:
            items_w.append(parse_value(f))
        do_sort(space, items_w, None, False)
        return space.newlist(items_w)
    if op == "round":
        w_x = parse_value(fields[1])
        if len(fields) > 2:
            return space.call_method1(w_x, "__round__",
                                      parse_value(fields[2]))
        return space.call_method0(w_x, "__round__")
    if op == "divmod":
        return space.divmod(parse_value(fields[1]), parse_value(fields[2]))
    if op == "pow":
        if len(fields) > 3:
            return space.pow3(parse_value(fields[1]), parse_value(fields[2]),
                              parse_value(fields[3]))
        return space.binop(6, parse_value(fields[1]), parse_value(fields[2]))
    raise ValueError


def run_setop(fields):
    """setop OP N A...: the first N values make set a, the rest set b; OP
    is a method name applied as a.OP(b); prints the result's repr and then
    a's (methods may mutate a)."""
    name = fields[1]
    n = int(fields[2])
    w_a = W_SetObject(False)
    w_b = W_SetObject(False)
    i = 3
    while i < len(fields):
        if i - 3 < n:
            w_a.add(space, parse_value(fields[i]))
        else:
            w_b.add(space, parse_value(fields[i]))
        i += 1
    w_res = space.call_method1(w_a, name, w_b)
    return space.newtuple([w_res, w_a])


def describe(fields):
    try:
        w_res = run_case(fields)
        return space.repr_str(w_res)
    except OperationError as e:
        w_exc = e.w_value
        return "!%s: %s" % (space.type_name(w_exc), space.str_str(w_exc))


def read_file(path):
    fd = os.open(path, os.O_RDONLY, 0o777)
    chunks = []
    while True:
        data = os.read(fd, 65536)
        if len(data) == 0:
            break
        chunks.append(as_rstr(data))
    os.close(fd)
    return "".join(chunks)


def as_rstr(data):
    if we_are_translated():
        return data
    return data.decode("latin-1")


def to_bytes(s):
    if we_are_translated():
        return s
    return s.encode("latin-1")


def run_file(text):
    out = []
    for line in text.split("\n"):
        if len(line) == 0:
            continue
        out.append(describe(line.split("\t")))
    return "\n".join(out) + "\n"


def instantiate_everything():
    """The object model's classes that only the interpreter makes
    (functions, cells, super objects, tracebacks): made here too, under a
    condition that never holds, so that the annotator knows their
    attributes when it translates the object model alone."""
    w_dict = space.newdict()
    w_func = W_FunctionObject(None, w_dict, [space.w_None], w_dict,
                              [W_CellObject(None)], "f", "f")
    w_func.w_module = space.w_None
    w_func.attrs = {}
    w_exc = W_BaseExceptionObject(space.w_ValueError, [])
    w_exc.add_traceback(None, 1)
    w_super = W_SuperObject(space.w_object, w_func, space.w_object)
    return [w_func, w_exc, w_super]


def entry_point(argv):
    if len(argv) == 1000:
        instantiate_everything()
    if len(argv) != 2:
        os.write(2, "usage: objcheck CASES\n".encode())
        return 2
    os.write(1, to_bytes(run_file(read_file(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
