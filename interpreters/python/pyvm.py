"""pyvm: the Python VM's entry point.

    python3 interpreters/python/pyvm.py [--jit off|param=value,...] SCRIPT [ARGS...]
    lathe translate --jit interpreters/python/pyvm.py -o pyvm && ./pyvm SCRIPT

Reads SCRIPT, compiles it with the front end (pycompiler), runs it as the
module `__main__` (pyinterp), and exits like CPython: status 0, or the
code of an uncaught SystemExit (its message on stderr when it is not an
int), or 1 after printing an uncaught exception's traceback in CPython
3.11's layout (`Traceback (most recent call last):`, one `  File "...",
line N, in NAME` line per frame followed by the source line indented by
four spaces, the chained exceptions before it, and `Name: message`).  A
SyntaxError in SCRIPT is reported as CPython does, without a traceback.

`--jit` takes the LATHE_JIT syntax (`off`, `threshold=50,...`) and sets
the parameters of the interpreter's JitDriver.
"""

import os
import sys

if __name__ == "__main__":
    # Untranslated: make `rlib` (the repository root) importable.
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import set_user_param
from rlib.objectmodel import we_are_translated

from pyobjects import (OperationError, W_BaseExceptionObject,
                       W_TracebackObject, W_ModuleObject, W_TypeObject)
from pyspace import space
from pyint import W_IntObject
from pystr import W_StrObject
from pylist import W_TupleObject
import pyfile
import pyinterp
from pyinterp import interp
import pyinterpbuiltins
import pymodules
import pystdlib
import pycompiler
import pytokenizer

USAGE = "usage: pyvm [--jit off|param=value,...] SCRIPT [ARGS...]\n"


class SourceCache(object):
    """The lines of source files, for tracebacks (read on demand)."""

    def __init__(self):
        self.files = {}

    def line(self, filename, lineno):
        lines = self.files.get(filename, None)
        if lines is None:
            if filename.startswith(pymodules.STDLIB_PREFIX):
                name = filename[len(pymodules.STDLIB_PREFIX):]
                if name.endswith(".py"):
                    name = name[:len(name) - 3]
                text = pystdlib.SOURCES.get(name, None)
            else:
                text = pyfile.read_file(filename)
            if text is None:
                lines = []
            else:
                lines = text.split("\n")
            self.files[filename] = lines
        if lineno < 1 or lineno > len(lines):
            return ""
        return lines[lineno - 1].strip()


source_cache = SourceCache()


# ---------------------------------------------------------------------------
# Reporting an uncaught exception


def exception_line(w_exc):
    """`Name: message` as CPython's traceback module prints it."""
    w_type = space.type(w_exc)
    name = w_type.qualname
    if w_type.module != "builtins" and w_type.module != "__main__":
        name = w_type.module + "." + name
    try:
        if w_type.issubtype(space.w_SyntaxError) and \
                isinstance(w_exc, W_BaseExceptionObject) and \
                len(w_exc.args_w) > 0:
            text = space.str_str(w_exc.args_w[0])
        else:
            text = space.str_str(w_exc)
    except OperationError:
        text = "<exception str() failed>"
    if text == "":
        return name + "\n"
    return name + ": " + text + "\n"


def syntax_error_lines(w_exc):
    """The `File` line, source line and caret of a SyntaxError."""
    assert isinstance(w_exc, W_BaseExceptionObject)
    if len(w_exc.args_w) != 2:
        return ""
    w_details = w_exc.args_w[1]
    if not isinstance(w_details, W_TupleObject) or \
            len(w_details.items_w) < 4:
        return ""
    details = w_details.items_w
    filename = space.str_str(details[0])
    lineno = space.int_w(details[1])
    offset = space.int_w(details[2])
    text = space.str_w(details[3])
    end_offset = 0
    if len(details) > 5:
        end_offset = space.int_w(details[5])
    e = pytokenizer.PySyntaxError("", "", filename, lineno, offset, text,
                                  lineno, end_offset)
    report = e.format()
    # format() ends with the exception line: keep the location part only
    cut = report.rfind("\n", 0, len(report) - 1)
    if cut < 0:
        return ""
    return report[:cut + 1]


RECURSIVE_CUTOFF = 3


def format_traceback(w_tb):
    """The `File` lines of a traceback; runs of more than three identical
    entries (recursion) end with `[Previous line repeated N more
    times]`, as CPython prints them."""
    out = []
    last_code = None
    last_line = -1
    count = 0
    while w_tb is not None:
        assert isinstance(w_tb, W_TracebackObject)
        code = w_tb.code
        if code is not last_code or w_tb.lineno != last_line:
            repeated_note(out, count)
            last_code = code
            last_line = w_tb.lineno
            count = 0
        count += 1
        if count <= RECURSIVE_CUTOFF:
            out.append('  File "%s", line %d, in %s\n' % (
                code.co_filename, w_tb.lineno, code.co_name))
            line = source_cache.line(code.co_filename, w_tb.lineno)
            if line != "":
                out.append("    " + line + "\n")
        w_tb = w_tb.w_next
    repeated_note(out, count)
    return "".join(out)


