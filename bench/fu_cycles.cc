// FU cycles per query against the busiest-stage bound, from the golden timing model (which the
// co-simulation holds the RTL to, cycle for cycle). Prints one row per (n, lanes) point on the
// synthetic workload, rounds 4x2,4x4, D = 64, alpha -64,32 unless given otherwise:
//   fu_cycles [--alpha A1,A2] [--lanes L,...] [--n N,...]
// The bound: each stage of round r handles ceil(m_r / L) rows of a query, one a cycle, so the
// stage with the most rows bounds every schedule (round 1 here).
#include <fmt/format.h>

#include <cstring>
#include <string>
#include <vector>

#include "bench/synthetic_run.h"
#include "generator/accel_config.h"
#include "generator/golden_params.h"
#include "golden/errors.h"
#include "golden/fu_timing.h"
#include "golden/synthetic.h"

namespace {

using energon::golden::SplitList;

std::vector<int> IntList(const char* text) {
  std::vector<int> values;
  for (std::string_view field : SplitList(text)) values.push_back(std::stoi(std::string(field)));
  return values;
}

// The timing parameters of the FU the generator derives for this shape (the divider cycles
// of every round come from the one place that decides them).
energon::golden::FuTiming Timing(const energon::golden::HwParams& hw, int d, int n_max, int lanes) {
  energon::gen::AccelConfig config;
  config.fu.d = d;
  config.fu.n_max = n_max;
  config.fu.rounds = hw.rounds;
  config.fu.fu_lanes = lanes;
  return energon::gen::GoldenParamsOf(config, energon::gen::Derive(config), 1).fu;
}

}  // namespace

int main(int argc, char** argv) {
  namespace golden = energon::golden;
  std::string alpha = "-64,32";
  std::vector<int> lanes{4, 8, 16, 32}, sizes{128, 384, 512};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--alpha") == 0) alpha = argv[i + 1];
    if (std::strcmp(argv[i], "--lanes") == 0) lanes = IntList(argv[i + 1]);
    if (std::strcmp(argv[i], "--n") == 0) sizes = IntList(argv[i + 1]);
  }
  try {
    const golden::HwParams hw;
    golden::RunParams run;
    run.alpha = golden::ParseAlphas(alpha, hw.rounds.size());
    fmt::print("FU schedule, rounds 4x2,4x4, D = 64, alpha {} (golden timing model, no stalls)\n",
               alpha);
    fmt::print("{:>6}{:>7}{:>14}{:>14}{:>8}{:>12}{:>10}\n", "n", "lanes", "cycles/query",
               "bound/query", "round", "of bound", "keep");
    for (int n : sizes) {
      golden::SyntheticSpec spec;
      spec.n = n;
      const energon::bench::SyntheticRun golden_run = energon::bench::RunSynthetic(spec, hw, run);
      const std::vector<golden::QueryResult>& results = golden_run.results;
      const std::vector<int>& candidates = golden_run.candidates;
      int n_max = 1;
      while (n_max < n) n_max *= 2;
      for (int l : lanes) {
        const golden::FuTiming fu = Timing(hw, spec.d, std::max(n_max, l), l);
        const auto timing = golden::PredictFuTiming(fu, results, candidates, 0);
        // The FU is done with the last query when its last round's last beat leaves.
        const std::int64_t end = timing.back().beats.back().back().cycle + 1;
        const golden::BusiestStage bound = golden::BusiestStageFuCycles(fu, results, candidates);
        const double per_query = static_cast<double>(end) / n;
        const double bound_per_query = static_cast<double>(bound.cycles) / n;
        fmt::print("{:>6}{:>7}{:>14.1f}{:>14.1f}{:>8}{:>11.1f}%{:>9.1f}%\n", n, l, per_query,
                   bound_per_query, bound.round, 100.0 * bound_per_query / per_query,
                   100.0 * golden_run.keep);
      }
    }
  } catch (const golden::InputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  }
  return 0;
}
