#pragma once
// The bit-exact MP-MRF model of ../shared/design/mp-mrf.md for one attention head: the
// filtering rounds, then hardware-mode attention over the final survivors. Every observation
// point of the contract (section 4) is in QueryResult.

#include <cstdint>
#include <vector>

#include "golden/rounds.h"
#include "golden/softmax.h"
#include "golden/threshold.h"
#include "golden/workload.h"

namespace energon::golden {

/// What is fixed in the generated hardware.
struct HwParams {
  std::vector<RoundWidths> rounds{{4, 2}, {4, 4}};
  int fx = 8;   ///< fraction bits of the log2 distance (EXP2 table of 2^FX entries)
  int pb = 15;  ///< p of the row maximum is exactly 2^PB
};

/// What the hardware takes at run time.
struct RunParams {
  std::vector<int> alpha{0, 0};  ///< A_r per round, in [-256, 256]
  bool causal = false;           ///< query i sees keys j <= i only
  int n_keys = 0;                ///< valid keys n_k (keys j >= n_k are masked); 0 = every K row
};

/// One filtering round of one query.
struct RoundResult {
  RowStats stats;                              ///< m, Sum, Max, Min over C_{r-1}
  std::int64_t threshold = 0;                  ///< T
  std::vector<std::int32_t> survivors;         ///< C_r, ascending
  std::vector<std::int64_t> survivor_scores;   ///< S_r(j) of each survivor
};

struct QueryResult {
  int index = 0;
  std::vector<RoundResult> rounds;
  AttentionResult attention;
};

/// Checks HwParams and RunParams against the contract and a head's shape; throws InputError.
void ValidateParams(const HwParams& hw, const RunParams& run, int num_keys, int dim);

/// The golden model bound to one head. Construction validates the parameters, computes the
/// softmax scale from the head's scales and prepares the low-precision key copies once.
class GoldenHead {
 public:
  GoldenHead(const Head& head, const HwParams& hw, const RunParams& run);

  /// Runs every round and the attention for query `i`.
  [[nodiscard]] QueryResult Run(int i) const;

  /// The candidates C_0 of query i (padding and causal masks applied).
  [[nodiscard]] int NumCandidates(int i) const;

  [[nodiscard]] const SoftmaxScale& scale() const { return attention_.scale; }
  [[nodiscard]] int n_keys() const { return n_keys_; }

 private:
  const Head& head_;
  HwParams hw_;
  RunParams run_;
  int n_keys_ = 0;
  int dim_ = 0;
  std::vector<std::uint32_t> exp2_;
  AttentionParams attention_;
  std::vector<std::vector<std::int8_t>> k_low_;  ///< per round: k16 >>> (16 - KB_r), n_k x D
};

/// Low-precision operand: the top `bits` bits of an int16 code, arithmetic shift (floor).
constexpr std::int8_t LowBits(std::int16_t code, int bits) {
  return static_cast<std::int8_t>(code >> (16 - bits));
}

}  // namespace energon::golden
