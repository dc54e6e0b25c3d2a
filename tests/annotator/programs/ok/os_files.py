import os
def copy(src, dst):
    fd = os.open(src, os.O_RDONLY)
    data = os.read(fd, 4096)
    os.close(fd)
    out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    n = os.write(out, data)
    os.close(out)
    return n
def entry_point(argv):
    fd = os.open("/tmp/lathe_os_files.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, "hello\n".encode())
    os.close(fd)
    n = copy("/tmp/lathe_os_files.txt", "/tmp/lathe_os_files2.txt")
    os.write(1, ("copied %d bytes\n" % n).encode())
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
