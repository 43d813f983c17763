#include "sim/report.h"

#include <fmt/format.h>

#include <cmath>

#include "golden/rounds.h"

namespace energon::sim {
namespace {

std::string ConfigurationText(const FuShape& shape, const RunLabel& label) {
  std::string text =
      fmt::format("{} ({}), prefix {}", label.config_path.empty() ? shape.name : label.config_path,
                  shape.name, shape.derived.top.prefix);
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
  text += fmt::format(
      "design        D {}, N_MAX {}; FU {} lane(s), rounds {}; AU {} logit and {} p*V lane(s), {} "
      "key(s) a fetch, D in {} division group(s), FX {}, PB {}; probes {}\n",
      shape.config.fu.d, shape.config.fu.n_max, shape.config.fu.fu_lanes,
      golden::FormatRounds(shape.config.fu.rounds), shape.derived.au.au_lanes,
      shape.derived.au.pv_lanes, shape.derived.au.fetch_rows, shape.derived.au.div_groups,
      shape.derived.au.fx, shape.derived.au.pb, shape.config.top.probes ? "on" : "off");
  text += fmt::format("model         {}\n", shape.build_flags);
  if (!label.workload.empty()) text += fmt::format("workload      {}\n", label.workload);
  std::vector<std::string> alpha;
  for (int a : options.run.alpha) alpha.push_back(std::to_string(a));
  text +=
      fmt::format("run           alpha {}  causal {}  n_k {}  seeds: {}\n", fmt::join(alpha, ","),
                  options.run.causal ? "yes" : "no",
                  options.run.n_keys == 0 ? std::string("all") : std::to_string(options.run.n_keys),
                  FormatSeeds(options));
  if (options.kload_at != 1 || options.config_at != 0 || !options.head_runs.empty()) {
    text += fmt::format(
        "later heads   K rows offered {}; configuration {}set {} cycle(s) after kload_ready_o "
        "rises\n",
        options.kload_at == CosimOptions::kKloadEarly
            ? std::string("early (from the previous head's last query on)")
            : fmt::format("{} cycle(s) after kload_ready_o rises", options.kload_at),
        options.head_runs.empty() ? "" : "varied per head, ", options.config_at);
  }
  if (options.reset_at) {
    text += fmt::format(
        "reset         rst_ni asserted in cycle {}, then the whole workload again, "
        "timed from the release\n",
        *options.reset_at);
  }
  const double per_query =
      result.queries > 0 ? static_cast<double>(result.query_cycles) / result.queries : 0.0;
  text +=
      fmt::format("result        {}: {} head(s), {} queries, {} cycles, {} transfers checked{}\n",
                  !options.check  ? "DONE"
                  : result.passed ? "PASS"
                                  : "FAIL",
                  result.heads, result.queries, result.cycles, result.transfers_checked,
                  !options.check ? " (checking off)"
                  : result.timed ? ", every one in its predicted cycle"
                                 : ", values and order (stalls on)");
  if (result.passed && !result.stage_loads.empty()) {
    const golden::StageLoad& busiest = golden::BusiestOf(result.stage_loads);
    text += fmt::format(
        "throughput    {:.1f} cycles/query; busiest-stage bound {:.1f} ({}), {:.1f}% of it\n",
        per_query, busiest.cycles_per_query, busiest.name,
        per_query > 0 ? 100.0 * busiest.cycles_per_query / per_query : 0.0);
    const auto pct = [](double part, double whole) {
      return whole > 0 ? 100.0 * part / whole : 0.0;
    };
    std::vector<std::string> keep;
    for (std::size_t r = 0; r < result.keep_ratio.size(); ++r) {
      keep.push_back(fmt::format("round {} {:.1f}%", r + 1, 100.0 * result.keep_ratio[r]));
    }
    text += fmt::format("keep          {} of {:.1f} candidates per query\n", fmt::join(keep, ", "),
                        result.candidates_per_query);
    // Dense-equivalent work: Q K^T and P V over every candidate, 2 n D operations each.
    const double ops =
        per_query > 0 ? 4.0 * result.candidates_per_query * shape.config.fu.d / per_query : 0;
    const int multipliers =
        (shape.derived.au.au_lanes + shape.derived.au.pv_lanes) * shape.config.fu.d;
    const double macs =
        per_query > 0 ? 2.0 * result.survivors_per_query * shape.config.fu.d / per_query : 0;
    text += fmt::format(
        "operations    {:.0f} dense-equivalent operations per cycle ({:.0f} per 128 INT16 "
        "multipliers)\n",
        ops, multipliers > 0 ? ops * 128.0 / multipliers : 0.0);
    text += fmt::format("multipliers   {} INT16 ({} logit + {} p*V), {:.1f}% busy\n", multipliers,
                        shape.derived.au.au_lanes * shape.config.fu.d,
                        shape.derived.au.pv_lanes * shape.config.fu.d, pct(macs, multipliers));
    const double dense_bytes =
        result.candidates_per_query * result.queries * 4.0 * shape.config.fu.d;
    const double fetched = static_cast<double>(result.rows_fetched) * 4.0 * shape.config.fu.d;
    text += fmt::format(
        "fetched       {:.0f} bytes of K and V rows, {:.1f}% of dense attention's {:.0f}\n",
        fetched, pct(fetched, dense_bytes), dense_bytes);
    if (result.accuracy.rows > 0) {
      text += fmt::format(
          "accuracy      RTL outputs against dense float attention: cosine mean {:.4f}, worst "
          "{:.4f} (head {} query {})\n",
          result.accuracy.cosine, result.accuracy.min_cosine, result.accuracy.worst_head,
          result.accuracy.worst_query);
    }
  }
  text +=
      fmt::format("speed         {:.0f} cycles/s ({:.3f} s)\n",
                  result.seconds > 0 ? static_cast<double>(result.cycles) / result.seconds : 0.0,
                  result.seconds);
  return text;
}

nlohmann::ordered_json ReportJson(const CosimResult& result, const FuShape& shape) {
  nlohmann::ordered_json json;
  json["passed"] = result.passed;
  json["configuration"] = shape.name;
  json["prefix"] = shape.derived.top.prefix;
  json["heads"] = result.heads;
  json["queries"] = result.queries;
  json["timed"] = result.timed;
  json["cycles"] = result.cycles;
  json["first_query_cycle"] = result.first_query_cycle;
  json["last_output_cycle"] = result.last_output_cycle;
  json["cycles_per_query"] =
      result.queries > 0 ? static_cast<double>(result.query_cycles) / result.queries : 0.0;
  json["transfers_checked"] = result.transfers_checked;
  json["memory_rows_fetched"] = result.rows_fetched;
  json["memory_bytes_fetched"] = result.rows_fetched * 4 * shape.config.fu.d;
  nlohmann::ordered_json stages = nlohmann::ordered_json::array();
  std::int64_t queries = result.queries;
  for (const golden::StageLoad& stage : result.stage_loads) {
    stages.push_back(
        {{"name", stage.name},
         {"cycles_per_query", stage.cycles_per_query},
         {"busy_cycles", std::llround(stage.cycles_per_query * static_cast<double>(queries))}});
  }
  json["stages"] = stages;
  if (!result.stage_loads.empty()) {
    const golden::StageLoad& busiest = golden::BusiestOf(result.stage_loads);
    json["busiest_stage"] = {{"name", busiest.name},
                             {"cycles_per_query", busiest.cycles_per_query}};
  }
  json["keep_ratio"] = result.keep_ratio;
  json["candidates_per_query"] = result.candidates_per_query;
  json["survivors_per_query"] = result.survivors_per_query;
  json["int16_multipliers"] =
      (shape.derived.au.au_lanes + shape.derived.au.pv_lanes) * shape.config.fu.d;
  if (result.accuracy.rows > 0) {
    json["accuracy"] = {{"rows", result.accuracy.rows},
                        {"cosine_mean", result.accuracy.cosine},
                        {"cosine_worst", result.accuracy.min_cosine}};
  }
  json["seconds"] = result.seconds;
  if (!result.mismatches.empty()) {
    const Mismatch& m = result.mismatches.front();
    json["first_mismatch"] = {{"cycle", m.cycle},
                              {"stream", m.stream},
                              {"field", m.field},
                              {"expected", m.expected},
                              {"actual", m.actual}};
  }
  return json;
}

}  // namespace energon::sim
