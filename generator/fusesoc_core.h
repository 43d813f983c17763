#pragma once
// <prefix>energon.core: a FuseSoC CAPI2 core over the generated SystemVerilog (fileset rtl), with
// the targets lint (Verilator --lint-only -Wall), sim_verilator (Verilator), sim_icarus
// (iverilog -g2012), synth (Yosys, FuseSoC's FPGA flow) and default (the files and the top).

#include <optional>
#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

/// A testbench for the simulation targets: its files (relative to the output folder, fileset
/// tb) and its top module. The hook for a generated testbench: energon-gen has none yet, so
/// sim_icarus runs the bare accelerator top (nothing drives it; it ends at time 0) and
/// sim_verilator only builds its C++ model (verilator --cc); with one, both run it (--binary).
struct CoreTestbench {
  std::vector<std::string> files;
  std::string toplevel;
};

/// The core file's name: <prefix>energon.core.
std::string CoreFileName(const AccelDerived& derived);

/// The core's VLNV: energon:gen:<prefix without the final _>:<generator version>.
std::string CoreVlnv(const AccelDerived& derived);

/// The core text. "CAPI=2:" is its first line (FuseSoC requires it), the banner follows.
std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths,
                        const std::optional<CoreTestbench>& testbench = std::nullopt);

}  // namespace energon::gen
