# A second image on the same VM: it sees and changes the first one's globals.
counter += 1
total = add(counter, 1)
