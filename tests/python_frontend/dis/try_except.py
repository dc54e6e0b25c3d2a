def handle():
    try:
        risky()
    except ValueError as e:
        report(e)
    except (KeyError, IndexError):
        pass
    else:
        fine()
