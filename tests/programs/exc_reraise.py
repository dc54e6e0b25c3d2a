"""Re-raising: a bare `raise` in a handler passes the same exception (with
its attributes) to the caller, after cleanup; re-raise from a nested
handler; raising a different exception from a handler; conditional
re-raise."""

import sys


class Retry(Exception):
    def __init__(self, attempt):
        self.attempt = attempt


class Fatal(Exception):
    def __init__(self, reason):
        self.reason = reason


class Journal(object):
    def __init__(self):
        self.entries = []


J = Journal()


def attempt(n):
    if n < 3:
        raise Retry(n)
    if n == 5:
        raise Fatal("five is fatal")
    return n * 10


def logged(n):
    try:
        return attempt(n)
    except Retry:
        J.entries.append("retry %d" % n)
        raise


def translate(n):
    try:
        return logged(n)
    except Retry as r:
        if r.attempt == 0:
            raise Fatal("gave up at attempt 0")
        raise


def classify(n):
    try:
        return "value %d" % translate(n)
    except Retry as r:
        return "retry from attempt %d" % r.attempt
    except Fatal as f:
        return "fatal: " + f.reason


def entry_point(argv):
    for n in range(6):
        print("%d -> %s" % (n, classify(n)))
    print("journal: " + ", ".join(J.entries))
    count = 0
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            count += 1
            raise
    except KeyError:
        count += 10
    print("re-raised built-in caught outside: %d" % count)
    try:
        try:
            raise ValueError("original")
        except ValueError:
            raise IndexError("replacement")
    except IndexError as e:
        print("replacement caught: " + str(e))
    except ValueError:
        print("wrong: original escaped")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
