# gc.enable/disable/isenabled/threshold: the switches read back what was set, and programs
# keep working while automatic collection is off or a small threshold is set.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
# With collection off, garbage piles up but live data stays intact.
kept = []
for round in range(200):
    garbage = [str(i) * 3 for i in range(20)]
    kept.append(garbage[round % 20])
print(len(kept), kept[:3], kept[-1])
gc.collect()
print(gc.isenabled(), kept[25])
gc.enable()
print(gc.isenabled())
gc.threshold(1000)
print(gc.threshold())
gc.threshold(0)
print(gc.threshold())
table = {}
for i in range(300):
    table[i] = [i] * (i % 7)
print(len(table), sum(len(v) for v in table.values()), table[299])
gc.threshold(17)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())
for value in ('x', 1.5, None):
    try:
        gc.threshold(value)
    except TypeError as error:
        print('TypeError:', error)
print(gc.collect())
