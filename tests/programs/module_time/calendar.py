# gmtime/localtime/mktime round trips and month/day normalisation (no clock needed)
import time
for seconds in (0, 951782400, 1000000000, 1709209815, 4102444800):
    parts = time.gmtime(seconds)
    print(parts, time.mktime(parts) == seconds)
print(time.localtime(86400 * 365))
print(time.mktime((2024, 13, 40, 0, 0, 0, 0, 0)), time.mktime((2000, 1, 1, 25, 61, 61, 0, 0, 0)))
try:
    time.mktime((2000, 1))
except TypeError as error:
    print(error)
print(time.ticks_add(2 ** 30 - 1, 1), time.ticks_diff(0, 2 ** 30 - 1), time.ticks_diff(5, 10))
start = time.ticks_ms()
time.sleep_ms(2)
print(time.ticks_diff(time.ticks_ms(), start) >= 1, type(time.time()), type(time.time_ns()))
