# min()/max() of a range object is not translated (one clear error).
def entry_point(argv):
    print(max(range(len(argv) + 3)))
    return 0
