# time functions return the right types and monotonic tick differences are non-negative
import time
print(type(time.time()).__name__ in ('int', 'float'), type(time.time_ns()).__name__)
start = time.ticks_ms()
time.sleep_ms(2)
elapsed = time.ticks_diff(time.ticks_ms(), start)
print(elapsed >= 0, type(elapsed).__name__)
start_us = time.ticks_us()
time.sleep_us(100)
print(time.ticks_diff(time.ticks_us(), start_us) >= 0)
print(type(time.ticks_cpu()).__name__)
time.sleep(0.001)
print(time.time_ns() > 0)
