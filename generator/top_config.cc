#include "generator/top_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "generator/fu_config.h"
#include "golden/errors.h"

namespace energon::gen {
namespace {

using golden::InputError;

constexpr int kMinQuerySlots = 1, kMaxQuerySlots = 64;

// Prefix rules: [a-z][a-z0-9_]*_ and the prefix without its final '_' (the params header's
// namespace) must not end in _<digit>, since no name may end in _<digit>.
std::string SuggestPrefix(std::string_view text) {
  std::string fixed;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    fixed.push_back(ok ? c : '_');
  }
  if (fixed.empty() || fixed.front() < 'a' || fixed.front() > 'z') fixed = "p" + fixed;
  while (!fixed.empty() && fixed.back() == '_') fixed.pop_back();
  // "my_2" -> "my2": drop the '_' before a trailing digit group.
  std::size_t digits = fixed.size();
  while (digits > 0 && fixed[digits - 1] >= '0' && fixed[digits - 1] <= '9') --digits;
  if (digits < fixed.size() && digits > 0 && fixed[digits - 1] == '_') fixed.erase(digits - 1, 1);
  return fixed + "_";
}

void CheckPrefix(const std::string& prefix) {
  const auto fail = [&](std::string_view rule) {
    throw InputError("--prefix",
                     fmt::format("'{}' {}; use {}", prefix, rule, SuggestPrefix(prefix)));
  };
  if (prefix.empty() || prefix.front() < 'a' || prefix.front() > 'z') {
    fail("does not start with a lowercase letter (prefixes match [a-z][a-z0-9_]*_)");
  }
  for (char c : prefix) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      fail(fmt::format("holds '{}' (prefixes match [a-z][a-z0-9_]*_)", c));
    }
  }
  if (prefix.back() != '_') fail("does not end in '_' (prefixes match [a-z][a-z0-9_]*_)");
  if (static_cast<int>(prefix.size()) > kMaxPrefixLength) {
    throw InputError("--prefix",
                     fmt::format("'{}' has {} characters; module names would pass the {} that "
                                 "Verilator 5.006 builds; use at most {}, e.g. {}",
                                 prefix, prefix.size(), kMaxModuleNameLength, kMaxPrefixLength,
                                 prefix.substr(0, kMaxPrefixLength - 1) + "_"));
  }
  const std::string_view core(prefix.data(), prefix.size() - 1);
  std::size_t digits = core.size();
  while (digits > 0 && core[digits - 1] >= '0' && core[digits - 1] <= '9') --digits;
  if (digits < core.size() && digits > 0 && core[digits - 1] == '_') {
    fail(
        fmt::format("ends in _<digit>_, which makes names end in _<digit> (the params namespace "
                    "would be {})",
                    core));
  }
}

}  // namespace

std::string TopPrefixPart(const TopConfig& top, int num_rounds) {
  const std::string slots = top.query_slots == 0 || top.query_slots == DefaultQuerySlots(num_rounds)
                                ? ""
                                : fmt::format("q{}_", top.query_slots);
  return fmt::format("{}{}{}", slots, top.probes ? "" : "np_",
                     top.mem_style == MemStyle::kBlackbox ? "bb_" : "");
}

TopDerived DeriveTop(const TopConfig& top, int num_rounds, const std::string& default_prefix) {
  if (top.mem_style != MemStyle::kBehavioral && top.mem_style != MemStyle::kBlackbox) {
    throw InputError("--mem-style", fmt::format("{} is not a memory style; use behavioral or "
                                                "blackbox",
                                                static_cast<int>(top.mem_style)));
  }
  if (top.query_slots != 0 &&
      (top.query_slots < kMinQuerySlots || top.query_slots > kMaxQuerySlots)) {
    throw InputError("--query-slots",
                     fmt::format("{} is outside {}..{} (queries in flight before the AU's logit "
                                 "stage); use {}, or 0 for the default {}",
                                 top.query_slots, kMinQuerySlots, kMaxQuerySlots,
                                 std::clamp(top.query_slots, kMinQuerySlots, kMaxQuerySlots),
                                 DefaultQuerySlots(num_rounds)));
  }
  TopDerived derived;
  derived.prefix = top.prefix.empty() ? default_prefix : top.prefix;
  CheckPrefix(derived.prefix);
  derived.query_slots = top.query_slots == 0 ? DefaultQuerySlots(num_rounds) : top.query_slots;
  derived.tag_w = std::max(1, Clog2(derived.query_slots));
  return derived;
}

}  // namespace energon::gen
