# uncaught: an error three calls deep: one File line per frame, innermost last, function names
def parse_record(line):
    fields = line.split(",")
    return int(fields[1])

def load(lines):
    out = []
    for line in lines:
        out.append(parse_record(line))
    return out

def main():
    data = ["a,1", "b,2", "c,three"]
    print(load(data[:2]))
    print(load(data))

main()
