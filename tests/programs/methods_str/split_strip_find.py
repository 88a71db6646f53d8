# split family, strip family, find/index/count and startswith/endswith
text = "  alpha beta\tgamma\n delta  "
print(text.split(), text.split(None, 1), text.rsplit(" ", 2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("a--b--c".split("--"), "x".split("x"), "".split(), "".split(","))
print("one\ntwo\r\nthree\rfour\n".splitlines(), "a\nb\n".splitlines(True))
print(text.strip(), text.lstrip(), text.rstrip() + "|", "xxhixx".strip("x"))
print("abcabc".find("c"), "abcabc".rfind("c"), "abcabc".find("z"), "abcabc".find("b", 2))
print("abcabc".index("b"), "abcabc".rindex("b"), "abcabc".count("bc"), "aaa".count(""))
print("héllo".find("l"), "héllo"[2:], "héllo".count("l"))
print("hello".startswith("he"), "hello".startswith(("x", "hel")), "hello".endswith("lo", 0, 5))
print("hello".startswith("l", 2), "hello".endswith(("a", "b")))
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"))
print("abc".rpartition("x"), "-".join(["x", "y", "z"]), "".join([]))
for call in (lambda: "abc".index("z"), lambda: "a".split(""), lambda: "a".partition(""),
             lambda: ",".join([1, 2]), lambda: "a".find(1)):
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)
