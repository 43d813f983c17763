#include "sim/cosim.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>
#include <stdexcept>

#include "golden/accel_timing.h"
#include "golden/errors.h"
#include "golden/fu_timing.h"
#include "sim/au_streams.h"
#include "sim/fu_ports.h"
#include "sim/fu_streams.h"

namespace energon::sim {
namespace {

// Simulation time: each clock phase lasts kHalfPeriod units; reset is held for kResetCycles
// cycles before cycle 0.
constexpr std::uint64_t kHalfPeriod = 5;
constexpr std::int64_t kResetCycles = 4;
// Cycles the FU may take to report idle_o after its last expected transfer.
constexpr std::int64_t kIdleLimit = 16;

// Stream numbers for DeriveSeed.
constexpr std::uint64_t kKloadStream = 1;
constexpr std::uint64_t kQueryStream = 2;
constexpr std::uint64_t kOrderStream = 3;
constexpr std::uint64_t kScrambleStream = 4;

// The stall stream number of an output stream's ready: FNV-1a of its name, so a stream added
// or removed leaves the stalls of every other stream as they were.
std::uint64_t ReadyStream(const std::string& name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The cycles (inclusive) of a run to trace.
struct TraceWindow {
  std::string path;
  std::int64_t first = 0;
  std::int64_t last = 0;
};

class Session {
 public:
  Session(const DutModel& model, const golden::Workload& workload, const CosimOptions& options,
          const TraceWindow* window)
      : shape_(model.shape),
        workload_(workload),
        options_(options),
        window_(window),
        timed_(!options.stall_seed.has_value()),
        golden_(GoldenParamsOf(model.shape, options.mem_latency)),
        scheduler_(golden_.fu, golden_.au),
        dut_(model.make(DutOptions{options.reset_seed, window != nullptr})),
        ports_(model.shape, dut_->ports()),
        scramble_(DeriveSeed(options.reset_seed, kScrambleStream)) {
    NewStreams();
    ready_stalls_.resize(monitors_.size());
    if (options.stall_seed) {
      const std::uint64_t seed = *options.stall_seed;
      kload_gaps_ = StallGenerator(DeriveSeed(seed, kKloadStream), options.stall_profile);
      query_gaps_ = StallGenerator(DeriveSeed(seed, kQueryStream), options.stall_profile);
      order_rng_.seed(DeriveSeed(seed, kOrderStream));
      for (std::size_t i = 0; i < monitors_.size(); ++i) {
        if (monitors_[i]->input()) continue;
        ready_stalls_[i] = StallGenerator(DeriveSeed(seed, ReadyStream(monitors_[i]->name())),
                                          options.stall_profile);
      }
    }
    watchdog_ = options.watchdog_cycles > 0
                    ? options.watchdog_cycles
                    : 2000 + 16 *
                                 (shape_.config.fu.n_max / shape_.config.fu.fu_lanes +
                                  shape_.derived.fu.div_cycles + 8) *
                                 shape_.derived.fu.num_rounds;
    for (std::size_t h = 0; h < workload.heads.size(); ++h) {
      const golden::Head& head = workload.heads[h];
      const golden::GoldenHead golden_head(head, golden_.hw, RunOfHead(options, h));
      scales_.push_back(golden_head.scale());
      std::vector<golden::QueryResult>& results = golden_results_.emplace_back();
      std::vector<int>& candidates = num_candidates_.emplace_back();
      for (int i = 0; i < head.q.codes.rows; ++i) {
        results.push_back(golden_head.Run(i));
        candidates.push_back(golden_head.NumCandidates(i));
      }
      result_.queries += head.q.codes.rows;
    }
    ClearOutputs();
    double c0 = 0.0;
    std::vector<double> kept(static_cast<std::size_t>(shape_.derived.fu.num_rounds), 0.0);
    for (std::size_t h = 0; h < golden_results_.size(); ++h) {
      for (std::size_t k = 0; k < golden_results_[h].size(); ++k) {
        c0 += num_candidates_[h][k];
        for (std::size_t r = 0; r < kept.size(); ++r) {
          kept[r] += static_cast<double>(golden_results_[h][k].rounds[r].survivors.size());
        }
      }
    }
    for (double k : kept) result_.keep_ratio.push_back(c0 > 0 ? k / c0 : 0.0);
    const double nq = std::max(1, result_.queries);
    result_.candidates_per_query = c0 / nq;
    result_.survivors_per_query = kept.empty() ? 0.0 : kept.back() / nq;
    result_.stage_loads = golden::StageLoads(golden_.fu, golden_.au, golden_results_, num_candidates_);
    result_.heads = static_cast<int>(workload.heads.size());
    result_.timed = timed_;
    result_.watchdog_cycles = watchdog_;
  }

  CosimResult Run() {
    const auto start = std::chrono::steady_clock::now();
    Reset();
    StartHead(0, 0);
    std::int64_t cycle = 0;
    auto last_report = start;
    bool reset_pending = options_.reset_at.has_value();
    for (; phase_ != Phase::kDone; ++cycle) {
      if (reset_pending && cycle == *options_.reset_at) {
        reset_pending = false;
        cycle = Restart(cycle);
      }
      if (window_ != nullptr && cycle > window_->last) break;
      Cycle(cycle);
      if (options_.progress && (cycle & 4095) == 0) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report >= std::chrono::seconds(1)) {
          last_report = now;
          options_.progress(cycle, outputs_total_, result_.queries);
        }
      }
      if (!mismatches_.empty() && window_ == nullptr) {
        ++cycle;
        break;
      }
    }
    result_.cycles = cycle;
    result_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    dut_->StopTrace();
    dut_->Final();
    result_.mismatches = std::move(mismatches_);
    result_.passed = result_.mismatches.empty();
    for (StreamMonitor* monitor : monitors_) result_.transfers_checked += monitor->checked();
    result_.rows_fetched += memory_->rows_fetched();
    return result_;
  }

