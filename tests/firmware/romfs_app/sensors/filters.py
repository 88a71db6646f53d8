# A moving average over a window of readings.
from .readings import fake_samples  # a relative import of a sibling


def smooth(values, window):
    return [sum(values[index:index + window]) // window
            for index in range(len(values) - window + 1)]
