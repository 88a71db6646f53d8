# async for over an object with __aiter__/__anext__, ending with StopAsyncIteration.
class Ticker:
    def __init__(self, limit):
        self.limit = limit
        self.count = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.count >= self.limit:
            raise StopAsyncIteration
        self.count += 1
        return self.count * 10
async def main():
    seen = []
    async for value in Ticker(3):
        seen.append(value)
    async for value in Ticker(5):
        if value == 20:
            continue
        if value == 40:
            break
        seen.append(value)
    return seen
try:
    main().send(None)
except StopIteration as stop:
    print(stop.value)
