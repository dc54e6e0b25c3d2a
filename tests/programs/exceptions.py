"""Exceptions: a user hierarchy, raise through several calls,
except with tuples and `as`, else and finally, built-in exceptions."""

import sys


class ParseError(Exception):
    def __init__(self, message, pos):
        self.message = message
        self.pos = pos


class UnexpectedEnd(ParseError):
    pass


class Log(object):
    def __init__(self):
        self.lines = []

    def add(self, s):
        self.lines.append(s)


LOG = Log()


def parse_number(s, pos):
    if pos >= len(s):
        raise UnexpectedEnd("end of input", pos)
    start = pos
    while pos < len(s) and "0" <= s[pos] <= "9":
        pos += 1
    if pos == start:
        raise ParseError("digit expected, got '%s'" % s[pos], pos)
    return int(s[start:pos]), pos


def parse_sum(s):
    total, pos = parse_number(s, 0)
    while pos < len(s):
        if s[pos] != "+":
            raise ParseError("'+' expected", pos)
        value, pos = parse_number(s, pos + 1)
        total += value
    return total


def try_parse(s):
    try:
        result = parse_sum(s)
    except UnexpectedEnd as e:
        print("%s: unexpected end at %d" % (s, e.pos))
        return -1
    except ParseError as e:
        print("%s: %s at %d" % (s, e.message, e.pos))
        return -2
    else:
        print("%s = %d" % (s, result))
        return result
    finally:
        LOG.add(s)


def safe_divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0


def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        return -1


def index(items, i):
    try:
        return items[i]
    except (IndexError, KeyError):
        return -1


def entry_point(argv):
    for s in ["1+2+3", "10+x", "7+", "12*3", "", "100"]:
        try_parse(s)
    print("logged %d inputs" % len(LOG.lines))
    print("divide: %d %d" % (safe_divide(7, 2), safe_divide(7, 0)))
    d = {"a": 1}
    print("lookup: %d %d" % (lookup(d, "a"), lookup(d, "b")))
    print("index: %d %d" % (index([1, 2, 3], 1), index([1, 2, 3], 5)))
    try:
        raise ValueError("bad value")
    except ValueError:
        print("caught ValueError")
    count = 0
    for i in range(5):
        try:
            if i % 2 == 0:
                raise UnexpectedEnd("even", i)
            count += 10
        except ParseError:
            count += 1
        finally:
            count += 100
    print("count: %d" % count)
    try:
        assert count < 0, "count is positive"
    except AssertionError:
        print("assertion failed as expected")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
