#include "golden/tensor.h"

#include <algorithm>
#include <cmath>

namespace energon::golden {

Quantized Quantize(const MatrixF& x) {
  double max_abs = 0.0;
  for (float v : x.data) max_abs = std::max(max_abs, std::fabs(static_cast<double>(v)));
  Quantized q{Matrix16(x.rows, x.cols), max_abs == 0.0 ? 1.0 : max_abs / 32767.0};
  for (std::size_t i = 0; i < x.data.size(); ++i) {
    // std::round rounds half away from zero, as the contract asks.
    const double code = std::round(static_cast<double>(x.data[i]) / q.scale);
    q.codes.data[i] = static_cast<std::int16_t>(std::clamp(code, -32767.0, 32767.0));
  }
  return q;
}

MatrixF Dequantize(const Quantized& x) {
  MatrixF out(x.codes.rows, x.codes.cols);
  for (std::size_t i = 0; i < out.data.size(); ++i) {
    out.data[i] = static_cast<float>(x.codes.data[i] * x.scale);
  }
  return out;
}

}  // namespace energon::golden
