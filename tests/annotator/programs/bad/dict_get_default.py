def entry_point(argv):
    ages = {"bob": 42}
    print(ages.get(argv[0], "unknown"))
    return 0
