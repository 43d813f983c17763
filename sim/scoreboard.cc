#include "sim/scoreboard.h"

#include <fmt/format.h>

#include <algorithm>

namespace energon::sim {
namespace {

std::string FormatExpectedRow(const ExpectedRow& row) {
  return fmt::format("query {} m {} sum {} max {} min {} t {}", row.query, row.stats.m,
                     row.stats.sum, row.stats.max, row.stats.min, row.t);
}

std::string FormatExpectedBeat(const ExpectedBeat& beat) {
  std::vector<std::string> lanes;
  for (std::size_t l = 0; l < beat.index.size(); ++l) {
    lanes.push_back(fmt::format("{}:{}", beat.index[l], beat.score[l]));
  }
  return fmt::format("query {} count {} last {} [{}]", beat.query, beat.index.size(),
                     beat.last ? 1 : 0, fmt::join(lanes, " "));
}

std::string CycleText(std::int64_t cycle) {
  return cycle < 0 ? "any cycle" : fmt::format("cycle {}", cycle);
}

}  // namespace

std::string FormatRow(const RowSample& row) {
  return fmt::format("query {} m {} sum {} max {} min {} t {}", row.query, row.m, row.sum, row.max,
                     row.min, row.t);
}

std::string FormatBeat(const SurvSample& beat) {
  std::vector<std::string> lanes;
  const int shown = std::clamp(beat.count, 0, static_cast<int>(beat.index.size()));
  lanes.reserve(static_cast<std::size_t>(shown));
  for (int l = 0; l < shown; ++l) {
    lanes.push_back(fmt::format("{}:{}", beat.index[static_cast<std::size_t>(l)],
                                beat.score[static_cast<std::size_t>(l)]));
  }
  return fmt::format("query {} count {} last {} [{}]", beat.query, beat.count, beat.last ? 1 : 0,
                     fmt::join(lanes, " "));
}

Scoreboard::Scoreboard(const FuShape& shape, int num_heads)
    : shape_(shape),
      multi_head_(num_heads > 1),
      rows_(static_cast<std::size_t>(shape.derived.num_rounds)),
      beats_(static_cast<std::size_t>(shape.derived.num_rounds)) {
  for (int r = 1; r <= shape.derived.num_rounds; ++r) {
    names_.push_back(fmt::format("r{}_row", r));
    names_.push_back(fmt::format("r{}_surv", r));
  }
}

const std::string& Scoreboard::StreamName(int round, bool row) const {
  return names_[2 * static_cast<std::size_t>(round - 1) + (row ? 0 : 1)];
}

Mismatch Scoreboard::Base(std::int64_t cycle, const std::string& stream, int head, int query,
                          int round) const {
  Mismatch m;
  m.cycle = cycle;
  m.stream = stream;
  if (multi_head_) m.head = head;
  m.query = query;
  if (round > 0) m.round = round;
  return m;
}

void Scoreboard::Expect(int head, const golden::QueryResult& result, int num_candidates,
                        const golden::QueryTiming* timing) {
  const auto note = [this](std::int64_t cycle) {
    last_predicted_ = std::max(last_predicted_, cycle);
  };
  accepts_.items.push_back({head, result.index, timing != nullptr ? timing->accept_cycle : -1});
  if (timing != nullptr) note(timing->accept_cycle);

  std::vector<std::int32_t> candidates(static_cast<std::size_t>(num_candidates));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j] = static_cast<std::int32_t>(j);
  for (int r = 1; r <= shape_.derived.num_rounds; ++r) {
    const auto ri = static_cast<std::size_t>(r - 1);
    const golden::RoundResult& round = result.rounds[ri];
    if (shape_.config.probes) {
      ExpectedRow row{head, result.index, round.stats, round.threshold, -1};
      if (timing != nullptr) {
        row.cycle = timing->row_cycle[ri];
        note(row.cycle);
      }
      rows_[ri].items.push_back(row);
    }
    if (shape_.config.probes) {
      const std::vector<golden::SurvivorBeat> split =
          timing != nullptr
              ? timing->beats[ri]
              : golden::SplitIntoBeats(candidates, round.survivors, shape_.config.fu_lanes);
      for (std::size_t b = 0; b < split.size(); ++b) {
        const golden::SurvivorBeat& s = split[b];
        ExpectedBeat beat;
        beat.head = head;
        beat.query = result.index;
        beat.beat = static_cast<int>(b);
        beat.row = s.row;
        beat.last = s.last;
        const auto first = static_cast<std::size_t>(s.first);
        const auto end = first + static_cast<std::size_t>(s.count);
        beat.index.assign(round.survivors.begin() + static_cast<std::ptrdiff_t>(first),
                          round.survivors.begin() + static_cast<std::ptrdiff_t>(end));
        beat.score.assign(round.survivor_scores.begin() + static_cast<std::ptrdiff_t>(first),
                          round.survivor_scores.begin() + static_cast<std::ptrdiff_t>(end));
        if (timing != nullptr) {
          beat.cycle = s.cycle;
          note(beat.cycle);
        }
        beats_[ri].items.push_back(std::move(beat));
      }
    }
    candidates = round.survivors;
  }
}

