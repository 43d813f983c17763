#include "golden/rounds.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "golden/errors.h"

namespace energon::golden {

std::vector<std::string_view> SplitList(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
}

bool ParseInt(std::string_view text, long long& value) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return false;  // "+-5" is not a number
  }
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return !text.empty() && ec == std::errc() && ptr == end;
}

namespace {

int ParseWidth(std::string_view field, std::string_view text, std::string_view option) {
  long long bits = 0;
  if (!ParseInt(field, bits)) {
    throw InputError(std::string(option),
                     fmt::format("'{}' in '{}' is not a width; write each round as QBxKB with "
                                 "whole numbers of bits, e.g. 4x2,4x4",
                                 field, text));
  }
  return static_cast<int>(std::clamp<long long>(bits, -1000, 1000));
}

}  // namespace

void ValidateRounds(const std::vector<RoundWidths>& rounds, std::string_view option) {
  const std::string where(option);
  if (rounds.empty() || rounds.size() > static_cast<std::size_t>(kMaxRounds)) {
    throw InputError(where, fmt::format("{} rounds given; the filter has 1 to {} rounds, e.g. "
                                        "4x2,4x4",
                                        rounds.size(), kMaxRounds));
  }
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    for (const auto& [name, bits] : {std::pair{"QB", rounds[r].qb}, {"KB", rounds[r].kb}}) {
      if (bits < kMinOperandBits || bits > kMaxOperandBits) {
        throw InputError(where, fmt::format("round {} has {} = {}; operand widths are {} to {} "
                                            "bits, use {}",
                                            r + 1, name, bits, kMinOperandBits, kMaxOperandBits,
                                            std::clamp(bits, kMinOperandBits, kMaxOperandBits)));
      }
    }
    if (r > 0 && (rounds[r].qb < rounds[r - 1].qb || rounds[r].kb < rounds[r - 1].kb)) {
      throw InputError(
          where, fmt::format("round {} ({}x{}) is narrower than round {} ({}x{}); widths must not "
                             "decrease from round to round, e.g. {}x{}",
                             r + 1, rounds[r].qb, rounds[r].kb, r, rounds[r - 1].qb,
                             rounds[r - 1].kb, std::max(rounds[r].qb, rounds[r - 1].qb),
                             std::max(rounds[r].kb, rounds[r - 1].kb)));
    }
  }
}

std::vector<RoundWidths> ParseRounds(std::string_view text, std::string_view option) {
  std::vector<RoundWidths> rounds;
  for (std::string_view field : SplitList(text)) {
    const std::size_t x = field.find('x');
    if (x == std::string_view::npos) {
      throw InputError(std::string(option),
                       fmt::format("'{}' in '{}' is not a round; write each round as QBxKB, "
                                   "e.g. 4x2,4x4",
                                   field, text));
    }
    rounds.push_back({ParseWidth(field.substr(0, x), text, option),
                      ParseWidth(field.substr(x + 1), text, option)});
  }
  ValidateRounds(rounds, option);
  return rounds;
}

std::string FormatRounds(const std::vector<RoundWidths>& rounds) {
  std::string text;
  for (const RoundWidths& round : rounds) {
    text += fmt::format("{}{}x{}", text.empty() ? "" : ",", round.qb, round.kb);
  }
  return text;
}

void ValidateAlphas(const std::vector<int>& alphas, std::size_t rounds, std::string_view option) {
  const std::string where(option);
  if (alphas.size() != rounds) {
    throw InputError(where, fmt::format("{} values given for {} rounds; give one A_r per round, "
                                        "e.g. {}",
                                        alphas.size(), rounds,
                                        rounds == 1 ? "0" : (rounds == 2 ? "0,0" : "0,0,0")));
  }
  for (std::size_t r = 0; r < alphas.size(); ++r) {
    if (alphas[r] < -kAlphaOne || alphas[r] > kAlphaOne) {
      throw InputError(where, fmt::format("round {} has A = {}; A_r is in [-256, 256] (alpha = "
                                          "A/256), use {}",
                                          r + 1, alphas[r],
                                          std::clamp(alphas[r], -kAlphaOne, kAlphaOne)));
    }
  }
}

std::vector<int> ParseAlphas(std::string_view text, std::size_t rounds, std::string_view option) {
  std::vector<int> alphas;
  for (std::string_view field : SplitList(text)) {
    long long value = 0;
    if (!ParseInt(field, value)) {
      throw InputError(std::string(option),
                       fmt::format("'{}' in '{}' is not an integer; give one A_r in [-256, 256] "
                                   "per round, e.g. -64,0",
                                   field, text));
    }
    alphas.push_back(static_cast<int>(std::clamp<long long>(value, -100000, 100000)));
  }
  ValidateAlphas(alphas, rounds, option);
  return alphas;
}

}  // namespace energon::golden
