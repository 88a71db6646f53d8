# Reads a line through the host's stdin callback.
line = input()
print("got", line)
