#include "generator/fusesoc_core.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/manifest.h"
#include "generator/rtl_design.h"

namespace energon::gen {
namespace {

std::string FileItems(const std::vector<std::string>& paths) {
  std::string items;
  for (const std::string& path : paths) items += fmt::format("      - {}\n", path);
  return items;
}

// What the simulation targets take: the design alone, or the design and a testbench.
struct SimParts {
  std::string fileset;   // the tb fileset, or empty
  std::string filesets;  // the targets' fileset list
  std::string toplevel;
  std::string note;       // the header comment on what the simulation targets run
  std::string verilator;  // sim_verilator's verilator tool options
};

SimParts SimPartsOf(const AccelDerived& derived, const std::optional<CoreTestbench>& testbench) {
  if (testbench) {
    return {fmt::format("  tb:\n    files:\n{}    file_type: systemVerilogSource\n\n",
                        FileItems(testbench->files)),
            "      - rtl\n      - tb\n", testbench->toplevel,
            fmt::format("# sim_verilator and sim_icarus run the testbench {} (fileset tb).\n",
                        testbench->toplevel),
            "        mode: binary\n"};
  }
  // verilator --binary on the bare top never returns (Verilator 5.006's main keeps evaluating a
  // model with no events), so without a testbench sim_verilator only builds the C++ model.
  return {
      "", "      - rtl\n", TopModule(derived),
      "# No testbench is generated yet. sim_icarus runs the bare top, which nothing drives, so\n"
      "# its simulation ends at time 0; sim_verilator only builds the C++ model of the top\n"
      "# (verilator --cc, no main: use fusesoc run --build; the model of a C++ testbench such\n"
      "# as energon's harness, docs/cosim.md). Both check that the RTL builds in the simulator.\n"
      "# A testbench (fileset tb, its own toplevel, verilator --binary) takes their place once\n"
      "# energon-gen writes one (generator/fusesoc_core.h, CoreTestbench).\n",
      "        mode: cc\n        exe: \"false\"\n"};
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
                        const std::vector<std::string>& rtl_paths,
                        const std::optional<CoreTestbench>& testbench) {
  const SimParts sim = SimPartsOf(derived, testbench);
  // FuseSoC's Yosys backend (edalize) maps to an FPGA family and has no generic flow, so the
  // synth target maps to Xilinx 7-series; synth/yosys.ys is the technology-independent script.
  return fmt::format(
      "CAPI=2:\n"
      "{banner}\n"
      "#\n"
      "# fusesoc --cores-root DIR run --target=T {vlnv}\n"
      "# (or once: fusesoc library add {name} DIR --sync-type=local), T one of:\n"
      "#   lint           verilator --lint-only -Wall\n"
      "#   sim_verilator  verilator -Wall (--binary with a testbench, else --cc: below)\n"
      "#   sim_icarus     iverilog -g2012, then vvp\n"
      "#   synth          yosys synth_xilinx -flatten (edalize has no generic Yosys flow;\n"
      "#                  synth/yosys.ys is the technology-independent script)\n"
      "{sim_note}"
      "\n"
      "name: {vlnv}\n"
      "description: \"Energon accelerator: {summary}\"\n"
      "\n"
      "filesets:\n"
      "  rtl:\n"
      "    files:\n"
      "{files}"
      "    file_type: systemVerilogSource\n"
      "\n"
      "{tb_fileset}"
      "targets:\n"
      "  default: &default\n"
      "    filesets:\n"
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
      "  sim_verilator:\n"
      "    description: Verilator simulation\n"
      "    filesets:\n"
      "{sim_filesets}"
      "    toplevel: {sim_top}\n"
      "    default_tool: verilator\n"
      "    tools:\n"
      "      verilator:\n"
      "{sim_verilator}"
      "        verilator_options:\n"
      "          - -Wall\n"
      "\n"
      "  sim_icarus:\n"
      "    description: Icarus Verilog simulation\n"
      "    filesets:\n"
      "{sim_filesets}"
      "    toplevel: {sim_top}\n"
      "    default_tool: icarus\n"
      "    tools:\n"
      "      icarus:\n"
      "        iverilog_options:\n"
      "          - -g2012\n"
      "\n"
      "  synth:\n"
      "    <<: *default\n"
      "    description: Yosys synthesis for Xilinx 7-series\n"
      "    default_tool: yosys\n"
      "    tools:\n"
      "      yosys:\n"
      "        arch: xilinx\n"
      "        yosys_synth_options:\n"
      "          - -flatten\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/fusesoc_core.cc", config, derived)),
      fmt::arg("name", derived.top.prefix.substr(0, derived.top.prefix.size() - 1)),
      fmt::arg("vlnv", CoreVlnv(derived)), fmt::arg("sim_note", sim.note),
      fmt::arg("summary", ParameterSummary(config, derived)),
      fmt::arg("files", FileItems(rtl_paths)), fmt::arg("tb_fileset", sim.fileset),
      fmt::arg("top", TopModule(derived)), fmt::arg("sim_filesets", sim.filesets),
      fmt::arg("sim_top", sim.toplevel), fmt::arg("sim_verilator", sim.verilator));
}

}  // namespace energon::gen
