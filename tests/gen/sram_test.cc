// --mem-style blackbox and the SRAM flow (docs/generator.md, "Memories and the SRAM flow"):
// the banking of every RAM within --sram-max-width and --sram-max-depth, the macro list of the
// manifest and of synth/memories.cfg, the behavioral models in sram_models/ (in the simulation
// filelist, not in what Yosys reads), the blackbox declarations Yosys reads, and the option
// errors.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "generator/generate.h"
#include "generator/rtl_design.h"
#include "generator/sram_flow.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

using testing::ConfigPath;
using testing::ErrorOf;
using testing::Parse;

Options Blackbox(const std::string& config, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--config", ConfigPath(config), "--mem-style", "blackbox"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("--print-config");
  Options options;
  Parse(args, options);
  return options;
}

// tests/sim/configs/small_blackbox.cfg: small_nmax with 16-bit, 4-word macros.
Options SmallBlackbox() {
  return Blackbox("small_nmax", {"--sram-max-width", "16", "--sram-max-depth", "4"});
}

const OutputFile* FileOf(const std::vector<OutputFile>& files, const std::string& path) {
  for (const OutputFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

std::string Shapes(const std::vector<SramMacro>& macros, const std::string& prefix) {
  std::string text;
  for (const SramMacro& m : macros) {
    text += fmt::format("{} {}x{} a{} n{}:", m.module.substr(prefix.size()), m.depth, m.width,
                        m.addr_w, m.count);
    for (const std::string& name : m.memories) text += " " + name;
    text += "\n";
  }
  return text;
}

// The default configuration's memories (output_test.cc, ManifestListsTheDefaultMemories) at
// the default limits, 128 bits and 4096 words: every width split into equal banks.
TEST(SramTest, DefaultConfigurationMacros) {
  const Options options = Blackbox("default");
  const std::string& prefix = options.derived.top.prefix;
  EXPECT_EQ(prefix, "energon_d64_n512_l16_r4x2_4x4_a4_bb_");
  const std::vector<Memory> memories = Memories(options.config, options.derived);
  EXPECT_EQ(Shapes(SramMacros(memories), prefix),
            "sram_32x128_1r1w 32x128 a5 n32: kstore\n"         // 256 = 2 x 128, 16 instances
            "sram_64x128_1r1w 64x128 a6 n35: r1_score_buf\n"   // 4464 = 35 x 128 - 16
            "sram_64x93_1r1w 64x93 a6 n48: r1_cand_buf\n"      // 279 = 3 x 93, 16 instances
            "sram_64x123_1r1w 64x123 a6 n3: r2_score_buf\n"    // 368 = 3 x 123 - 1
            "sram_64x9_1r1w 64x9 a6 n16: surv_buf\n"           // 16 instances
            "sram_256x118_1r1w 256x118 a8 n36: logit_buf\n");  // 1062 = 9 x 118, 4 instances
  int macros = 0;
  for (const SramMacro& m : SramMacros(memories)) macros += m.count;
  EXPECT_EQ(macros, 170);
}

TEST(SramTest, SmallLimitsBankSideBySideAndInRows) {
  const Options options = SmallBlackbox();
  const std::string& prefix = options.derived.top.prefix;
  EXPECT_EQ(prefix, "energon_d8_n8_l2_r4x2_4x4_a2_bbw16k4_");
  std::vector<std::string> banking;
  for (const Memory& m : Memories(options.config, options.derived)) {
    banking.push_back(fmt::format("{} {}x{}x{}: {}x{} of {}x{}", m.name, m.instances, m.depth,
                                  m.width, m.banks_deep, m.banks_wide, m.bank_depth, m.bank_width));
  }
  EXPECT_EQ(banking, (std::vector<std::string>{
                         "kstore 2x4x32: 1x2 of 4x16",
                         "r1_score_buf 1x8x92: 2x6 of 4x16",  // 92 = 6 x 16 - 4
                         "r1_cand_buf 2x8x46: 2x3 of 4x16", "r2_score_buf 1x8x28: 2x2 of 4x14",
                         "surv_buf 2x8x3: 2x1 of 4x3",
                         "query_store 1x10x128: 1x1 of 10x128",  // not SRAM: not banked
                         "logit_buf 2x8x163: 2x11 of 4x15", "exp2_table 2x256x16: 1x1 of 256x16"}));
}

// A depth that is no multiple of the macro's: single_round's logit buffer, 2 x 22 rows.
TEST(SramTest, DeepBanksRoundUp) {
  const Options options = Blackbox("single_round", {"--sram-max-depth", "16"});
  for (const Memory& m : Memories(options.config, options.derived)) {
    if (m.name != "logit_buf") continue;
    EXPECT_EQ(m.depth, 44);
    EXPECT_EQ(m.banks_deep, 3);
    EXPECT_EQ(m.bank_depth, 16);
  }
}

TEST(SramTest, ManifestListsBanksAndMacros) {
  const Options options = SmallBlackbox();
  const std::string& prefix = options.derived.top.prefix;
  const nlohmann::ordered_json manifest =
      nlohmann::ordered_json::parse(GenerateOutput(options.config, options.derived).back().text);
  EXPECT_EQ(manifest["schema_version"], 3);
  EXPECT_EQ(manifest["config"]["sram-max-width"], 16);
  EXPECT_EQ(manifest["config"]["sram-max-depth"], 4);
  for (const nlohmann::ordered_json& m : manifest["memories"]) {
    SCOPED_TRACE(m["name"].get<std::string>());
    if (m["kind"] == "ram") {
      EXPECT_EQ(m["macro"], fmt::format("{}sram_{}x{}_1r1w", prefix, m["bank_depth"].get<int>(),
                                        m["bank_width"].get<int>()));
      EXPECT_EQ(m["read_latency"], 1);
      EXPECT_EQ(m["banks"], m["banks_wide"].get<int>() * m["banks_deep"].get<int>());
      EXPECT_LE(m["bank_width"].get<int>(), 16);
      EXPECT_LE(m["bank_depth"].get<int>(), 4);
    } else {
      EXPECT_TRUE(m["macro"].is_null());
      EXPECT_EQ(m["read_latency"], 0);
      EXPECT_EQ(m["banks"], 1);
    }
  }
  const nlohmann::ordered_json& logit = manifest["memories"][6];
  EXPECT_EQ(logit["name"], "logit_buf");
  EXPECT_EQ(logit["banks"], 22);
  ASSERT_EQ(manifest["sram_macros"].size(), 4u);
  EXPECT_EQ(manifest["sram_macros"][0].dump(),
            fmt::format(R"({{"module":"{}sram_4x16_1r1w","depth":4,"width":16,"ports":"1r1w",)"
                        R"("read_latency":1,"count":28,)"
                        R"("memories":["kstore","r1_score_buf","r1_cand_buf"]}})",
                        prefix));
  // Behavioral memories have no macros; the banking is still listed.
  const Options behavioral = testing::Load("small_nmax");
  const nlohmann::json plain =
      nlohmann::json::parse(GenerateOutput(behavioral.config, behavioral.derived).back().text);
  EXPECT_TRUE(plain["sram_macros"].empty());
  EXPECT_TRUE(plain["memories"][0]["macro"].is_null());
  EXPECT_EQ(plain["memories"][0]["banks"], 1);
}

TEST(SramTest, ModelsAreSimulatedNotSynthesized) {
  const Options options = SmallBlackbox();
  const std::string& prefix = options.derived.top.prefix;
  const std::vector<OutputFile> files = GenerateOutput(options.config, options.derived);
  const std::vector<SramMacro> macros = SramMacros(Memories(options.config, options.derived));
  const OutputFile* filelist = FileOf(files, prefix + "energon.f");
  const OutputFile* yosys = FileOf(files, "synth/yosys.ys");
  const OutputFile* blackboxes = FileOf(files, "synth/sram_blackboxes.sv");
  ASSERT_NE(filelist, nullptr);
  ASSERT_NE(yosys, nullptr);
  ASSERT_NE(blackboxes, nullptr);
  // The models come before the RTL (leaves first), one module per file named after it.
  std::string models;
  for (const SramMacro& m : macros) {
    const OutputFile* model = FileOf(files, "sram_models/" + m.module + ".sv");
    ASSERT_NE(model, nullptr) << m.module;
    EXPECT_NE(model->text.find("\nmodule " + m.module + " (\n"), std::string::npos);
    EXPECT_NE(model->text.find("// Source: rtl_templates/sram_1r1w.sv.mustache\n"),
              std::string::npos);
    EXPECT_NE(model->text.find(fmt::format("logic [{}:0] mem_q [{}];", m.width - 1, m.depth)),
              std::string::npos);
    models += "sram_models/" + m.module + ".sv\n";
    EXPECT_NE(blackboxes->text.find("\n(* blackbox *)\nmodule " + m.module + " (\n"),
              std::string::npos);
  }
  EXPECT_NE(filelist->text.find("\n" + models + "rtl/" + prefix + "mem_1r1w.sv\n"),
            std::string::npos);
  EXPECT_EQ(yosys->text.find("read_verilog -sv sram_models/"), std::string::npos);
  EXPECT_EQ(yosys->text.find("-lib"), std::string::npos);
  EXPECT_NE(yosys->text.find("\nread_verilog -sv synth/sram_blackboxes.sv\nread_verilog -sv rtl/"),
            std::string::npos);
  // The wrapper has one branch per (Depth, Width) of the RAMs, and a last one naming no module.
  const OutputFile* wrapper = FileOf(files, "rtl/" + prefix + "mem_1r1w.sv");
  ASSERT_NE(wrapper, nullptr);
  for (const Memory& m : Memories(options.config, options.derived)) {
    if (m.kind != MemoryKind::kRam) continue;
    EXPECT_NE(wrapper->text.find(fmt::format("if (Depth == {} && Width == {}) begin : gen_d{}_w{}",
                                             m.depth, m.width, m.depth, m.width)),
              std::string::npos)
        << m.name;
  }
  EXPECT_NE(wrapper->text.find(prefix + "sram_shape_not_in_memory_list u_missing ();"),
            std::string::npos);
  EXPECT_EQ(wrapper->text.find("mem_q"), std::string::npos);
  // FuseSoC: the models in the default (and lint) targets, the blackboxes in synth.
  const OutputFile* core = FileOf(files, prefix + "energon.core");
  ASSERT_NE(core, nullptr);
  std::string fileset = "  sram_models:\n    files:\n";
  for (const SramMacro& m : macros) fileset += "      - sram_models/" + m.module + ".sv\n";
  EXPECT_NE(core->text.find(fileset + "    file_type: systemVerilogSource\n"
                                      "  sram_blackboxes:\n    files:\n"
                                      "      - synth/sram_blackboxes.sv\n"),
            std::string::npos);
  EXPECT_NE(
      core->text.find("  default: &default\n    filesets:\n      - sram_models\n      - rtl\n"),
      std::string::npos);
  EXPECT_NE(core->text.find("    <<: *default\n    filesets:\n      - sram_blackboxes\n"
                            "      - rtl\n    description: Yosys synthesis"),
            std::string::npos);
  EXPECT_NE(core->text.find("  sim_verilator: &sim\n"
                            "    description: Verilator simulation of the self-checking testbench\n"
                            "    filesets:\n      - sram_models\n      - rtl\n      - tb\n"),
            std::string::npos);
}

TEST(SramTest, MemoriesCfgHasOneLinePerMacro) {
  const Options options = SmallBlackbox();
  const std::string& prefix = options.derived.top.prefix;
  const std::string text = MemoriesCfg(options.config, options.derived);
  std::vector<std::string> lines;
  std::size_t at = 0;
  for (std::size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    const std::string line = text.substr(at, end - at);
    if (!line.starts_with("#")) lines.push_back(line);
  }
  const std::string p = prefix;
  EXPECT_EQ(lines, (std::vector<std::string>{
                       p + "sram_4x16_1r1w      4     16  1r1w     28       1 "
                           "kstore,r1_score_buf,r1_cand_buf",
                       p + "sram_4x14_1r1w      4     14  1r1w      4       1 r2_score_buf",
                       p + "sram_4x3_1r1w       4      3  1r1w      4       1 surv_buf",
                       p + "sram_4x15_1r1w      4     15  1r1w     44       1 logit_buf"}));
  EXPECT_NE(text.find("\n# macro "), std::string::npos);
  EXPECT_NE(text.find("\n#   query_store: register file, 1 x 10 words of 128 bits, 1 write and "
                      "2 asynchronous reads (flip-flops in " +
                      prefix + "query_store)\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n#   exp2_table: read-only table, 2 x 256 words of 16 bits"),
            std::string::npos);
}

std::string ParseError(const std::vector<std::string>& args) {
  Options options;
  return ErrorOf([&] { Parse(args, options); });
}

TEST(SramTest, LimitErrorsNameTheRuleAndAFix) {
  EXPECT_EQ(ParseError({"--sram-max-width", "0", "--out", "o"}),
            "--sram-max-width: 0 is outside 1..1024 (the widest word of one SRAM macro; wider "
            "memories become banks side by side); use 1, or 128 (the default)");
  EXPECT_EQ(ParseError({"--sram-max-width", "2048", "--out", "o"}),
            "--sram-max-width: 2048 is outside 1..1024 (the widest word of one SRAM macro; wider "
            "memories become banks side by side); use 1024, or 128 (the default)");
  EXPECT_EQ(ParseError({"--sram-max-width", "wide", "--out", "o"}),
            "--sram-max-width: 'wide' is not a whole number; give one like 128");
  EXPECT_EQ(ParseError({"--sram-max-depth", "1000", "--out", "o"}),
            "--sram-max-depth: 1000 is not a power of two in 2..65536 (the most words of one SRAM "
            "macro; deeper memories become banks selected by the high address bits); use 1024, "
            "or 4096 (the default)");
  EXPECT_EQ(ParseError({"--sram-max-depth", "1", "--out", "o"}),
            "--sram-max-depth: 1 is not a power of two in 2..65536 (the most words of one SRAM "
            "macro; deeper memories become banks selected by the high address bits); use 2, or "
            "4096 (the default)");
}

}  // namespace
}  // namespace energon::gen
