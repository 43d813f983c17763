#include "generator/accel_config.h"

#include <fmt/format.h>

#include "golden/rounds.h"

namespace energon::gen {

std::string DefaultPrefix(const AccelConfig& config) {
  const FuConfig& fu = config.fu;
  std::string rounds;
  for (const golden::RoundWidths& round : fu.rounds) {
    rounds += fmt::format("{}{}x{}", rounds.empty() ? "" : "_", round.qb, round.kb);
  }
  return fmt::format("energon_d{}_n{}_l{}_r{}_{}{}", fu.d, fu.n_max, fu.fu_lanes, rounds,
                     AuPrefixPart(config.au, fu.d, fu.n_max, fu.fu_lanes),
                     TopPrefixPart(config.top, static_cast<int>(fu.rounds.size())));
}

AccelDerived Derive(const AccelConfig& config) {
  const FuConfig& fu = config.fu;
  AccelDerived derived;
  derived.fu = DeriveFu(fu);
  derived.au = DeriveAu(config.au, fu.d, fu.n_max, fu.fu_lanes);
  derived.top = DeriveTop(config.top, derived.fu.num_rounds, DefaultPrefix(config));
  return derived;
}

}  // namespace energon::gen
