#include "generator/synth_stubs.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/rtl_design.h"
#include "generator/rtl_render.h"

namespace energon::gen {

bool IsMemoryWrapper(const RtlFile& file) { return file.template_name.rfind("mem_", 0) == 0; }

std::string YosysScript(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<RtlFile>& rtl_files) {
  const bool blackbox = config.top.mem_style == MemStyle::kBlackbox;
  std::string text = Banner(CommentStyle::kHash, "generator/synth_stubs.cc", config, derived);
  text += "\n# Run from the output folder: yosys -s synth/yosys.ys\n";
  if (blackbox)
    text += "# --mem-style blackbox: the memory wrappers are read as blackboxes (-lib).\n";
  for (const RtlFile& file : rtl_files) {
    text += fmt::format("read_verilog -sv {}{}\n", blackbox && IsMemoryWrapper(file) ? "-lib " : "",
                        RtlPath(file));
  }
  long long memory_bits = 0;
  for (const Memory& memory : Memories(config, derived)) {
    memory_bits += static_cast<long long>(memory.instances) * memory.depth * memory.width;
  }
  // synth's own script with memory_map left out of its "fine" step.
  text += fmt::format(
      "hierarchy -check -top {0}\n"
      "# Memories stay inferred $mem_v2 cells (stat lists them): an ASIC flow maps them to SRAM\n"
      "# macros, an FPGA flow to block RAM (memory_libmap or memory_bram for its target). As\n"
      "# flip-flops ({1} bits here) they would swamp the logic and the run time.\n"
      "synth -flatten -top {0} -run :fine\n"
      "opt -fast -full\n"
      "opt -full\n"
      "techmap\n"
      "opt -fast\n"
      "abc -fast\n"
      "opt -fast\n"
      "synth -top {0} -run check:\n",
      TopModule(derived), memory_bits);
  return text;
}

}  // namespace energon::gen
