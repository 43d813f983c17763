// The attention unit's part of a configuration (docs/au-microarchitecture.md): DeriveAu()'s
// exact-range widths for the named configurations, the bit-count helpers at their edges,
// every AU rule's exact message, the AU part of the default prefix, and the EXP2 table the
// generator writes into <prefix>au_exp2.
#include "generator/au_config.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "generator/accel_config.h"
#include "generator/generate.h"
#include "golden/softmax.h"
#include "tests/common/temp_dir.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

using golden::Int128;
using testing::ErrorOf;
using testing::Load;
using testing::Parse;
using testing::WriteText;

Int128 Pow2(int k) { return Int128{1} << k; }

// ---------------------------------------------------------------------------------------------
// Widths.

struct AuExpected {
  const char* config;
  // Resolved choices.
  int au_lanes, pv_lanes, fetch_rows, div_lanes, fx, pb;
  // Derived.
  int logit_w, dist_w, p_w, z_w, acc_w, lb_banks, lb_rows, lb_addr_w, acnt_w, pcnt_w, fcnt_w,
      div_groups;
};

// Worked by hand from the table of docs/au-microarchitecture.md ("signed bits of [lo, hi]" is
// the least b with -2^(b-1) <= lo and hi <= 2^(b-1) - 1; "unsigned bits of hi" the least b with
// hi <= 2^b - 1):
//   default (D 64, N_MAX 512, L 16, A 4, PB 15):
//     LogitW: hi = 64 * 2^30 = 2^36 needs b - 1 = 37, so 38 (lo = -64 (2^30 - 2^15) > -2^37).
//     DistW: 64 (2^31 - 2^15) = 2^37 - 2^21 < 2^37, so 37.
//     PW = 15 + 1 = 16.   ZW: 512 * 2^15 = 2^24, so 25.
//     AccW: lo = -2^15 * 2^9 * 2^15 = -2^39 fits 40 bits exactly; hi = (2^15 - 1) 2^24 < 2^39: 40.
//     NB = max(4, 4) = 4, BRows = 512 / 4 = 128, address clog2(256) = 8; counts clog2(5) = 3;
//     Groups = 64 / 16 = 4.
//   tiny_1lane (D 8, N_MAX 16, L 1, A 1, P 1): LogitW 8 * 2^30 = 2^33 -> 35; DistW
//     8 (2^31 - 2^15) < 2^34 -> 34; ZW 16 * 2^15 = 2^19 -> 20; AccW -2^15 2^4 2^15 = -2^34 -> 35;
//     NB 1, BRows 16, address 5, counts clog2(2) = 1, Groups 8.
//   single_round (D 16, N_MAX 64, L 4, A 2, Pv 3, P 5, FX 6, PB 12): LogitW 2^34 -> 36; DistW
//     < 2^35 -> 35; PW 13; ZW 2^6 2^12 = 2^18 -> 19; AccW -2^(15+6+12) = -2^33 -> 34;
//     NB 3, BRows ceil(64 / 3) = 22, address clog2(44) = 6; F = min(2, 4) = 2;
//     counts clog2(3) = 2, 2, 2; Groups ceil(16 / 5) = 4.
//   wide_3round (D 16, N_MAX 128, L 8, A 3, Pv 2, F 5, FX 10, PB 20): LogitW 36, DistW 35;
//     PW 21; ZW 2^27 -> 28; AccW -2^42 -> 43; NB 3, BRows ceil(128 / 3) = 43, address
//     clog2(86) = 7; counts clog2(4) = 2, clog2(3) = 2, clog2(6) = 3; P = 16, Groups 1.
//   small_nmax (D 8, N_MAX 8, L 2, A 2): LogitW 35, DistW 34; ZW 2^18 -> 19; AccW -2^33 -> 34;
//     NB 2, BRows 4, address 3; counts 2; P = min(8, 16) = 8, Groups 1.
const AuExpected kAuExpected[] = {
    {"default", 4, 4, 4, 16, 8, 15, 38, 37, 16, 25, 40, 4, 128, 8, 3, 3, 3, 4},
    {"tiny_1lane", 1, 1, 1, 1, 8, 15, 35, 34, 16, 20, 35, 1, 16, 5, 1, 1, 1, 8},
    {"single_round", 2, 3, 2, 5, 6, 12, 36, 35, 13, 19, 34, 3, 22, 6, 2, 2, 2, 4},
    {"wide_3round", 3, 2, 5, 16, 10, 20, 36, 35, 21, 28, 43, 3, 43, 7, 2, 2, 3, 1},
    {"small_nmax", 2, 2, 2, 8, 8, 15, 35, 34, 16, 19, 34, 2, 4, 3, 2, 2, 2, 1},
};

