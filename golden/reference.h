#pragma once
// Float reference attention in double precision on the original inputs: the yardstick for
// accuracy figures, never for the bit-exact comparison.

#include <cstdint>
#include <span>
#include <vector>

#include "golden/workload.h"

namespace energon::golden {

/// Dense softmax attention of one query over its candidates C_0 = {0 .. n-1}.
struct DenseAttention {
  std::vector<double> prob;  ///< softmax(q . k_j / sqrt(D)) for j in C_0
  std::vector<double> out;   ///< sum_j prob_j v_j, D values in V's float units
};

DenseAttention DenseFloatAttention(const Head& head, int query, int num_candidates);

/// Attention restricted to `keys` (a subset of C_0): the dense probabilities renormalized
/// over the subset, which is exactly softmax over the subset. `mass` receives the dense
/// probability mass the subset keeps.
std::vector<double> RestrictedAttention(const Head& head, const DenseAttention& dense,
                                        std::span<const std::int32_t> keys, double& mass);

/// Cosine similarity; 1 when both vectors are zero, 0 when only one is.
double Cosine(std::span<const double> a, std::span<const double> b);

}  // namespace energon::golden
