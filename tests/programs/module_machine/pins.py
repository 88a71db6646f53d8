# expect: micropython 1.29
# machine's pins without hardware: PinBase subclasses, Signal over them (inverted, chained,
# called, subclassed) and time_pulse_us timing a pin that changes as it is polled.
import machine


class Pin(machine.PinBase):
    def __init__(self, level=0):
        self.level = level

    def value(self, level=None):
        if level is None:
            return self.level
        print("Pin.value", level)
        self.level = level


print(machine.PinBase, machine.Signal, machine.PinBase())
pin = Pin()
signal = machine.Signal(pin)
print(signal, signal.value(), signal())
signal.value(5)
signal(0)
signal.on()
print(pin.level, signal.value())
signal.off()
print(pin.level, signal.value())

inverted = machine.Signal(pin, invert=True)
print(inverted.value())
inverted.on()
print(pin.level, inverted.value(), inverted())
inverted(1)
inverted("")
print(pin.level, inverted.value())

# A signal over a signal: the inversions add up.
twice = machine.Signal(machine.Signal(Pin(1), invert=True), invert=True)
print(twice.value())
twice.off()
print(twice.value())
deep = Pin(1)
for index in range(1001):
    deep = machine.Signal(deep, invert=True)
print(deep.value())


# A pin whose value() returns any int: Signal passes it through, xor the inversion.
class Wide(machine.PinBase):
    def value(self, level=None):
        return 42


print(machine.Signal(Wide())(), machine.Signal(Wide(), invert=1).value())


class Named(machine.Signal):
    pass


named = Named(Pin(1))
print(type(named).__name__, named(), named.value())
named(0)

for arguments, keywords in (((), {}), ((Pin(), Pin()), {}), ((Pin(),), {"inverted": True}),
                            ((Pin(),), {"invert": True, "value": 1})):
    try:
        machine.Signal(*arguments, **keywords)
    except TypeError as error:
        print("TypeError", repr(error))
try:
    signal(1, 2)
except TypeError as error:
    print(error)
try:
    signal(level=1)
except TypeError as error:
    print(error)
try:
    machine.Signal(machine.PinBase()).value()
except AttributeError as error:
    print(error)


class Toggle(machine.PinBase):
    def __init__(self):
        self.level = 0
        self.reads = 0

    def value(self, level=None):
        self.level = 1 - self.level
        self.reads += 1
        return self.level


toggle = Toggle()
print(type(machine.time_pulse_us(toggle, 1)), toggle.reads)
print(type(machine.time_pulse_us(toggle, 0, 1000)), toggle.reads)
print(machine.time_pulse_us(Pin(0), 1, 50), machine.time_pulse_us(Pin(0), 0, 50))
print(machine.time_pulse_us(Pin(1), True, 0), machine.time_pulse_us(Pin(1), False, 0))
print(machine.time_pulse_us(machine.Signal(Pin(0), invert=True), 0, 20))
print(machine.idle())
try:
    machine.soft_reset()
except SystemExit as error:
    print("SystemExit", error.args)
