// Fuzzes the configuration-file reader (generator/gen_options.h: ParseConfigText, the text
// half of ParseConfigFile, which energon-gen --config, energon-cosim --config and the params
// header's kConfigText all go through): Boost's INI parse, every key's value parser, and every
// rule of Derive. A configuration that parses must print as a configuration file
// (ConfigFileText) that reads back to the very same configuration.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "generator/config_text.h"
#include "generator/gen_options.h"
#include "golden/errors.h"

namespace energon::fuzz {
namespace {

constexpr const char* kName = "fuzz.cfg";

// An error names the file ("fuzz.cfg", "fuzz.cfg: d") or, for a rule between keys that the
// file does not all give, the option of the default value it broke ("--fu-lanes").
void CheckConfigError(const golden::InputError& error) {
  const std::string_view where = error.where();
  CheckPoliteError(error, where.substr(0, 2) == "--" ? "--" : kName);
}

void FuzzConfig(const std::string& text) {
  gen::Options options;
  try {
    options = gen::ParseConfigText(text, kName);
  } catch (const golden::InputError& error) {
    CheckConfigError(error);
    return;
  }
  const std::string printed = gen::ConfigFileText(options.config, options.derived);
  std::string reprinted;
  try {
    const gen::Options reread = gen::ParseConfigText(printed, kName);
    reprinted = gen::ConfigFileText(reread.config, reread.derived);
  } catch (const golden::InputError& error) {
    Check(false, std::string("ConfigFileText's text does not parse: ") + error.what());
  }
  Check(reprinted == printed, "ConfigFileText's text reads back to another configuration:\n" +
                                  printed + "---\n" + reprinted);
}

}  // namespace
}  // namespace energon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  energon::fuzz::FuzzConfig(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
