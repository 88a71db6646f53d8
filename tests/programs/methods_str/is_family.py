# the is* predicates: isdigit, isalpha, isspace, isupper, islower, isalnum where present
samples = ['abc', 'ABC', 'Abc', '123', 'a1', ' \t\n', '', 'A B', '12.5', '_']
for sample in samples:
    print(repr(sample), sample.isdigit(), sample.isalpha(), sample.isspace(), sample.isupper(), sample.islower())
print([c for c in 'a1 B_' if c.isalpha() or c.isdigit()])
