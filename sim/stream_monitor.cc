#include "sim/stream_monitor.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace energon::sim {

StreamMonitor::StreamMonitor(StreamSpec spec, PortTable& ports)
    : spec_(std::move(spec)), valid_(ports.Find(spec_.valid_port)) {
  if (!spec_.ready_port.empty()) ready_ = ports.Find(spec_.ready_port);
  for (std::size_t i = 0; i < spec_.fields.size(); ++i) {
    const StreamField& f = spec_.fields[i];
    ports_.push_back(ports.Find(f.port));
    if (f.lanes == 0) {
      if (f.name == spec_.count_field) count_ = scalars_.size();
      if (f.name == "query") query_ = scalars_.size();
      scalars_.push_back(i);
      continue;
    }
    if (!lane_fields_.empty() && f.lanes != lanes_) {
      throw std::logic_error(fmt::format("stream {}: lane field {} has {} lanes, not {}",
                                         spec_.name, f.name, f.lanes, lanes_));
    }
    lanes_ = f.lanes;
    if (f.name == spec_.key_field) key_ = lane_fields_.size();
    lane_fields_.push_back(i);
  }
  if (!spec_.count_field.empty() && !count_) {
    throw std::logic_error(
        fmt::format("stream {}: no scalar count field {}", spec_.name, spec_.count_field));
  }
  if (!spec_.key_field.empty() && !key_) {
    throw std::logic_error(
        fmt::format("stream {}: no lane key field {}", spec_.name, spec_.key_field));
  }
}

void StreamMonitor::Expect(ExpectedTransfer transfer) {
  const bool same_query = !expected_.empty() && expected_.back().head == transfer.head &&
                          expected_.back().query == transfer.query;
  transfer.beat = same_query ? expected_.back().beat + 1 : 0;
  expected_.push_back(std::move(transfer));
}

void StreamMonitor::SetReady(bool ready) {
  if (spec_.input) return;
  ready_now_ = ready || !ready_.bound();
  if (ready_.bound()) ready_.SetBool(ready);
}

bool StreamMonitor::ready() const {
  if (spec_.input) return !ready_.bound() || ready_.GetBool();
  return ready_now_;
}

std::vector<std::int64_t> StreamMonitor::Read() const {
  std::vector<std::int64_t> values;
  for (std::size_t i : scalars_) {
    const PortRef& port = ports_[i];
    values.push_back(spec_.fields[i].is_signed ? port.GetSigned(0, port.width())
                                               : static_cast<std::int64_t>(port.Get()));
  }
  const std::int64_t lanes =
      count_ ? std::clamp<std::int64_t>(values[*count_], 0, lanes_) : std::int64_t{lanes_};
  for (std::int64_t l = 0; l < lanes; ++l) {
    for (std::size_t i : lane_fields_) {
      const StreamField& f = spec_.fields[i];
      const int lsb = static_cast<int>(l) * f.width;
      values.push_back(f.is_signed ? ports_[i].GetSigned(lsb, f.width)
                                   : static_cast<std::int64_t>(ports_[i].GetBits(lsb, f.width)));
    }
  }
  return values;
}

std::size_t StreamMonitor::LanesOf(const std::vector<std::int64_t>& values) const {
  if (lane_fields_.empty() || values.size() < scalars_.size()) return 0;
  return (values.size() - scalars_.size()) / lane_fields_.size();
}

std::optional<std::int64_t> StreamMonitor::KeyAt(const std::vector<std::int64_t>& values,
                                                 std::size_t lane) const {
  if (!key_ || lane >= LanesOf(values)) return std::nullopt;
  return values[scalars_.size() + lane * lane_fields_.size() + *key_];
}

std::optional<int> StreamMonitor::QueryOf(const std::vector<std::int64_t>& values) const {
  if (!query_ || *query_ >= values.size()) return std::nullopt;
  return static_cast<int>(values[*query_]);
}

