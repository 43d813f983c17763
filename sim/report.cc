#include "sim/report.h"

#include <fmt/format.h>

namespace energon::sim {
namespace {

std::string ConfigurationText(const FuShape& shape, const RunLabel& label) {
  std::string text =
      fmt::format("{} ({}), prefix {}", label.config_path.empty() ? shape.name : label.config_path,
                  shape.name, shape.prefix);
  if (!shape.fault.empty()) text += fmt::format(", RTL with injected fault '{}'", shape.fault);
  return text;
}

}  // namespace

std::string FormatSeeds(const CosimOptions& options) {
  return options.stall_seed
             ? fmt::format("reset {}, stall {}", options.reset_seed, *options.stall_seed)
             : fmt::format("reset {}, stall none (cycle-exact timing)", options.reset_seed);
}

std::string FormatMismatchReport(const CosimResult& result, const FuShape& shape,
                                 const CosimOptions& options, const RunLabel& label) {
  if (result.mismatches.empty()) return "";
  const Mismatch& m = result.mismatches.front();
  std::string text = fmt::format("FIRST MISMATCH in cycle {}\n", m.cycle);
  const auto line = [&text](const char* name, const std::string& value) {
    text += fmt::format("  {:<14}{}\n", name, value);
  };
  line("configuration", ConfigurationText(shape, label));
  line("seeds", FormatSeeds(options));
  line("cycle", std::to_string(m.cycle));
  line("stream", m.stream);
  if (m.head) line("head", std::to_string(*m.head));
  if (m.query) line("query", std::to_string(*m.query));
  if (m.round) line("round", std::to_string(*m.round));
  if (m.beat) line("beat", std::to_string(*m.beat));
  if (m.lane) line("lane", std::to_string(*m.lane));
  if (m.key) line("key", std::to_string(*m.key));
  line("field", m.field);
  line("expected", m.expected);
  line("actual", m.actual);
  if (!m.detail.empty()) {
    text += "  details\n";
    std::size_t start = 0;
    while (start < m.detail.size()) {
      std::size_t end = m.detail.find('\n', start);
      if (end == std::string::npos) end = m.detail.size();
      if (end > start) text += "  " + m.detail.substr(start, end - start) + "\n";
      start = end + 1;
    }
  }
  for (std::size_t i = 1; i < result.mismatches.size(); ++i) {
    const Mismatch& o = result.mismatches[i];
    text +=
        fmt::format("  also in this cycle: {} {}{}: expected {}, actual {}\n", o.stream, o.field,
                    o.query ? fmt::format(" (query {})", *o.query) : "", o.expected, o.actual);
  }
  if (!label.reproduce.empty()) line("reproduce", label.reproduce);
  if (!result.trace_path.empty()) {
    line("trace", fmt::format("{}: cycles {}..{}; cycle k's rising edge is at time {} + 10 k",
                              result.trace_path, std::max<std::int64_t>(result.trace_first, 0),
                              result.trace_last, TraceTimeOfCycle(0)));
  } else if (!result.trace_error.empty()) {
    line("trace", "not written: " + result.trace_error);
  }
  return text;
}

std::string FormatSummary(const CosimResult& result, const FuShape& shape,
                          const CosimOptions& options, const RunLabel& label) {
  std::string text;
  text += fmt::format("configuration {}\n", ConfigurationText(shape, label));
  text += fmt::format("model         {}\n", shape.build_flags);
  if (!label.workload.empty()) text += fmt::format("workload      {}\n", label.workload);
  std::vector<std::string> alpha;
  for (int a : options.run.alpha) alpha.push_back(std::to_string(a));
  text +=
      fmt::format("run           alpha {}  causal {}  n_k {}  seeds: {}\n", fmt::join(alpha, ","),
                  options.run.causal ? "yes" : "no",
                  options.run.n_keys == 0 ? std::string("all") : std::to_string(options.run.n_keys),
                  FormatSeeds(options));
  const double per_query =
      result.queries > 0 ? static_cast<double>(result.query_cycles) / result.queries : 0.0;
  const double bound =
      result.queries > 0 ? static_cast<double>(result.busiest_stage_cycles) / result.queries : 0.0;
  text +=
      fmt::format("result        {}: {} head(s), {} queries, {} cycles, {} transfers checked{}\n",
                  !options.check  ? "DONE"
                  : result.passed ? "PASS"
                                  : "FAIL",
                  result.heads, result.queries, result.cycles, result.transfers_checked,
                  !options.check ? " (checking off)"
                  : result.timed ? ", every one in its predicted cycle"
                                 : ", values and order (stalls on)");
  if (result.passed) {
    text += fmt::format(
        "throughput    {:.1f} cycles/query; busiest-stage bound {:.1f} (round {}, "
        "golden::BusiestStageFuCycles): {:.1f}% of the bound\n",
        per_query, bound, result.busiest_round, per_query > 0 ? 100.0 * bound / per_query : 0.0);
  }
  text +=
      fmt::format("speed         {:.0f} cycles/s ({:.3f} s)\n",
                  result.seconds > 0 ? static_cast<double>(result.cycles) / result.seconds : 0.0,
                  result.seconds);
  return text;
}

}  // namespace energon::sim
