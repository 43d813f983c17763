#pragma once
// Renders a configuration's whole output in memory, in a fixed order; nothing is written here.

#include <nlohmann/json.hpp>
#include <vector>

#include "generator/accel_config.h"
#include "generator/output_file.h"

namespace energon::gen {

/// Every output file: rtl/<module>.sv in filelist order, <prefix>energon.f,
/// <prefix>energon.env.f, <prefix>params.h,
/// <prefix>energon.core, synth/yosys.ys, synth/<prefix>energon.sdc, synth/config.mk,
/// tb/<prefix>energon_tb.sv (the Icarus testbench), and manifest.json last (it lists the
/// others with their SHA-256). `config` must have passed Derive(), which gave `derived`.
std::vector<OutputFile> GenerateOutput(const AccelConfig& config, const AccelDerived& derived);

/// What --print-config prints: {"config": resolved, "derived": derived}.
nlohmann::ordered_json PrintedConfig(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
