# cmdline: -O3 -X compile-only
# Options combine: compiled at level 3, still not run.
assert False
print("not run")