void ExpectWidths(const AuDerived& d, const AuExpected& e) {
  EXPECT_EQ(d.au_lanes, e.au_lanes);
  EXPECT_EQ(d.pv_lanes, e.pv_lanes);
  EXPECT_EQ(d.fetch_rows, e.fetch_rows);
  EXPECT_EQ(d.div_lanes, e.div_lanes);
  EXPECT_EQ(d.fx, e.fx);
  EXPECT_EQ(d.pb, e.pb);
  EXPECT_EQ(d.logit_w, e.logit_w);
  EXPECT_EQ(d.dist_w, e.dist_w);
  EXPECT_EQ(d.p_w, e.p_w);
  EXPECT_EQ(d.z_w, e.z_w);
  EXPECT_EQ(d.acc_w, e.acc_w);
  EXPECT_EQ(d.lb_banks, e.lb_banks);
  EXPECT_EQ(d.lb_rows, e.lb_rows);
  EXPECT_EQ(d.lb_addr_w, e.lb_addr_w);
  EXPECT_EQ(d.acnt_w, e.acnt_w);
  EXPECT_EQ(d.pcnt_w, e.pcnt_w);
  EXPECT_EQ(d.fcnt_w, e.fcnt_w);
  EXPECT_EQ(d.div_groups, e.div_groups);
  EXPECT_EQ(d.div_latency, 19);  // the prep stage, 16 quotient stages, the output register + 1
}

TEST(AuConfigTest, LogitLatencyCountsOneAdderLevelPerEightTerms) {
  // The taken rows, the 2 D half products, then levels of at most 8 terms until one is left.
  const auto latency = [](int d) { return DeriveAu(AuConfig{}, d, 16, 4).logit_latency; };
  EXPECT_EQ(latency(1), 3);  // one level even for a single product
  EXPECT_EQ(latency(4), 3);
  EXPECT_EQ(latency(5), 4);
  EXPECT_EQ(latency(32), 4);
  EXPECT_EQ(latency(33), 5);
  EXPECT_EQ(latency(256), 5);
  EXPECT_EQ(latency(257), 6);
  EXPECT_EQ(latency(1024), 6);
  EXPECT_EQ(DeriveAu(AuConfig{}, 8, 16, 4).logit_sum_fan, 8);
}

TEST(AuConfigTest, MaxLatencyCountsTheRegisterStagesOfTheMaximumsTree) {
  // Groups of 4; the last group holds the lanes left and the running maximum.
  const auto latency = [](int lanes) {
    AuConfig au;
    au.au_lanes = lanes;
    return DeriveAu(au, 8, 64, 16).max_latency;
  };
  EXPECT_EQ(latency(1), 0);
  EXPECT_EQ(latency(3), 0);
  EXPECT_EQ(latency(4), 1);
  EXPECT_EQ(latency(12), 1);
  EXPECT_EQ(latency(13), 2);
  EXPECT_EQ(latency(48), 2);
  EXPECT_EQ(latency(49), 3);
  EXPECT_EQ(latency(64), 3);
  EXPECT_EQ(DeriveAu(AuConfig{}, 8, 16, 4).max_fan, 4);
}

TEST(AuConfigTest, PvLevelsLeaveAtMostSevenTermsBesideTheAccumulator) {
  const auto levels = [](int pv) {
    AuConfig au;
    au.pv_lanes = pv;
    return DeriveAu(au, 8, 64, 4).pv_levels;
  };
  // 2 Pv half products per element.
  EXPECT_EQ(levels(1), 0);
  EXPECT_EQ(levels(3), 0);
  EXPECT_EQ(levels(4), 1);
  EXPECT_EQ(levels(28), 1);
  EXPECT_EQ(levels(29), 2);
  EXPECT_EQ(levels(64), 2);
}

