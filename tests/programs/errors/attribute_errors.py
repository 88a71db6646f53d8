# AttributeError messages for missing attributes on instances, classes, built-ins and modules
import math
class Thing:
    pass
attempts = [
    lambda: Thing().missing,
    lambda: Thing.missing,
    lambda: (5).missing,
    lambda: 'text'.missing,
    lambda: [].missing,
    lambda: None.missing,
    lambda: math.missing,
]
for attempt in attempts:
    try:
        attempt()
    except AttributeError as error:
        print('AttributeError', error)
try:
    (1).real = 2
except AttributeError as error:
    print('AttributeError on store', type(error).__name__)
