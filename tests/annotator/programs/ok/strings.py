def shout(s):
    c = s[0]
    t = s + "!" + c
    u = t * 2
    return u.upper()
def entry_point(argv):
    s = shout(argv[0])
    parts = s.split(",")
    j = "-".join(parts)
    msg = "%s has %d chars" % (j, len(j))
    print(msg, ord(s[0]), chr(65), str(42), s.startswith("A"), s[1:3])
    return 0
