// The generic stream monitors without a model: the FU's registrations (sim/fu_streams.h) over
// ports held in plain memory, a hand-made query result, observed transfers that differ in one
// field each, and the mismatch records that must come out.
#include "sim/stream_monitor.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <vector>

#include "sim/fu_streams.h"

namespace energon::sim {
namespace {

// One round, two lanes, N_MAX 8 (key index 3 bits, scores 11 bits). Query 5 has candidates
// 0..3 (rows [0 1] [2 3]); T = 2; survivors 0, 1, 3 with scores 2, 5, 3: beat 0 = {0:2, 1:5},
// beat 1 = {3:3} (last).
FuShape Shape() {
  gen::AccelConfig config;
  config.fu.d = 8;
  config.fu.n_max = 8;
  config.fu.fu_lanes = 2;
  config.fu.rounds = {{4, 4}};
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

// The FU's stream ports in memory, as a Verilated model stores them.
class FakePorts {
 public:
  FakePorts() {
    for (const auto& [name, width] :
         std::vector<std::pair<const char*, int>>{{"query_valid_i", 1},
                                                  {"query_ready_o", 1},
                                                  {"query_index_i", 16},
                                                  {"r1_row_valid_o", 1},
                                                  {"r1_row_ready_i", 1},
                                                  {"r1_row_query_o", 16},
                                                  {"r1_row_m_o", 4},
                                                  {"r1_row_sum_o", 15},
                                                  {"r1_row_max_o", 11},
                                                  {"r1_row_min_o", 11},
                                                  {"r1_row_t_o", 11},
                                                  {"r1_surv_valid_o", 1},
                                                  {"r1_surv_ready_i", 1},
                                                  {"r1_surv_query_o", 16},
                                                  {"r1_surv_count_o", 2},
                                                  {"r1_surv_last_o", 1},
                                                  {"r1_surv_index_o", 6},
                                                  {"r1_surv_score_o", 22}}) {
      words_.push_back(std::make_unique<std::array<std::uint64_t, 2>>());
      const PortRef::Storage storage = width <= 8    ? PortRef::Storage::kU8
                                       : width <= 16 ? PortRef::Storage::kU16
                                                     : PortRef::Storage::kU32;
      table_.Bind(name, PortRef(words_.back()->data(), storage, width));
    }
  }
  PortTable& table() { return table_; }
  void Set(const char* name, std::int64_t value) {
    table_.Find(name).Set(static_cast<std::uint64_t>(value));
  }
  // A row probe transfer on the port (valid set).
  void Row(std::int64_t m, std::int64_t sum, std::int64_t max, std::int64_t min, std::int64_t t) {
    Set("r1_row_valid_o", 1);
    Set("r1_row_query_o", 5);
    Set("r1_row_m_o", m);
    Set("r1_row_sum_o", sum);
    Set("r1_row_max_o", max);
    Set("r1_row_min_o", min);
    Set("r1_row_t_o", t);
  }
  // A survivor beat of query 5 on the port (valid set).
  void Beat(std::vector<std::int64_t> index, std::vector<std::int64_t> score, bool last) {
    Set("r1_surv_valid_o", 1);
    Set("r1_surv_query_o", 5);
    Set("r1_surv_count_o", static_cast<std::int64_t>(index.size()));
    Set("r1_surv_last_o", last ? 1 : 0);
    index.resize(2, 0);
    score.resize(2, 0);
    PortRef i = table_.Find("r1_surv_index_o"), s = table_.Find("r1_surv_score_o");
    for (int l = 0; l < 2; ++l) {
      i.SetBits(3 * l, 3, static_cast<std::uint64_t>(index[static_cast<std::size_t>(l)]));
      s.SetBits(11 * l, 11, static_cast<std::uint64_t>(score[static_cast<std::size_t>(l)]));
    }
  }

 private:
  std::vector<std::unique_ptr<std::array<std::uint64_t, 2>>> words_;
  PortTable table_;
};

// The FU's monitors over FakePorts: [0] query, [1] r1_row, [2] r1_surv, every output ready.
struct Streams {
  explicit Streams(const golden::QueryTiming* timing = nullptr) : fu(Shape(), ports.table()) {
    fu.Expect(0, Result(), 4, timing);
    for (StreamMonitor* m : fu.monitors()) m->SetReady(true);
  }
  StreamMonitor& query() { return *fu.monitors()[0]; }
  StreamMonitor& row() { return *fu.monitors()[1]; }
  StreamMonitor& surv() { return *fu.monitors()[2]; }
  // Samples `monitor` in `cycle` with only its own valid up.
  void Sample(StreamMonitor& monitor, std::int64_t cycle) {
    monitor.Sample(cycle, false, out);
    ports.Set("query_valid_i", 0);
    ports.Set("r1_row_valid_o", 0);
    ports.Set("r1_surv_valid_o", 0);
  }
  FakePorts ports;
  FuStreams fu;
  std::vector<Mismatch> out;
};

TEST(StreamMonitorTest, MatchingTransfersLeaveNothing) {
  Streams s;
  s.ports.Set("query_valid_i", 1);
  s.ports.Set("query_ready_o", 1);
  s.ports.Set("query_index_i", 5);
  s.Sample(s.query(), 3);
  s.ports.Row(4, 11, 5, 1, 2);
  s.Sample(s.row(), 10);
  s.ports.Beat({0, 1}, {2, 5}, false);
  s.Sample(s.surv(), 11);
  EXPECT_FALSE(s.surv().Done());
  s.ports.Beat({3}, {3}, true);
  s.Sample(s.surv(), 12);
  EXPECT_TRUE(s.out.empty()) << s.out.front().field;
  std::int64_t checked = 0;
  for (StreamMonitor* m : s.fu.monitors()) {
    EXPECT_TRUE(m->Done()) << m->name();
    checked += m->checked();
  }
  EXPECT_EQ(checked, 4);
}

TEST(StreamMonitorTest, NamesTheFirstDifferingFieldInSurvivorOrder) {
  struct Case {
    std::vector<std::int64_t> index, score;
    bool last;
    const char* field;
    std::optional<int> lane;
    std::optional<std::int64_t> key;
    const char* expected;
    const char* actual;
  };
  // Lane by lane index and score, then the count (the key: the first survivor missing), then
  // last.
  const Case cases[] = {
      {{0, 2}, {2, 5}, false, "index", 1, 1, "1", "2"},
      {{0, 1}, {2, 4}, false, "score", 1, 1, "5", "4"},
      {{0}, {2}, false, "count", 1, 1, "2", "1"},
      {{0, 1}, {2, 5}, true, "last", std::nullopt, std::nullopt, "0", "1"},
  };
  for (const Case& c : cases) {
    Streams s;
    s.ports.Beat(c.index, c.score, c.last);
    s.Sample(s.surv(), 11);
    ASSERT_EQ(s.out.size(), 1u) << c.field;
    const Mismatch& m = s.out[0];
    EXPECT_EQ(m.stream, "r1_surv");
    EXPECT_EQ(m.cycle, 11);
    EXPECT_EQ(m.query, 5);
    EXPECT_EQ(m.round, 1);
    EXPECT_EQ(m.beat, 0);
    EXPECT_EQ(m.field, c.field);
    EXPECT_EQ(m.lane, c.lane) << c.field;
    EXPECT_EQ(m.key, c.key) << c.field;
    EXPECT_EQ(m.expected, c.expected);
    EXPECT_EQ(m.actual, c.actual);
  }
  Streams s;
  s.ports.Beat({0, 1}, {2, 5}, false);
  s.Sample(s.surv(), 11);
  s.ports.Beat({3}, {4}, true);
  s.Sample(s.surv(), 12);
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].beat, 1) << "beats are numbered within their query";
  EXPECT_EQ(s.out[0].detail,
            "  expected    beat 1: query 5 count 1 last 1 index:score [3:3]\n"
            "  actual      query 5 count 1 last 1 index:score [3:4] in cycle 12");
}

TEST(StreamMonitorTest, RowFieldsInOrder) {
  Streams s;
  s.ports.Row(4, 11, 5, 0, 1);
  s.Sample(s.row(), 10);
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].stream, "r1_row");
  EXPECT_EQ(s.out[0].round, 1);
  EXPECT_FALSE(s.out[0].beat.has_value());
  EXPECT_EQ(s.out[0].field, "min") << "min is compared before t";
  EXPECT_EQ(s.out[0].expected, "1");
  EXPECT_EQ(s.out[0].actual, "0");
}

