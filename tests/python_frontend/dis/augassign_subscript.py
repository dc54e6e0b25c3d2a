def aug(obj, items, key):
    n = 0
    n += 1
    obj.count *= 2
    items[key] -= 3
    items[1:2] = [4]
    del items[0], obj.count
