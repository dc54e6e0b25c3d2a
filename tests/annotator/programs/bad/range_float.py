def entry_point(argv):
    for i in range(2.5):
        print(i)
    return 0
