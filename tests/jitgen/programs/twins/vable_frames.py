# A virtualizable frame: the driver names it (`virtualizables`), its class
# lists its fields (`_virtualizable_`, `[*]` for the fixed-size list), so
# their FieldDescrs are marked (vable, vableItems) and the DriverSpec names
# the red (its last number). `[None] * n` and `[0] * 3` become new_array in
# traces (emitSeqMul: zeroed memory, or stores of a non-zero item).
from rlib.jit import JitDriver, promote

driver = JitDriver(greens=['pc'], reds=['n', 'frame'], virtualizables=['frame'])


class Frame(object):
    _virtualizable_ = ['pc', 'depth', 'slots[*]']

    def __init__(self, n):
        self.pc = 0
        self.depth = 0
        self.slots = [None] * n
        self.counts = [7] * 3


class Box(object):
    def __init__(self, v):
        self.v = v


def run(frame, n):
    pc = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, n=n, frame=frame)
        d = promote(frame.depth)
        frame.slots[d] = Box(pc)
        callee = Frame(2)  # (inlined: its lists are new_array in traces)
        callee.slots[1] = frame.slots[d]
        frame.pc = pc + callee.counts[2]
        pc += 1
    return frame.pc


def entry_point(argv):
    print(run(Frame(4), 10))
    return 0
