#!/usr/bin/env python3
"""The Python VM front end's tests (tokenizer, parser, compiler).

    python3 tests/python_frontend/run.py [--lathe PATH | --tool PATH]
                                         [--stdlib DIR] [--no-stdlib] [NAME...]
    LATHE_UPDATE_GOLDEN=1 python3 tests/python_frontend/run.py   # rewrite goldens

What it checks, untranslated (the front end imported into this CPython):

  golden    tokens/, ast/, dis/, errors/: each NAME.py against NAME.out,
            the output of `pyfront.py STAGE NAME.py` (errors/ runs `dis`,
            so compile-time errors show too; its goldens hold the
            CPython-style SyntaxError report).
  cpython   ast/ goldens equal CPython's `ast.dump(tree, indent=2)`;
            each errors/ case is a SyntaxError of the same class and line
            in CPython, with the same message (cases named *_unsupported
            are programs CPython accepts and the front end rejects on
            purpose).
  run       run/NAME.py runs on CPython and, compiled by the front end, on
            refvm.py (the reference interpreter of the bytecode): stdout,
            exit status and the last line of stderr must agree.
  suite     every tests/python/*.py parses and compiles (syntax_* ones
            fail as in CPython: class, line, message).
  stdlib    every DIR/*.py (default /usr/lib/python3.11) that CPython
            parses and that uses only supported syntax parses to CPython's
            exact AST and compiles; the counts are reported.

With --refvm-suite it also runs the VM's whole suite (tests/python,
through tests/e2e/pyvm_suite.py) on refvm.py: every script compiled by the
front end must behave as on CPython.

With --lathe PATH the runner also translates tools/pyfront.py once with
that `lathe` (timing it) and runs every golden through the translated
tool, and checks that it prints what the untranslated front end prints
for the tests/python scripts (dis) and the stdlib sample (ast --pos);
--tool PATH uses an already translated pyfront instead.  NAME filters by
substring.  Exit status 0 when everything passed, 1 otherwise.
"""

import argparse
import ast as cpython_ast
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
TOOLS = os.path.join(ROOT, 'interpreters', 'python', 'tools')
sys.path.insert(0, TOOLS)
sys.path.insert(0, ROOT)

import pyfront                    # noqa: E402  (the tool, untranslated)
import pyparser                   # noqa: E402
import pyast                      # noqa: E402
import pycompiler                 # noqa: E402
from pytokenizer import PySyntaxError   # noqa: E402

GOLDEN_STAGES = [('tokens', 'tokens'), ('ast', 'ast'), ('dis', 'dis'),
                 ('errors', 'dis')]
UNSUPPORTED = (cpython_ast.AsyncFunctionDef, cpython_ast.AsyncFor,
               cpython_ast.AsyncWith, cpython_ast.Await,
               cpython_ast.NamedExpr, cpython_ast.Match,
               cpython_ast.TryStar)


class Report(object):
    def __init__(self):
        self.failures = []
        self.counts = {}

    def ok(self, group):
        self.counts.setdefault(group, [0, 0])[0] += 1

    def fail(self, group, name, detail):
        self.counts.setdefault(group, [0, 0])[1] += 1
        self.failures.append('%s %s: %s' % (group, name, detail))


def latin1(data):
    """Bytes as the front end's untranslated strings (one char a byte)."""
    return data.decode('latin-1')


def to_text(s):
    return s.encode('latin-1').decode('utf-8', 'replace')


def short_diff(expected, got):
    import difflib
    lines = list(difflib.unified_diff(expected.splitlines(),
                                      got.splitlines(), 'expected', 'got',
                                      lineterm='', n=1))
    return '\n      ' + '\n      '.join(lines[:14])


def golden_cases(names):
    cases = []
    for directory, stage in GOLDEN_STAGES:
        folder = os.path.join(HERE, directory)
        for fname in sorted(os.listdir(folder)):
            if not fname.endswith('.py'):
                continue
            rel = directory + '/' + fname
            if names and not any(n in rel for n in names):
                continue
            cases.append((directory, stage, rel))
    return cases


def expected_text(result):
    """A golden file: the output, and the status when not 0."""
    text = to_text(result.out)
    if result.status != 0:
        text += '[exit %d]\n' % result.status
    return text


def check_goldens(report, names, update):
    for directory, stage, rel in golden_cases(names):
        result = pyfront.run_command([stage, rel])
        got = expected_text(result)
        out_path = os.path.join(HERE, rel[:-3] + '.out')
        if update:
            with open(out_path, 'w', encoding='utf-8') as f:
                f.write(got)
        if not os.path.exists(out_path):
            report.fail('golden', rel, 'no golden (LATHE_UPDATE_GOLDEN=1)')
            continue
        with open(out_path, encoding='utf-8') as f:
            expected = f.read()
        if expected != got:
            report.fail('golden', rel, short_diff(expected, got))
        else:
            report.ok('golden')


