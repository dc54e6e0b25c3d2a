def cleanup():
    try:
        work()
    finally:
        release()
