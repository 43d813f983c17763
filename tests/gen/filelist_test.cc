// The environment-variable filelist's variable and its usage line (output_test.cc checks both
// lists' file lines; tests/lint/filelist_anywhere.sh runs them from another folder).
#include "generator/filelist.h"

#include <gtest/gtest.h>

namespace energon::gen {
namespace {

TEST(FilelistTest, RootVariableIsThePrefixUpperCasedThenDir) {
  AccelConfig config;
  EXPECT_EQ(RootVariable(Derive(config)), "ENERGON_D64_N512_L16_R4X2_4X4_A4_DIR");
  config.top.prefix = "my_fu_";
  EXPECT_EQ(RootVariable(Derive(config)), "MY_FU_DIR");
}

TEST(FilelistTest, EnvFilelistSaysHowToUseIt) {
  AccelConfig config;
  config.top.prefix = "my_fu_";
  const AccelDerived derived = Derive(config);
  EXPECT_EQ(EnvFilelistName(derived), "my_fu_energon.env.f");
  const std::string text = EnvFilelist(config, derived, {"rtl/my_fu_a.sv", "rtl/my_fu_b.sv"});
  EXPECT_TRUE(
      text.ends_with("\n// Set MY_FU_DIR to this folder, then from any folder e.g.\n"
                     "//   MY_FU_DIR=DIR iverilog -g2012 -c DIR/my_fu_energon.env.f\n"
                     "${MY_FU_DIR}/rtl/my_fu_a.sv\n${MY_FU_DIR}/rtl/my_fu_b.sv\n"));
}

}  // namespace
}  // namespace energon::gen
