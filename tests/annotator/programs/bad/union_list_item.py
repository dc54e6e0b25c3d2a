def entry_point(argv):
    items = [1, 2]
    items.append("three")
    print(items)
    return 0