 private:
  enum class Phase { kLoad, kQueries, kDrain, kDone };

  void Tracing(std::int64_t cycle) {
    if (window_ != nullptr && (cycle >= window_->first || window_->first <= 0) &&
        cycle <= window_->last) {
      dut_->DumpTrace();
    }
  }

  // The FU's and the AU's monitors and the memory responder, new (at the start and after a
  // mid-run reset, which drops whatever they still expected).
  void NewStreams() {
    if (memory_) result_.rows_fetched += memory_->rows_fetched();
    for (StreamMonitor* monitor : monitors_) result_.transfers_checked += monitor->checked();
    fu_.emplace(shape_, dut_->ports());
    au_.emplace(shape_, dut_->ports());
    memory_.emplace(shape_, dut_->ports(), options_.mem_latency, options_.stall_seed,
                    options_.stall_profile);
    monitors_ = fu_->monitors();
    for (StreamMonitor* monitor : au_->monitors()) monitors_.push_back(monitor);
  }

  void ClearOutputs() {
    result_.outputs.clear();
    for (const golden::Head& head : workload_.heads) {
      result_.outputs.emplace_back(static_cast<std::size_t>(head.q.codes.rows));
    }
    output_head_ = 0;
    outputs_seen_ = 0;
    outputs_total_ = 0;
  }

  // Head h's configuration on the cfg_* inputs.
  void SetHeadConfig(std::size_t h) {
    const golden::RunParams& run = RunOfHead(options_, h);
    const int n_keys = run.n_keys == 0 ? workload_.num_keys() : run.n_keys;
    ports_.SetConfig(n_keys, run.causal, run.alpha);
    ports_.SetScale(scales_[h].m, scales_[h].e);
  }

  void Reset() {
    ports_.ClearInputs();
    SetHeadConfig(0);
    ports_.ScrambleKload(scramble_);
    ports_.ScrambleQuery(scramble_);
    ports_.SetReset(true);
    ports_.SetClock(false);
    const std::int64_t first = -kResetCycles - 1;
    // A window that reaches back to cycle 0 includes the reset.
    if (window_ != nullptr && window_->first <= 0) dut_->StartTrace(window_->path);
    dut_->Eval(kHalfPeriod);
    Tracing(first);
    HoldReset(0);
  }

