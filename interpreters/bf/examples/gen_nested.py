"""Generate nested.b: a long-running nested-loop benchmark.

    python3 interpreters/bf/examples/gen_nested.py     # writes nested.b, nested.out

long.b (from gen.py) is a nested loop too, but short: about 6 million
commands, 0.05 s on the translated VM -- too short to time a JIT, whose
warm-up alone is of that order.  nested.b adds a fourth loop level: 26 x 40
x 100 x 200 = 20.8 million iterations of a small body (about 200 million
commands; a few seconds translated without JIT).  It prints the alphabet,
one letter per outer iteration.  The expected output is known without
running it (the loops only count); nested.out is that text, and it was
checked against the translated BF VM (`lathe translate interpreters/bf/bf.py
-o /tmp/bf-c`): bf.py on CPython would need several minutes.  Plain
CPython; not RPy.
"""

import os

from gen import Assembler

OUTER, LEVEL2, LEVEL3, INNER = 26, 40, 100, 200


def nested():
    # Cells: 0 letters left, 1 letter, 2-4 loop counters, 5 accumulator,
    # 6 tmp, 7 newline
    a = Assembler()
    a.set(0, OUTER)
    a.set(1, ord('A'), 6)
    a.set(7, 10)

    def letter():
        a.set(2, LEVEL2, 6)

        def level2():
            a.set(3, LEVEL3, 6)

            def level3():
                a.set(4, INNER, 6)

                def body():
                    a.add(5, 3)
                    a.add(5, -1)
                    a.add(4, -1)
                a.loop(4, body)
                a.add(3, -1)
            a.loop(3, level3)
            a.add(2, -1)
        a.loop(2, level2)
        a.output(1)
        a.add(1, 1)
        a.add(0, -1)
    a.loop(0, letter)
    a.output(7)
    comment = ('nested: a long nested loop benchmark that prints the alphabet; '
               '%d times %d times %d times %d inner iterations'
               % (OUTER, LEVEL2, LEVEL3, INNER))
    return a.code(comment), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ\n'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    code, expected = nested()
    with open(os.path.join(here, 'nested.b'), 'w') as f:
        f.write(code)
    with open(os.path.join(here, 'nested.out'), 'w') as f:
        f.write(expected)


if __name__ == '__main__':
    main()
