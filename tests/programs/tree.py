"""Recursive data: a binary search tree and a linked list of instances
with None links, recursion, and in-order traversal."""

import sys


class Node(object):
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class Tree(object):
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        if self.root is None:
            self.root = Node(key, value)
            self.size = 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.value = value
                return
            if key < node.key:
                if node.left is None:
                    node.left = Node(key, value)
                    break
                node = node.left
            else:
                if node.right is None:
                    node.right = Node(key, value)
                    break
                node = node.right
        self.size += 1

    def lookup(self, key, default):
        node = self.root
        while node is not None:
            if key == node.key:
                return node.value
            if key < node.key:
                node = node.left
            else:
                node = node.right
        return default


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def in_order(node, out):
    if node is None:
        return
    in_order(node.left, out)
    out.append(node.key)
    in_order(node.right, out)


class Link(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build_list(n):
    head = None
    for i in range(n):
        head = Link(i * i, head)
    return head


def reverse_list(head):
    prev = None
    while head is not None:
        nxt = head.next
        head.next = prev
        prev = head
        head = nxt
    return prev


def list_str(head):
    parts = []
    while head is not None:
        parts.append(str(head.value))
        head = head.next
    return " ".join(parts)


def entry_point(argv):
    tree = Tree()
    seed = 42
    for i in range(50):
        seed = (seed * 75 + 74) % 65537
        tree.insert(seed % 1000, "v%d" % i)
    print("size %d, height %d" % (tree.size, height(tree.root)))
    keys = []
    in_order(tree.root, keys)
    first = []
    for k in keys[:8]:
        first.append(str(k))
    print("smallest: " + ", ".join(first))
    print("lookup %d -> %s" % (keys[3], tree.lookup(keys[3], "?")))
    print("lookup 1001 -> %s" % tree.lookup(1001, "missing"))
    head = build_list(8)
    print("list: " + list_str(head))
    print("reversed: " + list_str(reverse_list(head)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