  // Clocks kResetCycles rising edges with rst_ni asserted (the clock low), releases it between
  // the last two and applies the rising edge of cycle `base` (the first after the release).
  void HoldReset(std::int64_t base) {
    for (std::int64_t c = base - kResetCycles; c < base; ++c) {
      ports_.SetClock(true);
      dut_->Eval(kHalfPeriod);
      Tracing(c);
      ports_.SetClock(false);
      if (c == base - 1) ports_.SetReset(false);  // released between two rising edges
      dut_->Eval(kHalfPeriod);
      Tracing(c);
    }
    ports_.SetClock(true);  // edge `base`
    dut_->Eval(kHalfPeriod);
    Tracing(base);
  }

  // --reset-at: asserts rst_ni in `cycle`, whatever is in flight (K rows loading, queries in
  // the FU, memory requests outstanding, the AU draining), as a host resetting the accelerator
  // would: every valid low, the responder's requests dropped. After the release the whole
  // workload runs again from its start, its transfers expected and timed from the release:
  // only state that reset clears may decide them. Returns the first cycle after the release.
  std::int64_t Restart(std::int64_t cycle) {
    result_.reset_cycle = cycle;
    ports_.SetReset(true);
    ports_.SetKloadValid(false);
    ports_.SetQueryValid(false);
    ports_.ScrambleKload(scramble_);
    ports_.ScrambleQuery(scramble_);
    NewStreams();
    memory_->Drive(cycle, scramble_);  // no response offered
    SetHeadConfig(0);
    ports_.SetClock(false);
    dut_->Eval(kHalfPeriod);  // the reset is asynchronous: it acts at once
    Tracing(cycle);
    const std::int64_t base = cycle + kResetCycles + 1;
    HoldReset(base);
    scheduler_ = golden::AccelScheduler(golden_.fu, golden_.au);
    ClearOutputs();
    result_.query_cycles = 0;
    result_.last_output_cycle = -1;
    kload_valid_ = query_valid_ = kload_scramble_ = query_scramble_ = false;
    last_progress_ = last_transfer_ = base;
    drain_done_since_ = idle_since_ = -1;
    kload_prepared_ = kNoHead;
    StartHead(0, base);
    return base;
  }

  // Head h's K rows in the order they are offered: ascending when nothing stalls (under
  // kKloadEarly descending, so the row offered early is the one the last query reads last),
  // shuffled under a stall seed.
  void PrepareKload(std::size_t h) {
    kload_order_.resize(static_cast<std::size_t>(workload_.heads[h].k.codes.rows));
    std::iota(kload_order_.begin(), kload_order_.end(), 0);
    if (!timed_) {
      // Fisher-Yates with 53-bit draws: std::shuffle's draws differ between libraries.
      for (std::size_t i = kload_order_.size(); i > 1; --i) {
        const double u = static_cast<double>(order_rng_() >> 11) * 0x1.0p-53;
        std::swap(kload_order_[i - 1],
                  kload_order_[static_cast<std::size_t>(u * static_cast<double>(i))]);
      }
    } else if (options_.kload_at == CosimOptions::kKloadEarly) {
      std::reverse(kload_order_.begin(), kload_order_.end());
    }
    kload_pos_ = 0;
    kload_wait_ = kload_gaps_.Gap();
    kload_prepared_ = h;
  }

