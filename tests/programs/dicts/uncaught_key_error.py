# Ends with an uncaught KeyError looking up a missing key.
prices = {'apple': 3, 'pear': 4}

def total(basket):
    return sum(prices[item] for item in basket)

print(total(['apple', 'pear', 'apple']))
print(total(['apple', 'plum']))
