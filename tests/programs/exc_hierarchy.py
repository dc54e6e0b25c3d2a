"""A user exception hierarchy with attributes: handlers ordered from
specific to general, a base-class handler catching subclasses, attributes
read in the handler, and an exception object passed to a function."""

import sys


class AppError(Exception):
    def __init__(self, message):
        self.message = message


class ConfigError(AppError):
    def __init__(self, message, key):
        AppError.__init__(self, message)
        self.key = key


class NetworkError(AppError):
    def __init__(self, message, code):
        AppError.__init__(self, message)
        self.code = code


class TimeoutError_(NetworkError):
    def __init__(self, seconds):
        NetworkError.__init__(self, "timed out", 504)
        self.seconds = seconds


def fail(kind):
    if kind == 0:
        raise ConfigError("missing value", "port")
    if kind == 1:
        raise NetworkError("refused", 111)
    if kind == 2:
        raise TimeoutError_(30)
    if kind == 3:
        raise AppError("generic")
    return "ok"


def describe(e):
    return "<%s>" % e.message


def handle(kind):
    try:
        return fail(kind)
    except ConfigError as e:
        return "config error on %s: %s" % (e.key, e.message)
    except TimeoutError_ as e:
        return "timeout after %ds (code %d)" % (e.seconds, e.code)
    except NetworkError as e:
        return "network error %d: %s" % (e.code, e.message)
    except AppError as e:
        return "app error " + describe(e)


def entry_point(argv):
    for kind in range(5):
        print("%d: %s" % (kind, handle(kind)))
    caught = 0
    for kind in range(4):
        try:
            fail(kind)
        except AppError:
            caught += 1
    print("caught as AppError: %d" % caught)
    net = 0
    for kind in range(4):
        try:
            fail(kind)
        except NetworkError:
            net += 1
        except AppError:
            pass
    print("network errors: %d" % net)
    try:
        fail(2)
    except Exception as e:
        print("caught as Exception: %s" % str(isinstance(e, TimeoutError_)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