void Scoreboard::OnQueryAccept(std::int64_t cycle, int query, std::vector<Mismatch>& out) {
  ++checked_;
  if (accepts_.empty()) {
    Mismatch m = Base(cycle, "query", 0, query, 0);
    m.field = "transfer";
    m.expected = "no query handshake (every query was accepted)";
    m.actual = fmt::format("query {} accepted", query);
    out.push_back(m);
    return;
  }
  const ExpectedAccept& e = accepts_.items[accepts_.next++];
  if (e.cycle >= 0 && e.cycle != cycle) {
    Mismatch m = Base(cycle, "query", e.head, e.query, 0);
    m.field = "cycle";
    m.expected = std::to_string(e.cycle);
    m.actual = std::to_string(cycle);
    m.detail = fmt::format("query {} accepted in cycle {}, predicted {}", query, cycle, e.cycle);
    out.push_back(m);
  }
}

void Scoreboard::OnRow(int round, const RowSample& sample, std::int64_t cycle,
                       std::vector<Mismatch>& out) {
  ++checked_;
  Queue<ExpectedRow>& queue = rows_[static_cast<std::size_t>(round - 1)];
  const std::string& stream = StreamName(round, true);
  if (queue.empty()) {
    Mismatch m = Base(cycle, stream, 0, static_cast<int>(sample.query), round);
    m.field = "transfer";
    m.expected = "no transfer (every row was seen)";
    m.actual = FormatRow(sample);
    m.detail = fmt::format("  expected  nothing\n  actual    {}", FormatRow(sample));
    out.push_back(m);
    return;
  }
  const ExpectedRow& e = queue.items[queue.next++];
  // The texts are made only for a mismatch: this runs for every transfer.
  const auto detail = [&] {
    return fmt::format("  expected  {}{}\n  actual    {} in cycle {}", FormatExpectedRow(e),
                       e.cycle >= 0 ? fmt::format(" in cycle {}", e.cycle) : "", FormatRow(sample),
                       cycle);
  };
  const std::pair<const char*, std::pair<std::int64_t, std::int64_t>> fields[] = {
      {"query", {e.query, sample.query}}, {"m", {e.stats.m, sample.m}},
      {"sum", {e.stats.sum, sample.sum}}, {"max", {e.stats.max, sample.max}},
      {"min", {e.stats.min, sample.min}}, {"t", {e.t, sample.t}},
  };
  for (const auto& [name, values] : fields) {
    if (values.first != values.second) {
      Mismatch m = Base(cycle, stream, e.head, e.query, round);
      m.field = name;
      m.expected = std::to_string(values.first);
      m.actual = std::to_string(values.second);
      m.detail = detail();
      out.push_back(m);
      return;
    }
  }
  if (e.cycle >= 0 && e.cycle != cycle) {
    Mismatch m = Base(cycle, stream, e.head, e.query, round);
    m.field = "cycle";
    m.expected = std::to_string(e.cycle);
    m.actual = std::to_string(cycle);
    m.detail = detail();
    out.push_back(m);
  }
}

void Scoreboard::OnSurv(int round, const SurvSample& sample, std::int64_t cycle,
                        std::vector<Mismatch>& out) {
  ++checked_;
  Queue<ExpectedBeat>& queue = beats_[static_cast<std::size_t>(round - 1)];
  const std::string& stream = StreamName(round, false);
  if (queue.empty()) {
    Mismatch m = Base(cycle, stream, 0, static_cast<int>(sample.query), round);
    m.field = "transfer";
    m.expected = "no transfer (every beat was seen)";
    m.actual = FormatBeat(sample);
    m.detail = fmt::format("  expected  nothing\n  actual    {}", FormatBeat(sample));
    if (sample.count > 0) m.key = sample.index[0];
    out.push_back(m);
    return;
  }
  const ExpectedBeat& e = queue.items[queue.next++];
  const auto expected_count = static_cast<int>(e.index.size());
  const auto detail = [&] {
    return fmt::format(
        "  expected  beat {}: {}{}\n  actual    {} in cycle {}", e.beat, FormatExpectedBeat(e),
        e.cycle >= 0 ? fmt::format(" in cycle {}", e.cycle) : "", FormatBeat(sample), cycle);
  };
  const auto report = [&](const char* field, std::string expected, std::string actual,
                          std::optional<int> lane, std::optional<std::int64_t> key) {
    Mismatch m = Base(cycle, stream, e.head, e.query, round);
    m.beat = e.beat;
    m.lane = lane;
    m.key = key;
    m.field = field;
    m.expected = std::move(expected);
    m.actual = std::move(actual);
    m.detail = detail();
    out.push_back(m);
  };
  if (sample.query != e.query) {
    report("query", std::to_string(e.query), std::to_string(sample.query), std::nullopt,
           std::nullopt);
    return;
  }
  const int lanes =
      std::min({expected_count, std::max(sample.count, 0), static_cast<int>(sample.index.size())});
  for (int l = 0; l < lanes; ++l) {
    const auto li = static_cast<std::size_t>(l);
    if (sample.index[li] != e.index[li]) {
      report("index", std::to_string(e.index[li]), std::to_string(sample.index[li]), l,
             e.index[li]);
      return;
    }
    if (sample.score[li] != e.score[li]) {
      report("score", std::to_string(e.score[li]), std::to_string(sample.score[li]), l,
             e.index[li]);
      return;
    }
  }
  if (sample.count != expected_count) {
    // The key is the first survivor missing, or the first one too many.
    std::optional<std::int64_t> key;
    if (expected_count > lanes) {
      key = e.index[static_cast<std::size_t>(lanes)];
    } else if (lanes < static_cast<int>(sample.index.size())) {
      key = sample.index[static_cast<std::size_t>(lanes)];
    }
    report("count", std::to_string(expected_count), std::to_string(sample.count), lanes, key);
    return;
  }
  if (sample.last != e.last) {
    report("last", e.last ? "1" : "0", sample.last ? "1" : "0", std::nullopt, std::nullopt);
    return;
  }
  if (e.cycle >= 0 && e.cycle != cycle) {
    report("cycle", std::to_string(e.cycle), std::to_string(cycle), std::nullopt,
           e.index.empty() ? std::nullopt : std::optional<std::int64_t>(e.index.front()));
  }
}