class NamedAuConfigTest : public ::testing::TestWithParam<AuExpected> {};

TEST_P(NamedAuConfigTest, DerivesTheDocumentedWidths) {
  const AuExpected& e = GetParam();
  const Options options = Load(e.config);
  ExpectWidths(options.derived.au, e);
  // Derive() and DeriveAu() agree.
  const AuDerived direct = DeriveAu(options.config.au, options.config.fu.d, options.config.fu.n_max,
                                    options.config.fu.fu_lanes);
  ExpectWidths(direct, e);
}

INSTANTIATE_TEST_SUITE_P(Configs, NamedAuConfigTest, ::testing::ValuesIn(kAuExpected),
                         [](const ::testing::TestParamInfo<AuExpected>& param_info) {
                           return testing::TestNameOf(param_info.param.config);
                         });

AuConfig Au(int au_lanes, int pv_lanes = 0, int fetch_rows = 0, int div_lanes = 0, int fx = 8,
            int pb = 15) {
  AuConfig au;
  au.au_lanes = au_lanes;
  au.pv_lanes = pv_lanes;
  au.fetch_rows = fetch_rows;
  au.div_lanes = div_lanes;
  au.fx = fx;
  au.pb = pb;
  return au;
}

TEST(DeriveAuTest, NonPowerOfTwoD) {
  // tests/sim/configs/small_noprobes.cfg: D 24, N_MAX 64, L 8, A 4, Pv 8, P 6.
  //   LogitW: hi = 24 * 2^30 = 3 * 2^33 lies in [2^34, 2^35), so b - 1 = 35: 36.
  //   DistW: 24 (2^31 - 2^15) = 3 * 2^34 - 3 * 2^18 lies in [2^35, 2^36): 36 (not LogitW - 1).
  //   ZW: 64 * 2^15 = 2^21: 22.  AccW: -2^(15+6+15) = -2^36: 37.
  //   NB = 8, BRows = 8, address clog2(16) = 4; counts clog2(5) = 3, clog2(9) = 4, F =
  //   min(4, 8) = 4: 3; Groups = 24 / 6 = 4.
  ExpectWidths(DeriveAu(Au(4, 8, 0, 6), 24, 64, 8),
               {"small_noprobes", 4, 8, 4, 6, 8, 15, 36, 36, 16, 22, 37, 8, 8, 4, 3, 4, 3, 4});
  // D 24 with the default AU: P = min(24, 16) = 16, Groups ceil(24 / 16) = 2.
  ExpectWidths(DeriveAu(AuConfig{}, 24, 512, 16),
               {"d24", 4, 4, 4, 16, 8, 15, 36, 36, 16, 25, 40, 4, 128, 8, 3, 3, 3, 2});
  // The loaded configuration gives the same.
  Options options;
  Parse({"--d", "24", "--n-max", "64", "--fu-lanes", "8", "--pv-lanes", "8", "--div-lanes", "6",
         "--print-config"},
        options);
  ExpectWidths(options.derived.au,
               {"small_noprobes", 4, 8, 4, 6, 8, 15, 36, 36, 16, 22, 37, 8, 8, 4, 3, 4, 3, 4});
}