  // Starts head `h` in cycle `cycle`: the first cycle after reset for head 0, the first cycle
  // with the FU idle (F) for a later one. Its configuration changes in F + config_at (head 0's
  // is set during reset), its K rows are offered from F + kload_at (or already are), and its
  // first query comes after its last K row and two cycles after its configuration.
  void StartHead(std::size_t h, std::int64_t cycle) {
    head_ = h;
    phase_ = Phase::kLoad;
    const golden::Head& head = workload_.heads[h];
    if (kload_prepared_ != h) PrepareKload(h);
    const bool early = options_.kload_at == CosimOptions::kKloadEarly;
    config_cycle_ = h == 0 ? cycle : cycle + options_.config_at;
    config_pending_ = h > 0;
    kload_from_ = h == 0 || early ? cycle : cycle + options_.kload_at;
    query_not_before_ = h == 0 ? cycle : config_cycle_ + 2;
    query_pos_ = 0;
    query_valid_ = false;
    head_first_query_ = std::max(kload_from_ + head.k.codes.rows, query_not_before_);
    const std::vector<golden::QueryResult>& results = golden_results_[h];
    const std::vector<int>& candidates = num_candidates_[h];
    // The responder answers requests taken from now on with this head's rows: the FU is idle,
    // so the fetch stage has sent every request of the previous head.
    memory_->SetRows(&head.k.codes, &head.v.codes);
    std::vector<golden::AccelQueryTiming> timing;
    if (timed_) {
      scheduler_.StartHead(shape_.derived.fu.num_rounds, head_first_query_);
      for (std::size_t k = 0; k < results.size(); ++k) {
        timing.push_back(scheduler_.Next(results[k], candidates[k]));
      }
    }
    if (options_.check) {
      for (std::size_t k = 0; k < results.size(); ++k) {
        fu_->Expect(static_cast<int>(h), results[k], candidates[k],
                    timed_ ? &timing[k].fu : nullptr);
        au_->Expect(static_cast<int>(h), results[k], timed_ ? &timing[k].au : nullptr);
        if (timed_) memory_->ExpectResponses(timing[k].au.response);
      }
    }
  }

  // Before the last head, in the drain phase (every query of the head taken): the next head
  // starts in the first cycle the FU is idle (kload_ready_o, a register output, seen before
  // this cycle's inputs are driven), in the cycle the timing model predicts. Under
  // kKloadEarly its first K row is offered from the cycle after the last query handshake on.
  void NextHead(std::int64_t cycle) {
    const std::size_t next = head_ + 1;
    if (options_.kload_at == CosimOptions::kKloadEarly && !kload_valid_) {
      if (kload_prepared_ != next) PrepareKload(next);
      OfferKload(next, cycle);
    }
    if (!ports_.kload_ready()) return;
    if (timed_ && options_.check && cycle != scheduler_.FuIdleCycle()) {
      mismatches_.push_back(
          Protocol(cycle, "kload", "ready",
                   fmt::format("1 from cycle {} (the FU idle)", scheduler_.FuIdleCycle()),
                   fmt::format("1 from cycle {}", cycle), ""));
    }
    result_.query_cycles += cycle + 1 - head_first_query_;
    StartHead(next, cycle);
  }

  // Raises kload_valid_i with head h's next K row, unless it waits for a gap.
  void OfferKload(std::size_t h, std::int64_t cycle) {
    if (kload_pos_ >= kload_order_.size() || cycle < kload_from_) return;
    if (kload_wait_ > 0) {
      --kload_wait_;
      return;
    }
    const int j = kload_order_[kload_pos_];
    kload_valid_ = true;
    ports_.SetKloadData(j, workload_.heads[h].k.codes.row(j));
  }

  // The inputs of the next cycle, set after the rising edge that took the last ones. Index and
  // data inputs carry random bits whenever their valid is low (new ones after each transfer).
  void DriveInputs(std::int64_t cycle) {
    if (kload_scramble_) ports_.ScrambleKload(scramble_);
    if (query_scramble_) ports_.ScrambleQuery(scramble_);
    kload_scramble_ = query_scramble_ = false;
    if (phase_ == Phase::kDrain && head_ + 1 < workload_.heads.size()) NextHead(cycle);
    if (phase_ != Phase::kDone && config_pending_ && cycle >= config_cycle_) {
      config_pending_ = false;
      SetHeadConfig(head_);
    }
    const golden::Head& head = workload_.heads[head_];
    if (phase_ == Phase::kLoad && !kload_valid_) OfferKload(head_, cycle);
    ports_.SetKloadValid(kload_valid_);
    if (phase_ == Phase::kQueries && !query_valid_ &&
        query_pos_ < static_cast<std::size_t>(head.q.codes.rows)) {
      if (query_wait_ > 0) {
        --query_wait_;
      } else if (cycle >= query_not_before_) {
        const int i = static_cast<int>(query_pos_);
        query_valid_ = true;
        ports_.SetQueryData(i, head.q.codes.row(i));
      }
    }
    ports_.SetQueryValid(query_valid_);
    for (std::size_t i = 0; i < monitors_.size(); ++i) {
      monitors_[i]->SetReady(!ready_stalls_[i].Next());
    }
    memory_->Drive(cycle, scramble_);
  }

