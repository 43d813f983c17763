#pragma once
// The co-simulation: drives one model with a workload, one clock cycle at a time, and checks
// every transfer on the accelerator's output, memory and probe streams against the golden model
// the moment it happens (docs/cosim.md).
//
// Cycle numbering follows golden/fu_timing.h: cycle k is the k-th rising edge after reset is
// released, counted from 0, and a transfer "in cycle k" is valid && ready sampled just before
// edge k + 1. The harness drives the inputs of cycle k after edge k, lets them settle on the
// falling edge, samples, then applies edge k + 1.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "golden/accel_timing.h"
#include "golden/accuracy.h"
#include "golden/mp_mrf.h"
#include "golden/workload.h"
#include "sim/dut.h"
#include "sim/mismatch.h"
#include "sim/stall.h"

namespace energon::sim {

struct CosimOptions {
  golden::RunParams run;  ///< A_r per round, causal mask, n_k (0 = every K row)
  /// Seed of the random input gaps and output back-pressure. Without one nothing stalls and
  /// every transfer must happen in the cycle the timing model predicts.
  std::optional<std::uint64_t> stall_seed;
  StallProfile stall_profile;
  std::uint32_t reset_seed = 1;      ///< Verilator's reset randomization seed, 1..2^31-1
  bool check = true;                 ///< false: drive only (measures the bare model speed)
  std::int64_t watchdog_cycles = 0;  ///< cycles without any transfer that end the run; 0: auto
  std::string trace_path;            ///< write an FST trace around the first mismatch here
  std::int64_t trace_window = 200;   ///< cycles of trace before (and a quarter after) it
  int mem_latency = 4;               ///< memory responder: cycles from request to response
  // Heads after the first (docs/cosim.md, "Heads"). F is the first cycle in which kload_ready_o
  // is high after the previous head's last query was taken.
  /// The next head's first K row is offered from cycle F + kload_at (>= 0, so it loads then);
  /// kKloadEarly: from the cycle after the previous head's last query handshake, held while the
  /// FU still filters that head, until the FU takes it in cycle F.
  int kload_at = 1;
  static constexpr int kKloadEarly = -1;
  static constexpr int kMaxDelay = 1000;  ///< the largest kload_at and config_at
  /// The next head's cfg_* inputs (its run parameters and softmax scale) change in cycle
  /// F + config_at (>= 0); its first query is offered two cycles after that at the earliest
  /// (the SDC's rule for the quasi-static inputs).
  int config_at = 0;
  /// The run parameters of heads 1, 2, ... (the last one repeats); empty: every head runs `run`.
  std::vector<golden::RunParams> head_runs;
  /// Asserts rst_ni in this cycle (in the middle of the traffic), holds it for four cycles, and
  /// then runs the whole workload again, expected and timed afresh from the release.
  std::optional<std::int64_t> reset_at;
  /// Called about once a second of wall time during a run: cycles so far, output rows so far
  /// and in all. Empty: no progress reports.
  std::function<void(std::int64_t cycle, int outputs, int queries)> progress;
};

struct CosimResult {
  bool passed = false;
  /// The mismatches of the first cycle that had any, the first of them is the report.
  std::vector<Mismatch> mismatches;
  int heads = 0;
  int queries = 0;                ///< over all heads
  std::int64_t cycles = 0;        ///< simulated cycles after reset
  std::int64_t query_cycles = 0;  ///< first query offered to last transfer, per head, summed
  std::vector<golden::StageLoad> stage_loads;  ///< every stage's cycles per query at full rate
  std::vector<double> keep_ratio;     ///< per round: sum |C_r| / sum |C_0|
  double candidates_per_query = 0.0;  ///< mean |C_0|, the keys dense attention would read
  double survivors_per_query = 0.0;   ///< mean |C_R|, the keys the AU fetches
  golden::OutputAccuracy accuracy;    ///< of the RTL's output rows against dense float
  std::int64_t first_query_cycle = 0;  ///< the cycle the first query is offered
  std::int64_t last_output_cycle = -1; ///< the cycle of the last output row
  std::int64_t reset_cycle = -1;  ///< the cycle rst_ni was asserted in (reset_at), -1: none
  std::int64_t transfers_checked = 0;
  std::int64_t rows_fetched = 0;  ///< K and V rows the AU fetched (each 2 x 16 D bits)
  /// The output rows the RTL produced, per head, per query (empty where none came).
  std::vector<std::vector<std::vector<std::int64_t>>> outputs;
  double seconds = 0.0;              ///< wall time of the cycle loop
  bool timed = false;                ///< cycle-exact checking (no stall seed)
  std::int64_t watchdog_cycles = 0;  ///< the limit that applied
  // The trace around the first mismatch, when one was asked for.
  std::string trace_path;
  std::int64_t trace_first = 0;
  std::int64_t trace_last = 0;
  std::string trace_error;  ///< why no trace was written
};

/// The run parameters of heads 1 .. heads-1 that --vary-config gives: head h runs alpha
/// (-1)^h A_r + 16 h (clamped to [-256, 256]), the causal mask toggled on odd heads, and
/// n_k(head 0) - h valid keys (at least 1), `num_keys` the K rows.
std::vector<golden::RunParams> VariedHeadRuns(const golden::RunParams& run, int heads,
                                              int num_keys);

/// The run parameters of head `head` under `options` (run, or its entry of head_runs).
const golden::RunParams& RunOfHead(const CosimOptions& options, std::size_t head);

/// Checks that `workload` and `run` fit the configuration: D, K rows <= N_MAX, query indices
/// within QIdxW bits, one alpha per round. Throws golden::InputError naming the input.
void ValidateWorkload(const FuShape& shape, const golden::Workload& workload,
                      const golden::RunParams& run);

/// ValidateWorkload for `options.run` and every entry of `options.head_runs`, and the head
/// options' ranges (kload_at, config_at, reset_at). Throws golden::InputError naming the input.
void ValidateRun(const FuShape& shape, const golden::Workload& workload,
                 const CosimOptions& options);

/// Runs every head of `workload` through a fresh instance of `model` (K rows loaded, then
/// every query offered in order). Stops at the first cycle with a mismatch; then, when
/// `options.trace_path` is set, runs again with the same seeds writing the trace window.
CosimResult RunCosim(const DutModel& model, const golden::Workload& workload,
                     const CosimOptions& options);

/// FST time of the rising edge that starts cycle `cycle` (the harness's time base).
std::int64_t TraceTimeOfCycle(std::int64_t cycle);

}  // namespace energon::sim
