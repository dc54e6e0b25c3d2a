# uncaught: an error while handling another: "During handling of the above exception" and both tracebacks
def cleanup(resource):
    return resource["handle"]

def work():
    try:
        return [1, 2][7]
    except IndexError:
        cleanup({})

work()
