"""too_long: a trace that grows past trace_limit, and how the JIT recovers.

JIT feature exercised: the "trace too long" abort.  The loop body calls
`mix`, an @unroll_safe function whose loop runs over 2,000 items, so
tracing one iteration of the portal's loop inlines 2,000 iterations of
`mix` -- far more than trace_limit (6,000 recorded ops).  The trace
aborts; as in RPython, the inlined function that contributed most
operations (`mix`) is no longer inlined, and when the loop is hot again it
is traced with `mix` as a residual call, which fits.  So the summary shows
at least one abort *and* a compiled loop.
"""

# expect: default: aborts >= 1
# expect: default: loops >= 1
# expect: threshold=1: aborts >= 1
# expect: threshold=1: loops >= 1

import os
import sys

if __name__ == "__main__":
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", ".."))

from rlib.jit import JitDriver, unroll_safe

driver = JitDriver(greens=['pc'], reds=['i', 'n', 'acc', 'data'],
                   name='too_long')


@unroll_safe
def mix(data, seed):
    """A hash of the data: a loop the tracer unrolls (@unroll_safe)."""
    h = seed
    for x in data:
        h = (h * 31 + x) & 0xFFFFFF
    return h


def run(n, data):
    # The loop test comes after jit_merge_point: can_enter_jit enters
    # compiled code at the merge point, so (as in RPython) it must sit just
    # before the jump back to it, with nothing in between that matters.
    pc = 0
    i = 0
    acc = 0
    while True:
        driver.jit_merge_point(pc=pc, i=i, n=n, acc=acc, data=data)
        if i >= n:
            break
        acc = (acc + mix(data, i)) & 0xFFFFFFF
        i += 1
        driver.can_enter_jit(pc=pc, i=i, n=n, acc=acc, data=data)
    return acc


def entry_point(argv):
    data = [(k * 7 + 3) % 101 for k in range(2000)]
    print("acc after 2500 rounds: %d" % run(2500, data))
    print("acc after 10 rounds: %d" % run(10, data))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
