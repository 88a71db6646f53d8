# Closure counters using nonlocal; independent instances keep separate state.
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
first = make_counter()
second = make_counter(100)
print(first(), first(), first(5))
print(second(), second(-50))
print(first())
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return 'insufficient'
        balance -= amount
        return balance
    def current():
        return balance
    return deposit, withdraw, current
deposit, withdraw, current = make_account(10)
print(deposit(5), withdraw(3), withdraw(100), current())
