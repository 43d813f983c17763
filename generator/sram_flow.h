#pragma once
// The output files of --mem-style blackbox (docs/generator.md, "Memories and the SRAM flow"):
// a behavioral model of every SRAM macro shape for simulation (sram_models/), the blackbox
// declarations synthesis reads instead (synth/sram_blackboxes.sv), and the macro list for an
// SRAM compiler (synth/memories.cfg). With --mem-style behavioral there are none.

#include <string>
#include <string_view>
#include <vector>

#include "generator/accel_config.h"
#include "generator/output_file.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// The blackbox declarations' path in the output folder (synth/yosys.ys reads it).
inline constexpr std::string_view kSramBlackboxesPath = "synth/sram_blackboxes.sv";

/// Where a macro's behavioral model goes: "sram_models/<module>.sv".
std::string SramModelPath(const SramMacro& macro);

/// sram_models/<macro>.sv for every macro shape (rtl_templates/sram_1r1w.sv.mustache); empty
/// unless --mem-style blackbox.
std::vector<OutputFile> RenderSramModels(const AccelConfig& config, const AccelDerived& derived);

/// synth/sram_blackboxes.sv: one (* blackbox *) module per macro shape, ports only, so that
/// Yosys keeps every macro as one cell.
std::string SramBlackboxes(const AccelConfig& config, const AccelDerived& derived);

/// synth/memories.cfg: one line per macro shape (module, depth, width, ports, count, read
/// latency, memories), then the memories that are not SRAM as comment lines.
std::string MemoriesCfg(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
