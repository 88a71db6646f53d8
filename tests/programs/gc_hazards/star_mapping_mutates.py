# f(**a, **b) where b's keys() empties a and allocates: a's values must stay alive while the
# call is assembled (run under XIPY_GC_STRESS=1 this caught a use-after-free).
def show(**keywords):
    return sorted((key, len(value)) for key, value in keywords.items())


first = {}


class Emptier:
    def keys(self):
        first.clear()
        garbage = [[index] * 20 for index in range(50)]
        return ["late"]

    def __getitem__(self, key):
        return [key] * 3


for round_number in range(3):
    first["alpha" + str(round_number)] = [round_number] * 30
    first["beta"] = ["b" * 40 for _ in range(5)]
    print(show(**first, **Emptier()))
    print(len(first))
