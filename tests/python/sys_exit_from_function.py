# sys: sys.exit(n) deep in calls and loops unwinds everything; with-block __exit__ runs; status 42
import sys
class Guard:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("guard exit sees", t.__name__ if t else None)
        return False
def search(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found at", i)
            sys.exit(42)
    return -1
with Guard():
    search([5, 7, 9], 9)
print("unreachable")
