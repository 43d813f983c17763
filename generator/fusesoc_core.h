#pragma once
// <prefix>energon.core: a FuseSoC CAPI2 core over the generated SystemVerilog, with a lint target
// (Verilator --lint-only -Wall) and a synthesis target (Yosys).

#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

/// The core file's name: <prefix>energon.core.
std::string CoreFileName(const AccelDerived& derived);

/// The core text. "CAPI=2:" is its first line (FuseSoC requires it), the banner follows.
std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths);

}  // namespace energon::gen
