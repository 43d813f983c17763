#include "golden/accel_timing.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace energon::golden {
namespace {

// Cycles from the softmax stage's read of a window to its p beat: the logit buffer's read, the
// gap, the two half products of gap * M, their sum, u, p (au_softmax).
constexpr std::int64_t kSoftmaxPBeat = 6;

// m cut into pieces of `size`, the last one shorter.
std::vector<int> Chunks(int m, int size) {
  std::vector<int> counts;
  for (int done = 0; done < m; done += size) counts.push_back(std::min(size, m - done));
  return counts;
}

}  // namespace

std::vector<int> RequestCounts(int m, const AuTiming& au) { return Chunks(m, au.fetch_rows); }

std::vector<int> LogitBeatCounts(int m, const AuTiming& au) {
  std::vector<int> counts;
  for (int request : RequestCounts(m, au)) {
    for (int beat : Chunks(request, au.au_lanes)) counts.push_back(beat);
  }
  return counts;
}

std::vector<int> PBeatCounts(int m, const AuTiming& au) { return Chunks(m, au.pv_lanes); }

// The recurrences restate the stage schedules of docs/au-microarchitecture.md. Every buffer
// between two stages has two slots (the contexts from fetch to logit: fetch_ahead); a slot
// handed over by a pulse in cycle c is visible to the other side from c + 1, so query k may use
// the slot that query k - 2 (k - fetch_ahead) freed.
//   query   accepted once the query store has a slot: query k - S released it with its last
//           logit sub-beat (the last response) in cycle c, so from c + 1 on.
//   fetch   accept a (after the FU's done pulse, with a free context entry); request w in
//           a+1+w; done (survivor slot freed) in a+W; idle from a+W+1.
//   logit   accept g (a context, a free logit slot); from g+1 one sub-beat per cycle while
//           its response is valid; logit beat logit_latency cycles after its sub-beat (the
//           dot product's pipeline); done max_latency after the last beat (the register
//           stages of the maximum's tree); the next accept from the cycle after the last
//           sub-beat.
//   softmax accept s (a full logit slot, a free accumulator slot); window w read in s+w, its
//           p beat in s+6+w (gap, half products, their sum, u, p: kSoftmaxPBeat); the logit
//           slot freed with the last read, the next accept from s+W; done in
//           s+W+6+pv_levels (the products, the adder levels, the accumulation); Z after it.
//   divide  accept d (a full accumulator slot); group g issued in d+g; the slot freed with
//           the last group; output beat in d+G-1+latency.
AccelScheduler::AccelScheduler(const FuTiming& fu, const AuTiming& au)
    : fu_(fu),
      au_(au),
      context_free_(static_cast<std::size_t>(std::max(au.fetch_ahead, 1)), 0),
      query_slot_free_(static_cast<std::size_t>(std::max(au.query_slots, 1)), 0) {}

void AccelScheduler::StartHead(int num_rounds, std::int64_t first_cycle) {
  // The FU is idle when a head starts (its K store is loaded), so its schedule starts afresh;
  // the AU may still work on the previous head's queries, and its state carries over.
  fu_scheduler_.emplace(fu_, num_rounds, first_cycle);
}

