# str: str.format with auto/explicit/keyword fields, conversions, alignment, fill and {{ }}
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{!r} {!s} {}".format("q", "q", "q"), "{{literal}} {}".format(5), "{0!r:>6}|".format("a"))
print("[{:>8}] [{:<8}] [{:^8}] [{:*^9}] [{:->6}] [{:_<4}]".format("r", "l", "c", "mid", 7, "x"))
print("{:d} {:5d} {:<5d}| {:05d} {:+d} {:,} {:_}".format(42, 42, 42, 42, 42, 1234567, 1234567))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:08b}".format(255, 255, 8, 5, 255, 5, 5))
print("{:.2f} {:8.3f}| {:<8.1f}| {:e} {:.2e} {:g} {:.1%} {:,.2f}".format(
    3.14159, 2.5, 2.25, 12345.678, 0.00123, 1e-7, 0.256, 1234567.891))
print("{0[0]} {0[1]} {1[k]}".format(["a", "b"], {"k": "v"}))
print("{:>{w}}|{:.{p}f}".format("x", 3.14159, w=5, p=2), "{:s}".format("str"), "{}".format(None))
print("{} {}".format(2**80, -2**80), "{:,}".format(2**64), "{:>12}".format(-1.5))
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
try:
    print("{name}".format(nom=1))
except KeyError as e:
    print("KeyError:", e)
