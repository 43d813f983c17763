// energon-gen: SystemVerilog for the Energon filtering unit, with everything a simulation or
// synthesis flow needs beside it (docs/generator.md).
#include <iostream>

#include "generator/gen_options.h"
#include "generator/generate.h"
#include "generator/output_tree.h"
#include "golden/tools/command_line.h"

int main(int argc, char** argv) {
  namespace gen = energon::gen;
  return energon::golden::cli::RunTool([&] {
    gen::Options options;
    std::string text;
    switch (gen::ParseCommandLine(argc, argv, options, text)) {
      case gen::Action::kHelp:
      case gen::Action::kVersion:
        std::cout << text;
        break;
      case gen::Action::kPrintConfig:
        std::cout << gen::PrintedConfig(options.config, options.derived).dump(2) << '\n';
        break;
      case gen::Action::kGenerate:
        gen::WriteOutputTree(options.out_dir, gen::GenerateOutput(options.config, options.derived));
        break;
    }
    return 0;
  });
}