  Mismatch Protocol(std::int64_t cycle, const std::string& stream, std::string field,
                    std::string expected, std::string actual, std::string detail) const {
    Mismatch m;
    m.cycle = cycle;
    m.stream = stream;
    if (workload_.heads.size() > 1) m.head = static_cast<int>(head_);
    m.field = std::move(field);
    m.expected = std::move(expected);
    m.actual = std::move(actual);
    m.detail = std::move(detail);
    return m;
  }

  // Samples and checks the outputs of `cycle`; true when anything transferred.
  bool Sample(std::int64_t cycle) {
    bool progress = false;
    const golden::Head& head = workload_.heads[head_];
    if (kload_valid_ && phase_ != Phase::kLoad) {
      // A K row offered early, before the FU is idle: taking it now would overwrite keys that
      // the previous head's queries still read.
      if (ports_.kload_ready() && options_.check) {
        Mismatch m = Protocol(cycle, "kload", "ready", "0 until the FU is idle", "1", "");
        m.key = kload_order_[kload_pos_];
        mismatches_.push_back(m);
      }
    } else if (kload_valid_) {
      if (ports_.kload_ready()) {
        progress = true;
        ++kload_pos_;
        kload_valid_ = false;
        kload_wait_ = kload_gaps_.Gap();
        kload_scramble_ = true;
        if (kload_pos_ == kload_order_.size()) {
          phase_ = Phase::kQueries;
          query_wait_ = query_gaps_.Gap();
          head_first_query_ = std::max(cycle + 1 + query_wait_, query_not_before_);
          if (head_ == 0) result_.first_query_cycle = head_first_query_;
        }
      } else if (timed_ && options_.check) {
        Mismatch m = Protocol(cycle, "kload", "ready", "1 (K rows load back to back)", "0", "");
        m.key = kload_order_[kload_pos_];
        mismatches_.push_back(m);
      }
    }
    if (query_valid_ && ports_.query_ready()) {
      progress = true;
      ++query_pos_;
      query_valid_ = false;
      query_wait_ = query_gaps_.Gap();
      query_scramble_ = true;
      if (query_pos_ == static_cast<std::size_t>(head.q.codes.rows)) phase_ = Phase::kDrain;
    }
    const bool multi_head = workload_.heads.size() > 1;
    for (StreamMonitor* monitor : monitors_) {
      const bool valid = monitor->valid() && monitor->ready();
      if (options_.check) {
        if (monitor->Sample(cycle, multi_head, mismatches_)) progress = true;
      } else if (valid) {
        progress = true;
      }
      if (valid && monitor == &au_->outputs()) {
        RecordOutput(monitor->Read());
        result_.last_output_cycle = cycle;
      }
    }
    if (memory_->Sample(cycle, options_.check && timed_, mismatches_)) progress = true;
    if (timed_ && options_.check) {
      for (StreamMonitor* monitor : monitors_) monitor->CheckDue(cycle, multi_head, mismatches_);
      memory_->CheckDue(cycle, mismatches_);
    }
    return progress;
  }

  // After the transfers of `cycle` in the last head's drain phase, all its queries taken: the
  // run is finished when every expected transfer happened and the whole accelerator is idle.
  void Drain(std::int64_t cycle) {
    if (head_ + 1 < workload_.heads.size()) return;  // NextHead starts the next one
    const bool outputs_done = options_.check ? MonitorsDone() : outputs_total_ == result_.queries;
    if (!outputs_done) {
      drain_done_since_ = -1;
      // An FU that went idle with transfers still expected will not send them.
      idle_since_ = ports_.idle() ? (idle_since_ < 0 ? cycle : idle_since_) : -1;
      if (options_.check && idle_since_ >= 0 && cycle - idle_since_ >= kIdleLimit) {
        Mismatch m = Protocol(cycle, "idle", "idle_o", "0 while transfers are still expected",
                              fmt::format("1 for {} cycles", kIdleLimit), "");
        m.detail = "  waiting for:\n" + Pending();
        mismatches_.push_back(m);
      }
      return;
    }
    if (drain_done_since_ < 0) drain_done_since_ = cycle;
    if (ports_.idle()) {
      idle_since_ = -1;
      result_.query_cycles += last_transfer_ + 1 - head_first_query_;
      phase_ = Phase::kDone;
    } else if (options_.check && cycle - drain_done_since_ >= kIdleLimit) {
      mismatches_.push_back(Protocol(
          cycle, "idle", "idle_o", "1",
          fmt::format("0 for {} cycles after the last expected transfer", kIdleLimit), ""));
    }
  }

