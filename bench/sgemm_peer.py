#!/usr/bin/python3
"""Single-core sgemm rate of OpenBLAS (through numpy): the ceiling the training core is compared with."""
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (after the thread setting)


def rate(m, k, n, seconds=1.0):
    a = np.random.rand(m, k).astype(np.float32)
    b = np.random.rand(k, n).astype(np.float32)
    a @ b
    runs, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        a @ b
        runs += 1
    return 2 * m * k * n * runs / (time.perf_counter() - start) / 1e9


for shape in sys.argv[1:] or ["2048x2048x2048", "64x512x512"]:
    m, k, n = map(int, shape.split("x"))
    r = statistics.median(rate(m, k, n) for _ in range(3))
    print(f"impl=openblas shape={shape} median_gflops={r:.1f}")
