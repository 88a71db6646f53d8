# uasyncio: the name older MicroPython programs import asyncio by; the same objects.
from asyncio import *