TEST(DeriveAuTest, ExtremesOfTheRanges) {
  // D 1, N_MAX 2, one lane, FX 1, PB 1: LogitW [-(2^30 - 2^15), 2^30] -> 32; DistW 2^31 - 2^15
  // -> 31; PW 2; ZW 2 * 2 = 4 -> 3; AccW [-2^17, (2^15 - 1) 4] -> 18.
  ExpectWidths(DeriveAu(Au(1, 0, 0, 0, 1, 1), 1, 2, 1),
               {"min", 1, 1, 1, 1, 1, 1, 32, 31, 2, 3, 18, 1, 2, 2, 1, 1, 1, 1});
  // D 1024, N_MAX 65536, 64 lanes everywhere, FX 12, PB 30: LogitW 2^40 -> 42; DistW
  // 2^10 (2^31 - 2^15) < 2^41 -> 41; PW 31; ZW 2^46 -> 47; AccW -2^61 -> 62; NB 64, BRows
  // 1024, address 11; counts clog2(65) = 7; Groups 1024 / 16 = 64.
  ExpectWidths(DeriveAu(Au(64, 64, 64, 0, 12, 30), 1024, 65536, 64),
               {"max", 64, 64, 64, 16, 12, 30, 42, 41, 31, 47, 62, 64, 1024, 11, 7, 7, 7, 64});
  // Dividers up to D: one group.
  EXPECT_EQ(DeriveAu(Au(4, 0, 0, 1024), 1024, 512, 16).div_groups, 1);
  // The logit buffer has max(A, Pv) banks whichever is larger.
  EXPECT_EQ(DeriveAu(Au(5, 2), 64, 512, 16).lb_banks, 5);
  EXPECT_EQ(DeriveAu(Au(5, 2), 64, 512, 16).lb_rows, 103);  // ceil(512 / 5)
  EXPECT_EQ(DeriveAu(Au(2, 7), 64, 512, 16).lb_banks, 7);
  // The fetch default is capped by the FU's lanes.
  EXPECT_EQ(DeriveAu(Au(8), 64, 512, 4).fetch_rows, 4);
  EXPECT_EQ(DeriveAu(Au(8), 64, 512, 16).fetch_rows, 8);
}

// ---------------------------------------------------------------------------------------------
// Bit counts.

TEST(BitsTest, SignedBitsAtPowersOfTwo) {
  EXPECT_EQ(SignedBits(0, 0), 1);
  EXPECT_EQ(SignedBits(-1, 0), 1);
  EXPECT_EQ(SignedBits(0, 1), 2);
  EXPECT_EQ(SignedBits(-2, 1), 2);
  EXPECT_EQ(SignedBits(-3, 0), 3);
  for (int k : {1, 2, 7, 15, 31, 32, 62, 100}) {
    SCOPED_TRACE(k);
    // -2^k is the most negative value of k + 1 bits; 2^k needs k + 2 (2^k - 1 only k + 1).
    EXPECT_EQ(SignedBits(-Pow2(k), 0), k + 1);
    EXPECT_EQ(SignedBits(-Pow2(k) - 1, 0), k + 2);
    if (k >= 2) {  // for k = 1, -2^k + 1 = -1 takes 1 bit
      EXPECT_EQ(SignedBits(-Pow2(k) + 1, 0), k + 1);
    }
    EXPECT_EQ(SignedBits(0, Pow2(k)), k + 2);
    EXPECT_EQ(SignedBits(0, Pow2(k) - 1), k + 1);
    EXPECT_EQ(SignedBits(-Pow2(k), Pow2(k) - 1), k + 1);
    EXPECT_EQ(SignedBits(-Pow2(k), Pow2(k)), k + 2);
  }
}

