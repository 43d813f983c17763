#pragma once
// The golden timing model of the whole accelerator: the FU's schedule (golden/fu_timing.h)
// interleaved query by query with the attention unit's (docs/au-microarchitecture.md). From
// the configuration, the data (candidate and survivor counts) and the memory port's fixed
// latency it predicts the cycle of every transfer when the harness never stalls: queries
// offered back to back, every probe and output always ready, every memory request taken at
// once and answered `mem_latency` cycles later (in order, one response per cycle).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "golden/fu_timing.h"
#include "golden/mp_mrf.h"

namespace energon::golden {

/// The AU parameters that shape its schedule.
struct AuTiming {
  int au_lanes = 4;      ///< logits per cycle
  int pv_lanes = 4;      ///< survivors into p * V per cycle
  int fetch_rows = 4;    ///< keys per memory request
  int div_groups = 4;    ///< issue cycles of one query's division, ceil(D / div lanes)
  int div_latency = 19;  ///< cycles from a division group's issue to the output beat
  /// Cycles from the logit stage's take of a sub-beat to its logit beat (and its write): the
  /// taken rows, the products and the adder levels (AuDerived::logit_latency).
  int logit_latency = 3;
  /// Cycles from the logit stage's last write to its done pulse: the register stages of the
  /// maximum's reduction tree over the lanes (AuDerived::max_latency, kMaxLatency).
  int max_latency = 1;
  /// Adder levels of the softmax's p * V sum before the accumulation (AuDerived::pv_levels):
  /// 0 while Pv <= 7.
  int pv_levels = 0;
  int mem_latency = 4;   ///< memory: a request taken in cycle c is answered from c + latency
  /// Slots of the FU's query store (TopDerived::query_slots): query k is accepted only once
  /// query k - slots has left the logit stage, whose last sub-beat frees its slot. 0: no limit.
  int query_slots = 10;
  /// Query contexts between fetch and logit (AuDerived::fetch_ahead): the fetch stage takes
  /// query k once the logit stage has taken query k - fetch_ahead.
  int fetch_ahead = 4;
};

/// How a query's m survivors are cut into transfers (all in survivor order).
std::vector<int> RequestCounts(int m, const AuTiming& au);    ///< keys per memory request
std::vector<int> LogitBeatCounts(int m, const AuTiming& au);  ///< logits per logit beat
std::vector<int> PBeatCounts(int m, const AuTiming& au);      ///< p values per p beat

/// Predicted AU transfers of one query.
struct AuQueryTiming {
  std::vector<std::int64_t> request;   ///< memory requests
  std::vector<std::int64_t> response;  ///< memory responses (the cycle the AU takes each)
  std::vector<std::int64_t> logit;     ///< logit probe beats
  std::vector<std::int64_t> p;         ///< p probe beats
  std::int64_t z = 0;                  ///< Z probe
  std::int64_t out = 0;                ///< output row
};

struct AccelQueryTiming {
  QueryTiming fu;
  AuQueryTiming au;
};

/// One pipeline stage's work: the cycles it needs per query at full rate (its items over its
/// lanes), averaged over the queries. The busiest stage bounds the throughput.
struct StageLoad {
  std::string name;  ///< e.g. "FU round 1", "AU fetch"
  double cycles_per_query = 0.0;
};

/// Every stage's load over `results` (per head, per query) with each query's |C_0| in
/// `num_candidates` (same nesting), D = `d`, FuLanes = `fu.lanes`: the FU rounds (rows of L
/// candidates, score and filter alike), the AU's fetch (requests; the memory port takes one
/// per cycle), logit (sub-beats of A), softmax (windows of Pv) and divide (groups of P).
std::vector<StageLoad> StageLoads(const FuTiming& fu, const AuTiming& au,
                                  const std::vector<std::vector<QueryResult>>& results,
                                  const std::vector<std::vector<int>>& num_candidates);
/// The busiest of `loads` (the first of equals).
const StageLoad& BusiestOf(const std::vector<StageLoad>& loads);

/// The accelerator's schedule, query by query, over the heads of a run. Between heads the K
/// store is reloaded once the FU is idle while the AU may still drain the previous head:
/// StartHead gives the cycle the new head's first query is offered, and the AU's state carries
/// over. Query k (counted over the run) uses the two-slot buffers query k - 2 freed and the
/// query-store slot query k - S freed.
class AccelScheduler {
 public:
  AccelScheduler(const FuTiming& fu, const AuTiming& au);

  /// A new head with `num_rounds` rounds: its first query is offered in `first_cycle`, which
  /// must not be before FuIdleCycle().
  void StartHead(int num_rounds, std::int64_t first_cycle);
  /// Schedules the next query of the current head: `result` from the golden model,
  /// `num_candidates` its |C_0|.
  AccelQueryTiming Next(const QueryResult& result, int num_candidates);
  /// The first cycle in which the FU is idle (kload_ready_o) after the queries scheduled so
  /// far: their survivor slots freed by the fetch stage and every row probe sent.
  [[nodiscard]] std::int64_t FuIdleCycle() const { return fu_idle_; }

 private:
  FuTiming fu_;
  AuTiming au_;
  std::optional<FuScheduler> fu_scheduler_;
  std::size_t count_ = 0;  // queries scheduled over the run
  // Per stage: when it is idle again, and (ring of two) when query k-2 freed its output slot.
  std::int64_t fetch_idle_ = 0, logit_idle_ = 0, softmax_idle_ = 0, divide_idle_ = 0;
  std::array<std::int64_t, 2> survivor_free_{0, 0}, logit_free_{0, 0}, acc_free_{0, 0};
  // Ring of the context FIFO's entries: the cycle from which query k - fetch_ahead's is free.
  std::vector<std::int64_t> context_free_;
  std::int64_t last_response_ = -1;  // the cycle the previous response was taken
  std::int64_t fu_idle_ = 0;
  // Ring of the query store's slots: the cycle from which query k - S's slot is free again.
  std::vector<std::int64_t> query_slot_free_;
};

/// Predicts the schedule of `results` (one head, queries in the order they are offered, the
/// first offered in `first_cycle`), each query's |C_0| in `num_candidates`.
std::vector<AccelQueryTiming> PredictAccelTiming(const FuTiming& fu, const AuTiming& au,
                                                 const std::vector<QueryResult>& results,
                                                 const std::vector<int>& num_candidates,
                                                 std::int64_t first_cycle);

}  // namespace energon::golden