  bool MonitorsDone() {
    for (StreamMonitor* monitor : monitors_) {
      if (!monitor->Done()) return false;
    }
    return memory_->Done() && memory_->idle();
  }

  std::string Pending() {
    std::string text;
    for (StreamMonitor* monitor : monitors_) text += monitor->Pending();
    return text + memory_->Pending();
  }

  // An output row {query, D values} as the RTL produced it. Outputs come in order, head after
  // head, and a head's last ones may come after the next head has started.
  void RecordOutput(const std::vector<std::int64_t>& values) {
    while (output_head_ + 1 < result_.outputs.size() &&
           outputs_seen_ == static_cast<int>(result_.outputs[output_head_].size())) {
      ++output_head_;
      outputs_seen_ = 0;
    }
    ++outputs_seen_;
    ++outputs_total_;
    auto& rows = result_.outputs[output_head_];
    const auto query = static_cast<std::size_t>(values.at(0));
    if (query >= rows.size()) return;
    rows[query].assign(values.begin() + 1, values.end());
  }

  void Cycle(std::int64_t cycle) {
    if (window_ != nullptr && cycle == window_->first && window_->first > 0) {
      dut_->StartTrace(window_->path);
    }
    DriveInputs(cycle);
    ports_.SetClock(false);
    dut_->Eval(kHalfPeriod);
    Tracing(cycle);
    const bool progress = Sample(cycle);
    if (progress) {
      last_progress_ = cycle;
      last_transfer_ = cycle;
    }
    if (phase_ == Phase::kDrain) Drain(cycle);
    if (phase_ != Phase::kDone && cycle - last_progress_ > watchdog_) {
      Mismatch m = Protocol(cycle, "watchdog", "progress",
                            fmt::format("a transfer within {} cycles", watchdog_),
                            fmt::format("none since cycle {}", last_progress_), "");
      m.detail = fmt::format("  idle_o {}, kload_ready_o {}, query_ready_o {}\n  waiting for:\n{}",
                             ports_.idle() ? 1 : 0, ports_.kload_ready() ? 1 : 0,
                             ports_.query_ready() ? 1 : 0, Pending());
      mismatches_.push_back(m);
    }
    ports_.SetClock(true);
    dut_->Eval(kHalfPeriod);
    Tracing(cycle + 1);
  }

  FuShape shape_;
  const golden::Workload& workload_;
  const CosimOptions& options_;
  const TraceWindow* window_;
  bool timed_;
  gen::GoldenParams golden_;
  golden::AccelScheduler scheduler_;  // timed runs: the schedule over the heads
  std::unique_ptr<Dut> dut_;
  FuPorts ports_;
  std::optional<FuStreams> fu_;
  std::optional<AuStreams> au_;
  std::vector<StreamMonitor*> monitors_;      // every stream: the FU's, then the AU's
  std::vector<StallGenerator> ready_stalls_;  // per monitor: its ready (outputs only)
  std::optional<MemoryResponder> memory_;
  // Per head: the softmax scale, the golden model's result and |C_0| of every query.
  std::vector<golden::SoftmaxScale> scales_;
  std::vector<std::vector<golden::QueryResult>> golden_results_;
  std::vector<std::vector<int>> num_candidates_;
  CosimResult result_;
  std::vector<Mismatch> mismatches_;
  std::int64_t watchdog_ = 0;

