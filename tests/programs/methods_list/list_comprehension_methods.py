# combining list methods: stack and queue use, min/max/sum over lists, nested sort
stack = []
for value in [3, 1, 4]:
    stack.append(value)
print(stack.pop(), stack.pop(), stack)
queue = ['first', 'second']
queue.append('third')
print(queue.pop(0), queue)
matrix = [[3, 2], [1, 5], [1, 2]]
matrix.sort()
print(matrix, max(matrix), min(matrix, key=sum))
flat = [value for row in matrix for value in row]
print(flat, sorted(set(flat)))
