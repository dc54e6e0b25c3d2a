"""Built-in exceptions raised by the runtime and caught by the program,
with their messages: IndexError (list, str, pop), KeyError,
ValueError (int(), list.index, list.remove), ZeroDivisionError,
OverflowError (ovfcheck), and their bases LookupError/ArithmeticError."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import ovfcheck


def trial(kind, n):
    xs = [1, 2, 3]
    d = {"a": 1}
    s = "abc"
    if kind == 0:
        return xs[n]
    if kind == 1:
        return ord(s[n])
    if kind == 2:
        empty = []
        for i in range(n):
            empty.append(i)
        return empty.pop()
    if kind == 3:
        return d["k" * n]
    if kind == 4:
        return int("z" * n)
    if kind == 5:
        return xs.index(n + 10)
    if kind == 6:
        return 10 // (n - n)
    if kind == 7:
        return ovfcheck(9223372036854775807 + n)
    if kind == 8:
        xs.remove(n + 10)
        return 0
    return -1


def run(kind):
    try:
        return "value %d" % trial(kind, 5)
    except IndexError as e:
        return "IndexError: " + str(e)
    except KeyError:
        return "KeyError"
    except ValueError:
        return "ValueError"
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except OverflowError:
        return "OverflowError"


def entry_point(argv):
    for kind in range(10):
        print("%d: %s" % (kind, run(kind)))
    lookups = 0
    arith = 0
    for kind in range(10):
        try:
            trial(kind, 5)
        except LookupError:
            lookups += 1
        except ArithmeticError:
            arith += 1
        except ValueError:
            pass
    print("LookupError %d, ArithmeticError %d" % (lookups, arith))
    try:
        trial(2, 0)
    except IndexError as e:
        print("pop: " + str(e))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
