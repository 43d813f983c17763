// The seeded synthetic workload: determinism, shapes per knob, spec parsing errors, and the
// attention shape it promises (focused rows concentrate, diffuse rows spread).
#include "golden/synthetic.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "golden/errors.h"
#include "tests/common/error_of.h"
#include "golden/reference.h"

namespace energon::golden {
namespace {


void ExpectSameHead(const Head& a, const Head& b) {
  EXPECT_EQ(a.q.codes.data, b.q.codes.data);
  EXPECT_EQ(a.k.codes.data, b.k.codes.data);
  EXPECT_EQ(a.v.codes.data, b.v.codes.data);
  EXPECT_EQ(a.qf.data, b.qf.data);
  EXPECT_EQ(a.kf.data, b.kf.data);
  EXPECT_EQ(a.vf.data, b.vf.data);
  EXPECT_EQ(a.q.scale, b.q.scale);
  EXPECT_EQ(a.k.scale, b.k.scale);
  EXPECT_EQ(a.v.scale, b.v.scale);
}

TEST(SyntheticTest, SameSpecGivesIdenticalTensors) {
  const SyntheticSpec spec = ParseSyntheticSpec("n=48,nq=20,d=16,heads=2,seed=7,diffuse=0.3");
  const Workload a = MakeSyntheticWorkload(spec);
  const Workload b = MakeSyntheticWorkload(spec);
  ASSERT_EQ(a.heads.size(), 2u);
  ASSERT_EQ(b.heads.size(), 2u);
  for (std::size_t h = 0; h < a.heads.size(); ++h) ExpectSameHead(a.heads[h], b.heads[h]);
  EXPECT_EQ(a.source, b.source);
  // The heads of one workload differ from each other (the generator moves on).
  EXPECT_NE(a.heads[0].k.codes.data, a.heads[1].k.codes.data);
}

TEST(SyntheticTest, DifferentSeedGivesDifferentTensors) {
  SyntheticSpec spec = ParseSyntheticSpec("n=32,d=8,seed=1");
  const Workload a = MakeSyntheticWorkload(spec);
  spec.seed = 2;
  const Workload b = MakeSyntheticWorkload(spec);
  EXPECT_NE(a.heads[0].q.codes.data, b.heads[0].q.codes.data);
  EXPECT_NE(a.heads[0].k.codes.data, b.heads[0].k.codes.data);
  EXPECT_NE(a.heads[0].v.codes.data, b.heads[0].v.codes.data);
  EXPECT_NE(a.source, b.source);
}

TEST(SyntheticTest, ShapesFollowTheKnobs) {
  struct Case {
    const char* spec;
    int heads, nq, nk, d;
  };
  for (const Case& c :
       {Case{"n=40,d=8", 1, 40, 40, 8}, Case{"n=40,nq=5,d=3,heads=3", 3, 5, 40, 3},
        Case{"n=1,d=1", 1, 1, 1, 1}, Case{"nq=70,n=16,d=32,heads=2", 2, 70, 16, 32}}) {
    SCOPED_TRACE(c.spec);
    const Workload w = MakeSyntheticWorkload(ParseSyntheticSpec(c.spec));
    ASSERT_EQ(static_cast<int>(w.heads.size()), c.heads);
    EXPECT_EQ(w.num_queries(), c.nq);
    EXPECT_EQ(w.num_keys(), c.nk);
    EXPECT_EQ(w.dim(), c.d);
    for (const Head& head : w.heads) {
      EXPECT_EQ(head.q.codes.rows, c.nq);
      EXPECT_EQ(head.q.codes.cols, c.d);
      EXPECT_EQ(head.k.codes.rows, c.nk);
      EXPECT_EQ(head.k.codes.cols, c.d);
      EXPECT_EQ(head.v.codes.rows, c.nk);
      EXPECT_EQ(head.v.codes.cols, c.d);
      EXPECT_EQ(head.qf.data.size(), static_cast<std::size_t>(c.nq) * c.d);
      EXPECT_EQ(head.kf.data.size(), static_cast<std::size_t>(c.nk) * c.d);
      EXPECT_EQ(head.vf.data.size(), static_cast<std::size_t>(c.nk) * c.d);
    }
    EXPECT_EQ(w.source.rfind("synthetic ", 0), 0u) << w.source;
  }
}

TEST(SyntheticTest, SpecTextRoundTrips) {
  const SyntheticSpec spec = ParseSyntheticSpec(
      "n=100,nq=7,d=12,heads=4,seed=99,hot=5,gap=6.5,diffuse=0.25,noise=2,vbias=3");
  EXPECT_EQ(FormatSyntheticSpec(spec),
            "n=100,nq=7,d=12,heads=4,seed=99,hot=5,gap=6.5,diffuse=0.25,noise=2,vbias=3");
  const SyntheticSpec again = ParseSyntheticSpec(FormatSyntheticSpec(spec));
  EXPECT_EQ(FormatSyntheticSpec(again), FormatSyntheticSpec(spec));
  EXPECT_EQ(again.nq, 7);
  EXPECT_EQ(again.seed, 99u);
  EXPECT_EQ(again.gap, 6.5);
}

// Found by fuzz/synthetic_fuzz.cc (fuzz/corpus/synthetic/found_rounded_digits): {:g} kept six
// digits (diffuse=0.333333 for 0.3333333) and wrote small values with an exponent (1e-07), which
// the parser refuses, so a report's spec named another workload, or none.
TEST(SyntheticTest, SpecTextKeepsEveryDigitInPlainDecimal) {
  const SyntheticSpec spec =
      ParseSyntheticSpec("n=4,d=3,gap=0.125,diffuse=0.3333333,noise=0.0000001,vbias=15.99");
  EXPECT_EQ(FormatSyntheticSpec(spec),
            "n=4,nq=4,d=3,heads=1,seed=1,hot=3,gap=0.125,diffuse=0.3333333,noise=0.0000001,"
            "vbias=15.99");
  const SyntheticSpec again = ParseSyntheticSpec(FormatSyntheticSpec(spec));
  EXPECT_EQ(again.diffuse, spec.diffuse);
  EXPECT_EQ(again.noise, spec.noise);
}

TEST(ParseSyntheticSpecTest, RejectsUnknownKnobs) {
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n=32,foo=1"); }),
            "--synthetic: 'foo=1' is not a knob=value pair; the knobs are n, nq, d, heads, seed, "
            "hot, gap, diffuse, noise, vbias, e.g. n=512,d=64,heads=1,seed=1");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n32"); }),
            "--synthetic: 'n32' is not a knob=value pair; the knobs are n, nq, d, heads, seed, "
            "hot, gap, diffuse, noise, vbias, e.g. n=512,d=64,heads=1,seed=1");
}

