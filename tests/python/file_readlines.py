# open: readline() until "", readlines() keeps newlines, iteration line by line, last line without newline
f = open("file_readlines_data.txt")
print(repr(f.readline()))
print(repr(f.readline()))
rest = f.readlines()
print(rest)
print(repr(f.readline()))
f.close()
n = 0
with open("file_readlines_data.txt") as fh:
    for line in fh:
        n += 1
        print(n, repr(line.rstrip("\n")), line.endswith("\n"))
with open("file_readlines_data.txt", "r") as fh:
    lines = fh.readlines()
print(len(lines), [len(l) for l in lines])
