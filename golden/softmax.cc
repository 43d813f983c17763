#include "golden/softmax.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "golden/errors.h"

namespace energon::golden {

std::vector<std::uint32_t> Exp2Table(int fx, int pb) {
  std::vector<std::uint32_t> table(std::size_t{1} << fx);
  for (std::size_t f = 0; f < table.size(); ++f) {
    const double value = std::ldexp(1.0, pb) * std::exp2(-static_cast<double>(f) / std::ldexp(1.0, fx));
    table[f] = static_cast<std::uint32_t>(std::floor(value + 0.5));
  }
  return table;
}

SoftmaxScale ComputeSoftmaxScale(double s_q, double s_k, int d, int fx) {
  const double c = ((s_q * s_k) * std::numbers::log2e) / std::sqrt(static_cast<double>(d));
  const double g = c * std::ldexp(1.0, fx);
  if (!(g > 0.0) || !std::isfinite(g)) {
    throw InputError("softmax scale",
                     fmt::format("s_q * s_k = {} gives a scale of {}; the scales must be positive "
                                 "and finite",
                                 s_q * s_k, g));
  }
  int exponent = 0;
  std::frexp(g, &exponent);  // g = f * 2^exponent, f in [0.5, 1)
  int e = 16 - exponent;     // so g * 2^e is in [2^15, 2^16)
  double m = std::floor(std::ldexp(g, e) + 0.5);
  if (m == 65536.0) {
    m = 32768.0;
    e -= 1;
  }
  if (e < 0 || e > 63) {
    throw InputError(
        "softmax scale",
        fmt::format("s_q * s_k = {:g} with D = {} needs the shift E = {}, outside [0, 63]; rescale "
                    "the inputs so that s_q * s_k * log2(e) / sqrt(D) * 2^FX lies in "
                    "[(2^16 - 1/2) 2^-64, 2^16 - 1/2) (FX = {})",
                    s_q * s_k, d, e, fx));
  }
  return {static_cast<std::uint32_t>(m), e};
}

AttentionResult Attend(std::span<const std::int16_t> q16, const Matrix16& k16,
                       const Matrix16& v16, std::span<const std::int32_t> keys,
                       const AttentionParams& params) {
  const int d = static_cast<int>(q16.size());
  AttentionResult result;
  result.logits.reserve(keys.size());
  for (std::int32_t j : keys) {
    const std::span<const std::int16_t> k = k16.row(j);
    std::int64_t acc = 0;
    for (int t = 0; t < d; ++t) acc += static_cast<std::int32_t>(q16[t]) * k[t];
    result.logits.push_back(acc);
  }
  const std::int64_t a_max = *std::max_element(result.logits.begin(), result.logits.end());
  const std::uint32_t frac_mask = (1u << params.fx) - 1;
  const std::vector<std::uint32_t>& exp2 = *params.exp2;
  result.p.reserve(keys.size());
  for (std::int64_t a : result.logits) {
    const auto dist = static_cast<UInt128>(a_max - a);
    const UInt128 u = (dist * params.scale.m) >> params.scale.e;
    const UInt128 shift = u >> params.fx;
    const std::uint32_t p = shift >= static_cast<unsigned>(params.pb + 1)
                                ? 0
                                : exp2[static_cast<std::size_t>(u & frac_mask)] >> static_cast<int>(shift);
    result.p.push_back(p);
    result.z += p;
  }
  std::vector<std::int64_t> acc(static_cast<std::size_t>(v16.cols), 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::int64_t p = result.p[i];
    if (p == 0) continue;
    const std::span<const std::int16_t> v = v16.row(keys[i]);
    for (std::size_t t = 0; t < acc.size(); ++t) acc[t] += p * v[t];
  }
  result.out.reserve(acc.size());
  for (std::int64_t a : acc) {
    result.out.push_back(static_cast<std::int16_t>(DivRoundHalfAway(a, static_cast<std::int64_t>(result.z))));
  }
  return result;
}

}  // namespace energon::golden
