# The imported half of the name-order program: names shared with main, and its own.
class Record:
    def __init__(self):
        self.record_only = 1
        self.shared_name = 2


def never_called(keyword_argument=None):
    return keyword_argument.unreached_attribute
