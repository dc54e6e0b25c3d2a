def report(name, count, ratio):
    return "%s: %d items (%.2f%%)" % (name, count, ratio * 100)
def entry_point(argv):
    print(report("apples", len(argv), 0.5))
    print("%d" % 42)
    print("%s-%s" % ("a", "b"))
    print("[%5d] [%-4s] [%x]" % (7, "ab", 255))
    c = "z"
    print("char %s" % c)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
