// The golden timing model: FuScheduler's schedule worked by hand for one query, the steady
// state the two-slot score buffer allows, the consumer's output slot, PredictFuTiming as the
// scheduler stepped, and the busiest-stage bound.
#include "golden/fu_timing.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "tests/golden/query_result_of.h"

namespace energon::golden {
namespace {

constexpr auto Result = testing::QueryResultOf;

std::vector<std::int64_t> BeatCycles(const std::vector<SurvivorBeat>& beats) {
  std::vector<std::int64_t> cycles;
  cycles.reserve(beats.size());
  for (const SurvivorBeat& beat : beats) cycles.push_back(beat.cycle);
  return cycles;
}

// 4 lanes (the statistics' trees: one register stage), dividers of 2 and 3 cycles; 10 keys (3
// rows), 4 survive round 1 (1 row), 2 round 2.
const FuTiming kFourLanes{4, {2, 3}, 1, 0};

TEST(FuSchedulerTest, OneQueryByHand) {
  FuScheduler scheduler(kFourLanes, 2, 100);
  const QueryTiming t = scheduler.Next(Result(0, {{1, 2, 5, 9}, {2, 9}}), 10);
  // Score 1: accept and row 0 in 100, rows 100..102 (then s1, s1b, s2), the last write in 105,
  // the statistics' register stage, done in 106.
  EXPECT_EQ(t.accept_cycle, 100);
  // Filter 1: accept 107 (slot visible), rows 107..109, beats in 107 + g + 4 (stages A, B, C,
  // then the beat register); the division starts in 107 + 2, its probe in 109 + 2 + 1.
  EXPECT_EQ(t.row_cycle[0], 112);
  EXPECT_EQ(BeatCycles(t.beats[0]), (std::vector<std::int64_t>{111, 112, 113}));
  // Filter 1's done pulse with its last row's stage C in 107 + 3 + 2 = 112; score 2 accepts in
  // 113, done in 117; filter 2 accepts in 118: its one beat in 122, its division from 120 and
  // its probe in 120 + 3 + 1, done in 118 + 1 + 2.
  EXPECT_EQ(t.row_cycle[1], 124);
  EXPECT_EQ(BeatCycles(t.beats[1]), (std::vector<std::int64_t>{122}));
  EXPECT_EQ(t.output_done_cycle, 121);
}

// The same query with the filter's rank stage (K = 1, as from 16 lanes on): each filter's beats
// and done pulse come a cycle later, its division and row probe do not; round 2 starts a cycle
// later, so its probe and done pulse move by one and its beat by two.
TEST(FuSchedulerTest, RankStageDelaysBeatsAndDonePulse) {
  FuScheduler scheduler(FuTiming{4, {2, 3}, 1, 1}, 2, 100);
  const QueryTiming t = scheduler.Next(Result(0, {{1, 2, 5, 9}, {2, 9}}), 10);
  EXPECT_EQ(t.accept_cycle, 100);
  EXPECT_EQ(t.row_cycle[0], 112);
  EXPECT_EQ(BeatCycles(t.beats[0]), (std::vector<std::int64_t>{112, 113, 114}));
  // Filter 1 done in 113; score 2 accepts in 114, done in 118; filter 2 accepts in 119: its
  // division from 121, its probe in 125, its beat in 119 + 5, done in 119 + 1 + 2 + 1.
  EXPECT_EQ(t.row_cycle[1], 125);
  EXPECT_EQ(BeatCycles(t.beats[1]), (std::vector<std::int64_t>{124}));
  EXPECT_EQ(t.output_done_cycle, 123);
}

TEST(FuSchedulerTest, OutputSlotDelaysOnlyTheLastRoundsFilter) {
  FuScheduler scheduler(kFourLanes, 2, 100);
  const QueryTiming t = scheduler.Next(Result(0, {{1, 2, 5, 9}, {2, 9}}), 10, 120);
  EXPECT_EQ(t.row_cycle[0], 112);
  EXPECT_EQ(BeatCycles(t.beats[0]), (std::vector<std::int64_t>{111, 112, 113}));
  EXPECT_EQ(t.row_cycle[1], 126);
  EXPECT_EQ(BeatCycles(t.beats[1]), (std::vector<std::int64_t>{124}));
  EXPECT_EQ(t.output_done_cycle, 123);
}

// Equal queries of 8 rows in round 1: a query holds its score slot for 2 G + 1 + 1 cycles (the
// score stage's accept to the filter's release, its last read but one, with the statistics'
// register stage), so the two slots take a query every G + 1 cycles: accepts 8 and 10 cycles
// apart in turn.
TEST(FuSchedulerTest, SteadyStateIsACycleOverTheRows) {
  FuScheduler scheduler(FuTiming{4, {2, 2}, 1, 0}, 2, 0);
  std::vector<std::int64_t> accepts;
  accepts.reserve(8);
  for (int k = 0; k < 8; ++k) {
    accepts.push_back(scheduler.Next(Result(k, {{3, 17}, {17}}), 32).accept_cycle);
  }
  EXPECT_EQ(accepts, (std::vector<std::int64_t>{0, 8, 18, 26, 36, 44, 54, 62}));
}

// A divider slower than the rows sets the pace: the next division waits for the row probe,
// and the next job for that division's start, so the probes come C + 1 cycles apart (the two
// cycles of the numerator overlap the previous division).
TEST(FuSchedulerTest, SlowDividerPacesTheFilter) {
  FuScheduler scheduler(FuTiming{4, {9}, 1, 0}, 1, 0);
  std::vector<std::int64_t> probes;
  probes.reserve(4);
  for (int k = 0; k < 4; ++k) probes.push_back(scheduler.Next(Result(k, {{0}}), 4).row_cycle[0]);
  EXPECT_EQ(probes, (std::vector<std::int64_t>{17, 27, 37, 47}));  // 10 cycles apart
}

TEST(FuSchedulerTest, PredictFuTimingStepsTheScheduler) {
  const FuTiming fu{2, {1, 2}, 0, 0};
  std::vector<QueryResult> results;
  std::vector<int> candidates;
  for (int k = 0; k < 6; ++k) {
    results.push_back(Result(k, {{0, 3, 4, 6}, {3}}));
    candidates.push_back(7 + k % 2);
  }
  const std::vector<QueryTiming> all = PredictFuTiming(fu, results, candidates, 5);
  FuScheduler scheduler(fu, 2, 5);
  ASSERT_EQ(all.size(), results.size());
  for (std::size_t k = 0; k < results.size(); ++k) {
    const QueryTiming t = scheduler.Next(results[k], candidates[k]);
    EXPECT_EQ(all[k].accept_cycle, t.accept_cycle);
    EXPECT_EQ(all[k].row_cycle, t.row_cycle);
    EXPECT_EQ(all[k].output_done_cycle, t.output_done_cycle);
    EXPECT_EQ(BeatCycles(all[k].beats[1]), BeatCycles(t.beats[1]));
  }
  EXPECT_TRUE(PredictFuTiming(fu, {}, {}, 0).empty());
}

TEST(FuSchedulerTest, NeedsOneDividerPerRound) {
  EXPECT_THROW(FuScheduler(FuTiming{4, {2}}, 2, 0), std::invalid_argument);
  FuScheduler scheduler(FuTiming{4, {2, 2}}, 2, 0);
  EXPECT_THROW(scheduler.Next(Result(0, {{0}}), 1), std::invalid_argument);
}

TEST(BusiestStageTest, TheRoundWithTheMostRows) {
  const FuTiming fu{4, {1, 1}};
  // Round 1: 10 and 4 candidates (3 + 1 rows); round 2: 9 and 4 survivors (3 + 1 rows).
  const std::vector<QueryResult> results = {Result(0, {{0, 1, 2, 3, 4, 5, 6, 7, 8}, {0}}),
                                            Result(1, {{0, 1, 2, 3}, {1}})};
  BusiestStage b = BusiestStageFuCycles(fu, results, {10, 4});
  EXPECT_EQ(b.rows_per_round, (std::vector<std::int64_t>{4, 4}));
  EXPECT_EQ(b.cycles, 4);
  EXPECT_EQ(b.round, 1);  // the first of equals
  b = BusiestStageFuCycles(fu, results, {4, 4});
  EXPECT_EQ(b.rows_per_round, (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(b.cycles, 4);
  EXPECT_EQ(b.round, 2);
}

}  // namespace
}  // namespace energon::golden
