#pragma once
// Synthesis stub: synth/yosys.ys, a technology-independent Yosys run (the constraints are
// generator/sdc.h; the run on a cell library is scripts/synth).

#include <string>
#include <vector>

#include "generator/accel_config.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// synth/yosys.ys, run from the output folder: yosys -s synth/yosys.ys. Reads `rtl_files` in
/// order, then hierarchy, synth -flatten and stat on the top module. With --mem-style blackbox
/// it first reads synth/sram_blackboxes.sv (sram_flow.h), so every SRAM macro bank stays one
/// blackbox cell in the netlist.
std::string YosysScript(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<RtlFile>& rtl_files);

}  // namespace energon::gen
