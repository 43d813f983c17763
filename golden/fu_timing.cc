#include "golden/fu_timing.h"

#include <algorithm>

namespace energon::golden {
namespace {

std::int64_t Rows(std::size_t m, int lanes) {
  return (static_cast<std::int64_t>(m) + lanes - 1) / lanes;
}

// Candidate count of round r (0-based) of one query: |C_0| or the previous round's survivors.
std::size_t Candidates(const QueryResult& result, int num_candidates, std::size_t r) {
  return r == 0 ? static_cast<std::size_t>(num_candidates) : result.rounds[r - 1].survivors.size();
}

}  // namespace

std::vector<SurvivorBeat> SplitIntoBeats(const std::vector<std::int32_t>& candidates,
                                         const std::vector<std::int32_t>& survivors, int lanes) {
  std::vector<SurvivorBeat> beats;
  const std::int64_t rows = Rows(candidates.size(), lanes);
  std::size_t s = 0;  // next survivor
  std::size_t c = 0;  // its position among the candidates
  for (std::int64_t g = 0; g < rows; ++g) {
    const std::size_t row_end = std::min(candidates.size(), static_cast<std::size_t>((g + 1) * lanes));
    SurvivorBeat beat{static_cast<int>(g), static_cast<int>(s), 0, g + 1 == rows, 0};
    while (s < survivors.size()) {
      while (c < row_end && candidates[c] != survivors[s]) ++c;
      if (c == row_end) break;
      ++beat.count;
      ++s;
    }
    if (beat.count > 0 || beat.last) beats.push_back(beat);
  }
  return beats;
}

// The recurrences below restate the stage schedules of docs/fu-microarchitecture.md:
//   score stage, job accepted in a with G rows: done pulse a+G+3, idle from a+G+4;
//   filter stage, job accepted in a: row probe from b = a+DivCycles+3, beat of row g in b+g+2,
//     done pulse with the last beat (b+G+1), idle from b+G+2;
//   a slot handed over by a done pulse in cycle c is visible to the other side from c+1.
FuScheduler::FuScheduler(const FuTiming& fu, int num_rounds, std::int64_t first_cycle)
    : fu_(fu),
      num_rounds_(static_cast<std::size_t>(num_rounds)),
      score_done_(num_rounds_),
      filter_done_(num_rounds_),
      score_idle_(num_rounds_, 0),
      filter_idle_(num_rounds_, 0) {
  if (num_rounds_ > 0) score_idle_[0] = first_cycle;
}

QueryTiming FuScheduler::Next(const QueryResult& result, int num_candidates,
                              std::int64_t output_slot_free) {
  const std::size_t k = k_++;
  const std::size_t slot = k % 2;  // also the slot of query k - 2
  QueryTiming t;
  t.row_cycle.resize(num_rounds_);
  t.beats.resize(num_rounds_);
  std::vector<std::int32_t> candidates(static_cast<std::size_t>(num_candidates));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j] = static_cast<std::int32_t>(j);
  for (std::size_t r = 0; r < num_rounds_; ++r) {
    const std::int64_t rows = Rows(Candidates(result, num_candidates, r), fu_.lanes);
    // Score stage: needs the job (query port, or the previous round's candidate slot), an
    // idle stage and a free score slot (the filter finished job k-2).
    std::int64_t a = score_idle_[r];
    if (r > 0) a = std::max(a, filter_done_[r - 1][slot] + 1);
    if (k >= 2) a = std::max(a, filter_done_[r][slot] + 1);
    if (r == 0) t.accept_cycle = a;
    const std::int64_t score_done = a + rows + 3;
    score_idle_[r] = a + rows + 4;
    // Filter stage: needs the full score slot, an idle stage and a free output slot (the next
    // round's score stage, or the FU's consumer, finished with job k-2).
    std::int64_t f = std::max(score_done + 1, filter_idle_[r]);
    if (r + 1 < num_rounds_) {
      if (k >= 2) f = std::max(f, score_done_[r + 1][slot] + 1);
    } else {
      f = std::max(f, output_slot_free);
    }
    const std::int64_t b = f + fu_.div_cycles + 3;
    t.row_cycle[r] = b;
    t.beats[r] = SplitIntoBeats(candidates, result.rounds[r].survivors, fu_.lanes);
    for (SurvivorBeat& beat : t.beats[r]) beat.cycle = b + beat.row + 2;
    score_done_[r][slot] = score_done;
    filter_done_[r][slot] = b + rows + 1;
    filter_idle_[r] = b + rows + 2;
    t.done_cycle = b + rows + 1;
    candidates = result.rounds[r].survivors;
  }
  return t;
}

std::vector<QueryTiming> PredictFuTiming(const FuTiming& fu, const std::vector<QueryResult>& results,
                                         const std::vector<int>& num_candidates,
                                         std::int64_t first_cycle) {
  std::vector<QueryTiming> timing;
  if (results.empty()) return timing;
  FuScheduler scheduler(fu, static_cast<int>(results[0].rounds.size()), first_cycle);
  for (std::size_t k = 0; k < results.size(); ++k) {
    timing.push_back(scheduler.Next(results[k], num_candidates[k]));
  }
  return timing;
}

std::int64_t IdealFuCycles(const FuTiming& fu, const std::vector<QueryResult>& results,
                           const std::vector<int>& num_candidates) {
  std::int64_t cycles = 0;
  for (std::size_t k = 0; k < results.size(); ++k) {
    for (std::size_t r = 0; r < results[k].rounds.size(); ++r) {
      cycles += Rows(Candidates(results[k], num_candidates[k], r), fu.lanes);
    }
  }
  return cycles;
}

}  // namespace energon::golden
