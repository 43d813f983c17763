#!/usr/bin/python3
"""Writes the .npy seeds of fuzz/corpus/npy/: small files written by numpy itself (every dtype
and format version the reader takes, and ones it must refuse), and the same files broken the
ways a crafted or damaged header is (truncated, too long, bad magic, a shape past 2^64 bytes).
Run from anywhere: /usr/bin/python3 fuzz/make_npy_seeds.py (python3-numpy)."""

import io
import os
import struct

import numpy
from numpy.lib import format as npy_format

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "npy")


def saved(array, version=None):
    buffer = io.BytesIO()
    if version is None:
        numpy.save(buffer, array)
    else:
        npy_format.write_array(buffer, numpy.asanyarray(array), version=version)
    return buffer.getvalue()


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def with_header(data, old, new):
    """`data` with `old` replaced by `new` in its header; the header's padding spaces shrink or
    grow to match, so the header length and the data stay as they were."""
    assert old in data
    padding = len(old) - len(new)
    spaces = b" " * max(-padding, 0)
    assert spaces + b"\n" in data
    data = data.replace(old, new, 1)
    return data.replace(spaces + b"\n", b" " * max(padding, 0) + b"\n", 1)


def main():
    rng = numpy.random.default_rng(1)
    f32 = rng.standard_normal((3, 4)).astype(numpy.float32)
    write("f4_2d.npy", saved(f32))
    write("f4_3d.npy", saved(rng.standard_normal((2, 2, 3)).astype(numpy.float32)))
    write("f2_2d.npy", saved(numpy.array([[1, -2, 65504], [6e-8, 0, -0.5]], numpy.float16)))
    write("i2_3d.npy", saved(numpy.arange(-6, 6, dtype=numpy.int16).reshape(2, 3, 2)))
    write("i2_extremes.npy", saved(numpy.array([[-32768, 32767], [0, -1]], numpy.int16)))
    write("f4_v2.npy", saved(f32, (2, 0)))
    write("f4_v3.npy", saved(f32, (3, 0)))
    write("f4_1d.npy", saved(numpy.ones(3, numpy.float32)))
    write("f4_scalar.npy", saved(numpy.float32(2.5)))
    write("f4_empty.npy", saved(numpy.zeros((0, 4), numpy.float32)))
    write("f4_zeros.npy", saved(numpy.zeros((2, 2), numpy.float32)))
    write("f4_tiny.npy", saved(numpy.array([[1e-45, -1e-45]], numpy.float32)))
    write("f4_nan.npy", saved(numpy.array([[1, numpy.nan]], numpy.float32)))
    write("f2_inf.npy", saved(numpy.array([[numpy.inf]], numpy.float16)))
    write("f8_refused.npy", saved(numpy.ones((2, 2), numpy.float64)))
    write("i4_refused.npy", saved(numpy.ones((2, 2), numpy.int32)))
    write("fortran.npy", saved(numpy.asfortranarray(f32)))

    good = saved(f32)
    write("truncated_data.npy", good[:-5])
    write("longer_data.npy", good + b"\0\0\0\0")
    write("bad_magic.npy", b"\x93NUMPZ" + good[6:])
    write("version4.npy", good[:6] + b"\x04\x00" + good[8:])
    write("header_past_end.npy", good[:8] + struct.pack("<H", 0xFFFF) + good[10:])
    write("header_only.npy", good[:12])
    write("huge_shape.npy", with_header(good, b"(3, 4)", b"(4611686018427387904, 4)"))
    write("negative_dim.npy", with_header(good, b"(3, 4)", b"(3, -4)"))
    write("no_descr.npy", with_header(good, b"'descr'", b"'descx'"))
    write("bad_fortran.npy", with_header(good, b"False", b"Maybe"))
    write("shape_not_tuple.npy", with_header(good, b"(3, 4)", b"[3, 4]"))


if __name__ == "__main__":
    main()
