# str: %-formatting: %s %r %d %i %f %e %g %x %X %o %c %%, widths, precision, flags, tuples and dicts
print("%s|%r|%d|%i" % ("s", "r", 42, -7))
print("%5d|%-5d|%05d|%+d|% d|%d" % (42, 42, 42, 42, 42, -0))
print("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f" % (3.14159, 3.14159, 3.14159, 3.14159, -3.14159, 2.0))
print("%e|%.3e|%E|%g|%g|%g|%.3g" % (12345.678, 0.000123, 1e10, 0.0001, 1e-5, 123456789.0, 3.14159))
print("%x|%X|%o|%#x|%#o|%08x|%x" % (255, 255, 8, 255, 8, 3054, -255))
print("%c%c%c|%5s|%-5s|%.2s|%%|100%%" % (72, "i", 33, "ab", "ab", "abcdef"))
print("%s and %s" % ([1, 2], (3,)), "%s" % ((1, 2),), "%s" % None, "%d items" % 3.99)
print("%(name)s is %(age)d years, %(name)s!" % {"name": "Ada", "age": 36})
print("%d" % 2**70, "%x" % 2**70, "%s" % 2**70, "%.3f" % (1 / 3), "%r" % 0.1, "%s" % 1e22)
print("%*d|%-*d|" % (6, 7, 4, 8))
for bad in (("%d", "x"), ("%s %s", ("only",)), ("%d", (1, 2))):
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print("TypeError:", e)
