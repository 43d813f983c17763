// energon-gen: SystemVerilog for the Energon filtering unit, with everything a simulation or
// synthesis flow needs beside it (docs/generator.md).
#include <iostream>

#include "generator/gen_options.h"
#include "generator/generate.h"
#include "generator/output_tree.h"
#include "golden/errors.h"

int main(int argc, char** argv) {
  namespace gen = energon::gen;
  try {
    gen::Options options;
    std::string text;
    switch (gen::ParseCommandLine(argc, argv, options, text)) {
      case gen::Action::kHelp:
      case gen::Action::kVersion:
        std::cout << text;
        return 0;
      case gen::Action::kPrintConfig:
        std::cout << gen::PrintedConfig(options.config, options.derived).dump(2) << '\n';
        return 0;
      case gen::Action::kGenerate:
        gen::WriteOutputTree(options.out_dir, gen::GenerateOutput(options.config, options.derived));
        return 0;
    }
  } catch (const energon::golden::InputError& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << '\n';
    return 1;
  }
  return 1;
}
