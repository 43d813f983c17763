// Hardware-mode attention (mp-mrf.md section 3): the EXP2 table, the (M, E) scale, the rounded
// division, Attend against an independent model, and the accuracy bound of the HW output
// against dense float attention.
#include "golden/softmax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "golden/errors.h"
#include "tests/common/error_of.h"
#include "golden/mp_mrf.h"
#include "golden/reference.h"
#include "golden/workload.h"

namespace energon::golden {
namespace {


// ---------------------------------------------------------------------------------------------
// EXP2 table

TEST(Exp2TableTest, StartsAtTwoToThePbAndMatchesTheFormula) {
  const std::vector<std::uint32_t> table = Exp2Table(8, 15);
  ASSERT_EQ(table.size(), 256u);
  EXPECT_EQ(table[0], 32768u);
  EXPECT_EQ(table[128], 23170u);  // 2^15 / sqrt(2) = 23170.48
  EXPECT_EQ(table[255], 16428u);  // 2^15 * 2^(-255/256) = 16428.4
  for (int fx : {1, 4, 6, 8, 10, 12}) {
    for (int pb : {1, 8, 12, 15, 22, 30}) {
      const std::vector<std::uint32_t> t = Exp2Table(fx, pb);
      ASSERT_EQ(t.size(), std::size_t{1} << fx);
      EXPECT_EQ(t[0], std::uint32_t{1} << pb);
      for (std::size_t f = 0; f < t.size(); ++f) {
        // The exact value, computed another way: 2^(PB - f / 2^FX) with pow in long double.
        const long double exact =
            std::pow(2.0L, static_cast<long double>(pb) - static_cast<long double>(f) / (1 << fx));
        ASSERT_LE(std::fabs(static_cast<long double>(t[f]) - exact), 0.5L + 1e-9L)
            << "FX " << fx << " PB " << pb << " f " << f;
        ASSERT_EQ(t[f], static_cast<std::uint32_t>(std::floor(exact + 0.5L)))
            << "FX " << fx << " PB " << pb << " f " << f;
        if (f > 0) {
          ASSERT_LE(t[f], t[f - 1]) << "FX " << fx << " PB " << pb << " f " << f;
        }
        // Every entry stays above 2^(PB-1), so that ">> k" halves it exactly k times.
        ASSERT_GE(t[f], std::uint32_t{1} << (pb - 1));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The (M, E) scale

double ScaleG(double s_q, double s_k, int d, int fx) {
  return ((s_q * s_k) * std::numbers::log2e) / std::sqrt(static_cast<double>(d)) *
         std::ldexp(1.0, fx);
}

TEST(SoftmaxScaleTest, MantissaIsNormalizedAndReconstructsTheScale) {
  std::mt19937_64 rng(31);
  std::uniform_real_distribution<double> exponent(-20.0, 4.0);
  for (int n = 0; n < 20000; ++n) {
    const double s_q = std::pow(10.0, exponent(rng)), s_k = std::pow(10.0, exponent(rng));
    const int d = 1 + static_cast<int>(rng() % 4096);
    const int fx = 1 + static_cast<int>(rng() % 12);
    const double g = ScaleG(s_q, s_k, d, fx);
    if (g * std::ldexp(1.0, 63) < 32768.0 || g >= 65535.0) continue;  // E outside [0, 63]
    const SoftmaxScale scale = ComputeSoftmaxScale(s_q, s_k, d, fx);
    ASSERT_GE(scale.m, 1u << 15);
    ASSERT_LT(scale.m, 1u << 16);
    ASSERT_GE(scale.e, 0);
    ASSERT_LE(scale.e, 63);
    const double reconstructed = std::ldexp(static_cast<double>(scale.m), -scale.e);
    ASSERT_LE(std::fabs(reconstructed - g), std::ldexp(g, -16)) << s_q << " " << s_k << " " << d;
    // E is the normalizing shift: g * 2^E lies in [2^15, 2^16) (or rounded up to 2^16 and then
    // renormalized, which leaves g * 2^(E+1) in [2^16 - 1/2, 2^16)).
    const double normalized = std::ldexp(g, scale.e);
    ASSERT_TRUE((normalized >= 32768.0 && normalized < 65536.0) ||
                (scale.m == 32768u && std::ldexp(g, scale.e + 1) >= 65535.5))
        << normalized;
  }
}

TEST(SoftmaxScaleTest, KnownValue) {
  // D = 64, FX = 8, s_q = s_k = 1: g = log2(e) / 8 * 256 = 46.166241..., E = 10.
  const SoftmaxScale scale = ComputeSoftmaxScale(1.0, 1.0, 64, 8);
  EXPECT_EQ(scale.e, 10);
  EXPECT_EQ(scale.m,
            static_cast<std::uint32_t>(std::floor(std::numbers::log2e * 32.0 * 1024 + 0.5)));
  EXPECT_EQ(scale.m, 47274u);
}

TEST(SoftmaxScaleTest, RoundingUpToTwoToTheSixteenRenormalizes) {
  // g * 2^20 = 65535.75 rounds to 2^16, so M = 2^15 and E = 19.
  const double s_q = std::ldexp(65535.75, -20) / (std::numbers::log2e * 256.0);
  const double g = ScaleG(s_q, 1.0, 1, 8);
  ASSERT_GE(std::ldexp(g, 20), 65535.5);  // the edge is really hit
  ASSERT_LT(std::ldexp(g, 20), 65536.0);
  EXPECT_EQ(ComputeSoftmaxScale(s_q, 1.0, 1, 8), (SoftmaxScale{32768u, 19}));
  // Just below the rounding point: no renormalization.
  const double s_q_low = std::ldexp(65535.25, -20) / (std::numbers::log2e * 256.0);
  EXPECT_EQ(ComputeSoftmaxScale(s_q_low, 1.0, 1, 8), (SoftmaxScale{65535u, 20}));
  // At the bottom of the range the renormalization brings E = 64 back to 63.
  const double s_tiny = std::ldexp(65535.75, -64) / (std::numbers::log2e * 256.0);
  EXPECT_EQ(ComputeSoftmaxScale(s_tiny, 1.0, 1, 8), (SoftmaxScale{32768u, 63}));
}

TEST(SoftmaxScaleTest, TheMessageStatesTheExactRange) {
  // The range the message quotes, [(2^16 - 1/2) 2^-64, 2^16 - 1/2) for g, is what is accepted.
  const auto s_for = [](double g) { return g / (std::numbers::log2e * 256.0); };
  const double top = 65535.5;
  const double bottom = std::ldexp(65535.5, -64);
  EXPECT_NO_THROW(ComputeSoftmaxScale(s_for(std::nextafter(top, 0.0)), 1.0, 1, 8));
  EXPECT_THROW(ComputeSoftmaxScale(s_for(top), 1.0, 1, 8), InputError);
  EXPECT_NO_THROW(ComputeSoftmaxScale(s_for(bottom), 1.0, 1, 8));
  EXPECT_THROW(ComputeSoftmaxScale(s_for(std::nextafter(bottom, 0.0)), 1.0, 1, 8), InputError);
}

TEST(SoftmaxScaleTest, OutOfRangeScalesAreRefused) {
  EXPECT_EQ(ErrorOf([] { ComputeSoftmaxScale(1000.0, 1000.0, 1, 8); }),
            "softmax scale: s_q * s_k = 1e+06 with D = 1 needs the shift E = -13, outside [0, 63]; "
            "rescale the inputs so that s_q * s_k * log2(e) / sqrt(D) * 2^FX lies in "
            "[(2^16 - 1/2) 2^-64, 2^16 - 1/2) (FX = 8)");
  EXPECT_EQ(ErrorOf([] { ComputeSoftmaxScale(1e-12, 1e-12, 16, 6); }),
            "softmax scale: s_q * s_k = 1e-24 with D = 16 needs the shift E = 91, outside [0, 63]; "
            "rescale the inputs so that s_q * s_k * log2(e) / sqrt(D) * 2^FX lies in "
            "[(2^16 - 1/2) 2^-64, 2^16 - 1/2) (FX = 6)");
  // g * 2^0 rounds up to 2^16: E would be -1.
  const double s_edge = 65535.75 / (std::numbers::log2e * 256.0);
  const std::string edge_error = ErrorOf([&] { ComputeSoftmaxScale(s_edge, 1.0, 1, 8); });
  EXPECT_NE(edge_error.find("with D = 1 needs the shift E = -1, outside [0, 63]"),
            std::string::npos)
      << edge_error;
  EXPECT_EQ(ErrorOf([] { ComputeSoftmaxScale(0.0, 1.0, 4, 8); }),
            "softmax scale: s_q * s_k = 0 gives a scale of 0; the scales must be positive and "
            "finite");
}

// ---------------------------------------------------------------------------------------------
// Rounded division

TEST(DivRoundHalfAwayTest, TiesGoAwayFromZeroOnBothSides) {
  EXPECT_EQ(DivRoundHalfAway(5, 2), 3);
  EXPECT_EQ(DivRoundHalfAway(-5, 2), -3);
  EXPECT_EQ(DivRoundHalfAway(3, 2), 2);
  EXPECT_EQ(DivRoundHalfAway(-3, 2), -2);
  EXPECT_EQ(DivRoundHalfAway(1, 2), 1);
  EXPECT_EQ(DivRoundHalfAway(-1, 2), -1);
  EXPECT_EQ(DivRoundHalfAway(4, 8), 1);
  EXPECT_EQ(DivRoundHalfAway(-4, 8), -1);
  EXPECT_EQ(DivRoundHalfAway(3, 8), 0);
  EXPECT_EQ(DivRoundHalfAway(-3, 8), 0);
  EXPECT_EQ(DivRoundHalfAway(7, 3), 2);
  EXPECT_EQ(DivRoundHalfAway(-7, 3), -2);
  EXPECT_EQ(DivRoundHalfAway(8, 3), 3);
  EXPECT_EQ(DivRoundHalfAway(-8, 3), -3);
  EXPECT_EQ(DivRoundHalfAway(0, 5), 0);
  EXPECT_EQ(DivRoundHalfAway(std::numeric_limits<std::int64_t>::max(), 1),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(DivRoundHalfAway(std::numeric_limits<std::int64_t>::min() + 1, 2),
            -(std::int64_t{1} << 62));
}

TEST(DivRoundHalfAwayTest, MatchesExactRoundingOnRandomValues) {
  std::mt19937_64 rng(32);
  for (int n = 0; n < 100000; ++n) {
    const auto num = static_cast<std::int64_t>(rng() >> (2 + rng() % 60)) * ((rng() & 1) ? 1 : -1);
    const auto den = static_cast<std::int64_t>((rng() >> (2 + rng() % 60)) | 1);
    const std::int64_t q = DivRoundHalfAway(num, den);
    // |num - q den| <= den / 2, and on a tie q is the one farther from zero.
    const Int128 twice_rest = 2 * (static_cast<Int128>(num) - static_cast<Int128>(q) * den);
    ASSERT_LE(twice_rest, static_cast<Int128>(den)) << num << " / " << den;
    ASSERT_GE(twice_rest, -static_cast<Int128>(den)) << num << " / " << den;
    if (twice_rest == den || twice_rest == -den) {
      ASSERT_EQ(q < 0, num < 0);
      ASSERT_GT(static_cast<Int128>(q < 0 ? -q : q) * 2 * den,
                static_cast<Int128>(num < 0 ? -static_cast<Int128>(num) : num) * 2 - den);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Attend against an independent model

struct RefAttention {
  std::vector<std::int64_t> logits;
  std::vector<std::uint64_t> p;
  std::uint64_t z = 0;
  std::vector<std::int64_t> out;
};

RefAttention RefAttend(const Head& head, int i, const std::vector<std::int32_t>& keys,
                       const SoftmaxScale& scale, int fx, int pb) {
  RefAttention ref;
  const int d = head.q.codes.cols;
  for (std::int32_t j : keys) {
    std::int64_t a = 0;
    for (int t = 0; t < d; ++t) a += std::int64_t{head.q.codes.row(i)[t]} * head.k.codes.row(j)[t];
    ref.logits.push_back(a);
  }
  const std::int64_t a_max = *std::max_element(ref.logits.begin(), ref.logits.end());
  const std::vector<std::uint32_t> exp2 = Exp2Table(fx, pb);
  for (std::int64_t a : ref.logits) {
    const UInt128 u = static_cast<UInt128>(a_max - a) * scale.m / (UInt128{1} << scale.e);
    const UInt128 whole = u / (UInt128{1} << fx);
    const std::uint64_t frac = static_cast<std::uint64_t>(u % (UInt128{1} << fx));
    const std::uint64_t p = whole > static_cast<UInt128>(pb)
                                ? 0
                                : exp2[frac] / (std::uint64_t{1} << static_cast<int>(whole));
    ref.p.push_back(p);
    ref.z += p;
  }
  for (int t = 0; t < head.v.codes.cols; ++t) {
    Int128 acc = 0;
    for (std::size_t s = 0; s < keys.size(); ++s)
      acc += static_cast<Int128>(ref.p[s]) * head.v.codes.row(keys[s])[t];
    // round half away: floor((2|acc| + Z) / 2Z) with the sign of acc.
    const Int128 mag = acc < 0 ? -acc : acc;
    const Int128 q = (2 * mag + ref.z) / (2 * static_cast<Int128>(ref.z));
    ref.out.push_back(static_cast<std::int64_t>(acc < 0 ? -q : q));
  }
  return ref;
}

Matrix16 RandomCodes(std::mt19937_64& rng, int rows, int cols, int max_abs) {
  Matrix16 m(rows, cols);
  std::uniform_int_distribution<int> dist(-max_abs, max_abs);
  for (std::int16_t& x : m.data) x = static_cast<std::int16_t>(dist(rng));
  return m;
}

TEST(AttendTest, MatchesAnIndependentModelAndGivesTheMaxTwoToThePb) {
  std::mt19937_64 rng(33);
  int zero_p = 0, total_p = 0;
  for (int n = 0; n < 200; ++n) {
    const int nk = 1 + static_cast<int>(rng() % 50), d = 1 + static_cast<int>(rng() % 64);
    const int max_abs = rng() % 2 == 0 ? 32767 : 300;
    const Head head =
        HeadFromCodes(RandomCodes(rng, 3, d, max_abs), RandomCodes(rng, nk, d, max_abs),
                      RandomCodes(rng, nk, d, 32767), {1.0, 1.0, 1.0});
    const int fx = 1 + static_cast<int>(rng() % 12), pb = 1 + static_cast<int>(rng() % 30);
    const double s = std::ldexp(1.0, -static_cast<int>(rng() % 24));
    const SoftmaxScale scale = ComputeSoftmaxScale(s, s, d, fx);
    const std::vector<std::uint32_t> exp2 = Exp2Table(fx, pb);
    const AttentionParams params{scale, fx, pb, &exp2};
    std::vector<std::int32_t> keys;
    for (int j = 0; j < nk; ++j) {
      if (rng() % 3 != 0 || j == nk - 1) keys.push_back(j);
    }
    for (int i = 0; i < 3; ++i) {
      SCOPED_TRACE("FX " + std::to_string(fx) + " PB " + std::to_string(pb) + " E " +
                   std::to_string(scale.e));
      const AttentionResult got =
          Attend(head.q.codes.row(i), head.k.codes, head.v.codes, keys, params);
      const RefAttention ref = RefAttend(head, i, keys, scale, fx, pb);
      ASSERT_EQ(got.logits, ref.logits);
      ASSERT_EQ(got.p.size(), ref.p.size());
      for (std::size_t s2 = 0; s2 < ref.p.size(); ++s2) {
        EXPECT_EQ(got.p[s2], ref.p[s2]) << "key " << keys[s2];
        if (got.logits[s2] == *std::max_element(got.logits.begin(), got.logits.end())) {
          EXPECT_EQ(got.p[s2], std::uint32_t{1} << pb);
        }
        zero_p += got.p[s2] == 0 ? 1 : 0;
        ++total_p;
      }
      EXPECT_EQ(got.z, ref.z);
      ASSERT_EQ(got.out.size(), ref.out.size());
      for (std::size_t t = 0; t < ref.out.size(); ++t) EXPECT_EQ(got.out[t], ref.out[t]) << t;
    }
  }
  // Both regimes were exercised: weights that underflow to 0 and weights that do not.
  EXPECT_GT(zero_p, total_p / 10);
  EXPECT_LT(zero_p, total_p * 9 / 10);
}

// ---------------------------------------------------------------------------------------------
// Accuracy of the HW output against dense float attention, every key kept.
//
// Let n keys be kept, c = s_q s_k log2(e) / sqrt(D), d_j = a_max - a_j, and the exact weights
// W_j = 2^PB * 2^(-c d_j) with W = sum_j W_j = 2^PB / max_j prob_j (prob = the float reference).
// The hardware gives p_j = 2^PB * 2^(-u_j / 2^FX) + e_j where
//  - u_j = floor(d_j M / 2^E), M / 2^E = c 2^FX (1 + rho) with |rho| <= 2^-16, so
//    2^(-u_j/2^FX) = 2^(-c d_j) 2^(delta_j), delta_j in (-(PB+3) 2^-16, (PB+3) 2^-16 + 2^-FX)
//    for every key with p_j > 0 (those have c d_j < PB + 2);
//  - e_j in (-1.25, 0.5]: the EXP2 entry's rounding (+-1/2, divided by 2^k) and the floor of
//    ">> k"; a key whose shift reaches PB + 1 gets p_j = 0 while W_j < 0.51.
// A common factor lambda = 2^(2^-(FX+1)) cancels in the normalization, so with
//    eps = 2^(2^-(FX+1) + (PB+3) 2^-16) - 1,   r = eps + 1.25 n / W   (r < 1),
// and R_t = max_j |v_j[t] - out_ref[t]| (at most max_j v_j[t] - min_j v_j[t] <= 2 max|v|),
// for every query and element t, in V LSBs:
//
//    |out_hw[t] - out_ref[t] / s_v|  <=  1/2 + R_t * r / (1 - r)
//
// (1/2 from the final round-half-away division). The reference here is exact: the codes are
// HeadFromCodes inputs with scales of at most 7 significant bits, so code * scale is exact in
// float and every dot product is exact in double.

// A scale near x whose mantissa has at most 7 bits: m * 2^e with m in [32, 64].
double NiceScale(double x) {
  const int e = static_cast<int>(std::floor(std::log2(x))) - 5;
  return std::ldexp(std::round(std::ldexp(x, -e)), e);
}

struct BoundStats {
  int checked = 0;
  double max_ratio = 0.0;  // max of error / bound
  double error_sum = 0.0, bound_sum = 0.0;
  int wrong_model_violations = 0;
};

void CheckAccuracyCase(std::mt19937_64& rng, int d, int n, int fx, int pb, BoundStats& stats) {
  // Random floats, quantized with the contract's Quantize; the codes then get chosen scales.
  std::normal_distribution<float> normal(0.0F, 1.0F);
  MatrixF qf(4, d), kf(n, d), vf(n, d);
  const float v_bias = normal(rng);
  for (float& x : qf.data) x = normal(rng);
  for (float& x : kf.data) x = normal(rng);
  for (float& x : vf.data) x = v_bias + normal(rng);
  const Quantized q = Quantize(qf), k = Quantize(kf), v = Quantize(vf);
  // Logit spread (in nats) around one of 0.3, 1, 3, 10: x_j ~ q.k s_q s_k / sqrt(D) with codes
  // of std about 32767 / 3.5.
  const double spreads[] = {0.3, 1.0, 3.0, 10.0};
  const double spread = spreads[rng() % 4];
  const double code_std = 32767.0 / 3.5;
  const double product = spread / (code_std * code_std);
  const double s_q =
      NiceScale(std::sqrt(product) * std::exp2(static_cast<double>(rng() % 7) - 3.0));
  const double s_k = NiceScale(product / s_q);
  const double s_v = NiceScale(std::ldexp(1.0 + static_cast<double>(rng() % 1000) / 1000.0, -12));
  const Head head = HeadFromCodes(q.codes, k.codes, v.codes, {s_q, s_k, s_v});

  HwParams hw;
  hw.fx = fx;
  hw.pb = pb;
  RunParams run;
  run.alpha = {-256, -256};
  const GoldenHead golden(head, hw, run);
  const double eps = std::exp2(std::ldexp(1.0, -(fx + 1)) + (pb + 3) * std::ldexp(1.0, -16)) - 1.0;

  // A deliberately wrong model: the same attention with twice the softmax slope (E - 1).
  std::vector<std::uint32_t> exp2 = Exp2Table(fx, pb);
  AttentionParams wrong{golden.scale(), fx, pb, &exp2};
  wrong.scale.e = std::max(wrong.scale.e - 1, 0);

  for (int i = 0; i < head.q.codes.rows; ++i) {
    const QueryResult result = golden.Run(i);
    ASSERT_EQ(result.attention.p.size(), static_cast<std::size_t>(n));
    const DenseAttention dense = DenseFloatAttention(head, i, n);
    const double w = std::ldexp(1.0, pb) / *std::max_element(dense.prob.begin(), dense.prob.end());
    const double r = eps + 1.25 * n / w;
    ASSERT_LT(r, 0.5);
    std::vector<std::int32_t> all(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j) all[static_cast<std::size_t>(j)] = j;
    const AttentionResult wrong_result =
        Attend(head.q.codes.row(i), head.k.codes, head.v.codes, all, wrong);
    for (int t = 0; t < d; ++t) {
      const double ref = dense.out[static_cast<std::size_t>(t)] / s_v;
      double spread_t = 0.0;
      for (int j = 0; j < n; ++j)
        spread_t = std::max(spread_t, std::fabs(head.v.codes.row(j)[t] - ref));
      const double bound = 0.5 + spread_t * r / (1.0 - r) + 1e-9 * (1.0 + spread_t);
      const double error = std::fabs(result.attention.out[static_cast<std::size_t>(t)] - ref);
      ASSERT_LE(error, bound) << "D " << d << " n " << n << " FX " << fx << " PB " << pb
                              << " query " << i << " t " << t << " spread " << spread;
      stats.max_ratio = std::max(stats.max_ratio, error / bound);
      stats.error_sum += error;
      stats.bound_sum += bound;
      ++stats.checked;
      if (std::fabs(wrong_result.out[static_cast<std::size_t>(t)] - ref) > bound) {
        ++stats.wrong_model_violations;
      }
    }
  }
}

TEST(HwAccuracyTest, EveryKeyKeptStaysWithinTheDocumentedBound) {
  std::mt19937_64 rng(34);
  BoundStats stats;
  for (int fx : {6, 8, 10}) {
    for (int pb : {12, 15}) {
      for (int d : {1, 4, 16, 64}) {
        for (int n : {1, 2, 7, 33, 100}) {
          for (int rep = 0; rep < 3; ++rep) {
            CheckAccuracyCase(rng, d, n, fx, pb, stats);
            if (HasFatalFailure()) return;
          }
        }
      }
    }
  }
  ASSERT_GT(stats.checked, 10000);
  const double mean_error = stats.error_sum / stats.checked;
  const double mean_bound = stats.bound_sum / stats.checked;
  RecordProperty("max_error_over_bound", std::to_string(stats.max_ratio));
  std::printf(
      "HW accuracy: %d elements, mean |error| %.3f LSB, mean bound %.3f LSB, max "
      "error/bound %.3f, wrong model over the bound %d times\n",
      stats.checked, mean_error, mean_bound, stats.max_ratio, stats.wrong_model_violations);
  // The bound is not vacuous: typical errors sit well below it, and a model with the wrong
  // softmax slope breaks it often.
  EXPECT_LT(mean_error, 0.5 * mean_bound);
  EXPECT_GT(stats.wrong_model_violations, stats.checked / 4);
}

}  // namespace
}  // namespace energon::golden
