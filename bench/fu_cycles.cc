// FU cycles per query against the ideal bound, from the golden timing model (which the
// co-simulation holds the RTL to, cycle for cycle). Prints one row per (lanes, n) point on the
// synthetic workload, rounds 4x2,4x4, D = 64, alpha -64,32 unless given otherwise:
//   fu_cycles [--alpha A1,A2] [--lanes L,...] [--n N,...]
#include <fmt/format.h>

#include <cstring>
#include <string>
#include <vector>

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

// DivCycles of the generated FU: score_w - 1 with score_w = QB_R + KB_R + clog2(D).
int DivCycles(const energon::golden::HwParams& hw, int d) {
  int clog2 = 0;
  while ((1 << clog2) < d) ++clog2;
  return hw.rounds.back().qb + hw.rounds.back().kb + clog2 - 1;
}

}  // namespace

int main(int argc, char** argv) {
  namespace golden = energon::golden;
  std::string alpha = "-64,32";
  std::vector<int> lanes{4, 8, 16, 32}, sizes{128, 512};
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
    fmt::print("{:>6}{:>7}{:>14}{:>14}{:>12}{:>10}\n", "n", "lanes", "cycles/query", "ideal/query",
               "of ideal", "keep");
    for (int n : sizes) {
      golden::SyntheticSpec spec;
      spec.n = n;
      const golden::Workload workload = golden::MakeSyntheticWorkload(spec);
      const golden::GoldenHead head(workload.heads[0], hw, run);
      std::vector<golden::QueryResult> results;
      std::vector<int> candidates;
      double kept = 0.0, total = 0.0;
      for (int i = 0; i < n; ++i) {
        results.push_back(head.Run(i));
        candidates.push_back(head.NumCandidates(i));
        kept += static_cast<double>(results.back().rounds.back().survivors.size());
        total += candidates.back();
      }
      for (int l : lanes) {
        const golden::FuTiming fu{l, DivCycles(hw, spec.d)};
        const auto timing = golden::PredictFuTiming(fu, results, candidates, 0);
        // The FU is done with the last query when its last round's last beat leaves.
        const std::int64_t end = timing.back().beats.back().back().cycle + 1;
        const double ideal = static_cast<double>(golden::IdealFuCycles(fu, results, candidates));
        fmt::print("{:>6}{:>7}{:>14.1f}{:>14.1f}{:>11.1f}%{:>9.1f}%\n", n, l,
                   static_cast<double>(end) / n, ideal / n, 100.0 * ideal / static_cast<double>(end),
                   100.0 * kept / total);
      }
    }
  } catch (const golden::InputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  }
  return 0;
}
