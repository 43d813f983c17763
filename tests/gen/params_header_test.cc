// The params header of configs/default.cfg, generated at build time by energon-gen, compiles
// into this test and carries exactly the values Derive() computes.
#include ENERGON_DEFAULT_PARAMS_H

#include "generator/params_header.h"

#include <gtest/gtest.h>

#include "generator/config_text.h"
#include "generator/golden_params.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

namespace params = energon::generated::energon_d64_n512_l16_r4x2_4x4_a4;

// Usable at compile time, as the harness and the timing model use it.
static_assert(params::kNumRounds == static_cast<int>(params::kQB.size()));
static_assert(params::kSW == params::kQB.back() + params::kKB.back() + 6);

TEST(ParamsHeaderTest, BuiltHeaderMatchesDerive) {
  const Options options = testing::Load("default");
  const AccelConfig& c = options.config;
  const AccelDerived& d = options.derived;
  EXPECT_EQ(params::kD, c.fu.d);
  EXPECT_EQ(params::kNMax, c.fu.n_max);
  EXPECT_EQ(params::kFuLanes, c.fu.fu_lanes);
  EXPECT_EQ(params::kNumRounds, d.fu.num_rounds);
  EXPECT_EQ(params::kProbes, c.top.probes);
  EXPECT_FALSE(params::kMemBlackbox);
  EXPECT_EQ(params::kRoundsText, "4x2,4x4");
  EXPECT_EQ(params::kPrefix, d.top.prefix);
  EXPECT_EQ(params::kTopModule, d.top.prefix + "energon_top");
  EXPECT_EQ(params::kIdxW, d.fu.idx_w);
  EXPECT_EQ(params::kCntW, d.fu.cnt_w);
  EXPECT_EQ(params::kQIdxW, d.fu.qidx_w);
  EXPECT_EQ(params::kRows, d.fu.rows);
  EXPECT_EQ(params::kRowW, d.fu.row_w);
  EXPECT_EQ(params::kSW, d.fu.score_w);
  EXPECT_EQ(params::kSumW, d.fu.sum_w);
  EXPECT_EQ(params::kRhsW, d.fu.rhs_w);
  EXPECT_EQ(params::kDivCycles, d.fu.div_cycles);
  EXPECT_EQ(params::kKC, d.fu.kcarry_bits);
  EXPECT_EQ(params::kLaneCntW, d.fu.lane_cnt_w);
  EXPECT_EQ(params::kRoundW, d.fu.round_w);
  EXPECT_EQ(params::kStatFan, d.fu.stat_fan);
  EXPECT_EQ(params::kStatLatency, d.fu.stat_latency);
  static_assert(params::kStatFan == 4 && params::kStatLatency == 2);  // 16 lanes: 16, 4, then 1
  EXPECT_EQ(params::kRankStage, d.fu.rank_stage);
  static_assert(params::kRankStage == 1);  // 16 lanes
  for (int r = 0; r < params::kNumRounds; ++r) {
    SCOPED_TRACE(r + 1);
    EXPECT_EQ(params::kQB[r], d.fu.rounds[r].qb);
    EXPECT_EQ(params::kKB[r], d.fu.rounds[r].kb);
    EXPECT_EQ(params::kReuse[r], d.fu.rounds[r].reuse);
    EXPECT_EQ(params::kReuseDelta[r], d.fu.rounds[r].reuse_delta);
    EXPECT_EQ(params::kLast[r], d.fu.rounds[r].last);
    EXPECT_EQ(params::kRoundQuotW[r], d.fu.rounds[r].quot_w);
    EXPECT_EQ(params::kRoundDivCycles[r], d.fu.rounds[r].div_cycles);
  }
  // The attention unit.
  EXPECT_EQ(params::kAuLanes, d.au.au_lanes);
  EXPECT_EQ(params::kPvLanes, d.au.pv_lanes);
  EXPECT_EQ(params::kFetchRows, d.au.fetch_rows);
  EXPECT_EQ(params::kDivLanes, d.au.div_lanes);
  EXPECT_EQ(params::kFx, d.au.fx);
  EXPECT_EQ(params::kPb, d.au.pb);
  EXPECT_EQ(params::kLogitW, d.au.logit_w);
  EXPECT_EQ(params::kPW, d.au.p_w);
  EXPECT_EQ(params::kZW, d.au.z_w);
  EXPECT_EQ(params::kAccW, d.au.acc_w);
  EXPECT_EQ(params::kACntW, d.au.acnt_w);
  EXPECT_EQ(params::kPCntW, d.au.pcnt_w);
  EXPECT_EQ(params::kFCntW, d.au.fcnt_w);
  EXPECT_EQ(params::kDivGroups, d.au.div_groups);
  EXPECT_EQ(params::kDivLatency, d.au.div_latency);
  EXPECT_EQ(params::kLogitSumFan, d.au.logit_sum_fan);
  EXPECT_EQ(params::kLogitLatency, d.au.logit_latency);
  EXPECT_EQ(params::kMaxFan, d.au.max_fan);
  EXPECT_EQ(params::kMaxLatency, d.au.max_latency);
  EXPECT_EQ(params::kPvLevels, d.au.pv_levels);
  EXPECT_EQ(params::kQuerySlots, d.top.query_slots);
  EXPECT_EQ(params::kTagW, d.top.tag_w);
  // ... with the default configuration's values (docs/au-microarchitecture.md).
  static_assert(params::kAuLanes == 4 && params::kPvLanes == 4 && params::kFetchRows == 4);
  static_assert(params::kDivLanes == 16 && params::kFx == 8 && params::kPb == 15);
  static_assert(params::kLogitW == 38 && params::kPW == 16 && params::kZW == 25);
  static_assert(params::kAccW == 40 && params::kDivGroups == 4 && params::kDivLatency == 19);
  static_assert(params::kLogitLatency == 5 && params::kPvLevels == 1);
  static_assert(params::kMaxFan == 4 && params::kMaxLatency == 1);  // 4 lanes and the maximum
}

