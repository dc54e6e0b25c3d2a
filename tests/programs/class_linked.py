"""Linked structures: a doubly linked list with sentinel-free head/tail,
removal at the head, in the middle and at the tail, forward and backward
traversal, and a circular list walked a fixed number of steps
(Josephus)."""

import sys


class DNode(object):
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


class DList(object):
    def __init__(self):
        self.head = None
        self.tail = None
        self.size = 0

    def append(self, value):
        n = DNode(value)
        if self.tail is None:
            self.head = n
            self.tail = n
        else:
            n.prev = self.tail
            self.tail.next = n
            self.tail = n
        self.size += 1
        return n

    def remove(self, n):
        if n.prev is None:
            self.head = n.next
        else:
            n.prev.next = n.next
        if n.next is None:
            self.tail = n.prev
        else:
            n.next.prev = n.prev
        self.size -= 1

    def forward(self):
        parts = []
        n = self.head
        while n is not None:
            parts.append(str(n.value))
            n = n.next
        return " ".join(parts)

    def backward(self):
        parts = []
        n = self.tail
        while n is not None:
            parts.append(str(n.value))
            n = n.prev
        return " ".join(parts)


def josephus(n, k):
    first = DNode(1)
    last = first
    for i in range(2, n + 1):
        node = DNode(i)
        last.next = node
        last = node
    last.next = first
    order = []
    prev = last
    cur = first
    while cur.next is not cur:
        for i in range(k - 1):
            prev = cur
            cur = cur.next
        order.append(str(cur.value))
        prev.next = cur.next
        cur = cur.next
    order.append(str(cur.value))
    return " ".join(order)


def entry_point(argv):
    dl = DList()
    nodes = []
    for i in range(1, 8):
        nodes.append(dl.append(i * 10))
    print("forward:  " + dl.forward())
    print("backward: " + dl.backward())
    dl.remove(nodes[0])
    dl.remove(nodes[3])
    dl.remove(nodes[6])
    print("removed head, middle, tail: %s | %s (size %d)" % (dl.forward(), dl.backward(), dl.size))
    print("josephus(7, 3): " + josephus(7, 3))
    print("josephus(10, 2): " + josephus(10, 2))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
