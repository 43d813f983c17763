// The scoreboard without a model: a hand-made query result, observed transfers that differ in
// one field each, and the mismatch records that must come out.
#include "sim/scoreboard.h"

#include <gtest/gtest.h>

#include <vector>

namespace energon::sim {
namespace {

// Two lanes, one round. Query 5 has candidates 0..3 (rows [0 1] [2 3]); T = 2; survivors
// 0, 1, 3 with scores 2, 5, 3: beat 0 = {0:2, 1:5}, beat 1 = {3:3} (last).
FuShape Shape() {
  gen::FuConfig config;
  config.d = 8;
  config.n_max = 8;
  config.fu_lanes = 2;
  config.rounds = {{4, 4}};
  config.probes = true;
  return ShapeOf("unit", gen::Options{config, gen::Derive(config), ""});
}

golden::QueryResult Result() {
  golden::QueryResult r;
  r.index = 5;
  golden::RoundResult round;
  for (int s : {2, 5, 1, 3}) round.stats.Add(s);
  round.threshold = 2;
  round.survivors = {0, 1, 3};
  round.survivor_scores = {2, 5, 3};
  r.rounds.push_back(round);
  return r;
}

SurvSample Beat(std::vector<std::int64_t> index, std::vector<std::int64_t> score, bool last) {
  SurvSample s;
  s.query = 5;
  s.count = static_cast<int>(index.size());
  s.last = last;
  index.resize(2, 0);
  score.resize(2, 0);
  s.index = index;
  s.score = score;
  return s;
}

RowSample Row() { return RowSample{5, 4, 11, 5, 1, 2}; }

TEST(ScoreboardTest, MatchingTransfersLeaveNothing) {
  Scoreboard board(Shape(), 1);
  board.Expect(0, Result(), 4, nullptr);
  std::vector<Mismatch> out;
  board.OnQueryAccept(3, 5, out);
  board.OnRow(1, Row(), 10, out);
  board.OnSurv(1, Beat({0, 1}, {2, 5}, false), 11, out);
  EXPECT_FALSE(board.Done());
  board.OnSurv(1, Beat({3}, {3}, true), 12, out);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(board.Done());
  EXPECT_EQ(board.transfers_checked(), 4);
}

TEST(ScoreboardTest, NamesTheFirstDifferingField) {
  struct Case {
    SurvSample beat;
    const char* field;
    std::optional<int> lane;
    std::optional<std::int64_t> key;
    const char* expected;
    const char* actual;
  };
  const Case cases[] = {
      {Beat({0, 2}, {2, 5}, false), "index", 1, 1, "1", "2"},
      {Beat({0, 1}, {2, 4}, false), "score", 1, 1, "5", "4"},
      {Beat({0}, {2}, false), "count", 1, 1, "2", "1"},
      {Beat({0, 1}, {2, 5}, true), "last", std::nullopt, std::nullopt, "0", "1"},
  };
  for (const Case& c : cases) {
    Scoreboard board(Shape(), 1);
    board.Expect(0, Result(), 4, nullptr);
    std::vector<Mismatch> out;
    board.OnSurv(1, c.beat, 11, out);
    ASSERT_EQ(out.size(), 1u) << c.field;
    EXPECT_EQ(out[0].stream, "r1_surv");
    EXPECT_EQ(out[0].cycle, 11);
    EXPECT_EQ(out[0].query, 5);
    EXPECT_EQ(out[0].round, 1);
    EXPECT_EQ(out[0].beat, 0);
    EXPECT_EQ(out[0].field, c.field);
    EXPECT_EQ(out[0].lane, c.lane) << c.field;
    EXPECT_EQ(out[0].key, c.key) << c.field;
    EXPECT_EQ(out[0].expected, c.expected);
    EXPECT_EQ(out[0].actual, c.actual);
  }
}

TEST(ScoreboardTest, RowFieldsInOrder) {
  Scoreboard board(Shape(), 1);
  board.Expect(0, Result(), 4, nullptr);
  std::vector<Mismatch> out;
  RowSample row = Row();
  row.t = 1;
  row.min = 0;
  board.OnRow(1, row, 10, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].stream, "r1_row");
  EXPECT_EQ(out[0].field, "min") << "min is compared before t";
  EXPECT_EQ(out[0].expected, "1");
  EXPECT_EQ(out[0].actual, "0");
}

TEST(ScoreboardTest, PredictedCyclesAreExact) {
  golden::QueryTiming timing;
  timing.accept_cycle = 3;
  timing.row_cycle = {10};
  timing.beats = {{{0, 0, 2, false, 12}, {1, 2, 1, true, 13}}};
  Scoreboard board(Shape(), 1);
  board.Expect(0, Result(), 4, &timing);
  EXPECT_EQ(board.last_predicted_cycle(), 13);
  std::vector<Mismatch> out;
  board.OnQueryAccept(3, 5, out);
  board.OnRow(1, Row(), 10, out);
  board.CheckDue(11, out);
  EXPECT_TRUE(out.empty());
  board.CheckDue(12, out);  // beat 0 was due in cycle 12
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].field, "transfer");
  EXPECT_EQ(out[0].key, 0);
  EXPECT_EQ(out[0].expected, "a transfer in cycle 12");
  out.clear();
  board.OnSurv(1, Beat({0, 1}, {2, 5}, false), 13, out);  // one cycle late
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].field, "cycle");
  EXPECT_EQ(out[0].expected, "12");
  EXPECT_EQ(out[0].actual, "13");
}

TEST(ScoreboardTest, TransfersBeyondTheExpectedOnesAreMismatches) {
  Scoreboard board(Shape(), 1);
  std::vector<Mismatch> out;
  board.OnSurv(1, Beat({7}, {1}, true), 20, out);
  board.OnRow(1, Row(), 21, out);
  board.OnQueryAccept(22, 0, out);
  ASSERT_EQ(out.size(), 3u);
  for (const Mismatch& m : out) EXPECT_EQ(m.field, "transfer");
  EXPECT_EQ(out[0].key, 7);
}

}  // namespace
}  // namespace energon::sim
