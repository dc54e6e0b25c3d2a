"""objcheck cases (gen_cases.py, CPython's answers) through the object
space, untranslated.  run.py --translated runs the translated driver."""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(workdir):
    cases = os.path.join(workdir, "cases.txt")
    expected = os.path.join(workdir, "expected.txt")
    subprocess.check_call([sys.executable, os.path.join(HERE, "gen_cases.py"),
                           cases, expected])
    return cases, expected


def compare(cases_path, expected_path, actual_bytes):
    """A list of mismatch descriptions (empty when all agree)."""
    with open(cases_path, "rb") as f:
        cases = f.read().decode("utf-8").split("\n")
    with open(expected_path, "rb") as f:
        expected = f.read().split(b"\n")
    actual = actual_bytes.split(b"\n")
    problems = []
    for i, exp in enumerate(expected):
        got = actual[i] if i < len(actual) else b"<missing>"
        if got != exp:
            problems.append("case %d: %s\n  expected %s\n  got      %s" % (
                i + 1, cases[i] if i < len(cases) else "?",
                exp.decode("utf-8", "replace"), got.decode("utf-8", "replace")))
    return problems


class TestObjCheck(unittest.TestCase):
    def test_cases_untranslated(self):
        import objcheck
        with tempfile.TemporaryDirectory() as work:
            cases, expected = generate(work)
            with open(cases, "rb") as f:
                text = f.read().decode("latin-1")
            actual = objcheck.run_file(text).encode("latin-1")
            problems = compare(cases, expected, actual)
            if problems:
                self.fail("%d mismatches:\n%s" % (len(problems),
                                                  "\n".join(problems[:40])))
