// The filtering rounds of GoldenHead (mp-mrf.md section 2) against an independent model and
// against the properties the contract promises: alpha endpoints, the max survives, survivors
// ascending and nested, bit reuse, scale invariance of the decision, causal and padding masks.
#include "golden/mp_mrf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "golden/errors.h"
#include "tests/common/error_of.h"
#include "golden/synthetic.h"
#include "golden/wide_int.h"

namespace energon::golden {
namespace {

// ---------------------------------------------------------------------------------------------
// An independent model of the filter, written from mp-mrf.md without golden's helpers.

// floor(x / 2^s) without shifting a negative number: subtract the non-negative remainder first.
std::int64_t FloorByPow2(std::int64_t x, int s) {
  const std::int64_t p = std::int64_t{1} << s;
  const std::int64_t rem = ((x % p) + p) % p;
  return (x - rem) / p;
}

struct RefRound {
  std::int64_t m = 0, sum = 0, max = 0, min = 0, t = 0;
  std::vector<std::int32_t> survivors;
  std::vector<std::int64_t> scores;  // of the survivors
};

std::int64_t RefScore(const Head& head, int i, int j, const RoundWidths& w) {
  std::int64_t s = 0;
  for (int t = 0; t < head.q.codes.cols; ++t) {
    s += FloorByPow2(head.q.codes.row(i)[t], 16 - w.qb) *
         FloorByPow2(head.k.codes.row(j)[t], 16 - w.kb);
  }
  return s;
}

// ceil(num / den) for den > 0: the truncated quotient, moved up when it falls short.
std::int64_t RefCeil(Int128 num, Int128 den) {
  Int128 q = num / den;
  if (q * den < num) ++q;
  return static_cast<std::int64_t>(q);
}

std::vector<RefRound> RefFilter(const Head& head, const HwParams& hw, const RunParams& run, int i) {
  const int n_k = run.n_keys == 0 ? head.k.codes.rows : run.n_keys;
  std::vector<std::int32_t> candidates;
  for (int j = 0; j < n_k; ++j) {
    if (!run.causal || j <= i) candidates.push_back(j);
  }
  std::vector<RefRound> rounds;
  for (std::size_t r = 0; r < hw.rounds.size(); ++r) {
    RefRound round;
    std::vector<std::int64_t> scores(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      scores[c] = RefScore(head, i, candidates[c], hw.rounds[r]);
    }
    round.m = static_cast<std::int64_t>(scores.size());
    round.max = *std::max_element(scores.begin(), scores.end());
    round.min = *std::min_element(scores.begin(), scores.end());
    for (std::int64_t s : scores) round.sum += s;
    // 256 m (mean + alpha (extreme - mean)) = 256 Sum + |A| (m extreme - Sum).
    const int a = run.alpha[r];
    const Int128 extreme = a >= 0 ? round.max : round.min;
    const Int128 rhs =
        Int128{256} * round.sum + Int128{a >= 0 ? a : -a} * (round.m * extreme - round.sum);
    round.t = RefCeil(rhs, Int128{256} * round.m);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (scores[c] >= round.t) {
        round.survivors.push_back(candidates[c]);
        round.scores.push_back(scores[c]);
      }
    }
    candidates = round.survivors;
    rounds.push_back(std::move(round));
  }
  return rounds;
}

// ---------------------------------------------------------------------------------------------
// Random heads and configurations.

// Codes of three kinds: the full int16 range (including -32768); small values whose top bits are
// mostly 0 or -1 (many ties); and a few coarse levels (ties in every round).
Matrix16 RandomCodes(std::mt19937_64& rng, int rows, int cols, int kind) {
  Matrix16 m(rows, cols);
  std::uniform_int_distribution<int> full(-32768, 32767), small(-3000, 3000), level(-4, 3);
  for (std::int16_t& x : m.data) {
    switch (kind) {
      case 0:
        x = static_cast<std::int16_t>(full(rng));
        break;
      case 1:
        x = static_cast<std::int16_t>(small(rng));
        break;
      default:
        x = static_cast<std::int16_t>(level(rng) * 8192);
        break;
    }
  }
  return m;
}

Head RandomHead(std::mt19937_64& rng, int nq, int nk, int d) {
  const int kind = static_cast<int>(rng() % 3);
  return HeadFromCodes(RandomCodes(rng, nq, d, kind), RandomCodes(rng, nk, d, kind),
                       RandomCodes(rng, nk, d, 0), {1.0 / 1024, 1.0 / 2048, 1.0 / 4096});
}

std::vector<RoundWidths> RandomRounds(std::mt19937_64& rng) {
  const int count = 1 + static_cast<int>(rng() % 3);
  std::vector<int> qb, kb;
  for (int r = 0; r < count; ++r) {
    qb.push_back(1 + static_cast<int>(rng() % 8));
    kb.push_back(1 + static_cast<int>(rng() % 8));
  }
  std::sort(qb.begin(), qb.end());
  std::sort(kb.begin(), kb.end());
  std::vector<RoundWidths> rounds(static_cast<std::size_t>(count));
  for (std::size_t r = 0; r < rounds.size(); ++r) rounds[r] = {qb[r], kb[r]};
  return rounds;
}

std::vector<int> RandomAlphas(std::mt19937_64& rng, std::size_t count) {
  std::vector<int> alphas;
  for (std::size_t r = 0; r < count; ++r) {
    const int pick = static_cast<int>(rng() % 8);
    alphas.push_back(pick == 0   ? -256
                     : pick == 1 ? 256
                     : pick == 2 ? 0
                                 : static_cast<int>(rng() % 513) - 256);
  }
  return alphas;
}

// One random case: a head and its parameters (the head is kept alive beside the model).
struct Case {
  Head head;
  HwParams hw;
  RunParams run;
};

Case RandomCase(std::mt19937_64& rng) {
  const int nk = 1 + static_cast<int>(rng() % 40);
  const int nq = 1 + static_cast<int>(rng() % 12);
  const int d = 1 + static_cast<int>(rng() % 24);
  Case c{RandomHead(rng, nq, nk, d), {}, {}};
  c.hw.rounds = RandomRounds(rng);
  c.run.alpha = RandomAlphas(rng, c.hw.rounds.size());
  c.run.causal = rng() % 3 == 0;
  c.run.n_keys = rng() % 3 == 0 ? 1 + static_cast<int>(rng() % nk) : 0;
  return c;
}

std::vector<std::int32_t> Iota(int n) {
  std::vector<std::int32_t> v(static_cast<std::size_t>(n));
  for (int j = 0; j < n; ++j) v[static_cast<std::size_t>(j)] = j;
  return v;
}

std::string Describe(const Case& c, int i) {
  std::string text =
      "query " + std::to_string(i) + " rounds " + FormatRounds(c.hw.rounds) + " alpha";
  for (int a : c.run.alpha) text += " " + std::to_string(a);
  text += c.run.causal ? " causal" : "";
  text += " n_keys " + std::to_string(c.run.n_keys) + " D " + std::to_string(c.head.q.codes.cols);
  return text;
}

// ---------------------------------------------------------------------------------------------

TEST(LowBitsTest, IsTheFlooredTopBitsOfEveryCode) {
  for (int bits = 1; bits <= 8; ++bits) {
    for (int code = -32768; code <= 32767; ++code) {
      ASSERT_EQ(LowBits(static_cast<std::int16_t>(code), bits), FloorByPow2(code, 16 - bits))
          << code << " bits " << bits;
    }
  }
  EXPECT_EQ(LowBits(-1, 4), -1);
  EXPECT_EQ(LowBits(-32768, 2), -2);
  EXPECT_EQ(LowBits(32767, 8), 127);
  EXPECT_EQ(LowBits(4095, 4), 0);
  EXPECT_EQ(LowBits(4096, 4), 1);
}

TEST(GoldenHeadTest, EveryRoundMatchesAnIndependentModel) {
  std::mt19937_64 rng(101);
  for (int n = 0; n < 150; ++n) {
    const Case c = RandomCase(rng);
    const GoldenHead golden(c.head, c.hw, c.run);
    for (int i = 0; i < c.head.q.codes.rows; ++i) {
      SCOPED_TRACE(Describe(c, i));
      const QueryResult result = golden.Run(i);
      const std::vector<RefRound> ref = RefFilter(c.head, c.hw, c.run, i);
      EXPECT_EQ(result.index, i);
      ASSERT_EQ(result.rounds.size(), ref.size());
      for (std::size_t r = 0; r < ref.size(); ++r) {
        const RoundResult& got = result.rounds[r];
        EXPECT_EQ(got.stats.m, ref[r].m) << "round " << r + 1;
        EXPECT_EQ(got.stats.sum, ref[r].sum) << "round " << r + 1;
        EXPECT_EQ(got.stats.max, ref[r].max) << "round " << r + 1;
        EXPECT_EQ(got.stats.min, ref[r].min) << "round " << r + 1;
        EXPECT_EQ(got.threshold, ref[r].t) << "round " << r + 1;
        EXPECT_EQ(got.survivors, ref[r].survivors) << "round " << r + 1;
        EXPECT_EQ(got.survivor_scores, ref[r].scores) << "round " << r + 1;
      }
    }
  }
}

TEST(GoldenHeadTest, SyntheticHeadsMatchTheIndependentModel) {
  const Workload w = MakeSyntheticWorkload(ParseSyntheticSpec("n=64,nq=16,d=32,heads=2,seed=9"));
  HwParams hw;
  hw.rounds = {{4, 2}, {4, 4}, {8, 8}};
  RunParams run;
  run.alpha = {-64, 0, 32};
  for (const Head& head : w.heads) {
    const GoldenHead golden(head, hw, run);
    for (int i = 0; i < head.q.codes.rows; ++i) {
      const QueryResult result = golden.Run(i);
      const std::vector<RefRound> ref = RefFilter(head, hw, run, i);
      for (std::size_t r = 0; r < ref.size(); ++r) {
        EXPECT_EQ(result.rounds[r].stats.sum, ref[r].sum);
        EXPECT_EQ(result.rounds[r].threshold, ref[r].t);
        EXPECT_EQ(result.rounds[r].survivors, ref[r].survivors) << "query " << i << " round " << r;
      }
    }
  }
}

TEST(GoldenHeadTest, AlphaMinus256KeepsEveryCandidate) {
  std::mt19937_64 rng(7);
  for (int n = 0; n < 100; ++n) {
    Case c = RandomCase(rng);
    c.run.alpha.assign(c.hw.rounds.size(), -256);
    const GoldenHead golden(c.head, c.hw, c.run);
    for (int i = 0; i < c.head.q.codes.rows; ++i) {
      SCOPED_TRACE(Describe(c, i));
      const QueryResult result = golden.Run(i);
      const std::vector<std::int32_t> all = Iota(golden.NumCandidates(i));
      for (const RoundResult& round : result.rounds) {
        EXPECT_EQ(round.survivors, all);
        EXPECT_EQ(round.threshold, round.stats.min);
      }
      EXPECT_EQ(result.attention.logits.size(), all.size());
    }
  }
}

TEST(GoldenHeadTest, Alpha256KeepsExactlyTheKeysTiedWithTheMax) {
  std::mt19937_64 rng(8);
  int rounds_with_ties = 0;
  for (int n = 0; n < 100; ++n) {
    Case c = RandomCase(rng);
    c.run.alpha.back() = 256;  // the earlier rounds keep their random alphas
    const GoldenHead golden(c.head, c.hw, c.run);
    const std::size_t last = c.hw.rounds.size() - 1;
    for (int i = 0; i < c.head.q.codes.rows; ++i) {
      SCOPED_TRACE(Describe(c, i));
      const QueryResult result = golden.Run(i);
      const std::vector<std::int32_t> before =
          last == 0 ? Iota(golden.NumCandidates(i)) : result.rounds[last - 1].survivors;
      std::int64_t best = RefScore(c.head, i, before[0], c.hw.rounds[last]);
      for (std::int32_t j : before)
        best = std::max(best, RefScore(c.head, i, j, c.hw.rounds[last]));
      std::vector<std::int32_t> tied;
      for (std::int32_t j : before) {
        if (RefScore(c.head, i, j, c.hw.rounds[last]) == best) tied.push_back(j);
      }
      EXPECT_EQ(result.rounds[last].survivors, tied);
      EXPECT_EQ(result.rounds[last].threshold, best);
      if (tied.size() > 1) ++rounds_with_ties;
    }
  }
  EXPECT_GT(rounds_with_ties, 20);  // ties were actually exercised
}

TEST(GoldenHeadTest, MaxAlwaysSurvivesAndSurvivorsAreAscendingAndNested) {
  std::mt19937_64 rng(9);
  for (int n = 0; n < 150; ++n) {
    const Case c = RandomCase(rng);
    const GoldenHead golden(c.head, c.hw, c.run);
    for (int i = 0; i < c.head.q.codes.rows; ++i) {
      SCOPED_TRACE(Describe(c, i));
      const QueryResult result = golden.Run(i);
      std::vector<std::int32_t> before = Iota(golden.NumCandidates(i));
      for (std::size_t r = 0; r < result.rounds.size(); ++r) {
        const RoundResult& round = result.rounds[r];
        ASSERT_FALSE(round.survivors.empty());
        EXPECT_TRUE(std::is_sorted(round.survivors.begin(), round.survivors.end()));
        EXPECT_EQ(std::adjacent_find(round.survivors.begin(), round.survivors.end()),
                  round.survivors.end());
        EXPECT_TRUE(std::includes(before.begin(), before.end(), round.survivors.begin(),
                                  round.survivors.end()));
        EXPECT_EQ(round.stats.m, static_cast<std::int64_t>(before.size()));
        // Every candidate scoring the round's max is among the survivors.
        for (std::int32_t j : before) {
          if (RefScore(c.head, i, j, c.hw.rounds[r]) == round.stats.max) {
            EXPECT_TRUE(std::binary_search(round.survivors.begin(), round.survivors.end(), j))
                << "max key " << j << " dropped in round " << r + 1;
          }
        }
        EXPECT_LE(round.threshold, round.stats.max);
        EXPECT_GE(round.threshold, round.stats.min);
        before = round.survivors;
      }
    }
  }
}

// mp-mrf.md section 2, bit reuse: with QB_r = QB_{r-1} and KB_r > KB_{r-1},
// S_r = 2^delta S_{r-1} + sum_t q_r[t] * (k_r[t] mod 2^delta).
TEST(GoldenHeadTest, BitReuseIdentityHoldsForEveryWidthPair) {
  std::mt19937_64 rng(10);
  int checked = 0;
  for (int qb = 1; qb <= 8; ++qb) {
    for (int kb1 = 1; kb1 <= 8; ++kb1) {
      for (int kb2 = kb1 + 1; kb2 <= 8; ++kb2) {
        const int n = 12, d = 1 + static_cast<int>(rng() % 16);
        const Head head = RandomHead(rng, 3, n, d);
        HwParams hw;
        hw.rounds = {{qb, kb1}, {qb, kb2}};
        RunParams run;
        run.alpha = {-256, -256};  // keep every key, so every score is observed
        const GoldenHead golden(head, hw, run);
        const int delta = kb2 - kb1;
        for (int i = 0; i < head.q.codes.rows; ++i) {
          const QueryResult result = golden.Run(i);
          ASSERT_EQ(result.rounds[0].survivor_scores.size(), static_cast<std::size_t>(n));
          ASSERT_EQ(result.rounds[1].survivor_scores.size(), static_cast<std::size_t>(n));
          for (int j = 0; j < n; ++j) {
            std::int64_t low_part = 0;
            for (int t = 0; t < d; ++t) {
              const std::int64_t q = LowBits(head.q.codes.row(i)[t], qb);
              const std::int64_t k = LowBits(head.k.codes.row(j)[t], kb2);
              const std::int64_t k_lo = ((k % (1 << delta)) + (1 << delta)) % (1 << delta);
              ASSERT_GE(k_lo, 0);
              low_part += q * k_lo;
            }
            const std::int64_t s1 = result.rounds[0].survivor_scores[j];
            const std::int64_t s2 = result.rounds[1].survivor_scores[j];
            ASSERT_EQ(s2, (std::int64_t{1} << delta) * s1 + low_part)
                << "QB " << qb << " KB " << kb1 << "->" << kb2 << " query " << i << " key " << j;
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 8 * 28 * 3 * 12);
}

// Scaling every score by c >= 1 scales the mean, max, min and so the exact threshold by c, so
// the set of keys at or above it cannot change; only an exact ceiling keeps that true.
TEST(ThresholdDecisionTest, ScalingAllScoresByAPositiveIntegerKeepsTheSurvivors) {
  std::mt19937_64 rng(11);
  int differs_from_truncation = 0;
  for (int n = 0; n < 3000; ++n) {
    const int m = 1 + static_cast<int>(rng() % 64);
    const std::int64_t span = std::int64_t{1} << (rng() % 20);
    std::uniform_int_distribution<std::int64_t> value(-span, span / 2);
    std::vector<std::int64_t> s(static_cast<std::size_t>(m));
    for (std::int64_t& x : s) x = value(rng);
    const int a = static_cast<int>(rng() % 513) - 256;
    const std::int64_t c = 1 + static_cast<std::int64_t>(rng() % 1000);
    RowStats stats, scaled_stats;
    for (std::int64_t x : s) {
      stats.Add(x);
      scaled_stats.Add(c * x);
    }
    const std::int64_t t = Threshold(stats, a), tc = Threshold(scaled_stats, a);
    for (std::size_t j = 0; j < s.size(); ++j) {
      ASSERT_EQ(s[j] >= t, c * s[j] >= tc) << "A " << a << " c " << c << " key " << j;
    }
    // Would a truncating division have decided differently here? (Shows the test has teeth.)
    const std::int64_t truncated = ThresholdNumerator(stats, a) / (256 * stats.m);
    for (std::int64_t x : s) {
      if ((x >= truncated) != (x >= t)) {
        ++differs_from_truncation;
        break;
      }
    }
  }
  EXPECT_GT(differs_from_truncation, 100);
}

TEST(GoldenHeadTest, CausalQueryOnlySeesEarlierKeys) {
  std::mt19937_64 rng(12);
  const Head head = RandomHead(rng, 20, 14, 8);
  HwParams hw;
  for (const std::vector<int>& alpha : {std::vector<int>{-256, -256}, std::vector<int>{0, 64}}) {
    RunParams run;
    run.alpha = alpha;
    run.causal = true;
    const GoldenHead golden(head, hw, run);
    for (int i = 0; i < head.q.codes.rows; ++i) {
      const QueryResult result = golden.Run(i);
      EXPECT_EQ(golden.NumCandidates(i), std::min(i + 1, 14));
      EXPECT_EQ(result.rounds[0].stats.m, std::min(i + 1, 14));
      for (const RoundResult& round : result.rounds) {
        for (std::int32_t j : round.survivors) EXPECT_LE(j, i) << "query " << i;
      }
      if (alpha[0] == -256) {
        EXPECT_EQ(result.rounds.back().survivors, Iota(std::min(i + 1, 14)));
      }
    }
  }
}

TEST(GoldenHeadTest, PaddingKeysNeverAppearAndDoNotMatter) {
  std::mt19937_64 rng(13);
  for (int n = 0; n < 40; ++n) {
    const int nk = 2 + static_cast<int>(rng() % 30), d = 1 + static_cast<int>(rng() % 16);
    const Head head = RandomHead(rng, 6, nk, d);
    Head garbage = head;  // the same head with different data in the padding rows
    const int n_keys = 1 + static_cast<int>(rng() % (nk - 1));
    for (int j = n_keys; j < nk; ++j) {
      for (int t = 0; t < d; ++t) {
        garbage.k.codes.row(j)[t] = static_cast<std::int16_t>(32767 - t);
        garbage.v.codes.row(j)[t] = -32768;
      }
    }
    HwParams hw;
    hw.rounds = RandomRounds(rng);
    RunParams run;
    run.alpha = RandomAlphas(rng, hw.rounds.size());
    run.n_keys = n_keys;
    run.causal = rng() % 2 == 0;
    const GoldenHead golden(head, hw, run), golden_garbage(garbage, hw, run);
    EXPECT_EQ(golden.n_keys(), n_keys);
    for (int i = 0; i < 6; ++i) {
      const QueryResult a = golden.Run(i), b = golden_garbage.Run(i);
      EXPECT_LE(golden.NumCandidates(i), n_keys);
      EXPECT_EQ(a.rounds[0].stats.m, run.causal ? std::min(i + 1, n_keys) : n_keys);
      for (std::size_t r = 0; r < a.rounds.size(); ++r) {
        for (std::int32_t j : a.rounds[r].survivors) EXPECT_LT(j, n_keys);
        EXPECT_EQ(a.rounds[r].survivors, b.rounds[r].survivors);
        EXPECT_EQ(a.rounds[r].stats.sum, b.rounds[r].stats.sum);
        EXPECT_EQ(a.rounds[r].threshold, b.rounds[r].threshold);
      }
      EXPECT_EQ(a.attention.logits, b.attention.logits);
      EXPECT_EQ(a.attention.p, b.attention.p);
      EXPECT_EQ(a.attention.out, b.attention.out);
    }
  }
}

TEST(GoldenHeadTest, AllEqualScoresKeepEverythingForAnyAlpha) {
  std::mt19937_64 rng(14);
  const int nk = 9, d = 5;
  Matrix16 k(nk, d);
  const Matrix16 one_row = RandomCodes(rng, 1, d, 0);
  for (int j = 0; j < nk; ++j)
    std::copy(one_row.data.begin(), one_row.data.end(), k.row(j).begin());
  const Head head = HeadFromCodes(RandomCodes(rng, 4, d, 0), k, RandomCodes(rng, nk, d, 0),
                                  {1.0 / 1024, 1.0 / 1024, 1.0 / 1024});
  HwParams hw;
  hw.rounds = {{3, 1}, {5, 6}, {8, 8}};
  for (int a = -256; a <= 256; a += 8) {
    RunParams run;
    run.alpha = {a, -a, a};
    const GoldenHead golden(head, hw, run);
    for (int i = 0; i < head.q.codes.rows; ++i) {
      const QueryResult result = golden.Run(i);
      for (const RoundResult& round : result.rounds) {
        EXPECT_EQ(round.survivors, Iota(nk)) << "A " << a;
        EXPECT_EQ(round.stats.max, round.stats.min);
        EXPECT_EQ(round.threshold, round.stats.max);
      }
    }
  }
}

TEST(GoldenHeadTest, AttentionRunsOverTheFinalSurvivors) {
  std::mt19937_64 rng(15);
  for (int n = 0; n < 60; ++n) {
    const Case c = RandomCase(rng);
    const GoldenHead golden(c.head, c.hw, c.run);
    for (int i = 0; i < c.head.q.codes.rows; ++i) {
      const QueryResult result = golden.Run(i);
      const std::vector<std::int32_t>& keys = result.rounds.back().survivors;
      ASSERT_EQ(result.attention.logits.size(), keys.size());
      ASSERT_EQ(result.attention.p.size(), keys.size());
      std::uint64_t z = 0;
      for (std::size_t s = 0; s < keys.size(); ++s) {
        std::int64_t logit = 0;
        for (int t = 0; t < c.head.q.codes.cols; ++t) {
          logit += std::int64_t{c.head.q.codes.row(i)[t]} * c.head.k.codes.row(keys[s])[t];
        }
        EXPECT_EQ(result.attention.logits[s], logit);
        z += result.attention.p[s];
      }
      EXPECT_EQ(result.attention.z, z);
      const auto max_it =
          std::max_element(result.attention.logits.begin(), result.attention.logits.end());
      EXPECT_EQ(result.attention.p[max_it - result.attention.logits.begin()], 1u << c.hw.pb);
      EXPECT_EQ(result.attention.out.size(), static_cast<std::size_t>(c.head.v.codes.cols));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Parameter validation: the exact messages.


TEST(ValidateParamsTest, AcceptsTheDefaultsAndTheEdges) {
  HwParams hw;
  RunParams run;
  EXPECT_NO_THROW(ValidateParams(hw, run, 8, 64));
  run.n_keys = 8;
  hw.fx = 12;
  hw.pb = 30;
  EXPECT_NO_THROW(ValidateParams(hw, run, 8, 4096));
  run.n_keys = 1;
  hw.fx = 1;
  hw.pb = 1;
  EXPECT_NO_THROW(ValidateParams(hw, run, 1, 1));
}

TEST(ValidateParamsTest, RejectsBadNKeys) {
  const HwParams hw;
  RunParams run;
  run.n_keys = -1;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--n-keys: n_k = -1 but K has 8 rows; use 1 to 8 (0 means every row)");
  run.n_keys = 9;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--n-keys: n_k = 9 but K has 8 rows; use 1 to 8 (0 means every row)");
}

TEST(ValidateParamsTest, RejectsAHeadWithoutKeys) {
  // mp-mrf.md: 1 <= n_k. With no keys, round 1 would divide by m = 0.
  const HwParams hw;
  const RunParams run;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 0, 16); }),
            "K: has 0 rows; the model needs at least 1 key");
}

TEST(ValidateParamsTest, RejectsBadFxAndPb) {
  HwParams hw;
  const RunParams run;
  hw.fx = 0;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--fx: FX = 0; the EXP2 table takes 1 to 12 fraction bits, use 1");
  hw.fx = 13;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--fx: FX = 13; the EXP2 table takes 1 to 12 fraction bits, use 12");
  hw.fx = 8;
  hw.pb = 0;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--pb: PB = 0; p takes 1 to 30 bits, use 1");
  hw.pb = 31;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--pb: PB = 31; p takes 1 to 30 bits, use 30");
}

TEST(ValidateParamsTest, RejectsBadDimensionRoundsAndAlphas) {
  HwParams hw;
  RunParams run;
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 0); }),
            "head dimension: D = 0; the model supports 1 to 4096");
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 4097); }),
            "head dimension: D = 4097; the model supports 1 to 4096");
  run.alpha = {0};
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--alpha: 1 values given for 2 rounds; give one A_r per round, e.g. 0,0");
  run.alpha = {0, 0};
  hw.rounds = {{4, 4}, {2, 4}};
  EXPECT_EQ(ErrorOf([&] { ValidateParams(hw, run, 8, 16); }),
            "--rounds: round 2 (2x4) is narrower than round 1 (4x4); widths must not decrease "
            "from round to round, e.g. 4x4");
}

TEST(ValidateParamsTest, GoldenHeadValidatesOnConstruction) {
  std::mt19937_64 rng(16);
  const Head head = RandomHead(rng, 2, 5, 4);
  HwParams hw;
  RunParams run;
  run.n_keys = 6;
  EXPECT_EQ(ErrorOf([&] { const GoldenHead golden(head, hw, run); }),
            "--n-keys: n_k = 6 but K has 5 rows; use 1 to 5 (0 means every row)");
  run.n_keys = 0;
  hw.pb = 40;
  EXPECT_EQ(ErrorOf([&] { const GoldenHead golden(head, hw, run); }),
            "--pb: PB = 40; p takes 1 to 30 bits, use 30");
}

}  // namespace
}  // namespace energon::golden
