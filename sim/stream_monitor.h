#pragma once
// A generic monitor of one valid/ready stream: the harness registers one per stream (a
// StreamSpec: its name, the ports of its fields, which field counts the valid lanes), lists
// the transfers the golden model expects, and the monitor checks each observed transfer
// against the next expected one, its cycle too when the expectation is timed, and that a
// stalled transfer stays as it is. Adding a stream is one registration.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/mismatch.h"
#include "sim/port.h"

namespace energon::sim {

/// One field of a stream: a port (or `lanes` elements of `width` bits of one port).
struct StreamField {
  std::string name;  ///< reported name, e.g. "logit"
  std::string port;  ///< e.g. "au_logit_logit_o"
  bool is_signed = false;
  int lanes = 0;  ///< 0: a scalar field; else elements of `width` bits, `count` valid
  int width = 0;  ///< element width of a lane field
};

/// One stream's registration. Every member has a default, so a registration (designated
/// initializers) names only what it sets.
struct StreamSpec {
  std::string name{};        ///< reported name, e.g. "r1_surv"
  std::string valid_port{};  ///< e.g. "r1_surv_valid_o"
  std::string ready_port{};  ///< empty: always ready
  /// Scalar fields and lane fields; every lane field of a stream has the same lanes, and a
  /// transfer's lane i is lane i of each of them (e.g. a survivor's index and score).
  std::vector<StreamField> fields{};
  /// The scalar field that says how many lanes are valid (empty: every lane is).
  std::string count_field{};
  /// The lane field of key indices (empty: none); reports name the key a difference is about.
  std::string key_field{};
  std::optional<int> round{};  ///< the FU round a stream belongs to, for reports
  /// Reports number a transfer within its query ("beat"), for streams of several per query.
  bool numbered_beats = false;
  /// An input of the design: the harness drives valid and the fields and the design drives
  /// ready, so the monitor only observes (SetReady does nothing).
  bool input = false;
};

/// One expected transfer: the scalar field values in declaration order, then the first
/// `count` lanes, lane by lane, each lane's fields in declaration order.
struct ExpectedTransfer {
  int head = 0;
  int query = 0;
  std::vector<std::int64_t> values;
  std::int64_t cycle = -1;  ///< predicted cycle; -1 when not timed
  int beat = 0;             ///< its number within its query's transfers (set by Expect)
};

class StreamMonitor {
 public:
  /// Looks up every port of `spec` (throws std::logic_error naming a missing one, or a spec
  /// whose count or key field is not one of its fields).
  StreamMonitor(StreamSpec spec, PortTable& ports);

  [[nodiscard]] const std::string& name() const { return spec_.name; }
  [[nodiscard]] bool input() const { return spec_.input; }
  void Expect(ExpectedTransfer transfer);

  /// Drives ready (when the stream has one and is an output) for the next cycle.
  void SetReady(bool ready);
  [[nodiscard]] bool valid() const { return valid_.GetBool(); }
  [[nodiscard]] bool ready() const;
  /// The values on the stream now (lanes cut to the count), laid out as ExpectedTransfer's.
  [[nodiscard]] std::vector<std::int64_t> Read() const;

  /// Samples the stream in `cycle`; checks a transfer, and that a stalled transfer stays put.
  /// Returns true when a transfer happened. `multi_head` adds the head to reports.
  bool Sample(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out);
  /// A timed transfer due by `cycle` that did not happen.
  void CheckDue(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out);

  [[nodiscard]] bool Done() const { return next_ == expected_.size(); }
  /// The next expected transfer and how many follow it, one line; empty when done.
  [[nodiscard]] std::string Pending() const;
  [[nodiscard]] std::int64_t checked() const { return checked_; }
  [[nodiscard]] std::int64_t transfers() const { return transfers_; }

  /// "query 3 count 2 last 0 index:score [5:7 9:2]" for the values of a transfer: the scalar
  /// fields, then the lanes, each as its fields' values joined by ':'.
  [[nodiscard]] std::string Format(const std::vector<std::int64_t>& values) const;

 private:
  // Lanes held by `values` (laid out as ExpectedTransfer's).
  [[nodiscard]] std::size_t LanesOf(const std::vector<std::int64_t>& values) const;
  [[nodiscard]] std::optional<std::int64_t> KeyAt(const std::vector<std::int64_t>& values,
                                                  std::size_t lane) const;
  [[nodiscard]] std::optional<int> QueryOf(const std::vector<std::int64_t>& values) const;
  [[nodiscard]] Mismatch Base(std::int64_t cycle, bool multi_head) const;
  [[nodiscard]] Mismatch Base(std::int64_t cycle, const ExpectedTransfer& e, bool multi_head) const;
  [[nodiscard]] std::string ExpectedText(const ExpectedTransfer& e) const;
  // The first difference of `actual` from `e`, in the order of the data: the scalar fields
  // before the count, the lanes both hold, the count, the other scalar fields.
  [[nodiscard]] std::optional<Mismatch> Compare(std::int64_t cycle, const ExpectedTransfer& e,
                                                const std::vector<std::int64_t>& actual,
                                                bool multi_head) const;

  StreamSpec spec_;
  PortRef valid_, ready_;
  bool ready_now_ = true;
  std::vector<std::size_t> scalars_;      // indices into spec_.fields, declaration order
  std::vector<std::size_t> lane_fields_;  // indices into spec_.fields, declaration order
  std::vector<PortRef> ports_;            // per field
  int lanes_ = 0;                         // lanes of every lane field
  std::optional<std::size_t> count_;      // position of the count among the scalars
  std::optional<std::size_t> key_;        // position of the key among the lane fields
  std::optional<std::size_t> query_;      // position of a scalar named "query"
  std::vector<ExpectedTransfer> expected_;
  std::size_t next_ = 0;
  bool held_ = false;
  std::vector<std::int64_t> held_values_;
  std::int64_t checked_ = 0;
  std::int64_t transfers_ = 0;
};

}  // namespace energon::sim