def repeated_note(out, count):
    if count > RECURSIVE_CUTOFF:
        n = count - RECURSIVE_CUTOFF
        plural = "s"
        if n == 1:
            plural = ""
        out.append("  [Previous line repeated %d more time%s]\n" % (n, plural))


def format_exception(w_exc, seen):
    """The whole report of w_exc, its cause or context first."""
    assert isinstance(w_exc, W_BaseExceptionObject)
    seen.append(w_exc)
    out = []
    w_cause = w_exc.w_cause
    w_context = w_exc.w_context
    if w_cause is not None and isinstance(w_cause, W_BaseExceptionObject) \
            and not in_list(seen, w_cause):
        out.append(format_exception(w_cause, seen))
        out.append("\nThe above exception was the direct cause of the "
                   "following exception:\n\n")
    elif w_context is not None and not w_exc.suppress_context and \
            isinstance(w_context, W_BaseExceptionObject) and \
            not in_list(seen, w_context):
        out.append(format_exception(w_context, seen))
        out.append("\nDuring handling of the above exception, another "
                   "exception occurred:\n\n")
    if w_exc.w_traceback is not None:
        out.append("Traceback (most recent call last):\n")
        out.append(format_traceback(w_exc.w_traceback))
    if space.type(w_exc).issubtype(space.w_SyntaxError):
        out.append(syntax_error_lines(w_exc))
    out.append(exception_line(w_exc))
    return "".join(out)


def in_list(items, w_x):
    for w_item in items:
        if w_item is w_x:
            return True
    return False


def report_exception(w_exc):
    space.w_stdout.flush()
    pyfile.write_all(2, format_exception(w_exc, []))


def system_exit_status(w_exc):
    """The exit status of an uncaught SystemExit (printing its message
    when it is not an int or None)."""
    assert isinstance(w_exc, W_BaseExceptionObject)
    if len(w_exc.args_w) == 0:
        return 0
    w_code = w_exc.args_w[0]
    if len(w_exc.args_w) > 1:
        w_code = space.newtuple(list(w_exc.args_w))
    if space.is_none(w_code):
        return 0
    if isinstance(w_code, W_IntObject):
        return w_code.intval & 0xff
    space.w_stdout.flush()
    pyfile.write_all(2, space.str_str(w_code) + "\n")
    return 1


# ---------------------------------------------------------------------------
# Running a script


def dirname(path):
    k = path.rfind("/")
    if k < 0:
        return ""
    if k == 0:
        return "/"
    return path[:k]


def abspath_dir(path):
    d = dirname(path)
    if d.startswith("/"):
        return d
    cwd = current_dir()
    if d == "":
        return cwd
    return cwd + "/" + d


def current_dir():
    if we_are_translated():
        return "."
    return os.getcwd()


def setup_sys(script, script_args):
    w_sys = space.builtin_modules["sys"]
    argv_w = [space.newtext(script)]
    for a in script_args:
        argv_w.append(space.newtext(pyfile.from_os_str(a)))
    space.setitem_str(w_sys.w_dict, "argv", space.newlist(argv_w))
    space.setitem_str(w_sys.w_dict, "path",
                      space.newlist([space.newtext(abspath_dir(script))]))


def run_script(script, script_args):
    source = pyfile.read_file(script)
    if source is None:
        pyfile.write_all(2, "pyvm: can't open file '%s': [Errno 2] No such "
                         "file or directory\n" % script)
        return 2
    setup_sys(script, script_args)
    w_main = pymodules.new_module("__main__")
    w_main.filename = script
    space.setitem_str(w_main.w_dict, "__file__", space.newtext(script))
    space.setitem_str(w_main.w_dict, "__builtins__", space.w_builtins_module)
    space.setitem_str(space.w_sys_modules, "__main__", w_main)
    try:
        code = pycompiler.compile_source(source, script)
    except pytokenizer.PySyntaxError as e:
        pyfile.write_all(2, e.format())
        return 1
    status = 0
    try:
        interp.run_module_code(code, w_main.w_dict)
    except OperationError as e:
        w_exc = e.w_value
        if space.type(w_exc).issubtype(space.w_SystemExit):
            status = system_exit_status(w_exc)
        else:
            report_exception(w_exc)
            status = 1
    space.w_stdout.flush()
    space.w_stderr.flush()
    return status


def entry_point(argv):
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--jit":
        try:
            set_user_param(pyinterp.driver, args[1])
        except AssertionError:
            pyfile.write_all(2, "pyvm: bad --jit parameters: %s\n" % args[1])
            return 2
        args = args[2:]
    if len(args) == 0:
        pyfile.write_all(2, USAGE)
        return 2
    return run_script(args[0], args[1:])


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    sys.exit(entry_point(sys.argv))
