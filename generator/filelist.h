#pragma once
// <prefix>energon.f: the design's SystemVerilog files in dependency order, relative to the output
// folder, for verilator -f and iverilog -c (both read the // banner as comments).

#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

/// The filelist's file name: <prefix>energon.f.
std::string FilelistName(const AccelDerived& derived);

/// The filelist text: the banner, then one path per line (e.g. "rtl/<module>.sv").
std::string Filelist(const AccelConfig& config, const AccelDerived& derived,
                     const std::vector<std::string>& rtl_paths);

}  // namespace energon::gen
