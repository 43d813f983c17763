#include "sim/fu_streams.h"

#include <fmt/format.h>

namespace energon::sim {

FuStreams::FuStreams(const FuShape& shape, PortTable& ports) : shape_(shape) {
  // The harness drives the query port; the monitor checks each handshake's cycle.
  queries_ = std::make_unique<StreamMonitor>(StreamSpec{.name = "query",
                                                        .valid_port = "query_valid_i",
                                                        .ready_port = "query_ready_o",
                                                        .fields = {{"query", "query_index_i"}},
                                                        .input = true},
                                             ports);
  if (!shape.config.top.probes) return;
  const int lanes = shape.config.fu.fu_lanes;
  for (int r = 1; r <= shape.derived.fu.num_rounds; ++r) {
    const auto port = [r](const char* field) { return fmt::format("r{}_{}", r, field); };
    rows_.push_back(
        std::make_unique<StreamMonitor>(StreamSpec{.name = fmt::format("r{}_row", r),
                                                   .valid_port = port("row_valid_o"),
                                                   .ready_port = port("row_ready_i"),
                                                   .fields = {{"query", port("row_query_o")},
                                                              {"m", port("row_m_o")},
                                                              {"sum", port("row_sum_o"), true},
                                                              {"max", port("row_max_o"), true},
                                                              {"min", port("row_min_o"), true},
                                                              {"t", port("row_t_o"), true}},
                                                   .round = r},
                                        ports));
    survivors_.push_back(std::make_unique<StreamMonitor>(
        StreamSpec{
            .name = fmt::format("r{}_surv", r),
            .valid_port = port("surv_valid_o"),
            .ready_port = port("surv_ready_i"),
            .fields = {{"query", port("surv_query_o")},
                       {"count", port("surv_count_o")},
                       {"last", port("surv_last_o")},
                       {"index", port("surv_index_o"), false, lanes, shape.derived.fu.idx_w},
                       {"score", port("surv_score_o"), true, lanes, shape.derived.fu.score_w}},
            .count_field = "count",
            .key_field = "index",
            .round = r,
            .numbered_beats = true},
        ports));
  }
}

std::vector<StreamMonitor*> FuStreams::monitors() {
  std::vector<StreamMonitor*> list = {queries_.get()};
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    list.push_back(rows_[r].get());
    list.push_back(survivors_[r].get());
  }
  return list;
}

void FuStreams::Expect(int head, const golden::QueryResult& result, int num_candidates,
                       const golden::QueryTiming* timing) {
  queries_->Expect({head, result.index, {result.index}, timing ? timing->accept_cycle : -1});
  if (rows_.empty()) return;
  std::vector<std::int32_t> candidates(static_cast<std::size_t>(num_candidates));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j] = static_cast<std::int32_t>(j);
  for (std::size_t ri = 0; ri < rows_.size(); ++ri) {
    const golden::RoundResult& round = result.rounds[ri];
    const golden::RowStats& stats = round.stats;
    rows_[ri]->Expect({head,
                       result.index,
                       {result.index, stats.m, stats.sum, stats.max, stats.min, round.threshold},
                       timing ? timing->row_cycle[ri] : -1});
    // The predicted beats, or (untimed) the same split without cycles.
    const std::vector<golden::SurvivorBeat> beats =
        timing ? timing->beats[ri]
               : golden::SplitIntoBeats(candidates, round.survivors, shape_.config.fu.fu_lanes);
    for (const golden::SurvivorBeat& beat : beats) {
      ExpectedTransfer t{head,
                         result.index,
                         {result.index, beat.count, beat.last ? 1 : 0},
                         timing ? beat.cycle : -1};
      for (int i = beat.first; i < beat.first + beat.count; ++i) {
        t.values.push_back(round.survivors[static_cast<std::size_t>(i)]);
        t.values.push_back(round.survivor_scores[static_cast<std::size_t>(i)]);
      }
      survivors_[ri]->Expect(std::move(t));
    }
    candidates = round.survivors;
  }
}

}  // namespace energon::sim
