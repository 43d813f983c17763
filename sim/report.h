#pragma once
// The texts a co-simulation prints: the first-mismatch report and the summary.

#include <nlohmann/json.hpp>
#include <string>

#include "sim/cosim.h"
#include "sim/dut.h"

namespace energon::sim {

/// What names a run in its reports besides the model's shape.
struct RunLabel {
  std::string config_path;  ///< the configuration file as given (--config)
  std::string workload;     ///< Workload::source
  std::string reproduce;    ///< a command line that runs it again
};

/// The first mismatch: configuration, seeds, cycle, query, round, key, field, expected and
/// actual, the whole transfers, the other mismatches of that cycle, how to reproduce it and
/// where the trace went.
std::string FormatMismatchReport(const CosimResult& result, const FuShape& shape,
                                 const CosimOptions& options, const RunLabel& label);

/// PASS/FAIL, queries, cycles, transfers checked, cycles per query against the busiest-stage
/// bound, simulation speed.
std::string FormatSummary(const CosimResult& result, const FuShape& shape,
                          const CosimOptions& options, const RunLabel& label);

/// The run's figures for --report-json (docs/cosim.md, "Report JSON").
nlohmann::ordered_json ReportJson(const CosimResult& result, const FuShape& shape);

/// "reset 1, stall 7" or "reset 1, stall none (cycle-exact timing)".
std::string FormatSeeds(const CosimOptions& options);

}  // namespace energon::sim
