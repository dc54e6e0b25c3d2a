"""The bundled standard-library modules (interpreters/python/lib, embedded
in pystdlib.py) run by the untranslated VM print what CPython's own
modules print (scripts in stdlib/), and pystdlib.py is up to date."""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PYVM = os.path.join(ROOT, "interpreters", "python", "pyvm.py")
SCRIPTS = os.path.join(HERE, "stdlib")


def run(argv):
    return subprocess.run(argv, cwd=SCRIPTS, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=600).stdout


class TestStdlib(unittest.TestCase):
    def test_generated_file_is_current(self):
        import gen_stdlib
        with open(os.path.join(ROOT, "interpreters", "python",
                               "pystdlib.py")) as f:
            self.assertEqual(f.read(), gen_stdlib.generate(),
                             "regenerate: python3 tests/python_objects/"
                             "gen_stdlib.py > interpreters/python/pystdlib.py")

    def test_scripts_agree_with_cpython(self):
        for name in sorted(os.listdir(SCRIPTS)):
            if not name.endswith(".py"):
                continue
            expected = run([sys.executable, name])
            actual = run([sys.executable, PYVM, name])
            self.assertEqual(actual.decode("utf-8", "replace"),
                             expected.decode("utf-8", "replace"), name)