TEST(BitsTest, UnsignedBitsAtPowersOfTwo) {
  EXPECT_EQ(UnsignedBits(0), 1);
  EXPECT_EQ(UnsignedBits(1), 1);
  EXPECT_EQ(UnsignedBits(2), 2);
  EXPECT_EQ(UnsignedBits(3), 2);
  for (int k : {1, 2, 7, 15, 31, 32, 62, 100}) {
    SCOPED_TRACE(k);
    EXPECT_EQ(UnsignedBits(Pow2(k)), k + 1);
    EXPECT_EQ(UnsignedBits(Pow2(k) - 1), k);
    EXPECT_EQ(UnsignedBits(Pow2(k) + 1), k + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Rules.

std::string AuError(const AuConfig& au, int d = 64, int n_max = 512, int fu_lanes = 16) {
  return ErrorOf([&] { DeriveAu(au, d, n_max, fu_lanes); });
}

TEST(DeriveAuTest, RejectsBadAuLanes) {
  EXPECT_EQ(AuError(Au(0)), "<no InputError>");  // 0: the default, min(4, N_MAX)
  EXPECT_EQ(DeriveAu(Au(0), 8, 2, 2).au_lanes, 2);
  EXPECT_EQ(DeriveAu(Au(0), 8, 512, 16).au_lanes, 4);
  EXPECT_EQ(AuError(Au(8), 8, 4, 2),
            "--au-lanes: 8 is outside 1..4 (exact logits per cycle, at most 64 and at most N_MAX; "
            "0 = min(4, N_MAX)); use 4");
  EXPECT_EQ(AuError(Au(65)),
            "--au-lanes: 65 is outside 1..64 (exact logits per cycle, at most 64 and at most "
            "N_MAX; 0 = min(4, N_MAX)); use 64");
  EXPECT_EQ(AuError(Au(-3)),
            "--au-lanes: -3 is outside 1..64 (exact logits per cycle, at most 64 and at most "
            "N_MAX; 0 = min(4, N_MAX)); use 1");
  EXPECT_EQ(AuError(Au(1)), "<no InputError>");
  EXPECT_EQ(AuError(Au(64)), "<no InputError>");
}

TEST(DeriveAuTest, RejectsBadPvLanes) {
  EXPECT_EQ(AuError(Au(4, 65)),
            "--pv-lanes: 65 is outside 1..64 (survivor rows into p*V per cycle, at most 64 and at "
            "most N_MAX; 0 = --au-lanes); "
            "use 64");
  EXPECT_EQ(AuError(Au(4, -1)),
            "--pv-lanes: -1 is outside 1..64 (survivor rows into p*V per cycle, at most 64 and at "
            "most N_MAX; 0 = --au-lanes); "
            "use 1");
  EXPECT_EQ(AuError(Au(4, 64)), "<no InputError>");
}

TEST(DeriveAuTest, RejectsFetchRowsAboveTheFuLanes) {
  EXPECT_EQ(AuError(Au(4, 0, 17)),
            "--fetch-rows: 17 is outside 1..16 (keys per memory request, at most --fu-lanes since "
            "the survivor buffer gives that many per cycle; 0 = min(--au-lanes, --fu-lanes)); "
            "use 16");
  EXPECT_EQ(AuError(Au(4, 0, 3), 64, 512, 2),
            "--fetch-rows: 3 is outside 1..2 (keys per memory request, at most --fu-lanes since "
            "the survivor buffer gives that many per cycle; 0 = min(--au-lanes, --fu-lanes)); "
            "use 2");
  EXPECT_EQ(AuError(Au(4, 0, 16)), "<no InputError>");
  // Above the AU lanes is fine: a response then takes several sub-beats.
  EXPECT_EQ(AuError(Au(2, 0, 16)), "<no InputError>");
}

TEST(DeriveAuTest, RejectsDivLanesAboveD) {
  EXPECT_EQ(AuError(Au(4, 0, 0, 65)),
            "--div-lanes: 65 is outside 1..64 (rounded divisions per cycle, at most D; 0 = "
            "min(D, 16)); use 64");
  EXPECT_EQ(AuError(Au(4, 0, 0, 25), 24),
            "--div-lanes: 25 is outside 1..24 (rounded divisions per cycle, at most D; 0 = "
            "min(D, 16)); use 24");
  EXPECT_EQ(AuError(Au(4, 0, 0, 24), 24), "<no InputError>");
}

TEST(DeriveAuTest, RejectsBadFxAndPb) {
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 0)),
            "--fx: 0 is outside 1..12 (fraction bits of the log2 distance); use 1");
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 13)),
            "--fx: 13 is outside 1..12 (fraction bits of the log2 distance); use 12");
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 8, 0)), "--pb: 0 is outside 1..30 (precision bits of p); use 1");
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 8, 31)),
            "--pb: 31 is outside 1..30 (precision bits of p); use 30");
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 1, 1)), "<no InputError>");
  EXPECT_EQ(AuError(Au(4, 0, 0, 0, 12, 30)), "<no InputError>");
}

TEST(DeriveAuTest, FetchAheadIsTwoToSixteenContextsAndNamedInThePrefix) {
  AuConfig au;
  EXPECT_EQ(DeriveAu(au, 64, 512, 16).fetch_ahead, 4);
  au.fetch_ahead = 1;
  EXPECT_EQ(AuError(au),
            "--fetch-ahead: 1 is outside 2..16 (query contexts between the fetch and logit "
            "stages); use 2");
  au.fetch_ahead = 17;
  EXPECT_EQ(AuError(au),
            "--fetch-ahead: 17 is outside 2..16 (query contexts between the fetch and logit "
            "stages); use 16");
  au.fetch_ahead = 2;
  EXPECT_EQ(AuError(au), "<no InputError>");
  EXPECT_EQ(AuPrefixPart(au, 64, 512, 16), "a4c2_");
  au.fetch_ahead = 16;
  EXPECT_EQ(AuPrefixPart(au, 64, 512, 16), "a4c16_");
}

