// Derive(): the derived widths of docs/fu-microarchitecture.md for the named configurations,
// the default prefix, and every parameter rule's exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "generator/accel_config.h"
#include "generator/rtl_design.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

using testing::ErrorOf;
using testing::Load;

struct Expected {
  const char* config;
  const char* prefix;
  int idx_w, cnt_w, rows, row_w, score_w, sum_w, rhs_w, div_cycles, kcarry_bits, lane_cnt_w,
      round_w;
  std::vector<RoundDerived> rounds;  // {index, qb, kb, reuse, reuse_delta, last}
};

// Worked by hand from the table: e.g. default: SW = 4 + 4 + clog2(64) = 14, SumW = 14 + 10.
const Expected kExpected[] = {
    {"default",
     "energon_d64_n512_l16_r4x2_4x4_a4_",
     9,
     10,
     32,
     5,
     14,
     24,
     34,
     13,
     4,
     5,
     2,
     {{1, 4, 2, false, 0, false}, {2, 4, 4, true, 2, true}}},
    {"tiny_1lane",
     "energon_d8_n16_l1_r4x2_4x4_a1v1_q3_",
     4,
     5,
     16,
     4,
     11,
     16,
     26,
     10,
     4,
     1,
     2,
     {{1, 4, 2, false, 0, false}, {2, 4, 4, true, 2, true}}},
    {"single_round",
     "energon_d16_n64_l4_r4x4_a2p3v5c3x6b12_",
     6,
     7,
     16,
     4,
     12,
     19,
     29,
     11,
     4,
     3,
     1,
     {{1, 4, 4, false, 0, true}}},
    {"wide_3round",
     "energon_d16_n128_l8_r2x2_3x2_3x4_a3p2f5x10b20_q5_",
     7,
     8,
     16,
     4,
     11,
     19,
     29,
     10,
     4,
     4,
     2,
     {{1, 2, 2, false, 0, false}, {2, 3, 2, false, 0, false}, {3, 3, 4, true, 2, true}}},
    {"small_nmax",
     "energon_d8_n8_l2_r4x2_4x4_a2_",
     3,
     4,
     4,
     2,
     11,
     15,
     25,
     10,
     4,
     2,
     2,
     {{1, 4, 2, false, 0, false}, {2, 4, 4, true, 2, true}}},
};

class NamedConfigTest : public ::testing::TestWithParam<Expected> {};

TEST_P(NamedConfigTest, DerivesTheDocumentedWidths) {
  const Expected& e = GetParam();
  const AccelDerived d = Load(e.config).derived;
  EXPECT_EQ(d.top.prefix, e.prefix);
  EXPECT_EQ(d.fu.num_rounds, static_cast<int>(e.rounds.size()));
  EXPECT_EQ(d.fu.idx_w, e.idx_w);
  EXPECT_EQ(d.fu.cnt_w, e.cnt_w);
  EXPECT_EQ(d.fu.qidx_w, 16);
  EXPECT_EQ(d.fu.rows, e.rows);
  EXPECT_EQ(d.fu.row_w, e.row_w);
  EXPECT_EQ(d.fu.score_w, e.score_w);
  EXPECT_EQ(d.fu.sum_w, e.sum_w);
  EXPECT_EQ(d.fu.rhs_w, e.rhs_w);
  EXPECT_EQ(d.fu.div_cycles, e.div_cycles);
  EXPECT_EQ(d.fu.kcarry_bits, e.kcarry_bits);
  EXPECT_EQ(d.fu.lane_cnt_w, e.lane_cnt_w);
  EXPECT_EQ(d.fu.round_w, e.round_w);
  ASSERT_EQ(d.fu.rounds.size(), e.rounds.size());
  for (std::size_t r = 0; r < e.rounds.size(); ++r) {
    SCOPED_TRACE(r + 1);
    EXPECT_EQ(d.fu.rounds[r].index, e.rounds[r].index);
    EXPECT_EQ(d.fu.rounds[r].qb, e.rounds[r].qb);
    EXPECT_EQ(d.fu.rounds[r].kb, e.rounds[r].kb);
    EXPECT_EQ(d.fu.rounds[r].reuse, e.rounds[r].reuse);
    EXPECT_EQ(d.fu.rounds[r].reuse_delta, e.rounds[r].reuse_delta);
    EXPECT_EQ(d.fu.rounds[r].last, e.rounds[r].last);
  }
}

INSTANTIATE_TEST_SUITE_P(Configs, NamedConfigTest, ::testing::ValuesIn(kExpected),
                         [](const ::testing::TestParamInfo<Expected>& param_info) {
                           return testing::TestNameOf(param_info.param.config);
                         });

