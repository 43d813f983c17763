#include "generator/top_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

#include "generator/fu_config.h"
#include "golden/errors.h"

namespace energon::gen {
namespace {

using golden::InputError;

constexpr int kMinQuerySlots = 1, kMaxQuerySlots = 64;
constexpr int kMinSramWidth = 1, kMaxSramWidth = 1024;
constexpr int kMinSramDepth = 2, kMaxSramDepth = 65536;

// The power of two nearest to `value` within kMinSramDepth..kMaxSramDepth (a suggestion).
int NearestSramDepth(int value) {
  int best = kMinSramDepth;
  for (int p = kMinSramDepth; p <= kMaxSramDepth; p *= 2) {
    if (std::abs(static_cast<long long>(p) - value) <
        std::abs(static_cast<long long>(best) - value))
      best = p;
  }
  return best;
}

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

// The C++20 keywords and alternative tokens ([lex.key], [lex.digraph]) that match the prefix
// rule [a-z][a-z0-9_]*: the params header's namespace is the prefix without its final '_', so
// none of these may be one. (Contextual names such as final, import and module compile.)
constexpr std::array<std::string_view, 92> kCppKeywords = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char8_t",     "char16_t",
    "char32_t",      "class",       "compl",
    "concept",       "const",       "consteval",
    "constexpr",     "constinit",   "const_cast",
    "continue",      "co_await",    "co_return",
    "co_yield",      "decltype",    "default",
    "delete",        "do",          "double",
    "dynamic_cast",  "else",        "enum",
    "explicit",      "export",      "extern",
    "false",         "float",       "for",
    "friend",        "goto",        "if",
    "inline",        "int",         "long",
    "mutable",       "namespace",   "new",
    "noexcept",      "not",         "not_eq",
    "nullptr",       "operator",    "or",
    "or_eq",         "private",     "protected",
    "public",        "register",    "reinterpret_cast",
    "requires",      "return",      "short",
    "signed",        "sizeof",      "static",
    "static_assert", "static_cast", "struct",
    "switch",        "template",    "this",
    "thread_local",  "throw",       "true",
    "try",           "typedef",     "typeid",
    "typename",      "union",       "unsigned",
    "using",         "virtual",     "void",
    "volatile",      "wchar_t",     "while",
    "xor",           "xor_eq"};

void CheckPrefix(const std::string& prefix, const TopConfig& top) {
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
  const int max_length = MaxPrefixLength(top);
  if (static_cast<int>(prefix.size()) > max_length) {
    const std::string longest = prefix + LongestModuleSuffix(top);
    throw InputError(
        "--prefix",
        fmt::format("'{}' has {} characters; the longest module name, {} ({} "
                    "characters), would pass the {} that Verilator 5.006 builds "
                    "without hashing it; use at most {}, e.g. {}",
                    prefix, prefix.size(), longest, longest.size(), kMaxModuleNameLength,
                    max_length, SuggestPrefix(prefix.substr(0, max_length - 1))));
  }
  const std::string_view core(prefix.data(), prefix.size() - 1);
  if (std::find(kCppKeywords.begin(), kCppKeywords.end(), core) != kCppKeywords.end()) {
    throw InputError("--prefix",
                     fmt::format("'{}' makes the params header's namespace '{}' (the prefix "
                                 "without its final '_'), a C++ keyword; use {}x_",
                                 prefix, core, core));
  }
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

std::string LongestModuleSuffix(const TopConfig& top) {
  if (top.mem_style == MemStyle::kBlackbox) {
    return fmt::format("sram_{}x{}_1r1w", top.sram_max_depth, top.sram_max_width);
  }
  return "energon_top";
}

int MaxPrefixLength(const TopConfig& top) {
  return kMaxModuleNameLength - static_cast<int>(LongestModuleSuffix(top).size());
}

std::string TopPrefixPart(const TopConfig& top, int num_rounds) {
  const std::string slots = top.query_slots == 0 || top.query_slots == DefaultQuerySlots(num_rounds)
                                ? ""
                                : fmt::format("q{}_", top.query_slots);
  std::string blackbox;
  if (top.mem_style == MemStyle::kBlackbox) {
    blackbox = "bb";
    if (top.sram_max_width != kDefaultSramMaxWidth)
      blackbox += fmt::format("w{}", top.sram_max_width);
    if (top.sram_max_depth != kDefaultSramMaxDepth)
      blackbox += fmt::format("k{}", top.sram_max_depth);
    blackbox += "_";
  }
  return fmt::format("{}{}{}", slots, top.probes ? "" : "np_", blackbox);
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
  if (top.sram_max_width < kMinSramWidth || top.sram_max_width > kMaxSramWidth) {
    throw InputError("--sram-max-width",
                     fmt::format("{} is outside {}..{} (the widest word of one SRAM macro; wider "
                                 "memories become banks side by side); use {}, or {} (the "
                                 "default)",
                                 top.sram_max_width, kMinSramWidth, kMaxSramWidth,
                                 std::clamp(top.sram_max_width, kMinSramWidth, kMaxSramWidth),
                                 kDefaultSramMaxWidth));
  }
  if (top.sram_max_depth < kMinSramDepth || top.sram_max_depth > kMaxSramDepth ||
      (top.sram_max_depth & (top.sram_max_depth - 1)) != 0) {
    throw InputError("--sram-max-depth",
                     fmt::format("{} is not a power of two in {}..{} (the most words of one SRAM "
                                 "macro; deeper memories become banks selected by the high "
                                 "address bits); use {}, or {} (the default)",
                                 top.sram_max_depth, kMinSramDepth, kMaxSramDepth,
                                 NearestSramDepth(top.sram_max_depth), kDefaultSramMaxDepth));
  }
  TopDerived derived;
  derived.prefix = top.prefix.empty() ? default_prefix : top.prefix;
  CheckPrefix(derived.prefix, top);
  derived.query_slots = top.query_slots == 0 ? DefaultQuerySlots(num_rounds) : top.query_slots;
  derived.tag_w = std::max(1, Clog2(derived.query_slots));
  return derived;
}

}  // namespace energon::gen
