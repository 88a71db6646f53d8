# Functions with more than 16 locals exercise the long-form local variable load/store/delete.
def many():
    v0 = 0; v1 = 1; v2 = 2; v3 = 3; v4 = 4; v5 = 5; v6 = 6; v7 = 7
    v8 = 8; v9 = 9; v10 = 10; v11 = 11; v12 = 12; v13 = 13; v14 = 14; v15 = 15
    v16 = 16; v17 = 17; v18 = 18; v19 = 19; v20 = 20
    v18 += v17
    v20 = v19 * v16
    total = v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10
    total += v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20
    del v19
    try:
        print(v19)
    except NameError as error:
        print('deleted', type(error).__name__)
    return total, v18, v20
print(many())
def many_args(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17):
    return a17 - a0, a16 * 2
print(many_args(*range(18)))
