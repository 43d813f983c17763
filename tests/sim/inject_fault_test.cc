// energon-gen --inject-fault (test-only): the fault reaches the RTL, every file and the manifest
// say so, the regenerate command carries it, and an unknown fault is refused by name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generator/gen_options.h"
#include "generator/generate.h"
#include "golden/errors.h"

namespace energon::gen {
namespace {

Options Parse(std::vector<std::string> args) {
  args.insert(args.begin(), "energon-gen");
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const std::string& a : args) argv.push_back(a.c_str());
  Options options;
  std::string text;
  ParseCommandLine(static_cast<int>(argv.size()), argv.data(), options, text);
  return options;
}

std::string FileText(const std::vector<OutputFile>& files, const std::string& suffix) {
  for (const OutputFile& file : files) {
    if (file.path.size() >= suffix.size() &&
        file.path.compare(file.path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return file.text;
    }
  }
  return "";
}

TEST(InjectFaultTest, TheFaultIsInTheRtlAndEveryFileSaysSo) {
  const Options o = Parse({"--d", "4", "--n-max", "8", "--fu-lanes", "2", "--inject-fault",
                           "compare_gt", "--out", "x"});
  EXPECT_EQ(o.config.fault, "compare_gt");
  const std::vector<OutputFile> files = GenerateOutput(o.config, o.derived);
  const std::string filter = FileText(files, "fu_filter.sv");
  EXPECT_NE(filter.find("// Injected fault: S > T"), std::string::npos);
  EXPECT_EQ(filter.rfind("// TEST ONLY: carries the injected fault 'compare_gt'; deliberately "
                         "wrong RTL.\n",
                         0),
            0u);
  EXPECT_NE(filter.find("--inject-fault compare_gt --out DIR"), std::string::npos);
  const std::string manifest = FileText(files, "manifest.json");
  EXPECT_NE(manifest.find("\"injected_fault\": \"compare_gt\""), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("TEST ONLY"), std::string::npos);
}

TEST(InjectFaultTest, WithoutItNothingMentionsFaults) {
  const Options o = Parse({"--d", "4", "--n-max", "8", "--fu-lanes", "2", "--out", "x"});
  for (const OutputFile& file : GenerateOutput(o.config, o.derived)) {
    EXPECT_EQ(file.text.find("injected"), std::string::npos) << file.path;
    EXPECT_EQ(file.text.find("TEST ONLY"), std::string::npos) << file.path;
  }
}

TEST(InjectFaultTest, UnknownFaultsAreRefused) {
  try {
    Parse({"--inject-fault", "off_by_one", "--print-config"});
    FAIL() << "no error";
  } catch (const golden::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--inject-fault: 'off_by_one' is not a fault the templates know; use one of "
                 "compare_gt, floor_threshold, drop_survivor, ignore_ready");
  }
}

}  // namespace
}  // namespace energon::gen
