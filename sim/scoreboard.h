#pragma once
// The scoreboard: every transfer the golden model expects on the FU's probe streams (the AU's
// are generic monitors, sim/au_streams.h), in order, and the check of each observed transfer against the next expected one.
// With predicted cycles (no stalls) a transfer in any other cycle, or a cycle passing without
// a due transfer, is a mismatch too.

#include <cstdint>
#include <string>
#include <vector>

#include "golden/fu_timing.h"
#include "golden/mp_mrf.h"
#include "sim/dut.h"
#include "sim/fu_ports.h"
#include "sim/mismatch.h"

namespace energon::sim {

/// One expected row-statistics transfer.
struct ExpectedRow {
  int head = 0;
  int query = 0;
  golden::RowStats stats;
  std::int64_t t = 0;
  std::int64_t cycle = -1;  ///< predicted transfer cycle; -1 when not timed
};

/// One expected survivor beat.
struct ExpectedBeat {
  int head = 0;
  int query = 0;
  int beat = 0;  ///< number within the query's round
  int row = 0;   ///< the candidate row it comes from
  bool last = false;
  std::vector<std::int32_t> index;  ///< the beat's survivors (count = size)
  std::vector<std::int64_t> score;
  std::int64_t cycle = -1;
};

/// One expected query handshake.
struct ExpectedAccept {
  int head = 0;
  int query = 0;
  std::int64_t cycle = -1;
};

class Scoreboard {
 public:
  Scoreboard(const FuShape& shape, int num_heads);

  /// Appends the transfers of one query (offered after every query added before it).
  /// `timing` (may be null) gives predicted cycles.
  void Expect(int head, const golden::QueryResult& result, int num_candidates,
              const golden::QueryTiming* timing);

  // Checks of observed transfers in `cycle`: each appends what differs to `out`.
  void OnQueryAccept(std::int64_t cycle, int query, std::vector<Mismatch>& out);
  void OnRow(int round, const RowSample& sample, std::int64_t cycle, std::vector<Mismatch>& out);
  void OnSurv(int round, const SurvSample& sample, std::int64_t cycle, std::vector<Mismatch>& out);
  /// After the transfers of `cycle`: every predicted transfer due by `cycle` that did not
  /// happen (field "transfer", actual "none").
  void CheckDue(std::int64_t cycle, std::vector<Mismatch>& out);

  /// Every expected transfer happened.
  [[nodiscard]] bool Done() const;
  /// The next expected transfer of every unfinished stream, one per line.
  [[nodiscard]] std::string Pending() const;
  /// The last predicted cycle of any expected transfer so far (-1 if none is timed).
  [[nodiscard]] std::int64_t last_predicted_cycle() const { return last_predicted_; }
  [[nodiscard]] std::int64_t transfers_checked() const { return checked_; }

 private:
  template <typename T>
  struct Queue {
    std::vector<T> items;
    std::size_t next = 0;
    [[nodiscard]] bool empty() const { return next == items.size(); }
  };

  [[nodiscard]] const std::string& StreamName(int round, bool row) const;
  [[nodiscard]] Mismatch Base(std::int64_t cycle, const std::string& stream, int head, int query,
                              int round) const;

  FuShape shape_;
  bool multi_head_ = false;
  Queue<ExpectedAccept> accepts_;
  std::vector<Queue<ExpectedRow>> rows_;    // per round; empty without probes
  std::vector<Queue<ExpectedBeat>> beats_;  // per round; only the last without probes
  std::vector<std::string> names_;          // "r1_row", "r1_surv", "r2_row", ...
  std::int64_t last_predicted_ = -1;
  std::int64_t checked_ = 0;
};

/// "query 3 m 64 sum -120 max 17 min -21 t 2"
std::string FormatRow(const RowSample& row);
/// "query 3 count 2 last 0 [12:5 15:7]" (index:score of the survivors)
std::string FormatBeat(const SurvSample& beat);

}  // namespace energon::sim
