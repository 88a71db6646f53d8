# Uncaught exception raised inside a method called from another method.
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError('insufficient funds: %d > %d' % (amount, self.balance))
        self.balance -= amount
    def close(self):
        self.withdraw(self.balance + 1)
account = Account(10)
account.withdraw(3)
print('balance', account.balance)
account.close()
