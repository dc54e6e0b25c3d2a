# program: an inventory system with classes, properties, dict of objects, sorting and error handling
class OutOfStock(Exception):
    def __init__(self, name, wanted, have):
        super().__init__("%s: wanted %d, have %d" % (name, wanted, have))
        self.name = name

class Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return "Item(%r, %.2f, %d)" % (self.name, self.price, self.qty)
    def __lt__(self, other):
        return (self.value, self.name) < (other.value, other.name)

class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
    def take(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise OutOfStock(name, qty, item.qty)
        item.qty -= qty
        return item.price * qty
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(sorted(self.items.values()))

inv = Inventory()
for name, price, qty in [("bolt", 0.25, 100), ("nut", 0.1, 250), ("gear", 12.5, 4), ("bolt", 0.25, 20)]:
    inv.add(name, price, qty)
revenue = 0.0
for name, qty in [("bolt", 30), ("gear", 5), ("cog", 1), ("nut", 250)]:
    try:
        revenue += inv.take(name, qty)
    except OutOfStock as e:
        print("out of stock:", e, e.name)
    except KeyError as e:
        print("unknown item:", e)
print("revenue %.2f" % revenue, len(inv))
for item in inv:
    print(item, "%.2f" % item.value)
