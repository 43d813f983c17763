#include "generator/fusesoc_core.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/manifest.h"
#include "generator/rtl_design.h"

namespace energon::gen {

std::string CoreFileName(const AccelDerived& derived) {
  return derived.top.prefix + "energon.core";
}

std::string FusesocCore(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths) {
  std::string files;
  for (const std::string& path : rtl_paths) files += fmt::format("      - {}\n", path);
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
      "\n"
      "targets:\n"
      "  default: &default\n"
      "    filesets:\n"
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
      "    default_tool: yosys\n"
      "    tools:\n"
      "      yosys:\n"
      "        arch: xilinx\n"
      "        yosys_synth_options:\n"
      "          - -flatten\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/fusesoc_core.cc", config, derived)),
      fmt::arg("prefix", derived.top.prefix), fmt::arg("version", GeneratorVersion()),
      fmt::arg("summary", ParameterSummary(config, derived)), fmt::arg("files", files),
      fmt::arg("top", TopModule(derived)));
}

}  // namespace energon::gen
