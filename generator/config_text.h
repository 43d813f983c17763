#pragma once
// The ways a configuration is written down: as energon-gen options (the command that
// regenerates an output), as a one-line summary (file banners), and as JSON (--print-config and
// the manifest). Keys follow the long option names, so every form reads back as input.

#include <nlohmann/json.hpp>
#include <string>

#include "generator/accel_config.h"

namespace energon::gen {

/// "behavioral" or "blackbox", as --mem-style spells it.
std::string MemStyleName(MemStyle style);

/// The energon-gen command that regenerates the output of `config`, every option explicit
/// except the output folder (written "--out DIR"), and --prefix only when it is not the
/// default one. No paths, so it is the same from every working directory.
std::string RegenerateCommand(const AccelConfig& config, const AccelDerived& derived);

/// One line: "d=64 n-max=512 rounds=4x2,4x4 fu-lanes=16 probes=on mem-style=behavioral
/// prefix=energon_d64_n512_l16_r4x2_4x4_".
std::string ParameterSummary(const AccelConfig& config, const AccelDerived& derived);

/// The resolved configuration keyed by long option name (prefix resolved).
nlohmann::ordered_json ConfigJson(const AccelConfig& config, const AccelDerived& derived);

/// The resolved configuration as a configuration file, one "key = value" line per key of
/// ConfigJson in its order (every key explicit, the prefix resolved), e.g. "d = 64\nn-max =
/// 512\n...". ParseConfigText reads it back into the same configuration; the params header
/// carries it (kConfigText), so a consumer of the header derives every value with
/// energon-gen's own code instead of copying constants field by field.
std::string ConfigFileText(const AccelConfig& config, const AccelDerived& derived);

/// Every derived value of docs/fu-microarchitecture.md, with the per-round list.
nlohmann::ordered_json DerivedJson(const AccelDerived& derived);

}  // namespace energon::gen
