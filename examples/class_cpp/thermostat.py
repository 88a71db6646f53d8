# The program of the C++ class example: uses a C++ class bound as home.Thermostat.
import home

thermostat = home.Thermostat("living room", 19.5)
print(thermostat.name, "at", thermostat.target)
thermostat.target = 21.0
thermostat.raise_by(0.5)
print("now", thermostat.target, "heating:", thermostat.heating(20.0))
try:
    thermostat.target = 45.0
except ValueError as error:
    print("refused:", error)


def schedule(hour):
    return 17.0 if hour < 6 else 21.5
