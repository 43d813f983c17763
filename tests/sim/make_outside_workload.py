#!/usr/bin/env python3
"""Writes Q/K/V workloads the project's synthetic generator did not make (golden/synthetic.h).

The outside-workload test (tests/sim/CMakeLists.txt, outside_*) runs energon-cosim on the
default accelerator and energon-golden on each, and compares their --output files byte for
byte. The workloads are plain seeded NumPy random data in every input format the loader takes
(golden/npy.h): float32 with heavy tails, float16, full-range int16 codes including rows of
-32768 and +32767, and a multi-head [heads, n, D] file. D is 64 (configs/default.cfg); K and V
stay below the default N_MAX of 512.

Usage: make_outside_workload.py OUT_DIR
writes OUT_DIR/<name>_{q,k,v}.npy for every name in WORKLOADS.
"""

import os
import sys

import numpy

D = 64
SEED = 20240613


def heavy_tailed_f32(rng):
    # Student t with 2 degrees of freedom: infinite variance, a few values hundreds of times
    # the typical one, so the per-tensor int16 scale is set by outliers.
    def t(rows):
        return rng.standard_t(2.0, size=(rows, D)).astype(numpy.float32)

    return t(48), t(160), t(160)


def half_f16(rng):
    # float16 as PyTorch dumps it; a few subnormal and negative-zero entries on top.
    def h(rows, scale):
        x = (rng.normal(0.0, scale, size=(rows, D))).astype(numpy.float16)
        x[0, :4] = numpy.float16(6e-8)  # subnormal
        x[0, 4] = numpy.float16(-0.0)
        return x

    return h(96, 0.7), h(96, 0.7), h(96, 1.5)


def full_range_i16(rng):
    # int16 codes over the whole range, with rows pinned at both ends of it.
    def codes(rows):
        x = rng.integers(-32768, 32768, size=(rows, D), dtype=numpy.int64).astype(numpy.int16)
        x[1, :] = -32768
        x[2, :] = 32767
        x[3, : D // 2] = -32768
        x[3, D // 2 :] = 32767
        return x

    q, k, v = codes(40), codes(72), codes(72)
    q[5, :] = 32767  # a query pointing straight at the +32767 key row
    return q, k, v


def multi_head_f32(rng):
    # [heads, n, D], each head with its own spread (so each gets its own scales).
    def heads(rows):
        spread = numpy.array([0.25, 1.0, 8.0], dtype=numpy.float32).reshape(3, 1, 1)
        return (rng.normal(0.0, 1.0, size=(3, rows, D)) * spread).astype(numpy.float32)

    return heads(32), heads(64), heads(64)


WORKLOADS = {
    "f32_heavy": heavy_tailed_f32,
    "f16": half_f16,
    "i16_full": full_range_i16,
    "multihead": multi_head_f32,
}


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for index, (name, make) in enumerate(WORKLOADS.items()):
        rng = numpy.random.default_rng(SEED + index)
        for tensor, array in zip("qkv", make(rng)):
            assert array.shape[-1] == D and numpy.isfinite(array.astype(numpy.float64)).all()
            numpy.save(os.path.join(out_dir, f"{name}_{tensor}.npy"), array)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
