# An operator with no right operand.
value = 1 +