TEST(StreamMonitorTest, PredictedCyclesAreExact) {
  golden::QueryTiming timing;
  timing.accept_cycle = 3;
  timing.row_cycle = {10};
  timing.beats = {{{0, 0, 2, false, 12}, {1, 2, 1, true, 13}}};
  Streams s(&timing);
  s.ports.Set("query_valid_i", 1);
  s.ports.Set("query_ready_o", 0);
  s.Sample(s.query(), 2);
  s.query().CheckDue(3, false, s.out);  // the handshake was due in cycle 3
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].stream, "query");
  EXPECT_EQ(s.out[0].field, "transfer");
  EXPECT_EQ(s.out[0].expected, "query 5 in cycle 3");
  EXPECT_EQ(s.out[0].actual, "none (valid 0, ready 0)");
  s.out.clear();
  s.ports.Row(4, 11, 5, 1, 2);
  s.Sample(s.row(), 10);
  s.surv().CheckDue(11, false, s.out);
  EXPECT_TRUE(s.out.empty());
  s.surv().CheckDue(12, false, s.out);  // beat 0 was due in cycle 12
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].field, "transfer");
  EXPECT_EQ(s.out[0].key, 0);
  EXPECT_EQ(s.out[0].expected, "query 5 count 2 last 0 index:score [0:2 1:5] in cycle 12");
  s.out.clear();
  s.ports.Beat({0, 1}, {2, 5}, false);
  s.Sample(s.surv(), 13);  // one cycle late
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].field, "cycle");
  EXPECT_EQ(s.out[0].key, 0);
  EXPECT_EQ(s.out[0].expected, "12");
  EXPECT_EQ(s.out[0].actual, "13");
}

