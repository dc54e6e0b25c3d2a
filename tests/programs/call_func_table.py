"""Tables of functions: a prebuilt list and a prebuilt dict of functions
sharing one signature, dispatched by index and by name at run time (a
tiny calculator language), plus a table of (name, function) pairs."""

import sys


def op_add(stack):
    b = stack.pop()
    a = stack.pop()
    stack.append(a + b)


def op_sub(stack):
    b = stack.pop()
    a = stack.pop()
    stack.append(a - b)


def op_mul(stack):
    b = stack.pop()
    a = stack.pop()
    stack.append(a * b)


def op_dup(stack):
    stack.append(stack[-1])


def op_swap(stack):
    b = stack.pop()
    a = stack.pop()
    stack.append(b)
    stack.append(a)


def op_neg(stack):
    stack.append(-stack.pop())


BY_NAME = {"+": op_add, "-": op_sub, "*": op_mul, "dup": op_dup, "swap": op_swap, "neg": op_neg}
BY_INDEX = [op_add, op_sub, op_mul, op_dup, op_swap, op_neg]
NAMED = [("add", op_add), ("sub", op_sub), ("mul", op_mul)]


def run(program):
    stack = []
    for tok in program.split():
        if tok in BY_NAME:
            BY_NAME[tok](stack)
        else:
            stack.append(int(tok))
    return stack[-1]


def run_codes(codes, start):
    stack = [start]
    for c in codes:
        if c >= 0:
            BY_INDEX[c](stack)
        else:
            stack.append(-c)
    return stack[-1]


def entry_point(argv):
    for prog in ["2 3 +", "2 3 -", "6 7 *", "5 dup *", "1 2 swap -", "4 neg 10 +", "3 dup dup * *"]:
        print("%-14s => %d" % (prog, run(prog)))
    print("codes: %d" % run_codes([-5, 0, 3, 2, -1, 1], 2))
    for name, f in NAMED:
        stack = [20, 6]
        f(stack)
        print("%s(20, 6) = %d" % (name, stack[0]))
    f = BY_INDEX[len(argv) - 1]
    stack = [1, 2]
    f(stack)
    print("BY_INDEX[len(argv) - 1] on [1, 2]: %d" % stack[-1])
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
