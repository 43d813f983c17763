#include "golden/accuracy.h"

#include <algorithm>
#include <cmath>

namespace energon::golden {

Evaluator::Evaluator(const Workload& workload, const HwParams& hw, const RunParams& base)
    : workload_(workload), hw_(hw), base_(base) {
  base_.alpha.assign(hw.rounds.size(), 0);
  for (const Head& head : workload.heads) {
    const GoldenHead golden(head, hw_, base_);  // validates before any work
    std::vector<DenseAttention>& per_query = dense_.emplace_back();
    for (int i = 0; i < head.q.codes.rows; ++i) {
      per_query.push_back(DenseFloatAttention(head, i, golden.NumCandidates(i)));
    }
  }
}

OutputAccuracy MeasureOutputs(const Workload& workload, const HwParams& hw, const RunParams& run,
                              const std::vector<std::vector<std::vector<std::int64_t>>>& outputs) {
  OutputAccuracy accuracy;
  double sum = 0.0;
  for (std::size_t h = 0; h < workload.heads.size() && h < outputs.size(); ++h) {
    const Head& head = workload.heads[h];
    const GoldenHead golden(head, hw, run);
    for (int i = 0; i < head.q.codes.rows && static_cast<std::size_t>(i) < outputs[h].size(); ++i) {
      const std::vector<std::int64_t>& row = outputs[h][static_cast<std::size_t>(i)];
      if (row.empty()) continue;
      const DenseAttention dense = DenseFloatAttention(head, i, golden.NumCandidates(i));
      std::vector<double> out(row.size());
      for (std::size_t t = 0; t < row.size(); ++t) out[t] = static_cast<double>(row[t]) * head.v.scale;
      const double cosine = Cosine(out, dense.out);
      sum += cosine;
      ++accuracy.rows;
      if (cosine < accuracy.min_cosine) {
        accuracy.min_cosine = cosine;
        accuracy.worst_head = static_cast<int>(h);
        accuracy.worst_query = i;
      }
    }
  }
  accuracy.cosine = accuracy.rows > 0 ? sum / accuracy.rows : 0.0;
  return accuracy;
}

AccuracyReport Evaluator::Evaluate(const std::vector<int>& alpha,
                                   std::vector<std::vector<QueryResult>>* results) const {
  RunParams run = base_;
  run.alpha = alpha;
  const std::size_t num_rounds = hw_.rounds.size();
  const double d = workload_.dim();
  constexpr double kWideMac = 16.0 * 16.0;

  AccuracyReport report;
  report.rounds.resize(num_rounds);
  double candidates_total = 0.0, dense_work = 0.0, hw_cosine_sum = 0.0;
  std::vector<double> kept(num_rounds, 0.0), filter_work(num_rounds, 0.0),
      cosine_sum(num_rounds, 0.0), mass_sum(num_rounds, 0.0);
  if (results != nullptr) results->clear();

  for (std::size_t h = 0; h < workload_.heads.size(); ++h) {
    const Head& head = workload_.heads[h];
    const GoldenHead golden(head, hw_, run);
    if (results != nullptr) results->emplace_back();
    for (int i = 0; i < head.q.codes.rows; ++i) {
      QueryResult result = golden.Run(i);
      const DenseAttention& dense = dense_[h][static_cast<std::size_t>(i)];
      const double c0 = golden.NumCandidates(i);
      candidates_total += c0;
      dense_work += 2.0 * c0 * d * kWideMac;
      double previous = c0;
      for (std::size_t r = 0; r < num_rounds; ++r) {
        const std::vector<std::int32_t>& survivors = result.rounds[r].survivors;
        kept[r] += static_cast<double>(survivors.size());
        filter_work[r] += previous * d * hw_.rounds[r].qb * hw_.rounds[r].kb;
        previous = static_cast<double>(survivors.size());
        double mass = 0.0;
        const std::vector<double> restricted = RestrictedAttention(head, dense, survivors, mass);
        const double cosine = Cosine(restricted, dense.out);
        cosine_sum[r] += cosine;
        mass_sum[r] += mass;
        report.rounds[r].min_cosine = std::min(report.rounds[r].min_cosine, cosine);
      }
      std::vector<double> hw_out(result.attention.out.size());
      for (std::size_t t = 0; t < hw_out.size(); ++t) {
        hw_out[t] = result.attention.out[t] * head.v.scale;
        report.hw_max_abs_error = std::max(
            report.hw_max_abs_error, std::fabs(result.attention.out[t] - dense.out[t] / head.v.scale));
      }
      const double cosine = Cosine(hw_out, dense.out);
      hw_cosine_sum += cosine;
      report.hw_min_cosine = std::min(report.hw_min_cosine, cosine);
      ++report.queries;
      if (results != nullptr) results->back().push_back(std::move(result));
    }
  }
  double cumulative_filter = 0.0;
  const double n = std::max(report.queries, 1);
  for (std::size_t r = 0; r < num_rounds; ++r) {
    cumulative_filter += filter_work[r];
    RoundFigures& figures = report.rounds[r];
    figures.keep_ratio = kept[r] / candidates_total;
    figures.work_saved = 1.0 - (cumulative_filter + 2.0 * kept[r] * d * kWideMac) / dense_work;
    figures.cosine = cosine_sum[r] / n;
    figures.mass = mass_sum[r] / n;
  }
  report.hw_cosine = hw_cosine_sum / n;
  return report;
}

}  // namespace energon::golden
