import os
def entry_point(argv):
    os.write(1, len(argv))
    return 0
