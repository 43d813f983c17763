#pragma once
// <prefix>energon.core: a FuseSoC CAPI2 core over the generated SystemVerilog (fileset rtl) and
// its self-checking testbench (fileset tb), with the targets lint (Verilator --lint-only -Wall),
// sim_verilator (Verilator --binary --timing) and sim_icarus (iverilog -g2012), both running the
// testbench on energon-vectors' vectors (plusarg vectors), synth (Yosys, FuseSoC's FPGA flow)
// and default (the files and the top).

#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

/// The core file's name: <prefix>energon.core.
std::string CoreFileName(const AccelDerived& derived);

/// The core's VLNV: energon:gen:<prefix without the final _>:<generator version>.
std::string CoreVlnv(const AccelDerived& derived);

/// The core text. "CAPI=2:" is its first line (FuseSoC requires it), the banner follows.
std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths);

}  // namespace energon::gen