AccelConfig Config(int d, int n_max, int lanes,
                   std::vector<golden::RoundWidths> rounds = {{4, 2}, {4, 4}}) {
  AccelConfig config;
  config.fu.d = d;
  config.fu.n_max = n_max;
  config.fu.fu_lanes = lanes;
  config.fu.rounds = std::move(rounds);
  return config;
}

// Each round's divider is sized for that round's scores: |S_r| <= D 2^(QB_r + KB_r - 2), so
// the quotient |T| <= max |S_r| needs QB_r + KB_r + clog2(D) - 1 bits, two a cycle.
TEST(DeriveTest, PerRoundDividerFollowsTheRoundsScoreWidth) {
  AccelDerived d = Load("default").derived;
  ASSERT_EQ(d.fu.rounds.size(), 2u);
  EXPECT_EQ(d.fu.rounds[0].quot_w, 11);  // 4 + 2 + 6 - 1
  EXPECT_EQ(d.fu.rounds[0].div_cycles, 6);
  EXPECT_EQ(d.fu.rounds[1].quot_w, 13);  // 4 + 4 + 6 - 1, the global div_cycles
  EXPECT_EQ(d.fu.rounds[1].div_cycles, 7);
  EXPECT_EQ(d.fu.rounds[1].quot_w, d.fu.div_cycles);
  d = Load("wide_3round").derived;  // D = 16: 2x2, 3x2, 3x4
  ASSERT_EQ(d.fu.rounds.size(), 3u);
  EXPECT_EQ(d.fu.rounds[0].quot_w, 7);
  EXPECT_EQ(d.fu.rounds[0].div_cycles, 4);
  EXPECT_EQ(d.fu.rounds[1].quot_w, 8);
  EXPECT_EQ(d.fu.rounds[1].div_cycles, 4);
  EXPECT_EQ(d.fu.rounds[2].quot_w, 10);
  EXPECT_EQ(d.fu.rounds[2].div_cycles, 5);
  d = Derive(Config(1, 2, 2, {{1, 1}}));
  EXPECT_EQ(d.fu.rounds[0].quot_w, 1);
  EXPECT_EQ(d.fu.rounds[0].div_cycles, 1);
}

// The score statistics' trees reduce groups of 4 lanes per register stage until the lanes
// left and the accumulator fit one group (lane counts are powers of two).
TEST(DeriveTest, StatLatencyCountsTheRegisterStagesOfTheStatisticsTrees) {
  const auto latency = [](int lanes) {
    return Derive(Config(8, 64, lanes, {{4, 2}, {4, 4}})).fu.stat_latency;
  };
  EXPECT_EQ(latency(1), 0);
  EXPECT_EQ(latency(2), 0);
  EXPECT_EQ(latency(4), 1);   // 4 lanes and the accumulator: 5 terms
  EXPECT_EQ(latency(8), 1);
  EXPECT_EQ(latency(16), 2);  // 16 -> 4 (and the accumulator: 5) -> 1
  EXPECT_EQ(latency(32), 2);
  EXPECT_EQ(latency(64), 3);
  EXPECT_EQ(Derive(Config(8, 64, 4, {{4, 2}})).fu.stat_fan, 4);
}

// The filter ranks its kept lanes in a stage of their own from kRankStageLanes (16) lanes on.
TEST(DeriveTest, RankStageFromSixteenLanes) {
  const auto rank_stage = [](int lanes) {
    return Derive(Config(8, 64, lanes, {{4, 2}, {4, 4}})).fu.rank_stage;
  };
  EXPECT_EQ(rank_stage(1), 0);
  EXPECT_EQ(rank_stage(8), 0);
  EXPECT_EQ(rank_stage(16), 1);
  EXPECT_EQ(rank_stage(64), 1);
}

