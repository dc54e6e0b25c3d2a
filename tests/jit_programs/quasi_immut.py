"""quasi_immut: quasi-immutable fields read in the hot loop and written
occasionally, so that compiled code relying on them must be invalidated.

JIT features exercised:
* `_immutable_fields_ = ['scale?', 'offset?', 'version?']` on `Config`:
  quasi-immutable fields.  The config is reached from the green code
  object (`Code.config` is immutable), so a trace reads the fields as
  constants and records a guard_not_invalidated instead of loads;
* writes *outside* the portal: between runs, `entry_point` changes the
  scale, so loops compiled during the previous run (which folded the old
  scale) are invalidated before the next run enters them;
* writes *inside* the hot loop: the BUMP opcode, on a rarely taken path
  of the interpreted program (every 1500th iteration), changes `offset`
  and `version` while the loop that folded them is running; execution
  must leave that loop right after the write and a new loop be traced;
* output depends on every written value, so running a stale loop shows.

Greens `pc, code`; reds `acc, i`.
"""

# expect: default: loops >= 1
# expect: threshold=1: loops >= 1
# expect: threshold=1: loops >= 2

import os
import sys

if __name__ == "__main__":
    # Untranslated run from a checkout: make the repository's `rlib`
    # importable (the translator never sees this).
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver


class Config(object):
    """Settings that almost never change: quasi-immutable."""
    _immutable_fields_ = ['scale?', 'offset?', 'version?']

    def __init__(self, scale, offset):
        self.scale = scale
        self.offset = offset
        self.version = 0

    def set_scale(self, scale):
        self.scale = scale
        self.version += 1

    def bump_offset(self):
        self.offset = self.offset + 7
        self.version += 1


class Code(object):
    _immutable_fields_ = ['name', 'ops[*]', 'config']

    def __init__(self, name, ops, config):
        self.name = name
        self.ops = ops
        self.config = config


# Opcodes (one int each, no operands).
SCALE = 0       # acc += i * config.scale
OFFSET = 1      # acc += config.offset
CHECK = 2       # if i % 1500 == 1499: goto BUMP (at BUMP_PC), else go on
BUMP = 3        # config.bump_offset(); then goto INCR (pc 4)
INCR = 4        # i += 1
LOOP = 5        # if i < LIMIT: goto 0 (a backward jump: can_enter_jit)
STOP = 6
MODULO = 7      # acc %= 1000000007

OPNAMES = ['SCALE', 'OFFSET', 'CHECK', 'BUMP', 'INCR', 'LOOP', 'STOP',
           'MODULO']

# pc:     0      1       2       3      4     5     6     7
OPS = [SCALE, OFFSET, MODULO, CHECK, INCR, LOOP, STOP, BUMP]
BUMP_PC = 7
LIMIT = 3000


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.ops[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['acc', 'i'],
                   get_printable_location=get_location, name='quasi_immut')


def interpret(code, acc):
    i = 0
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, acc=acc, i=i)
        op = code.ops[pc]
        if op == SCALE:
            acc += i * code.config.scale
            pc += 1
        elif op == OFFSET:
            acc += code.config.offset
            pc += 1
        elif op == MODULO:
            acc = acc % 1000000007
            pc += 1
        elif op == CHECK:
            if i % 1500 == 1499:
                pc = BUMP_PC
            else:
                pc += 1
        elif op == BUMP:
            code.config.bump_offset()
            pc = 4          # back to INCR: a forward-in-time jump
        elif op == INCR:
            i += 1
            pc += 1
        elif op == LOOP:
            if i < LIMIT:
                driver.can_enter_jit(pc=0, code=code, acc=acc, i=i)
                pc = 0
            else:
                pc += 1
        else:
            return acc


CONFIG = Config(1, 3)
CODE = Code('scaled_sum', OPS, CONFIG)


def entry_point(argv):
    acc = 0
    for scale in [1, 2, 5, 5, 11]:
        if scale != CONFIG.scale:
            CONFIG.set_scale(scale)
        acc = interpret(CODE, acc)
        print("scale %d: acc %d (offset now %d, config version %d)" % (
            scale, acc, CONFIG.offset, CONFIG.version))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
