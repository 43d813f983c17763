#pragma once
// Row statistics and the division-free per-row threshold of mp-mrf.md section 2.

#include <cstdint>
#include <limits>

namespace energon::golden {

/// Mathematical floor and ceiling of a / b for b > 0 (C++ '/' truncates toward zero).
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}
constexpr std::int64_t CeilDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a > 0) ? q + 1 : q;
}

/// Statistics of one row's scores over the candidates of a round.
struct RowStats {
  std::int64_t m = 0;  ///< candidate count
  std::int64_t sum = 0;
  std::int64_t max = std::numeric_limits<std::int64_t>::min();
  std::int64_t min = std::numeric_limits<std::int64_t>::max();

  void Add(std::int64_t score) {
    ++m;
    sum += score;
    max = score > max ? score : max;
    min = score < min ? score : min;
  }
};

/// The right-hand side before the division: (256 - A) * Sum + A * m * Max for A >= 0,
/// (256 + A) * Sum - A * m * Min for A < 0.
constexpr std::int64_t ThresholdNumerator(const RowStats& s, int a) {
  return a >= 0 ? (256 - a) * s.sum + a * s.m * s.max : (256 + a) * s.sum - a * s.m * s.min;
}

/// T = ceil(RHS / (256 m)); a key survives iff its score >= T. Requires s.m >= 1.
constexpr std::int64_t Threshold(const RowStats& s, int a) {
  return CeilDiv(ThresholdNumerator(s, a), 256 * s.m);
}

}  // namespace energon::golden