TEST(DeriveTest, ExtremesOfTheRanges) {
  // N_MAX = L = 2: one row per slot, yet a one-bit row address.
  AccelDerived d = Derive(Config(1, 2, 2, {{1, 1}}));
  EXPECT_EQ(d.fu.rows, 1);
  EXPECT_EQ(d.fu.row_w, 1);
  EXPECT_EQ(d.fu.idx_w, 1);
  EXPECT_EQ(d.fu.cnt_w, 2);
  EXPECT_EQ(d.fu.score_w, 2);  // 1 + 1 + clog2(1)
  EXPECT_EQ(d.fu.div_cycles, 1);
  EXPECT_EQ(d.fu.lane_cnt_w, 2);
  EXPECT_EQ(d.fu.round_w, 1);
  d = Derive(Config(1024, 65536, 64, {{8, 8}, {8, 8}, {8, 8}}));
  EXPECT_EQ(d.fu.idx_w, 16);
  EXPECT_EQ(d.fu.cnt_w, 17);
  EXPECT_EQ(d.fu.rows, 1024);
  EXPECT_EQ(d.fu.row_w, 10);
  EXPECT_EQ(d.fu.score_w, 26);
  EXPECT_EQ(d.fu.sum_w, 43);
  EXPECT_EQ(d.fu.rhs_w, 53);
  EXPECT_EQ(d.fu.lane_cnt_w, 7);
  EXPECT_EQ(d.fu.round_w, 2);
  // Equal widths are no reuse: KB must grow.
  EXPECT_FALSE(d.fu.rounds[1].reuse);
  EXPECT_EQ(d.fu.rounds[1].reuse_delta, 0);
}

TEST(DeriveTest, ReuseNeedsEqualQbAndGrowingKb) {
  const AccelDerived d = Derive(Config(16, 64, 4, {{2, 1}, {2, 4}, {3, 8}}));
  EXPECT_TRUE(d.fu.rounds[1].reuse);
  EXPECT_EQ(d.fu.rounds[1].reuse_delta, 3);
  EXPECT_FALSE(d.fu.rounds[2].reuse);  // QB grew
  EXPECT_EQ(d.fu.rounds[2].reuse_delta, 0);
  EXPECT_FALSE(d.fu.rounds[0].reuse);
  EXPECT_TRUE(d.fu.rounds[2].last);
  EXPECT_FALSE(d.fu.rounds[1].last);
}

TEST(DeriveTest, DefaultPrefixMarksProbesAndBlackboxes) {
  AccelConfig config;
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_");
  config.top.probes = false;
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_np_");
  config.top.mem_style = MemStyle::kBlackbox;
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_np_bb_");
  config.top.probes = true;
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_bb_");
  config.top.prefix = "my_fu_";
  EXPECT_EQ(Derive(config).top.prefix, "my_fu_");
}

TEST(DeriveTest, QuerySlotsDefaultToThreePerRoundPlusFourAndNameOthersInThePrefix) {
  AccelConfig config;
  AccelDerived d = Derive(config);
  EXPECT_EQ(d.top.query_slots, 10);  // 3 * 2 + 4
  EXPECT_EQ(d.top.tag_w, 4);
  config.top.query_slots = 10;  // the default, given: same RTL, same prefix
  EXPECT_EQ(Derive(config).top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_");
  config.top.query_slots = 1;
  d = Derive(config);
  EXPECT_EQ(d.top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_q1_");
  EXPECT_EQ(d.top.tag_w, 1);
  config.top.query_slots = 64;
  EXPECT_EQ(Derive(config).top.tag_w, 6);
  config.top.query_slots = 17;
  EXPECT_EQ(Derive(config).top.tag_w, 5);
  config.fu.rounds = {{4, 4}};
  config.top.query_slots = 0;
  EXPECT_EQ(Derive(config).top.query_slots, 7);
}

TEST(DeriveTest, RejectsQuerySlotsOutsideTheirRange) {
  AccelConfig config;
  config.top.query_slots = 65;
  EXPECT_EQ(ErrorOf([&] { Derive(config); }),
            "--query-slots: 65 is outside 1..64 (queries in flight before the AU's logit "
            "stage); use 64, or 0 for the default 10");
  config.top.query_slots = -3;
  EXPECT_EQ(ErrorOf([&] { Derive(config); }),
            "--query-slots: -3 is outside 1..64 (queries in flight before the AU's logit "
            "stage); use 1, or 0 for the default 10");
}

TEST(DeriveTest, RejectsDOutsideItsRange) {
  EXPECT_EQ(ErrorOf([] { Derive(Config(0, 512, 16)); }),
            "--d: 0 is outside 1..1024 (the head dimension D); use 1");
  EXPECT_EQ(ErrorOf([] { Derive(Config(2000, 512, 16)); }),
            "--d: 2000 is outside 1..1024 (the head dimension D); use 1024");
}

TEST(DeriveTest, RejectsBadNMax) {
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 100, 16)); }),
            "--n-max: 100 is not a power of two; use 64 or 128");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 1, 1)); }),
            "--n-max: 1 is outside 2..65536 (the maximum key count N_MAX); use 2");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 131072, 16)); }),
            "--n-max: 131072 is outside 2..65536 (the maximum key count N_MAX); use 65536");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 65535, 16)); }),
            "--n-max: 65535 is not a power of two; use 32768 or 65536");
}

