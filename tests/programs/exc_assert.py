"""assert: passing assertions, failing ones with and without a message
caught as AssertionError (the message printed), asserts used to narrow
None-able values, and an assert in a callee caught by the caller."""

import sys


class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None


def checked_sqrt(n):
    assert n >= 0, "negative input"
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r


def second_value(head):
    nxt = head.next
    assert nxt is not None
    return nxt.value


def entry_point(argv):
    assert len(argv) >= 1
    assert True, "never shown"
    for n in [16, 17, 0, -4]:
        try:
            print("checked_sqrt(%d) = %d" % (n, checked_sqrt(n)))
        except AssertionError as e:
            print("checked_sqrt(%d) failed: %s" % (n, str(e)))
    head = Node(1)
    head.next = Node(2)
    print("second: %d" % second_value(head))
    try:
        second_value(head.next)
    except AssertionError as e:
        print("assertion without message: [%s]" % str(e))
    total = 0
    for i in range(10):
        try:
            assert i % 3 != 0, "multiple of three: %d" % i
            total += i
        except AssertionError as e:
            print(str(e))
    print("total of non-multiples: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
