# The error is reported at the token that fails.
def f(a,
      b,
      c d):
    pass
