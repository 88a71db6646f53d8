# gmtime, localtime and mktime convert between seconds and 8-tuples
import time
print(time.gmtime(0))
print(time.gmtime(86400 * 365 + 3661))
moment = (2024, 2, 29, 12, 30, 45, 0, 0)
seconds = time.mktime(moment)
print(seconds, time.gmtime(seconds)[:6])
print(time.mktime(time.gmtime(1000000000)))
print(len(time.localtime()), type(time.localtime()).__name__)