TEST(StreamMonitorTest, TransfersBeyondTheExpectedOnesAreMismatches) {
  FakePorts ports;
  FuStreams fu(Shape(), ports.table());
  for (StreamMonitor* m : fu.monitors()) m->SetReady(true);
  std::vector<Mismatch> out;
  ports.Beat({7}, {1}, true);
  ports.Row(4, 11, 5, 1, 2);
  ports.Set("query_valid_i", 1);
  ports.Set("query_ready_o", 1);
  for (StreamMonitor* m : fu.monitors()) EXPECT_TRUE(m->Sample(20, false, out)) << m->name();
  ASSERT_EQ(out.size(), 3u);
  for (const Mismatch& m : out) {
    EXPECT_EQ(m.field, "transfer");
    EXPECT_EQ(m.expected, "none (every expected transfer already happened)");
  }
  EXPECT_EQ(out[2].stream, "r1_surv");
  EXPECT_EQ(out[2].key, 7);
  EXPECT_EQ(out[2].query, 5);
  EXPECT_EQ(out[2].round, 1);
  EXPECT_EQ(out[2].actual, "query 5 count 1 last 1 index:score [7:1]");
}

TEST(StreamMonitorTest, AStalledTransferStaysAsItIs) {
  Streams s;
  s.surv().SetReady(false);
  s.ports.Beat({0, 1}, {2, 5}, false);
  s.surv().Sample(7, false, s.out);
  s.ports.Beat({0, 1}, {2, 6}, false);  // the data changes while stalled
  s.surv().Sample(8, false, s.out);
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].field, "stability");
  EXPECT_EQ(s.out[0].stream, "r1_surv");
  EXPECT_EQ(s.out[0].query, 5);
  EXPECT_EQ(s.out[0].round, 1);
  EXPECT_EQ(s.out[0].actual, "a different transfer");
  s.out.clear();
  s.ports.Set("r1_surv_valid_o", 0);  // valid drops while stalled
  s.surv().Sample(9, false, s.out);
  ASSERT_EQ(s.out.size(), 1u);
  EXPECT_EQ(s.out[0].field, "stability");
  EXPECT_EQ(s.out[0].actual, "valid 0");
}

TEST(StreamMonitorTest, RegistrationsNameTheirFields) {
  FakePorts ports;
  EXPECT_THROW(StreamMonitor(StreamSpec{.name = "x",
                                        .valid_port = "r1_surv_valid_o",
                                        .fields = {{"query", "r1_surv_query_o"}},
                                        .count_field = "count"},
                             ports.table()),
               std::logic_error);
  EXPECT_THROW(
      StreamMonitor(StreamSpec{.name = "x", .valid_port = "no_such_port_o"}, ports.table()),
      std::logic_error);
}

}  // namespace
}  // namespace energon::sim
