#include "generator/synth_stubs.h"

#include <fmt/format.h>

#include "generator/banner.h"
#include "generator/rtl_design.h"
#include "generator/rtl_render.h"
#include "generator/sram_flow.h"

namespace energon::gen {

std::string YosysScript(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<RtlFile>& rtl_files) {
  const bool blackbox = config.top.mem_style == MemStyle::kBlackbox;
  std::string text = Banner(CommentStyle::kHash, "generator/synth_stubs.cc", config, derived);
  text += "\n# Run from the output folder: yosys -s synth/yosys.ys\n";
  const std::vector<Memory> memories = Memories(config, derived);
  if (blackbox) {
    int macros = 0;
    for (const SramMacro& macro : SramMacros(memories)) macros += macro.count;
    text += fmt::format(
        "# --mem-style blackbox: the SRAM macros are declared as blackboxes (ports only; their\n"
        "# behavioral models in sram_models/ are for simulation), so stat lists each of the {}\n"
        "# macros as a cell (synth/memories.cfg lists the shapes).\n"
        "read_verilog -sv {}\n",
        macros, kSramBlackboxesPath);
  }
  for (const RtlFile& file : rtl_files) text += fmt::format("read_verilog -sv {}\n", RtlPath(file));
  long long memory_bits = 0;
  for (const Memory& memory : memories) {
    memory_bits += static_cast<long long>(memory.instances) * memory.depth * memory.width;
  }
  // synth's own script with memory_map left out of its "fine" step.
  text += fmt::format(
      "hierarchy -check -top {0}\n"
      "{1}"
      "synth -flatten -top {0} -run :fine\n"
      "opt -fast -full\n"
      "opt -full\n"
      "techmap\n"
      "opt -fast\n"
      "abc -fast\n"
      "opt -fast\n"
      "synth -top {0} -run check:\n",
      TopModule(derived),
      blackbox ? "# The RAMs are the SRAM macro cells. memory_map stays left out as in the "
                 "behavioral script,\n# so a read-only table Yosys infers as a memory stays one "
                 "cell too.\n"
               : fmt::format(
                     "# Memories stay inferred $mem_v2 cells (stat lists them): an ASIC flow maps "
                     "them to SRAM\n# macros, an FPGA flow to block RAM (memory_libmap or "
                     "memory_bram for its target). As\n# flip-flops ({} bits here) they would "
                     "swamp the logic and the run time.\n",
                     memory_bits));
  return text;
}

}  // namespace energon::gen