std::string ParseError(const std::vector<std::string>& args) {
  Options options;
  return ErrorOf([&] { Parse(args, options); });
}

TEST(AuOptionsTest, TheCommandLineNamesTheOption) {
  EXPECT_EQ(ParseError({"--au-lanes", "-1", "--out", "o"}),
            "--au-lanes: -1 is outside 1..64 (exact logits per cycle, at most 64 and at most "
            "N_MAX; 0 = min(4, N_MAX)); use 1");
  EXPECT_EQ(ParseError({"--au-lanes", "65", "--out", "o"}),
            "--au-lanes: 65 is outside 1..64 (exact logits per cycle, at most 64 and at most "
            "N_MAX; 0 = min(4, N_MAX)); use 64");
  EXPECT_EQ(ParseError({"--pv-lanes", "65", "--out", "o"}),
            "--pv-lanes: 65 is outside 1..64 (survivor rows into p*V per cycle, at most 64 and at "
            "most N_MAX; 0 = --au-lanes); "
            "use 64");
  EXPECT_EQ(ParseError({"--fu-lanes", "4", "--fetch-rows", "5", "--out", "o"}),
            "--fetch-rows: 5 is outside 1..4 (keys per memory request, at most --fu-lanes since "
            "the survivor buffer gives that many per cycle; 0 = min(--au-lanes, --fu-lanes)); "
            "use 4");
  EXPECT_EQ(ParseError({"--d", "16", "--div-lanes", "17", "--out", "o"}),
            "--div-lanes: 17 is outside 1..16 (rounded divisions per cycle, at most D; 0 = "
            "min(D, 16)); use 16");
  EXPECT_EQ(ParseError({"--fx", "0", "--out", "o"}),
            "--fx: 0 is outside 1..12 (fraction bits of the log2 distance); use 1");
  EXPECT_EQ(ParseError({"--fx", "13", "--out", "o"}),
            "--fx: 13 is outside 1..12 (fraction bits of the log2 distance); use 12");
  EXPECT_EQ(ParseError({"--pb", "0", "--out", "o"}),
            "--pb: 0 is outside 1..30 (precision bits of p); use 1");
  EXPECT_EQ(ParseError({"--pb", "31", "--out", "o"}),
            "--pb: 31 is outside 1..30 (precision bits of p); use 30");
  // Not a number: the option's own example.
  EXPECT_EQ(ParseError({"--au-lanes", "four", "--out", "o"}),
            "--au-lanes: 'four' is not a whole number; give one like 4");
  EXPECT_EQ(ParseError({"--pv-lanes", "x", "--out", "o"}),
            "--pv-lanes: 'x' is not a whole number; give one like 4");
  EXPECT_EQ(ParseError({"--fetch-rows", "x", "--out", "o"}),
            "--fetch-rows: 'x' is not a whole number; give one like 4");
  EXPECT_EQ(ParseError({"--div-lanes", "x", "--out", "o"}),
            "--div-lanes: 'x' is not a whole number; give one like 16");
  EXPECT_EQ(ParseError({"--fx", "x", "--out", "o"}),
            "--fx: 'x' is not a whole number; give one like 8");
  EXPECT_EQ(ParseError({"--pb", "x", "--out", "o"}),
            "--pb: 'x' is not a whole number; give one like 15");
}

