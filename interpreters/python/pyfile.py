"""pyfile: file objects (sys.stdout, sys.stderr, open()) and raw I/O.

Strings are bytes at run time; on CPython an RPy str holds one character
per byte (Latin-1), so `to_bytes`/`from_bytes` convert at the os.read /
os.write boundary and both runs see the same bytes (DESIGN.md section 3;
the front end's pyfront.py does the same).

A W_FileObject wraps a file descriptor.  Writes are buffered (stdout is
flushed at exit and before anything is written to stderr, so the two
streams keep their order); a file opened for reading is read whole at
open() -- the scripts this VM runs read small text files.  Text mode
decodes nothing: the text is the file's UTF-8.
"""

import os

from rlib.objectmodel import we_are_translated, StringBuilder

from pyobjects import W_Root, OperationError
from pystr import W_StrObject, W_BytesObject
import pyunicode

BUFFER_LIMIT = 8192


def from_bytes(data):
    """Bytes from os.read as an RPy str."""
    if we_are_translated():
        return data.decode()
    return data.decode('latin-1')


def to_bytes(text):
    if we_are_translated():
        return text.encode()
    return text.encode('latin-1')


def from_os_str(s):
    """A command-line argument as an RPy str (UTF-8 bytes): CPython has
    decoded it, so encode it back."""
    if we_are_translated():
        return s
    return s.encode('utf-8', 'surrogateescape').decode('latin-1')


def write_all(fd, text):
    data = to_bytes(text)
    while len(data) > 0:
        n = os.write(fd, data)
        if n <= 0:
            return
        data = data[n:]


def read_fd(fd):
    chunks = []
    while True:
        data = os.read(fd, 65536)
        if len(data) == 0:
            break
        chunks.append(from_bytes(data))
    return "".join(chunks)


def read_file(path):
    """The whole file, or None when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY, 0)
    except OSError:
        return None
    try:
        text = read_fd(fd)
    except OSError:
        os.close(fd)
        return None
    os.close(fd)
    return text


def oserror_parts(e):
    """(errno, strerror) from an RPy OSError's message '[Errno N] text...'."""
    msg = str(e)
    errno = 0
    strerror = msg
    if msg.startswith("[Errno "):
        end = msg.find("]")
        if end > 7:
            digits = msg[7:end]
            ok = len(digits) > 0
            for c in digits:
                if not ('0' <= c <= '9'):
                    ok = False
            if ok:
                errno = int(digits)
                strerror = msg[end + 2:]
                colon = strerror.find(": '")
                if colon >= 0:
                    strerror = strerror[:colon]
    return errno, strerror


class W_FileObject(W_Root):
    """A text (or binary) file on a file descriptor."""

    def __init__(self, fd, name, mode, readable, writable, binary):
        self.fd = fd
        self.name = name
        self.mode = mode
        self.readable = readable
        self.writable = writable
        self.binary = binary
        self.closed = False
        self.buffer = []
        self.buffered = 0
        self.data = ""
        self.pos = 0
        self.flush_before = None

    def getclass(self, space):
        return space.w_file

    def op_iter(self, space):
        self.check_open(space)
        return self

    def op_next(self, space):
        self.check_open(space)
        line = self.readline(-1)
        if len(line) == 0:
            return None
        return self.wrap(space, line)

    def op_repr(self, space):
        return "<_io.TextIOWrapper name='%s' mode='%s' encoding='UTF-8'>" % (
            self.name, self.mode)

    def wrap(self, space, text):
        if self.binary:
            return W_BytesObject(text)
        return space.newtext(text)

    def check_open(self, space):
        if self.closed:
            raise space.error(space.w_ValueError,
                              "I/O operation on closed file.")

    def write(self, space, text):
        self.check_open(space)
        if not self.writable:
            raise space.error(space.w_OSError, "not writable")
        if self.flush_before is not None:
            self.flush_before.flush()
        self.buffer.append(text)
        self.buffered += len(text)
        if self.buffered >= BUFFER_LIMIT or self.flush_before is not None:
            self.flush()

    def flush(self):
        if len(self.buffer) == 0:
            return
        text = "".join(self.buffer)
        self.buffer = []
        self.buffered = 0
        try:
            write_all(self.fd, text)
        except OSError:
            pass

    def read(self, n):
        """Up to n characters (all when n < 0) from the read position."""
        data = self.data
        if n < 0 or self.binary:
            if n < 0:
                end = len(data)
            else:
                end = self.pos + n
                if end > len(data):
                    end = len(data)
        else:
            end = self.pos
            count = 0
            while end < len(data) and count < n:
                end += pyunicode.utf8_len_of_lead(ord(data[end]))
                count += 1
        result = data[self.pos:end]
        self.pos = end
        return result

    def readline(self, limit):
        data = self.data
        start = self.pos
        if start >= len(data):
            return ""
        end = data.find("\n", start)
        if end < 0:
            end = len(data)
        else:
            end += 1
        if limit >= 0 and end - start > limit:
            end = start + limit
        self.pos = end
        return data[start:end]

    def close(self):
        if self.closed:
            return
        self.flush()
        self.closed = True
        if self.fd > 2:
            try:
                os.close(self.fd)
            except OSError:
                pass
