#pragma once
// Accuracy and work figures of an MP-MRF setting against dense float attention.
//
// Work is counted in bit-weighted multiply-accumulates: a MAC of an a-bit by a b-bit operand
// costs a * b. Dense INT16 attention of a query with c candidates costs 2 * c * D * 256
// (Q K^T and P V). MP-MRF costs sum_r |C_{r-1}| * D * QB_r * KB_r for the rounds plus
// 2 * |C_R| * D * 256 for the attention over the survivors. Bit reuse is not credited.

#include <vector>

#include "golden/mp_mrf.h"
#include "golden/reference.h"

namespace energon::golden {

/// Figures if attention ran on the survivors of this round (float, on the original inputs).
struct RoundFigures {
  double keep_ratio = 0.0;  ///< sum |C_r| / sum |C_0| over all queries
  double work_saved = 0.0;  ///< 1 - work(rounds 1..r + attention over C_r) / dense work
  double cosine = 0.0;      ///< mean cosine(restricted attention over C_r, dense)
  double min_cosine = 1.0;  ///< worst query
  double mass = 0.0;        ///< mean dense probability mass kept by C_r
};

struct AccuracyReport {
  int queries = 0;
  std::vector<RoundFigures> rounds;
  double hw_cosine = 0.0;         ///< mean cosine(HW output * s_v, dense float output)
  double hw_min_cosine = 1.0;     ///< worst query
  double hw_max_abs_error = 0.0;  ///< max |HW output - dense / s_v|, in V LSBs (int16 codes)
};

/// The accuracy of output rows a design produced (int16 codes, per head, per query) against
/// dense float attention on the workload's original inputs.
struct OutputAccuracy {
  int rows = 0;                ///< output rows measured
  double cosine = 0.0;         ///< mean cosine(output * s_v, dense float output)
  double min_cosine = 1.0;     ///< the worst row
  int worst_head = 0, worst_query = 0;
};
OutputAccuracy MeasureOutputs(const Workload& workload, const HwParams& hw, const RunParams& run,
                              const std::vector<std::vector<std::vector<std::int64_t>>>& outputs);

/// Runs the golden model over a workload and measures it. The dense references are computed
/// once at construction, so evaluating many alpha settings (a sweep) stays cheap.
class Evaluator {
 public:
  /// `base` gives causal and n_keys; its alpha is ignored.
  Evaluator(const Workload& workload, const HwParams& hw, const RunParams& base);

  /// Evaluates one alpha setting; fills `results` (per head, per query) when given.
  AccuracyReport Evaluate(const std::vector<int>& alpha,
                          std::vector<std::vector<QueryResult>>* results = nullptr) const;

 private:
  const Workload& workload_;
  HwParams hw_;
  RunParams base_;
  std::vector<std::vector<DenseAttention>> dense_;  ///< per head, per query
};

}  // namespace energon::golden