std::string StreamMonitor::Format(const std::vector<std::int64_t>& values) const {
  std::vector<std::string> parts;
  for (std::size_t s = 0; s < scalars_.size() && s < values.size(); ++s) {
    parts.push_back(fmt::format("{} {}", spec_.fields[scalars_[s]].name, values[s]));
  }
  if (!lane_fields_.empty()) {
    std::vector<std::string> names, lanes;
    for (std::size_t i : lane_fields_) names.push_back(spec_.fields[i].name);
    for (std::size_t l = 0; l < LanesOf(values); ++l) {
      const auto first =
          values.begin() + static_cast<std::ptrdiff_t>(scalars_.size() + l * lane_fields_.size());
      lanes.push_back(fmt::format(
          "{}", fmt::join(first, first + static_cast<std::ptrdiff_t>(lane_fields_.size()), ":")));
    }
    parts.push_back(fmt::format("{} [{}]", fmt::join(names, ":"), fmt::join(lanes, " ")));
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

Mismatch StreamMonitor::Base(std::int64_t cycle, bool multi_head) const {
  Mismatch m;
  m.cycle = cycle;
  m.stream = spec_.name;
  m.round = spec_.round;
  if (multi_head && next_ < expected_.size()) m.head = expected_[next_].head;
  return m;
}

Mismatch StreamMonitor::Base(std::int64_t cycle, const ExpectedTransfer& e, bool multi_head) const {
  Mismatch m;
  m.cycle = cycle;
  m.stream = spec_.name;
  if (multi_head) m.head = e.head;
  m.query = e.query;
  m.round = spec_.round;
  if (spec_.numbered_beats) m.beat = e.beat;
  return m;
}

std::string StreamMonitor::ExpectedText(const ExpectedTransfer& e) const {
  return fmt::format("{}{}{}", spec_.numbered_beats ? fmt::format("beat {}: ", e.beat) : "",
                     Format(e.values), e.cycle >= 0 ? fmt::format(" in cycle {}", e.cycle) : "");
}

std::optional<Mismatch> StreamMonitor::Compare(std::int64_t cycle, const ExpectedTransfer& e,
                                               const std::vector<std::int64_t>& actual,
                                               bool multi_head) const {
  const auto differ = [&](const StreamField& f, std::size_t position, std::optional<int> lane,
                          std::optional<std::int64_t> key) {
    Mismatch m = Base(cycle, e, multi_head);
    m.field = f.name;
    m.lane = lane;
    m.key = key;
    m.expected = position < e.values.size() ? std::to_string(e.values[position]) : "none";
    m.actual = position < actual.size() ? std::to_string(actual[position]) : "none";
    m.detail = fmt::format("  expected    {}\n  actual      {} in cycle {}", ExpectedText(e),
                           Format(actual), cycle);
    return m;
  };
  const auto scalar_differs = [&](std::size_t s) {
    return s >= e.values.size() || s >= actual.size() || e.values[s] != actual[s];
  };
  const std::size_t before_count = count_ ? *count_ : scalars_.size();
  for (std::size_t s = 0; s < before_count; ++s) {
    if (scalar_differs(s)) return differ(spec_.fields[scalars_[s]], s, std::nullopt, std::nullopt);
  }
  const std::size_t lanes = std::min(LanesOf(e.values), LanesOf(actual));
  for (std::size_t l = 0; l < lanes; ++l) {
    for (std::size_t f = 0; f < lane_fields_.size(); ++f) {
      const std::size_t v = scalars_.size() + l * lane_fields_.size() + f;
      if (e.values[v] != actual[v]) {
        return differ(spec_.fields[lane_fields_[f]], v, static_cast<int>(l), KeyAt(e.values, l));
      }
    }
  }
  if (count_ && scalar_differs(*count_)) {
    // The key is the first lane one side has and the other lacks.
    std::optional<std::int64_t> key = KeyAt(e.values, lanes);
    if (!key) key = KeyAt(actual, lanes);
    return differ(spec_.fields[scalars_[*count_]], *count_, static_cast<int>(lanes), key);
  }
  for (std::size_t s = before_count + 1; s < scalars_.size(); ++s) {
    if (scalar_differs(s)) return differ(spec_.fields[scalars_[s]], s, std::nullopt, std::nullopt);
  }
  return std::nullopt;
}

bool StreamMonitor::Sample(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out) {
  const bool valid = valid_.GetBool();
  const bool ready = this->ready();
  if (held_) {
    // valid never waits on ready, and a stalled transfer stays as it is.
    Mismatch m = Base(cycle, multi_head);
    m.query = QueryOf(held_values_);
    m.field = "stability";
    if (!valid) {
      m.expected = "valid held until ready (it was stalled last cycle)";
      m.actual = "valid 0";
      m.detail = "  stalled     " + Format(held_values_);
      out.push_back(m);
    } else if (const std::vector<std::int64_t> now = Read(); now != held_values_) {
      m.expected = "the stalled transfer unchanged";
      m.actual = "a different transfer";
      m.detail =
          fmt::format("  last cycle  {}\n  this cycle  {}", Format(held_values_), Format(now));
      out.push_back(m);
    }
  }
  held_ = valid && !ready;
  if (held_) held_values_ = Read();
  if (!valid || !ready) return false;
  ++transfers_;
  const std::vector<std::int64_t> actual = Read();
  if (next_ == expected_.size()) {
    Mismatch m = Base(cycle, multi_head);
    m.query = QueryOf(actual);
    m.key = KeyAt(actual, 0);
    m.field = "transfer";
    m.expected = "none (every expected transfer already happened)";
    m.actual = Format(actual);
    out.push_back(m);
    return true;
  }
  const ExpectedTransfer& e = expected_[next_++];
  ++checked_;
  if (std::optional<Mismatch> m = Compare(cycle, e, actual, multi_head)) {
    out.push_back(std::move(*m));
  } else if (e.cycle >= 0 && e.cycle != cycle) {
    Mismatch c = Base(cycle, e, multi_head);
    c.key = KeyAt(e.values, 0);
    c.field = "cycle";
    c.expected = std::to_string(e.cycle);
    c.actual = std::to_string(cycle);
    c.detail = "  transfer    " + ExpectedText(e);
    out.push_back(c);
  }
  return true;
}

void StreamMonitor::CheckDue(std::int64_t cycle, bool multi_head, std::vector<Mismatch>& out) {
  if (next_ == expected_.size()) return;
  const ExpectedTransfer& e = expected_[next_];
  if (e.cycle < 0 || e.cycle > cycle) return;
  Mismatch m = Base(cycle, e, multi_head);
  m.key = KeyAt(e.values, 0);
  m.field = "transfer";
  m.expected = fmt::format("{} in cycle {}", Format(e.values), e.cycle);
  m.actual = fmt::format("none (valid {}, ready {})", valid_.GetBool() ? 1 : 0, ready() ? 1 : 0);
  out.push_back(m);
}

std::string StreamMonitor::Pending() const {
  if (next_ == expected_.size()) return "";
  const ExpectedTransfer& e = expected_[next_];
  return fmt::format("    {}: query {} {}{} ({}), {} more after it\n", spec_.name, e.query,
                     spec_.numbered_beats ? fmt::format("beat {}: ", e.beat) : "", Format(e.values),
                     e.cycle >= 0 ? fmt::format("cycle {}", e.cycle) : "any cycle",
                     expected_.size() - next_ - 1);
}

}  // namespace energon::sim
