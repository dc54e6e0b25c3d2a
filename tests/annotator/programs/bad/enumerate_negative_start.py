# enumerate() with a start that may be negative: the index is annotated int>=0.
def entry_point(argv):
    for i, w in enumerate(argv, len(argv) - 5):
        print(i)
    return 0
