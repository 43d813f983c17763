#pragma once
// Row-major matrices for one attention head: the int16 codes the hardware sees and, when the
// workload came as floats, the original values the float reference uses.

#include <cstdint>
#include <span>
#include <vector>

namespace energon::golden {

template <typename T>
struct Matrix {
  int rows = 0;
  int cols = 0;
  std::vector<T> data;  ///< rows * cols values, row-major

  Matrix() = default;
  Matrix(int r, int c) : rows(r), cols(c), data(static_cast<std::size_t>(r) * c) {}
  [[nodiscard]] std::span<const T> row(int i) const {
    return {data.data() + static_cast<std::size_t>(i) * cols, static_cast<std::size_t>(cols)};
  }
  [[nodiscard]] std::span<T> row(int i) {
    return {data.data() + static_cast<std::size_t>(i) * cols, static_cast<std::size_t>(cols)};
  }
};

using Matrix16 = Matrix<std::int16_t>;
using MatrixF = Matrix<float>;

/// An int16 tensor with its symmetric scale: real value = code * scale.
struct Quantized {
  Matrix16 codes;
  double scale = 1.0;
};

/// mp-mrf.md section 1: s = max|X| / 32767 (1 when X is all zero),
/// x = clamp(round_half_away(X / s), -32767, 32767), all in double precision.
Quantized Quantize(const MatrixF& x);

/// The float values an int16 tensor stands for (code * scale), for the float reference.
MatrixF Dequantize(const Quantized& x);

}  // namespace energon::golden
