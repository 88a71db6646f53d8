# Benchmark: building, splitting, joining, searching and replacing strings; stresses str allocation.
WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet']


def build_text(count):
    lines = []
    parts = []
    for index in range(count):
        word = WORDS[(index * 7) % len(WORDS)]
        parts.append(word + str(index % 97))
        if len(parts) == 9:
            lines.append(' '.join(parts))
            parts = []
    lines.append(' '.join(parts))
    return '\n'.join(lines)


def process(text):
    checksum = 0
    lines = text.split('\n')
    for line in lines:
        fields = line.split()
        checksum = (checksum + len(fields) * 31 + len(line)) % 1000003
        joined = '-'.join(fields).upper()
        checksum = (checksum + joined.count('A') + joined.find('E')) % 1000003
        replaced = line.replace('a', 'aa').replace(' ', '')
        checksum = (checksum * 7 + len(replaced)) % 1000003
        if line.startswith('alpha') or line.endswith('0'):
            checksum += 1
    return checksum, len(lines)


total = 0
for round_number in range(500):
    text = build_text(4000 + round_number)
    checksum, line_count = process(text)
    total = (total * 131 + checksum + line_count) % 1000000007
print('length', len(text), 'checksum', total)
