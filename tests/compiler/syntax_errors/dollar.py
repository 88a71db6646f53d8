# A character that is no token.
value = $x
