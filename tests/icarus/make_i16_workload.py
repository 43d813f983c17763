#!/usr/bin/env python3
"""Writes a seeded int16 Q/K/V workload over the whole int16 range for the Icarus tests.

Usage: make_i16_workload.py OUT_DIR D KEYS QUERIES
writes OUT_DIR/i16_{q,k,v}.npy: uniform codes in [-32768, 32767], with key rows of all
-32768, all +32767 and half of each, and a query of all +32767 (the extreme logits).
"""

import os
import sys

import numpy


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__)
        return 2
    out_dir, d, keys, queries = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    rng = numpy.random.default_rng(20261201)

    def codes(rows):
        return rng.integers(-32768, 32768, size=(rows, d), dtype=numpy.int64).astype(numpy.int16)

    q, k, v = codes(queries), codes(keys), codes(keys)
    k[1, :] = -32768
    k[2, :] = 32767
    k[3, : d // 2] = -32768
    k[3, d // 2 :] = 32767
    v[1, :] = -32768
    v[2, :] = 32767
    q[0, :] = 32767
    q[1, :] = -32768
    os.makedirs(out_dir, exist_ok=True)
    for name, array in zip("qkv", (q, k, v)):
        numpy.save(os.path.join(out_dir, f"i16_{name}.npy"), array)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
