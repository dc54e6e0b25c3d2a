"""An uncaught assertion with a message, after caught ones:
`AssertionError: invariant broken at 4`, exit status 1."""

import sys


class Account(object):
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        assert amount > 0, "withdrawal must be positive"
        self.balance -= amount


def check(i):
    assert i < 4, "invariant broken at %d" % i
    return i * i


def entry_point(argv):
    try:
        check(9)
    except AssertionError:
        print("first failure caught")
    acct = Account(100)
    acct.withdraw(30)
    try:
        acct.withdraw(-5)
    except AssertionError as e:
        print("refused: " + str(e))
    print("balance %d" % acct.balance)
    for i in range(10):
        print("check(%d) = %d" % (i, check(i)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
