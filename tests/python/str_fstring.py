# str: f-strings: expressions, calls, conversions, format specs, nesting, braces and the = form
name = "Ada"
n = 7
xs = [1, 2, 3]
d = {"k": "v"}
print(f"hello {name}!", f"{n + 1}", f"{n * 2 = }", f"{name!r}", f"{name!s:>6}|", f"{{braces}} {n}")
print(f"{xs[0]} {xs[-1]} {len(xs)} {d['k']} {sum(xs) / len(xs):.3f} {xs}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:05}|{n:x}|{n:b}|{255:#x}|{1234567:,}")
print(f"{3.14159:.2f} {2.5:8.2f}| {1e-7:g} {0.5:.0%} {-1.25:+.1f}")
w, p = 8, 3
print(f"[{name:>{w}}] [{3.14159:.{p}f}] [{name:*^{w}}]")
print(f"{'nested ' + f'{n}'}", f"{'quote'}", f"{n if n > 5 else -n}", f"{[i * i for i in range(4)]}")
print(f"multi {n} " f"part {name}", F"upper {n}", f"{n}{n}{n}", f"")
def shout(s):
    return s.upper() + "!"
print(f"{shout(name)} {shout('x')}", f"{2**70}", f"{-0.0}", f"{None}", f"{True:d}")
