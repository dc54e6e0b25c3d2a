"""pyfront: run the Python VM's front end on a file and print a stage.

    python3 interpreters/python/tools/pyfront.py tokens FILE
    python3 interpreters/python/tools/pyfront.py ast [--pos] FILE
    python3 interpreters/python/tools/pyfront.py dis FILE
    python3 interpreters/python/tools/pyfront.py opcodes

    lathe translate interpreters/python/tools/pyfront.py -o pyfront
    ./pyfront dis FILE

`tokens` prints pytokenizer's tokens, `ast` the tree as CPython's
`ast.dump(tree, indent=2)` (with `--pos`, `include_attributes=True`),
`dis` the compiled code objects (pycode.dis), `opcodes` the opcode
reference.  A syntax error is printed as CPython reports it (on stdout,
so that goldens hold it) and the exit status is 1; bad usage or an
unreadable file exits with 2.

The front-end modules live one directory up; the translator looks for
imports only next to the main program and in the project root, so this
directory holds symbolic links to them (pytokenizer.py -> ../pytokenizer.py
...).  On CPython the links are found the same way.
"""

import os
import sys

if __name__ == "__main__":
    # Untranslated: make `rlib` (the repository root) importable.
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", "..", ".."))

from rlib.objectmodel import we_are_translated
import pytokenizer
import pyparser
import pyast
import pycode
import pycompiler
import pyopcodes

USAGE = ("usage: pyfront tokens FILE | ast [--pos] FILE | dis FILE | "
         "opcodes\n")


def bytes_to_str(data):
    """Bytes read from a file as a str of bytes.  Translated, strings are
    bytes and decode() is the identity; on CPython a str holds one
    character per byte (latin-1), so both runs see the same text."""
    if we_are_translated():
        return data.decode()
    return data.decode('latin-1')


def str_to_bytes(text):
    if we_are_translated():
        return text.encode()
    return text.encode('latin-1')


def write(fd, text):
    data = str_to_bytes(text)
    while len(data) > 0:
        n = os.write(fd, data)
        data = data[n:]


def read_file(path):
    """The file's bytes, or None if it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY, 0)
    except OSError:
        return None
    chunks = []
    try:
        while True:
            data = os.read(fd, 65536)
            if len(data) == 0:
                break
            chunks.append(bytes_to_str(data))
    except OSError:
        os.close(fd)
        return None
    os.close(fd)
    return ''.join(chunks)


def run_stage(stage, source, path, positions):
    """The text the stage prints; raises PySyntaxError."""
    if stage == 'tokens':
        return pytokenizer.dump_tokens(pytokenizer.tokenize(source, path))
    tree = pyparser.parse(source, path)
    if stage == 'ast':
        return pyast.dump(tree, 2, positions) + "\n"
    code = pycompiler.compile_module(tree, source, path)
    return pycode.dis(code)


class Result(object):
    """What a command prints and its exit status."""

    def __init__(self, status, out, err):
        self.status = status
        self.out = out
        self.err = err


def run_command(args):
    """Runs `pyfront ARGS` (without the program name); the runner of
    tests/python_frontend calls it directly."""
    if len(args) == 1 and args[0] == 'opcodes':
        return Result(0, pyopcodes.reference(), '')
    positions = False
    if len(args) == 3 and args[0] == 'ast' and args[1] == '--pos':
        positions = True
        args = [args[0], args[2]]
    if len(args) != 2 or args[0] not in ['tokens', 'ast', 'dis']:
        return Result(2, '', USAGE)
    path = args[1]
    source = read_file(path)
    if source is None:
        return Result(2, '', "pyfront: cannot read '%s'\n" % path)
    try:
        text = run_stage(args[0], source, path, positions)
    except pytokenizer.PySyntaxError as e:
        return Result(1, e.format(), '')
    return Result(0, text, '')


def entry_point(argv):
    result = run_command(argv[1:])
    write(1, result.out)
    write(2, result.err)
    return result.status


if __name__ == "__main__":
    # Untranslated, deep (but legal) nesting needs more than CPython's
    # default recursion limit; CPython 3.11 frames are not C frames.
    sys.setrecursionlimit(100000)
    sys.exit(entry_point(sys.argv))
