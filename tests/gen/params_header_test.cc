// The params header of configs/default.cfg, generated at build time by energon-gen, compiles
// into this test and carries exactly the values Derive() computes.
#include ENERGON_DEFAULT_PARAMS_H

#include "generator/params_header.h"

#include <gtest/gtest.h>

#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

namespace params = energon::generated::energon_d64_n512_l16_r4x2_4x4;

// Usable at compile time, as the harness and the timing model use it.
static_assert(params::kNumRounds == static_cast<int>(params::kQB.size()));
static_assert(params::kSW == params::kQB.back() + params::kKB.back() + 6);

TEST(ParamsHeaderTest, BuiltHeaderMatchesDerive) {
  const Options options = testing::Load("default");
  const FuConfig& c = options.config;
  const FuDerived& d = options.derived;
  EXPECT_EQ(params::kD, c.d);
  EXPECT_EQ(params::kNMax, c.n_max);
  EXPECT_EQ(params::kFuLanes, c.fu_lanes);
  EXPECT_EQ(params::kNumRounds, d.num_rounds);
  EXPECT_EQ(params::kProbes, c.probes);
  EXPECT_FALSE(params::kMemBlackbox);
  EXPECT_EQ(params::kRoundsText, "4x2,4x4");
  EXPECT_EQ(params::kPrefix, d.prefix);
  EXPECT_EQ(params::kTopModule, d.prefix + "fu_top");
  EXPECT_EQ(params::kIdxW, d.idx_w);
  EXPECT_EQ(params::kCntW, d.cnt_w);
  EXPECT_EQ(params::kQIdxW, d.qidx_w);
  EXPECT_EQ(params::kRows, d.rows);
  EXPECT_EQ(params::kRowW, d.row_w);
  EXPECT_EQ(params::kSW, d.score_w);
  EXPECT_EQ(params::kSumW, d.sum_w);
  EXPECT_EQ(params::kRhsW, d.rhs_w);
  EXPECT_EQ(params::kDivCycles, d.div_cycles);
  EXPECT_EQ(params::kKC, d.kcarry_bits);
  EXPECT_EQ(params::kLaneCntW, d.lane_cnt_w);
  EXPECT_EQ(params::kRoundW, d.round_w);
  for (int r = 0; r < params::kNumRounds; ++r) {
    SCOPED_TRACE(r + 1);
    EXPECT_EQ(params::kQB[r], d.rounds[r].qb);
    EXPECT_EQ(params::kKB[r], d.rounds[r].kb);
    EXPECT_EQ(params::kReuse[r], d.rounds[r].reuse);
    EXPECT_EQ(params::kReuseDelta[r], d.rounds[r].reuse_delta);
    EXPECT_EQ(params::kLast[r], d.rounds[r].last);
    EXPECT_EQ(params::kRoundQuotW[r], d.rounds[r].quot_w);
    EXPECT_EQ(params::kRoundDivCycles[r], d.rounds[r].div_cycles);
  }
}

TEST(ParamsHeaderTest, NamesFollowThePrefix) {
  const Options options = testing::Load("default");
  EXPECT_EQ(ParamsHeaderName(options.derived), "energon_d64_n512_l16_r4x2_4x4_params.h");
  EXPECT_EQ(ParamsNamespace(options.derived), "energon::generated::energon_d64_n512_l16_r4x2_4x4");
  // The build-time header is what ParamsHeader() renders now.
  EXPECT_EQ(testing::ReadText(ENERGON_DEFAULT_PARAMS_H),
            ParamsHeader(options.config, options.derived));
}

}  // namespace
}  // namespace energon::gen
