from rlib.jit import JitDriver, promote, elidable
driver = JitDriver(greens=["pc", "code"], reds=["acc"])
@elidable
def cost(c):
    if c == "+":
        return 1
    return 2
def interpret(code):
    pc = 0
    acc = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, acc=acc)
        c = code[pc]
        acc += cost(c)
        pc = promote(pc) + 1
    return acc
def entry_point(argv):
    print(interpret("++-+"))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
