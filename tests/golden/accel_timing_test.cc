// The accelerator's timing model (golden/accel_timing.h): one query through the AU worked by
// hand, the query store holding the port, and a head that starts while the AU still drains.
#include "golden/accel_timing.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/golden/query_result_of.h"

namespace energon::golden {
namespace {

constexpr auto Result = testing::QueryResultOf;

// The FU of FuSchedulerTest.OneQueryByHand (4 lanes, dividers of 2 and 3 cycles; 10 keys, 4
// survive round 1, 2 round 2: its last filter's done pulse in 121, probes in 112 and 124); an
// AU of 2 lanes everywhere, memory latency 4.
const FuTiming kFu{4, {2, 3}, 1, 0};
AuTiming Au(int div_groups, int query_slots) {
  AuTiming au;
  au.au_lanes = 2;
  au.pv_lanes = 2;
  au.fetch_rows = 2;
  au.div_groups = div_groups;
  au.div_latency = 18;
  au.logit_latency = 3;  // D <= 4: the taken rows, the half products, one adder level
  au.max_latency = 0;    // 2 lanes and the running maximum: one group, no register stage
  au.mem_latency = 4;
  au.query_slots = query_slots;
  return au;
}
const QueryResult kQuery = Result(0, {{1, 2, 5, 9}, {2, 9}});

TEST(AccelSchedulerTest, OneQueryByHand) {
  AccelScheduler scheduler(kFu, Au(2, 4));
  scheduler.StartHead(2, 100);
  const AccelQueryTiming t = scheduler.Next(kQuery, 10);
  EXPECT_EQ(t.fu.output_done_cycle, 121);
  // Fetch accepts in 122, sends its one request in 123 and frees the survivor slot with it.
  EXPECT_EQ(t.au.request, (std::vector<std::int64_t>{123}));
  // The FU is idle once the slot is free (124) and round 2's probe has gone (124): from 125.
  EXPECT_EQ(scheduler.FuIdleCycle(), 125);
  // Logit accepts in 123; the response is valid from 127 and taken there: its rows in 128, the
  // half products in 129, the sum (the write, the beat and the done pulse) in 130.
  EXPECT_EQ(t.au.response, (std::vector<std::int64_t>{127}));
  EXPECT_EQ(t.au.logit, (std::vector<std::int64_t>{130}));
  // Softmax accepts in 131 and reads its one window: gap in 132, half products in 133, their
  // sum in 134, u in 135, p in 136, the p beat in 137, the products and done in 138, Z in 139.
  EXPECT_EQ(t.au.p, (std::vector<std::int64_t>{137}));
  EXPECT_EQ(t.au.z, 139);
  // Divide accepts in 139: two groups, the output 18 cycles after the last one's issue.
  EXPECT_EQ(t.au.out, 139 + 1 + 18);
}

TEST(AccelSchedulerTest, TheMaximumsRegisterStagesDelayTheSoftmax) {
  // Four logit lanes and the running maximum do not fit one group of 4: one register stage
  // between the last write (130) and the done pulse, so the softmax accepts in 132.
  AuTiming au = Au(2, 4);
  au.au_lanes = 4;
  au.max_latency = 1;
  AccelScheduler scheduler(kFu, au);
  scheduler.StartHead(2, 100);
  const AccelQueryTiming t = scheduler.Next(kQuery, 10);
  EXPECT_EQ(t.au.logit, (std::vector<std::int64_t>{130}));
  EXPECT_EQ(t.au.p, (std::vector<std::int64_t>{138}));
  EXPECT_EQ(t.au.z, 140);
}

TEST(AccelSchedulerTest, AFullQueryStoreHoldsTheQueryPort) {
  // One slot: query 1 waits for query 0's last logit sub-beat (127) and is taken in 128.
  AccelScheduler one(kFu, Au(2, 1));
  one.StartHead(2, 100);
  one.Next(kQuery, 10);
  EXPECT_EQ(one.Next(Result(1, {{1, 2, 5, 9}, {2, 9}}), 10).fu.accept_cycle, 128);
  // With two slots it is taken when round 1's score stage can take it.
  AccelScheduler two(kFu, Au(2, 2));
  two.StartHead(2, 100);
  two.Next(kQuery, 10);
  EXPECT_LT(two.Next(Result(1, {{1, 2, 5, 9}, {2, 9}}), 10).fu.accept_cycle, 128);
}

TEST(AccelSchedulerTest, MoreContextsLetTheFetchRunFurtherAheadOfASlowMemory) {
  // Memory latency 40: the logit stage holds each query until its responses come, and the
  // fetch stage takes query k once the logit stage has taken query k - fetch_ahead.
  const auto fourth_request = [](int fetch_ahead) {
    AuTiming au = Au(2, 8);
    au.mem_latency = 40;
    au.fetch_ahead = fetch_ahead;
    AccelScheduler scheduler(kFu, au);
    scheduler.StartHead(2, 100);
    std::int64_t request = 0;
    for (int k = 0; k < 4; ++k) {
      request = scheduler.Next(Result(k, {{1, 2, 5, 9}, {2, 9}}), 10).au.request.front();
    }
    return request;
  };
  // Two contexts: query 3 waits for the logit stage to take query 1, after query 0's response
  // (its request in 123, answered in 163); four: it goes as soon as the FU has it.
  EXPECT_GT(fourth_request(2), 163);
  EXPECT_LT(fourth_request(4), 163);
}

TEST(AccelSchedulerTest, TheNextHeadStartsWhileTheAuDrains) {
  // A slow division (40 groups): head 0's query divides in 139..178, its output in 196.
  AccelScheduler scheduler(kFu, Au(40, 4));
  scheduler.StartHead(2, 100);
  EXPECT_EQ(scheduler.Next(kQuery, 10).au.out, 139 + 39 + 18);
  // Head 1 (one key row) starts at once: query offered in 126, through softmax by 164 (Z in
  // 165); the divide stage is still busy with head 0 until 179.
  scheduler.StartHead(2, scheduler.FuIdleCycle() + 1);
  const AccelQueryTiming t = scheduler.Next(kQuery, 10);
  EXPECT_EQ(t.fu.accept_cycle, 126);
  EXPECT_EQ(t.au.z, 165);
  EXPECT_EQ(t.au.out, 179 + 39 + 18);
  // A fresh schedule of the same head (offered in 126) would divide from 165 on.
  EXPECT_EQ(PredictAccelTiming(kFu, Au(40, 4), {kQuery}, {10}, 126)[0].au.out, 165 + 39 + 18);
}

}  // namespace
}  // namespace energon::golden
