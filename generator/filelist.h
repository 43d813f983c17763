#pragma once
// The design's SystemVerilog files in dependency order, as two filelists:
//   <prefix>energon.f      paths relative to the output folder: `verilator -F DIR/<list>` from
//                          any folder (-F resolves relative to the list), `iverilog -c` only
//                          from inside DIR (Icarus 11 resolves relative to the working folder
//                          and has no -F);
//   <prefix>energon.env.f  every path behind the environment variable RootVariable(), e.g.
//                          ${ENERGON_D64_..._A4_DIR}/rtl/...: Icarus (-c/-f), Verilator (-f) and
//                          the commercial simulators expand it, so it works from any folder
//                          once the variable names DIR. The variable carries the prefix, so
//                          two configurations' lists work in one command.
// No absolute path is written, so the output stays byte-identical wherever it is generated.
// Both tools read the // banner as comments.

#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

/// The relative filelist's file name: <prefix>energon.f.
std::string FilelistName(const AccelDerived& derived);

/// The relative filelist: the banner, then one path per line (e.g. "rtl/<module>.sv").
std::string Filelist(const AccelConfig& config, const AccelDerived& derived,
                     const std::vector<std::string>& rtl_paths);

/// The environment-variable filelist's file name: <prefix>energon.env.f.
std::string EnvFilelistName(const AccelDerived& derived);

/// The variable that the env filelist's paths start with: the prefix upper-cased, then "DIR",
/// e.g. ENERGON_D64_N512_L16_R4X2_4X4_A4_DIR.
std::string RootVariable(const AccelDerived& derived);

/// The env filelist: the banner, a line naming the variable, then "${VAR}/rtl/<module>.sv" per
/// file.
std::string EnvFilelist(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths);

}  // namespace energon::gen
