#pragma once
// The filtering unit's side of the co-simulation: a generic monitor (sim/stream_monitor.h) per
// FU stream, with the transfers the golden model and its timing model expect on each: the
// query handshakes (an input stream, observed), and with probes every round's row statistics
// r<r>_row (query, m, Sum, Max, Min, T) and survivor beats r<r>_surv (query, count, last, then
// each lane's index and score).

#include <memory>
#include <vector>

#include "golden/fu_timing.h"
#include "golden/mp_mrf.h"
#include "sim/dut.h"
#include "sim/stream_monitor.h"

namespace energon::sim {

class FuStreams {
 public:
  FuStreams(const FuShape& shape, PortTable& ports);

  /// Appends the transfers of one query (offered after every query added before it) with
  /// |C_0| = `num_candidates`; `timing` (may be null) gives predicted cycles.
  void Expect(int head, const golden::QueryResult& result, int num_candidates,
              const golden::QueryTiming* timing);

  /// The query handshakes first, then round by round the row probe and the survivor beats.
  [[nodiscard]] std::vector<StreamMonitor*> monitors();

 private:
  FuShape shape_;
  std::unique_ptr<StreamMonitor> queries_;
  std::vector<std::unique_ptr<StreamMonitor>> rows_, survivors_;  // per round, with probes
};

}  // namespace energon::sim
