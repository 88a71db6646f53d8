# ticks_add refuses a delta of half the ticks period or more, either way; ticks_diff inverts it.
import time

period_max = time.ticks_add(0, -1)
half = period_max // 2
for delta in (-half - 1, -half, -1, 0, 1, half, half + 1):
    try:
        moved = time.ticks_add(7, delta)
        print(delta == time.ticks_diff(moved, 7), -delta == time.ticks_diff(7, moved))
    except OverflowError as error:
        print("OverflowError", error)
