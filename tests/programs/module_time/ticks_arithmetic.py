# ticks_add and ticks_diff wrap around the tick period and are inverse operations
import time
print(time.ticks_diff(10, 5), time.ticks_diff(5, 10), time.ticks_add(100, 50), time.ticks_add(100, -150) > 0)
base = time.ticks_add(0, -1)
print(time.ticks_diff(time.ticks_add(base, 10), base))
for delta in [0, 1, 1000, -1000]:
    print(delta, time.ticks_diff(time.ticks_add(12345, delta), 12345))
