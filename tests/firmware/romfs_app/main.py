# An application deployed as a ROMFS image: the firmware runs it from /rom, importing its
# modules from /rom and /rom/lib in place; the same image runs on MicroPython's firmware.
# Integers only: MicroPython's firmware computes floats in single precision, xipy in double.
import sys

import units
from sensors import average, readings
from sensors.filters import smooth

print("main file:", __file__)
print("units from", units.__file__)
print("sensors from", readings.__name__, readings.__file__)
samples = readings.fake_samples(12)
print("samples:", samples)
print("average:", units.format_celsius(average(samples)))
print("smoothed:", [units.format_celsius(value) for value in smooth(samples, 3)])
with open("/rom/calibration.txt") as calibration:
    offsets = [int(field) for field in calibration.read().split()]
print("calibration:", offsets)
print("modules:", sorted(name for name in sys.modules if name in ("units", "sensors",
                                                                    "sensors.readings",
                                                                    "sensors.filters")))
try:
    import missing_driver
except ImportError as error:
    print("ImportError:", error)
