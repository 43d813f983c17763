// Fuzzes the --rounds and --alpha parsers (golden/rounds.h), which energon-golden,
// energon-cosim, energon-gen and the configuration files share. The input's first line is a
// --rounds value, the rest an --alpha value (the whole input stands for both when it has no
// newline). A spec that parses must obey every rule, print back and reparse to the same value.

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "golden/errors.h"
#include "golden/rounds.h"

namespace energon::fuzz {
namespace {

void CheckRounds(std::string_view text) {
  std::vector<golden::RoundWidths> rounds;
  try {
    rounds = golden::ParseRounds(text);
  } catch (const golden::InputError& error) {
    CheckPoliteError(error, "--rounds");
    return;
  }
  Check(!rounds.empty() && rounds.size() <= golden::kMaxRounds, "round count outside 1..3");
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    for (int bits : {rounds[r].qb, rounds[r].kb}) {
      Check(bits >= golden::kMinOperandBits && bits <= golden::kMaxOperandBits,
            "a parsed width is outside 1..8");
    }
    Check(r == 0 || (rounds[r].qb >= rounds[r - 1].qb && rounds[r].kb >= rounds[r - 1].kb),
          "parsed widths decrease");
  }
  const std::string printed = golden::FormatRounds(rounds);
  Check(golden::ParseRounds(printed) == rounds, "FormatRounds does not reparse to the same rounds");
}

void CheckAlphas(std::string_view text, std::size_t round_count) {
  std::vector<int> alphas;
  try {
    alphas = golden::ParseAlphas(text, round_count);
  } catch (const golden::InputError& error) {
    CheckPoliteError(error, "--alpha");
    return;
  }
  Check(alphas.size() == round_count, "alpha count differs from the round count");
  for (int alpha : alphas) {
    Check(alpha >= -golden::kAlphaOne && alpha <= golden::kAlphaOne, "alpha outside [-256, 256]");
  }
  const std::string printed = fmt::format("{}", fmt::join(alphas, ","));
  Check(golden::ParseAlphas(printed, round_count) == alphas,
        "printed alphas do not reparse to the same values");
}

void FuzzRoundsAndAlphas(std::string_view input) {
  const std::size_t newline = input.find('\n');
  CheckRounds(input.substr(0, newline));
  const std::string_view alphas =
      newline == std::string_view::npos ? input : input.substr(newline + 1);
  for (std::size_t count = 1; count <= golden::kMaxRounds; ++count) CheckAlphas(alphas, count);
}

}  // namespace
}  // namespace energon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  energon::fuzz::FuzzRoundsAndAlphas(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
