"""Run the object-model unit tests.

    python3 tests/python_objects/run.py [-v] [PATTERN]     on CPython
    python3 tests/python_objects/run.py --translated [--lathe PATH]

The second form translates objcheck.py (the RPy driver of the generated
cases) and compares its output with CPython's answers.  The translator
finds modules next to the main file, so the driver is translated from a
staging directory holding links to interpreters/python/*.py.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VM_DIR = os.path.join(ROOT, "interpreters", "python")
sys.path.insert(0, VM_DIR)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)


def stage(workdir):
    """A directory with the VM's modules and objcheck.py, for lathe."""
    for name in os.listdir(VM_DIR):
        if name.endswith(".py"):
            os.symlink(os.path.join(VM_DIR, name), os.path.join(workdir, name))
    shutil.copy(os.path.join(HERE, "objcheck.py"), workdir)
    return os.path.join(workdir, "objcheck.py")


def run_translated(lathe):
    import test_objcheck
    with tempfile.TemporaryDirectory() as work:
        main = stage(work)
        exe = os.path.join(work, "objcheck-c")
        t0 = time.time()
        subprocess.check_call([lathe, "translate", main, "-o", exe])
        print("translated in %.1f s" % (time.time() - t0))
        cases, expected = test_objcheck.generate(work)
        actual = subprocess.run([exe, cases], stdout=subprocess.PIPE,
                                check=True).stdout
        problems = test_objcheck.compare(cases, expected, actual)
        for p in problems[:40]:
            print(p)
        with open(cases) as f:
            total = len(f.read().splitlines())
        print("%d of %d cases agree with CPython" % (total - len(problems),
                                                    total))
        return 0 if not problems else 1


if __name__ == "__main__":
    if "--translated" in sys.argv:
        lathe = os.path.join(ROOT, "build", "lathe")
        if "--lathe" in sys.argv:
            lathe = sys.argv[sys.argv.index("--lathe") + 1]
        sys.exit(run_translated(lathe))
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbosity = 2 if "-v" in sys.argv else 1
    pattern = "test_*.py" if not args else "test_%s*.py" % args[0]
    suite = unittest.defaultTestLoader.discover(HERE, pattern=pattern)
    result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