AccelQueryTiming AccelScheduler::Next(const QueryResult& result, int num_candidates) {
  if (!fu_scheduler_) throw std::logic_error("AccelScheduler::Next before StartHead");
  const std::size_t slot = count_ % 2;
  std::int64_t& store_slot = query_slot_free_[count_ % query_slot_free_.size()];
  std::int64_t& context_free = context_free_[count_ % context_free_.size()];
  ++count_;
  AccelQueryTiming t;
  t.fu = fu_scheduler_->Next(result, num_candidates, survivor_free_[slot],
                             au_.query_slots > 0 ? store_slot : 0);
  const int m = static_cast<int>(result.rounds.back().survivors.size());
  AuQueryTiming& q = t.au;

  const std::vector<int> requests = RequestCounts(m, au_);
  const std::int64_t a = std::max({t.fu.output_done_cycle + 1, fetch_idle_, context_free});
  for (std::size_t w = 0; w < requests.size(); ++w) {
    q.request.push_back(a + 1 + static_cast<std::int64_t>(w));
  }
  const auto num_requests = static_cast<std::int64_t>(requests.size());
  survivor_free_[slot] = a + num_requests + 1;
  fetch_idle_ = a + num_requests + 1;
  // The FU is idle once the survivor slot is free and every round's row probe has gone.
  fu_idle_ = survivor_free_[slot];
  for (std::int64_t row : t.fu.row_cycle) fu_idle_ = std::max(fu_idle_, row + 1);

  const std::int64_t g = std::max({a + 1, logit_idle_, logit_free_[slot]});
  context_free = g + 1;
  std::int64_t ready = g + 1;  // the logit stage's next free cycle
  for (std::size_t w = 0; w < requests.size(); ++w) {
    const std::int64_t valid = std::max(q.request[w] + au_.mem_latency, last_response_ + 1);
    std::int64_t cycle = std::max(ready, valid);
    const int beats = (requests[w] + au_.au_lanes - 1) / au_.au_lanes;
    for (int b = 0; b < beats; ++b) q.logit.push_back(cycle + b + au_.logit_latency);
    cycle += beats - 1;  // the response is taken with its last sub-beat
    q.response.push_back(cycle);
    last_response_ = cycle;
    ready = cycle + 1;
  }
  const std::int64_t logit_done = q.logit.back() + au_.max_latency;
  store_slot = q.response.back() + 1;              // the last sub-beat read the q16 row
  // The next query is accepted behind the last sub-beat's take, while this one's logits are
  // still in the pipeline (its logit slot, freed by query k - 2's softmax, must be free).
  logit_idle_ = ready;

  const auto windows = static_cast<std::int64_t>(PBeatCounts(m, au_).size());
  const std::int64_t s = std::max({logit_done + 1, softmax_idle_, acc_free_[slot]});
  for (std::int64_t w = 0; w < windows; ++w) q.p.push_back(s + kSoftmaxPBeat + w);
  logit_free_[slot] = s + windows;
  // The last window accumulates after its products and the adder levels; the next query is
  // accepted behind the last read (its accumulator slot, freed by query k - 2's divide, must
  // be free).
  const std::int64_t softmax_done = s + windows - 1 + kSoftmaxPBeat + 1 + au_.pv_levels;
  q.z = softmax_done + 1;
  softmax_idle_ = s + windows;

  const std::int64_t d = std::max(softmax_done + 1, divide_idle_);
  acc_free_[slot] = d + au_.div_groups;
  divide_idle_ = d + au_.div_groups;
  q.out = d + au_.div_groups - 1 + au_.div_latency;
  return t;
}

std::vector<AccelQueryTiming> PredictAccelTiming(const FuTiming& fu, const AuTiming& au,
                                                 const std::vector<QueryResult>& results,
                                                 const std::vector<int>& num_candidates,
                                                 std::int64_t first_cycle) {
  std::vector<AccelQueryTiming> timing;
  if (results.empty()) return timing;
  AccelScheduler scheduler(fu, au);
  scheduler.StartHead(static_cast<int>(results[0].rounds.size()), first_cycle);
  for (std::size_t k = 0; k < results.size(); ++k) {
    timing.push_back(scheduler.Next(results[k], num_candidates[k]));
  }
  return timing;
}

std::vector<StageLoad> StageLoads(const FuTiming& fu, const AuTiming& au,
                                  const std::vector<std::vector<QueryResult>>& results,
                                  const std::vector<std::vector<int>>& num_candidates) {
  std::size_t num_rounds = 0;
  std::int64_t queries = 0;
  for (const auto& head : results) {
    if (!head.empty()) num_rounds = head[0].rounds.size();
    queries += static_cast<std::int64_t>(head.size());
  }
  std::vector<std::int64_t> rounds(num_rounds, 0);
  std::int64_t fetch = 0, logit = 0, softmax = 0, divide = 0;
  for (std::size_t h = 0; h < results.size(); ++h) {
    // The FU's rows per round, as golden::BusiestStageFuCycles counts them.
    const std::vector<std::int64_t> rows =
        BusiestStageFuCycles(fu, results[h], num_candidates[h]).rows_per_round;
    for (std::size_t r = 0; r < rows.size(); ++r) rounds[r] += rows[r];
    for (const QueryResult& q : results[h]) {
      // The same cuts the schedule and the monitors use.
      const auto m = static_cast<int>(q.rounds.back().survivors.size());
      fetch += static_cast<std::int64_t>(RequestCounts(m, au).size());
      logit += static_cast<std::int64_t>(LogitBeatCounts(m, au).size());
      softmax += static_cast<std::int64_t>(PBeatCounts(m, au).size());
      divide += au.div_groups;
    }
  }
  const double n = queries > 0 ? static_cast<double>(queries) : 1.0;
  std::vector<StageLoad> loads;
  for (std::size_t r = 0; r < num_rounds; ++r) {
    loads.push_back({"FU round " + std::to_string(r + 1), static_cast<double>(rounds[r]) / n});
  }
  loads.push_back({"AU fetch", static_cast<double>(fetch) / n});
  loads.push_back({"AU logit", static_cast<double>(logit) / n});
  loads.push_back({"AU softmax", static_cast<double>(softmax) / n});
  loads.push_back({"AU divide", static_cast<double>(divide) / n});
  return loads;
}

const StageLoad& BusiestOf(const std::vector<StageLoad>& loads) {
  return *std::max_element(loads.begin(), loads.end(), [](const StageLoad& a, const StageLoad& b) {
    return a.cycles_per_query < b.cycles_per_query;
  });
}

}  // namespace energon::golden
