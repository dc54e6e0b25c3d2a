"""Exception messages through str(e): user exception classes without an
__init__ of their own raised with one message argument, and with none
(empty message); built-in exceptions raised by the program; subclasses of
built-ins; the message of a re-raised exception."""

import sys


class StorageError(Exception):
    pass


class DiskFull(StorageError):
    pass


class BadRecord(ValueError):
    pass


def store(size, free):
    if size < 0:
        raise BadRecord("negative size %d" % size)
    if size > free:
        raise DiskFull("need %d bytes, %d free" % (size, free))
    if size == 0:
        raise StorageError()
    return free - size


def attempt(size):
    try:
        return "stored, %d left" % store(size, 100)
    except DiskFull as e:
        return "disk full: " + str(e)
    except StorageError as e:
        return "storage error: [" + str(e) + "]"
    except ValueError as e:
        return "bad record: " + str(e)


def entry_point(argv):
    for size in [10, 500, 0, -3]:
        print("%d -> %s" % (size, attempt(size)))
    try:
        raise ValueError("plain value error")
    except ValueError as e:
        print("ValueError: " + str(e))
    try:
        raise IndexError("custom index message")
    except LookupError as e:
        print("LookupError: " + str(e))
    try:
        try:
            store(1000, 1)
        except StorageError:
            raise
    except DiskFull as e:
        print("re-raised keeps its message: " + str(e))
    messages = []
    for size in [200, 300]:
        try:
            store(size, 150)
        except StorageError as e:
            messages.append(str(e))
    print(" | ".join(messages))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
