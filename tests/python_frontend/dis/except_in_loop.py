def retry(tries):
    for i in range(tries):
        try:
            return attempt(i)
        except OSError as err:
            if i == tries - 1:
                raise
            continue
