# A \u escape with two hex digits.
text = "\u12"
