#include "generator/sram_flow.h"

#include <fmt/format.h>

#include <algorithm>

#include "generator/banner.h"
#include "generator/rtl_render.h"
#include "generator/template_text.h"

namespace energon::gen {
namespace mustache = kainjow::mustache;

namespace {

constexpr const char* kModelTemplate = "sram_1r1w";

bool Blackbox(const AccelConfig& config) { return config.top.mem_style == MemStyle::kBlackbox; }

std::string Join(const std::vector<std::string>& names, const char* separator) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : separator) + name;
  return text;
}

}  // namespace

std::string SramModelPath(const SramMacro& macro) {
  return fmt::format("sram_models/{}.sv", macro.module);
}

std::vector<OutputFile> RenderSramModels(const AccelConfig& config, const AccelDerived& derived) {
  std::vector<OutputFile> files;
  if (!Blackbox(config)) return files;
  const std::string source = fmt::format("rtl_templates/{}.sv.mustache", kModelTemplate);
  for (const SramMacro& macro : SramMacros(Memories(config, derived))) {
    mustache::data data;
    data.set("banner", Banner(CommentStyle::kSlashes, source, config, derived));
    data.set("macro", macro.module);
    data.set("depth", std::to_string(macro.depth));
    data.set("addr_msb", std::to_string(macro.addr_w - 1));
    data.set("width_msb", std::to_string(macro.width - 1));
    files.push_back(
        {SramModelPath(macro), RenderTemplate(kModelTemplate, TemplateText(kModelTemplate), data)});
  }
  return files;
}

std::string SramBlackboxes(const AccelConfig& config, const AccelDerived& derived) {
  std::string text = Banner(CommentStyle::kSlashes, "generator/sram_flow.cc", config, derived);
  text +=
      "\n// The SRAM macros as blackboxes for synthesis (synth/yosys.ys reads this file, not\n"
      "// sram_models/): ports only, so that each macro stays one cell for the SRAM compiler's\n"
      "// macro of its shape to replace (synth/memories.cfg).\n";
  for (const SramMacro& macro : SramMacros(Memories(config, derived))) {
    text += fmt::format(
        "\n(* blackbox *)\n"
        "module {0} (\n"
        "  input  logic        clk_i,\n"
        "  input  logic        we_i,\n"
        "  input  logic [{1}:0] waddr_i,\n"
        "  input  logic [{2}:0] wdata_i,\n"
        "  input  logic        re_i,\n"
        "  input  logic [{1}:0] raddr_i,\n"
        "  output logic [{2}:0] rdata_o\n"
        ");\n"
        "endmodule\n",
        macro.module, macro.addr_w - 1, macro.width - 1);
  }
  return text;
}

std::string MemoriesCfg(const AccelConfig& config, const AccelDerived& derived) {
  const std::vector<Memory> memories = Memories(config, derived);
  const std::vector<SramMacro> macros = SramMacros(memories);
  std::string text = Banner(CommentStyle::kHash, "generator/sram_flow.cc", config, derived);
  text += fmt::format(
      "\n# The SRAM macros of this configuration, one line per shape, for an SRAM compiler.\n"
      "# The RTL instantiates them in its memory wrapper,\n"
      "#   rtl/{0}mem_1r1w.sv,\n"
      "# and sram_models/ holds their behavioral models for simulation. Every macro has one\n"
      "# write port and one synchronous read port with read enable (1r1w: clk_i, we_i,\n"
      "# waddr_i, wdata_i, re_i, raddr_i, rdata_o), data one cycle after the read (read\n"
      "# latency 1), no reset; a read of the word being written returns the old word in the\n"
      "# model. Limits: --sram-max-width {1}, --sram-max-depth {2}.\n"
      "# count = macros of this shape in the design; memories = the memories built from it\n"
      "# (manifest.json \"memories\" gives each one's instances and banks).\n"
      "#\n",
      derived.top.prefix, config.top.sram_max_width, config.top.sram_max_depth);
  std::size_t name_w = std::string("macro").size();
  for (const SramMacro& macro : macros) name_w = std::max(name_w, macro.module.size());
  text += fmt::format("# {:<{}} {:>6} {:>6} {:>5} {:>6} {:>7} {}\n", "macro", name_w - 2, "depth",
                      "width", "ports", "count", "latency", "memories");
  for (const SramMacro& macro : macros) {
    text +=
        fmt::format("{:<{}} {:>6} {:>6} {:>5} {:>6} {:>7} {}\n", macro.module, name_w, macro.depth,
                    macro.width, "1r1w", macro.count, 1, Join(macro.memories, ","));
  }
  text += "#\n# Not SRAM (synthesized as logic, no macro):\n";
  for (const Memory& memory : memories) {
    if (memory.kind == MemoryKind::kRegisterFile) {
      text += fmt::format(
          "#   {}: register file, {} x {} words of {} bits, 1 write and {} asynchronous reads "
          "(flip-flops in {}query_store)\n",
          memory.name, memory.instances, memory.depth, memory.width, memory.read_ports,
          derived.top.prefix);
    } else if (memory.kind == MemoryKind::kRom) {
      text += fmt::format(
          "#   {}: read-only table, {} x {} words of {} bits, asynchronous read (a case "
          "statement in {}au_exp2)\n",
          memory.name, memory.instances, memory.depth, memory.width, derived.top.prefix);
    }
  }
  return text;
}

}  // namespace energon::gen
