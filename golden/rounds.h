#pragma once
// The filtering-round configuration shared by every tool: operand widths per round
// (fixed in the generated RTL) and the runtime alpha codes A_r.

#include <string>
#include <string_view>
#include <vector>

namespace energon::golden {

inline constexpr int kMaxRounds = 3;
inline constexpr int kMinOperandBits = 1;
inline constexpr int kMaxOperandBits = 8;
inline constexpr int kAlphaOne = 256;  // A_r = 256 means alpha_r = 1.0

/// Operand widths of one filtering round, e.g. {4, 2} for "4x2" (INT4 queries x INT2 keys).
struct RoundWidths {
  int qb = 4;  ///< query operand bits, 1..8
  int kb = 2;  ///< key operand bits, 1..8
  friend bool operator==(const RoundWidths&, const RoundWidths&) = default;
};

/// Parses "4x2,4x4" and checks every rule: 1..3 rounds, widths in 1..8, QB and KB
/// non-decreasing from round to round. `option` names the input in error messages.
std::vector<RoundWidths> ParseRounds(std::string_view text, std::string_view option = "--rounds");

/// Checks the rules of ParseRounds on an already-built list (configuration files, tests).
void ValidateRounds(const std::vector<RoundWidths>& rounds, std::string_view option = "--rounds");

/// Formats rounds back to "4x2,4x4".
std::string FormatRounds(const std::vector<RoundWidths>& rounds);

/// Parses "-64,0": one signed integer A_r in [-256, 256] per round.
std::vector<int> ParseAlphas(std::string_view text, std::size_t rounds,
                             std::string_view option = "--alpha");

/// Checks an alpha list against the round count and the [-256, 256] range.
void ValidateAlphas(const std::vector<int>& alphas, std::size_t rounds,
                    std::string_view option = "--alpha");

/// Splits "a,b,c" into its comma-separated fields (empty fields kept, so they can be refused).
std::vector<std::string_view> SplitList(std::string_view text);

/// Parses a whole decimal integer (optional sign); false on anything else or overflow.
bool ParseInt(std::string_view text, long long& value);

}  // namespace energon::golden
