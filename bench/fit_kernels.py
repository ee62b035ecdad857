#!/usr/bin/env python3
"""Refit the polynomial coefficients of core's Lanes kernels and print them as Java hex literals.

  python3 bench/fit_kernels.py      (needs mpmath: Debian python3-mpmath, or pip install mpmath)

E0..E8: exp's e^r = 1 + r + r^2 * E(r), E fitted to (e^r - 1 - r) / r^2 on |r| <= 1.0001 * ln2/2.
Q0..Q16: gelu's Phi(-a) = tau * Q(u) * e^(-a^2/2), tau = 3 / (3 + a), u = (tau - 7/12) / (5/12),
Q fitted on u in [-1, 1] (a in [0, 15]).
Both by mpmath.chebyfit (Chebyshev interpolation, near minimax), then rounded to double; the
printed maximum relative error is that of the rounded polynomial in exact arithmetic, on a grid.
"""
import mpmath as mp


def fit(f, lo, hi, degree, grid, dps):
    mp.mp.dps = dps
    coeffs, _ = mp.chebyfit(f, [lo, hi], degree + 1, error=True)
    rounded = [float(c) for c in coeffs]  # highest degree first
    worst = 0
    for i in range(grid + 1):
        x = lo + (hi - lo) * mp.mpf(i) / grid
        p = mp.mpf(0)
        for c in rounded:
            p = p * x + mp.mpf(c)
        worst = max(worst, abs(p / f(x) - 1))
    return list(reversed(rounded)), worst  # lowest degree first


def exp_tail(r):
    return mp.mpf(1) / 2 + r / 6 if abs(r) < mp.mpf("1e-20") else (mp.exp(r) - 1 - r) / r ** 2


def phi_factor(u):
    tau = u * mp.mpf(5) / 12 + mp.mpf(7) / 12
    a = 3 / tau - 3
    return mp.erfc(a / mp.sqrt(2)) / 2 / (tau * mp.exp(-a * a / 2))


def show(name, coeffs, worst):
    print(f"// {name}: max relative error of the rounded polynomial {mp.nstr(worst, 3)}")
    for i, c in enumerate(coeffs):
        print(f"private static final double {name}{i} = {c.hex()};")


if __name__ == "__main__":
    mp.mp.dps = 50
    h = mp.log(2) / 2 * mp.mpf("1.0001")
    show("E", *fit(exp_tail, -h, h, 8, 2000, 50))
    show("Q", *fit(phi_factor, mp.mpf(-1), mp.mpf(1), 16, 3000, 40))
