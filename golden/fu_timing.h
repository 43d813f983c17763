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
  int lanes = 16;       ///< FuLanes
  int div_cycles = 13;  ///< quotient bits of the threshold divider (derived DivCycles)
};

/// One survivor beat of one round: a row of `lanes` candidates that holds survivors, or the
/// row's last beat (possibly empty).
struct SurvivorBeat {
  int row = 0;            ///< the row of candidates (0-based) the beat comes from
  int first = 0;          ///< position in the round's survivor list of the beat's first survivor
  int count = 0;          ///< survivors in the beat
  bool last = false;      ///< the round's last beat for this query
  std::int64_t cycle = 0; ///< predicted transfer cycle (no stalls)
};

/// Predicted transfers of one query.
struct QueryTiming {
  std::int64_t accept_cycle = 0;                 ///< query handshake on the query port
  std::int64_t done_cycle = 0;  ///< the last round's filter done pulse: the survivors are written
  std::vector<std::int64_t> row_cycle;           ///< per round: the row-statistics probe
  std::vector<std::vector<SurvivorBeat>> beats;  ///< per round: the survivor beats, in order
};

/// The beats of one round of one query: the round's candidates are C_{r-1} (m of them, in
/// rows of `lanes`); a row with survivors gives a beat, and the last row always does.
/// `candidates` are C_{r-1} in order, `survivors` C_r. Cycles are left 0.
std::vector<SurvivorBeat> SplitIntoBeats(const std::vector<std::int32_t>& candidates,
                                         const std::vector<std::int32_t>& survivors, int lanes);

/// The FU's schedule one query at a time, so that a consumer's model can be interleaved: the
/// last round's filter starts query k only from `output_slot_free`, the cycle from which the
/// consumer of its two-slot output has freed the slot query k writes.
class FuScheduler {
 public:
  FuScheduler(const FuTiming& fu, int num_rounds, std::int64_t first_cycle);
  /// The next query's transfers, given its |C_0|.
  QueryTiming Next(const QueryResult& result, int num_candidates, std::int64_t output_slot_free = 0);

 private:
  FuTiming fu_;
  std::size_t num_rounds_;
  std::size_t k_ = 0;  // queries scheduled so far
  // Per round: the done pulses of the last two queries (index k % 2), and the idle cycles.
  std::vector<std::array<std::int64_t, 2>> score_done_, filter_done_;
  std::vector<std::int64_t> score_idle_, filter_idle_;
};

/// Predicts the schedule of `results` (one head, queries in the order they are offered) given
/// each query's |C_0| in `num_candidates`, with the first query offered in `first_cycle`.
/// Cycle k is the k-th rising clock edge after reset is released, counted from 0; a transfer
/// "in cycle k" is sampled valid && ready just before edge k + 1.
std::vector<QueryTiming> PredictFuTiming(const FuTiming& fu, const std::vector<QueryResult>& results,
                                         const std::vector<int>& num_candidates,
                                         std::int64_t first_cycle);

/// The ideal bound: sum over rounds of ceil(m_r / lanes) per query, the cycles the rounds'
/// work needs with `lanes` keys per cycle and no overhead.
std::int64_t IdealFuCycles(const FuTiming& fu, const std::vector<QueryResult>& results,
                           const std::vector<int>& num_candidates);

}  // namespace energon::golden