TEST(ParseSyntheticSpecTest, RejectsEmptyFields) {
  for (const char* spec : {"n=32,,d=8", "n=32,", ",n=32"}) {
    EXPECT_EQ(ErrorOf([&] { ParseSyntheticSpec(spec); }),
              fmt::format("--synthetic: '{}' has an empty field (two commas in a row, or a comma "
                          "at an end); write knob=value pairs separated by single commas, e.g. "
                          "n=512,d=64,heads=1,seed=1",
                          spec));
  }
}

TEST(ParseSyntheticSpecTest, SeedsKeepAll64Bits) {
  // Neighbours above 2^53 would be one double; as integers they are distinct seeds.
  EXPECT_EQ(ParseSyntheticSpec("seed=18446744073709551615").seed, 18446744073709551615ull);
  EXPECT_EQ(ParseSyntheticSpec("seed=9007199254740993").seed, 9007199254740993ull);
  const auto k_of = [](const char* seed) {
    return MakeSyntheticWorkload(ParseSyntheticSpec(fmt::format("n=4,d=4,seed={}", seed)))
        .heads[0]
        .kf.data;
  };
  EXPECT_NE(k_of("9007199254740992"), k_of("9007199254740993"));
  for (const char* bad : {"seed=18446744073709551616", "seed=-1", "seed=1.5", "seed="}) {
    EXPECT_EQ(ErrorOf([&] { ParseSyntheticSpec(bad); }),
              fmt::format("--synthetic: {} is out of range; seed takes a whole number from 0 to "
                          "18446744073709551615",
                          bad));
  }
}

