#pragma once
// Seeded random accelerator configurations for the random-configuration regression and
// scripts/soak (docs/soak.md). A draw picks every energon-gen knob independently, writes it as
// a configuration file and parses that text with energon-gen's own code (gen::ParseConfigText,
// the ResolveConfig + Derive path of `energon-gen --config`), so a drawn configuration is valid
// by construction; a draw energon-gen refuses, or one over the size bound, is drawn again and
// counted.

#include <cstdint>
#include <map>
#include <string>

#include "generator/gen_options.h"

namespace energon::randomized {

/// Limits on what a draw may cost to build and simulate (the rules of energon-gen allow far
/// more: D 1024, N_MAX 65536). docs/soak.md gives the measured build times behind them.
struct SizeBound {
  const char* name = "soak";
  int max_d = 64;
  int max_n_max = 512;
  int max_fu_lanes = 16;
  /// D x (L x R + A + Pv): the lane datapaths, which decide the Verilated C++ size. The default
  /// configuration's value (64 x (16 x 2 + 4 + 4) = 2560) builds in 1 to 1.5 minutes on 2 cores.
  int max_datapath = 2560;
  /// SRAM macro instances (every RAM's banks, --mem-style blackbox).
  int max_macros = 256;
};

/// The bound of scripts/soak: about the default configuration's build cost at most.
SizeBound SoakBound();
/// The bound of the fixed set in the default test run: models of about 25 s of CPU each.
SizeBound CiBound();
/// "soak" or "ci"; throws golden::InputError naming --bound otherwise.
SizeBound BoundNamed(const std::string& name);

/// D x (L x R + A + Pv) of a configuration (SizeBound::max_datapath).
int DatapathCost(const gen::AccelConfig& config, const gen::AccelDerived& derived);
/// SRAM macro instances of a configuration: 0 with behavioral memories.
int MacroCount(const gen::AccelConfig& config, const gen::AccelDerived& derived);

struct DrawnConfig {
  std::uint64_t seed = 0;
  std::string bound;     ///< SizeBound::name
  std::string text;      ///< the configuration file, header comment included
  gen::Options options;  ///< the text parsed by energon-gen's rules
  int draws = 0;         ///< draws until one was kept (1 = the first)
  /// Refused draws by the input energon-gen named (e.g. "fu-lanes"), and over the bound by
  /// "size bound (shape)", "(datapath)" or "(macros)".
  std::map<std::string, int> rejections;
};

/// The configuration of `seed` under `bound`: the same seed and bound give the same text on
/// every platform (mt19937_64, integer draws only).
DrawnConfig DrawConfig(std::uint64_t seed, const SizeBound& bound);

/// One line of the key knobs, e.g. "d=13 n-max=64 rounds=2x2,3x4 fu=4 au=3 pv=5 fetch=2 div=7
/// fx=9 pb=20 ahead=5 slots=7 probes=on mem=blackbox(24x8,12 macros) prefix=default".
std::string KnobSummary(const gen::AccelConfig& config, const gen::AccelDerived& derived);

}  // namespace energon::randomized