  StallGenerator kload_gaps_, query_gaps_;
  std::mt19937_64 order_rng_;
  std::mt19937_64 scramble_;

  static constexpr std::size_t kNoHead = ~std::size_t{0};

  Phase phase_ = Phase::kLoad;
  std::size_t head_ = 0;
  std::size_t kload_prepared_ = kNoHead;  // the head kload_order_ belongs to
  std::int64_t kload_from_ = 0;           // the current head's K rows are offered from here
  std::int64_t config_cycle_ = 0;         // its configuration changes here (if pending)
  bool config_pending_ = false;           // a later head's, not set yet
  std::int64_t query_not_before_ = 0;     // its first query, from here at the earliest
  std::vector<int> kload_order_;
  std::size_t kload_pos_ = 0;
  int kload_wait_ = 0;
  bool kload_valid_ = false;
  bool kload_scramble_ = false;
  bool query_scramble_ = false;
  std::size_t query_pos_ = 0;
  int query_wait_ = 0;
  bool query_valid_ = false;
  std::int64_t head_first_query_ = 0;
  std::int64_t last_progress_ = 0;
  std::int64_t last_transfer_ = 0;
  std::int64_t drain_done_since_ = -1;
  std::int64_t idle_since_ = -1;
  std::size_t output_head_ = 0;  // the head the next output row belongs to
  int outputs_seen_ = 0;         // of output_head_
  int outputs_total_ = 0;        // of the run
};

}  // namespace

std::int64_t TraceTimeOfCycle(std::int64_t cycle) {
  // One falling edge before reset, then two phases per reset cycle, then edge 0.
  return static_cast<std::int64_t>(kHalfPeriod) * (2 * (cycle + kResetCycles) + 2);
}

std::vector<golden::RunParams> VariedHeadRuns(const golden::RunParams& run, int heads,
                                              int num_keys) {
  std::vector<golden::RunParams> runs;
  const int n_keys = run.n_keys == 0 ? num_keys : run.n_keys;
  for (int h = 1; h < heads; ++h) {
    golden::RunParams r = run;
    for (int& a : r.alpha) a = std::clamp((h % 2 == 0 ? a : -a) + 16 * h, -256, 256);
    r.causal = run.causal != (h % 2 == 1);
    r.n_keys = std::max(1, n_keys - h);
    runs.push_back(std::move(r));
  }
  return runs;
}

const golden::RunParams& RunOfHead(const CosimOptions& options, std::size_t head) {
  if (head == 0 || options.head_runs.empty()) return options.run;
  return options.head_runs[std::min(head, options.head_runs.size()) - 1];
}

void ValidateWorkload(const FuShape& shape, const golden::Workload& workload,
                      const golden::RunParams& run) {
  if (workload.heads.empty()) throw golden::InputError("workload", "has no heads");
  if (workload.dim() != shape.config.fu.d) {
    throw golden::InputError(
        "workload", fmt::format("D = {} but configuration {} has D = {}; give a workload with "
                                "{} columns (--synthetic d={})",
                                workload.dim(), shape.name, shape.config.fu.d, shape.config.fu.d,
                                shape.config.fu.d));
  }
  if (workload.num_keys() > shape.config.fu.n_max) {
    throw golden::InputError(
        "workload", fmt::format("K has {} rows but configuration {} holds N_MAX = {} keys; give "
                                "at most {} keys (--synthetic n={})",
                                workload.num_keys(), shape.name, shape.config.fu.n_max,
                                shape.config.fu.n_max, shape.config.fu.n_max));
  }
  const std::int64_t max_queries = std::int64_t{1} << shape.derived.fu.qidx_w;
  if (workload.num_queries() > max_queries) {
    throw golden::InputError(
        "workload",
        fmt::format("Q has {} rows but query indices have {} bits; give at most {} "
                    "queries (--synthetic nq={})",
                    workload.num_queries(), shape.derived.fu.qidx_w, max_queries, max_queries));
  }
  if (workload.num_queries() < 1) {
    throw golden::InputError("workload", "Q has no rows; give at least one query");
  }
  if (run.n_keys < 0 || run.n_keys > workload.num_keys()) {
    throw golden::InputError("--n-keys",
                             fmt::format("n_k = {} but K has {} rows; use 1 to {}", run.n_keys,
                                         workload.num_keys(), workload.num_keys()));
  }
  golden::ValidateAlphas(run.alpha, static_cast<std::size_t>(shape.derived.fu.num_rounds));
}

