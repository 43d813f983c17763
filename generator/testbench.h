#pragma once
// tb/<prefix>energon_tb.sv: the self-checking SystemVerilog testbench of the generated top for
// Icarus Verilog 11 (docs/icarus.md). It reads $readmemh vectors written by energon-vectors
// (sim/vectors.h), drives the K load and query ports, answers the memory port, and compares
// every output row bit for bit with the golden model's.

#include <cstdint>
#include <string>

#include "generator/accel_config.h"

namespace energon::gen {

/// Where the testbench goes in the output folder: "tb/<prefix>energon_tb.sv".
std::string TestbenchPath(const AccelDerived& derived);

/// The testbench's module name: <prefix>energon_tb.
std::string TestbenchModule(const AccelDerived& derived);

/// A 32-bit tag of the whole resolved configuration (FNV-1a of ConfigFileText): the vectors
/// carry it and the testbench refuses vectors written for another configuration.
std::uint32_t ConfigTag(const AccelConfig& config, const AccelDerived& derived);

/// The testbench text, rendered from rtl_templates/energon_tb.sv.mustache.
std::string Testbench(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
