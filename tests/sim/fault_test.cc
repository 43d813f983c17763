// Proof that the checker can fail: the RTL of configs/small_nmax.cfg with one fault injected by
// energon-gen --inject-fault (a test-only option), and the first-mismatch report each must get.
// The expected report is derived from the golden model and the timing model independently of
// the harness: before the first transfer the fault changes, the faulty FU behaves exactly like
// the correct one, so that transfer's predicted cycle is the cycle of the first mismatch.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "fault_compare_gt_dut.h"
#include "fault_drop_survivor_dut.h"
#include "fault_floor_threshold_dut.h"
#include "fault_ignore_ready_dut.h"
#include "golden/fu_timing.h"
#include "golden/synthetic.h"
#include "golden/threshold.h"
#include "sim/cosim.h"
#include "sim/report.h"
#include "tests/common/temp_dir.h"

namespace energon::sim {
namespace {

// What the first mismatch must say.
struct Expected {
  std::int64_t cycle = 0;
  std::string stream;
  int query = 0;
  int round = 0;
  std::string field;
  std::optional<std::int64_t> key;
  std::string expected, actual;
};

struct Scenario {
  golden::Workload workload;
  CosimOptions options;
  std::vector<golden::QueryResult> results;
  std::vector<int> num_candidates;
  std::vector<golden::QueryTiming> timing;
};

Scenario MakeScenario(const FuShape& shape, const std::string& synthetic, std::vector<int> alpha) {
  Scenario s;
  s.workload = golden::MakeSyntheticWorkload(
      golden::ParseSyntheticSpec("d=" + std::to_string(shape.d) + "," + synthetic));
  s.options.run.alpha = std::move(alpha);
  const golden::GoldenHead head(s.workload.heads[0], golden::HwParams{shape.rounds, 8, 15},
                                s.options.run);
  for (int i = 0; i < s.workload.num_queries(); ++i) {
    s.results.push_back(head.Run(i));
    s.num_candidates.push_back(head.NumCandidates(i));
  }
  // K rows load in cycles 0 .. n-1, the first query is offered in cycle n.
  s.timing = golden::PredictFuTiming({shape.lanes, shape.round_div_cycles}, s.results, s.num_candidates,
                                     s.workload.num_keys());
  return s;
}

// The first survivor beat (by predicted cycle, then round) that loses survivors under a fault:
// `lost(query, round, beat, survivor position in C_{r-1}, key, score)` says which are lost.
using LostFn =
    std::function<bool(int round, int row_position, std::int64_t score, std::int64_t threshold)>;

std::optional<Expected> FirstLostSurvivor(const FuShape& shape, const Scenario& s,
                                          const LostFn& lost) {
  std::optional<Expected> first;
  for (std::size_t k = 0; k < s.results.size(); ++k) {
    std::vector<std::int32_t> candidates(static_cast<std::size_t>(s.num_candidates[k]));
    for (std::size_t j = 0; j < candidates.size(); ++j)
      candidates[j] = static_cast<std::int32_t>(j);
    for (int r = 1; r <= shape.num_rounds; ++r) {
      const golden::RoundResult& round = s.results[k].rounds[static_cast<std::size_t>(r - 1)];
      for (const golden::SurvivorBeat& beat : s.timing[k].beats[static_cast<std::size_t>(r - 1)]) {
        std::vector<std::int64_t> expected, kept;
        std::optional<std::int64_t> lost_key;
        for (int i = beat.first; i < beat.first + beat.count; ++i) {
          const std::int32_t key = round.survivors[static_cast<std::size_t>(i)];
          const auto pos =
              std::find(candidates.begin(), candidates.end(), key) - candidates.begin();
          expected.push_back(key);
          if (lost(r, static_cast<int>(pos) % shape.lanes,
                   round.survivor_scores[static_cast<std::size_t>(i)], round.threshold)) {
            if (!lost_key) lost_key = key;
          } else {
            kept.push_back(key);
          }
        }
        if (!lost_key) continue;
        if (first &&
            (first->cycle < beat.cycle || (first->cycle == beat.cycle && first->round <= r))) {
          continue;
        }
        Expected e;
        e.cycle = beat.cycle;
        e.stream = "r" + std::to_string(r) + "_surv";
        e.query = s.results[k].index;
        e.round = r;
        if (kept.empty() && !beat.last) {
          // Every survivor of the beat lost: the FU sends no beat for that row at all.
          e.field = "transfer";
          e.key = expected.front();
        } else {
          std::size_t lane = 0;
          while (lane < kept.size() && kept[lane] == expected[lane]) ++lane;
          e.field = lane < kept.size() ? "index" : "count";
          e.key = expected[lane];
          e.expected =
              e.field == "index" ? std::to_string(expected[lane]) : std::to_string(expected.size());
          e.actual = e.field == "index" ? std::to_string(kept[lane]) : std::to_string(kept.size());
        }
        first = e;
        break;  // later beats of this round come later
      }
      candidates = round.survivors;
    }
  }
  return first;
}

void ExpectReport(const CosimResult& result, const Expected& e) {
  ASSERT_FALSE(result.passed);
  ASSERT_FALSE(result.mismatches.empty());
  const Mismatch& m = result.mismatches.front();
  EXPECT_EQ(m.cycle, e.cycle);
  EXPECT_EQ(m.stream, e.stream);
  EXPECT_EQ(m.query, e.query);
  EXPECT_EQ(m.round, e.round);
  EXPECT_EQ(m.field, e.field);
  EXPECT_EQ(m.key, e.key);
  if (!e.expected.empty()) {
    EXPECT_EQ(m.expected, e.expected);
  }
  if (!e.actual.empty()) {
    EXPECT_EQ(m.actual, e.actual);
  }
}

std::string Report(const CosimResult& result, const DutModel& model, const CosimOptions& options) {
  return FormatMismatchReport(result, model.shape, options,
                              {"configs/small_nmax.cfg", "synthetic", "scripts/cosim ..."});
}

TEST(FaultTest, CompareGreaterThanLosesTheSurvivorsAtTheThreshold) {
  const DutModel model = models::fault_compare_gt_fu::Model();
  ASSERT_EQ(model.shape.fault, "compare_gt");
  const Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=11", {0, 0});
  const std::optional<Expected> e = FirstLostSurvivor(
      model.shape, s, [](int, int, std::int64_t score, std::int64_t t) { return score == t; });
  ASSERT_TRUE(e.has_value()) << "the workload needs a survivor with S == T";
  const CosimResult result = RunCosim(model, s.workload, s.options);
  ExpectReport(result, *e);
  const std::string report = Report(result, model, s.options);
  for (const char* text : {"FIRST MISMATCH in cycle", "configs/small_nmax.cfg (fault_compare_gt)",
                           "injected fault 'compare_gt'", "reset 1, stall none", "field",
                           "expected", "actual", "reproduce"}) {
    EXPECT_NE(report.find(text), std::string::npos) << text << "\n" << report;
  }
}

TEST(FaultTest, CompareGreaterThanIsCaughtUnderStallsToo) {
  const DutModel model = models::fault_compare_gt_fu::Model();
  Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=11", {0, 0});
  const std::optional<Expected> e = FirstLostSurvivor(
      model.shape, s, [](int, int, std::int64_t score, std::int64_t t) { return score == t; });
  ASSERT_TRUE(e.has_value());
  s.options.stall_seed = 5;
  const CosimResult result = RunCosim(model, s.workload, s.options);
  ASSERT_FALSE(result.passed);
  // Under stalls the cycle is not predicted, but the first wrong transfer is the same one.
  const Mismatch& m = result.mismatches.front();
  EXPECT_EQ(m.stream, e->stream);
  EXPECT_EQ(m.query, e->query);
  EXPECT_EQ(m.round, e->round);
  EXPECT_EQ(m.key, e->key) << Report(result, model, s.options);
}

TEST(FaultTest, FloorThresholdShowsInTheRowProbe) {
  const DutModel model = models::fault_floor_threshold_fu::Model();
  const Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=12", {-64, 32});
  // The first row (by cycle, then round) whose RHS is positive and not a multiple of 256 m:
  // there T = ceil(RHS / 256m) and the faulty divider gives T - 1.
  std::optional<Expected> e;
  for (std::size_t k = 0; k < s.results.size(); ++k) {
    for (int r = 1; r <= model.shape.num_rounds; ++r) {
      const golden::RoundResult& round = s.results[k].rounds[static_cast<std::size_t>(r - 1)];
      const std::int64_t rhs = golden::ThresholdNumerator(
          round.stats, s.options.run.alpha[static_cast<std::size_t>(r - 1)]);
      const std::int64_t cycle = s.timing[k].row_cycle[static_cast<std::size_t>(r - 1)];
      if (rhs > 0 && rhs % (256 * round.stats.m) != 0 && (!e || cycle < e->cycle)) {
        e = Expected{cycle,
                     "r" + std::to_string(r) + "_row",
                     s.results[k].index,
                     r,
                     "t",
                     std::nullopt,
                     std::to_string(round.threshold),
                     std::to_string(round.threshold - 1)};
      }
    }
  }
  ASSERT_TRUE(e.has_value());
  ExpectReport(RunCosim(model, s.workload, s.options), *e);
}

TEST(FaultTest, DroppedTopLaneSurvivor) {
  const DutModel model = models::fault_drop_survivor_fu::Model();
  const int top = model.shape.lanes - 1;
  const Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=13,diffuse=1", {-128, -64});
  const std::optional<Expected> e = FirstLostSurvivor(
      model.shape, s, [top](int, int lane, std::int64_t, std::int64_t) { return lane == top; });
  ASSERT_TRUE(e.has_value());
  ExpectReport(RunCosim(model, s.workload, s.options), *e);
}

TEST(FaultTest, IgnoredBackPressurePassesWithoutStalls) {
  // The fault only matters when a consumer stalls: no stalls, no mismatch. This is why the
  // regression runs stall seeds.
  const DutModel model = models::fault_ignore_ready_fu::Model();
  const Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=14", {-64, 32});
  const CosimResult result = RunCosim(model, s.workload, s.options);
  EXPECT_TRUE(result.passed) << Report(result, model, s.options);
}

TEST(FaultTest, IgnoredBackPressureIsCaughtWithStalls) {
  const DutModel model = models::fault_ignore_ready_fu::Model();
  Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=14", {-64, 32});
  s.options.stall_seed = 3;
  const CosimResult result = RunCosim(model, s.workload, s.options);
  ASSERT_FALSE(result.passed);
  // The beat moves on while its consumer stalls: in the next cycle valid is gone or the data
  // changed, which the stability monitor reports before any value could be compared.
  const Mismatch& m = result.mismatches.front();
  EXPECT_TRUE(std::regex_match(m.stream, std::regex("r[12]_surv"))) << m.stream;
  EXPECT_EQ(m.field, "stability") << Report(result, model, s.options);
  EXPECT_NE(Report(result, model, s.options).find("stall 3"), std::string::npos);
}


TEST(FaultTest, WatchdogTurnsSilenceIntoAReport) {
  // The FU is silent for three cycles long before the fault could show: between the first and
  // the second query handshake (four rows of two keys, one a cycle).
  const DutModel model = models::fault_compare_gt_fu::Model();
  Scenario s = MakeScenario(model.shape, "n=8,nq=4,seed=14", {-64, 32});
  s.options.watchdog_cycles = 2;
  const CosimResult result = RunCosim(model, s.workload, s.options);
  ASSERT_FALSE(result.passed);
  const Mismatch& m = result.mismatches.front();
  EXPECT_EQ(m.stream, "watchdog");
  EXPECT_EQ(m.field, "progress");
  EXPECT_EQ(m.expected, "a transfer within 2 cycles");
  EXPECT_NE(m.detail.find("waiting for"), std::string::npos) << m.detail;
}

TEST(FaultTest, TraceWindowAroundTheFirstMismatch) {
  const DutModel model = models::fault_floor_threshold_fu::Model();
  ASSERT_TRUE(model.shape.traced);
  Scenario s = MakeScenario(model.shape, "n=8,nq=16,seed=12", {-64, 32});
  ScopedTempDir dir;
  s.options.trace_path = dir.File("fail.fst");
  s.options.trace_window = 20;
  const CosimResult result = RunCosim(model, s.workload, s.options);
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(result.trace_error, "");
  EXPECT_EQ(result.trace_path, s.options.trace_path);
  const std::int64_t at = result.mismatches.front().cycle;
  EXPECT_LE(result.trace_first, std::max<std::int64_t>(at - 20, 0));
  EXPECT_GE(result.trace_last, at);
  ASSERT_TRUE(std::filesystem::exists(s.options.trace_path));
  EXPECT_GT(std::filesystem::file_size(s.options.trace_path), 100u);
  EXPECT_NE(Report(result, model, s.options).find("fail.fst: cycles"), std::string::npos);
}

}  // namespace
}  // namespace energon::sim