TEST(DeriveTest, RejectsBadLanes) {
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 512, 12)); }),
            "--fu-lanes: 12 is not a power of two; use 8 or 16");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 512, 48)); }),
            "--fu-lanes: 48 is not a power of two; use 32 or 64");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 512, 128)); }),
            "--fu-lanes: 128 is outside 1..64 (keys scored per cycle); use 64");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 512, 0)); }),
            "--fu-lanes: 0 is outside 1..64 (keys scored per cycle); use 1");
  // Suggestions respect N_MAX too.
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 8, 12)); }),
            "--fu-lanes: 12 is not a power of two; use 8");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 8, 16)); }),
            "--fu-lanes: 16 is above --n-max 8 (a buffer row holds L of the N_MAX keys); use 8 "
            "or raise --n-max to 16");
}

TEST(DeriveTest, RejectsBadRoundsWithTheGoldenModelsMessages) {
  EXPECT_EQ(ErrorOf([] {
              Derive(Config(64, 512, 16, {{4, 4}, {4, 2}}));
            }),
            "--rounds: round 2 (4x2) is narrower than round 1 (4x4); widths must not decrease "
            "from round to round, e.g. 4x4");
  EXPECT_EQ(ErrorOf([] { Derive(Config(64, 512, 16, {})); }),
            "--rounds: 0 rounds given; the filter has 1 to 3 rounds, e.g. 4x2,4x4");
  EXPECT_EQ(ErrorOf([] {
              Derive(Config(64, 512, 16, {{4, 9}}));
            }),
            "--rounds: round 1 has KB = 9; operand widths are 1 to 8 bits, use 8");
}

TEST(DeriveTest, RejectsBadMemStyle) {
  AccelConfig config;
  config.top.mem_style = static_cast<MemStyle>(7);
  EXPECT_EQ(ErrorOf([&] { Derive(config); }),
            "--mem-style: 7 is not a memory style; use behavioral or blackbox");
}

TEST(DeriveTest, TheTopPartNeedsOnlyItselfTheRoundCountAndTheDefaultPrefix) {
  TopConfig top;
  TopDerived d = DeriveTop(top, 3, "given_default_");
  EXPECT_EQ(d.prefix, "given_default_");
  EXPECT_EQ(d.query_slots, 13);  // 3 * 3 + 4
  EXPECT_EQ(d.tag_w, 4);
  EXPECT_EQ(TopPrefixPart(top, 3), "");
  top.query_slots = 5;
  top.probes = false;
  top.mem_style = MemStyle::kBlackbox;
  EXPECT_EQ(TopPrefixPart(top, 3), "q5_np_bb_");
  top.sram_max_width = 16;
  EXPECT_EQ(TopPrefixPart(top, 3), "q5_np_bbw16_");
  top.sram_max_depth = 4;
  EXPECT_EQ(TopPrefixPart(top, 3), "q5_np_bbw16k4_");
  top.mem_style = MemStyle::kBehavioral;  // the limits change only blackbox RTL
  EXPECT_EQ(TopPrefixPart(top, 3), "q5_np_");
  top.mem_style = MemStyle::kBlackbox;
  top.sram_max_width = kDefaultSramMaxWidth;
  top.sram_max_depth = kDefaultSramMaxDepth;
  EXPECT_EQ(DeriveTop(top, 3, "given_default_").tag_w, 3);
  EXPECT_EQ(ErrorOf([] { DeriveTop(TopConfig{}, 1, "Bad_"); }),
            "--prefix: 'Bad_' does not start with a lowercase letter (prefixes match "
            "[a-z][a-z0-9_]*_); use bad_");
}

std::string PrefixError(const std::string& prefix) {
  AccelConfig config;
  config.top.prefix = prefix;
  return ErrorOf([&] { Derive(config); });
}

