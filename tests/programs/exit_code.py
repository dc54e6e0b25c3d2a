"""The exit status is entry_point's return value: this program runs a few
self-checks, prints a summary and returns the number of failures, 3 (no
exception, nothing on stderr)."""

import sys


def check_sorted(items):
    for i in range(len(items) - 1):
        if items[i] > items[i + 1]:
            return False
    return True


def run_checks():
    results = []
    results.append(check_sorted([1, 2, 3]))
    results.append(check_sorted([3, 2, 1]))
    results.append(len("abc") == 3)
    results.append(7 // 2 == 4)
    results.append(-7 // 2 == -3)
    results.append("x" in "xyz")
    return results


def count_failures(results):
    n = 0
    for ok in results:
        if not ok:
            n += 1
    return n


def entry_point(argv):
    results = run_checks()
    for i, ok in enumerate(results):
        print("check %d: %s" % (i, "ok" if ok else "FAILED"))
    failures = count_failures(results)
    print("%d checks, %d failed" % (len(results), failures))
    return failures


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
