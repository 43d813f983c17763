#pragma once
// The accelerator top's part of a configuration: what a user chooses for the whole design (the
// module prefix, the probes, the memory style, the query store), its one validation and the
// one derivation of its widths. The derivation needs the FU's round count, which sizes the
// default query store.

#include <string>

namespace energon::gen {

enum class MemStyle { kBehavioral, kBlackbox };

/// What a user chooses for the top (energon-gen options and configs/*.cfg keys).
struct TopConfig {
  std::string prefix;  ///< module prefix; empty = derived from the parameters
  bool probes = true;  ///< per-round row and survivor probe streams
  MemStyle mem_style = MemStyle::kBehavioral;
  /// Slots of the query store: queries between the query port and the end of the AU's logit
  /// stage (the last reader of the q16 row), 1..64; 0 = the default, 3 R + 4.
  int query_slots = 0;
  /// The widest word an SRAM macro may have: a memory wider than this is split into banks side
  /// by side (docs/generator.md, "Memories and the SRAM flow"), 1..1024.
  int sram_max_width = 128;
  /// The most words an SRAM macro may have, a power of two 2..65536: a deeper memory is split
  /// into banks stacked by the high address bits.
  int sram_max_depth = 4096;
};

/// Everything derived from a valid TopConfig.
struct TopDerived {
  std::string prefix;    ///< the resolved module prefix, ends in '_'
  int query_slots = 10;  ///< query store slots, resolved (TopConfig::query_slots)
  int tag_w = 4;         ///< query tag width, a store slot: max(1, clog2(query_slots))
};

/// The query store's default slot count for R rounds: 3 R + 4, what the golden timing model
/// needs at memory latency 40 with the default fetch-ahead on the benchmark workloads (fewer
/// slots hold the query port there; docs/au-microarchitecture.md, "Query tags").
constexpr int DefaultQuerySlots(int num_rounds) { return 3 * num_rounds + 4; }

inline constexpr int kDefaultSramMaxWidth = 128;
inline constexpr int kDefaultSramMaxDepth = 4096;

/// The top's prefix part: "q<S>_" for a query store of S slots other than the default for
/// `num_rounds`, "np_" without probes, "bb_" for blackbox memories (with "w<W>" and "k<K>"
/// before the '_' for SRAM limits other than the defaults, e.g. "bbw16k4_"; the limits change
/// only blackbox RTL). Does not validate.
std::string TopPrefixPart(const TopConfig& top, int num_rounds);

/// Checks every rule (throws golden::InputError naming the option, the value, the rule and a
/// fix) and derives the values; `default_prefix` stands for an empty TopConfig::prefix.
TopDerived DeriveTop(const TopConfig& top, int num_rounds, const std::string& default_prefix);

/// Verilator 5.006 replaces module names of 128 characters or more by hashes
/// ("<start>__Vhsh<hash>"), and the model's build then fails. Measured: `verilator --lint-only
/// -Wall` keeps a 127-character module name and hashes a 128-character one (DECLFILENAME
/// names the hash); the same limit breaks `--cc` builds.
inline constexpr int kMaxModuleNameLength = 127;

/// The longest module name the design has after its prefix: "energon_top" (as long as
/// "fu_pingpong", 11 characters) with behavioral memories; with --mem-style blackbox the SRAM
/// macro of the largest shape the limits allow, "sram_<sram-max-depth>x<sram-max-width>_1r1w"
/// ("sram_4096x128_1r1w" by default, 18), since every macro is at most that deep and wide.
std::string LongestModuleSuffix(const TopConfig& top);

/// The most characters a prefix may have so that every module name stays within
/// kMaxModuleNameLength: 116 with behavioral memories, 109 with the default SRAM limits.
int MaxPrefixLength(const TopConfig& top);

}  // namespace energon::gen
