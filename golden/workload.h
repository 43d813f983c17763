#pragma once
// A workload: one or more attention heads of Q, K, V, as int16 codes with scales, plus the
// float values the accuracy reference runs on.

#include <array>
#include <string>
#include <vector>

#include "golden/npy.h"
#include "golden/tensor.h"

namespace energon::golden {

struct Head {
  Quantized q, k, v;  ///< what the hardware sees
  MatrixF qf, kf, vf;  ///< the original floats (the dequantized codes for int16 inputs)
};

struct Workload {
  std::vector<Head> heads;
  std::string source;  ///< how it was made, for reports ("synthetic n=512,..." or file names)

  [[nodiscard]] int num_queries() const { return heads.empty() ? 0 : heads[0].q.codes.rows; }
  [[nodiscard]] int num_keys() const { return heads.empty() ? 0 : heads[0].k.codes.rows; }
  [[nodiscard]] int dim() const { return heads.empty() ? 0 : heads[0].q.codes.cols; }
};

/// Builds a head from float tensors: quantizes each with its own scale.
Head HeadFromFloats(MatrixF q, MatrixF k, MatrixF v);

/// Builds a head from int16 codes with the given scales (q, k, v).
Head HeadFromCodes(Matrix16 q, Matrix16 k, Matrix16 v, const std::array<double, 3>& scales);

/// Loads Q, K, V from .npy files, each [n, D] or [heads, n, D], float32, float16 or int16.
/// All three must have the same dtype class (float or int16), the same head count and D; K and
/// V the same n. int16 codes use `int16_scales` (q, k, v). Errors name the file and the rule.
Workload LoadNpyWorkload(const std::string& q_path, const std::string& k_path,
                         const std::string& v_path, const std::array<double, 3>& int16_scales);

/// LoadNpyWorkload on arrays already read (fuzz/npy_fuzz.cc gives it the arrays it parsed):
/// the same rules, with `paths` (q, k, v) naming the arrays in errors.
Workload NpyWorkload(const NpyArray& q, const NpyArray& k, const NpyArray& v,
                     const std::array<std::string, 3>& paths,
                     const std::array<double, 3>& int16_scales);

}  // namespace energon::golden
