#include "golden/fu_timing.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace energon::golden {
namespace {

// Before any query: an event that constrains nothing.
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min() / 4;

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
    const std::size_t row_end =
        std::min(candidates.size(), static_cast<std::size_t>((g + 1) * lanes));
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

FuScheduler::FuScheduler(const FuTiming& fu, int num_rounds, std::int64_t first_cycle)
    : fu_(fu), first_cycle_(first_cycle), next_query_(first_cycle) {
  if (num_rounds < 1 || fu.div_cycles.size() != static_cast<std::size_t>(num_rounds)) {
    throw std::invalid_argument("FuScheduler: one divider cycle count per round is needed");
  }
  Round initial;
  initial.last_read = {kNever, kNever};
  initial.release = {kNever, kNever};
  initial.filter_done = {kNever, kNever};
  initial.score_free = kNever;
  initial.filter_free = kNever;
  initial.div_free = kNever;
  initial.probe = kNever;
  rounds_.assign(static_cast<std::size_t>(num_rounds), initial);
}

// The recurrences restate the stage schedules of docs/fu-microarchitecture.md, G the rows of
// the stage's job:
//   score stage, job accepted in a (row 0 read in a): rows read a .. a+G-1 (the last read frees
//     the job's source slot), each then in s1 (products, group sums), s1b (score) and s2
//     (written), then the statistics (stat_latency), done pulse in a+G+2+stat_latency; next job
//     from a+G;
//   filter stage, job accepted in f (row 0 read in f): rows read f .. f+G-1; the score slot is
//     freed with the read of the last row but one (f+G-2; f+1 when G <= 2, from a register set
//     by the accept), since the score stage writes a slot three cycles after taking it; each
//     row then passes stages A (m S), B (compare and rank, or with K = rank_stage the compare
//     in B and the rank in K) and C (compaction), so the beat of row g is in f+g+4+K and the
//     done pulse with the last row's stage C in f+G+2+K; the numerator is ready for the
//     division in f+2, which starts then or in the cycle the previous row probe goes,
//     whichever is later (s), and the row probe is in s+DivCycles_r+1;
//     next job from f+G, not before s+1, and not before the done pulse of the job two back
//     (at most two jobs between accept and done pulse);
//   a slot handed over or freed by a pulse in cycle c is visible to the other side from c+1,
//     except the score slot the filter frees in c: the score stage may take a job for it in c
//     already (fu_top's bypass; the job writes from c+3, after the filter's last read).
QueryTiming FuScheduler::Next(const QueryResult& result, int num_candidates,
                              std::int64_t output_slot_free, std::int64_t query_slot_free) {
  const std::size_t num_rounds = rounds_.size();
  if (result.rounds.size() != num_rounds) {
    throw std::invalid_argument("FuScheduler::Next: the result has another number of rounds");
  }
  const auto ring = static_cast<std::size_t>(count_ % 2);
  QueryTiming t;
  t.row_cycle.resize(num_rounds);
  t.beats.resize(num_rounds);
  std::vector<std::int32_t> candidates(static_cast<std::size_t>(num_candidates));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j] = static_cast<std::int32_t>(j);
  // Round 1: the query is offered, and the query store has a slot for it.
  std::int64_t job_ready = std::max(next_query_, query_slot_free);
  for (std::size_t r = 0; r < num_rounds; ++r) {
    Round& round = rounds_[r];
    const std::int64_t rows = Rows(Candidates(result, num_candidates, r), fu_.lanes);
    // Score stage: the job, a free issue side, and the score slot of the query two back
    // released by the filter (in that very cycle at the earliest: the new job writes the slot
    // three cycles after its accept).
    const std::int64_t a = std::max({job_ready, round.score_free, round.release[ring]});
    if (r == 0) t.accept_cycle = a;
    round.score_free = a + rows;
    round.last_read[ring] = a + rows - 1;
    const std::int64_t score_done = a + rows + 2 + fu_.stat_latency;
    // Filter stage: the full score slot, a free compare side, the previous row probe gone,
    // and the slot it fills: the next round's candidate slot, freed by that round's score
    // stage reading the query two back, or the consumer's output slot after the last round.
    std::int64_t f = std::max({score_done + 1, round.filter_free, round.div_free,
                               round.filter_done[ring] + 1});
    f = std::max(f, r + 1 < num_rounds ? rounds_[r + 1].last_read[ring] + 1 : output_slot_free);
    const int div_cycles = fu_.div_cycles[r];
    const std::int64_t div_start = std::max(f + 2, round.probe);
    t.row_cycle[r] = div_start + div_cycles + 1;
    t.beats[r] = SplitIntoBeats(candidates, result.rounds[r].survivors, fu_.lanes);
    for (SurvivorBeat& beat : t.beats[r]) beat.cycle = f + beat.row + 4 + fu_.rank_stage;
    round.release[ring] = f + std::max<std::int64_t>(rows - 2, 1);
    round.filter_free = f + rows;
    round.div_free = div_start + 1;
    round.probe = t.row_cycle[r];
    const std::int64_t filter_done = f + rows + 2 + fu_.rank_stage;
    round.filter_done[ring] = filter_done;
    if (r + 1 == num_rounds) t.output_done_cycle = filter_done;
    job_ready = filter_done + 1;  // the next round's candidate slot is full
    candidates = result.rounds[r].survivors;
  }
  // The harness offers the next query from the cycle after this one's handshake.
  next_query_ = std::max(first_cycle_, t.accept_cycle + 1);
  ++count_;
  return t;
}

std::vector<QueryTiming> PredictFuTiming(const FuTiming& fu,
                                         const std::vector<QueryResult>& results,
                                         const std::vector<int>& num_candidates,
                                         std::int64_t first_cycle) {
  std::vector<QueryTiming> timing;
  if (results.empty()) return timing;
  FuScheduler scheduler(fu, static_cast<int>(results[0].rounds.size()), first_cycle);
  timing.reserve(results.size());
  for (std::size_t k = 0; k < results.size(); ++k) {
    timing.push_back(scheduler.Next(results[k], num_candidates[k]));
  }
  return timing;
}

BusiestStage BusiestStageFuCycles(const FuTiming& fu, const std::vector<QueryResult>& results,
                                  const std::vector<int>& num_candidates) {
  BusiestStage busiest;
  if (results.empty()) return busiest;
  busiest.rows_per_round.assign(results[0].rounds.size(), 0);
  for (std::size_t k = 0; k < results.size(); ++k) {
    for (std::size_t r = 0; r < results[k].rounds.size(); ++r) {
      busiest.rows_per_round[r] += Rows(Candidates(results[k], num_candidates[k], r), fu.lanes);
    }
  }
  const auto max = std::max_element(busiest.rows_per_round.begin(), busiest.rows_per_round.end());
  busiest.cycles = *max;
  busiest.round = static_cast<int>(max - busiest.rows_per_round.begin()) + 1;
  return busiest;
}

}  // namespace energon::golden
