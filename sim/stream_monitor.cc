#include "sim/stream_monitor.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace energon::sim {

StreamMonitor::StreamMonitor(std::string name, PortTable& ports, const std::string& valid_port,
                             const std::string& ready_port, std::vector<StreamField> fields,
                             std::string count_field)
    : name_(std::move(name)), valid_(ports.Find(valid_port)), fields_(std::move(fields)) {
  if (!ready_port.empty()) ready_ = ports.Find(ready_port);
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    ports_.push_back(ports.Find(fields_[i].port));
    if (fields_[i].name == count_field) count_index_ = static_cast<int>(i);
  }
  if (!count_field.empty() && count_index_ < 0) {
    throw std::logic_error(fmt::format("stream {}: no count field {}", name_, count_field));
  }
}

void StreamMonitor::SetReady(bool ready) {
  ready_now_ = ready || !ready_.bound();
  if (ready_.bound()) ready_.SetBool(ready);
}

std::vector<std::int64_t> StreamMonitor::Read() const {
  std::vector<std::int64_t> values;
  std::int64_t count = -1;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const StreamField& f = fields_[i];
    const PortRef& port = ports_[i];
    if (f.lanes == 0) {
      const std::int64_t v =
          f.is_signed ? port.GetSigned(0, port.width()) : static_cast<std::int64_t>(port.Get());
      values.push_back(v);
      if (static_cast<int>(i) == count_index_) count = v;
      continue;
    }
    const std::int64_t lanes = count < 0 ? f.lanes : std::clamp<std::int64_t>(count, 0, f.lanes);
    for (std::int64_t l = 0; l < lanes; ++l) {
      const int lsb = static_cast<int>(l) * f.width;
      values.push_back(f.is_signed ? port.GetSigned(lsb, f.width)
                                   : static_cast<std::int64_t>(port.GetBits(lsb, f.width)));
    }
  }
  return values;
}

std::string StreamMonitor::Format(const std::vector<std::int64_t>& values) const {
  std::string text;
  std::size_t v = 0;
  std::int64_t count = -1;
  for (std::size_t i = 0; i < fields_.size() && v < values.size(); ++i) {
    const StreamField& f = fields_[i];
    if (!text.empty()) text += ' ';
    if (f.lanes == 0) {
      if (static_cast<int>(i) == count_index_) count = values[v];
      text += fmt::format("{} {}", f.name, values[v++]);
      continue;
    }
    const std::int64_t lanes = count < 0 ? f.lanes : std::clamp<std::int64_t>(count, 0, f.lanes);
    std::vector<std::int64_t> lane_values;
    for (std::int64_t l = 0; l < lanes && v < values.size(); ++l)
      lane_values.push_back(values[v++]);
    text += fmt::format("{} [{}]", f.name, fmt::join(lane_values, " "));
  }
  return text;
}

Mismatch StreamMonitor::Base(std::int64_t cycle, const ExpectedTransfer& e, bool multi_head) const {
  Mismatch m;
  m.cycle = cycle;
  m.stream = name_;
  if (multi_head) m.head = e.head;
  m.query = e.query;
  return m;
}

bool StreamMonitor::Sample(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out) {
  const bool valid = valid_.GetBool();
  if (held_) {
    // valid never waits on ready, and a stalled transfer stays as it is.
    Mismatch m;
    m.cycle = cycle;
    m.stream = name_;
    m.field = "stability";
    if (!valid) {
      m.expected = "valid held until ready (it was stalled last cycle)";
      m.actual = "valid 0";
      m.detail = "  stalled     " + Format(held_values_);
      out.push_back(m);
    } else if (Read() != held_values_) {
      m.expected = "the stalled transfer unchanged";
      m.actual = "a different transfer";
      m.detail =
          fmt::format("  last cycle  {}\n  this cycle  {}", Format(held_values_), Format(Read()));
      out.push_back(m);
    }
  }
  held_ = valid && !ready_now_;
  if (held_) held_values_ = Read();
  if (!valid || !ready_now_) return false;
  ++transfers_;
  const std::vector<std::int64_t> actual = Read();
  if (next_ == expected_.size()) {
    Mismatch m;
    m.cycle = cycle;
    m.stream = name_;
    m.field = "transfer";
    m.expected = "none (every expected transfer already happened)";
    m.actual = Format(actual);
    out.push_back(m);
    return true;
  }
  const ExpectedTransfer& e = expected_[next_++];
  ++checked_;
  // The first field that differs, by name (lane fields with their lane).
  std::size_t v = 0;
  std::int64_t count = -1;
  bool reported = false;
  for (std::size_t i = 0; i < fields_.size() && !reported; ++i) {
    const StreamField& f = fields_[i];
    const std::int64_t lanes =
        f.lanes == 0 ? 1 : (count < 0 ? f.lanes : std::clamp<std::int64_t>(count, 0, f.lanes));
    for (std::int64_t l = 0; l < lanes; ++l, ++v) {
      const bool have_e = v < e.values.size(), have_a = v < actual.size();
      if (have_e && have_a && e.values[v] == actual[v]) continue;
      Mismatch m = Base(cycle, e, multi_head);
      m.field = f.name;
      if (f.lanes != 0) m.lane = static_cast<int>(l);
      m.expected = have_e ? std::to_string(e.values[v]) : "none";
      m.actual = have_a ? std::to_string(actual[v]) : "none";
      m.detail =
          fmt::format("  expected    {}\n  actual      {}", Format(e.values), Format(actual));
      out.push_back(m);
      reported = true;
      break;
    }
    if (f.lanes == 0 && static_cast<int>(i) == count_index_ && v >= 1 && v - 1 < e.values.size()) {
      count = e.values[v - 1];
    }
  }
  if (!reported && e.cycle >= 0 && e.cycle != cycle) {
    Mismatch m = Base(cycle, e, multi_head);
    m.field = "cycle";
    m.expected = std::to_string(e.cycle);
    m.actual = std::to_string(cycle);
    m.detail = "  transfer    " + Format(actual);
    out.push_back(m);
  }
  return true;
}

void StreamMonitor::CheckDue(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out) {
  if (next_ == expected_.size()) return;
  const ExpectedTransfer& e = expected_[next_];
  if (e.cycle < 0 || e.cycle > cycle) return;
  Mismatch m = Base(cycle, e, multi_head);
  m.field = "transfer";
  m.expected = fmt::format("{} in cycle {}", Format(e.values), e.cycle);
  m.actual = fmt::format("none (valid {}, ready {})", valid_.GetBool() ? 1 : 0, ready_now_ ? 1 : 0);
  out.push_back(m);
}

std::string StreamMonitor::Pending() const {
  if (next_ == expected_.size()) return "";
  const ExpectedTransfer& e = expected_[next_];
  return fmt::format("    {}: query {} {}{}\n", name_, e.query, Format(e.values),
                     e.cycle >= 0 ? fmt::format(" (cycle {})", e.cycle) : "");
}

}  // namespace energon::sim
