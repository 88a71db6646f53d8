# successive time readings never go backwards and sleep_ms(0) returns promptly
import time
readings = []
for _ in range(5):
    readings.append(time.ticks_ms())
    time.sleep_ms(0)
print(all(time.ticks_diff(later, earlier) >= 0 for earlier, later in zip(readings, readings[1:])))
seconds = time.time()
time.sleep(0)
print(time.time() >= seconds, time.ticks_add(time.ticks_ms(), 0) is not None)
