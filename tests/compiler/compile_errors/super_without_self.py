class C:
    def f():
        return super().g()
