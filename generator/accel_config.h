#pragma once
// The configuration of a generated accelerator: its FU, AU and top parts, what a user chooses
// and everything derived from it, each part validated and derived by its own code. One
// AccelConfig drives the RTL templates, the C++ params header, the manifest, the golden timing
// model and the co-simulation harness.

#include <string>

#include "generator/au_config.h"
#include "generator/fu_config.h"
#include "generator/top_config.h"

namespace energon::gen {

/// What a user chooses (energon-gen options and configs/*.cfg keys).
struct AccelConfig {
  FuConfig fu;    ///< the filtering unit, with D and N_MAX
  AuConfig au;    ///< the attention unit
  TopConfig top;  ///< prefix, probes, memory style, query store
};

/// Everything derived from a valid AccelConfig.
struct AccelDerived {
  FuDerived fu;    ///< DeriveFu(config.fu)
  AuDerived au;    ///< DeriveAu(config.au, D, N_MAX, FU lanes)
  TopDerived top;  ///< DeriveTop(config.top, R, DefaultPrefix(config))
};

/// The prefix used when TopConfig::prefix is empty, e.g. energon_d64_n512_l16_r4x2_4x4_a4_
/// (+ AuPrefixPart's and TopPrefixPart's parts). Does not validate `config`.
std::string DefaultPrefix(const AccelConfig& config);

/// Checks every rule of every part (throws golden::InputError naming the option, the value,
/// the rule and a fix) and derives every value.
AccelDerived Derive(const AccelConfig& config);

}  // namespace energon::gen
