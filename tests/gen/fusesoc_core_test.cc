// The FuseSoC core's name and its testbench hook (check_core.py checks the whole structure of
// every named configuration's core as YAML).
#include "generator/fusesoc_core.h"

#include <gtest/gtest.h>

#include "generator/manifest.h"
#include "generator/rtl_design.h"

namespace energon::gen {
namespace {

TEST(FusesocCoreTest, VlnvIsThePrefixAndTheGeneratorVersion) {
  AccelConfig config;
  EXPECT_EQ(CoreVlnv(Derive(config)),
            "energon:gen:energon_d64_n512_l16_r4x2_4x4_a4:" + std::string(GeneratorVersion()));
}

TEST(FusesocCoreTest, WithoutTestbenchSimTargetsTakeTheTopAndVerilatorOnlyBuilds) {
  AccelConfig config;
  const AccelDerived derived = Derive(config);
  const std::string core = FusesocCore(config, derived, {"rtl/a.sv"});
  const std::string sim_filesets =
      "    filesets:\n      - rtl\n    toplevel: " + TopModule(derived);
  EXPECT_NE(core.find("  sim_verilator:\n    description: Verilator simulation\n" + sim_filesets),
            std::string::npos);
  EXPECT_NE(core.find("  sim_icarus:\n    description: Icarus Verilog simulation\n" + sim_filesets),
            std::string::npos);
  EXPECT_NE(core.find("        mode: cc\n        exe: \"false\"\n"), std::string::npos);
  EXPECT_EQ(core.find("mode: binary"), std::string::npos);
  EXPECT_EQ(core.find("  tb:\n"), std::string::npos);
  EXPECT_NE(core.find("# No testbench is generated yet."), std::string::npos);
}

TEST(FusesocCoreTest, TestbenchHookAddsFilesetTbAndItsToplevel) {
  AccelConfig config;
  const AccelDerived derived = Derive(config);
  const std::string core =
      FusesocCore(config, derived, {"rtl/a.sv"}, CoreTestbench{{"tb/tb_top.sv"}, "tb_top"});
  EXPECT_NE(core.find("  tb:\n    files:\n      - tb/tb_top.sv\n"
                      "    file_type: systemVerilogSource\n"),
            std::string::npos);
  const std::string sim_filesets = "    filesets:\n      - rtl\n      - tb\n    toplevel: tb_top\n";
  EXPECT_NE(core.find("  sim_verilator:\n    description: Verilator simulation\n" + sim_filesets),
            std::string::npos);
  EXPECT_NE(core.find("  sim_icarus:\n    description: Icarus Verilog simulation\n" + sim_filesets),
            std::string::npos);
  EXPECT_NE(core.find("        mode: binary\n"), std::string::npos);
  // lint and synth keep the design's own top.
  EXPECT_NE(core.find("  default: &default\n    filesets:\n      - rtl\n    toplevel: " +
                      TopModule(derived) + "\n"),
            std::string::npos);
}

}  // namespace
}  // namespace energon::gen
