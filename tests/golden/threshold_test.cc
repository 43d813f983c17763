// FloorDiv / CeilDiv and the division-free threshold of mp-mrf.md section 2, checked against
// exact integer arithmetic written independently of golden/threshold.h.
#include "golden/threshold.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "golden/wide_int.h"

namespace energon::golden {
namespace {

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

// floor(a / b) is the unique q with q * b <= a < (q + 1) * b; ceil(a / b) the unique q with
// (q - 1) * b < a <= q * b. Both checked in 128 bits so that nothing can overflow.
void ExpectFloorAndCeil(std::int64_t a, std::int64_t b) {
  const Int128 wa = a, wb = b;
  const Int128 fl = FloorDiv(a, b);
  const Int128 ce = CeilDiv(a, b);
  EXPECT_TRUE(fl * wb <= wa && wa < (fl + 1) * wb)
      << "FloorDiv(" << a << ", " << b << ") = " << static_cast<std::int64_t>(fl);
  EXPECT_TRUE((ce - 1) * wb < wa && wa <= ce * wb)
      << "CeilDiv(" << a << ", " << b << ") = " << static_cast<std::int64_t>(ce);
  EXPECT_EQ(ce - fl, wa % wb == 0 ? 0 : 1) << a << " / " << b;
}

TEST(FloorCeilDivTest, SmallValuesMatchExactMath) {
  for (std::int64_t b = 1; b <= 9; ++b) {
    for (std::int64_t a = -40; a <= 40; ++a) ExpectFloorAndCeil(a, b);
  }
}

TEST(FloorCeilDivTest, KnownNegativeNumerators) {
  EXPECT_EQ(FloorDiv(-7, 2), -4);
  EXPECT_EQ(CeilDiv(-7, 2), -3);
  EXPECT_EQ(FloorDiv(-8, 2), -4);
  EXPECT_EQ(CeilDiv(-8, 2), -4);
  EXPECT_EQ(FloorDiv(-1, 256), -1);
  EXPECT_EQ(CeilDiv(-1, 256), 0);
  EXPECT_EQ(FloorDiv(7, 2), 3);
  EXPECT_EQ(CeilDiv(7, 2), 4);
  EXPECT_EQ(CeilDiv(1, 256), 1);
  EXPECT_EQ(FloorDiv(0, 5), 0);
  EXPECT_EQ(CeilDiv(0, 5), 0);
}

TEST(FloorCeilDivTest, ExtremeAndRandomValuesMatchExactMath) {
  for (std::int64_t b : {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, std::int64_t{256},
                         std::int64_t{256} * 4096, kInt64Max}) {
    for (std::int64_t a : {kInt64Min, kInt64Min + 1, std::int64_t{-1}, std::int64_t{0},
                           std::int64_t{1}, kInt64Max - 1, kInt64Max}) {
      ExpectFloorAndCeil(a, b);
    }
  }
  std::mt19937_64 rng(12);
  for (int i = 0; i < 20000; ++i) {
    const auto a = static_cast<std::int64_t>(rng() >> (rng() % 64));
    const std::int64_t signed_a = (rng() & 1) != 0 ? a : -a;
    const auto b = static_cast<std::int64_t>((rng() >> (1 + rng() % 63)) | 1);
    ExpectFloorAndCeil(signed_a, b);
  }
}

// The statistics of a row, accumulated here in 128 bits.
struct ExactStats {
  Int128 m = 0, sum = 0, max = 0, min = 0;
};

ExactStats StatsOf(const std::vector<std::int64_t>& scores) {
  ExactStats s{static_cast<Int128>(scores.size()), 0, scores[0], scores[0]};
  for (std::int64_t x : scores) {
    s.sum += x;
    if (x > s.max) s.max = x;
    if (x < s.min) s.min = x;
  }
  return s;
}

// RHS written as 256 * m * (mean + alpha * (extreme - mean)): 256 Sum + |A| (m * extreme - Sum),
// the extreme being Max for A >= 0 and Min for A < 0.
Int128 ExactRhs(const ExactStats& s, int a) {
  const Int128 extreme = a >= 0 ? s.max : s.min;
  const Int128 abs_a = a >= 0 ? a : -a;
  return 256 * s.sum + abs_a * (s.m * extreme - s.sum);
}

// The smallest integer T with 256 * m * T >= RHS, found by bisection. T always lies in
// [Min, Max] because RHS / (256 m) lies between the row's minimum and maximum.
std::int64_t SmallestPassingThreshold(const ExactStats& s, int a) {
  const Int128 rhs = ExactRhs(s, a);
  const Int128 den = 256 * s.m;
  Int128 lo = s.min, hi = s.max;  // den * hi >= rhs holds; search the first such value
  EXPECT_GE(den * hi, rhs);
  EXPECT_LE(den * (lo - 1), rhs);
  while (lo < hi) {
    const Int128 mid = lo + (hi - lo) / 2;
    if (den * mid >= rhs) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return static_cast<std::int64_t>(lo);
}

std::vector<std::int64_t> RandomRow(std::mt19937_64& rng) {
  // Row lengths up to m = 4096; value ranges from a handful of levels up to the full range
  // of a D = 4096 row of 8-bit x 8-bit products (2^26); all-negative rows included.
  const int m = std::uniform_int_distribution<int>(1, 4096)(rng);
  const std::int64_t spans[] = {1, 3, 40, 1000, 1 << 20, std::int64_t{1} << 26};
  const std::int64_t span = spans[rng() % std::size(spans)];
  const std::int64_t offset = std::uniform_int_distribution<std::int64_t>(-2 * span, span)(rng);
  std::uniform_int_distribution<std::int64_t> value(-span, span);
  std::vector<std::int64_t> row(static_cast<std::size_t>(m));
  for (std::int64_t& x : row) x = offset + value(rng);
  return row;
}

RowStats RowStatsOf(const std::vector<std::int64_t>& scores) {
  RowStats stats;
  for (std::int64_t x : scores) stats.Add(x);
  return stats;
}

TEST(ThresholdTest, RowStatsAddMatchesIndependentStatistics) {
  std::mt19937_64 rng(3);
  for (int row_index = 0; row_index < 50; ++row_index) {
    const std::vector<std::int64_t> row = RandomRow(rng);
    const RowStats stats = RowStatsOf(row);
    const ExactStats exact = StatsOf(row);
    EXPECT_EQ(stats.m, static_cast<std::int64_t>(exact.m));
    EXPECT_EQ(stats.sum, static_cast<std::int64_t>(exact.sum));
    EXPECT_EQ(stats.max, static_cast<std::int64_t>(exact.max));
    EXPECT_EQ(stats.min, static_cast<std::int64_t>(exact.min));
  }
}

TEST(ThresholdTest, MatchesExactCeilingForEveryAlphaOnRandomRows) {
  std::mt19937_64 rng(2024);
  int negative_rhs_rows = 0;
  for (int row_index = 0; row_index < 60; ++row_index) {
    const std::vector<std::int64_t> row = RandomRow(rng);
    const RowStats stats = RowStatsOf(row);
    const ExactStats exact = StatsOf(row);
    if (exact.sum < 0) ++negative_rhs_rows;
    for (int a = -256; a <= 256; ++a) {
      ASSERT_EQ(static_cast<Int128>(ThresholdNumerator(stats, a)), ExactRhs(exact, a))
          << "A = " << a << ", m = " << row.size();
      ASSERT_EQ(Threshold(stats, a), SmallestPassingThreshold(exact, a))
          << "A = " << a << ", m = " << row.size();
    }
  }
  EXPECT_GT(negative_rhs_rows, 10);  // the negative branch of the ceiling was exercised
}

TEST(ThresholdTest, EndpointsAndMeanOnHandPickedRows) {
  // Sum = -7, m = 3, Max = 1, Min = -5: the mean -7/3 has ceiling -2.
  RowStats stats;
  for (std::int64_t x : {1, -3, -5}) stats.Add(x);
  EXPECT_EQ(Threshold(stats, 0), -2);
  EXPECT_EQ(Threshold(stats, 256), 1);    // the max
  EXPECT_EQ(Threshold(stats, -256), -5);  // the min
  // A = 128: (128 * -7 + 128 * 3 * 1) / 768 = -512 / 768 -> ceil = 0.
  EXPECT_EQ(Threshold(stats, 128), 0);
  // A = -128: (256 - 128) * -7 - (-128) * 3 * -5 = -896 - 1920 = -2816; -2816 / 768 = -3.67
  // -> ceil -3 (floor would give -4).
  EXPECT_EQ(Threshold(stats, -128), -3);
  // Positive RHS: {5, 1, 1} has mean 7/3, whose ceiling 3 differs from the truncation 2.
  RowStats positive;
  for (std::int64_t x : {5, 1, 1}) positive.Add(x);
  EXPECT_EQ(Threshold(positive, 0), 3);
  // A single candidate is its own threshold for every alpha.
  for (std::int64_t score : {std::int64_t{-12345}, std::int64_t{0}, std::int64_t{77}}) {
    RowStats single;
    single.Add(score);
    for (int a : {-256, -1, 0, 1, 256}) EXPECT_EQ(Threshold(single, a), score) << a;
  }
}

}  // namespace
}  // namespace energon::golden
