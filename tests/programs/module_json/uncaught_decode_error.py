# an uncaught ValueError from json.loads inside a helper ends the program with a traceback
import json
def parse_all(texts):
    return [json.loads(text) for text in texts]
print(parse_all(['1', '[2]', '{"three": 3}']))
print(parse_all(['4', '{bad json}']))
