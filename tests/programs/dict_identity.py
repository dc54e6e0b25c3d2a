"""Instances as dict keys (by identity): two equal-looking instances are
different keys, the same instance found again, a graph's adjacency held
in a dict keyed by node objects, and a visited-set as a dict."""

import sys


class Node(object):
    def __init__(self, name):
        self.name = name


def reachable(adj, start):
    seen = {}
    order = []
    todo = [start]
    while len(todo) > 0:
        n = todo.pop(0)
        if n in seen:
            continue
        seen[n] = True
        order.append(n.name)
        for m in adj[n]:
            if m not in seen:
                todo.append(m)
    return order


def entry_point(argv):
    a1 = Node("a")
    a2 = Node("a")
    d = {}
    d[a1] = 1
    d[a2] = 2
    print("two equal-looking keys: len %d, %d %d" % (len(d), d[a1], d[a2]))
    d[a1] = 10
    print("updated through the same instance: %d, len %d" % (d[a1], len(d)))
    names = ["start", "x", "y", "z", "island"]
    nodes = {}
    for n in names:
        nodes[n] = Node(n)
    adj = {}
    for n in names:
        adj[nodes[n]] = []
    edges = [("start", "x"), ("start", "y"), ("x", "z"), ("y", "z"), ("z", "start")]
    for src, dst in edges:
        adj[nodes[src]].append(nodes[dst])
    print("from start: " + " ".join(reachable(adj, nodes["start"])))
    print("from y: " + " ".join(reachable(adj, nodes["y"])))
    print("from island: " + " ".join(reachable(adj, nodes["island"])))
    degree = {}
    for src, dst in edges:
        node = nodes[dst]
        degree[node] = degree.get(node, 0) + 1
    for n in names:
        print("in-degree of %s: %d" % (n, degree.get(nodes[n], 0)))
    print("stranger in dict: %s" % str(Node("x") in degree))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