TEST(ParamsHeaderTest, NamesFollowThePrefix) {
  const Options options = testing::Load("default");
  EXPECT_EQ(ParamsHeaderName(options.derived), "energon_d64_n512_l16_r4x2_4x4_a4_params.h");
  EXPECT_EQ(ParamsNamespace(options.derived),
            "energon::generated::energon_d64_n512_l16_r4x2_4x4_a4");
  // The build-time header is what ParamsHeader() renders now.
  EXPECT_EQ(testing::ReadText(ENERGON_DEFAULT_PARAMS_H),
            ParamsHeader(options.config, options.derived));
}

// The header carries its configuration: parsed back by ParseConfigText it gives the very
// configuration, and so the very header (every derived constant), it was generated from.
TEST(ParamsHeaderTest, EmbeddedConfigTextRegeneratesTheHeader) {
  const Options reread = ParseConfigText(std::string(params::kConfigText), "kConfigText");
  EXPECT_EQ(testing::ReadText(ENERGON_DEFAULT_PARAMS_H),
            ParamsHeader(reread.config, reread.derived));
  EXPECT_EQ(reread.derived.top.prefix, params::kPrefix);
}

class ConfigTextTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConfigTextTest, ReadsBackIntoTheSameConfiguration) {
  const Options options = testing::Load(GetParam());
  const std::string text = ConfigFileText(options.config, options.derived);
  const Options reread = ParseConfigText(text, GetParam());
  EXPECT_EQ(ConfigJson(reread.config, reread.derived), ConfigJson(options.config, options.derived));
  EXPECT_EQ(DerivedJson(reread.derived), DerivedJson(options.derived));
  EXPECT_EQ(ParamsHeader(reread.config, reread.derived),
            ParamsHeader(options.config, options.derived));
  EXPECT_EQ(ConfigFileText(reread.config, reread.derived), text);
}

INSTANTIATE_TEST_SUITE_P(NamedConfigs, ConfigTextTest, ::testing::ValuesIn(testing::NamedConfigs()),
                         [](const auto& info) { return testing::TestNameOf(info.param); });

TEST(ConfigTextTest, OneLinePerKeyEveryKeyExplicit) {
  const Options options = testing::Load("small_nmax");
  EXPECT_EQ(ConfigFileText(options.config, options.derived),
            "d = 8\nn-max = 8\nrounds = 4x2,4x4\nfu-lanes = 2\nau-lanes = 2\npv-lanes = 2\n"
            "fetch-rows = 2\ndiv-lanes = 8\nfx = 8\npb = 15\nfetch-ahead = 4\nprefix = "
            "energon_d8_n8_l2_r4x2_4x4_a2_\n"
            "probes = on\nmem-style = behavioral\nsram-max-width = 128\nsram-max-depth = 4096\n"
            "query-slots = 10\n");
}

TEST(ConfigTextTest, ErrorsNameTheText) {
  EXPECT_EQ(testing::ErrorOf([] { ParseConfigText("d = 3000\n", "model x"); }),
            "model x: d: 3000 is outside 1..1024 (the head dimension D); use 1024");
}

// The golden model's parameters come from the derived values, round by round.
TEST(GoldenParamsTest, FromTheDerivedValues) {
  const Options options = testing::Load("wide_3round");
  const GoldenParams p = GoldenParamsOf(options.config, options.derived, 7);
  EXPECT_EQ(p.hw.rounds, options.config.fu.rounds);
  EXPECT_EQ(p.hw.fx, options.derived.au.fx);
  EXPECT_EQ(p.hw.pb, options.derived.au.pb);
  EXPECT_EQ(p.fu.lanes, options.config.fu.fu_lanes);
  EXPECT_EQ(p.fu.stat_latency, options.derived.fu.stat_latency);
  EXPECT_EQ(p.fu.rank_stage, options.derived.fu.rank_stage);
  ASSERT_EQ(p.fu.div_cycles.size(), 3u);
  for (std::size_t r = 0; r < 3; ++r)
    EXPECT_EQ(p.fu.div_cycles[r], options.derived.fu.rounds[r].div_cycles);
  EXPECT_EQ(p.au.au_lanes, options.derived.au.au_lanes);
  EXPECT_EQ(p.au.pv_lanes, options.derived.au.pv_lanes);
  EXPECT_EQ(p.au.fetch_rows, options.derived.au.fetch_rows);
  EXPECT_EQ(p.au.div_groups, options.derived.au.div_groups);
  EXPECT_EQ(p.au.div_latency, options.derived.au.div_latency);
  EXPECT_EQ(p.au.logit_latency, options.derived.au.logit_latency);
  EXPECT_EQ(p.au.max_latency, options.derived.au.max_latency);
  EXPECT_EQ(p.au.pv_levels, options.derived.au.pv_levels);
  EXPECT_EQ(p.au.mem_latency, 7);
}

}  // namespace
}  // namespace energon::gen
