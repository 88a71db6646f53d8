# Benchmark: a pystone-like workload of small classes, method calls, attribute updates and branches.
class Record:
    def __init__(self, identifier, value, kind):
        self.identifier = identifier
        self.value = value
        self.kind = kind
        self.next_record = None

    def copy(self):
        duplicate = Record(self.identifier, self.value, self.kind)
        duplicate.next_record = self.next_record
        return duplicate

    def adjust(self, amount):
        if self.kind == 1:
            self.value += amount
        elif self.kind == 2:
            self.value -= amount
        else:
            self.value = (self.value * 3 + amount) % 10007
        return self.value


class Counter:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, amount):
        self.calls += 1
        self.total = (self.total + amount) % 1000003


class Special(Record):
    def adjust(self, amount):
        result = Record.adjust(self, amount * 2)
        self.kind = (self.kind % 3) + 1
        return result


def procedure(record, counter, loop_index):
    other = record.copy()
    other.identifier = loop_index
    value = other.adjust(loop_index % 13)
    counter.add(value)
    if value % 2:
        record.next_record = other
    else:
        record.next_record = None
    return value


def run(loops):
    counter = Counter()
    records = [Record(index, index * 5, index % 3 + 1) for index in range(10)]
    records.append(Special(10, 7, 1))
    checksum = 0
    array = [0] * 51
    for loop_index in range(loops):
        record = records[loop_index % len(records)]
        value = procedure(record, counter, loop_index)
        array[loop_index % 51] = (array[loop_index % 51] + value) % 65536
        if record.next_record is not None:
            checksum = (checksum + record.next_record.identifier) % 1000003
        character = 'ABCDE'[loop_index % 5]
        if character == 'C':
            checksum = (checksum + 3) % 1000003
    return counter.total, counter.calls, checksum, sum(array)


print('result', run(450000))