TEST(DeriveTest, RejectsBadPrefixesWithAFixedOne) {
  EXPECT_EQ(PrefixError("Energon_"),
            "--prefix: 'Energon_' does not start with a lowercase letter (prefixes match "
            "[a-z][a-z0-9_]*_); use energon_");
  EXPECT_EQ(PrefixError("1abc_"),
            "--prefix: '1abc_' does not start with a lowercase letter (prefixes match "
            "[a-z][a-z0-9_]*_); use p1abc_");
  EXPECT_EQ(PrefixError("_x_"),
            "--prefix: '_x_' does not start with a lowercase letter (prefixes match "
            "[a-z][a-z0-9_]*_); use p_x_");
  EXPECT_EQ(PrefixError("my-fu_"),
            "--prefix: 'my-fu_' holds '-' (prefixes match [a-z][a-z0-9_]*_); use my_fu_");
  EXPECT_EQ(PrefixError("myfu"),
            "--prefix: 'myfu' does not end in '_' (prefixes match [a-z][a-z0-9_]*_); use myfu_");
  EXPECT_EQ(PrefixError("my_2_"),
            "--prefix: 'my_2_' ends in _<digit>_, which makes names end in _<digit> (the params "
            "namespace would be my_2); use my2_");
  // The params header's namespace is the prefix without its '_': "if_" gave namespace
  // energon::generated::if, which no compiler takes (found by scripts/soak, seed 41).
  EXPECT_EQ(PrefixError("if_"),
            "--prefix: 'if_' makes the params header's namespace 'if' (the prefix without its "
            "final '_'), a C++ keyword; use ifx_");
  EXPECT_EQ(PrefixError("char16_t_"),
            "--prefix: 'char16_t_' makes the params header's namespace 'char16_t' (the prefix "
            "without its final '_'), a C++ keyword; use char16_tx_");
  EXPECT_EQ(PrefixError("ifx_"), "<no InputError>");
  EXPECT_EQ(PrefixError("final_"), "<no InputError>");
  EXPECT_EQ(PrefixError("if_then_"), "<no InputError>");
  EXPECT_EQ(PrefixError("fu_v2_"), "<no InputError>");
  EXPECT_EQ(PrefixError("a_"), "<no InputError>");
}

TEST(DeriveTest, Clog2MatchesSystemVerilog) {
  EXPECT_EQ(Clog2(1), 0);
  EXPECT_EQ(Clog2(2), 1);
  EXPECT_EQ(Clog2(3), 2);
  EXPECT_EQ(Clog2(512), 9);
  EXPECT_EQ(Clog2(513), 10);
}

}  // namespace
}  // namespace energon::gen

namespace energon::gen {
namespace {

using testing::ErrorOf;

TEST(DeriveTest, PrefixLengthKeepsEveryModuleNameBuildable) {
  AccelConfig config;
  ASSERT_EQ(MaxPrefixLength(config.top), 116);
  config.top.prefix = "p" + std::string(114, 'x') + "_";
  const AccelDerived derived = Derive(config);
  // Every module of the design stays within the length Verilator 5.006 builds.
  std::size_t longest = 0;
  for (const RtlFile& file : RtlFiles(config, derived))
    longest = std::max(longest, file.module.size());
  EXPECT_EQ(longest, static_cast<std::size_t>(kMaxModuleNameLength));
  config.top.prefix = "p" + std::string(115, 'x') + "_";
  const std::string message = ErrorOf([&] { Derive(config); });
  EXPECT_EQ(message, "--prefix: '" + config.top.prefix +
                         "' has 117 characters; the longest module name, " + config.top.prefix +
                         "energon_top (128 characters), would pass the 127 that Verilator 5.006 "
                         "builds without hashing it; use at most 116, e.g. " +
                         config.top.prefix.substr(0, 115) + "_");
}

// SRAM macros are named after their shape, at most --sram-max-depth x --sram-max-width, so
// blackbox memories leave the prefix fewer characters (tests/lint/prefix_limit.sh lints both
// limits with Verilator).
TEST(DeriveTest, BlackboxPrefixLimitLeavesRoomForTheLargestMacroName) {
  AccelConfig config;
  config.top.mem_style = MemStyle::kBlackbox;
  EXPECT_EQ(LongestModuleSuffix(config.top), "sram_4096x128_1r1w");
  EXPECT_EQ(MaxPrefixLength(config.top), 109);
  config.top.sram_max_depth = 65536;
  config.top.sram_max_width = 1024;
  EXPECT_EQ(MaxPrefixLength(config.top), 107);
  config.top.prefix = "p" + std::string(106, 'x') + "_";
  const std::string message = ErrorOf([&] { Derive(config); });
  EXPECT_EQ(message, "--prefix: '" + config.top.prefix +
                         "' has 108 characters; the longest module name, " + config.top.prefix +
                         "sram_65536x1024_1r1w (128 characters), would pass the 127 that "
                         "Verilator 5.006 builds without hashing it; use at most 107, e.g. " +
                         config.top.prefix.substr(0, 106) + "_");
  config.top.prefix = "p" + std::string(105, 'x') + "_";
  EXPECT_EQ(ErrorOf([&] { Derive(config); }), "<no InputError>");
}

}  // namespace
}  // namespace energon::gen
