"""Instances in containers: a list of instances sorted by an attribute by
hand, a dict from names to instances, instances holding lists of other
instances (an inventory), and aliasing (two references, one object)."""

import sys


class Product(object):
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def value(self):
        return self.price * self.qty


class Warehouse(object):
    def __init__(self, name):
        self.name = name
        self.products = []
        self.by_name = {}

    def add(self, p):
        self.products.append(p)
        self.by_name[p.name] = p

    def total(self):
        t = 0
        for p in self.products:
            t += p.value()
        return t


def sort_by_value(products):
    for i in range(1, len(products)):
        p = products[i]
        j = i - 1
        while j >= 0 and products[j].value() < p.value():
            products[j + 1] = products[j]
            j -= 1
        products[j + 1] = p


def entry_point(argv):
    w = Warehouse("north")
    for name, price, qty in [("bolt", 2, 500), ("gear", 15, 40), ("motor", 120, 3), ("belt", 8, 60)]:
        w.add(Product(name, price, qty))
    print("%s holds %d products worth %d" % (w.name, len(w.products), w.total()))
    ranked = list(w.products)
    sort_by_value(ranked)
    for p in ranked:
        print("%-6s %5d" % (p.name, p.value()))
    print("original order first: %s" % w.products[0].name)
    gear = w.by_name["gear"]
    gear.qty -= 10
    print("gear via list: %d, via dict: %d" % (w.products[1].qty, w.by_name["gear"].qty))
    alias = gear
    alias.price = 20
    print("alias shares the object: %d" % gear.price)
    other = Warehouse("south")
    other.add(w.by_name["motor"])
    other.by_name["motor"].qty += 1
    print("motor qty seen from north: %d" % w.by_name["motor"].qty)
    print("totals: %d %d" % (w.total(), other.total()))
    print("bolt in south: %s" % str("bolt" in other.by_name))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
