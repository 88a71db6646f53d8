# return, break and continue inside finally and through finally override or preserve outcomes.
def return_in_try():
    try:
        return 'try'
    finally:
        print('finally runs after return')
print(return_in_try())
def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(finally_swallows())
def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'after break, i=%d' % i
print(break_swallows())
def nested_finally():
    order = []
    try:
        try:
            order.append('inner try')
            return order
        finally:
            order.append('inner finally')
    finally:
        order.append('outer finally')
print(nested_finally())
def return_value_evaluated_first():
    value = 'original'
    try:
        return value
    finally:
        value = 'changed'
print(return_value_evaluated_first())
def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            seen.append(i)
        finally:
            continue
    return seen
print(continue_in_finally())
