#pragma once
// A mismatch record: what the harness found wrong in one cycle. The per-cycle path returns
// these instead of throwing; the first one of a run is its report.

#include <cstdint>
#include <optional>
#include <string>

namespace energon::sim {

struct Mismatch {
  std::int64_t cycle = 0;  ///< cycle k: the transfer sampled just before rising edge k + 1
  /// Where: "r1_surv", "r2_row", "query", "kload", "idle" or "watchdog".
  std::string stream;
  std::optional<int> head;          ///< attention head, when the workload has several
  std::optional<int> query;         ///< query index i
  std::optional<int> round;         ///< filtering round r, 1-based
  std::optional<int> beat;          ///< the beat's number within the query's round, 0-based
  std::optional<int> lane;          ///< lane of a survivor beat
  std::optional<std::int64_t> key;  ///< the key index j the difference is about
  /// What differs: "query", "m", "sum", "max", "min", "t", "index", "score", "count", "last",
  /// "cycle" (a transfer in another cycle than predicted), "transfer" (none when one was
  /// due, or one when none was), "stability" (valid or data changed while stalled),
  /// "ready", "idle_o" or "progress" (the watchdog).
  std::string field;
  std::string expected;
  std::string actual;
  std::string detail;  ///< the whole expected and actual transfer, for the report
};

}  // namespace energon::sim
