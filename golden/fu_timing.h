#pragma once
// The golden timing model of the generated filtering unit: from the configuration and the
// data (the candidate and survivor counts the golden model computes) it predicts the cycle of
// every probe transfer when the FU is never stalled: queries offered back to back from a given
// cycle, every probe and output always ready. docs/fu-microarchitecture.md describes the
// pipeline it models; the co-simulation fails on any transfer in another cycle.

#include <array>
#include <cstdint>
#include <vector>

#include "golden/mp_mrf.h"

namespace energon::golden {

/// The FU parameters that shape its schedule.
struct FuTiming {
  int lanes = 16;  ///< FuLanes
  /// Per round (index r - 1): cycles of the round's threshold divider, the generator's
  /// RoundDerived::div_cycles (params header kRoundDivCycles). The default is the default
  /// configuration's (D = 64, rounds 4x2,4x4: 11 and 13 quotient bits, 2 per cycle).
  std::vector<int> div_cycles{6, 7};
  /// Cycles from the score stage's last write to its done pulse: the register stages of the
  /// statistics' reduction trees over the lanes (FuDerived::stat_latency, kStatLatency). The
  /// default is the default configuration's (16 lanes: two stages of 4).
  int stat_latency = 2;
  /// 1 when the filter ranks its kept lanes in a stage of their own (stage K, after the
  /// compare), which delays its beats and done pulse by a cycle: FuDerived::rank_stage,
  /// kRankStage. The default is the default configuration's (16 lanes).
  int rank_stage = 1;
};

/// One survivor beat of one round: a row of `lanes` candidates that holds survivors, or the
/// row's last beat (possibly empty).
struct SurvivorBeat {
  int row = 0;             ///< the row of candidates (0-based) the beat comes from
  int first = 0;           ///< position in the round's survivor list of the beat's first survivor
  int count = 0;           ///< survivors in the beat
  bool last = false;       ///< the round's last beat for this query
  std::int64_t cycle = 0;  ///< predicted transfer cycle (no stalls)
};

/// Predicted transfers of one query.
struct QueryTiming {
  std::int64_t accept_cycle = 0;                 ///< query handshake on the query port
  std::vector<std::int64_t> row_cycle;           ///< per round: the row-statistics probe
  std::vector<std::vector<SurvivorBeat>> beats;  ///< per round: the survivor beats, in order
  /// The last round's filter done pulse: it has written the query's survivors (and sends its
  /// last beat in the next cycle); a consumer of its output slot may take the slot from the
  /// next cycle on.
  std::int64_t output_done_cycle = 0;
};

/// The beats of one round of one query: the round's candidates are C_{r-1} (m of them, in
/// rows of `lanes`); a row with survivors gives a beat, and the last row always does.
/// `candidates` are C_{r-1} in order, `survivors` C_r. Cycles are left 0.
std::vector<SurvivorBeat> SplitIntoBeats(const std::vector<std::int32_t>& candidates,
                                         const std::vector<std::int32_t>& survivors, int lanes);

/// The FU's schedule, one query at a time, in the order the queries are offered (one head).
/// Cycle k is the k-th rising clock edge after reset is released, counted from 0; a transfer
/// "in cycle k" is sampled valid && ready just before edge k + 1. Example, the default
/// configuration (16 lanes) with 512 keys: query 0 is accepted in `first_cycle`, query 1 32
/// cycles later; in steady state round 1's stages take 32 and 33 cycles a query in turn. Per
/// round and query, with G its rows: the score stage accepted in a is done (its last write)
/// in a+G+2; the filter accepted in f (at the earliest the cycle after that) frees the score
/// slot in f+max(G-2, 1), sends row g's beat in f+g+4+K and is done in f+G+2+K (K the rank
/// stage, 1 at 16 lanes); its division starts in s = max(f+2, the previous row probe) and the
/// row probe is in s+div_cycles+1.
class FuScheduler {
 public:
  /// `fu.div_cycles` must hold `num_rounds` entries; the first query is offered from
  /// `first_cycle` on, and each next one from the cycle after its predecessor's handshake.
  FuScheduler(const FuTiming& fu, int num_rounds, std::int64_t first_cycle);

  /// Schedules the next query: `result` from the golden model, `num_candidates` its |C_0|.
  /// `output_slot_free` is the earliest cycle in which the last round's filter may start this
  /// query because the consumer of its output has freed a slot for it (0: the output never
  /// waits, as with today's FU top, where that filter's free input is tied high).
  /// `query_slot_free` is the earliest cycle in which the query port may take this query
  /// because the query store has a free slot for it (0: never full).
  QueryTiming Next(const QueryResult& result, int num_candidates, std::int64_t output_slot_free = 0,
                   std::int64_t query_slot_free = 0);

 private:
  // Per round, what the next query's stages wait for. Two-entry rings hold the last two
  // queries' events, indexed by query number mod 2 (so before a query overwrites its entry,
  // the entry is that of the query two back).
  struct Round {
    std::int64_t score_free = 0;   // the score stage can take a job (issued its last read)
    std::int64_t filter_free = 0;  // the filter's read side can take a job (issued its last read)
    std::int64_t div_free = 0;     // the filter's previous job has started its division
    std::int64_t probe = 0;        // the filter's previous row probe (the divider is free then)
    std::array<std::int64_t, 2> last_read{};  // score stage's last read: frees its source slot
    std::array<std::int64_t, 2> release{};    // filter frees the score slot (last read but one)
    std::array<std::int64_t, 2> filter_done{};  // filter's done pulse (at most two jobs on the way)
  };

  FuTiming fu_;
  std::int64_t first_cycle_;
  std::int64_t next_query_ = 0;  // earliest handshake of the next query
  std::int64_t count_ = 0;       // queries scheduled
  std::vector<Round> rounds_;
};

/// Predicts the schedule of `results` (one head, queries in the order they are offered) given
/// each query's |C_0| in `num_candidates`, with the first query offered in `first_cycle`:
/// FuScheduler::Next over every query, the output never waiting.
std::vector<QueryTiming> PredictFuTiming(const FuTiming& fu,
                                         const std::vector<QueryResult>& results,
                                         const std::vector<int>& num_candidates,
                                         std::int64_t first_cycle);

/// The busiest-stage bound: every stage of round r (score and filter) handles
/// G_r = ceil(m_r / lanes) rows of a query, one row a cycle, so no schedule beats the stage with
/// the most rows in total. For n = 512 keys, 16 lanes, that is round 1 with 32 rows a query.
struct BusiestStage {
  std::int64_t cycles = 0;                   ///< rows of the busiest stage, over all queries
  int round = 1;                             ///< its round (1-based); the first of equals
  std::vector<std::int64_t> rows_per_round;  ///< every round's total rows
};

/// The busiest-stage bound of `results` with each query's |C_0| in `num_candidates`.
BusiestStage BusiestStageFuCycles(const FuTiming& fu, const std::vector<QueryResult>& results,
                                  const std::vector<int>& num_candidates);

}  // namespace energon::golden
