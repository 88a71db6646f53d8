# An exception escaping from a finally block after the try block completed normally.
def cleanup(resource):
    try:
        print('using', resource)
    finally:
        print('cleaning', resource)
        resource.release()
cleanup('plain string')