def check_against_cpython(report, names):
    for directory, stage, rel in golden_cases(names):
        path = os.path.join(HERE, rel)
        with open(path, 'rb') as f:
            data = f.read()
        if directory == 'ast':
            mine = to_text(pyast.dump(pyparser.parse(latin1(data), rel), 2,
                                      False))
            theirs = cpython_ast.dump(cpython_ast.parse(data), indent=2)
            if mine != theirs:
                report.fail('cpython', rel, short_diff(theirs, mine))
            else:
                report.ok('cpython')
        elif directory == 'errors':
            check_error_case(report, rel, data)


def front_end_error(data, filename):
    try:
        pycompiler.compile_source(latin1(data), filename)
    except PySyntaxError as e:
        return e
    return None


def cpython_error(data, filename):
    try:
        compile(data, filename, 'exec')
    except SyntaxError as e:
        return e
    return None


def check_error_case(report, rel, data):
    mine = front_end_error(data, rel)
    theirs = cpython_error(data, rel)
    if mine is None:
        report.fail('cpython', rel, 'the front end accepts it')
        return
    if rel.endswith('_unsupported.py'):
        report.ok('cpython')
        return
    if theirs is None:
        report.fail('cpython', rel, 'CPython accepts it')
        return
    got = (mine.kind, to_text(mine.msg), mine.lineno)
    want = (type(theirs).__name__, theirs.msg, theirs.lineno)
    if got != want:
        report.fail('cpython', rel, 'CPython says %r, we say %r' %
                    (want, got))
    else:
        report.ok('cpython')


def run_capture(argv, cwd):
    proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def last_line(data):
    lines = [l for l in data.decode('utf-8', 'replace').splitlines() if l]
    if not lines:
        return ''
    return lines[-1]


def check_run(report, names):
    folder = os.path.join(HERE, 'run')
    refvm = os.path.join(HERE, 'refvm.py')
    for fname in sorted(os.listdir(folder)):
        if not fname.endswith('.py'):
            continue
        if names and not any(n in 'run/' + fname for n in names):
            continue
        want = run_capture([sys.executable, fname], folder)
        got = run_capture([sys.executable, refvm, fname], folder)
        if want[0] != got[0] or want[1] != got[1] or \
                last_line(want[2]) != last_line(got[2]):
            detail = 'exit %d vs %d' % (want[0], got[0])
            detail += short_diff(want[1].decode() + last_line(want[2]),
                                 got[1].decode() + last_line(got[2]))
            report.fail('run', fname, detail)
        else:
            report.ok('run')


def check_suite(report, names):
    folder = os.path.join(ROOT, 'tests', 'python')
    if not os.path.isdir(folder):
        return
    for fname in sorted(os.listdir(folder)):
        if not fname.endswith('.py'):
            continue
        if names and not any(n in fname for n in names):
            continue
        with open(os.path.join(folder, fname), 'rb') as f:
            data = f.read()
        mine = front_end_error(data, fname)
        theirs = cpython_error(data, fname)
        if theirs is None and mine is None:
            report.ok('suite')
        elif theirs is None:
            report.fail('suite', fname, 'rejected: %s (line %d)' %
                        (to_text(mine.msg), mine.lineno))
        elif mine is None:
            report.fail('suite', fname, 'accepted; CPython: %s' % theirs.msg)
        elif (mine.kind, to_text(mine.msg), mine.lineno) != \
                (type(theirs).__name__, theirs.msg, theirs.lineno):
            report.fail('suite', fname, 'CPython says %r line %d, we say %r '
                        'line %d' % (theirs.msg, theirs.lineno,
                                     to_text(mine.msg), mine.lineno))
        else:
            report.ok('suite')


def stdlib_files(directory):
    if not os.path.isdir(directory):
        return []
    return [os.path.join(directory, f) for f in sorted(os.listdir(directory))
            if f.endswith('.py')]


def check_stdlib(report, directory):
    """Counts: parsed and compiled with CPython's AST / skipped."""
    skipped = 0
    checked = []
    for path in stdlib_files(directory):
        with open(path, 'rb') as f:
            data = f.read()
        try:
            tree = cpython_ast.parse(data)
        except (SyntaxError, ValueError):
            skipped += 1
            continue
        if any(isinstance(n, UNSUPPORTED) for n in cpython_ast.walk(tree)):
            skipped += 1
            continue
        checked.append(path)
        try:
            mine = pyparser.parse(latin1(data), path)
            pycompiler.compile_module(mine, pyparser.prepare_source(
                latin1(data)), path)
        except PySyntaxError as e:
            report.fail('stdlib', path, '%s line %d' % (to_text(e.msg),
                                                       e.lineno))
            continue
        if to_text(pyast.dump(mine, -1, False)) != cpython_ast.dump(tree):
            report.fail('stdlib', path, 'AST differs from CPython\'s')
            continue
        report.ok('stdlib')
    report.counts.setdefault('stdlib', [0, 0])
    report.stdlib_skipped = skipped
    return checked


