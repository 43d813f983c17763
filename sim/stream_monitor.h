#pragma once
// A generic monitor of one valid/ready output stream: the harness registers one per stream
// (a name, the port names of its fields, how many lanes the count field makes valid), lists
// the transfers the golden model expects, and the monitor checks each observed transfer
// against the next expected one, its cycle too when the expectation is timed. Adding a stream
// is one registration.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/mismatch.h"
#include "sim/port.h"

namespace energon::sim {

/// One field of a stream: a port (or `lanes` elements of `width` bits of one port).
struct StreamField {
  std::string name;      ///< reported name, e.g. "logit"
  std::string port;      ///< e.g. "au_logit_logit_o"
  bool is_signed = false;
  int lanes = 0;         ///< 0: a scalar field; else elements of `width` bits, `count` valid
  int width = 0;         ///< element width of a lane field
};

/// One expected transfer: the field values in declaration order, lane fields flattened to
/// their first `count` elements.
struct ExpectedTransfer {
  int head = 0;
  int query = 0;
  std::vector<std::int64_t> values;
  std::int64_t cycle = -1;  ///< predicted cycle; -1 when not timed
};

class StreamMonitor {
 public:
  /// `count_field` names the scalar field that says how many lane elements are valid (empty:
  /// every lane field is compared whole). `ready_port` may be empty (always ready).
  StreamMonitor(std::string name, PortTable& ports, const std::string& valid_port,
                const std::string& ready_port, std::vector<StreamField> fields,
                std::string count_field = "");

  [[nodiscard]] const std::string& name() const { return name_; }
  void Expect(ExpectedTransfer transfer) { expected_.push_back(std::move(transfer)); }

  /// Drives ready (when the stream has one) for the next cycle.
  void SetReady(bool ready);
  [[nodiscard]] bool valid() const { return valid_.GetBool(); }
  [[nodiscard]] bool ready() const { return ready_now_; }
  /// The values on the stream now (lane fields cut to the count).
  [[nodiscard]] std::vector<std::int64_t> Read() const;

  /// Samples the stream in `cycle`; checks a transfer, and that a stalled transfer stays put.
  /// Returns true when a transfer happened. `multi_head` adds the head to reports.
  bool Sample(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out);
  /// A timed transfer due by `cycle` that did not happen.
  void CheckDue(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out);

  [[nodiscard]] bool Done() const { return next_ == expected_.size(); }
  [[nodiscard]] std::string Pending() const;
  [[nodiscard]] std::int64_t checked() const { return checked_; }
  [[nodiscard]] std::int64_t transfers() const { return transfers_; }

  /// "query 3 count 2 last 0 logit [5 -7]" for the values of a transfer.
  [[nodiscard]] std::string Format(const std::vector<std::int64_t>& values) const;

 private:
  Mismatch Base(std::int64_t cycle, const ExpectedTransfer& e, bool multi_head) const;

  std::string name_;
  PortRef valid_, ready_;
  bool ready_now_ = true;
  std::vector<StreamField> fields_;
  std::vector<PortRef> ports_;
  int count_index_ = -1;
  std::vector<ExpectedTransfer> expected_;
  std::size_t next_ = 0;
  bool held_ = false;
  std::vector<std::int64_t> held_values_;
  std::int64_t checked_ = 0;
  std::int64_t transfers_ = 0;
};

}  // namespace energon::sim
