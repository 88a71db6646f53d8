# uwebsocket: the u-prefixed name MicroPython also imports websocket by; the same class.
from websocket import *
