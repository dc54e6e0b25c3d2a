"""Shared by the end-to-end test drivers (differential.py, jit_matrix.py):
running a process with a timeout that kills its whole process group,
describing exit statuses, the CPython environment of the reference runs,
and per-program work-file stems."""
import os
import signal
import subprocess
import time

# The repository root: this file is tests/e2e/e2elib.py.
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Run(object):
    """The outcome of one process: exit status (negative: killed by that
    signal), captured output as bytes, wall time, and whether it timed out."""

    def __init__(self, status, stdout, stderr, seconds, timed_out):
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.timed_out = timed_out


def run_process(cmd, env, timeout, cwd=REPO_ROOT):
    """Runs `cmd` with stdin from /dev/null, capturing stdout and stderr.
    The child gets its own process group, so a timeout kills everything it
    started (the translator spawns compilers)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    return Run(proc.returncode, out, err, time.monotonic() - start, timed_out)


def cpython_env():
    """The environment of CPython reference runs: the repository on the
    path (rlib), unbuffered UTF-8 output, no .pyc files in the tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO_ROOT
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"   # keep the source tree clean
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def describe_status(status):
    if status < 0:
        try:
            return "killed by %s" % signal.Signals(-status).name
        except ValueError:
            return "killed by signal %d" % -status
    return "exit %d" % status


def text(data):
    """Bytes shown to a human (never compared in this form)."""
    return data.decode("utf-8", errors="backslashreplace")


def unique_stems(programs):
    """WORK/<stem>-c per program; programs from different directories that
    share a file name get -2, -3, ... appended to keep their files apart."""
    seen = {}
    stems = []
    for p in programs:
        stem = os.path.splitext(os.path.basename(p))[0]
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        stems.append(stem if n == 1 else "%s-%d" % (stem, n))
    return stems
