#include "golden/reference.h"

#include <algorithm>
#include <cmath>

namespace energon::golden {

DenseAttention DenseFloatAttention(const Head& head, int query, int num_candidates) {
  const int d = head.qf.cols;
  const double inv_sqrt_d = 1.0 / std::sqrt(static_cast<double>(d));
  const std::span<const float> q = head.qf.row(query);
  DenseAttention dense;
  dense.prob.resize(static_cast<std::size_t>(num_candidates));
  for (int j = 0; j < num_candidates; ++j) {
    const std::span<const float> k = head.kf.row(j);
    double acc = 0.0;
    for (int t = 0; t < d; ++t) acc += static_cast<double>(q[t]) * k[t];
    dense.prob[j] = acc * inv_sqrt_d;
  }
  const double max_logit = *std::max_element(dense.prob.begin(), dense.prob.end());
  double total = 0.0;
  for (double& p : dense.prob) total += (p = std::exp(p - max_logit));
  dense.out.assign(static_cast<std::size_t>(head.vf.cols), 0.0);
  for (int j = 0; j < num_candidates; ++j) {
    dense.prob[j] /= total;
    const std::span<const float> v = head.vf.row(j);
    for (std::size_t t = 0; t < dense.out.size(); ++t) dense.out[t] += dense.prob[j] * v[t];
  }
  return dense;
}

std::vector<double> RestrictedAttention(const Head& head, const DenseAttention& dense,
                                        std::span<const std::int32_t> keys, double& mass) {
  mass = 0.0;
  std::vector<double> out(static_cast<std::size_t>(head.vf.cols), 0.0);
  for (std::int32_t j : keys) {
    mass += dense.prob[j];
    const std::span<const float> v = head.vf.row(j);
    for (std::size_t t = 0; t < out.size(); ++t) out[t] += dense.prob[j] * v[t];
  }
  if (mass > 0.0) {
    for (double& o : out) o /= mass;
  }
  return out;
}

double Cosine(std::span<const double> a, std::span<const double> b) {
  double dot = 0.0, na = 0.0, nb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na == 0.0 && nb == 0.0) return 1.0;
  if (na == 0.0 || nb == 0.0) return 0.0;
  return dot / std::sqrt(na * nb);
}

}  // namespace energon::golden
