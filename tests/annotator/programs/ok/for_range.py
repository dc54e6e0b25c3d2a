def triangle(n):
    total = 0
    for i in range(n):
        total += i
    for j in range(2, n, 3):
        total -= j
    for k in range(n, 0, -1):
        total += k * 2
    return total
def entry_point(argv):
    print(triangle(len(argv) + 9))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
