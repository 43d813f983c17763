#include "sim/au_streams.h"

#include <fmt/format.h>

#include <algorithm>

namespace energon::sim {

namespace {
constexpr std::uint64_t kRspGapStream = 65;
constexpr std::uint64_t kRspLatencyStream = 66;
}  // namespace

MemoryResponder::MemoryResponder(const FuShape& shape, PortTable& ports, int latency,
                                 std::optional<std::uint64_t> stall_seed,
                                 const StallProfile& profile)
    : shape_(shape),
      req_valid_(ports.Find("mem_req_valid_o")),
      req_ready_(ports.Find("mem_req_ready_i")),
      req_count_(ports.Find("mem_req_count_o")),
      req_index_(ports.Find("mem_req_index_o")),
      rsp_valid_(ports.Find("mem_rsp_valid_i")),
      rsp_ready_(ports.Find("mem_rsp_ready_o")),
      rsp_k_(ports.Find("mem_rsp_k_i")),
      rsp_v_(ports.Find("mem_rsp_v_i")),
      latency_(latency),
      stalls_(stall_seed.has_value()) {
  if (stall_seed) {
    rsp_gap_ = StallGenerator(DeriveSeed(*stall_seed, kRspGapStream), profile);
    extra_.seed(DeriveSeed(*stall_seed, kRspLatencyStream));
  }
}

void MemoryResponder::ExpectResponses(const std::vector<std::int64_t>& cycles) {
  expected_.insert(expected_.end(), cycles.begin(), cycles.end());
}

void MemoryResponder::Drive(std::int64_t cycle, std::mt19937_64& scramble) {
  const bool gap = rsp_gap_.Next();
  if (!presenting_ && !queue_.empty() && queue_.front().ready_at <= cycle && !gap) {
    // Present the next response: its rows in the request's lanes, random bits elsewhere.
    presenting_ = true;
    const Request& r = queue_.front();
    const int row_bits = 16 * shape_.config.fu.d;
    for (int lane = 0; lane < shape_.derived.au.fetch_rows; ++lane) {
      for (int t = 0; t < shape_.config.fu.d; ++t) {
        const int lsb = lane * row_bits + 16 * t;
        if (lane < static_cast<int>(r.keys.size())) {
          const auto key = static_cast<std::size_t>(r.keys[static_cast<std::size_t>(lane)]);
          rsp_k_.SetBits(lsb, 16, static_cast<std::uint16_t>(r.k->row(static_cast<int>(key))[t]));
          rsp_v_.SetBits(lsb, 16, static_cast<std::uint16_t>(r.v->row(static_cast<int>(key))[t]));
        } else {
          rsp_k_.SetBits(lsb, 16, scramble());
          rsp_v_.SetBits(lsb, 16, scramble());
        }
      }
    }
  }
  rsp_valid_.SetBool(presenting_);
}

bool MemoryResponder::Sample(std::int64_t cycle, bool check, std::vector<Mismatch>& out) {
  bool progress = false;
  if (req_valid_.GetBool() && req_ready_.GetBool()) {
    progress = true;
    Request r;
    r.k = k_;
    r.v = v_;
    const auto count = static_cast<int>(req_count_.Get());
    for (int lane = 0; lane < count && lane < shape_.derived.au.fetch_rows; ++lane) {
      r.keys.push_back(static_cast<int>(
          req_index_.GetBits(lane * shape_.derived.fu.idx_w, shape_.derived.fu.idx_w)));
    }
    bool in_range = !r.keys.empty();
    for (int key : r.keys) in_range = in_range && key < k_->rows;
    if (!in_range) {
      // The request monitor reports what differs; the responder answers with what it can.
      for (int& key : r.keys) key = std::min(key, k_->rows - 1);
      if (r.keys.empty()) r.keys.push_back(0);
    }
    std::int64_t extra = 0;
    if (stalls_)
      extra = static_cast<std::int64_t>(extra_() % static_cast<std::uint64_t>(3 * latency_ + 1));
    r.ready_at = cycle + latency_ + extra;
    rows_fetched_ += static_cast<std::int64_t>(r.keys.size());
    queue_.push_back(std::move(r));
  }
  if (presenting_ && rsp_ready_.GetBool()) {
    progress = true;
    presenting_ = false;
    queue_.pop_front();
    if (check) {
      if (next_expected_ < expected_.size()) {
        const std::int64_t due = expected_[next_expected_++];
        if (due >= 0 && due != cycle) {
          Mismatch m;
          m.cycle = cycle;
          m.stream = "mem_rsp";
          m.field = "cycle";
          m.expected = std::to_string(due);
          m.actual = std::to_string(cycle);
          m.detail = fmt::format("  response {} taken", next_expected_ - 1);
          out.push_back(m);
        }
      }
    }
  }
  return progress;
}

void MemoryResponder::CheckDue(std::int64_t cycle, std::vector<Mismatch>& out) {
  if (next_expected_ == expected_.size()) return;
  const std::int64_t due = expected_[next_expected_];
  if (due < 0 || due > cycle) return;
  Mismatch m;
  m.cycle = cycle;
  m.stream = "mem_rsp";
  m.field = "transfer";
  m.expected = fmt::format("response {} taken in cycle {}", next_expected_, due);
  m.actual = fmt::format("none (mem_rsp_valid_i {}, mem_rsp_ready_o {})", presenting_ ? 1 : 0,
                         rsp_ready_.GetBool() ? 1 : 0);
  out.push_back(m);
}

std::string MemoryResponder::Pending() const {
  if (next_expected_ == expected_.size() && queue_.empty()) return "";
  return fmt::format("    mem_rsp: {} response(s) queued, {} expected still\n", queue_.size(),
                     expected_.size() - next_expected_);
}

AuStreams::AuStreams(const FuShape& shape, PortTable& ports)
    : shape_(shape), au_(GoldenParamsOf(shape, 1).au) {
  const int idx = shape.derived.fu.idx_w;
  const gen::AuDerived& au = shape.derived.au;
  requests_ = std::make_unique<StreamMonitor>(
      StreamSpec{.name = "mem_req",
                 .valid_port = "mem_req_valid_o",
                 .ready_port = "mem_req_ready_i",
                 .fields = {{"count", "mem_req_count_o"},
                            {"index", "mem_req_index_o", false, au.fetch_rows, idx}},
                 .count_field = "count"},
      ports);
  if (shape.config.top.probes) {
    logits_ = std::make_unique<StreamMonitor>(
        StreamSpec{.name = "au_logit",
                   .valid_port = "au_logit_valid_o",
                   .ready_port = "au_logit_ready_i",
                   .fields = {{"query", "au_logit_query_o"},
                              {"count", "au_logit_count_o"},
                              {"last", "au_logit_last_o"},
                              {"logit", "au_logit_logit_o", true, au.au_lanes, au.logit_w}},
                   .count_field = "count"},
        ports);
    ps_ = std::make_unique<StreamMonitor>(
        StreamSpec{.name = "au_p",
                   .valid_port = "au_p_valid_o",
                   .ready_port = "au_p_ready_i",
                   .fields = {{"query", "au_p_query_o"},
                              {"count", "au_p_count_o"},
                              {"last", "au_p_last_o"},
                              {"p", "au_p_p_o", false, au.pv_lanes, au.p_w}},
                   .count_field = "count"},
        ports);
    zs_ = std::make_unique<StreamMonitor>(
        StreamSpec{.name = "au_z",
                   .valid_port = "au_z_valid_o",
                   .ready_port = "au_z_ready_i",
                   .fields = {{"query", "au_z_query_o"}, {"z", "au_z_z_o"}}},
        ports);
  }
  outputs_ = std::make_unique<StreamMonitor>(
      StreamSpec{
          .name = "out",
          .valid_port = "out_valid_o",
          .ready_port = "out_ready_i",
          .fields = {{"query", "out_query_o"}, {"out", "out_data_o", true, shape.config.fu.d, 16}}},
      ports);
}

std::vector<StreamMonitor*> AuStreams::monitors() {
  std::vector<StreamMonitor*> list = {requests_.get()};
  if (logits_) list.insert(list.end(), {logits_.get(), ps_.get(), zs_.get()});
  list.push_back(outputs_.get());
  return list;
}

void AuStreams::Expect(int head, const golden::QueryResult& result,
                       const golden::AuQueryTiming* timing) {
  const std::vector<std::int32_t>& keys = result.rounds.back().survivors;
  const golden::AttentionResult& att = result.attention;
  const int m = static_cast<int>(keys.size());
  const auto cycle = [&](const std::vector<std::int64_t>* cycles, std::size_t i) {
    return timing == nullptr ? std::int64_t{-1} : (*cycles)[i];
  };
  // One beat stream: `counts` cut `values` (survivor order) into beats; a request carries its
  // count, a probe beat its query, count and last flag, before the values.
  const auto expect_beats = [&](StreamMonitor& monitor, const std::vector<int>& counts,
                                const std::vector<std::int64_t>* cycles, const auto& values,
                                bool probe) {
    std::size_t pos = 0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
      ExpectedTransfer t{head, result.index, {}, cycle(cycles, b)};
      if (probe)
        t.values = {result.index, counts[b], b + 1 == counts.size()};
      else
        t.values = {counts[b]};
      for (int i = 0; i < counts[b]; ++i)
        t.values.push_back(static_cast<std::int64_t>(values[pos++]));
      monitor.Expect(std::move(t));
    }
  };
  expect_beats(*requests_, golden::RequestCounts(m, au_), timing ? &timing->request : nullptr, keys,
               false);
  if (logits_) {
    expect_beats(*logits_, golden::LogitBeatCounts(m, au_), timing ? &timing->logit : nullptr,
                 att.logits, true);
    expect_beats(*ps_, golden::PBeatCounts(m, au_), timing ? &timing->p : nullptr, att.p, true);
    zs_->Expect({head,
                 result.index,
                 {result.index, static_cast<std::int64_t>(att.z)},
                 timing ? timing->z : -1});
  }
  ExpectedTransfer out{head, result.index, {result.index}, timing ? timing->out : -1};
  for (std::int16_t v : att.out) out.values.push_back(v);
  outputs_->Expect(std::move(out));
}

}  // namespace energon::sim
