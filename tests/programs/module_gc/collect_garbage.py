# objects survive collection while referenced; threshold can be queried and set
import gc
survivors = [[index] * 10 for index in range(100)]
for _ in range(50):
    [0] * 100
gc.collect()
print(len(survivors), survivors[99][0], sum(row[0] for row in survivors))
previous = gc.threshold()
print(type(previous).__name__)
gc.threshold(4096)
print(gc.threshold() >= 0)
gc.threshold(-1)
print(gc.isenabled())
