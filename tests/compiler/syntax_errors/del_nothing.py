# del with nothing to delete.
del
