@d
def f(): pass