def check_refvm_suite(report):
    """tests/python through refvm.py, compared with CPython by the VM's
    own suite runner."""
    runner = os.path.join(ROOT, 'tests', 'e2e', 'pyvm_suite.py')
    vm = '%s %s' % (sys.executable, os.path.join(HERE, 'refvm.py'))
    proc = subprocess.run([sys.executable, runner, '--vm', vm, '--jobs',
                           str(os.cpu_count() or 2)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for line in proc.stdout.decode('utf-8', 'replace').splitlines():
        if line.startswith('PASS '):
            report.ok('refvm-suite')
        elif line.startswith('FAIL '):
            report.fail('refvm-suite', line.split()[1].rstrip(':'), line)


# --- the translated tool ---------------------------------------------------

def translate(lathe):
    out_dir = tempfile.mkdtemp(prefix='pyfront-')
    binary = os.path.join(out_dir, 'pyfront')
    start = time.time()
    proc = subprocess.run([lathe, 'translate',
                           os.path.join(TOOLS, 'pyfront.py'), '-o', binary],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seconds = time.time() - start
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout.decode('utf-8', 'replace'))
        return None, seconds
    return binary, seconds


def check_translated_goldens(report, tool, names):
    for directory, stage, rel in golden_cases(names):
        status, out, err = run_capture([tool, stage, rel], HERE)
        got = out.decode('utf-8', 'replace')
        if status != 0:
            got += '[exit %d]\n' % status
        with open(os.path.join(HERE, rel[:-3] + '.out'),
                  encoding='utf-8') as f:
            expected = f.read()
        if got != expected:
            report.fail('translated', rel, short_diff(expected, got))
        else:
            report.ok('translated')


def check_translated_same(report, tool, stage_args, paths):
    """The translated tool prints what the untranslated one prints."""
    for path in paths:
        status, out, err = run_capture([tool] + stage_args + [path], HERE)
        result = pyfront.run_command(stage_args + [path])
        if status != result.status or out != result.out.encode('latin-1'):
            report.fail('translated', path, 'differs from untranslated')
        else:
            report.ok('translated')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--lathe', help='translate the tool with this lathe')
    parser.add_argument('--tool', help='an already translated pyfront')
    parser.add_argument('--stdlib', default='/usr/lib/python3.11')
    parser.add_argument('--no-stdlib', action='store_true')
    parser.add_argument('--refvm-suite', action='store_true',
                        help='run tests/python on refvm.py too')
    parser.add_argument('names', nargs='*')
    args = parser.parse_args()
    if args.lathe:
        args.lathe = os.path.abspath(args.lathe)
    if args.tool:
        args.tool = os.path.abspath(args.tool)
    update = os.environ.get('LATHE_UPDATE_GOLDEN') == '1'
    os.chdir(HERE)
    report = Report()
    report.stdlib_skipped = 0
    check_goldens(report, args.names, update)
    check_against_cpython(report, args.names)
    check_run(report, args.names)
    check_suite(report, args.names)
    checked = []
    if not args.no_stdlib and not args.names:
        checked = check_stdlib(report, args.stdlib)
    if args.refvm_suite:
        check_refvm_suite(report)
    tool = args.tool
    if args.lathe:
        tool, seconds = translate(args.lathe)
        if tool is None:
            report.fail('translated', 'pyfront.py', 'translation failed')
        else:
            print('translated tools/pyfront.py in %.1f s' % seconds)
    if tool:
        check_translated_goldens(report, tool, args.names)
        suite = os.path.join(ROOT, 'tests', 'python')
        if not args.names and os.path.isdir(suite):
            check_translated_same(report, tool, ['dis'],
                                  [os.path.join(suite, f)
                                   for f in sorted(os.listdir(suite))
                                   if f.endswith('.py')])
            check_translated_same(report, tool, ['ast', '--pos'], checked)
    for failure in report.failures:
        print('FAIL ' + failure)
    for group in ['golden', 'cpython', 'run', 'suite', 'refvm-suite',
                  'stdlib', 'translated']:
        if group in report.counts:
            passed, failed = report.counts[group]
            extra = ''
            if group == 'stdlib':
                extra = ', %d skipped (syntax the front end does not ' \
                        'support, or not Python 3.11)' % report.stdlib_skipped
            print('%-10s %4d passed, %d failed%s' % (group, passed, failed,
                                                      extra))
    if update:
        print('goldens rewritten (LATHE_UPDATE_GOLDEN=1)')
    return 1 if report.failures else 0


if __name__ == '__main__':
    sys.setrecursionlimit(100000)
    sys.exit(main())
