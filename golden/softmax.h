#pragma once
// High-precision attention over the survivors, hardware mode (mp-mrf.md section 3): integer
// logits, the (M, E) scale, the EXP2 table, p * V accumulation and the rounded division.

#include <cstdint>
#include <span>
#include <vector>

#include "golden/tensor.h"
#include "golden/wide_int.h"

namespace energon::golden {

inline constexpr int kMinFx = 1, kMaxFx = 12;   // EXP2 table of 2..4096 entries
inline constexpr int kMinPb = 1, kMaxPb = 30;   // p fits in 31 bits

/// EXP2[f] = floor(2^PB * 2^(-f / 2^FX) + 0.5) for f in [0, 2^FX), in double precision.
std::vector<std::uint32_t> Exp2Table(int fx, int pb);

/// The runtime softmax scale as the hardware takes it: multiply by M, shift right by E.
struct SoftmaxScale {
  std::uint32_t m = 1u << 15;  ///< mantissa, in [2^15, 2^16)
  int e = 0;                   ///< right shift, in [0, 63]
  friend bool operator==(const SoftmaxScale&, const SoftmaxScale&) = default;
};

/// c = ((s_q * s_k) * log2(e)) / sqrt(D), g = c * 2^FX, normalized to 16 bits of mantissa.
/// Throws InputError ("softmax scale") when E falls outside [0, 63].
SoftmaxScale ComputeSoftmaxScale(double s_q, double s_k, int d, int fx);

/// What the attention stage produces for one query.
struct AttentionResult {
  std::vector<std::int64_t> logits;  ///< a_j for each survivor, in survivor order
  std::vector<std::uint32_t> p;      ///< p_j for each survivor
  std::uint64_t z = 0;               ///< sum of p
  std::vector<std::int16_t> out;     ///< D outputs in V's int16 units
};

/// Parameters the attention stage needs besides the data.
struct AttentionParams {
  SoftmaxScale scale;
  int fx = 8;
  int pb = 15;
  const std::vector<std::uint32_t>* exp2 = nullptr;  ///< Exp2Table(fx, pb)
};

/// Attention of query row q16 over the listed keys (ascending, non-empty).
AttentionResult Attend(std::span<const std::int16_t> q16, const Matrix16& k16,
                       const Matrix16& v16, std::span<const std::int32_t> keys,
                       const AttentionParams& params);

/// round_half_away(num / den) for den > 0, exact.
constexpr std::int64_t DivRoundHalfAway(std::int64_t num, std::int64_t den) {
  const Int128 mag = num < 0 ? -static_cast<Int128>(num) : static_cast<Int128>(num);
  const auto q = static_cast<std::int64_t>((2 * mag + den) / (2 * static_cast<Int128>(den)));
  return num < 0 ? -q : q;
}

}  // namespace energon::golden