void ValidateRun(const FuShape& shape, const golden::Workload& workload,
                 const CosimOptions& options) {
  ValidateWorkload(shape, workload, options.run);
  for (const golden::RunParams& run : options.head_runs) ValidateWorkload(shape, workload, run);
  if (options.kload_at != CosimOptions::kKloadEarly &&
      (options.kload_at < 0 || options.kload_at > CosimOptions::kMaxDelay)) {
    throw golden::InputError("--kload-at",
                             fmt::format("{} is not a delay of 0 to {} cycles or 'early'; give one",
                                         options.kload_at, CosimOptions::kMaxDelay));
  }
  if (options.config_at < 0 || options.config_at > CosimOptions::kMaxDelay) {
    throw golden::InputError("--config-at",
                             fmt::format("{} is not a delay of 0 to {} cycles; give one",
                                         options.config_at, CosimOptions::kMaxDelay));
  }
  if (options.reset_at && *options.reset_at < 0) {
    throw golden::InputError("--reset-at", fmt::format("cycle {} is before the first cycle, 0; "
                                                       "give a cycle of the run",
                                                       *options.reset_at));
  }
}

// The accuracy of the RTL's output rows, head by head when the heads run different parameters.
golden::OutputAccuracy MeasureAccuracy(const golden::Workload& workload, const golden::HwParams& hw,
                                       const CosimOptions& options, const CosimResult& result) {
  if (options.head_runs.empty()) {
    return golden::MeasureOutputs(workload, hw, options.run, result.outputs);
  }
  golden::OutputAccuracy all;
  double sum = 0.0;
  for (std::size_t h = 0; h < workload.heads.size(); ++h) {
    golden::Workload one;
    one.heads.push_back(workload.heads[h]);
    const golden::OutputAccuracy a =
        golden::MeasureOutputs(one, hw, RunOfHead(options, h), {result.outputs[h]});
    all.rows += a.rows;
    sum += a.cosine * a.rows;
    if (a.min_cosine < all.min_cosine) {
      all.min_cosine = a.min_cosine;
      all.worst_head = static_cast<int>(h);
      all.worst_query = a.worst_query;
    }
  }
  all.cosine = all.rows > 0 ? sum / all.rows : 0.0;
  return all;
}

CosimResult RunCosim(const DutModel& model, const golden::Workload& workload,
                     const CosimOptions& options) {
  ValidateRun(model.shape, workload, options);
  CosimResult result = Session(model, workload, options, nullptr).Run();
  if (options.reset_at && result.passed && result.reset_cycle < 0) {
    throw golden::InputError(
        "--reset-at", fmt::format("cycle {} is after the run, which ends in cycle {}; give a "
                                  "cycle below {}",
                                  *options.reset_at, result.cycles - 1, result.cycles));
  }
  if (result.passed) {
    result.accuracy = MeasureAccuracy(workload, GoldenParamsOf(model.shape, options.mem_latency).hw,
                                      options, result);
  }
  if (result.passed || options.trace_path.empty()) return result;
  const std::int64_t at = result.mismatches.front().cycle;
  TraceWindow window{options.trace_path, at - options.trace_window,
                     at + std::max<std::int64_t>(options.trace_window / 4, 1)};
  if (window.first <= 0) window.first = -kResetCycles - 1;  // from the start, reset included
  if (!model.shape.traced) {
    result.trace_error =
        "this model was built without --trace-fst (scripts/cosim --trace-fst "
        "builds one with it)";
    return result;
  }
  try {
    const CosimResult traced = Session(model, workload, options, &window).Run();
    result.trace_path = window.path;
    result.trace_first = window.first;
    result.trace_last = std::min(window.last, traced.cycles - 1);
  } catch (const std::runtime_error& e) {
    result.trace_error = e.what();
  }
  return result;
}

}  // namespace energon::sim