TEST(ParseSyntheticSpecTest, RejectsOutOfRangeValues) {
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n=0"); }),
            "--synthetic: n=0 is out of range; n takes a whole number from 1 to 65536");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("d=4097"); }),
            "--synthetic: d=4097 is out of range; d takes a whole number from 1 to 4096");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("diffuse=1.5"); }),
            "--synthetic: diffuse=1.5 is out of range; diffuse takes a number from 0 to 1");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("heads=65", "workload"); }),
            "workload: heads=65 is out of range; heads takes a whole number from 1 to 64");
}

TEST(ParseSyntheticSpecTest, RejectsNonIntegerAndNonNumericValues) {
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n=1.5"); }),
            "--synthetic: n=1.5 is out of range; n takes a whole number from 1 to 65536");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n=abc"); }),
            "--synthetic: n=abc is not written in plain decimal digits (no exponent, nan or "
            "inf); n takes a whole number from 1 to 65536");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("gap="); }),
            "--synthetic: gap= is not written in plain decimal digits (no exponent, nan or inf); "
            "gap takes a number from 0 to 64");
  for (const char* bad : {"n=nan", "n=1e3", "n=0x10", "gap=nan", "gap=inf", "gap=1e1", "noise=-nan",
                          "vbias=+1", "diffuse=.5", "diffuse=1."}) {
    const std::string error = ErrorOf([&] { ParseSyntheticSpec(bad); });
    EXPECT_NE(error.find(std::string(bad) + " is not written in plain decimal digits"),
              std::string::npos)
        << error;
  }
  EXPECT_DOUBLE_EQ(ParseSyntheticSpec("diffuse=0.25").diffuse, 0.25);
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("gap=-1"); }),
            "--synthetic: gap=-1 is out of range; gap takes a number from 0 to 64");
}

TEST(ParseSyntheticSpecTest, RejectsRepeatedKnobs) {
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("n=8,d=4,n=9"); }),
            "--synthetic: 'n=9' gives n a second time (after n=8); give each knob once");
  EXPECT_EQ(ErrorOf([] { ParseSyntheticSpec("seed=1,seed=1"); }),
            "--synthetic: 'seed=1' gives seed a second time (after seed=1); give each knob once");
}

TEST(ParseSyntheticSpecTest, DefaultsAreNotRepeats) {
  SyntheticSpec defaults;
  defaults.n = 16;
  defaults.d = 8;
  const SyntheticSpec spec = ParseSyntheticSpec("n=4,seed=3", "--synthetic", defaults);
  EXPECT_EQ(spec.n, 4);
  EXPECT_EQ(spec.d, 8);
  EXPECT_EQ(spec.seed, 3u);
}

// Mean over queries of the dense float probability mass on each row's 3 largest keys.
double MeanTop3Mass(const Workload& w) {
  const Head& head = w.heads[0];
  double total = 0.0;
  for (int i = 0; i < head.q.codes.rows; ++i) {
    std::vector<double> prob = DenseFloatAttention(head, i, head.k.codes.rows).prob;
    std::partial_sort(prob.begin(), prob.begin() + 3, prob.end(), std::greater<>());
    total += prob[0] + prob[1] + prob[2];
  }
  return total / head.q.codes.rows;
}

TEST(SyntheticTest, FocusedRowsConcentrateAndDiffuseRowsSpread) {
  const std::string knobs = "n=256,nq=64,d=64,hot=3,gap=8,noise=1,seed=5,diffuse=";
  const double focused = MeanTop3Mass(MakeSyntheticWorkload(ParseSyntheticSpec(knobs + "0")));
  const double diffuse = MeanTop3Mass(MakeSyntheticWorkload(ParseSyntheticSpec(knobs + "1")));
  EXPECT_GT(focused, 0.5);
  EXPECT_LT(diffuse, 0.3);
  EXPECT_GT(focused, 2.0 * diffuse);
}

}  // namespace
}  // namespace energon::golden
