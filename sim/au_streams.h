#pragma once
// The attention unit's side of the co-simulation: a generic monitor per AU stream (memory
// requests, logit, p and Z probes, the output rows) and the memory responder agent, which
// answers every request with the K and V rows it names, in request order: after a fixed
// latency when nothing stalls, after a seeded random latency and with random back-pressure
// under a stall seed.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "golden/accel_timing.h"
#include "golden/mp_mrf.h"
#include "golden/tensor.h"
#include "sim/dut.h"
#include "sim/stall.h"
#include "sim/stream_monitor.h"

namespace energon::sim {

/// The memory behind the accelerator's fetch port.
class MemoryResponder {
 public:
  /// `latency` >= 1: a request taken in cycle c is answered from c + latency (plus a random
  /// extra of up to 3 latencies under a stall seed).
  MemoryResponder(const FuShape& shape, PortTable& ports, int latency,
                  std::optional<std::uint64_t> stall_seed, const StallProfile& profile);

  /// The rows requests taken from now on read (the head's int16 codes); requests taken
  /// earlier keep the rows of their head.
  void SetRows(const golden::Matrix16* k, const golden::Matrix16* v) {
    k_ = k;
    v_ = v;
  }
  /// Expects the AU to take the responses of these requests in these cycles (timed runs).
  void ExpectResponses(const std::vector<std::int64_t>& cycles);

  /// Drives the response port for the next cycle (the request monitor drives request ready).
  void Drive(std::int64_t cycle, std::mt19937_64& scramble);
  /// Samples the port in `cycle`: a request taken (its count and indices) is queued, a
  /// response taken is retired. Returns true when anything transferred.
  bool Sample(std::int64_t cycle, bool check, std::vector<Mismatch>& out);
  void CheckDue(std::int64_t cycle, std::vector<Mismatch>& out);

  [[nodiscard]] bool idle() const { return queue_.empty(); }
  [[nodiscard]] bool Done() const { return next_expected_ == expected_.size(); }
  [[nodiscard]] std::int64_t rows_fetched() const { return rows_fetched_; }
  [[nodiscard]] std::string Pending() const;

 private:
  struct Request {
    std::vector<int> keys;
    const golden::Matrix16* k = nullptr;  // the rows it reads: the head's when it was taken
    const golden::Matrix16* v = nullptr;
    std::int64_t ready_at = 0;
  };

  FuShape shape_;
  PortRef req_valid_, req_ready_, req_count_, req_index_;
  PortRef rsp_valid_, rsp_ready_, rsp_k_, rsp_v_;
  int latency_;
  bool stalls_;
  StallGenerator rsp_gap_;
  std::mt19937_64 extra_;
  const golden::Matrix16* k_ = nullptr;
  const golden::Matrix16* v_ = nullptr;
  std::deque<Request> queue_;
  bool presenting_ = false;
  std::vector<std::int64_t> expected_;
  std::size_t next_expected_ = 0;
  std::int64_t rows_fetched_ = 0;
};

/// The AU's output and probe streams and their expected transfers.
class AuStreams {
 public:
  AuStreams(const FuShape& shape, PortTable& ports);

  /// Appends the transfers of one query; `timing` (may be null) gives predicted cycles.
  void Expect(int head, const golden::QueryResult& result, const golden::AuQueryTiming* timing);

  [[nodiscard]] std::vector<StreamMonitor*> monitors();
  [[nodiscard]] StreamMonitor& requests() { return *requests_; }
  [[nodiscard]] StreamMonitor& outputs() { return *outputs_; }

 private:
  FuShape shape_;
  golden::AuTiming au_;
  std::unique_ptr<StreamMonitor> requests_, logits_, ps_, zs_, outputs_;
};

}  // namespace energon::sim
