# A \x escape with one hex digit.
text = "\x4"
