from .. import value
from . import mod2
from .mod2 import y as why
from ..sub import mod2 as again


def combined():
    return value + mod2.y + why + again.y
