# The firmware's `uart` module: writes to the serial line beside print(), and reads what the
# host sent (tools/firmware_test.py sends "0123456789abxyz").
import uart

print(uart.write(b"bytes written by uart.write\n"))
print(uart.write("a str written by uart.write\n"))
print(uart.read(12))
print(uart.read(8, timeout_ms=20))  # three bytes remain: the timeout ends the wait
print(uart.read(4, timeout_ms=0), uart.any())
for bad in ((-1,), (257,), (4, -5)):
    try:
        uart.read(*bad)
    except ValueError as error:
        print("ValueError:", error)
try:
    uart.write(42)
except TypeError as error:
    print("TypeError:", error)
