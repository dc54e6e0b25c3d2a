# exceptions: else runs only without an exception, finally always; order of the clauses' output
def run(fail):
    try:
        print("  try")
        if fail:
            raise RuntimeError("boom")
    except RuntimeError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")

for fail in (False, True):
    print("fail =", fail)
    run(fail)
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("caught", e)
    finally:
        print("outer finally")
nested()
