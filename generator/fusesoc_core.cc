#include "generator/fusesoc_core.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/manifest.h"
#include "generator/rtl_design.h"
#include "generator/sram_flow.h"

namespace energon::gen {

std::string CoreFileName(const AccelDerived& derived) {
  return derived.top.prefix + "energon.core";
}

std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths) {
  std::string files;
  for (const std::string& path : rtl_paths) files += fmt::format("      - {}\n", path);
  // --mem-style blackbox: the SRAM macros' behavioral models are for simulation (default and
  // lint targets), their blackbox declarations for synthesis.
  std::string sram_filesets, sim_filesets, synth_filesets;
  if (config.top.mem_style == MemStyle::kBlackbox) {
    sram_filesets = "  sram_models:\n    files:\n";
    for (const SramMacro& macro : SramMacros(Memories(config, derived))) {
      sram_filesets += fmt::format("      - {}\n", SramModelPath(macro));
    }
    sram_filesets += fmt::format(
        "    file_type: systemVerilogSource\n"
        "  sram_blackboxes:\n"
        "    files:\n"
        "      - {}\n"
        "    file_type: systemVerilogSource\n",
        kSramBlackboxesPath);
    sim_filesets = "      - sram_models\n";
    synth_filesets =
        "    filesets:\n"
        "      - sram_blackboxes\n"
        "      - rtl\n";
  }
  // FuseSoC's Yosys backend (edalize) maps to an FPGA family and has no generic flow, so the
  // synth target maps to Xilinx 7-series; synth/yosys.ys is the technology-independent script.
  return fmt::format(
      "CAPI=2:\n"
      "{banner}\n"
      "\n"
      "name: energon:gen:{prefix}fu:{version}\n"
      "description: \"Energon filtering unit: {summary}\"\n"
      "\n"
      "filesets:\n"
      "  rtl:\n"
      "    files:\n"
      "{files}"
      "    file_type: systemVerilogSource\n"
      "{sram_filesets}"
      "\n"
      "targets:\n"
      "  default: &default\n"
      "    filesets:\n"
      "{sim_filesets}"
      "      - rtl\n"
      "    toplevel: {top}\n"
      "\n"
      "  lint:\n"
      "    <<: *default\n"
      "    default_tool: verilator\n"
      "    tools:\n"
      "      verilator:\n"
      "        mode: lint-only\n"
      "        verilator_options:\n"
      "          - -Wall\n"
      "\n"
      "  synth:\n"
      "    <<: *default\n"
      "{synth_filesets}"
      "    default_tool: yosys\n"
      "    tools:\n"
      "      yosys:\n"
      "        arch: xilinx\n"
      "        yosys_synth_options:\n"
      "          - -flatten\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/fusesoc_core.cc", config, derived)),
      fmt::arg("prefix", derived.top.prefix), fmt::arg("version", GeneratorVersion()),
      fmt::arg("summary", ParameterSummary(config, derived)), fmt::arg("files", files),
      fmt::arg("sram_filesets", sram_filesets), fmt::arg("sim_filesets", sim_filesets),
      fmt::arg("synth_filesets", synth_filesets), fmt::arg("top", TopModule(derived)));
}

}  // namespace energon::gen