TEST(AuOptionsTest, TheConfigFileNamesTheFileAndTheKey) {
  ScopedTempDir dir;
  const std::string file = dir.File("bad.cfg");
  const auto error_of = [&](const std::string& text) {
    WriteText(file, text);
    return ParseError({"--config", file, "--out", "o"});
  };
  EXPECT_EQ(error_of("au-lanes = -1\n"),
            file +
                ": au-lanes: -1 is outside 1..64 (exact logits per cycle, at most 64 and at "
                "most N_MAX; 0 = min(4, N_MAX)); use 1");
  EXPECT_EQ(error_of("au-lanes = 65\n"),
            file +
                ": au-lanes: 65 is outside 1..64 (exact logits per cycle, at most 64 and at most "
                "N_MAX; 0 = min(4, N_MAX)); use 64");
  EXPECT_EQ(error_of("pv-lanes = 65\n"),
            file +
                ": pv-lanes: 65 is outside 1..64 (survivor rows into p*V per cycle, at most 64 and "
                "at most N_MAX; 0 = --au-lanes); use 64");
  EXPECT_EQ(error_of("fu-lanes = 4\nfetch-rows = 5\n"),
            file +
                ": fetch-rows: 5 is outside 1..4 (keys per memory request, at most --fu-lanes "
                "since the survivor buffer gives that many per cycle; 0 = min(--au-lanes, "
                "--fu-lanes)); use 4");
  EXPECT_EQ(error_of("d = 16\ndiv-lanes = 17\n"),
            file +
                ": div-lanes: 17 is outside 1..16 (rounded divisions per cycle, at most D; 0 = "
                "min(D, 16)); use 16");
  EXPECT_EQ(error_of("fx = 0\n"),
            file + ": fx: 0 is outside 1..12 (fraction bits of the log2 distance); use 1");
  EXPECT_EQ(error_of("fx = 13\n"),
            file + ": fx: 13 is outside 1..12 (fraction bits of the log2 distance); use 12");
  EXPECT_EQ(error_of("pb = 0\n"), file + ": pb: 0 is outside 1..30 (precision bits of p); use 1");
  EXPECT_EQ(error_of("pb = 31\n"),
            file + ": pb: 31 is outside 1..30 (precision bits of p); use 30");
  EXPECT_EQ(error_of("fx = eight\n"),
            file + ": fx: 'eight' is not a whole number; give one like 8");
  // A good command-line value hides the bad file value, and names the option when it is bad.
  WriteText(file, "pb = 31\n");
  EXPECT_EQ(ParseError({"--config", file, "--pb", "14", "--out", "o"}), "<no InputError>");
  EXPECT_EQ(ParseError({"--config", file, "--pb", "40", "--out", "o"}),
            "--pb: 40 is outside 1..30 (precision bits of p); use 30");
}

// ---------------------------------------------------------------------------------------------
// Prefix.

TEST(AuPrefixTest, DefaultsGiveOnlyTheLogitLanes) {
  EXPECT_EQ(AuPrefixPart(AuConfig{}, 64, 512, 16), "a4_");
  // Giving the defaults explicitly changes nothing.
  EXPECT_EQ(AuPrefixPart(Au(4, 4, 4, 16, 8, 15), 64, 512, 16), "a4_");
  // The derived defaults follow D and L: min(A, L) fetch rows, min(D, 16) dividers.
  EXPECT_EQ(AuPrefixPart(Au(4, 0, 2, 8), 8, 512, 2), "a4_");
  EXPECT_EQ(AuPrefixPart(Au(1, 1, 1, 1), 8, 512, 1), "a1v1_");
}

TEST(AuPrefixTest, EveryNonDefaultKnobAppears) {
  EXPECT_EQ(AuPrefixPart(Au(2), 64, 512, 16), "a2_");
  EXPECT_EQ(AuPrefixPart(Au(4, 8), 64, 512, 16), "a4p8_");
  EXPECT_EQ(AuPrefixPart(Au(4, 0, 2), 64, 512, 16), "a4f2_");
  EXPECT_EQ(AuPrefixPart(Au(4, 0, 0, 4), 64, 512, 16), "a4v4_");
  EXPECT_EQ(AuPrefixPart(Au(4, 0, 0, 0, 10), 64, 512, 16), "a4x10b15_");
  EXPECT_EQ(AuPrefixPart(Au(4, 0, 0, 0, 8, 14), 64, 512, 16), "a4x8b14_");
  EXPECT_EQ(AuPrefixPart(Au(3, 2, 5, 7, 10, 20), 64, 512, 16), "a3p2f5v7x10b20_");
  // The named configurations of docs/au-microarchitecture.md and docs/generator.md.
  EXPECT_EQ(AuPrefixPart(Au(2, 3, 0, 5, 6, 12), 16, 512, 4), "a2p3v5x6b12_");
  EXPECT_EQ(AuPrefixPart(Au(4, 8, 0, 6), 24, 512, 8), "a4p8v6_");
}

