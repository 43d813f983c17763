#pragma once
// The golden model over one synthetic head, for the schedule benchmarks (accel_cycles,
// fu_cycles): every query's result and |C_0|, and the share of the candidates the last round
// keeps.

#include <vector>

#include "golden/mp_mrf.h"
#include "golden/synthetic.h"

namespace energon::bench {

struct SyntheticRun {
  std::vector<golden::QueryResult> results;
  std::vector<int> candidates;  ///< |C_0| of each query
  double keep = 0.0;            ///< sum |C_R| / sum |C_0|
};

inline SyntheticRun RunSynthetic(const golden::SyntheticSpec& spec, const golden::HwParams& hw,
                                 const golden::RunParams& run) {
  const golden::Workload workload = golden::MakeSyntheticWorkload(spec);
  const golden::GoldenHead head(workload.heads[0], hw, run);
  SyntheticRun out;
  double kept = 0.0, total = 0.0;
  for (int i = 0; i < workload.num_queries(); ++i) {
    out.results.push_back(head.Run(i));
    out.candidates.push_back(head.NumCandidates(i));
    kept += static_cast<double>(out.results.back().rounds.back().survivors.size());
    total += out.candidates.back();
  }
  out.keep = total > 0 ? kept / total : 0.0;
  return out;
}

}  // namespace energon::bench