void Scoreboard::CheckDue(std::int64_t cycle, std::vector<Mismatch>& out) {
  if (!accepts_.empty()) {
    const ExpectedAccept& e = accepts_.items[accepts_.next];
    if (e.cycle >= 0 && e.cycle <= cycle) {
      Mismatch m = Base(cycle, "query", e.head, e.query, 0);
      m.field = "transfer";
      m.expected = fmt::format("query {} accepted in cycle {}", e.query, e.cycle);
      m.actual = "none";
      out.push_back(m);
    }
  }
  for (int r = 1; r <= shape_.derived.num_rounds; ++r) {
    const auto ri = static_cast<std::size_t>(r - 1);
    if (!rows_[ri].empty()) {
      const ExpectedRow& e = rows_[ri].items[rows_[ri].next];
      if (e.cycle >= 0 && e.cycle <= cycle) {
        Mismatch m = Base(cycle, StreamName(r, true), e.head, e.query, r);
        m.field = "transfer";
        m.expected = fmt::format("a transfer in cycle {}", e.cycle);
        m.actual = "none";
        m.detail = fmt::format("  expected  {} in cycle {}", FormatExpectedRow(e), e.cycle);
        out.push_back(m);
      }
    }
    if (!beats_[ri].empty()) {
      const ExpectedBeat& e = beats_[ri].items[beats_[ri].next];
      if (e.cycle >= 0 && e.cycle <= cycle) {
        Mismatch m = Base(cycle, StreamName(r, false), e.head, e.query, r);
        m.beat = e.beat;
        if (!e.index.empty()) m.key = e.index.front();
        m.field = "transfer";
        m.expected = fmt::format("a transfer in cycle {}", e.cycle);
        m.actual = "none";
        m.detail = fmt::format("  expected  beat {}: {} in cycle {}", e.beat, FormatExpectedBeat(e),
                               e.cycle);
        out.push_back(m);
      }
    }
  }
}

bool Scoreboard::Done() const {
  if (!accepts_.empty()) return false;
  for (const auto& q : rows_) {
    if (!q.empty()) return false;
  }
  for (const auto& q : beats_) {
    if (!q.empty()) return false;
  }
  return true;
}

std::string Scoreboard::Pending() const {
  std::string text;
  if (!accepts_.empty()) {
    const ExpectedAccept& e = accepts_.items[accepts_.next];
    text += fmt::format("  query     query {} to be accepted ({})\n", e.query, CycleText(e.cycle));
  }
  for (int r = 1; r <= shape_.derived.num_rounds; ++r) {
    const auto ri = static_cast<std::size_t>(r - 1);
    if (!rows_[ri].empty()) {
      const ExpectedRow& e = rows_[ri].items[rows_[ri].next];
      text += fmt::format("  {:<9} {} ({}), {} more after it\n", StreamName(r, true),
                          FormatExpectedRow(e), CycleText(e.cycle),
                          rows_[ri].items.size() - rows_[ri].next - 1);
    }
    if (!beats_[ri].empty()) {
      const ExpectedBeat& e = beats_[ri].items[beats_[ri].next];
      text += fmt::format("  {:<9} beat {}: {} ({}), {} more after it\n", StreamName(r, false),
                          e.beat, FormatExpectedBeat(e), CycleText(e.cycle),
                          beats_[ri].items.size() - beats_[ri].next - 1);
    }
  }
  return text;
}

}  // namespace energon::sim
