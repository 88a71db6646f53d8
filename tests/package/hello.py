# The program the out-of-tree hosts run: output they compare with the text they expect.
def square(number):
    return number * number


print("hello from xipy", sum(square(number) for number in range(10)))
