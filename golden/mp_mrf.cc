#include "golden/mp_mrf.h"

#include <fmt/format.h>

#include <algorithm>

#include "golden/errors.h"

namespace energon::golden {

inline constexpr int kMaxDim = 4096;

void ValidateParams(const HwParams& hw, const RunParams& run, int num_keys, int dim) {
  ValidateRounds(hw.rounds);
  ValidateAlphas(run.alpha, hw.rounds.size());
  if (hw.fx < kMinFx || hw.fx > kMaxFx) {
    throw InputError("--fx", fmt::format("FX = {}; the EXP2 table takes {} to {} fraction bits, "
                                         "use {}",
                                         hw.fx, kMinFx, kMaxFx, std::clamp(hw.fx, kMinFx, kMaxFx)));
  }
  if (hw.pb < kMinPb || hw.pb > kMaxPb) {
    throw InputError("--pb", fmt::format("PB = {}; p takes {} to {} bits, use {}", hw.pb, kMinPb,
                                         kMaxPb, std::clamp(hw.pb, kMinPb, kMaxPb)));
  }
  if (dim < 1 || dim > kMaxDim) {
    throw InputError("head dimension", fmt::format("D = {}; the model supports 1 to {}", dim, kMaxDim));
  }
  if (num_keys < 1) {
    throw InputError("K", "has 0 rows; the model needs at least 1 key");
  }
  if (run.n_keys < 0 || run.n_keys > num_keys) {
    throw InputError("--n-keys", fmt::format("n_k = {} but K has {} rows; use 1 to {} (0 means "
                                             "every row)",
                                             run.n_keys, num_keys, num_keys));
  }
}

GoldenHead::GoldenHead(const Head& head, const HwParams& hw, const RunParams& run)
    : head_(head), hw_(hw), run_(run) {
  const int rows = head.k.codes.rows;
  dim_ = head.q.codes.cols;
  if (head.k.codes.cols != dim_ || head.v.codes.cols != dim_ || head.v.codes.rows != rows) {
    throw InputError("head", fmt::format("Q is [{}, {}], K [{}, {}], V [{}, {}]; K and V need Q's "
                                         "D and one V row per K row",
                                         head.q.codes.rows, dim_, rows, head.k.codes.cols,
                                         head.v.codes.rows, head.v.codes.cols));
  }
  ValidateParams(hw, run, rows, dim_);
  n_keys_ = run.n_keys == 0 ? rows : run.n_keys;
  exp2_ = Exp2Table(hw.fx, hw.pb);
  attention_ = {ComputeSoftmaxScale(head.q.scale, head.k.scale, dim_, hw.fx), hw.fx, hw.pb, &exp2_};
  for (const RoundWidths& round : hw.rounds) {
    std::vector<std::int8_t> low(static_cast<std::size_t>(n_keys_) * dim_);
    for (std::size_t i = 0; i < low.size(); ++i) low[i] = LowBits(head.k.codes.data[i], round.kb);
    k_low_.push_back(std::move(low));
  }
}

int GoldenHead::NumCandidates(int i) const { return run_.causal ? std::min(i + 1, n_keys_) : n_keys_; }

QueryResult GoldenHead::Run(int i) const {
  QueryResult result;
  result.index = i;
  const std::span<const std::int16_t> q16 = head_.q.codes.row(i);
  std::vector<std::int32_t> candidates(static_cast<std::size_t>(NumCandidates(i)));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j] = static_cast<std::int32_t>(j);
  std::vector<std::int32_t> scores;
  std::vector<std::int8_t> q_low(static_cast<std::size_t>(dim_));
  for (std::size_t r = 0; r < hw_.rounds.size(); ++r) {
    for (int t = 0; t < dim_; ++t) q_low[t] = LowBits(q16[t], hw_.rounds[r].qb);
    const std::int8_t* k_low = k_low_[r].data();
    RoundResult round;
    scores.resize(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      const std::int8_t* k = k_low + static_cast<std::size_t>(candidates[c]) * dim_;
      std::int32_t s = 0;
      for (int t = 0; t < dim_; ++t) s += q_low[t] * k[t];
      scores[c] = s;
      round.stats.Add(s);
    }
    round.threshold = Threshold(round.stats, run_.alpha[r]);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (scores[c] >= round.threshold) {
        round.survivors.push_back(candidates[c]);
        round.survivor_scores.push_back(scores[c]);
      }
    }
    candidates = round.survivors;
    result.rounds.push_back(std::move(round));
  }
  result.attention = Attend(q16, head_.k.codes, head_.v.codes, candidates, attention_);
  return result;
}

}  // namespace energon::golden
