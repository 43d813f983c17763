// Accelerator cycles per query against the busiest-stage bound, from the golden timing model
// (which the co-simulation holds the RTL to, cycle for cycle), with the throughput in
// dense-equivalent operations per cycle (2 n D for Q K^T plus 2 n D for P V per query, over
// the cycles per query) and per 128 INT16 multipliers. One row per (configuration, n <= N_MAX)
// on the synthetic workload (D from the configuration, n queries over n keys); by default the
// default configuration and two variants of it (bench/configs/):
//   accel_cycles [--config FILE]... [--n N,...] [--alpha A1,A2,...] [--mem-latency C]
//                [--query-slots S]   (S overrides every configuration's query store)
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/synthetic_run.h"
#include "generator/gen_options.h"
#include "generator/golden_params.h"
#include "golden/accel_timing.h"
#include "golden/errors.h"
#include "golden/synthetic.h"

namespace {

namespace golden = energon::golden;
namespace gen = energon::gen;
namespace bench = energon::bench;

std::vector<int> IntList(const char* text) {
  std::vector<int> values;
  for (std::string_view field : golden::SplitList(text))
    values.push_back(std::stoi(std::string(field)));
  return values;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> configs;
  std::string alpha = "-64,32";
  std::vector<int> sizes{128, 384, 512};
  int latency = 4;
  int query_slots = 0;  // 0: each configuration's own
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--config") == 0) configs.emplace_back(argv[i + 1]);
    if (std::strcmp(argv[i], "--alpha") == 0) alpha = argv[i + 1];
    if (std::strcmp(argv[i], "--n") == 0) sizes = IntList(argv[i + 1]);
    if (std::strcmp(argv[i], "--mem-latency") == 0) latency = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--query-slots") == 0) query_slots = std::stoi(argv[i + 1]);
  }
  if (configs.empty()) {
    configs.push_back(std::string(ENERGON_SOURCE_DIR) + "/configs/default.cfg");
    for (const char* name : {"lean_au2", "wide_l32"}) {
      configs.push_back(std::string(ENERGON_SOURCE_DIR) + "/bench/configs/" + name + ".cfg");
    }
  }
  try {
    fmt::print(
        "Accelerator schedule (golden timing model, no stalls, memory latency {}), alpha {}{}\n",
        latency, alpha,
        query_slots != 0 ? fmt::format(", {} query-store slots", query_slots) : std::string());
    fmt::print("{:<14}{:>5}{:>8}{:>9}{:>10}  {:<13}{:>8}{:>10}{:>9}{:>9}{:>8}\n", "config", "n",
               "keep", "cyc/q", "bound/q", "busiest", "of it", "ops/cyc", "mults", "ops/128",
               "util");
    for (const std::string& path : configs) {
      gen::Options options = gen::ParseConfigFile(path);
      if (query_slots != 0) {
        options.config.top.query_slots = query_slots;
        options.derived = gen::Derive(options.config);
      }
      const gen::AccelConfig& c = options.config;
      const gen::AccelDerived& d = options.derived;
      const gen::GoldenParams params = gen::GoldenParamsOf(c, d, latency);
      golden::RunParams run;
      run.alpha.clear();
      // One A_r per round: the list cut to the rounds, its last value repeated for more.
      const std::vector<int> given = IntList(alpha.c_str());
      for (std::size_t r = 0; r < c.fu.rounds.size(); ++r) {
        run.alpha.push_back(given[std::min(r, given.size() - 1)]);
      }
      golden::ValidateAlphas(run.alpha, c.fu.rounds.size());
      const int multipliers = (d.au.au_lanes + d.au.pv_lanes) * c.fu.d;
      for (int n : sizes) {
        if (n > c.fu.n_max) continue;
        golden::SyntheticSpec spec;
        spec.n = n;
        spec.d = c.fu.d;
        const bench::SyntheticRun golden_run = bench::RunSynthetic(spec, params.hw, run);
        const std::vector<golden::QueryResult>& results = golden_run.results;
        const std::vector<int>& candidates = golden_run.candidates;
        const auto timing =
            golden::PredictAccelTiming(params.fu, params.au, results, candidates, 0);
        const double per_query = static_cast<double>(timing.back().au.out + 1) / n;
        const std::vector<golden::StageLoad> loads =
            golden::StageLoads(params.fu, params.au, {results}, {candidates});
        const golden::StageLoad& busiest = golden::BusiestOf(loads);
        const double ops = 4.0 * n * c.fu.d / per_query;
        // INT16 MACs per cycle: a logit and a p*V product per survivor and element.
        const double used = 2.0 * golden_run.keep * n * c.fu.d / per_query;
        fmt::print(
            "{:<14}{:>5}{:>7.1f}%{:>9.1f}{:>10.1f}  "
            "{:<13}{:>7.1f}%{:>10.0f}{:>9}{:>9.0f}{:>7.1f}%\n",
            std::filesystem::path(path).stem().string(), n, 100.0 * golden_run.keep, per_query,
            busiest.cycles_per_query, busiest.name, 100.0 * busiest.cycles_per_query / per_query,
            ops, multipliers, ops * 128.0 / multipliers, 100.0 * used / multipliers);
      }
    }
  } catch (const golden::InputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  }
  return 0;
}
