def paths(items):
    for item in items:
        try:
            if item:
                break
            continue
        finally:
            done(item)
    try:
        return compute()
    finally:
        log()
