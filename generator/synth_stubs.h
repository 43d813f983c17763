#pragma once
// Synthesis stub: synth/yosys.ys, a technology-independent Yosys run (the constraints are
// generator/sdc.h; the run on a cell library is scripts/synth).

#include <string>
#include <vector>

#include "generator/accel_config.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// True for the memory wrappers (templates named mem_*), which SRAM macros replace.
bool IsMemoryWrapper(const RtlFile& file);

/// synth/yosys.ys, run from the output folder: yosys -s synth/yosys.ys. Reads `rtl_files` in
/// order, then hierarchy, synth -flatten and stat on the top module. With --mem-style blackbox
/// the memory wrappers are read with -lib, so they stay blackbox cells in the netlist.
std::string YosysScript(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<RtlFile>& rtl_files);

}  // namespace energon::gen
