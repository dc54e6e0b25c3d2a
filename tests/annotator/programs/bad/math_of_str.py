import math
def entry_point(argv):
    print(math.sqrt(argv[0]))
    return 0