TEST(AuPrefixTest, ConfigurationsDifferingOnlyInTheAuGetDifferentPrefixes) {
  AccelConfig base;
  const std::string prefix = Derive(base).top.prefix;
  EXPECT_EQ(prefix, "energon_d64_n512_l16_r4x2_4x4_a4_");
  std::vector<std::string> prefixes = {prefix};
  for (const AuConfig& au :
       {Au(8), Au(4, 2), Au(4, 0, 8), Au(4, 0, 0, 32), Au(4, 0, 0, 0, 9), Au(4, 0, 0, 0, 8, 16)}) {
    AccelConfig config;
    config.au = au;
    prefixes.push_back(Derive(config).top.prefix);
  }
  EXPECT_EQ(prefixes,
            (std::vector<std::string>{
                "energon_d64_n512_l16_r4x2_4x4_a4_", "energon_d64_n512_l16_r4x2_4x4_a8_",
                "energon_d64_n512_l16_r4x2_4x4_a4p2_", "energon_d64_n512_l16_r4x2_4x4_a4f8_",
                "energon_d64_n512_l16_r4x2_4x4_a4v32_", "energon_d64_n512_l16_r4x2_4x4_a4x9b15_",
                "energon_d64_n512_l16_r4x2_4x4_a4x8b16_"}));
  // The AU part comes before the np_/bb_ marks.
  AccelConfig config;
  config.au = Au(2, 3);
  config.top.probes = false;
  config.top.mem_style = MemStyle::kBlackbox;
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a2p3_np_bb_");
}

// ---------------------------------------------------------------------------------------------
// The EXP2 table in the RTL.

TEST(Exp2RtlTest, TheCaseTableIsTheGoldenTable) {
  Options options;
  ASSERT_EQ(Parse({"--fx", "3", "--pb", "6", "--out", "o"}, options), Action::kGenerate);
  EXPECT_EQ(options.derived.top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4x3b6_");
  const std::string path = "rtl/" + options.derived.top.prefix + "au_exp2.sv";
  std::string text;
  for (const OutputFile& file : GenerateOutput(options.config, options.derived)) {
    if (file.path == path) text = file.text;
  }
  ASSERT_FALSE(text.empty()) << path;
  EXPECT_NE(text.find("module " + options.derived.top.prefix +
                      "au_exp2 (\n"
                      "  input  logic [2:0] frac_i,"),
            std::string::npos);
  EXPECT_NE(text.find("  output logic [6:0] p_o "), std::string::npos);  // PW = PB + 1 = 7
  // Every case line, in order: "      3'd<f>: entry = 7'd<p>;".
  const std::regex case_line(R"(^ +(\d+)'d(\d+): entry = (\d+)'d(\d+);$)");
  std::vector<std::uint32_t> entries;
  std::istringstream lines(text);
  int cases = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, case_line)) continue;
    ++cases;
    EXPECT_EQ(m[1].str(), "3") << line;
    EXPECT_EQ(std::stoul(m[2].str()), entries.size()) << line;
    EXPECT_EQ(m[3].str(), "7") << line;
    entries.push_back(static_cast<std::uint32_t>(std::stoul(m[4].str())));
  }
  EXPECT_EQ(cases, 8);
  const std::vector<std::uint32_t> golden_table = golden::Exp2Table(3, 6);
  ASSERT_EQ(golden_table.size(), 8u);
  EXPECT_EQ(entries, golden_table);
  // By hand: floor(64 * 2^(-f / 8) + 0.5).
  EXPECT_EQ(entries, (std::vector<std::uint32_t>{64, 59, 54, 49, 45, 41, 38, 35}));
  EXPECT_NE(text.find("\n      default: entry = '0;\n"), std::string::npos);
}

}  // namespace
}  // namespace energon::gen
