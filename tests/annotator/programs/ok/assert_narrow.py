class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next
def second(n):
    nxt = n.next
    assert nxt is not None
    return nxt.value
def length(n):
    count = 0
    while n is not None:
        count += 1
        n = n.next
    return count
def entry_point(argv):
    lst = Node(1, Node(2, Node(3, None)))
    assert len(argv) >= 1
    print(second(lst), length(lst))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
