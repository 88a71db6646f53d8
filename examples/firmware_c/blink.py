# The program of the firmware example: drives a pin and reacts to the board's timer.
import machine

led = machine.Pin(2)
led.on()
led.off()
print("pin", led.id, "is", led.value)

ticks = 0


def on_tick(count):
    global ticks
    ticks += 1
    if count % 2:
        led.on()
    else:
        led.off()


timer = machine.Timer(on_tick)
print("timer armed; period", machine.TICK_MS, "ms")
