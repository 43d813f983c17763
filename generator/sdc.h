#pragma once
// The timing constraints of the generated accelerator: synth/<prefix>energon.sdc (clock,
// uncertainty, I/O budget, the quasi-static configuration inputs as two-cycle paths, the
// asynchronous reset as a false path) and synth/config.mk, an OpenROAD-flow-scripts design
// configuration that points at the RTL and that SDC.

#include <string>
#include <vector>

#include "generator/accel_config.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// The clock period the SDC and config.mk default to, in ns (scripts/synth closes timing here).
inline constexpr double kDefaultClockPeriodNs = 5.0;

/// The SDC file's name: <prefix>energon.sdc (it lives in synth/).
std::string SdcName(const AccelDerived& derived);

/// True for the configuration inputs (cfg_*): they change only while kload_ready_o is high and
/// at least two cycles before the next query, so the SDC gives them two cycles.
bool IsQuasiStaticInput(const Port& port);

/// The SDC. Tcl: CLOCK_PERIOD (ns) may be set before it is read, and the I/O budget and the
/// uncertainty follow from it.
std::string Sdc(const AccelConfig& config, const AccelDerived& derived,
                const std::vector<Port>& ports);

/// synth/config.mk for OpenROAD-flow-scripts: design name, RTL files, SDC, clock period;
/// platform, floorplan and the SRAM macros' LEF/Liberty are left for the user to fill in.
std::string OrfsConfig(const AccelConfig& config, const AccelDerived& derived,
                       const std::vector<std::string>& rtl_paths);

}  // namespace energon::gen
