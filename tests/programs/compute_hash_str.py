# rlib's compute_hash of strings is deterministic and the same untranslated
# (rlib/objectmodel.py) and translated (runtime/rstr.cpp): an interpreter
# whose output depends on its own hash values behaves alike in both.
import os
import sys

if __name__ == "__main__":
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from rlib.objectmodel import compute_hash


def entry_point(argv):
    words = ["", "a", "abc", "hello world", "x" * 100, "tab\tnewline\n"]
    for w in words:
        os.write(1, ("%d\n" % compute_hash(w)).encode())
    # a small hash table that uses the values: same buckets everywhere
    buckets = [0] * 7
    for w in words:
        buckets[compute_hash(w) % 7] += 1
    os.write(1, (" ".join([str(b) for b in buckets]) + "\n").encode())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
