# math isfinite, isinf, isnan, isclose, and the special functions erf, gamma, lgamma
import math
for value in [1.0, math.inf, -math.inf, math.nan, 0.0]:
    print(value, math.isfinite(value), math.isinf(value), math.isnan(value))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(round(math.erf(0.5), 10), round(math.erfc(0.5), 10))
print(math.gamma(5), round(math.gamma(0.5) ** 2, 10), round(math.lgamma(10), 10))
print(round(math.expm1(1e-5), 15))
