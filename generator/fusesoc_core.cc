#include "generator/fusesoc_core.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/manifest.h"
#include "generator/rtl_design.h"
#include "generator/sram_flow.h"
#include "generator/testbench.h"

namespace energon::gen {
namespace {

std::string FileItems(const std::vector<std::string>& paths) {
  std::string items;
  for (const std::string& path : paths) items += fmt::format("      - {}\n", path);
  return items;
}

// --mem-style blackbox: the SRAM macros' behavioral models for the simulation and lint targets
// (fileset sram_models), their blackbox declarations for synthesis (fileset sram_blackboxes).
struct SramParts {
  std::string filesets;        // the two filesets, or empty
  std::string sim_fileset;     // the list item of sram_models, or empty
  std::string synth_filesets;  // the synth target's fileset list, or empty
};

SramParts SramPartsOf(const AccelConfig& config, const AccelDerived& derived) {
  if (config.top.mem_style != MemStyle::kBlackbox) return {};
  std::vector<std::string> models;
  for (const SramMacro& macro : SramMacros(Memories(config, derived))) {
    models.push_back(SramModelPath(macro));
  }
  return {fmt::format("  sram_models:\n    files:\n{}    file_type: systemVerilogSource\n"
                      "  sram_blackboxes:\n    files:\n{}    file_type: systemVerilogSource\n",
                      FileItems(models), FileItems({std::string(kSramBlackboxesPath)})),
          "      - sram_models\n", "    filesets:\n      - sram_blackboxes\n      - rtl\n"};
}

}  // namespace

std::string CoreFileName(const AccelDerived& derived) {
  return derived.top.prefix + "energon.core";
}

std::string CoreVlnv(const AccelDerived& derived) {
  const std::string& prefix = derived.top.prefix;  // ends with '_' (top_config.cc)
  return fmt::format("energon:gen:{}:{}", prefix.substr(0, prefix.size() - 1), GeneratorVersion());
}

std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths) {
  const SramParts sram = SramPartsOf(config, derived);
  // FuseSoC's Yosys backend (edalize) maps to an FPGA family and has no generic flow, so the
  // synth target maps to Xilinx 7-series; synth/yosys.ys is the technology-independent script.
  // The simulation targets run the generated testbench (generator/testbench.h) on vectors that
  // energon-vectors writes, named by the plusarg vectors.
  return fmt::format(
      "CAPI=2:\n"
      "{banner}\n"
      "#\n"
      "# fusesoc --cores-root DIR run --target=T {vlnv}\n"
      "# (or once: fusesoc library add {name} DIR --sync-type=local), T one of:\n"
      "#   lint           verilator --lint-only -Wall\n"
      "#   sim_verilator  verilator --binary --timing -Wall: the testbench {tb_top}\n"
      "#   sim_icarus     iverilog -g2012, then vvp: the same testbench\n"
      "#   synth          yosys synth_xilinx -flatten (edalize has no generic Yosys flow;\n"
      "#                  synth/yosys.ys is the technology-independent script)\n"
      "# The sim targets need --vectors=VDIR, a folder energon-vectors wrote for this\n"
      "# configuration (docs/icarus.md); the testbench prints PASS or the first mismatch.\n"
      "\n"
      "name: {vlnv}\n"
      "description: \"Energon accelerator: {summary}\"\n"
      "\n"
      "filesets:\n"
      "  rtl:\n"
      "    files:\n"
      "{files}"
      "    file_type: systemVerilogSource\n"
      "{sram_filesets}"
      "  tb:\n"
      "    files:\n"
      "      - {tb_file}\n"
      "    file_type: systemVerilogSource\n"
      "\n"
      "parameters:\n"
      "  vectors:\n"
      "    datatype: str\n"
      "    paramtype: plusarg\n"
      "    description: the folder of $readmemh vectors energon-vectors wrote (required)\n"
      "  mem_latency:\n"
      "    datatype: int\n"
      "    paramtype: plusarg\n"
      "    description: cycles from a memory request to its response (default 4)\n"
      "  stall_seed:\n"
      "    datatype: int\n"
      "    paramtype: plusarg\n"
      "    description: seeded random output stalls and response gaps (default none)\n"
      "  timeout:\n"
      "    datatype: int\n"
      "    paramtype: plusarg\n"
      "    description: cycles without a transfer that count as a hang (default 20000)\n"
      "  ENERGON_INIT_MEMORIES:\n"
      "    datatype: bool\n"
      "    paramtype: vlogdefine\n"
      "    default: true\n"
      "    description: memories start with random words, as under Verilator's --x-initial unique "
      "(docs/icarus.md)\n"
      "\n"
      "targets:\n"
      "  default: &default\n"
      "    filesets:\n"
      "{sram_sim}"
      "      - rtl\n"
      "    toplevel: {top}\n"
      "\n"
      "  lint:\n"
      "    <<: *default\n"
      "    description: Verilator lint of the RTL, every warning on\n"
      "    default_tool: verilator\n"
      "    tools:\n"
      "      verilator:\n"
      "        mode: lint-only\n"
      "        verilator_options:\n"
      "          - -Wall\n"
      "\n"
      "  sim_verilator: &sim\n"
      "    description: Verilator simulation of the self-checking testbench\n"
      "    filesets:\n"
      "{sram_sim}"
      "      - rtl\n"
      "      - tb\n"
      "    toplevel: {tb_top}\n"
      "    parameters:\n"
      "      - vectors\n"
      "      - mem_latency\n"
      "      - stall_seed\n"
      "      - timeout\n"
      "      - ENERGON_INIT_MEMORIES\n"
      "    default_tool: verilator\n"
      "    tools:\n"
      "      verilator:\n"
      "        mode: binary\n"
      "        verilator_options:\n"
      "          - --timing\n"
      "          - -Wall\n"
      "\n"
      "  sim_icarus:\n"
      "    <<: *sim\n"
      "    description: Icarus Verilog simulation of the self-checking testbench\n"
      "    default_tool: icarus\n"
      "    tools:\n"
      "      icarus:\n"
      "        iverilog_options:\n"
      "          - -g2012\n"
      "\n"
      "  synth:\n"
      "    <<: *default\n"
      "{synth_filesets}"
      "    description: Yosys synthesis for Xilinx 7-series\n"
      "    default_tool: yosys\n"
      "    tools:\n"
      "      yosys:\n"
      "        arch: xilinx\n"
      "        yosys_synth_options:\n"
      "          - -flatten\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/fusesoc_core.cc", config, derived)),
      fmt::arg("name", derived.top.prefix.substr(0, derived.top.prefix.size() - 1)),
      fmt::arg("vlnv", CoreVlnv(derived)), fmt::arg("summary", ParameterSummary(config, derived)),
      fmt::arg("files", FileItems(rtl_paths)), fmt::arg("tb_file", TestbenchPath(derived)),
      fmt::arg("tb_top", TestbenchModule(derived)), fmt::arg("top", TopModule(derived)),
      fmt::arg("sram_filesets", sram.filesets), fmt::arg("sram_sim", sram.sim_fileset),
      fmt::arg("synth_filesets", sram.synth_filesets));
}

}  // namespace energon::gen
