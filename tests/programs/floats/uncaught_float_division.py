# Ends with an uncaught ZeroDivisionError from float modulo inside a loop.
def wrap(angle, period):
    return angle % period

for period in (360.0, 2.5, 0.0):
    print(wrap(725.0, period))
