#pragma once
// Synthesis stubs: synth/yosys.ys (a technology-independent Yosys run) and
// synth/<prefix>energon.sdc (the clock, with its period as a variable, and I/O delays).

#include <string>
#include <vector>

#include "generator/accel_config.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// The SDC file's name: <prefix>energon.sdc (it lives in synth/).
std::string SdcName(const AccelDerived& derived);

/// synth/yosys.ys, run from the output folder: yosys -s synth/yosys.ys. Reads `rtl_files` in
/// order, then hierarchy, synth -flatten and stat on the top module. With --mem-style blackbox
/// it first reads synth/sram_blackboxes.sv (sram_flow.h), so every SRAM macro bank stays one
/// blackbox cell in the netlist.
std::string YosysScript(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<RtlFile>& rtl_files);

/// The SDC: CLOCK_PERIOD (ns) set once; clk_i's clock; every other input but rst_ni and every
/// output constrained at a fraction of the period; rst_ni (asynchronous) a false path.
std::string Sdc(const AccelConfig& config, const AccelDerived& derived,
                const std::vector<Port>& ports);

}  // namespace energon::gen
